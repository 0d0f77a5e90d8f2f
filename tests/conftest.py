"""Shared fixtures: the committed real-data fixture, the whole real slice beside the checkout
(only for the few tests that need every film of it), and a catalog built from each, once.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks import synthetic
from data_prep.pipeline import prepare
from data_prep.source import RawFiles
from tests.data import KEYWORDS, MOVIES

ROOT = Path(__file__).resolve().parent.parent
SHARED_RAW = Path(os.environ.get("PELIBOT_SHARED_RAW", ROOT.parent / "shared" / "data" / "raw"))
FULL_SLICE_CSV = SHARED_RAW / "movies_metadata_first4627.csv"
FULL_KEYWORDS_CSV = SHARED_RAW / "keywords.csv"


@pytest.fixture(scope="session")
def real_slice_csv() -> Path:
    """Real raw rows in the Kaggle format, committed with the tests (tests/data/README.md)."""
    return MOVIES


@pytest.fixture(scope="session")
def real_keywords_csv() -> Path:
    """The rows of ``keywords.csv`` for the films of ``real_slice_csv``."""
    return KEYWORDS


@pytest.fixture(scope="session")
def real_data_dir(
    real_slice_csv: Path, real_keywords_csv: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A data directory holding the catalog built from the real-data fixture (once per session)."""
    out = tmp_path_factory.mktemp("real-data")
    prepare(RawFiles(real_slice_csv, real_keywords_csv, "--raw"), out)
    return out


@pytest.fixture(scope="session")
def full_slice_csv() -> Path:
    """The whole 4,627-row slice; skipped where ../shared is absent (a fresh clone, CI)."""
    if not FULL_SLICE_CSV.is_file():
        pytest.skip(f"the full real slice is not at {FULL_SLICE_CSV}")
    return FULL_SLICE_CSV


@pytest.fixture(scope="session")
def full_keywords_csv() -> Path:
    if not FULL_KEYWORDS_CSV.is_file():
        pytest.skip(f"the full keywords file is not at {FULL_KEYWORDS_CSV}")
    return FULL_KEYWORDS_CSV


@pytest.fixture(scope="session")
def full_data_dir(
    full_slice_csv: Path, full_keywords_csv: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A data directory holding the catalog built from the whole slice (once per session)."""
    out = tmp_path_factory.mktemp("full-data")
    prepare(RawFiles(full_slice_csv, full_keywords_csv, "--raw"), out)
    return out


@pytest.fixture(scope="session")
def slow_raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A raw file whose catalog takes seconds to build (25,000 synthetic rows), so that a stop
    surely comes in the middle of the build."""
    out = tmp_path_factory.mktemp("slow-raw")
    synthetic.main(["--rows", "25000", "--out", str(out)])
    return out / "movies_metadata.csv"
