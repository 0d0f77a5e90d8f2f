"""``/recomendar``: five similar movies, looked up in the neighbours table built by ``prepare``.

All the work happens at load time (``data_prep.neighbours`` ranked the neighbours of every movie,
and ``Recommender`` turns the table into arrays and per-movie label sets), so a recommendation is a
dictionary lookup plus a few small set intersections for the reasons.

A build without a neighbours file makes ``Recommender.load`` raise ``RecommenderUnavailable`` (a
``CatalogError`` whose message says to run ``pelibot prepare``). A movie id that is not in the
catalog raises ``KeyError``; a catalog movie with no similar film gets an empty tuple.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

from bot.answers import MovieRef, Reason, Recommendation
from bot.catalog import CatalogError, LoadedCatalog, neighbours_path

REASON_KEYWORDS = 3
"""How many shared keywords a reason names (the rarest, i.e. the most telling, first)."""

SCORE_DECIMALS = 4
"""Scores are stored as float32; answers carry them rounded."""


class RecommenderUnavailable(CatalogError):
    """The build has no (readable) neighbours table; the message says how to fix it."""


def _labels(value: object) -> tuple[str, ...]:
    if isinstance(value, (list, tuple, np.ndarray)):
        return tuple(dict.fromkeys(str(item) for item in value))
    return ()


class Recommender:
    """Similar movies of a catalog, from its precomputed neighbours table."""

    def __init__(self, movies: pd.DataFrame, neighbours: pd.DataFrame) -> None:
        ids = movies["id"].astype("int64").tolist()
        self._position = {movie_id: pos for pos, movie_id in enumerate(ids)}
        self._refs = [
            MovieRef(int(movie_id), str(title), int(year))
            for movie_id, title, year in zip(
                ids, movies["title"].tolist(), movies["release_year"].tolist(), strict=True
            )
        ]
        self._collection: list[str | None] = [
            value if isinstance(value, str) and value else None
            for value in movies["collection"].tolist()
        ]
        self._genres = [_labels(value) for value in movies["genres"].tolist()]
        self._genre_sets = [frozenset(genres) for genres in self._genres]
        keywords = [_labels(value) for value in movies["keywords"].tolist()]
        frequency = Counter(word for words in keywords for word in words)
        # rarest first: "toy" says more than "duringcreditsstinger"
        self._keywords = [
            tuple(sorted(words, key=lambda word: (frequency[word], word))) for words in keywords
        ]
        self._keyword_sets = [frozenset(words) for words in keywords]

        # the table as arrays in (movie, rank) order, rows of one movie contiguous
        index = pd.Index(ids)
        sources = index.get_indexer(pd.Index(neighbours["movie_id"]))
        targets = index.get_indexer(pd.Index(neighbours["neighbour_id"]))
        known = (sources >= 0) & (targets >= 0)
        order = np.lexsort((neighbours["rank"].to_numpy()[known], sources[known]))
        self._targets = targets[known][order]
        self._scores = neighbours["score"].to_numpy(np.float64)[known][order].round(SCORE_DECIMALS)
        first, starts, counts = np.unique(sources[known][order], return_index=True,
                                          return_counts=True)
        start, count = np.zeros(len(ids), np.int64), np.zeros(len(ids), np.int64)
        start[first], count[first] = starts, counts
        self._start: list[int] = start.tolist()
        self._count: list[int] = count.tolist()
        self.k = int(count.max()) if len(count) else 0

    @classmethod
    def load(cls, catalog: LoadedCatalog) -> Recommender:
        """The recommender of a loaded build; ``RecommenderUnavailable`` when it has no table."""
        path = neighbours_path(catalog)
        hint = f"Run `pelibot prepare --out {catalog.build_dir.parent}` to rebuild it."
        if not path.is_file():
            raise RecommenderUnavailable(
                f"The catalog in {catalog.build_dir} has no recommendations table. {hint}"
            )
        try:
            neighbours = pd.read_parquet(path)
        except (OSError, ValueError) as error:
            raise RecommenderUnavailable(
                f"The recommendations table in {catalog.build_dir} cannot be read. {hint}"
            ) from error
        return cls(catalog.movies, neighbours)

    def __contains__(self, movie_id: object) -> bool:
        return movie_id in self._position

    def recommend(self, movie_id: int, n: int = 5) -> tuple[Recommendation, ...]:
        """The ``n`` most similar movies, best first (fewer when fewer were stored).

        Raises ``KeyError`` for an id that is not in the catalog.
        """
        source = self._position[movie_id]
        start = self._start[source]
        stop = start + min(self._count[source], max(n, 0))
        return tuple(
            Recommendation(self._refs[target], self.reason(source, target), score)
            for target, score in zip(
                self._targets[start:stop].tolist(), self._scores[start:stop].tolist(), strict=True
            )
        )

    def reason(self, source: int, target: int) -> Reason:
        """Why the movie at catalog position ``target`` fits the one at ``source``."""
        collection = self._collection[source]
        same = collection if collection == self._collection[target] else None
        other_genres = self._genre_sets[target]
        other_keywords = self._keyword_sets[target]
        return Reason(
            same_collection=same,
            genres=tuple(g for g in self._genres[source] if g in other_genres),
            keywords=_first(self._keywords[source], other_keywords, REASON_KEYWORDS),
        )


def _first(words: Sequence[str], allowed: frozenset[str], limit: int) -> tuple[str, ...]:
    found: list[str] = []
    for word in words:
        if word in allowed:
            found.append(word)
            if len(found) == limit:
                break
    return tuple(found)
