"""Loading the processed catalog for the rest of the app."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from data_prep import layout

RUNTIME_COLUMNS = (
    "id", "title", "original_title", "release_date", "release_year", "collection", "genres",
    "budget", "revenue", "return", "production_companies", "production_countries",
    "production_country_codes", "keywords", "vote_count", "vote_average", "runtime", "imdb_id",
    "poster_path", "es_es", "es_419",
)  # fmt: skip
"""What answering needs; the long texts (overview, tagline) only served to build neighbours."""


class CatalogError(Exception):
    """The catalog is missing or unusable; the message says how to fix it."""


@dataclass(frozen=True)
class LoadedCatalog:
    movies: pd.DataFrame
    manifest: dict[str, Any]
    build_dir: Path


def load_catalog(data_dir: Path, columns: Sequence[str] | None = None) -> LoadedCatalog:
    """Load the published catalog in ``data_dir``; refuse a missing or incompatible one.

    ``columns`` limits what is read (all columns when None).
    """
    hint = f"Run `pelibot prepare --out {data_dir}` to build it."
    build = layout.current_build_dir(data_dir)
    if build is None:
        raise CatalogError(f"No movie catalog in {data_dir}/. {hint}")
    try:
        manifest = layout.read_manifest(build)
    except (OSError, ValueError) as error:
        raise CatalogError(f"The catalog in {build} has no readable manifest. {hint}") from error
    version = manifest.get("schema_version")
    if version != layout.SCHEMA_VERSION:
        raise CatalogError(
            f"The catalog in {build} has schema version {version}; this pelibot needs "
            f"{layout.SCHEMA_VERSION}. {hint}"
        )
    try:
        movies = pd.read_parquet(
            build / layout.CATALOG_FILE, columns=list(columns) if columns else None
        )
    except (OSError, ValueError) as error:
        raise CatalogError(f"The catalog file in {build} cannot be read. {hint}") from error
    return LoadedCatalog(movies, manifest, build)


def list_cell(cell: Any) -> list[Any]:
    """A list-like catalog cell (a NumPy array once read from Parquet) as a plain list."""
    if isinstance(cell, np.ndarray):
        return cell.tolist()
    if isinstance(cell, list | tuple):
        return list(cell)
    return []


def neighbours_path(catalog: LoadedCatalog) -> Path:
    """Where the precomputed recommendation table of this build is stored."""
    return catalog.build_dir / layout.NEIGHBOURS_FILE
