"""``data_prep.neighbours``: the feature blocks, the block-wise top-k and the stored table."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from benchmarks.eval_recommender import from_table, genre_baseline, load_critic_picks, quality
from benchmarks.legacy_recommender import legacy_neighbours
from data_prep import neighbours as nb
from data_prep.neighbours import FeatureWeights, build_neighbours, top_k_neighbours
from handlers.catalog import load_catalog, neighbours_path

NO_WEIGHTS = dict.fromkeys(
    ("genres", "keywords", "collection", "overview", "companies", "decade", "language"), 0.0
)


def movie(movie_id: int, title: str, year: int = 2000, **fields: Any) -> dict[str, Any]:
    """One catalog row with the columns the recommender reads; ``fields`` override them."""
    row = {
        "id": movie_id,
        "title": title,
        "release_year": year,
        "collection": None,
        "genres": [],
        "keywords": [],
        "production_companies": [],
        "original_language": "en",
        "overview": "",
        "tagline": None,
        "vote_count": 100,
        "vote_average": 7.0,
    }
    return row | fields


def catalog(*rows: dict[str, Any]) -> pd.DataFrame:
    df = pd.DataFrame(list(rows))
    for column in ("title", "collection", "original_language", "overview", "tagline"):
        df[column] = df[column].astype("str")
    return df


def cosine(features: sparse.csr_matrix, i: int, j: int) -> float:
    return float(features[i].multiply(features[j]).sum())


# --- feature blocks ------------------------------------------------------------------------------


def test_one_hot_leaves_missing_values_empty() -> None:
    matrix = nb.one_hot(["a", None, "a", "b"]).toarray()
    assert matrix.tolist() == [[1, 0], [0, 0], [1, 0], [0, 1]]


def test_decade_features_are_soft_between_neighbouring_decades() -> None:
    features = nb.decade_features(np.array([1995, 2003, 1991, 2025]))
    assert cosine(features, 0, 2) == pytest.approx(1.0)  # same decade
    # (0.5, 1, 0.5, 0) · (0, 0.5, 1, 0.5) / 1.5
    assert cosine(features, 0, 1) == pytest.approx(2 / 3)
    # two decades apart: only the 0.5 · 0.5 overlap
    assert cosine(features, 1, 3) == pytest.approx(0.25 / 1.5)
    assert cosine(features, 0, 3) == 0.0


def test_list_tfidf_weighs_rare_labels_more() -> None:
    features = nb.list_tfidf([["a", "b"], ["a"], ["c"]])
    idf_a, idf_b = math.log(4 / 3) + 1, math.log(4 / 2) + 1  # smooth idf, n = 3
    assert cosine(features, 0, 1) == pytest.approx(idf_a / math.hypot(idf_a, idf_b), rel=1e-6)
    assert cosine(features, 0, 2) == 0.0


def test_block_weights_set_each_block_share_of_the_cosine() -> None:
    movies = catalog(
        movie(1, "A", genres=["Drama"], original_language="en"),
        movie(2, "B", genres=["Drama"], original_language="fr"),
    )
    weights = FeatureWeights(**NO_WEIGHTS | {"genres": 1.0, "language": 2.0})
    features = nb.feature_matrix(movies, weights)
    # identical genre blocks (1²), disjoint language blocks (2²): 1 / (1 + 4)
    assert cosine(features, 0, 1) == pytest.approx(0.2)
    assert np.allclose(np.sqrt(features.multiply(features).sum(axis=1)), 1.0)


def test_the_text_block_reads_title_tagline_and_overview() -> None:
    movies = catalog(
        movie(1, "Alpha", overview="submarine heist"),
        movie(2, "Beta", tagline="submarine"),
        movie(3, "Gamma", overview="desert heist"),
        movie(4, "Alpha Returns"),
    )
    features = nb.feature_matrix(movies, FeatureWeights(**NO_WEIGHTS | {"overview": 1.0}))
    assert cosine(features, 0, 1) > 0
    assert cosine(features, 0, 2) > 0
    assert cosine(features, 0, 3) > 0
    assert cosine(features, 1, 2) == 0.0


def test_meta_keywords_do_not_make_films_similar() -> None:
    movies = catalog(
        movie(1, "A", keywords=["woman director", "duringcreditsstinger", "robot"]),
        movie(2, "B", keywords=["woman director", "duringcreditsstinger", "swamp"]),
        movie(3, "C", keywords=["robot", "swamp"]),
    )
    weights = FeatureWeights(**NO_WEIGHTS | {"keywords": 1.0})
    informative = nb.feature_matrix(movies, weights)
    assert cosine(informative, 0, 1) == 0.0
    assert cosine(informative, 0, 2) > 0 and cosine(informative, 1, 2) > 0
    everything = nb.feature_matrix(movies, weights, all_keywords=True)
    assert cosine(everything, 0, 1) > 0


def test_collection_pairs_leave_out_films_without_a_collection() -> None:
    movies = catalog(
        movie(1, "A", collection="X"),
        movie(2, "B"),
        movie(3, "C", collection="X"),
        movie(4, "D", collection="Y"),
    )
    assert sorted(map(tuple, nb.collection_pairs(movies).tolist())) == [(0, 2), (2, 0)]


def test_duplicate_pairs_match_title_case_insensitively_within_a_year() -> None:
    movies = catalog(
        movie(1, "Heat", 1995), movie(2, "heat ", 1995), movie(3, "Heat", 1986), movie(4, "Up")
    )
    assert sorted(map(tuple, nb.duplicate_pairs(movies).tolist())) == [(0, 1), (1, 0)]


# --- block-wise top-k against brute force --------------------------------------------------------


def brute_force(
    features: sparse.csr_matrix, k: int, weight: np.ndarray, excluded: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    scores = (features @ features.T).toarray() * weight[None, :]
    np.fill_diagonal(scores, -np.inf)
    scores[excluded[:, 0], excluded[:, 1]] = -np.inf
    order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return order, np.take_along_axis(scores, order, axis=1)


@pytest.mark.parametrize(("n", "k", "workers"), [(300, 7, 1), (1500, 20, 2), (130, 25, 2)])
def test_top_k_matches_brute_force(n: int, k: int, workers: int) -> None:
    rng = np.random.default_rng(n)
    common = sparse.random(n, 6, density=0.6, random_state=rng, dtype=np.float32)
    rare = sparse.random(n, 400, density=0.01, random_state=rng, dtype=np.float32)
    features = sparse.csr_matrix(sparse.hstack([common, rare]), dtype=np.float32)
    weight = rng.uniform(0.6, 1.0, n)
    excluded = np.array([[0, 1], [1, 0], [5, 9]])
    positions, scores = top_k_neighbours(
        features, k, weight, excluded, workers=workers, dense_columns=4
    )
    expected_positions, expected_scores = brute_force(features, k, weight, excluded)
    assert np.allclose(scores, expected_scores, rtol=1e-5, atol=1e-6)
    assert (positions == expected_positions).mean() > 0.99  # only float ties may swap
    assert not (positions == np.arange(n)[:, None]).any()
    assert 1 not in positions[0] and 0 not in positions[1] and 9 not in positions[5]


def test_top_k_pads_rows_that_run_out_of_candidates() -> None:
    features = sparse.csr_matrix(np.eye(3, dtype=np.float32) + 0.5)
    positions, scores = top_k_neighbours(features, 4)
    assert positions.shape == (3, 4)
    assert (positions[:, 2:] == -1).all() and np.isneginf(scores[:, 2:]).all()
    assert sorted(positions[0, :2].tolist()) == [1, 2]


# --- the stored table ----------------------------------------------------------------------------


@pytest.fixture
def small() -> pd.DataFrame:
    return catalog(
        movie(
            10,
            "Space Saga",
            1977,
            collection="Saga Collection",
            genres=["Adventure", "Science Fiction"],
            keywords=["space", "rebellion"],
            overview="rebels fight an empire in space",
            vote_count=5000,
        ),
        movie(
            11,
            "Space Saga II",
            1980,
            collection="Saga Collection",
            genres=["Adventure", "Science Fiction"],
            keywords=["space", "rebellion"],
            overview="the empire strikes the rebels",
            vote_count=4000,
        ),
        movie(
            12,
            "Star Rebels",
            1991,
            genres=["Adventure", "Science Fiction"],
            keywords=["space"],
            overview="rebels in space",
            vote_count=0,
        ),
        movie(
            13,
            "Star Rebels",
            1990,
            genres=["Adventure", "Science Fiction"],
            keywords=["space"],
            overview="rebels in space",
            vote_count=1000,
        ),
        movie(
            14,
            "Star Rebels",
            1990,
            genres=["Adventure", "Science Fiction"],
            keywords=["space"],
            overview="rebels in space",
            vote_count=20,
        ),
        movie(
            15,
            "Quiet Farm",
            1950,
            genres=["Drama"],
            keywords=["farm"],
            overview="a farmer and his cows",
            original_language="fr",
            vote_count=50,
        ),
    )


def test_table_is_compact_and_ranked(small: pd.DataFrame) -> None:
    table = build_neighbours(small, k=3)
    assert list(table.columns) == list(nb.NEIGHBOUR_COLUMNS)
    assert table.dtypes.astype(str).tolist() == ["int32", "int16", "int32", "float32"]
    for _, rows in table.groupby("movie_id"):
        assert rows["rank"].tolist() == list(range(1, len(rows) + 1))
        assert rows["score"].is_monotonic_decreasing
        assert (rows["score"] > 0).all()
    assert (table["movie_id"] != table["neighbour_id"]).all()


def test_a_sequel_comes_first_and_duplicates_never_appear(small: pd.DataFrame) -> None:
    table = build_neighbours(small, k=5)
    ranked = table.groupby("movie_id")["neighbour_id"].apply(list).to_dict()
    assert ranked[10][0] == 11 and ranked[11][0] == 10
    assert 14 not in ranked[13] and 13 not in ranked[14]  # same title, same year
    assert 12 in ranked[13]  # same title, another year: a remake is fine


def ranked(table: pd.DataFrame, movie_id: int) -> list[int]:
    return table[table["movie_id"] == movie_id].sort_values("rank")["neighbour_id"].tolist()


def fillers(count: int) -> list[dict[str, Any]]:
    """Unrelated westerns with middling votes, to give the catalog a spread of renown."""
    return [
        movie(
            100 + i,
            f"Filler {i}",
            genres=["Western"],
            keywords=[f"f{i}"],
            overview=f"cattle drive {i}",
            vote_count=100 * (i + 1),
            vote_average=6.0,
        )
        for i in range(count)
    ]


def test_famous_movies_get_appealing_picks_little_known_ones_close_picks() -> None:
    heist = {"genres": ["Drama"], "keywords": ["heist", "vault"], "overview": "a bank vault heist"}
    movies = catalog(
        movie(1, "Famous", **heist, vote_count=5000, vote_average=8.0),
        movie(2, "Little", **heist, vote_count=5, vote_average=6.0),
        # the closest in content, but hardly anyone saw it and they did not like it
        movie(
            3,
            "Close",
            **heist | {"overview": "a vault heist gone wrong"},
            vote_count=3,
            vote_average=5.0,
        ),
        # only the genre in common, but famous and loved
        movie(
            4,
            "Known",
            genres=["Drama"],
            keywords=["boxing"],
            overview="a boxer fights",
            vote_count=8000,
            vote_average=8.5,
        ),
        *fillers(6),
    )
    table = build_neighbours(movies, k=9)
    famous, little = ranked(table, 1), ranked(table, 2)
    assert famous.index(4) < famous.index(3)
    assert little.index(3) < little.index(4)


def saga(*others: dict[str, Any]) -> pd.DataFrame:
    """A five-film saga whose films share little but the collection, and ``others``."""
    return catalog(
        *(
            movie(
                10 + i,
                f"Quest {i + 1}",
                1980 + 2 * i,
                collection="Quest Collection",
                genres=["Adventure"],
                keywords=[f"quest{i}"],
                overview=f"chapter {i} begins",
                vote_count=1000,
            )
            for i in range(5)
        ),
        *others,
        *fillers(4),
    )


def test_the_collection_leads_with_three_films_when_strong_picks_exist() -> None:
    dragons = {"genres": ["Adventure"], "keywords": ["quest0", "dragon"], "vote_count": 3000}
    movies = saga(
        movie(20, "Dragon Knight", 1981, **dragons, overview="chapter 0 begins with a dragon"),
        movie(21, "Dragon Rider", 1979, **dragons, overview="a dragon begins the chapter 0"),
    )
    picks = ranked(build_neighbours(movies, k=6), 10)
    # the three closest in years first, then the strong picks, then the rest of the saga
    assert picks[:5] == [11, 12, 13, 20, 21] or picks[:5] == [11, 12, 13, 21, 20]
    assert 14 in picks[5:]


def test_the_whole_collection_comes_when_nothing_else_is_close() -> None:
    picks = ranked(build_neighbours(saga(), k=5), 10)
    assert picks[:4] == [11, 12, 13, 14]


def test_a_film_without_genres_keywords_or_text_still_gets_picks() -> None:
    movies = catalog(
        movie(1, "Blank", 1993, original_language="it"),
        movie(2, "Same decade and language", 1995, original_language="it", genres=["Drama"]),
        movie(3, "Nothing in common", 1950, genres=["Drama"]),
        movie(4, "Same decade", 1991, genres=["Drama"]),
    )
    # its decade's and language's films, through the small decade and language blocks
    assert ranked(build_neighbours(movies, k=3), 1) == [2, 4]


def test_k_larger_than_the_catalog_and_tiny_catalogs(small: pd.DataFrame) -> None:
    table = build_neighbours(small, k=50)
    assert table.groupby("movie_id").size().max() <= len(small) - 1
    empty = build_neighbours(small.head(1), k=5)
    assert len(empty) == 0 and list(empty.columns) == list(nb.NEIGHBOUR_COLUMNS)
    with pytest.raises(ValueError):
        build_neighbours(small, k=0)


# --- real data: the fixture, and the whole slice for the quality figures -------------------------


@pytest.fixture(scope="module")
def real(real_data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]]:
    loaded = load_catalog(real_data_dir)
    return loaded.movies, pd.read_parquet(neighbours_path(loaded)), loaded.manifest


@pytest.fixture(scope="module")
def full(full_data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]]:
    """The whole slice: in the fixture, collections are whole and over-represented, which
    flatters the genre baseline's collection recall."""
    loaded = load_catalog(full_data_dir)
    return loaded.movies, pd.read_parquet(neighbours_path(loaded)), loaded.manifest


def test_prepare_stores_twenty_neighbours_of_every_movie(
    real: tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]],
) -> None:
    movies, table, manifest = real
    assert manifest["neighbours"]["k"] == 20
    assert manifest["neighbours"]["rows"] == len(table)
    counts = table.groupby("movie_id").size()
    assert set(counts.index) == set(movies["id"])
    assert counts.max() == 20 and counts.median() == 20
    assert table["neighbour_id"].isin(movies["id"]).all()


def top5(table: pd.DataFrame, movie_id: int) -> list[int]:
    rows = table[table["movie_id"] == movie_id].sort_values("rank")
    return rows["neighbour_id"].head(5).tolist()


def test_known_sequels_on_the_real_slice(
    real: tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]],
) -> None:
    _, table, _ = real
    assert top5(table, 862)[0] == 863  # Toy Story → Toy Story 2
    assert {679, 8077} <= set(top5(table, 348))  # Alien → Aliens, Alien³
    assert {4233, 4234} <= set(top5(table, 4232))  # Scream → Scream 2, Scream 3
    assert 240 in top5(table, 238)  # The Godfather → Part II


def test_the_matrix_gets_famous_films_of_its_kind_and_era(
    full: tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]],
) -> None:
    movies, table, _ = full
    by_id = movies.set_index("id")
    picks = by_id.loc[top5(table, 603)]  # The Matrix (1999): Barb Wire, Dune, … before
    assert (picks["vote_count"] > movies["vote_count"].quantile(0.75)).all()
    assert (picks["genres"].map(lambda g: "Science Fiction" in g)).all()
    assert (picks["release_year"] >= 1980).all()
    # The Terminator, Terminator 2: Judgment Day, RoboCop, Total Recall, Ghost in the Shell
    assert len(set(picks.index) & {218, 280, 5548, 861, 9323}) >= 4


def test_quality_on_the_real_slice(
    full: tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]],
) -> None:
    """Figures of ``python -m benchmarks.eval_recommender``, pinned a little below what the
    ranking achieves, against the genre-only baseline and the previous table."""
    movies, table, _ = full
    critic = load_critic_picks(movies)
    ours = quality(movies, from_table(movies, table), critic)
    previous = quality(movies, from_table(movies, legacy_neighbours(movies)), critic)
    baseline = quality(movies, genre_baseline(movies), critic)
    assert baseline.collection_recall == pytest.approx(0.273, abs=0.001)
    assert baseline.critic_hits == pytest.approx(0.173, abs=0.001)
    assert previous.critic_hits == pytest.approx(0.262, abs=0.001)
    assert ours.collection_recall >= 0.99
    assert ours.known_share >= 0.95 > 0.5 > max(previous.known_share, baseline.known_share)
    assert ours.known_rating >= 7.3 > 6.5 > max(previous.known_rating, baseline.known_rating)
    assert ours.known_years_apart <= 4 < min(previous.known_years_apart, baseline.known_years_apart)
    assert ours.critic_hits >= 0.6
    assert ours.critic_hits_held_out >= 0.5 > 0.25 > previous.critic_hits_held_out
    assert ours.genre_jaccard >= 0.75
    assert ours.little_known_shared_informative >= 0.6 > previous.little_known_shared_informative
    assert ours.obscurity <= 0.03 < previous.obscurity < baseline.obscurity
