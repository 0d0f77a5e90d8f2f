"""The cleaning rules that turn the raw Kaggle table into the published catalog.

Each rule is a pure function ``DataFrame -> (DataFrame, RuleReport)`` so it can be tested alone.
They run in ``RULES`` order: the malformed-row hygiene (rule 7) comes first because shifted rows
would otherwise be miscounted as unparseable nested cells.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from data_prep import nested

RAW_COLUMNS = (
    "adult",
    "belongs_to_collection",
    "budget",
    "genres",
    "homepage",
    "id",
    "imdb_id",
    "original_language",
    "original_title",
    "overview",
    "popularity",
    "poster_path",
    "production_companies",
    "production_countries",
    "release_date",
    "revenue",
    "runtime",
    "spoken_languages",
    "status",
    "tagline",
    "title",
    "video",
    "vote_average",
    "vote_count",
)

DROPPED_COLUMNS = ("video", "adult", "homepage")
"""Rule 6. It also names ``original_title``, ``vote_count``, ``imdb_id`` and ``poster_path``,
which are kept: KEPT_COLUMNS."""

KEPT_COLUMNS = {
    "original_title": "matching: people type a film's original title too (Amélie, Il postino)",
    "vote_count": "relevance: picks the best-known of same-titled films and weighs recommendations",
    "imdb_id": "film cards link to the film on IMDb",
    "poster_path": "film cards show the poster (TMDB image path)",
}

IMDB_ID = r"tt\d{7,10}"
POSTER_PATH = r"/[A-Za-z0-9_-]{1,64}\.(?:jpg|jpeg|png)"
"""What a usable ``imdb_id`` / ``poster_path`` looks like; anything else (shifted rows, blanks)
becomes missing, since both end up in links."""


@dataclass
class RuleReport:
    """What one rule did to the table."""

    rule: str
    description: str
    rows_in: int
    rows_out: int
    unparseable: dict[str, int] = field(default_factory=dict)

    @property
    def dropped(self) -> int:
        return self.rows_in - self.rows_out

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"dropped": self.dropped}


CATALOG_COLUMNS = (
    "id",
    "title",
    "original_title",
    "release_date",
    "release_year",
    "collection",
    "genres",
    "budget",
    "revenue",
    "return",
    "production_companies",
    "production_countries",
    "production_country_codes",
    "spoken_languages",
    "original_language",
    "runtime",
    "status",
    "popularity",
    "vote_average",
    "vote_count",
    "tagline",
    "overview",
    "imdb_id",
    "poster_path",
)

Rule = Callable[[pd.DataFrame], tuple[pd.DataFrame, RuleReport]]


MAX_ID = 2**31 - 1
"""Movie ids are whole numbers from 1 to this (the neighbour table stores them as int32)."""
MAX_MONEY = 10**12
"""US$; no film has cost or earned a trillion dollars, so a larger amount is a broken cell."""
MAX_VOTES = 10**9


def numbers_within(cells: pd.Series, low: float, high: float) -> tuple[pd.Series, int]:
    """Text cells as float64, NaN unless a finite number in ``[low, high]``; also how many
    non-empty cells became NaN (text that is no number, ``inf``, ``1e309``, out of range)."""
    text = cells.astype("str").str.strip()
    number = pd.to_numeric(text, errors="coerce").astype("float64")
    ok = pd.Series(np.isfinite(number), index=cells.index) & number.between(low, high)
    present = cells.notna() & (text != "")
    return number.where(ok), int((present & ~ok).sum())


def valid_ids(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The mask of cells holding a whole number from 1 to ``MAX_ID``, and those ids as int64."""
    number, _ = numbers_within(cells, 1, MAX_ID)
    ok = number.notna() & (number == number.round())
    return ok, number[ok].astype("int64")


def drop_malformed_ids(raw: pd.DataFrame) -> tuple[pd.DataFrame, RuleReport]:
    """Rule 7a: drop rows whose ``id`` is not an integer (rows with shifted columns) or is out of
    range."""
    ok, ids = valid_ids(raw["id"])
    out = raw.loc[ok].copy()
    out["id"] = ids
    return out, RuleReport(
        "7a", "drop rows whose id is not an integer from 1 to 2³¹−1", len(raw), len(out)
    )


def drop_duplicate_ids(df: pd.DataFrame) -> tuple[pd.DataFrame, RuleReport]:
    """Rule 7b: keep the first row of each ``id``."""
    out = df.drop_duplicates(subset="id", keep="first")
    return out, RuleReport("7b", "drop duplicate ids (keep the first)", len(df), len(out))


NESTED_LISTS: dict[str, tuple[tuple[str, str], ...]] = {
    # raw column: (output column, key in each dict), …
    "genres": (("genres", "name"),),
    "production_companies": (("production_companies", "name"),),
    "production_countries": (
        ("production_countries", "name"),
        ("production_country_codes", "iso_3166_1"),
    ),
    "spoken_languages": (("spoken_languages", "iso_639_1"),),
}


def unnest(df: pd.DataFrame) -> tuple[pd.DataFrame, RuleReport]:
    """Rule 1: nested literal cells → collection name and lists of names/codes."""
    out = df.copy()
    failures: dict[str, int] = {}
    values, failures["belongs_to_collection"] = nested.parse_column(
        df["belongs_to_collection"], nested.collection_name, lambda: None
    )
    out["collection"] = pd.Series(values, index=df.index, dtype="str")
    for raw_column, targets in NESTED_LISTS.items():
        for target, key in targets:
            extract = partial(nested.names, key=key)
            values, failed = nested.parse_column(df[raw_column], extract, list)
            failures[raw_column] = max(failures.get(raw_column, 0), failed)
            out[target] = pd.Series(values, index=df.index, dtype="object")
    out = out.drop(columns=["belongs_to_collection"])
    report = RuleReport(
        "1",
        "unnest collection, genres, companies, countries, languages",
        len(df),
        len(out),
        {k: v for k, v in failures.items() if v},
    )
    return out, report


def numeric_money(df: pd.DataFrame) -> tuple[pd.DataFrame, RuleReport]:
    """Rule 2: ``revenue`` and ``budget`` numeric; nulls → 0, and text that is no number,
    negative, non-finite or absurd amounts (over ``MAX_MONEY``) → 0 (unknown), counted as
    unparseable."""
    out = df.copy()
    unparseable: dict[str, int] = {}
    for column in ("budget", "revenue"):
        number, bad = numbers_within(df[column], 0, MAX_MONEY)
        if bad:
            unparseable[column] = bad
        out[column] = number.fillna(0).round().astype("int64")
    return out, RuleReport(
        "2", "budget and revenue numeric, nulls to 0", len(df), len(out), unparseable
    )


def drop_missing_dates(df: pd.DataFrame) -> tuple[pd.DataFrame, RuleReport]:
    """Rule 3: drop rows whose ``release_date`` is null or not a valid YYYY-mm-dd date."""
    dates = pd.to_datetime(df["release_date"], format="%Y-%m-%d", errors="coerce")
    out = df.loc[dates.notna()].copy()
    out["release_date"] = dates[dates.notna()]
    unparseable = int((df["release_date"].notna() & dates.isna()).sum())
    return out, RuleReport(
        "3",
        "drop rows with a null or invalid release_date",
        len(df),
        len(out),
        {"release_date": unparseable} if unparseable else {},
    )


def add_release_year(df: pd.DataFrame) -> tuple[pd.DataFrame, RuleReport]:
    """Rule 4: ``release_date`` as a date and a new ``release_year`` column."""
    out = df.copy()
    out["release_date"] = out["release_date"].astype("datetime64[s]")
    out["release_year"] = out["release_date"].dt.year.astype("int64")
    return out, RuleReport("4", "release_date as a date, new release_year", len(df), len(out))


def add_return(df: pd.DataFrame) -> tuple[pd.DataFrame, RuleReport]:
    """Rule 5: ``return`` = revenue / budget, 0 where the budget is 0 (unknown)."""
    out = df.copy()
    budget = out["budget"].to_numpy(dtype="float64")
    revenue = out["revenue"].to_numpy(dtype="float64")
    safe_budget = np.where(budget > 0, budget, 1.0)
    out["return"] = np.where(budget > 0, revenue / safe_budget, 0.0)
    return out, RuleReport(
        "5", "return = revenue / budget (0 when the budget is 0)", len(df), len(out)
    )


def drop_unused_columns(df: pd.DataFrame) -> tuple[pd.DataFrame, RuleReport]:
    """Rule 6: drop the columns the bot does not publish; tidy the kept ones (numbers that do
    not parse, are not finite or are negative vote counts become unknown, counted)."""
    out = df.drop(columns=[c for c in DROPPED_COLUMNS if c in df.columns])
    unparseable: dict[str, int] = {}
    for column in ("popularity", "vote_average", "runtime"):
        out[column], unparseable[column] = numbers_within(out[column], -np.inf, np.inf)
    votes, unparseable["vote_count"] = numbers_within(out["vote_count"], 0, MAX_VOTES)
    out["vote_count"] = votes.fillna(0).round().astype("int64")
    title = out["title"].astype("str").str.strip()
    original = out["original_title"].astype("str").str.strip()
    missing = out["title"].isna() | (title == "")
    out["title"] = title.where(~missing, original)
    out["original_title"] = original
    for column in ("overview", "tagline", "status", "original_language"):
        out[column] = out[column].astype("str")
    for column, shape in (("imdb_id", IMDB_ID), ("poster_path", POSTER_PATH)):
        text = out[column].astype("str").str.strip()
        out[column] = text.where(text.str.fullmatch(shape, na=False))
    out = out[[c for c in CATALOG_COLUMNS if c in out.columns]]
    return out, RuleReport(
        "6",
        "drop video, adult, homepage (original_title, vote_count, "
        "imdb_id and poster_path are kept)",
        len(df),
        len(out),
        {k: v for k, v in unparseable.items() if v},
    )


RULES: tuple[Rule, ...] = (
    drop_malformed_ids,
    drop_duplicate_ids,
    unnest,
    numeric_money,
    drop_missing_dates,
    add_release_year,
    add_return,
    drop_unused_columns,
)


def _require_columns(raw: pd.DataFrame, columns: Iterable[str], source: str) -> None:
    if missing := [c for c in columns if c not in raw.columns]:
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        header = ", ".join(str(c) for c in raw.columns[:6]) + (", …" if raw.shape[1] > 6 else "")
        raise ValueError(
            f"{source} lacks the columns {', '.join(missing[:5])}{more} "
            f"(its header: {header or 'empty'})"
        )


def clean(raw: pd.DataFrame, source: str = "the raw file") -> tuple[pd.DataFrame, list[RuleReport]]:
    """Apply every rule in order; rows keep the file's order, with a fresh index.

    ``source`` names the file in the error raised when columns are missing.
    """
    _require_columns(raw, RAW_COLUMNS, source)
    df = raw
    reports: list[RuleReport] = []
    for rule in RULES:
        df, report = rule(df)
        reports.append(report)
    return df.reset_index(drop=True), reports


def parse_keywords(
    raw: pd.DataFrame, source: str = "the keywords file"
) -> tuple[pd.DataFrame, RuleReport]:
    """``keywords.csv`` → one row per integer id with a list of keyword names."""
    _require_columns(raw, ("id", "keywords"), source)
    ok, ids = valid_ids(raw["id"])
    df = raw.loc[ok].assign(id=ids).drop_duplicates("id", keep="first")
    values, failed = nested.parse_column(df["keywords"], nested.names, list)
    out = pd.DataFrame({"id": df["id"].to_numpy(), "keywords": values})
    return out, RuleReport(
        "kw",
        "parse keywords.csv (integer ids, first of duplicates)",
        len(raw),
        len(out),
        {"keywords": failed} if failed else {},
    )


def join_keywords(catalog: pd.DataFrame, keywords: pd.DataFrame | None) -> pd.DataFrame:
    """Add a ``keywords`` list column (empty where the movie has none)."""
    if keywords is None:
        lists: list[list[str]] = [[] for _ in range(len(catalog))]
    else:
        by_id = dict(zip(keywords["id"].tolist(), keywords["keywords"].tolist(), strict=True))
        lists = [list(by_id.get(i, [])) for i in catalog["id"].tolist()]
    return catalog.assign(keywords=pd.Series(lists, index=catalog.index, dtype="object"))
