"""``pelibot prepare``: raw Kaggle CSV → processed catalog (Parquet + JSON manifest)."""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import textwrap
import time
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import pandas as pd

from data_prep import clean, layout
from data_prep.credits import read_credits
from data_prep.curated import SPANISH_TITLES_FILE, join_catalog, load_spanish_titles
from data_prep.neighbours import NEIGHBOURS_K, build_neighbours
from data_prep.people import ServedPeople, people_tables
from data_prep.sample import ORIGIN as SAMPLE_ORIGIN
from data_prep.source import RawFiles

UNMATCHED_SHOWN = 30
"""Unmatched curated titles printed by ``format_report`` (the manifest lists them all)."""


@dataclass
class BuildResult:
    build_dir: Path
    manifest: dict[str, Any]


class BuildRefused(ValueError):
    """The new build looks broken, so the current catalog was kept; ``manifest`` describes it."""

    def __init__(self, message: str, manifest: dict[str, Any]) -> None:
        super().__init__(message)
        self.manifest = manifest


def read_raw_csv(path: Path) -> tuple[pd.DataFrame, int]:
    """Read a raw CSV as text columns, and count the lines it skips.

    Empty cells are missing; short lines are padded, lines with more fields than the header are
    skipped (they are shifted records). A file that is not UTF-8 raises a ValueError that says how
    to convert it.
    """
    skipped = 0

    def skip(fields: list[str]) -> None:
        nonlocal skipped
        skipped += 1

    try:
        with warnings.catch_warnings():
            # Raised when the first data line is longer than the header; handled just below.
            warnings.filterwarnings("ignore", "Length of header", pd.errors.ParserWarning)
            frame = pd.read_csv(
                path,
                dtype="str",
                keep_default_na=False,
                na_values=[""],
                engine="python",
                on_bad_lines=skip,
                index_col=False,
                encoding="utf-8",
            )
    except UnicodeDecodeError:
        raise ValueError(_not_utf8(path)) from None
    except pd.errors.EmptyDataError:
        raise ValueError(_empty(path)) from None
    if _first_record_is_long(path):
        # pandas would take it as a sign of index columns and shift every column; with
        # ``index_col=False`` it truncates the line instead of handing it to ``skip``.
        frame = frame.iloc[1:].reset_index(drop=True)
        skipped += 1
    return frame, skipped


def _empty(path: Path) -> str:
    """Why ``path`` holds no CSV, and what to do: an empty file where a raw file should be is
    usually the placeholder a container engine leaves in a volume for a one-file mount."""
    try:
        size = path.stat().st_size
    except OSError:
        size = None
    if size != 0:
        return f"{path} is empty (no header line)"
    return (
        f"{path} is empty (0 bytes). If it sits in a container's volume, it is the placeholder "
        f"Docker leaves there for a one-file mount (-v FILE:{path}): remove it and mount the "
        "folder of the raw files instead (-v /path/to/raw:/data/raw:ro; with compose, put "
        "the files in ./data/raw/). Otherwise copy the real file over it."
    )


def _open_text(path: Path) -> IO[str]:
    """The file as UTF-8 text, gzip-compressed (``.gz``, as pandas reads it too) or not."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def _first_record_is_long(path: Path) -> bool:
    with _open_text(path) as handle:
        reader = csv.reader(handle)
        header, first = next(reader, []), next(reader, [])
    return len(first) > len(header)


def _not_utf8(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    try:
        data.decode("utf-8")
        where = ""
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        where = f" (line {line:,} holds the byte 0x{data[error.start]:02x})"
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "latin1"
    converted = path.with_name(f"{path.stem}-utf8.csv")
    return (
        f"{path} is not UTF-8 text{where}. Convert it first, "
        f"e.g. `iconv -f {encoding} -t utf-8 {path} > {converted}`."
    )


def file_facts(path: Path) -> dict[str, Any]:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return {"name": path.name, "size": path.stat().st_size, "sha256": digest.hexdigest()}


@dataclass
class CleanTable:
    catalog: pd.DataFrame
    reports: list[clean.RuleReport]
    skipped_lines: dict[str, int]  # per file role ("movies", "keywords"): lines the reader skipped


def clean_files(files: RawFiles) -> CleanTable:
    """Read and clean the raw files into the catalog table (nothing is written)."""
    raw, skipped = read_raw_csv(files.movies)
    skipped_lines = {"movies": skipped}
    catalog, reports = clean.clean(raw, f"the raw file {files.movies}")
    keywords = None
    if files.keywords is not None:
        raw_keywords, skipped_lines["keywords"] = read_raw_csv(files.keywords)
        keywords, keyword_report = clean.parse_keywords(
            raw_keywords, f"the keywords file {files.keywords}"
        )
        reports.append(keyword_report)
    return CleanTable(clean.join_keywords(catalog, keywords), reports, skipped_lines)


def build_catalog(files: RawFiles) -> tuple[pd.DataFrame, list[clean.RuleReport]]:
    """The catalog table and the rule reports of ``clean_files``."""
    table = clean_files(files)
    return table.catalog, table.reports


def add_spanish_titles(catalog: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Join the curated Spanish titles (``es_es``, ``es_419`` columns); report what matched and
    list every entry that found no film of that title and year."""
    titles = load_spanish_titles()
    joined = join_catalog(titles, catalog)
    out = catalog.copy()
    for column in layout.SPANISH_TITLE_COLUMNS:
        names = {i: getattr(n, column) for i, n in joined.matched.items()}
        out[column] = out["id"].map(names).astype("str")
    report = {
        "file": SPANISH_TITLES_FILE.name,
        "entries": len(titles),
        "matched": len(joined.matched),
        "unmatched": [{"title": t.title, "year": t.year} for t in joined.unmatched],
    }
    return out, report


def refusal(manifest: dict[str, Any], data_dir: Path, min_movies: int) -> str | None:
    """Why a build of ``manifest['rows']`` movies must not replace the catalog in ``data_dir``."""
    rows = manifest["rows"]
    current = layout.current_build_dir(data_dir)
    current_rows = _rows_of(current)
    advice = "Check the raw file, or publish it anyway with `pelibot prepare --force`."
    if rows < min_movies:
        if current is None:
            kept = f"No catalog was published in {data_dir}."
        else:
            size = f", {current_rows:,} movies" if current_rows is not None else ""
            kept = f"The catalog in {data_dir} ({current.name}{size}) is kept."
        noun = "movie" if rows == 1 else "movies"
        return (
            f"Not published: the new catalog has {rows:,} {noun}, fewer than the minimum of "
            f"{min_movies:,}. {kept} {advice}"
        )
    if current_rows is not None and rows < current_rows / 2:
        return (
            f"Not published: the new catalog has {rows:,} movies, fewer than half of the "
            f"{current_rows:,} in the current one ({current}), which is kept. {advice}"
        )
    return None


def _rows_of(build: Path | None) -> int | None:
    """The movie count a build's manifest records; None when unknown."""
    if build is None:
        return None
    try:
        rows = layout.read_manifest(build).get("rows")
    except (OSError, ValueError):
        return None
    return rows if isinstance(rows, int) else None


def prepare(
    files: RawFiles,
    out_dir: Path,
    *,
    force: bool = False,
    min_movies: int = layout.MIN_MOVIES,
    wait: float = 0.0,
) -> BuildResult:
    """Build the catalog from ``files`` and publish it atomically in ``out_dir``.

    The whole run holds the lock of ``out_dir``, waiting up to ``wait`` seconds for another run
    (else ``layout.DataDirBusy``). Unless ``force``, a build with fewer than ``min_movies``
    movies or fewer than half of the current build's raises ``BuildRefused`` and leaves the
    catalog as it is.
    """
    with layout.exclusive(out_dir, wait) as lock:
        started = time.perf_counter()
        table = clean_files(files)
        catalog, reports = table.catalog, table.reports
        catalog, spanish_titles = add_spanish_titles(catalog)
        neighbours_started = time.perf_counter()
        neighbours = build_neighbours(catalog, k=NEIGHBOURS_K)
        neighbours_seconds = round(time.perf_counter() - neighbours_started, 2)
        people, people_report = read_people(files, catalog)
        manifest: dict[str, Any] = {
            "schema_version": layout.SCHEMA_VERSION,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "source": file_facts(files.movies) | {"origin": files.origin},
            "sample": files.origin == SAMPLE_ORIGIN,
            "keywords_source": file_facts(files.keywords) if files.keywords else None,
            "rows_raw": reports[0].rows_in,
            "rows": len(catalog),
            "skipped_lines": table.skipped_lines,
            "rules": [report.as_dict() for report in reports],
            "spanish_titles": spanish_titles,
            "columns": list(catalog.columns),
            "kept_columns": clean.KEPT_COLUMNS,
            "neighbours": {
                "k": NEIGHBOURS_K,
                "rows": len(neighbours),
                "seconds": neighbours_seconds,
            },
            "build_seconds": round(time.perf_counter() - started, 2),
            "credits_source": file_facts(files.credits) if files.credits else None,
            "people": people_report,
        }
        if not force and (reason := refusal(manifest, out_dir, min_movies)):
            raise BuildRefused(reason, manifest)

        def write(folder: Path) -> None:
            catalog.to_parquet(folder / layout.CATALOG_FILE, index=False)
            neighbours.to_parquet(folder / layout.NEIGHBOURS_FILE, index=False)
            layout.write_texts(catalog, folder / layout.TEXTS_FILE)
            if people is not None:
                layout.write_arrow(people.persons, folder / layout.PEOPLE_FILE)
                layout.write_arrow(people.films, folder / layout.FILM_PEOPLE_FILE)
            manifest["build_seconds"] = round(time.perf_counter() - started, 2)
            text = json.dumps(manifest, indent=2, ensure_ascii=False)
            (folder / layout.MANIFEST_FILE).write_text(text + "\n", encoding="utf-8")

        build_dir = layout.publish_build(lock, write)
    return BuildResult(build_dir, manifest)


def format_report(manifest: dict[str, Any]) -> str:
    """A short human-readable account of what each rule did."""
    sample = " (the built-in sample)" if manifest.get("sample") else ""
    lines = [f"Source: {manifest['source']['name']}{sample} ({manifest['rows_raw']:,} rows)"]
    names = {
        "movies": manifest["source"]["name"],
        "keywords": (manifest.get("keywords_source") or {}).get("name", "keywords"),
    }
    skipped = ", ".join(
        f"{names[role]} {count:,}"
        for role, count in manifest.get("skipped_lines", {}).items()
        if count
    )
    lines.append(f"  CSV lines skipped (more fields than the header): {skipped or 'none'}")
    for rule in manifest["rules"]:
        line = (
            f"  rule {rule['rule']:>2}: {rule['description']}: "
            f"{rule['rows_in']:,} in, {rule['dropped']:,} dropped"
        )
        if rule["unparseable"]:
            cells = ", ".join(f"{k} {v:,}" for k, v in rule["unparseable"].items())
            line += f"; cells that did not parse: {cells}"
        lines.append(line)
    if titles := manifest.get("spanish_titles"):
        lines += _spanish_titles_report(titles)
    lines.append(_people_report(manifest))
    movies = "movie" if manifest["rows"] == 1 else "movies"
    lines.append(f"Catalog: {manifest['rows']:,} {movies}, built in {manifest['build_seconds']} s")
    return "\n".join(lines)


def _spanish_titles_report(titles: dict[str, Any]) -> list[str]:
    unmatched = titles["unmatched"]
    lines = [
        f"Spanish titles ({titles['file']}): {titles['matched']:,} of {titles['entries']:,}"
        f" curated entries matched a film; {len(unmatched):,} did not"
        + (" (no film of that title and year in this catalog):" if unmatched else ".")
    ]
    shown = ", ".join(f"{t['title']} ({t['year']})" for t in unmatched[:UNMATCHED_SHOWN])
    lines += textwrap.wrap(shown, 100, initial_indent="    ", subsequent_indent="    ")
    if len(unmatched) > UNMATCHED_SHOWN:
        lines.append(
            f"    … and {len(unmatched) - UNMATCHED_SHOWN:,} more, all listed in "
            "manifest.json (spanish_titles.unmatched)"
        )
    return lines


def read_people(
    files: RawFiles, catalog: pd.DataFrame
) -> tuple[ServedPeople | None, dict[str, Any] | None]:
    """The people of the catalog's films as the bot serves them (``data_prep/people.py``) and
    the report of reading ``credits.csv``; (None, None) without a credits file. A credits file
    that cannot be read at all (not CSV, not UTF-8, without the ``cast``, ``crew`` and ``id``
    columns) leaves the catalog without people, and the report says why: it is optional, so it
    never stops the build."""
    if files.credits is None:
        return None, None
    try:
        credits, report = read_credits(files.credits, catalog["id"].tolist())
    except (OSError, ValueError) as error:
        return None, {"error": str(error)}
    ids, votes = catalog["id"].to_numpy(), catalog["vote_count"].to_numpy()
    return people_tables(credits, ids, votes), report.as_dict()


def _people_report(manifest: dict[str, Any]) -> str:
    people = manifest.get("people")
    if not people:
        return "  People: none (no credits.csv; directors and cast are not answered)"
    if "error" in people:
        return f"  People: none ({people['error']}; directors and cast are not answered)"
    source = (manifest.get("credits_source") or {}).get("name", "credits.csv")
    failed = people["unparseable"]
    return (
        f"  People ({source}, {people['rows_in']:,} rows): {people['films']:,} films, "
        f"{people['persons']:,} people, {people['rows']:,} credits; "
        f"{people['duplicates']:,} repeated ids and {people['absent']:,} ids not in the catalog "
        f"skipped; cells that did not parse: cast {failed['cast']:,}, crew {failed['crew']:,}"
        f" ({people['seconds']} s)"
    )
