"""Kaggle's ``credits.csv`` → the credits table: directors, top-billed cast and writers per film
(``data_prep/people.py`` turns it into the files the bot serves).

Each ``cast``/``crew`` cell is ``str()`` of a list of dicts (single quotes, ``None``, double
quotes around names with an apostrophe). ``ast.literal_eval`` on 190 MB takes minutes, so a
cell is read with regular expressions written for Kaggle's exact key order, and checked: the
items found must cover the whole cell (``[`` item, item, … ``]``). A cell that is not of that
exact shape is read with ``ast.literal_eval`` (never ``eval``); one that does not parse at all is
counted and skipped, never fatal. The file is streamed in blocks with pyarrow, only the three
columns, so memory stays flat.
"""

from __future__ import annotations

import ast
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

TOP_CAST = 10
"""Cast members kept per film, by billing ``order``."""
WRITER_JOBS = frozenset({"Screenplay", "Writer"})
ROLES = ("director", "cast", "writer")
BLOCK_BYTES = 8 << 20
"""How much of the CSV pyarrow reads at a time."""

_STR = r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\""""
_CAST_ITEM = re.compile(
    r"\{'cast_id': [^,{}]*, 'character': (?:"
    + _STR
    + r"|None), 'credit_id': (?:"
    + _STR
    + r"|None), 'gender': [^,{}]*, 'id': (\d+), 'name': ("
    + _STR
    + r"), 'order': (\d+), "
    r"'profile_path': (?:" + _STR + r"|None)\}"
)
_CREW_ITEM = re.compile(
    r"\{'credit_id': (?:" + _STR + r"|None), 'department': (?:" + _STR + r"|None), "
    r"'gender': [^,{}]*, 'id': (\d+), 'job': (" + _STR + r"|None), 'name': (" + _STR + r"), "
    r"'profile_path': (?:" + _STR + r"|None)\}"
)
_WANTED_JOB = re.compile(r"'job': '(?:Director|Screenplay|Writer)'")


@dataclass
class CreditsReport:
    """What reading ``credits.csv`` found."""

    rows_in: int = 0
    films: int = 0  # films of the catalog with a credits row (first row per id)
    duplicates: int = 0  # later rows of an id already read
    absent: int = 0  # rows whose id is not in the catalog
    bad_ids: int = 0  # rows whose id is not an integer
    skipped_lines: int = 0  # lines the CSV reader could not split into the three columns
    unparseable: dict[str, int] = field(default_factory=lambda: {"cast": 0, "crew": 0})
    slow_path: int = 0  # cells of another shape, read with ast.literal_eval
    rows: int = 0  # rows of the credits table
    persons: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows_in": self.rows_in,
            "films": self.films,
            "duplicates": self.duplicates,
            "absent": self.absent,
            "bad_ids": self.bad_ids,
            "skipped_lines": self.skipped_lines,
            "unparseable": dict(self.unparseable),
            "slow_path": self.slow_path,
            "rows": self.rows,
            "persons": self.persons,
            "seconds": self.seconds,
        }


class _Rows:
    """The credits table's columns while they are being read."""

    def __init__(self) -> None:
        self.movie: list[int] = []
        self.person: list[int] = []
        self.name: list[str] = []
        self.role: list[int] = []
        self.order: list[int] = []

    def add(self, movie_id: int, person_id: int, name: str, role: int, order: int) -> None:
        self.movie.append(movie_id)
        self.person.append(person_id)
        self.name.append(name)
        self.role.append(role)
        self.order.append(order)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "movie_id": np.asarray(self.movie, dtype=np.int32),
                "person_id": np.asarray(self.person, dtype=np.int32),
                "name": pd.array(self.name, dtype="str"),
                "role": pd.Categorical.from_codes(
                    np.asarray(self.role, dtype=np.int8), categories=pd.Index(ROLES)
                ),
                "order": np.asarray(self.order, dtype=np.int16),
            }
        )


def _text(token: str) -> str:
    """A Python string literal's value (the token includes its quotes)."""
    if "\\" not in token:
        return token[1:-1]
    try:
        value = ast.literal_eval(token)
    except (ValueError, SyntaxError):
        return token[1:-1]
    return value if isinstance(value, str) else token[1:-1]


def _covers(pattern: re.Pattern[str], cell: str) -> bool:
    """Is ``cell`` exactly ``[`` item, item, … ``]`` with items of ``pattern``?"""
    rest, count = pattern.subn("", cell)
    return rest == "[" + ", " * (count - 1) + "]" if count else rest == "[]"


def _literal(cell: str) -> list[dict[str, Any]] | None:
    """The cell as a list of dicts, safely; None when it is not one."""
    try:
        value = ast.literal_eval(cell)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        return None
    return value


def _person(item: dict[str, Any]) -> tuple[int, str] | None:
    person_id, name = item.get("id"), item.get("name")
    if not isinstance(person_id, int) or not isinstance(name, str) or not name.strip():
        return None
    if not 0 < person_id < 2**31:
        return None
    return person_id, name.strip()


def _people_of(
    cell: str, report: CreditsReport | None
) -> list[tuple[tuple[int, str], dict[str, Any]]] | None:
    """The slow path: each item of the cell read as a Python literal that names a person, with
    that person (id, name); None when the cell is not a list of dicts."""
    items = _literal(cell)
    if items is None:
        return None
    if report is not None:
        report.slow_path += 1
    return [(person, item) for item in items if (person := _person(item)) is not None]


def parse_cast(cell: str, report: CreditsReport | None = None) -> list[tuple[int, str, int]] | None:
    """The top-billed cast of a cell as (person id, name, order), by order; None if it does not
    parse. Only the first ``TOP_CAST`` by order are kept."""
    if cell == "[]":
        return []
    if _covers(_CAST_ITEM, cell):
        found = [
            (int(pid), _text(name), int(order)) for pid, name, order in _CAST_ITEM.findall(cell)
        ]
    else:
        people = _people_of(cell, report)
        if people is None:
            return None
        found = [
            (*person, order if isinstance(order := item.get("order"), int) else at)
            for at, (person, item) in enumerate(people)
        ]
    found = [(pid, name.strip(), order) for pid, name, order in found if 0 < pid < 2**31]
    found.sort(key=lambda credit: credit[2])
    return [credit for credit in found if credit[1]][:TOP_CAST]


def parse_crew(cell: str, report: CreditsReport | None = None) -> list[tuple[int, str, str]] | None:
    """Directors and writers of a crew cell as (person id, name, job), in the cell's order;
    None if it does not parse."""
    if cell == "[]":
        return []
    if _covers(_CREW_ITEM, cell):
        if not _WANTED_JOB.search(cell):
            return []
        found = [
            (int(pid), _text(name), _text(job))
            for pid, job, name in _CREW_ITEM.findall(cell)
            if job in ("'Director'", "'Screenplay'", "'Writer'")
        ]
    else:
        people = _people_of(cell, report)
        if people is None:
            return None
        found = [
            (*person, job) for person, item in people if isinstance(job := item.get("job"), str)
        ]
    return [
        (pid, name.strip(), job)
        for pid, name, job in found
        if 0 < pid < 2**31 and name.strip() and (job == "Director" or job in WRITER_JOBS)
    ]


def _blocks(path: Path, report: CreditsReport) -> Iterator[pa.RecordBatch]:
    def skip(row: Any) -> str:
        report.skipped_lines += 1
        return "skip"

    columns = ["cast", "crew", "id"]
    reader = pacsv.open_csv(
        path,
        read_options=pacsv.ReadOptions(block_size=BLOCK_BYTES),
        parse_options=pacsv.ParseOptions(newlines_in_values=True, invalid_row_handler=skip),
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(columns, pa.string()),
            include_columns=columns,
            strings_can_be_null=False,
        ),
    )
    yield from reader


def _movie_id(text: str | None) -> int | None:
    text = (text or "").strip()
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdecimal() and 0 < int(text) < 2**31 else None


def read_credits(path: Path, movie_ids: Iterable[int]) -> tuple[pd.DataFrame, CreditsReport]:
    """The people of the films ``movie_ids`` in the credits file at ``path``.

    One row per credit: ``movie_id``, ``person_id``, ``name``, ``role`` (director, cast or
    writer) and ``order`` (billing order for the cast, position in the crew list otherwise).
    The first row of an id wins; rows of other ids and cells that do not parse are counted in
    the report. Raises ValueError when the file lacks the three columns or cannot be read.
    """
    started = time.perf_counter()
    wanted = set(movie_ids)
    seen: set[int] = set()
    report = CreditsReport()
    rows = _Rows()
    director, cast, writer = (ROLES.index(r) for r in ("director", "cast", "writer"))
    try:
        for block in _blocks(path, report):
            report.rows_in += block.num_rows
            for cast_cell, crew_cell, id_text in zip(
                block.column("cast").to_pylist(),
                block.column("crew").to_pylist(),
                block.column("id").to_pylist(),
                strict=True,
            ):
                movie_id = _movie_id(id_text)
                if movie_id is None:
                    report.bad_ids += 1
                    continue
                if movie_id not in wanted:
                    report.absent += 1
                    continue
                if movie_id in seen:
                    report.duplicates += 1
                    continue
                seen.add(movie_id)
                people = parse_cast((cast_cell or "").strip(), report)
                if people is None:
                    report.unparseable["cast"] += 1
                else:
                    for person_id, name, order in people:
                        rows.add(movie_id, person_id, name, cast, order)
                crew = parse_crew((crew_cell or "").strip(), report)
                if crew is None:
                    report.unparseable["crew"] += 1
                    continue
                for position, (person_id, name, job) in enumerate(crew):
                    rows.add(
                        movie_id,
                        person_id,
                        name,
                        director if job == "Director" else writer,
                        position,
                    )
    except (pa.ArrowInvalid, KeyError) as error:
        raise ValueError(f"the credits file {path} cannot be read: {error}") from None
    table = rows.frame().drop_duplicates(["movie_id", "person_id", "role"], keep="first")
    report.films = len(seen)
    report.rows = len(table)
    report.persons = int(table["person_id"].nunique())
    report.seconds = round(time.perf_counter() - started, 2)
    return table.reset_index(drop=True), report
