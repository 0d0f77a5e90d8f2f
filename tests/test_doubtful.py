"""The rule for implausible money figures, shared by answers, charts and the report."""

from __future__ import annotations

import pytest

from handlers.doubtful import doubtful_fields


@pytest.mark.parametrize(
    ("budget", "revenue", "fields"),
    [
        (200_000_000, 1_845_034_188, ()),  # Titanic
        (0, 0, ()),  # unknown is not doubtful
        (1, 12_396_383, ("budget", "return")),  # Less Than Zero: $1 budget
        (6_400_000, 6, ("revenue",)),  # Never Talk to Strangers: $6 box office
        (6, 8, ("budget", "revenue")),
        (999, 0, ("budget",)),
        (1_000, 0, ()),
        (1_000, 10_000_000, ()),  # exactly 10,000×
        (1_000, 10_000_001, ("return",)),
        (15_000, 193_355_800, ("return",)),  # a real low-budget hit is flagged too
    ],
)
def test_doubtful_fields(budget: int, revenue: int, fields: tuple[str, ...]) -> None:
    assert doubtful_fields(budget, revenue) == fields
