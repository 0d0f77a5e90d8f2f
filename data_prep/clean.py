"""The cleaning rules that turn the raw Kaggle table into the published catalog.

Each rule is a pure function ``DataFrame -> (DataFrame, RuleReport)`` so it can be tested alone.
They run in ``RULES`` order: the malformed-row hygiene (rule 7) comes first because shifted rows
would otherwise be miscounted as unparseable nested cells.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from data_prep import nested

RAW_COLUMNS = (
    "adult", "belongs_to_collection", "budget", "genres", "homepage", "id", "imdb_id",
    "original_language", "original_title", "overview", "popularity", "poster_path",
    "production_companies", "production_countries", "release_date", "revenue", "runtime",
    "spoken_languages", "status", "tagline", "title", "video", "vote_average", "vote_count",
)  # fmt: skip

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
    "id", "title", "original_title", "release_date", "release_year", "collection", "genres",
    "budget", "revenue", "return", "production_companies", "production_countries",
    "production_country_codes", "spoken_languages", "original_language", "runtime", "status",
    "popularity", "vote_average", "vote_count", "tagline", "overview", "imdb_id", "poster_path",
)  # fmt: skip

Rule = Callable[[pd.DataFrame], tuple[pd.DataFrame, RuleReport]]


def drop_malformed_ids(raw: pd.DataFrame) -> tuple[pd.DataFrame, RuleReport]:
    """Rule 7a: drop rows whose ``id`` is not an integer (rows with shifted columns)."""
    ids = pd.to_numeric(raw["id"].astype("str").str.strip(), errors="coerce")
    ok = ids.notna() & (ids == ids.round())
    out = raw.loc[ok].copy()
    out["id"] = ids[ok].astype("int64")
    return out, RuleReport("7a", "drop rows whose id is not an integer", len(raw), len(out))


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
    report = RuleReport("1", "unnest collection, genres, companies, countries, languages",
                        len(df), len(out), {k: v for k, v in failures.items() if v})
    return out, report


def numeric_money(df: pd.DataFrame) -> tuple[pd.DataFrame, RuleReport]:
    """Rule 2: ``revenue`` and ``budget`` numeric; nulls, text that is no number and negative
    amounts → 0 (the last two counted as unparseable)."""
    out = df.copy()
    unparseable: dict[str, int] = {}
    for column in ("budget", "revenue"):
        text = df[column].astype("str").str.strip()
        number = pd.to_numeric(text, errors="coerce")
        present = df[column].notna() & (text != "")
        if bad := int((present & (number.isna() | (number < 0))).sum()):
            unparseable[column] = bad
        out[column] = number.fillna(0).clip(lower=0).round().astype("int64")
    return out, RuleReport("2", "budget and revenue numeric, nulls to 0", len(df), len(out),
                           unparseable)


def drop_missing_dates(df: pd.DataFrame) -> tuple[pd.DataFrame, RuleReport]:
    """Rule 3: drop rows whose ``release_date`` is null or not a valid YYYY-mm-dd date."""
    dates = pd.to_datetime(df["release_date"], format="%Y-%m-%d", errors="coerce")
    out = df.loc[dates.notna()].copy()
    out["release_date"] = dates[dates.notna()]
    unparseable = int((df["release_date"].notna() & dates.isna()).sum())
    return out, RuleReport("3", "drop rows with a null or invalid release_date", len(df), len(out),
                           {"release_date": unparseable} if unparseable else {})


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
    return out, RuleReport("5", "return = revenue / budget (0 when the budget is 0)", len(df),
                           len(out))


def drop_unused_columns(df: pd.DataFrame) -> tuple[pd.DataFrame, RuleReport]:
    """Rule 6: drop the columns the bot does not publish; tidy the kept ones."""
    out = df.drop(columns=[c for c in DROPPED_COLUMNS if c in df.columns])
    for column in ("popularity", "vote_average", "runtime"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("float64")
    votes = pd.to_numeric(out["vote_count"], errors="coerce").fillna(0)
    out["vote_count"] = votes.round().astype("int64")
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
    return out, RuleReport("6", "drop video, adult, homepage (original_title, vote_count, "
                           "imdb_id and poster_path are kept)", len(df), len(out))


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


def clean(raw: pd.DataFrame) -> tuple[pd.DataFrame, list[RuleReport]]:
    """Apply every rule in order; rows keep the file's order, with a fresh index."""
    missing = [c for c in RAW_COLUMNS if c not in raw.columns]
    if missing:
        raise ValueError(f"the raw file lacks the columns {', '.join(missing)}")
    df = raw
    reports: list[RuleReport] = []
    for rule in RULES:
        df, report = rule(df)
        reports.append(report)
    return df.reset_index(drop=True), reports


def parse_keywords(raw: pd.DataFrame) -> tuple[pd.DataFrame, RuleReport]:
    """``keywords.csv`` → one row per integer id with a list of keyword names."""
    ids = pd.to_numeric(raw["id"], errors="coerce")
    ok = ids.notna() & (ids == ids.round())
    df = raw.loc[ok].assign(id=ids[ok].astype("int64")).drop_duplicates("id", keep="first")
    values, failed = nested.parse_column(df["keywords"], nested.names, list)
    out = pd.DataFrame({"id": df["id"].to_numpy(), "keywords": values})
    return out, RuleReport("kw", "parse keywords.csv (integer ids, first of duplicates)",
                           len(raw), len(out), {"keywords": failed} if failed else {})


def join_keywords(catalog: pd.DataFrame, keywords: pd.DataFrame | None) -> pd.DataFrame:
    """Add a ``keywords`` list column (empty where the movie has none)."""
    if keywords is None:
        lists: list[list[str]] = [[] for _ in range(len(catalog))]
    else:
        by_id = dict(zip(keywords["id"].tolist(), keywords["keywords"].tolist(), strict=True))
        lists = [list(by_id.get(i, [])) for i in catalog["id"].tolist()]
    return catalog.assign(keywords=pd.Series(lists, index=catalog.index, dtype="object"))
