"""What a film card shows besides money: genres, runtime, rating, saga, poster, IMDb id."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from data_prep import layout
from handlers.catalog import list_cell


@dataclass(frozen=True)
class FilmFacts:
    genres: tuple[str, ...]
    runtime: int | None  # minutes
    vote_average: float | None  # None without votes
    vote_count: int
    collection: str | None
    poster_path: str | None
    imdb_id: str | None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


class FilmTable:
    """Card facts by movie id, kept as the catalog's column arrays (no object per film)."""

    def __init__(self, movies: pd.DataFrame, index: pd.Index | None = None) -> None:
        """``index``: the catalog's movie ids, when the caller has it already (shared: its hash
        table is built once)."""
        self._index = pd.Index(movies["id"].to_numpy(np.int64)) if index is None else index
        self._genres = movies["genres"].array  # cells read when asked (compact Arrow lists)
        self._runtime = movies["runtime"].to_numpy(np.float64, na_value=np.nan)
        self._votes = movies["vote_count"].to_numpy(np.int64)
        self._average = movies["vote_average"].to_numpy(np.float64, na_value=np.nan)
        # kept as stored: a string becomes a Python object only for the card asked for
        self._text = [movies[c] for c in ("collection", "poster_path", "imdb_id")]

    def get(self, movie_id: int) -> FilmFacts | None:
        position = int(self._index.get_indexer(pd.Index([movie_id]))[0])
        if position < 0:
            return None
        runtime = self._runtime[position]
        votes = int(self._votes[position])
        average = self._average[position]
        collection, poster, imdb = (_text(column.iat[position]) for column in self._text)
        return FilmFacts(
            genres=tuple(str(g) for g in list_cell(self._genres[position])),
            runtime=round(float(runtime)) if np.isfinite(runtime) and runtime > 0 else None,
            vote_average=float(average) if votes > 0 and np.isfinite(average) else None,
            vote_count=votes,
            collection=collection,
            poster_path=poster,
            imdb_id=imdb,
        )


class Synopses:
    """A film's overview and tagline, read from the build's memory-mapped ``TEXTS_FILE``: the
    texts stay on disk until a card asks for one. Empty when the build has none (older builds)."""

    def __init__(self, build_dir: Path, index: pd.Index) -> None:
        self._index = index
        self._columns: tuple[pa.Array, pa.Array] | None = None
        path = build_dir / layout.TEXTS_FILE
        try:
            table = pa.ipc.open_file(pa.memory_map(str(path))).read_all()
        except (OSError, pa.ArrowException):
            return
        ids = table.column("id")
        if table.num_rows == len(index) and (not len(index) or ids[0].as_py() == int(index[0])):
            self._columns = (table.column("overview"), table.column("tagline"))

    def get(self, movie_id: int) -> tuple[str, str]:
        """(overview, tagline), "" when unknown."""
        position = int(self._index.get_indexer(pd.Index([movie_id]))[0])
        if self._columns is None or position < 0:
            return "", ""
        overview, tagline = (str(column[position].as_py() or "") for column in self._columns)
        return overview, tagline
