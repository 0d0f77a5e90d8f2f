"""Aggregates computed once when the catalog loads, so the questions are dictionary lookups."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True, slots=True)  # one per company: tens of thousands
class GroupStats:
    """Movies of one collection or company: count and box office (0 = unknown)."""

    count: int
    revenue_total: int
    revenue_known: int


@dataclass(frozen=True)
class CatalogStats:
    month_counts: dict[int, int]  # 1..12
    weekday_counts: dict[int, int]  # Monday = 0
    collections: dict[str, GroupStats]
    companies: dict[str, GroupStats]
    country_counts: dict[str, int]  # ISO 3166-1 alpha-2 → movies
    country_names: dict[str, str]  # ISO → name as the catalog spells it


def _group_stats(movies: pd.DataFrame, column: str) -> dict[str, GroupStats]:
    """Per value of ``column`` (a name or a list of names): count and revenue of its movies."""
    pairs = movies[[column, "revenue"]].explode(column).dropna(subset=[column])
    pairs = pairs.rename_axis("row").reset_index().drop_duplicates(subset=["row", column])
    pairs["known"] = pairs["revenue"] > 0
    grouped = pairs.groupby(column, sort=False).agg(
        count=("row", "size"), revenue_total=("revenue", "sum"), revenue_known=("known", "sum")
    )
    return {
        str(name): GroupStats(int(count), int(total), int(known))
        for name, count, total, known in zip(
            grouped.index, grouped["count"], grouped["revenue_total"], grouped["revenue_known"],
            strict=True,
        )
    }


def _calendar_counts(dates: pd.Series, part: str, keys: range) -> dict[int, int]:
    counts = getattr(dates.dt, part).value_counts()
    return {k: int(counts.get(k, 0)) for k in keys}


def compute_stats(movies: pd.DataFrame) -> CatalogStats:
    dates = movies["release_date"]
    countries = (
        pd.DataFrame({
            "iso": movies["production_country_codes"],
            "name": movies["production_countries"],
        })
        .explode(["iso", "name"])
        .dropna()
    )
    country_names = countries.drop_duplicates("iso").set_index("iso")["name"]
    per_movie = countries.rename_axis("row").reset_index().drop_duplicates(subset=["row", "iso"])
    return CatalogStats(
        month_counts=_calendar_counts(dates, "month", range(1, 13)),
        weekday_counts=_calendar_counts(dates, "day_of_week", range(7)),
        collections=_group_stats(movies, "collection"),
        companies=_group_stats(movies, "production_companies"),
        country_counts={str(k): int(v) for k, v in per_movie["iso"].value_counts().items()},
        country_names={str(k): str(v) for k, v in country_names.items()},
    )
