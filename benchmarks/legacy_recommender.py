"""The neighbour table as ``pelibot prepare`` built it before the ranking of ``data_prep.ranking``.

Kept to compare against: one cosine over weighted blocks (the collection, decade and language
among them, every keyword counted), each candidate scaled by a mild popularity prior
``1 - PRIOR_STRENGTH + PRIOR_STRENGTH * familiarity``, the best ``k`` kept.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data_prep.neighbours import (
    NEIGHBOURS_K,
    FeatureWeights,
    _table,
    duplicate_pairs,
    feature_matrix,
    top_k_neighbours,
)

LEGACY_WEIGHTS = FeatureWeights(
    genres=1.0,
    keywords=1.3,
    collection=1.5,
    overview=1.0,
    companies=0.3,
    decade=0.3,
    language=0.3,
)
PRIOR_STRENGTH = 0.4
FAMILIAR_VOTES = 100


def familiarity(vote_count: pd.Series) -> np.ndarray:
    """0 for a film nobody voted on, 1 from ``FAMILIAR_VOTES`` votes up, log-scaled between."""
    votes = vote_count.fillna(0).clip(lower=0).to_numpy(dtype=np.float64)
    return np.minimum(np.log1p(votes) / np.log1p(FAMILIAR_VOTES), 1.0)


def legacy_neighbours(catalog: pd.DataFrame, k: int = NEIGHBOURS_K) -> pd.DataFrame:
    """The table the previous ``build_neighbours`` stored for ``catalog``."""
    ids = catalog["id"].to_numpy(dtype=np.int64)
    if len(catalog) < 2:
        return _table(np.empty(0), np.empty(0), np.empty(0), np.empty(0))
    weight = 1 - PRIOR_STRENGTH + PRIOR_STRENGTH * familiarity(catalog["vote_count"])
    features = feature_matrix(catalog, LEGACY_WEIGHTS, all_keywords=True)
    positions, scores = top_k_neighbours(features, k, weight, duplicate_pairs(catalog))
    keep = (positions >= 0) & (scores > 0)
    rows, ranks = np.nonzero(keep)
    return _table(ids[rows], ranks + 1, ids[positions[keep]], scores[keep])
