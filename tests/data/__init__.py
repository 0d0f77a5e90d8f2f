"""The committed real-data fixture (a cut of Kaggle's The Movies Dataset, CC0; see README.md)."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

HERE = Path(__file__).resolve().parent
MOVIES = HERE / "movies_fixture.csv.gz"
KEYWORDS = HERE / "keywords_fixture.csv.gz"
CREDITS = HERE / "credits_fixture.csv.gz"


def read_rows(path: Path) -> list[dict[str, str]]:
    """The records of a raw CSV file, plain or gzip-compressed, read with the csv module alone."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
