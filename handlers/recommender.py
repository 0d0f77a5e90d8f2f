"""``/recomendar``: five similar movies, looked up in the neighbours table built by ``prepare``.

All the work happens at load time (``data_prep.neighbours`` ranked the neighbours of every movie,
and ``Recommender`` turns the table into arrays), so a recommendation is an array slice plus a
few small set intersections for the reasons.

A build without a neighbours file makes ``Recommender.load`` raise ``RecommenderUnavailable`` (a
``CatalogError`` whose message says to run ``pelibot prepare``). A movie id that is not in the
catalog raises ``KeyError``; a catalog movie with no similar film gets an empty tuple.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from data_prep.ranking import informative
from handlers.answers import MovieRef, Reason, Recommendation
from handlers.catalog import CatalogError, LoadedCatalog, list_cell, neighbours_path

REASON_KEYWORDS = 3
"""How many shared keywords a reason names (the rarest, i.e. the most telling, first; keywords
about the making of a film or on too many films are never named: ``data_prep.ranking``)."""

SCORE_DECIMALS = 4
"""Scores are stored as float32; answers carry them rounded."""


class RecommenderUnavailable(CatalogError):
    """The build has no (readable) neighbours table; the message says how to fix it."""


def _column(table: pd.DataFrame | pa.Table, name: str) -> np.ndarray:
    """A column of a DataFrame or an Arrow table as a NumPy array."""
    return np.asarray(table[name].to_numpy())


def _labels(value: object) -> list[str]:
    return list(dict.fromkeys(str(item) for item in list_cell(value)))


class Recommender:
    """Similar movies of a catalog, from its precomputed neighbours table.

    Everything is kept as arrays over catalog positions (no Python object per movie): on a
    45,000-movie catalog that is a few MB instead of well over 100. The five reasons of an answer
    are worked out when asked, from the catalog's own genre and keyword cells.
    """

    def __init__(
        self,
        movies: pd.DataFrame,
        neighbours: pd.DataFrame | pa.Table,
        index: pd.Index | None = None,
        depth: int | None = None,
    ) -> None:
        """``index``: the catalog's movie ids, when the caller has it already (shared).
        ``depth``: keep the neighbours ranked 1 to ``depth`` only (all when None)."""
        if index is None:
            index = pd.Index(movies["id"].to_numpy(np.int64))
        self._index = index
        # cells read one at a time, never copied (compact Arrow columns stay compact)
        self._titles = movies["title"].array
        self._years = movies["release_year"].to_numpy(np.int64)
        self._collection = movies["collection"].array
        self._genres = movies["genres"].array
        self._keywords = movies["keywords"].array
        # informative keywords only, rarest first: "toy" says more than "friendship"
        frequency = movies["keywords"].explode().dropna().value_counts()
        self._keyword_count = {
            word: count
            for word, count in zip(frequency.index.astype(str), frequency.tolist(), strict=True)
            if informative(word, count, len(movies))
        }

        if depth is not None:  # first, so that every temporary below is smaller too
            neighbours = (
                neighbours.filter(pc.less_equal(neighbours["rank"], depth))
                if isinstance(neighbours, pa.Table)
                else neighbours[neighbours["rank"] <= depth]
            )
        # the table as arrays in (movie, rank) order, rows of one movie contiguous; built with
        # few temporaries at a time, as this is the peak of a bot's memory while it loads
        sources = index.get_indexer(pd.Index(_column(neighbours, "movie_id"))).astype(np.int32)
        targets = index.get_indexer(pd.Index(_column(neighbours, "neighbour_id"))).astype(np.int32)
        ranks = _column(neighbours, "rank").astype(np.int64)
        scores = _column(neighbours, "score").astype(np.float32)  # stored as float32
        known = (sources >= 0) & (targets >= 0)
        if not known.all():
            sources, targets, ranks, scores = (
                sources[known],
                targets[known],
                ranks[known],
                scores[known],
            )
        del known
        key = sources.astype(np.int64) * (int(ranks.max(initial=0)) + 1) + ranks
        if len(key) and not bool((key[1:] >= key[:-1]).all()):  # prepare writes them sorted
            order = np.argsort(key, kind="stable")
            sources, targets, scores = sources[order], targets[order], scores[order]
            del order
        del key, ranks
        # positions of a catalog of up to 65,536 movies (the whole Kaggle file) fit in 16 bits
        self._targets = targets.astype(np.uint16) if len(index) <= 1 << 16 else targets
        self._scores = scores  # rounded when answered
        self._count = np.bincount(sources, minlength=len(index)).astype(np.int32)
        self._start = np.concatenate(([0], np.cumsum(self._count)[:-1])).astype(np.int32)
        self.k = int(self._count.max()) if len(self._count) else 0

    @classmethod
    def load(
        cls, catalog: LoadedCatalog, index: pd.Index | None = None, depth: int | None = None
    ) -> Recommender:
        """The recommender of a loaded build; ``RecommenderUnavailable`` when it has no table."""
        path = neighbours_path(catalog)
        hint = f"Run `pelibot prepare --out {catalog.build_dir.parent}` to rebuild it."
        if not path.is_file():
            raise RecommenderUnavailable(
                f"The catalog in {catalog.build_dir} has no recommendations table. {hint}"
            )
        try:
            neighbours = pq.ParquetFile(path, memory_map=True).read()  # to arrays, no DataFrame
        except (OSError, ValueError, pa.ArrowException) as error:
            raise RecommenderUnavailable(
                f"The recommendations table in {catalog.build_dir} cannot be read. {hint}"
            ) from error
        return cls(catalog.movies, neighbours, index, depth)

    def __contains__(self, movie_id: object) -> bool:
        return movie_id in self._index

    def _ref(self, position: int) -> MovieRef:
        movie_id = int(self._index[position])
        return MovieRef(movie_id, str(self._titles[position]), int(self._years[position]))

    def recommend(self, movie_id: int, n: int = 5) -> tuple[Recommendation, ...]:
        """The ``n`` most similar movies, best first (fewer when fewer were stored).

        Raises ``KeyError`` for an id that is not in the catalog.
        """
        source = int(cast(int, self._index.get_loc(movie_id)))  # ids are unique
        start = int(self._start[source])
        stop = start + min(int(self._count[source]), max(n, 0))
        scores = self._scores[start:stop].astype(np.float64).round(SCORE_DECIMALS)
        return tuple(
            Recommendation(self._ref(target), self.reason(source, target), score)
            for target, score in zip(
                self._targets[start:stop].tolist(), scores.tolist(), strict=True
            )
        )

    def reason(self, source: int, target: int) -> Reason:
        """Why the movie at catalog position ``target`` fits the one at ``source``."""
        collection = self._collection[source]
        same = (
            collection
            if isinstance(collection, str)
            and collection
            and (collection == self._collection[target])
            else None
        )
        other_genres = set(_labels(self._genres[target]))
        other_keywords = set(_labels(self._keywords[target]))
        words = sorted(
            (word for word in _labels(self._keywords[source]) if word in self._keyword_count),
            key=lambda word: (self._keyword_count[word], word),
        )
        return Reason(
            same_collection=same,
            genres=tuple(g for g in _labels(self._genres[source]) if g in other_genres),
            keywords=tuple(word for word in words if word in other_keywords)[:REASON_KEYWORDS],
        )
