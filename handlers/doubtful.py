"""Figures in the source too small (or returns too large) to be true.

The Movies Dataset has budgets and box office typed as units instead of millions or thousands
(Modern Times: a budget of US$ 1; The Karate Kid Part II: US$ 113). Taken literally they give
returns of millions of times, so answers flag them instead of stating them as facts.
"""

from __future__ import annotations

DOUBTFUL_BELOW = 1_000
"""A known budget or box office (> 0) below this many US$ is judged a data entry error."""
DOUBTFUL_RETURN_ABOVE = 10_000
"""A return (box office / budget) above this many times is judged implausible."""


def doubtful_fields(budget: float, revenue: float) -> tuple[str, ...]:
    """The subset of ("budget", "revenue", "return") judged implausible; 0 (unknown) never is."""
    fields = []
    if 0 < budget < DOUBTFUL_BELOW:
        fields.append("budget")
    if 0 < revenue < DOUBTFUL_BELOW:
        fields.append("revenue")
    if budget > 0 and revenue > 0 and revenue / budget > DOUBTFUL_RETURN_ABOVE:
        fields.append("return")
    return tuple(fields)
