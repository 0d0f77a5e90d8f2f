"""One executor for every ``Query``: the films that pass its filters, counted, ranked or picked.

Everything a filter reads is precomputed once at load as a NumPy array per film (years,
months, weekdays, genre bits, language codes, runtime, rating, weighted rating) or as sorted
row lists per country and company, so a query is a few vectorised comparisons over the whole
catalog, never a copy of it.

**Weighted rating** (IMDb's Bayesian average): ``WR = v/(v+m)·R + m/(v+m)·C``, where ``R`` is a
film's average, ``v`` its votes, ``C`` the mean average over films with votes and ``m`` the
90th percentile of vote counts. A film with 5 votes of 10/10 stays near ``C`` and never tops a
list; "best" ranks by ``WR``, "worst" by ``WR`` upwards.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from handlers.doubtful import doubtful_mask
from handlers.query import GENRES, PAGE_SIZE, TOPICS, Query

VOTE_QUANTILE = 0.90
"""``m`` of the weighted rating: the vote count of the 90th percentile of films."""
PICK_POOL = 30
"""A pick is drawn from this many of the best-rated films that fit."""
LIKE_POOL = 300
"""Films closest in genres whose keywords are compared for a filtered recommendation."""


@dataclass(frozen=True)
class Result:
    """The films of a query: how many pass its filters (``count``), how many can be ranked by
    its order (``ranked``: e.g. only films with a known box office), and the page's rows."""

    count: int
    ranked: int
    rows: np.ndarray  # positions in the catalog, best first


def _codes(values: pd.Series) -> tuple[np.ndarray, dict[str, int]]:
    codes, uniques = pd.factorize(values)
    return codes.astype(np.int32), {str(u): i for i, u in enumerate(uniques)}


class Searcher:
    """Filters, orders and picks over one catalog's per-film arrays."""

    def __init__(self, movies: pd.DataFrame, rng: random.Random | None = None) -> None:
        self.size = n = len(movies)
        self.ids = movies["id"].to_numpy(np.int64)
        dates = movies["release_date"]
        self.year = movies["release_year"].to_numpy(np.int16)
        self.month = dates.dt.month.to_numpy(np.int8, na_value=0)
        self.weekday = dates.dt.day_of_week.to_numpy(np.int8, na_value=-1)
        self.day = dates.to_numpy("datetime64[D]").astype(np.int32)
        self.runtime = movies["runtime"].to_numpy(np.float32, na_value=0.0)
        self.votes = movies["vote_count"].to_numpy(np.int32)
        self.average = movies["vote_average"].to_numpy(np.float32, na_value=0.0)
        self.budget = movies["budget"].to_numpy(np.int64)
        self.revenue = movies["revenue"].to_numpy(np.int64)
        self.returns = movies["return"].to_numpy(np.float64, na_value=0.0)
        self.doubtful = doubtful_mask(movies["budget"], movies["revenue"]).to_numpy(bool)
        voted = self.votes > 0
        self.mean_rating = float(self.average[voted].mean()) if voted.any() else 0.0
        self.min_votes = float(np.quantile(self.votes, VOTE_QUANTILE)) if n else 0.0
        v, m = self.votes.astype(np.float32), np.float32(max(self.min_votes, 1.0))
        self.weighted = (v / (v + m)) * self.average + (m / (v + m)) * np.float32(self.mean_rating)
        self.genre_bits = np.zeros(n, np.int32)
        genres = movies["genres"].explode().dropna()
        bit = {g: 1 << i for i, g in enumerate(GENRES)}
        for row, genre in zip(genres.index.to_numpy(), genres.to_numpy(), strict=True):
            self.genre_bits[row] |= bit.get(str(genre), 0)
        languages = movies.get("original_language", pd.Series([""] * n, index=movies.index))
        self.language, self._language_codes = _codes(languages.fillna("").astype(str))
        self.collection, self._collection_codes = _codes(movies["collection"])
        self._countries = self._rows_by(movies["production_country_codes"])
        self._company_keys, self._company_starts, self._company_rows = self._sorted_rows(
            movies["production_companies"]
        )
        self.keywords = movies["keywords"].array if "keywords" in movies.columns else None
        self._topics = self._topic_rows(movies)
        self.rng = rng or random.Random()
        self.person_rows: Callable[[int, str], np.ndarray] | None = None
        """A person's films as catalog rows (set when the catalog has credits)."""

    @staticmethod
    def _rows_by(column: pd.Series) -> dict[str, np.ndarray]:
        pairs = column.reset_index(drop=True).explode().dropna()
        rows = pd.Series(pairs.index.to_numpy(np.int32)).groupby(pairs.to_numpy()).unique()
        return {str(k): np.asarray(v, np.int32) for k, v in rows.items()}

    @staticmethod
    def _topic_rows(movies: pd.DataFrame) -> dict[str, np.ndarray]:
        """The rows of each topic people ask for (``TOPICS``), not of all 20,000 keywords."""
        if "keywords" not in movies.columns:
            return {}
        pairs = movies["keywords"].reset_index(drop=True).explode().dropna()
        pairs = pairs[pairs.isin(TOPICS)]
        rows = pd.Series(pairs.index.to_numpy(np.int32)).groupby(pairs.to_numpy()).unique()
        return {str(k): np.asarray(v, np.int32) for k, v in rows.items()}

    @staticmethod
    def _sorted_rows(column: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each company's rows, by the hash of its name (no second copy of 20,000 names): the
        hashes sorted, where each one's rows start, and the rows."""
        pairs = column.reset_index(drop=True).explode().dropna()
        keys = np.fromiter((hash(str(n)) for n in pairs.to_numpy()), np.int64, len(pairs))
        rows = pairs.index.to_numpy(np.int32)
        order = np.argsort(keys, kind="stable")
        keys, rows = keys[order], rows[order]
        unique, starts = np.unique(keys, return_index=True)
        return unique, np.append(starts, len(keys)).astype(np.int64), rows

    def _company(self, name: str) -> np.ndarray:
        key = np.int64(hash(name))
        at = int(np.searchsorted(self._company_keys, key))
        if at >= len(self._company_keys) or self._company_keys[at] != key:
            return np.empty(0, np.int32)
        return self._company_rows[self._company_starts[at] : self._company_starts[at + 1]]

    # -- filters -------------------------------------------------------------------------------

    def mask(self, query: Query) -> np.ndarray:
        """Which films pass every filter of ``query``."""
        keep = np.ones(self.size, bool)
        if query.genres:
            need = 0
            for genre in query.genres:
                need |= 1 << GENRES.index(genre)
            keep &= (self.genre_bits & need) == need
        if query.year_from is not None:
            keep &= self.year >= query.year_from
        if query.year_to is not None:
            keep &= self.year <= query.year_to
        if query.month is not None:
            keep &= self.month == query.month
        if query.weekday is not None:
            keep &= self.weekday == query.weekday
        if query.language is not None:
            keep &= self.language == self._language_codes.get(query.language, -2)
        if query.collection is not None:
            keep &= self.collection == self._collection_codes.get(query.collection, -2)
        if query.runtime_min is not None:
            keep &= self.runtime >= query.runtime_min
        if query.runtime_max is not None:
            keep &= (self.runtime <= query.runtime_max) & (self.runtime > 0)
        if query.rating_min is not None:
            keep &= (self.average >= query.rating_min) & (self.votes > 0)
        if query.rating_max is not None:
            keep &= (self.average <= query.rating_max) & (self.votes > 0)
        for rows in (
            self._countries.get(query.country, np.empty(0, np.int32)) if query.country else None,
            self._company(query.company) if query.company else None,
            *(self._topics.get(topic, np.empty(0, np.int32)) for topic in query.topics),
            self._person(query) if query.person is not None else None,
        ):
            if rows is not None:
                member = np.zeros(self.size, bool)
                member[rows] = True
                keep &= member
        if query.like:
            keep &= ~np.isin(self.ids, np.asarray(query.like, np.int64))
        return keep

    def _person(self, query: Query) -> np.ndarray:
        if self.person_rows is None or query.person is None:
            return np.empty(0, np.int32)
        return self.person_rows(query.person, query.role or "cast")

    # -- answers -------------------------------------------------------------------------------

    def count(self, query: Query) -> int:
        return int(self.mask(query).sum())

    def run(self, query: Query) -> Result:
        """The page of ``query`` in its order (similarity first when it has films to resemble)."""
        keep = self.mask(query)
        count = int(keep.sum())
        if query.like:
            ranked = self._like_order(keep, query.like)
            start = (query.page - 1) * PAGE_SIZE
            return Result(count, len(ranked), ranked[start : start + PAGE_SIZE])
        eligible, key = self._order(query, keep)
        rows = np.flatnonzero(eligible)
        end = query.page * PAGE_SIZE
        if end < len(rows):  # only what the page needs is sorted, ties at its edge included
            edge = key[rows][np.argpartition(key[rows], end - 1)[end - 1]]
            rows = rows[key[rows] <= edge]
        rows = rows[np.lexsort((self.ids[rows], -self.votes[rows], key[rows]))]
        return Result(count, int(eligible.sum()), rows[end - PAGE_SIZE : end])

    def pick(self, query: Query) -> tuple[int, int | None]:
        """(films that fit, one well-liked film among them at random, or None)."""
        count, rows = self.picks(query, 1)
        return count, rows[0] if rows else None

    def picks(self, query: Query, n: int) -> tuple[int, list[int]]:
        """(films that fit, ``n`` different well-liked ones among them at random): a pick, or
        the options of a movie-night poll."""
        keep = self.mask(query)
        count = int(keep.sum())
        rows = np.flatnonzero(keep & (self.votes > 0)) if count else np.empty(0, np.int64)
        if not len(rows):
            rows = np.flatnonzero(keep)
        pool = [int(r) for r in _best(rows, -self.weighted[rows], PICK_POOL)]
        return count, self.rng.sample(pool, min(n, len(pool)))

    def _order(self, query: Query, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Which films can be ranked by the query's order, and the sort key (lowest first)."""
        known_money = ~self.doubtful
        match query.order:
            case "worst":
                return keep & (self.votes > 0), self.weighted
            case "revenue":
                return keep & (self.revenue > 0) & known_money, -self.revenue
            case "budget":
                return keep & (self.budget > 0) & known_money, -self.budget
            case "return":
                money = (self.budget > 0) & (self.revenue > 0) & known_money
                return keep & money, -self.returns
            case "votes":
                return keep, -self.votes.astype(np.int64)
            case "longest":
                return keep & (self.runtime > 0), -self.runtime
            case "shortest":
                return keep & (self.runtime > 0), self.runtime
            case "newest":
                return keep, -self.day
            case "oldest":
                return keep, self.day
        return keep & (self.votes > 0), -self.weighted

    def _like_order(self, keep: np.ndarray, like: tuple[int, ...]) -> np.ndarray:
        """Films passing ``keep`` that resemble the films ``like`` (each of them: the scores
        are averaged over the films, so a pick for "alien y toy story" is near both): shared
        genres first, then shared keywords, then weighted rating."""
        seeds = np.flatnonzero(np.isin(self.ids, np.asarray(like, np.int64)))
        if not len(seeds):
            return np.empty(0, np.int64)
        rows = np.flatnonzero(keep)
        bits = self.genre_bits[rows]
        genre_score = np.zeros(len(rows), np.float32)
        related = np.zeros(len(rows), bool)
        for seed_bits in self.genre_bits[seeds]:
            shared = np.bitwise_count(bits & seed_bits).astype(np.float32)
            union = np.bitwise_count(bits | seed_bits).astype(np.float32)
            genre_score += np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
            related |= (shared > 0) | (seed_bits == 0)
        genre_score /= len(seeds)
        quality = (self.weighted[rows] - self.mean_rating) / 10
        rows, score = rows[related], (genre_score + quality)[related]
        chosen = _best(np.arange(len(rows)), -score, LIKE_POOL)
        top, base = rows[chosen], score[chosen]
        if self.keywords is None or not len(top):
            return top
        cells = self._keywords_of(top)
        overlap = np.zeros(len(top), np.float32)
        for seed_words in map(set, self._keywords_of(seeds)):
            overlap += np.minimum([len(seed_words.intersection(c)) for c in cells], 6)
        final = base + 0.15 * overlap / len(seeds)
        return top[np.argsort(-final, kind="stable")]

    def _keywords_of(self, rows: np.ndarray) -> list[list[str]]:
        """The keywords of ``rows``, read in one go."""
        assert self.keywords is not None
        return [_cell(cell) for cell in self.keywords.take(rows).tolist()]


def _best(rows: np.ndarray, key: np.ndarray, n: int) -> np.ndarray:
    """The ``n`` rows with the lowest ``key``, in order (stable): only those are sorted."""
    if len(rows) > n:
        part = np.argpartition(key, n - 1)[:n]
        rows, key = rows[part], key[part]
    return rows[np.argsort(key, kind="stable")]


def _cell(value: object) -> list[str]:
    if value is None:
        return []
    try:
        return [str(v) for v in value]  # type: ignore[attr-defined]
    except TypeError:
        return []
