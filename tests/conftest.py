"""Shared fixtures: the real data slice beside the checkout, and a catalog built from it once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from data_prep.pipeline import prepare
from data_prep.source import RawFiles

ROOT = Path(__file__).resolve().parent.parent
SHARED_RAW = Path(os.environ.get("PELIBOT_SHARED_RAW", ROOT.parent / "shared" / "data" / "raw"))
SLICE_CSV = SHARED_RAW / "movies_metadata_first4627.csv"
KEYWORDS_CSV = SHARED_RAW / "keywords.csv"


@pytest.fixture(scope="session")
def real_slice_csv() -> Path:
    if not SLICE_CSV.is_file():
        pytest.skip(f"real data slice not found at {SLICE_CSV}")
    return SLICE_CSV


@pytest.fixture(scope="session")
def real_keywords_csv() -> Path:
    if not KEYWORDS_CSV.is_file():
        pytest.skip(f"real keywords file not found at {KEYWORDS_CSV}")
    return KEYWORDS_CSV


@pytest.fixture(scope="session")
def real_data_dir(
    real_slice_csv: Path, real_keywords_csv: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A data directory holding the catalog built from the real slice (built once per session)."""
    out = tmp_path_factory.mktemp("real-data")
    prepare(RawFiles(real_slice_csv, real_keywords_csv, "--raw"), out)
    return out
