"""``data_prep.ranking``: each scoring function on small hand-computed inputs."""

from __future__ import annotations

import math

import numpy as np
import pytest

from data_prep import ranking as rk
from data_prep.ranking import Ranking


def test_bayesian_rating_mixes_in_votes_of_the_catalog_mean() -> None:
    # mean over rated films only: (8 + 6) / 2 = 7; m = 10
    rating = rk.bayesian_rating(np.array([0, 10, 90]), np.array([0.0, 8.0, 6.0]), 10)
    assert rating.tolist() == pytest.approx([7.0, (80 + 70) / 20, (540 + 70) / 100])


def test_bayesian_rating_prefers_many_good_votes_to_a_few_perfect_ones() -> None:
    # catalog mean (10 + 8 + 5) / 3 = 23 / 3; m = 50
    votes, average = np.array([3, 2000, 100]), np.array([10.0, 8.0, 5.0])
    rating = rk.bayesian_rating(votes, average, 50)
    assert rating[0] == pytest.approx((30 + 50 * 23 / 3) / 53)
    assert rating[1] > rating[0] > rating[2]


def test_bayesian_rating_of_a_catalog_without_votes_and_with_missing_averages() -> None:
    assert rk.bayesian_rating(np.array([0, 0]), np.array([np.nan, 0.0]), 50).tolist() == [0, 0]
    assert rk.bayesian_rating(np.array([4, 0]), np.array([6.0, np.nan]), 4).tolist() == [6, 6]


def test_percentile_shares_ties() -> None:
    assert rk.percentile(np.array([0, 10, 10, 100])).tolist() == [0.25, 0.625, 0.625, 1.0]
    assert rk.percentile(np.array([])).tolist() == []


def test_appeal_is_the_geometric_mean() -> None:
    assert rk.appeal(np.array([0.25, 1.0]), np.array([1.0, 0.49])).tolist() == [0.5, 0.7]


def test_prior_strength_ramps_with_the_movies_renown() -> None:
    ranking = Ranking(prior_min=0.5, prior_max=3.0, renown_from=0.5, renown_full=0.8)
    strength = rk.prior_strength(np.array([0.1, 0.5, 0.65, 0.8, 1.0]), ranking)
    assert strength.tolist() == pytest.approx([0.5, 0.5, 0.5 + 2.5 * 0.5, 3.0, 3.0])


def test_genre_jaccard_from_bit_masks() -> None:
    masks = rk.genre_masks([["A", "B"], ["B", "C"], [], ["A", "B", "C"]])
    sources, targets = np.array([0, 0, 0, 2, 3]), np.array([1, 3, 2, 2, 3])
    assert rk.genre_jaccard(masks, sources, targets).tolist() == pytest.approx(
        [1 / 3, 2 / 3, 0.0, 0.0, 1.0]
    )


def test_genre_masks_spill_over_into_more_words() -> None:
    labels = [f"g{i:02}" for i in range(70)]
    masks = rk.genre_masks([labels[:40], labels[30:], [labels[69]]])
    assert masks.shape == (3, 2)
    # shared g30…g39 (10) of all 70; g69 (in word 2) alone of 40
    jaccard = rk.genre_jaccard(masks, np.array([0, 1, 0]), np.array([1, 2, 2]))
    assert jaccard.tolist() == pytest.approx([10 / 70, 1 / 40, 0.0])


def test_genre_gate_opens_linearly_up_to_gate_full() -> None:
    ranking = Ranking(gate_floor=0.1, gate_full=0.5)
    gate = rk.genre_gate(np.array([0.0, 0.25, 0.5, 0.8]), ranking)
    assert gate.tolist() == pytest.approx([0.1, 0.1 + 0.9 * 0.5, 1.0, 1.0])


def test_year_closeness_decays_towards_the_floor() -> None:
    ranking = Ranking(year_scale=20.0, year_floor=0.6)
    closeness = rk.year_closeness(np.array([0, 20, -20, 200]), ranking)
    near = 0.6 + 0.4 / math.e
    assert closeness.tolist() == pytest.approx([1.0, near, near, 0.6 + 0.4 * math.exp(-10)])


def test_pair_scores_multiply_the_factors() -> None:
    ranking = Ranking(other_language=0.5)
    scores = rk.pair_scores(
        content=np.array([0.5, 0.5]),
        gate=np.array([0.55, 1.0]),
        closeness=np.array([0.8, 1.0]),
        same_language=np.array([False, True]),
        strength=np.array([2.0, 0.5]),
        candidate_appeal=np.array([0.9, 0.36]),
        ranking=ranking,
    )
    assert scores.tolist() == pytest.approx([0.5 * 0.55 * 0.8 * 0.5 * 0.81, 0.5 * 0.6])


def test_a_famous_movie_prefers_the_appealing_candidate_a_little_known_one_the_closer() -> None:
    ranking = Ranking(prior_min=0.5, prior_max=3.0)
    ones = np.ones(2)
    content, appeal = np.array([0.30, 0.18]), np.array([0.40, 0.95])  # close but obscure, famous
    famous = rk.pair_scores(content, ones, ones, ones > 0, 3.0 * ones, appeal, ranking)
    little = rk.pair_scores(content, ones, ones, ones > 0, 0.5 * ones, appeal, ranking)
    assert famous.tolist() == pytest.approx([0.30 * 0.064, 0.18 * 0.95**3])
    assert little.tolist() == pytest.approx([0.30 * 0.4**0.5, 0.18 * 0.95**0.5])
    assert famous.argmax() == 1 and little.argmax() == 0


def test_best_per_row_keeps_ties_leftmost_and_ignores_missing() -> None:
    scores = np.array([[0.2, -np.inf, 0.5, 0.5], [-np.inf, -np.inf, 0.1, -np.inf]])
    assert rk.best_per_row(scores, 2).tolist() == [
        [False, False, True, True],
        [False, False, True, False],
    ]
    assert rk.best_per_row(scores, 3)[0].tolist() == [True, False, True, True]


def test_rank_within_runs() -> None:
    assert rk.rank_within(np.array([3, 3, 5, 7, 7, 7])).tolist() == [0, 1, 0, 0, 1, 2]


def test_informative_keywords_drop_meta_and_common_ones() -> None:
    lists = [["common", "woman director"] for _ in range(11)] + [["rare", "common", "common"]]
    assert rk.keyword_limit(len(lists)) == rk.MIN_KEYWORD_LIMIT == 10
    # "common" is on 12 films > 10
    assert rk.informative_keywords(lists) == [[] for _ in range(11)] + [["rare"]]
    assert rk.keyword_limit(1000) == 20  # 2 %
    assert rk.informative("murder", 20, 1000) and not rk.informative("murder", 21, 1000)
    assert not rk.informative("duringcreditsstinger", 1, 1000)
