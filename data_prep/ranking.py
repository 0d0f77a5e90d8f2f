"""How the content-based candidates of a movie are ranked into picks people would follow.

``data_prep.neighbours`` finds, for every movie, its best hundred candidates by content similarity
(and all the films of its collection); this module scores each (movie, candidate) pair. The score
multiplies

- the content cosine (genres, informative keywords, text, companies);
- a genre gate: a candidate sharing few of the movie's genres is held back, but from a Jaccard
  index of ``gate_full`` on genres stop counting — they gate, the rest decides;
- the closeness of the release years, and a penalty for another original language;
- the candidate's appeal — a percentile of how many people voted on it times one of how well they
  rated it (a Bayesian average: a few votes of 10 do not beat thousands of 8) — raised to a power
  that grows with how well-known the MOVIE is: for a famous film, well-known and well-liked picks
  win (power ``prior_max``); for a little-known one the appeal counts little (``prior_min``) and
  the picks stay close in content.

The collection comes first: the ``collection_first`` best films of the movie's own collection get
``COLLECTION_BONUS`` added, so they lead; its other films compete like any film.

Renown and rating are used as percentiles of the catalog, so the same settings work on catalogs
whose vote counts differ (the real slice, the full file, synthetic files).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

COLLECTION_BONUS = 1.0
"""Added to the scores of the first films of the movie's own collection (others score ≤ 1)."""

META_KEYWORDS = frozenset(
    {
        "woman director",
        "independent film",
        "duringcreditsstinger",
        "aftercreditsstinger",
        "based on novel",
        "sequel",
        "remake",
    }
)
"""Keywords about how a film was made or released, not about what it is; never counted."""

MAX_KEYWORD_SHARE = 0.02
"""Keywords on more than this share of the catalog (murder, love, violence) are not counted …"""

MIN_KEYWORD_LIMIT = 10
"""… unless they are on at most this many films (small catalogs)."""


def keyword_limit(movies: int) -> int:
    """The most films a keyword may be on and still count, in a catalog of ``movies`` films."""
    return max(MIN_KEYWORD_LIMIT, int(MAX_KEYWORD_SHARE * movies))


def informative(keyword: str, films: int, movies: int) -> bool:
    """Whether a keyword on ``films`` of a catalog's ``movies`` films says something."""
    return keyword not in META_KEYWORDS and films <= keyword_limit(movies)


def informative_keywords(lists: list[list[str]]) -> list[list[str]]:
    """Each movie's keywords without the meta and the too common ones (order kept)."""
    films = pd.Series([k for row in lists for k in set(row)], dtype="str").value_counts()
    limit = keyword_limit(len(lists))
    dropped = set(META_KEYWORDS) | set(films.index[films.to_numpy() > limit])
    return [[k for k in row if k not in dropped] for row in lists]


@dataclass(frozen=True)
class Ranking:
    """The settings of the ranking (see the module docstring)."""

    candidates: int = 100
    """Candidates per movie taken from the content search (collection films come on top)."""
    retrieval_prior: float = 0.5
    """The content search weighs candidates by their appeal to this power."""
    rating_votes: float = 50.0
    """Votes of the catalog's mean rating mixed into each film's rating (Bayesian average)."""
    prior_min: float = 0.5
    """Strength of the renown-and-quality prior (the power of the appeal that multiplies the
    score) for little-known movies …"""
    prior_max: float = 3.0
    """… and for the best-known ones."""
    renown_from: float = 0.5
    """Renown percentile of the movie up to which its picks get ``prior_min`` …"""
    renown_full: float = 0.8
    """… and from which they get ``prior_max`` (linear in between)."""
    gate_floor: float = 0.1
    """Genre gate of a candidate with no genre in common."""
    gate_full: float = 0.5
    """Genre Jaccard index from which the gate is fully open."""
    year_scale: float = 20.0
    """Years over which the year closeness falls by a factor of e (towards ``year_floor``)."""
    year_floor: float = 0.6
    other_language: float = 0.5
    """Factor of a candidate in another original language."""
    collection_first: int = 3


DEFAULT_RANKING = Ranking()


def bayesian_rating(votes: np.ndarray, average: np.ndarray, prior_votes: float) -> np.ndarray:
    """``(v · r + m · C) / (v + m)``: each film's mean rating ``r`` over ``v`` votes, mixed with
    ``m = prior_votes`` votes of the catalog's mean rating ``C`` (over films with votes)."""
    votes = np.nan_to_num(np.asarray(votes, dtype=np.float64)).clip(min=0)
    average = np.nan_to_num(np.asarray(average, dtype=np.float64))
    rated = votes > 0
    mean = float(average[rated].mean()) if rated.any() else 0.0
    return (votes * average + prior_votes * mean) / (votes + prior_votes)


def percentile(values: np.ndarray) -> np.ndarray:
    """The share of the catalog at or below each value, ties sharing their mean rank (in (0, 1])."""
    if not len(values):
        return np.empty(0)
    ranks = pd.Series(np.asarray(values, dtype=np.float64)).rank(method="average")
    return ranks.to_numpy() / len(values)


def appeal(renown: np.ndarray, rating: np.ndarray) -> np.ndarray:
    """Geometric mean of the renown and rating percentiles: high only when both are."""
    return np.sqrt(renown * rating)


def prior_strength(renown: np.ndarray, ranking: Ranking = DEFAULT_RANKING) -> np.ndarray:
    """How much the candidates' appeal counts for movies of this renown percentile."""
    span = max(ranking.renown_full - ranking.renown_from, 1e-9)
    ramp = np.clip((renown - ranking.renown_from) / span, 0.0, 1.0)
    return ranking.prior_min + (ranking.prior_max - ranking.prior_min) * ramp


def genre_masks(genres: list[list[str]]) -> np.ndarray:
    """Each movie's genres as bits of ``uint64`` words, shape ``(N, words)``."""
    labels = sorted({g for row in genres for g in row})
    bit = {label: i for i, label in enumerate(labels)}
    masks = np.zeros((len(genres), max(1, -(-len(labels) // 64))), dtype=np.uint64)
    for row, names in enumerate(genres):
        for name in names:
            word, offset = divmod(bit[name], 64)
            masks[row, word] |= np.uint64(1) << np.uint64(offset)
    return masks


def genre_jaccard(masks: np.ndarray, sources: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Jaccard index of the genres of each pair; 0 when neither has a genre."""
    a, b = masks[sources], masks[targets]
    shared = np.bitwise_count(a & b).sum(axis=1, dtype=np.int64)
    either = np.bitwise_count(a | b).sum(axis=1, dtype=np.int64)
    return np.divide(shared, either, out=np.zeros(len(shared)), where=either > 0)


def genre_gate(jaccard: np.ndarray, ranking: Ranking = DEFAULT_RANKING) -> np.ndarray:
    """From ``gate_floor`` (no genre in common) up to 1 (Jaccard ≥ ``gate_full``), linearly."""
    opened = np.minimum(jaccard / ranking.gate_full, 1.0)
    return ranking.gate_floor + (1 - ranking.gate_floor) * opened


def year_closeness(years_apart: np.ndarray, ranking: Ranking = DEFAULT_RANKING) -> np.ndarray:
    """1 for the same year, falling exponentially towards ``year_floor``."""
    decay = np.exp(-np.abs(years_apart) / ranking.year_scale)
    return ranking.year_floor + (1 - ranking.year_floor) * decay


def pair_scores(
    content: np.ndarray,
    gate: np.ndarray,
    closeness: np.ndarray,
    same_language: np.ndarray,
    strength: np.ndarray,
    candidate_appeal: np.ndarray,
    ranking: Ranking = DEFAULT_RANKING,
) -> np.ndarray:
    """The score of each pair (all arguments are per pair; ``strength`` is the movie's prior)."""
    language = np.where(same_language, 1.0, ranking.other_language)
    prior = candidate_appeal**strength
    return content * gate * closeness * language * prior


def rank_within(groups: np.ndarray) -> np.ndarray:
    """0, 1, 2, … within each run of equal values of a sorted array."""
    return np.arange(len(groups)) - np.searchsorted(groups, groups, side="left")


def best_per_row(scores: np.ndarray, count: int) -> np.ndarray:
    """Whether each finite entry is among the ``count`` highest of its row (ties: leftmost)."""
    order = np.argsort(-scores, axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(scores.shape[1])[None, :], axis=1)
    return (ranks < count) & np.isfinite(scores)
