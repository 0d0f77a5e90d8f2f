"""When a film's money figures cannot be real: one rule for the answers, the charts and the report.

The source has budgets of $1 or $7 (amounts in millions typed as units, or placeholders) and box
office figures as small; a return of 10,000× or more comes from such a figure on the other side.
"""

from __future__ import annotations

import pandas as pd

DOUBTFUL_BELOW = 1_000
"""A known budget or box office (> 0) under US$1,000 is almost surely a typo or a placeholder."""

DOUBTFUL_RETURN_ABOVE = 10_000
"""A return (box office / budget) above 10,000× means one of the two figures is wrong."""


def doubtful_fields(budget: float, revenue: float) -> tuple[str, ...]:
    """The subset of ("budget", "revenue", "return") judged implausible; 0 means unknown.

    "budget" or "revenue" when known but under ``DOUBTFUL_BELOW``; "return" when both are known
    and the return is above ``DOUBTFUL_RETURN_ABOVE``.
    """
    fields = [
        name
        for name, value in (("budget", budget), ("revenue", revenue))
        if 0 < value < DOUBTFUL_BELOW
    ]
    if budget > 0 and revenue > 0 and revenue / budget > DOUBTFUL_RETURN_ABOVE:
        fields.append("return")
    return tuple(fields)


def doubtful_mask(budget: pd.Series, revenue: pd.Series) -> pd.Series:
    """Per film: whether ``doubtful_fields`` finds any implausible figure (vectorised)."""
    tiny_budget = (budget > 0) & (budget < DOUBTFUL_BELOW)
    tiny_revenue = (revenue > 0) & (revenue < DOUBTFUL_BELOW)
    huge_return = (budget > 0) & (revenue > DOUBTFUL_RETURN_ABOVE * budget)
    return tiny_budget | tiny_revenue | huge_return
