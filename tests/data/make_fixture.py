"""Cut the real-data sample from the shared raw files: ``python -m tests.data.make_fixture``.

It is written into the package (``data_prep/sample/``): ``pelibot prepare --sample`` builds from
it, and the tests use it as their fixture.

The fixture is a subset of the rows of ``movies_metadata_first4627.csv`` (the first 4,627 rows
of Kaggle's The Movies Dataset, CC0), copied byte for byte and in the file's order, plus every
row of ``keywords.csv`` whose id is one of theirs. Which rows, and why, is in ``select``; the
same inputs always give the same two files (fixed seed, gzip without a timestamp).

It reads the curated files (``data_prep/curated/``) and the names table of the tests
(``tests/names_table.py``), so that every film and studio they name is in the fixture.
"""

from __future__ import annotations

import argparse
import ast
import csv
import datetime as dt
import gzip
import io
import math
import os
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from unidecode import unidecode

from data_prep.curated import load_company_aliases, load_spanish_titles
from data_prep.sample import KEYWORDS, MOVIES, SAMPLE_DIR
from tests import names_table

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED_RAW = Path(os.environ.get("PELIBOT_SHARED_RAW", ROOT.parent / "shared" / "data" / "raw"))
SLICE_FILE = "movies_metadata_first4627.csv"
KEYWORDS_FILE = "keywords.csv"
MOVIES_FIXTURE = MOVIES.name  # written into the package: data_prep/sample/
KEYWORDS_FIXTURE = KEYWORDS.name

# Films the tests name (titles compared exactly, ignoring case) and words whose every title
# is kept, so that same-titled films and near misses ("seven", "titanic") stay realistic.
NAMED_TITLES = (
    "Toy Story",
    "Toy Story 2",
    "Jumanji",
    "Titanic",
    "Alien",
    "Aliens",
    "Alien³",
    "The Godfather",
    "The Godfather: Part II",
    "Scream",
    "Scream 2",
    "Scream 3",
    "Jurassic Park",
    "Forrest Gump",
    "The Lion King",
    "Back to the Future",
    "Terminator 2: Judgment Day",
    "Se7en",
    "Seven Samurai",
    "Snow White and the Seven Dwarfs",
    "Hamlet",
    "Heat",
    "Batman",
    "Less Than Zero",
    "Dr. No",
    "Star Wars",
    # named by the plain-words, honest-numbers and film-card tests
    "Angela's Ashes",
    "Modern Times",
    "The Karate Kid, Part II",
    "Friday",
    "The Fox and the Hound",
    "Casablanca",
    "Braveheart",
    "The Fifth Element",
    "Independence Day",
    "Groundhog Day",
    "Die Hard",
    "Waterworld",
    "Pulp Fiction",
    "The Terminator",
    "The Matrix",
    "Fight Club",
    "Home Alone",
    "Home Alone 2: Lost in New York",
    "Jurassic World",
)
NAMED_TITLE_WORDS = ("titanic", "hamlet", "seven")
NAMED_COLLECTIONS = (
    "Toy Story Collection",
    "Star Wars Collection",
    "James Bond Collection",
    "The Godfather Collection",
    "Indiana Jones Collection",
    "Rocky Collection",
    "Batman Collection",
    "Star Trek: The Original Series Collection",
    "Star Trek: The Next Generation Collection",
    "Alien Collection",
    "Scream Collection",
)
NAMED_COMPANIES = (
    "Pixar Animation Studios",
    "Paramount Pictures",
    "Warner Bros.",
    "Warner Bros. Pictures",
    "Universal Pictures",
    "Lucasfilm",
    "New Line Cinema",
    "Studio Ghibli",
    "Columbia Pictures",
    "Columbia Pictures Corporation",
    "StudioCanal",
    "Universal Studios",
    "Media Home Entertainment",
    "Home Box Office (HBO)",
    "World Productions",
)
NAMED_COUNTRIES = ("US", "GB", "FR", "ES", "DE", "MX", "JP", "NL", "KR")
PER_NAME = 5  # most-voted films kept for each named company and country
MOST_VOTED = 400  # the best-known films of the slice: what people ask about
EDGE_CASES = 3  # rows kept for each kind of odd row (tiny budget, unfinished status, …)
DOUBTFUL_BELOW = 1_000  # money amounts below this are placeholders (bot.charts.DOUBTFUL_BELOW)
SAMPLE = 150  # a random sample of the rest, for varied distributions
SEED = 4627
# Studios: every film of a company with at most WHOLE_COMPANY films in the slice; of a bigger one
# its most-voted films, at least COMPANY_SHARE of them (see ``company_families``).
WHOLE_COMPANY = 25
COMPANY_SHARE = 0.25


@dataclass(frozen=True)
class Record:
    """One CSV record: its fields and its exact bytes (quoted newlines included)."""

    fields: dict[str, str]
    raw: bytes


def read_records(data: bytes) -> tuple[bytes, list[Record]]:
    """The header line and the records of a CSV file, each with the bytes it was read from."""
    consumed: list[bytes] = []

    def lines() -> Iterator[str]:
        for line in io.BytesIO(data):
            consumed.append(line)
            yield line.decode("utf-8")

    reader = csv.reader(lines())  # it reads no further than the record it returns
    names = next(reader)
    header = b"".join(consumed)
    consumed.clear()
    records = []
    for values in reader:
        consumed_now = b"".join(consumed)
        consumed.clear()
        records.append(Record(dict(zip(names, values, strict=True)), consumed_now))
    if header + b"".join(record.raw for record in records) != data:
        raise ValueError("the records do not add up to the file")
    return header, records


def _literal(cell: str) -> object:
    try:
        return ast.literal_eval(cell) if cell.strip() else None
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None


def _names(cell: str, key: str = "name") -> list[str]:
    items = _literal(cell)
    if not isinstance(items, list):
        return []
    return [str(item[key]) for item in items if isinstance(item, dict) and key in item]


def _collection(row: dict[str, str]) -> str | None:
    value = _literal(row["belongs_to_collection"])
    return str(value["name"]) if isinstance(value, dict) and "name" in value else None


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


def _valid_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _words(name: str) -> str:
    """A name as lower-case ASCII words: "Lions Gate Films" → "lions gate films"."""
    return " ".join(re.findall(r"[a-z0-9]+", unidecode(name).lower()))


def company_families(companies: Iterable[str]) -> dict[str, set[str]]:
    """Each studio the curated aliases target or the tests name, with its rival spellings: the
    companies of the slice whose name holds, as whole words, the studio's name or one of its
    aliases ("fox" → Fox Searchlight Pictures, 20th Century Fox; "lionsgate" → Lionsgate)."""
    keys: dict[str, set[str]] = {name: {_words(name)} for name in NAMED_COMPANIES}
    keys.update({name: {_words(name)} for _, name in names_table.COMPANIES})
    for alias in load_company_aliases():
        keys.setdefault(alias.company, {_words(alias.company)}).add(_words(alias.alias))
    spelled = {name: f" {_words(name)} " for name in companies}
    return {
        head: {head}
        | {name for name, words in spelled.items() if any(f" {key} " in words for key in head_keys)}
        for head, head_keys in keys.items()
    }


def _check_company_order(
    families: dict[str, set[str]], in_slice: Counter[str], kept: Counter[str]
) -> None:
    """Within each family, a company with more films in the slice has more in the fixture."""
    for head, family in families.items():
        for big in family:
            for small in family:
                if in_slice[big] > in_slice[small] and kept[big] <= kept[small]:
                    raise ValueError(
                        f"{head}: {big} ({in_slice[big]} films in the slice, "
                        f"{kept[big]} kept) no longer outnumbers {small} "
                        f"({in_slice[small]}, {kept[small]} kept)"
                    )


EDGE_KINDS: dict[str, Callable[[dict[str, str]], bool]] = {
    "tiny budget": lambda row: 0 < _number(row["budget"]) < DOUBTFUL_BELOW,
    "tiny box office": lambda row: 0 < _number(row["revenue"]) < DOUBTFUL_BELOW,
    "not released": lambda row: row["status"] != "Released",
    "no genres": lambda row: row["genres"] == "[]",
    "no companies": lambda row: row["production_companies"] == "[]",
    "no countries": lambda row: row["production_countries"] == "[]",
    "no spoken languages": lambda row: row["spoken_languages"] == "[]",
    "title differs from the original": lambda row: row["title"] != row["original_title"],
    "Spanish original": lambda row: row["original_language"] == "es",
    "newline in a cell": lambda row: any("\n" in value for value in row.values()),
}


def select(rows: list[dict[str, str]]) -> list[int]:
    """Positions (in file order) of the rows the fixture keeps."""
    by_votes = sorted(range(len(rows)), key=lambda i: -_number(rows[i]["vote_count"]))
    companies = [_names(row["production_companies"]) for row in rows]
    countries = [_names(row["production_countries"], "iso_3166_1") for row in rows]
    chosen: set[int] = set()

    # 1. the films the tests name (by title or by id in the names table), same-titled films,
    #    whole named collections, and every film a curated Spanish title is for (title and year)
    titles = {title.casefold() for title in NAMED_TITLES}
    named_ids = {
        str(value)
        for _, value in names_table.TITLES + names_table.ASKED_BACK
        if isinstance(value, int)
    }
    spanish = {(entry.title, str(entry.year)) for entry in load_spanish_titles()}
    for i, row in enumerate(rows):
        title = row["title"].casefold()
        if (
            title in titles
            or any(word in title for word in NAMED_TITLE_WORDS)
            or _collection(row) in NAMED_COLLECTIONS
            or row["id"] in named_ids
            or (row["title"], row["release_date"][:4]) in spanish
        ):
            chosen.add(i)
    # 2. the best-known films of every company and country the tests name
    for company in NAMED_COMPANIES:
        chosen.update([i for i in by_votes if company in companies[i]][:PER_NAME])
    for iso in NAMED_COUNTRIES:
        chosen.update([i for i in by_votes if iso in countries[i]][:PER_NAME])
    # 3. every row a cleaning rule drops: id not an integer, repeated id, no valid date
    ids = Counter(row["id"] for row in rows)
    chosen.update(
        i
        for i, row in enumerate(rows)
        if not row["id"].strip().isdigit()
        or ids[row["id"]] > 1
        or not _valid_date(row["release_date"])
    )
    # 4. a few of each kind of odd row, first in file order
    for test in EDGE_KINDS.values():
        chosen.update([i for i, row in enumerate(rows) if test(row)][:EDGE_CASES])
    # 5. the best-known films of the slice
    chosen.update(by_votes[:MOST_VOTED])
    # 6. studios and their rival spellings: a small company whole, a big one's most-voted share,
    #    so that within a family the order of film counts is the slice's (checked below)
    in_slice = Counter(name for names in companies for name in names)
    families = company_families(in_slice)
    for name in sorted(set().union(*families.values())):
        films = [i for i in by_votes if name in companies[i]]
        if len(films) > WHOLE_COMPANY:
            films = films[: max(WHOLE_COMPANY, math.ceil(len(films) * COMPANY_SHARE))]
        chosen.update(films)
    # 7. a random sample of the rest
    rest = [i for i in range(len(rows)) if i not in chosen]
    chosen.update(random.Random(SEED).sample(rest, min(SAMPLE, len(rest))))
    # 8. every film of each collection a chosen film belongs to (collections stay whole)
    collections = {_collection(rows[i]) for i in chosen} - {None}
    chosen.update(i for i, row in enumerate(rows) if _collection(row) in collections)
    _check_company_order(families, in_slice, Counter(c for i in chosen for c in companies[i]))
    return sorted(chosen)


def _write_gz(path: Path, chunks: Iterable[bytes]) -> int:
    """Write gzip without a name or timestamp in its header, so equal input gives equal bytes."""
    path.write_bytes(gzip.compress(b"".join(chunks), compresslevel=9, mtime=0))
    return path.stat().st_size


def make_fixture(raw_dir: Path, out_dir: Path) -> dict[str, int]:
    """Write both fixture files from the shared raw files; returns their row counts and sizes."""
    header, movies = read_records((raw_dir / SLICE_FILE).read_bytes())
    keep = select([record.fields for record in movies])
    ids = {movies[i].fields["id"] for i in keep}
    kw_header, keywords = read_records((raw_dir / KEYWORDS_FILE).read_bytes())
    kw_keep = [record for record in keywords if record.fields["id"] in ids]
    out_dir.mkdir(parents=True, exist_ok=True)
    movies_size = _write_gz(out_dir / MOVIES_FIXTURE, [header, *(movies[i].raw for i in keep)])
    keywords_size = _write_gz(
        out_dir / KEYWORDS_FIXTURE, [kw_header, *(record.raw for record in kw_keep)]
    )
    return {
        "movie rows": len(keep),
        "movie ids": len(ids),
        "keyword rows": len(kw_keep),
        f"{MOVIES_FIXTURE} bytes": movies_size,
        f"{KEYWORDS_FIXTURE} bytes": keywords_size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.data.make_fixture",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    parser.add_argument(
        "--raw-dir",
        type=Path,
        default=SHARED_RAW,
        help=f"the folder of {SLICE_FILE} and {KEYWORDS_FILE} (%(default)s)",
    )
    parser.add_argument("--out", type=Path, default=SAMPLE_DIR, help="where to write (%(default)s)")
    args = parser.parse_args(argv)
    for name in (SLICE_FILE, KEYWORDS_FILE):
        if not (args.raw_dir / name).is_file():
            parser.error(f"{args.raw_dir / name} not found (set --raw-dir or PELIBOT_SHARED_RAW)")
    for what, value in make_fixture(args.raw_dir, args.out).items():
        print(f"{what}: {value:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
