"""Aggregates computed once when the catalog loads.

The answers read them as dictionary lookups; the charts and the report read the tables behind
the same numbers (per name and decade, per release year), so a chart always adds up to its
answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

import pandas as pd

from handlers.doubtful import doubtful_mask

GROUP_COLUMNS = ["count", "revenue_total", "revenue_known", "doubtful"]
"""Columns of a group table (``group_decades``) and of ``top_groups``, as in ``GroupStats``."""


@dataclass(frozen=True, slots=True)  # one per company: tens of thousands
class GroupStats:
    """Movies of one collection or company: count and box office (0 = unknown)."""

    count: int
    revenue_total: int
    revenue_known: int
    doubtful: int = 0  # films whose budget, box office or return is implausible (handlers.doubtful)


@dataclass(frozen=True, eq=False)
class CatalogStats:
    month_counts: dict[int, int]  # 1..12
    year_month_counts: dict[tuple[int, int], int]  # (year, month) → movies
    weekday_counts: dict[int, int]  # Monday = 0
    collections: dict[str, GroupStats]  # totals of collection_decades
    companies: dict[str, GroupStats]  # totals of company_decades
    country_counts: dict[str, int]  # ISO 3166-1 alpha-2 → movies; totals of country_decades
    country_names: dict[str, str]  # ISO → name as the catalog spells it
    years: pd.DataFrame  # see year_table
    collection_decades: pd.DataFrame  # see group_decades
    company_decades: pd.DataFrame
    country_decades: pd.DataFrame  # names are ISO codes


def decade_of(years: pd.Series) -> pd.Series:
    """The decade of each year, as its first year: 1994 → 1990."""
    return years // 10 * 10


def _pairs(movies: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """One row per movie (``row``) and name in ``columns[0]`` (list cells of the other columns
    exploded alongside), with the movie's ``revenue``, ``decade`` and whether a figure of it is
    ``doubtful``."""
    return (
        movies[[*columns, "revenue"]]
        .assign(
            decade=decade_of(movies["release_year"]),
            doubtful=doubtful_mask(movies["budget"], movies["revenue"]),
        )
        .explode(columns)
        .dropna(subset=columns)
        .rename_axis("row")
        .reset_index()
        .drop_duplicates(subset=["row", columns[0]])
    )


def _by_decade(pairs: pd.DataFrame, column: str) -> pd.DataFrame:
    grouped = pairs.assign(known=pairs["revenue"] > 0).groupby([column, "decade"], sort=False)
    table = grouped.agg(
        count=("row", "size"),
        revenue_total=("revenue", "sum"),
        revenue_known=("known", "sum"),
        doubtful=("doubtful", "sum"),
    )
    return table.rename_axis(["name", "decade"]).astype("int64")


def group_decades(movies: pd.DataFrame, column: str) -> pd.DataFrame:
    """Per value of ``column`` (a name or a list of names per movie) and per decade: movies
    (``count``), the sum of their box office (``revenue_total``, 0 = unknown) and how many have
    it known (``revenue_known``), and how many have an implausible figure (``doubtful``). A movie
    counts once per name.

    Indexed by (``name``, ``decade``), names in order of first appearance.
    """
    return _by_decade(_pairs(movies, [column]), column)


def _totals(decades: pd.DataFrame) -> pd.DataFrame:
    return decades.groupby(level="name", sort=False).sum()


def _group_stats(totals: pd.DataFrame) -> dict[str, GroupStats]:
    return {
        str(name): GroupStats(int(count), int(total), int(known), int(doubtful))
        for name, count, total, known, doubtful in zip(
            totals.index, *(totals[c] for c in GROUP_COLUMNS), strict=True
        )
    }


def decade_rows(decades: pd.DataFrame, name: str) -> pd.DataFrame:
    """The rows of one name of a group table, indexed by decade from its first to its last
    decade (decades without a movie as zeros); empty when the name is not in the table."""
    try:
        # a scalar key of the sorted index: a binary search, no hash table of every name
        rows = cast(pd.DataFrame, decades.loc[name])
    except KeyError:
        return decades.iloc[:0].droplevel("name")
    first, last = int(rows.index.min()), int(rows.index.max())
    return rows.reindex(pd.Index(range(first, last + 1, 10), name="decade"), fill_value=0)


def top_groups(
    decades: pd.DataFrame, n: int = 10, names: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The ``n`` names of a group table with most movies: ``name`` and ``GROUP_COLUMNS``.

    ``names`` renames them first (ISO code → country name); ties go by name.
    """
    totals = _totals(decades).reset_index()
    if names:
        totals["name"] = [names.get(name, name) for name in totals["name"]]
    ranked = totals.sort_values(["count", "name"], ascending=[False, True], kind="stable")
    return ranked.head(n).reset_index(drop=True)[["name", *GROUP_COLUMNS]]


def year_table(movies: pd.DataFrame) -> pd.DataFrame:
    """Per release year, from the first to the last (years without a movie as zeros): movies
    (``count``), and of the known budgets and box office (> 0) how many there are
    (``budget_known``, ``revenue_known``) and their median (``*_median``; NaN when none)."""
    money = movies[["budget", "revenue"]]
    grouped = money.where(money.gt(0)).groupby(movies["release_year"])
    table = pd.DataFrame(
        {
            "count": grouped.size(),
            "budget_known": grouped["budget"].count(),
            "budget_median": grouped["budget"].median(),
            "revenue_known": grouped["revenue"].count(),
            "revenue_median": grouped["revenue"].median(),
        }
    )
    counts = ["count", "budget_known", "revenue_known"]
    if table.empty:
        return table.astype(dict.fromkeys(counts, "int64")).rename_axis("year")
    full = pd.Index(range(int(table.index.min()), int(table.index.max()) + 1), name="year")
    table = table.reindex(full)
    table[counts] = table[counts].fillna(0).astype("int64")
    return table


def _calendar_counts(dates: pd.Series, part: str, keys: range) -> dict[int, int]:
    counts = getattr(dates.dt, part).value_counts()
    return {k: int(counts.get(k, 0)) for k in keys}


def _year_month_counts(dates: pd.Series) -> dict[tuple[int, int], int]:
    counts = dates.groupby([dates.dt.year.rename("year"), dates.dt.month.rename("month")]).size()
    frame = counts.reset_index(name="n")
    return {
        (int(year), int(month)): int(n)
        for year, month, n in zip(frame["year"], frame["month"], frame["n"], strict=True)
    }


def compute_stats(movies: pd.DataFrame) -> CatalogStats:
    dates = movies["release_date"]
    iso, name = "production_country_codes", "production_countries"
    countries = _pairs(movies, [iso, name])  # codes and names side by side in the catalog
    country_names = countries.drop_duplicates(iso).set_index(iso)[name]
    collections = group_decades(movies, "collection")
    companies = group_decades(movies, "production_companies")
    by_country = _by_decade(countries, iso)
    return CatalogStats(
        month_counts=_calendar_counts(dates, "month", range(1, 13)),
        year_month_counts=_year_month_counts(dates),
        weekday_counts=_calendar_counts(dates, "day_of_week", range(7)),
        collections=_group_stats(_totals(collections)),
        companies=_group_stats(_totals(companies)),
        country_counts={str(k): int(v) for k, v in _totals(by_country)["count"].items()},
        country_names={str(k): str(v) for k, v in country_names.items()},
        years=year_table(movies),
        collection_decades=collections.sort_index(),
        company_decades=companies.sort_index(),
        country_decades=by_country.sort_index(),
    )
