"""The picks of every movie, computed once at ``pelibot prepare`` time.

Each movie becomes a sparse vector made of weighted blocks — genres, keywords, text (title,
tagline, overview), production companies and, optionally, collection, decade and original
language — each block TF-IDF or one-hot and L2-normalised, so the weights set each block's share
of the cosine similarity. Keywords about the making of a film rather than its story, and keywords
so common they say little, are left out (``data_prep.ranking``).

The similarities are computed for a block of rows at a time into a reused ``block × N`` buffer
(the most frequent feature columns through a dense BLAS product, the long tail through a sparse
one), and only the best candidates of each row are kept: memory grows with ``block × N``, never
``N × N``; time grows with ``N²``. ``data_prep.ranking`` then scores these candidates and the
films of the movie's own collection, and the best ``k`` are stored.

A movie is never its own neighbour, nor is an exact duplicate of it (same title and year).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Collection, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.linalg import blas
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from data_prep import ranking as rk
from data_prep.ranking import DEFAULT_RANKING, Ranking

NEIGHBOURS_K = 20
"""Neighbours stored per movie by ``pelibot prepare``."""

NEIGHBOUR_COLUMNS = ("movie_id", "rank", "neighbour_id", "score")

BLOCK_BYTES = 64 << 20
"""Target size of the dense buffer of similarities of one worker thread."""


@dataclass(frozen=True)
class FeatureWeights:
    """Relative weight of each feature block in the cosine similarity."""

    genres: float = 1.0
    keywords: float = 1.8
    collection: float = 0.0  # the ranking puts the collection first by itself
    overview: float = 1.0
    companies: float = 0.3
    # the ranking weighs years apart and the original language; these small shares only make sure
    # that a film without genres, keywords or text still has candidates (its decade's, language's)
    decade: float = 0.1
    language: float = 0.1


DEFAULT_WEIGHTS = FeatureWeights()


def _as_lists(column: pd.Series) -> list[list[str]]:
    """A list column as plain lists of strings (missing or non-list cells → empty)."""
    return [
        [str(item) for item in value] if isinstance(value, (list, tuple, np.ndarray)) else []
        for value in column.tolist()
    ]


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def list_tfidf(lists: list[list[str]], min_df: int = 1) -> sparse.csr_matrix:
    """TF-IDF of lists of labels (each label is one token), rows L2-normalised."""
    if not any(lists):
        return sparse.csr_matrix((len(lists), 0), dtype=np.float32)
    vectorizer = TfidfVectorizer(analyzer=_identity, min_df=min_df, binary=True, dtype=np.float32)
    try:
        return sparse.csr_matrix(vectorizer.fit_transform(lists))
    except ValueError:  # no label is frequent enough
        return sparse.csr_matrix((len(lists), 0), dtype=np.float32)


def text_tfidf(texts: list[str]) -> sparse.csr_matrix:
    """TF-IDF of free text (English stop words out, words seen in one film only ignored)."""
    vectorizer = TfidfVectorizer(
        stop_words="english",
        strip_accents="unicode",
        min_df=2,
        max_df=0.5,
        sublinear_tf=True,
        dtype=np.float32,
    )
    try:
        return sparse.csr_matrix(vectorizer.fit_transform(texts))
    except ValueError:  # empty vocabulary
        return sparse.csr_matrix((len(texts), 0), dtype=np.float32)


def one_hot(values: Iterable[str | None]) -> sparse.csr_matrix:
    """One column per distinct value; missing values get an empty row."""
    codes, _ = pd.factorize(pd.Series(list(values), dtype="str"))
    present = codes >= 0
    rows = np.flatnonzero(present)
    width = int(codes.max()) + 1 if present.any() else 0
    data = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((data, (rows, codes[present])), shape=(len(codes), width))


def decade_features(years: np.ndarray) -> sparse.csr_matrix:
    """Soft one-hot of the decade: 1 for the film's decade, 0.5 for the two next to it."""
    decades = years // 10
    known = np.flatnonzero(years > 0)
    if not len(known):
        return sparse.csr_matrix((len(years), 0), dtype=np.float32)
    column = decades[known] - decades[known].min() + 1
    rows = np.concatenate([known, known, known])
    cols = np.concatenate([column - 1, column, column + 1])
    data = np.concatenate([np.full(len(known), 0.5), np.ones(len(known)), np.full(len(known), 0.5)])
    shape = (len(years), int(column.max()) + 2)
    return normalize(sparse.csr_matrix((data.astype(np.float32), (rows, cols)), shape=shape))


def _text(catalog: pd.DataFrame) -> list[str]:
    parts = [
        catalog[c].fillna("").astype("str")
        for c in ("title", "tagline", "overview")
        if c in catalog.columns
    ]
    if not parts:
        return [""] * len(catalog)
    joined = parts[0]
    for part in parts[1:]:
        joined = joined + " " + part
    return joined.tolist()


def feature_matrix(
    catalog: pd.DataFrame, weights: FeatureWeights = DEFAULT_WEIGHTS, all_keywords: bool = False
) -> sparse.csr_matrix:
    """One L2-normalised float32 row per movie: the weighted blocks side by side.

    Only informative keywords count (``data_prep.ranking.informative_keywords``) unless
    ``all_keywords``.
    """
    years = catalog["release_year"].fillna(0).to_numpy(dtype=np.int64)
    keywords = _as_lists(catalog["keywords"])
    if not all_keywords:
        keywords = rk.informative_keywords(keywords)
    blocks = [
        (weights.genres, list_tfidf(_as_lists(catalog["genres"]))),
        (weights.keywords, list_tfidf(keywords, min_df=2)),
        (weights.collection, one_hot(catalog["collection"])),
        (weights.overview, text_tfidf(_text(catalog))),
        (weights.companies, list_tfidf(_as_lists(catalog["production_companies"]), min_df=2)),
        (weights.decade, decade_features(years)),
        (weights.language, one_hot(catalog["original_language"])),
    ]
    used = [
        normalize(block) * np.float32(weight)
        for weight, block in blocks
        if weight > 0 and block.shape[1]
    ]
    if not used:
        return sparse.csr_matrix((len(catalog), 0), dtype=np.float32)
    stacked = sparse.hstack(used, format="csr", dtype=np.float32)
    return sparse.csr_matrix(normalize(stacked), dtype=np.float32)


def duplicate_pairs(catalog: pd.DataFrame) -> np.ndarray:
    """Row positions ``(i, j)``, i ≠ j, of movies sharing the same title and release year."""
    title = catalog["title"].fillna("").astype("str").str.strip().str.casefold()
    key = pd.DataFrame({"title": title, "year": catalog["release_year"].to_numpy()})
    return _pairs_within(key.groupby(["title", "year"], sort=False).indices.values())


DENSE_COLUMNS = 128
"""The most frequent feature columns are multiplied as a dense matrix (BLAS), the rest sparse."""

GROUP = 16
"""Candidates are scanned in groups of this many columns (see ``_best_in_block``)."""


@dataclass(frozen=True)
class _Split:
    """Features split by column frequency, padded to whole ``GROUP``s of candidates."""

    dense: np.ndarray  # (N, m) queries
    sparse: sparse.csr_matrix  # (N, rest) queries
    dense_candidates_t: np.ndarray  # (m, N padded), weighted
    sparse_candidates_t: sparse.csr_matrix  # (rest, N padded), weighted
    n: int


def _split(features: sparse.csr_matrix, candidate_weight: np.ndarray, dense_columns: int) -> _Split:
    n = features.shape[0]
    frequency = np.bincount(features.indices, minlength=features.shape[1])
    by_frequency = np.argsort(-frequency, kind="stable")
    common = np.sort(by_frequency[:dense_columns])
    rare = np.sort(by_frequency[dense_columns:])
    padded = -(-n // GROUP) * GROUP
    weighted = sparse.csr_matrix(sparse.diags(candidate_weight.astype(np.float32)) @ features)
    weighted.resize((padded, features.shape[1]))
    dense = features[:, common].toarray()
    return _Split(
        dense=dense,
        sparse=sparse.csr_matrix(features[:, rare]),
        dense_candidates_t=np.ascontiguousarray(weighted[:, common].toarray().T),
        sparse_candidates_t=sparse.csr_matrix(weighted[:, rare].T),
        n=n,
    )


def _best_in_block(
    split: _Split, start: int, stop: int, k: int, excluded: np.ndarray, buffer: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Best ``k`` candidate positions and scores for rows ``start:stop``, best first.

    The block's scores are the sparse product written into ``buffer`` plus the dense product
    accumulated onto it by ``sgemm``. Rather than partitioning whole rows, the candidates are cut
    into ``GROUP``-sized groups (column ``j`` belongs to group ``j mod groups``) and only the
    ``k`` groups with the highest maxima are ranked: each of the ``k`` best candidates lies in
    one of them.
    """
    rows = stop - start
    scores = buffer[:rows]
    (split.sparse[start:stop] @ split.sparse_candidates_t).toarray(out=scores)
    blas.sgemm(
        1.0,
        split.dense_candidates_t.T,
        split.dense[start:stop].T,
        beta=1.0,
        c=scores.T,
        overwrite_c=True,
    )
    scores[:, split.n :] = -np.inf
    local = np.arange(rows)
    scores[local, local + start] = -np.inf
    in_block = excluded[(excluded[:, 0] >= start) & (excluded[:, 0] < stop)]
    scores[in_block[:, 0] - start, in_block[:, 1]] = -np.inf

    maxima = scores.reshape(rows, GROUP, -1).max(axis=1)
    groups = maxima.shape[1]
    chosen = min(k, groups)
    best_groups = np.argpartition(maxima, groups - chosen, axis=1)[:, -chosen:]
    candidates = (best_groups[:, :, None] + groups * np.arange(GROUP)).reshape(rows, -1)
    values = np.take_along_axis(scores, candidates, axis=1)
    best = np.argpartition(values, values.shape[1] - k, axis=1)[:, -k:]
    top = np.take_along_axis(candidates, best, axis=1)
    top_scores = np.take_along_axis(values, best, axis=1)
    # best first; equal scores in catalog order
    order = np.lexsort((top, -top_scores), axis=1)
    return np.take_along_axis(top, order, axis=1), np.take_along_axis(top_scores, order, axis=1)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def top_k_neighbours(
    features: sparse.csr_matrix,
    k: int,
    candidate_weight: np.ndarray | None = None,
    excluded: np.ndarray | None = None,
    workers: int | None = None,
    dense_columns: int | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """For every row, the ``k`` rows of highest (weighted) dot product, without an N×N matrix.

    Row ``i``'s score for candidate ``j`` is ``candidate_weight[j] * features[i] · features[j]``.
    Returns ``(positions, scores)``, both ``(N, k)``, best first; a row is never its own
    neighbour nor one listed for it in ``excluded`` (pairs of positions). Slots that have no
    candidate left hold position -1 and score -inf. Memory: one ``block × N`` buffer per worker.
    """
    n = features.shape[0]
    k_eff = min(k, max(n - 1, 0))
    positions = np.full((n, k), -1, dtype=np.int64)
    scores = np.full((n, k), -np.inf, dtype=np.float32)
    if k_eff == 0:
        return positions, scores
    weight = np.ones(n, np.float32) if candidate_weight is None else candidate_weight
    split = _split(
        sparse.csr_matrix(features, dtype=np.float32), weight, dense_columns or DENSE_COLUMNS
    )
    excluded = np.empty((0, 2), np.int64) if excluded is None else excluded
    width = split.dense_candidates_t.shape[1]
    block_rows = int(np.clip(BLOCK_BYTES // (4 * width), 64, 512))
    workers = workers or _cpu_count()
    blocks = iter(range(0, n, block_rows))
    lock = threading.Lock()

    def work() -> None:
        buffer = np.empty((block_rows, width), dtype=np.float32)
        while True:
            with lock:
                start = next(blocks, None)
            if start is None:
                return
            stop = min(start + block_rows, n)
            top, top_scores = _best_in_block(split, start, stop, k_eff, excluded, buffer)
            positions[start:stop, :k_eff] = top
            scores[start:stop, :k_eff] = top_scores

    # one BLAS thread per worker: the workers already keep every core busy
    with threadpool_limits(limits=1, user_api="blas"), ThreadPoolExecutor(workers) as pool:
        for future in [pool.submit(work) for _ in range(workers)]:
            future.result()
    positions[~np.isfinite(scores)] = -1
    return positions, scores


def collection_pairs(catalog: pd.DataFrame) -> np.ndarray:
    """Row positions ``(i, j)``, i ≠ j, of movies of the same collection."""
    codes, _ = pd.factorize(catalog["collection"].astype("str"))
    present = np.flatnonzero(codes >= 0)
    groups = pd.Series(present).groupby(codes[present]).indices
    return _pairs_within(present[members] for members in groups.values())


def _pairs_within(groups: Iterable[Collection[Any]]) -> np.ndarray:
    """Row positions ``(i, j)``, i ≠ j, of every two members of each group."""
    pairs = [
        (int(i), int(j))
        for members in groups
        if len(members) > 1
        for i in members
        for j in members
        if i != j
    ]
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


def _without(pairs: np.ndarray, removed: np.ndarray, n: int) -> np.ndarray:
    """``pairs`` minus the rows that are also in ``removed``."""
    if not len(pairs) or not len(removed):
        return pairs
    keys = pairs[:, 0] * n + pairs[:, 1]
    return pairs[~np.isin(keys, removed[:, 0] * n + removed[:, 1])]


def pair_dots(features: sparse.csr_matrix, pairs: np.ndarray) -> np.ndarray:
    """``features[i] · features[j]`` of each pair ``(i, j)``."""
    if not len(pairs):
        return np.empty(0, dtype=np.float64)
    products = features[pairs[:, 0]].multiply(features[pairs[:, 1]])
    return np.asarray(products.sum(axis=1), dtype=np.float64).ravel()


@dataclass(frozen=True)
class _Movies:
    """What the ranking reads of each movie, as arrays over catalog positions."""

    appeal: np.ndarray
    strength: np.ndarray
    genres: np.ndarray
    years: np.ndarray
    languages: np.ndarray

    @classmethod
    def of(cls, catalog: pd.DataFrame, ranking: Ranking) -> _Movies:
        votes = catalog["vote_count"].fillna(0).to_numpy(dtype=np.float64)
        average = catalog["vote_average"].to_numpy(dtype=np.float64, na_value=np.nan)
        renown = rk.percentile(votes)
        rating = rk.percentile(rk.bayesian_rating(votes, average, ranking.rating_votes))
        languages, _ = pd.factorize(catalog["original_language"].astype("str"))
        return cls(
            appeal=rk.appeal(renown, rating),
            strength=rk.prior_strength(renown, ranking),
            genres=rk.genre_masks(_as_lists(catalog["genres"])),
            years=catalog["release_year"].fillna(0).to_numpy(dtype=np.int64),
            languages=languages,
        )

    def scores(
        self, sources: np.ndarray, targets: np.ndarray, content: np.ndarray, ranking: Ranking
    ) -> np.ndarray:
        jaccard = rk.genre_jaccard(self.genres, sources, targets)
        first, second = self.languages[sources], self.languages[targets]
        return rk.pair_scores(
            content,
            rk.genre_gate(jaccard, ranking),
            rk.year_closeness(self.years[sources] - self.years[targets], ranking),
            (first == second) | (first < 0) | (second < 0),
            self.strength[sources],
            self.appeal[targets],
            ranking,
        )


RERANK_ROWS = 4096
"""Movies whose candidates are scored at a time (bounds the memory of the ranking)."""


def build_neighbours(
    catalog: pd.DataFrame,
    k: int = NEIGHBOURS_K,
    weights: FeatureWeights = DEFAULT_WEIGHTS,
    ranking: Ranking = DEFAULT_RANKING,
) -> pd.DataFrame:
    """The ``k`` best picks of every movie, best first, as a long compact table.

    The ``ranking.candidates`` most similar films by content (weighted mildly by their appeal)
    and all the films of the movie's collection are scored by ``data_prep.ranking``.
    Columns: ``movie_id`` and ``neighbour_id`` (int32), ``rank`` (int16, 1 = best) and ``score``
    (float32, falling with the rank; above 1 for the first films of the movie's collection).
    Only picks with a positive score are kept, so a movie may have fewer than ``k`` (or none).
    """
    if not 1 <= k <= np.iinfo(np.int16).max:
        raise ValueError(f"k must be between 1 and {np.iinfo(np.int16).max}")
    ids = catalog["id"].to_numpy(dtype=np.int64)
    if len(ids) and (ids.min() < np.iinfo(np.int32).min or ids.max() > np.iinfo(np.int32).max):
        raise ValueError("movie ids do not fit in 32 bits")
    n = len(catalog)
    if n < 2:
        return _table(np.empty(0), np.empty(0), np.empty(0), np.empty(0))
    features = feature_matrix(catalog, weights)
    movies = _Movies.of(catalog, ranking)
    duplicates = duplicate_pairs(catalog)
    mates = _without(collection_pairs(catalog), duplicates, n)
    weight = movies.appeal**ranking.retrieval_prior
    excluded = np.concatenate([duplicates, mates])
    positions, weighted = top_k_neighbours(features, ranking.candidates, weight, excluded)
    mates = mates[np.argsort(mates[:, 0], kind="stable")]
    mate_content = pair_dots(features, mates)
    parts = []
    for start in range(0, n, RERANK_ROWS):
        stop = min(start + RERANK_ROWS, n)
        found = positions[start:stop]
        content = np.where(found >= 0, weighted[start:stop] / weight[found], 0.0)
        block = slice(*np.searchsorted(mates[:, 0], [start, stop]))
        candidates = _with_mates(found, content, mates[block], mate_content[block], start)
        parts.append(_ranked(candidates, movies, ranking, start, k))
    sources, ranks, targets, scores = (np.concatenate(part) for part in zip(*parts, strict=True))
    return _table(ids[sources], ranks, ids[targets], scores)


def _with_mates(
    found: np.ndarray, content: np.ndarray, mates: np.ndarray, mate_content: np.ndarray, start: int
) -> tuple[np.ndarray, np.ndarray, int]:
    """The candidates of a block of rows and, in columns after them, their collection films:
    targets (-1 where none) and content cosines, and the first collection column."""
    rows, width = found.shape
    column = rk.rank_within(mates[:, 0])
    extra = int(column.max()) + 1 if len(column) else 0
    targets = np.full((rows, width + extra), -1, dtype=np.int64)
    cosines = np.zeros((rows, width + extra))
    targets[:, :width], cosines[:, :width] = found, content
    targets[mates[:, 0] - start, width + column] = mates[:, 1]
    cosines[mates[:, 0] - start, width + column] = mate_content
    return targets, cosines, width


def _ranked(
    candidates: tuple[np.ndarray, np.ndarray, int],
    movies: _Movies,
    ranking: Ranking,
    start: int,
    k: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Score the candidates of a block of rows and keep the ``k`` best positive ones of each:
    sources, ranks (1 = best), targets and scores; equal scores in candidate order."""
    targets, content, first_mate = candidates
    rows = np.arange(start, start + len(targets))
    valid = targets >= 0
    scores = np.zeros(targets.shape)
    sources = np.broadcast_to(rows[:, None], targets.shape)
    scores[valid] = movies.scores(sources[valid], targets[valid], content[valid], ranking)
    mate_scores = np.where(valid[:, first_mate:], scores[:, first_mate:], -np.inf)
    leading = rk.best_per_row(mate_scores, ranking.collection_first)
    scores[:, first_mate:] += np.where(leading, rk.COLLECTION_BONUS, 0.0)
    order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    best = np.take_along_axis(scores, order, axis=1)
    keep = best > 0
    ranks = np.broadcast_to(np.arange(1, order.shape[1] + 1), order.shape)
    picked = np.take_along_axis(targets, order, axis=1)
    return sources[:, : order.shape[1]][keep], ranks[keep], picked[keep], best[keep]


def _table(
    movie_ids: np.ndarray, ranks: np.ndarray, neighbour_ids: np.ndarray, scores: np.ndarray
) -> pd.DataFrame:
    # ranks of kept slots are consecutive: scores fall along a row, and -1 slots come last
    return pd.DataFrame(
        {
            "movie_id": movie_ids.astype(np.int32),
            "rank": ranks.astype(np.int16),
            "neighbour_id": neighbour_ids.astype(np.int32),
            "score": scores.astype(np.float32),
        }
    )
