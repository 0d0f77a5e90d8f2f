"""The real-data fixture: the sample shipped in the package (``data_prep/sample/``, a cut of
Kaggle's The Movies Dataset, CC0; see README.md), and a plain reader for it."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

from data_prep.sample import CREDITS, KEYWORDS, MOVIES

HERE = Path(__file__).resolve().parent
__all__ = ["CREDITS", "HERE", "KEYWORDS", "MOVIES", "read_rows"]


def read_rows(path: Path) -> list[dict[str, str]]:
    """The records of a raw CSV file, plain or gzip-compressed, read with the csv module alone."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
