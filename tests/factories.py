"""Raw rows in the exact Kaggle format, for small hand-made catalogs in tests."""

from __future__ import annotations

import csv
from pathlib import Path

from data_prep import clean


def nested_names(*names: str, key: str = "name") -> str:
    """``[{'id': 1, 'name': 'A'}, …]`` as the raw file spells nested lists."""
    return repr([{"id": number, key: name} for number, name in enumerate(names, 1)])


def countries(*codes_and_names: tuple[str, str]) -> str:
    return repr([{"iso_3166_1": code, "name": name} for code, name in codes_and_names])


def collection(name: str) -> str:
    return repr({"id": 1, "name": name, "poster_path": None, "backdrop_path": None})


def raw_movie(movie_id: int, title: str, release_date: str, **fields: str) -> dict[str, str]:
    """One raw row with plain defaults; ``fields`` override any raw column."""
    row = {
        "adult": "False",
        "belongs_to_collection": "",
        "budget": "0",
        "genres": "[]",
        "homepage": "",
        "id": str(movie_id),
        "imdb_id": "tt0000001",
        "original_language": "en",
        "original_title": title,
        "overview": "",
        "popularity": "1.0",
        "poster_path": "",
        "production_companies": "[]",
        "production_countries": "[]",
        "release_date": release_date,
        "revenue": "0",
        "runtime": "90.0",
        "spoken_languages": "[]",
        "status": "Released",
        "tagline": "",
        "title": title,
        "video": "False",
        "vote_average": "6.0",
        "vote_count": "10",
    }
    unknown = set(fields) - set(row)
    assert not unknown, f"not raw columns: {unknown}"
    return row | fields


def write_raw(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(clean.RAW_COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    return path
