"""``pelibot prepare``: raw Kaggle CSV → processed catalog (Parquet + JSON manifest)."""

from __future__ import annotations

import hashlib
import json
import textwrap
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from data_prep import clean, layout
from data_prep.curated import SPANISH_TITLES_FILE, join_catalog, load_spanish_titles
from data_prep.neighbours import NEIGHBOURS_K, build_neighbours
from data_prep.source import RawFiles

UNMATCHED_SHOWN = 30
"""Unmatched curated titles printed by ``format_report`` (the manifest lists them all)."""


@dataclass
class BuildResult:
    build_dir: Path
    manifest: dict[str, Any]


def read_raw_csv(path: Path) -> pd.DataFrame:
    """Read a raw CSV as text columns; empty cells are missing, lines that do not parse skipped."""
    return pd.read_csv(
        path, dtype="str", keep_default_na=False, na_values=[""], on_bad_lines="skip"
    )


def file_facts(path: Path) -> dict[str, Any]:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return {"name": path.name, "size": path.stat().st_size, "sha256": digest.hexdigest()}


def build_catalog(files: RawFiles) -> tuple[pd.DataFrame, list[clean.RuleReport]]:
    """Read and clean the raw files into the catalog table (nothing is written)."""
    catalog, reports = clean.clean(read_raw_csv(files.movies))
    keywords = None
    if files.keywords is not None:
        keywords, keyword_report = clean.parse_keywords(read_raw_csv(files.keywords))
        reports.append(keyword_report)
    return clean.join_keywords(catalog, keywords), reports


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


def prepare(files: RawFiles, out_dir: Path) -> BuildResult:
    """Build the catalog from ``files`` and publish it atomically in ``out_dir``."""
    started = time.perf_counter()
    catalog, reports = build_catalog(files)
    catalog, spanish_titles = add_spanish_titles(catalog)
    neighbours_started = time.perf_counter()
    neighbours = build_neighbours(catalog, k=NEIGHBOURS_K)
    neighbours_seconds = round(time.perf_counter() - neighbours_started, 2)
    manifest: dict[str, Any] = {
        "schema_version": layout.SCHEMA_VERSION,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": file_facts(files.movies) | {"origin": files.origin},
        "keywords_source": file_facts(files.keywords) if files.keywords else None,
        "rows_raw": reports[0].rows_in,
        "rows": len(catalog),
        "rules": [report.as_dict() for report in reports],
        "columns": list(catalog.columns),
        "kept_columns": clean.KEPT_COLUMNS,
        "spanish_titles": spanish_titles,
        "neighbours": {"k": NEIGHBOURS_K, "rows": len(neighbours), "seconds": neighbours_seconds},
    }

    def write(folder: Path) -> None:
        catalog.to_parquet(folder / layout.CATALOG_FILE, index=False)
        neighbours.to_parquet(folder / layout.NEIGHBOURS_FILE, index=False)
        manifest["build_seconds"] = round(time.perf_counter() - started, 2)
        text = json.dumps(manifest, indent=2, ensure_ascii=False)
        (folder / layout.MANIFEST_FILE).write_text(text + "\n", encoding="utf-8")

    build_dir = layout.publish_build(out_dir, write)
    return BuildResult(build_dir, manifest)


def format_report(manifest: dict[str, Any]) -> str:
    """A short human-readable account of what each rule did."""
    lines = [f"Source: {manifest['source']['name']} ({manifest['rows_raw']:,} rows)"]
    for rule in manifest["rules"]:
        line = (f"  rule {rule['rule']:>2}: {rule['description']}: "
                f"{rule['rows_in']:,} in, {rule['dropped']:,} dropped")
        if rule["unparseable"]:
            cells = ", ".join(f"{k} {v:,}" for k, v in rule["unparseable"].items())
            line += f"; cells that did not parse: {cells}"
        lines.append(line)
    if titles := manifest.get("spanish_titles"):
        lines += _spanish_titles_report(titles)
    lines.append(f"Catalog: {manifest['rows']:,} movies, built in {manifest['build_seconds']} s")
    return "\n".join(lines)


def _spanish_titles_report(titles: dict[str, Any]) -> list[str]:
    unmatched = titles["unmatched"]
    lines = [f"Spanish titles ({titles['file']}): {titles['matched']:,} of {titles['entries']:,}"
             f" curated entries matched a film; {len(unmatched):,} did not"
             + (" (no film of that title and year in this catalog):" if unmatched else ".")]
    shown = ", ".join(f"{t['title']} ({t['year']})" for t in unmatched[:UNMATCHED_SHOWN])
    lines += textwrap.wrap(shown, 100, initial_indent="    ", subsequent_indent="    ")
    if len(unmatched) > UNMATCHED_SHOWN:
        lines.append(f"    … and {len(unmatched) - UNMATCHED_SHOWN:,} more, all listed in "
                     "manifest.json (spanish_titles.unmatched)")
    return lines
