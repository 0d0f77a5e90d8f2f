"""Facts of a raw Kaggle file worked out with the csv module, ``ast`` and ``datetime`` alone.

The tests compare the program's answers on the fixture with these, never with the project's own
pipeline, so a bug in cleaning or counting cannot hide in both.
"""

from __future__ import annotations

import ast
import datetime as dt
from collections import Counter
from functools import cache
from pathlib import Path

from tests.data import MOVIES, read_rows


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _names(cell: str, key: str = "name") -> list[str]:
    try:
        items = ast.literal_eval(cell) if cell.strip() else []
    except (ValueError, SyntaxError):
        return []
    if not isinstance(items, list):
        return []
    return [str(item[key]) for item in items if isinstance(item, dict) and key in item]


@cache
def kept_rows(path: Path = MOVIES) -> tuple[dict[str, str], ...]:
    """The rows the cleaning rules keep: an integer id seen for the first time, a valid date."""
    seen: set[str] = set()
    kept = []
    for row in read_rows(path):
        if not row["id"].strip().isdigit() or row["id"] in seen:
            continue
        seen.add(row["id"])
        if _date(row["release_date"]) is not None:
            kept.append(row)
    return tuple(kept)


def dates(path: Path = MOVIES) -> list[dt.date]:
    return [d for row in kept_rows(path) if (d := _date(row["release_date"])) is not None]


def films(path: Path = MOVIES) -> int:
    """How many films the catalog holds."""
    return len(kept_rows(path))


def in_month(month: int, path: Path = MOVIES, year: int | None = None) -> int:
    return sum(d.month == month and year in (None, d.year) for d in dates(path))


def on_weekday(weekday: int, path: Path = MOVIES) -> int:
    """Films released on a weekday (Monday = 0)."""
    return sum(d.weekday() == weekday for d in dates(path))


def years(path: Path = MOVIES) -> tuple[int, int]:
    found = [d.year for d in dates(path)]
    return min(found), max(found)


def from_country(iso: str, path: Path = MOVIES) -> int:
    return sum(iso in _names(r["production_countries"], "iso_3166_1") for r in kept_rows(path))


def in_collection(name: str, path: Path = MOVIES) -> int:
    return sum(f"'name': {name!r}" in row["belongs_to_collection"] for row in kept_rows(path))


@cache
def company_films(path: Path = MOVIES) -> Counter[str]:
    """Films of each company among the kept rows."""
    return Counter(c for row in kept_rows(path) for c in _names(row["production_companies"]))


def spanish(n: int) -> str:
    """A count as the Spanish answers write it: 4.622."""
    return f"{n:,}".replace(",", ".")


def collections(path: Path = MOVIES) -> set[str]:
    """The collections the kept rows belong to."""
    found = set()
    for row in kept_rows(path):
        try:
            value = ast.literal_eval(row["belongs_to_collection"] or "None")
        except (ValueError, SyntaxError):
            continue
        if isinstance(value, dict) and "name" in value:
            found.add(str(value["name"]))
    return found
