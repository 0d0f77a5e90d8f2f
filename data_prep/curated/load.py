"""Reading, checking and joining the hand-curated files next to this module.

``spanish_titles.csv`` (``title,year,es_es,es_419``): the titles a film was released under in Spain
and in Latin America, keyed by its English title exactly as the Kaggle file spells it and the year
of its first release. Where Latin American countries used different titles, ``es_419`` follows the
Mexican release; it is empty only when that title is unknown.

``company_aliases.csv`` (``alias,company``): everyday names and old or new names of a studio → the
company name used in the Kaggle file's ``production_companies``. When a brand appears there under
several spellings, the alias points at the spelling with the most films, so an alias may coincide
with a minor spelling (``paramount`` → ``Paramount Pictures``, not the 3 films of ``Paramount``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

CURATED_DIR = Path(__file__).parent
SPANISH_TITLES_FILE = CURATED_DIR / "spanish_titles.csv"
COMPANY_ALIASES_FILE = CURATED_DIR / "company_aliases.csv"
TITLE_COLUMNS = ("title", "year", "es_es", "es_419")
ALIAS_COLUMNS = ("alias", "company")
FIRST_YEAR, LAST_YEAR = 1874, 2017  # the first film on TMDB; the dataset's last year
CATALOG_COLUMNS = ("id", "title", "release_year", "vote_count")


class CuratedDataError(ValueError):
    """A curated file (or the catalog given to the join) is not as described; says where."""


@dataclass(frozen=True)
class SpanishTitle:
    title: str
    year: int
    es_es: str
    es_419: str | None  # None when the Latin American title is not known


@dataclass(frozen=True)
class CompanyAlias:
    alias: str
    company: str


@dataclass(frozen=True)
class SpanishNames:
    es_es: str
    es_419: str | None


@dataclass(frozen=True)
class TitleJoin:
    """Curated titles joined to a catalog: by catalog id, and those that found no film."""

    matched: dict[int, SpanishNames]
    unmatched: list[SpanishTitle]


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; the header must be exactly ``columns``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CuratedDataError(f"{path} does not exist.") from None
    except UnicodeDecodeError as error:
        raise CuratedDataError(f"{path} is not valid UTF-8 (byte {error.start}).") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(header) != columns:
        raise CuratedDataError(
            f"{path}: the header must be {','.join(columns)}, not {','.join(header or [])!r}."
        )
    for cells in reader:
        if len(cells) != len(columns):
            raise CuratedDataError(
                f"{path}, line {reader.line_num}: {len(cells)} fields instead of {len(columns)}"
                " (a value with a comma needs double quotes)."
            )
        yield reader.line_num, dict(zip(columns, cells, strict=True))


def _check_text(path: Path, line: int, row: dict[str, str], optional: tuple[str, ...] = ()) -> None:
    for column, value in row.items():
        if value != value.strip():
            raise CuratedDataError(f"{path}, line {line}: {column} has spaces around it.")
        if not value and column not in optional:
            raise CuratedDataError(f"{path}, line {line}: {column} is empty.")


def load_spanish_titles(path: Path = SPANISH_TITLES_FILE) -> list[SpanishTitle]:
    """The checked rows of ``spanish_titles.csv``; ``CuratedDataError`` names the first problem."""
    out: list[SpanishTitle] = []
    seen: dict[tuple[str, int], int] = {}
    for line, row in _rows(path, TITLE_COLUMNS):
        _check_text(path, line, row, optional=("es_419",))
        try:
            year = int(row["year"])
        except ValueError:
            message = f"{path}, line {line}: year {row['year']!r} is not a number."
            raise CuratedDataError(message) from None
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise CuratedDataError(
                f"{path}, line {line}: year {year} is outside {FIRST_YEAR}–{LAST_YEAR}."
            )
        key = (row["title"], year)
        if key in seen:
            raise CuratedDataError(
                f"{path}, line {line}: {row['title']} ({year}) is already on line {seen[key]}."
            )
        seen[key] = line
        out.append(SpanishTitle(row["title"], year, row["es_es"], row["es_419"] or None))
    return out


def load_company_aliases(path: Path = COMPANY_ALIASES_FILE) -> list[CompanyAlias]:
    """The checked rows of ``company_aliases.csv``; aliases are compared without case."""
    out: list[CompanyAlias] = []
    seen: dict[str, int] = {}
    for line, row in _rows(path, ALIAS_COLUMNS):
        _check_text(path, line, row)
        alias = row["alias"].casefold()
        if alias == row["company"].casefold():
            raise CuratedDataError(f"{path}, line {line}: alias {alias!r} is the company name.")
        if alias in seen:
            raise CuratedDataError(f"{path}, line {line}: {alias!r} is also on line {seen[alias]}.")
        seen[alias] = line
        out.append(CompanyAlias(alias, row["company"]))
    return out


def join_catalog(titles: list[SpanishTitle], catalog: pd.DataFrame) -> TitleJoin:
    """Attach each curated title to the catalog film with the same title and release year.

    When several films share a title and year, the most voted one gets the Spanish titles (the
    lower id on a tie). Entries with no such film are returned in ``unmatched``, in file order.
    """
    missing = [column for column in CATALOG_COLUMNS if column not in catalog.columns]
    if missing:
        raise CuratedDataError(f"The catalog has no column {', '.join(missing)}.")
    best = (
        catalog.loc[:, list(CATALOG_COLUMNS)]
        .sort_values(["vote_count", "id"], ascending=[False, True], kind="stable")
        .drop_duplicates(["title", "release_year"])
        .set_index(["title", "release_year"])["id"]
    )
    ids = best.to_dict()
    matched: dict[int, SpanishNames] = {}
    unmatched: list[SpanishTitle] = []
    for entry in titles:
        movie_id = ids.get((entry.title, entry.year))
        if movie_id is None:
            unmatched.append(entry)
        else:
            matched[int(movie_id)] = SpanishNames(entry.es_es, entry.es_419)
    return TitleJoin(matched, unmatched)
