"""The sample shipped inside the package: a real cut of Kaggle's The Movies Dataset (CC0).

``movies_metadata.csv.gz`` holds 1,703 rows of the dataset's ``movies_metadata.csv``, byte for
byte in the raw Kaggle format, and ``keywords.csv.gz`` the ``keywords.csv`` rows of those films
(how they were chosen: ``tests/data/README.md``; ``python -m tests.data.make_fixture`` rewrites
them). ``pelibot prepare`` builds from them with ``--sample``, or when no raw file is at hand and
Kaggle cannot be reached; the tests build their catalog from them too.
"""

from __future__ import annotations

from pathlib import Path

from data_prep.source import RawFiles

SAMPLE_DIR = Path(__file__).resolve().parent
MOVIES = SAMPLE_DIR / "movies_metadata.csv.gz"
KEYWORDS = SAMPLE_DIR / "keywords.csv.gz"
CREDITS = SAMPLE_DIR / "credits.csv.gz"
"""Real directors and first-billed cast of 44 well-known films of the sample (written by
``python -m tests.data.make_credits_fixture``)."""
ORIGIN = "sample"
"""``RawFiles.origin`` of the sample, recorded in the manifest (``source.origin``)."""


def sample_files() -> RawFiles:
    """The sample's raw files, ready for ``data_prep.pipeline.prepare``."""
    return RawFiles(MOVIES, KEYWORDS, ORIGIN, credits=CREDITS)
