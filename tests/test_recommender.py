"""``handlers.recommender``: lookups in the neighbours table, reasons, builds without a table."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from handlers.answers import MovieRef, Reason, Recommendation
from handlers.catalog import CatalogError, LoadedCatalog, load_catalog, neighbours_path
from handlers.recommender import REASON_KEYWORDS, Recommender, RecommenderUnavailable
from tests.test_neighbours import catalog, movie


@pytest.fixture
def movies() -> pd.DataFrame:
    return catalog(
        movie(
            1,
            "Space Saga",
            1977,
            collection="Saga",
            genres=["Adventure", "Science Fiction"],
            keywords=["space", "rebellion", "droid", "duringcreditsstinger"],
        ),
        movie(
            2,
            "Space Saga II",
            1980,
            collection="Saga",
            genres=["Science Fiction", "Adventure"],
            keywords=["duringcreditsstinger", "droid", "space", "rebellion"],
        ),
        movie(
            3,
            "Star Rebels",
            1985,
            genres=["Science Fiction", "Drama"],
            keywords=["duringcreditsstinger", "space"],
        ),
        movie(4, "Quiet Farm", 1950, genres=["Drama"], keywords=["duringcreditsstinger"]),
        movie(5, "Lonely", 1960),
    )


@pytest.fixture
def table() -> pd.DataFrame:
    # shuffled on purpose; 99 is not in the catalog; movie 5 has no neighbours
    return pd.DataFrame(
        {
            "movie_id": [1, 1, 2, 1, 1, 3, 4, 99],
            "rank": [3, 1, 1, 2, 4, 1, 1, 1],
            "neighbour_id": [4, 2, 1, 3, 99, 1, 3, 1],
            "score": [0.2, 0.9, 0.9, 0.5, 0.1, 0.4, 0.3, 0.8],
        }
    ).astype({"movie_id": "int32", "rank": "int16", "neighbour_id": "int32", "score": "float32"})


def test_recommend_follows_the_ranks_with_years_and_reasons(
    movies: pd.DataFrame, table: pd.DataFrame
) -> None:
    recommender = Recommender(movies, table)
    assert recommender.recommend(1) == (
        Recommendation(
            MovieRef(2, "Space Saga II", 1980),
            # genres in the asked movie's order; keywords rarest first, at most three
            Reason("Saga", ("Adventure", "Science Fiction"), ("droid", "rebellion", "space")),
            0.9,
        ),
        # "duringcreditsstinger" says nothing about a film: never named
        Recommendation(
            MovieRef(3, "Star Rebels", 1985), Reason(None, ("Science Fiction",), ("space",)), 0.5
        ),
        Recommendation(MovieRef(4, "Quiet Farm", 1950), Reason(None, (), ()), 0.2),
    )
    assert REASON_KEYWORDS == 3


def test_reasons_leave_out_keywords_on_too_many_films() -> None:
    # "murder" is on 11 of 12 films, more than the 10 a keyword may be on in a small catalog
    movies = catalog(
        movie(1, "Poison", keywords=["murder", "poison", "butler"]),
        movie(2, "Antidote", keywords=["butler", "murder", "poison", "antidote"]),
        *(movie(10 + i, f"Case {i}", keywords=["murder"]) for i in range(9)),
        movie(30, "Garden", keywords=["garden"]),
    )
    table = pd.DataFrame({"movie_id": [1], "rank": [1], "neighbour_id": [2], "score": [0.5]})
    (pick,) = Recommender(movies, table).recommend(1)
    assert pick.reason.keywords == ("butler", "poison")


def test_n_limits_the_answer(movies: pd.DataFrame, table: pd.DataFrame) -> None:
    recommender = Recommender(movies, table)
    assert [r.movie.id for r in recommender.recommend(1, n=2)] == [2, 3]
    assert recommender.recommend(1, n=0) == ()
    assert recommender.k == 3


@pytest.mark.parametrize("as_arrow", [False, True])
def test_depth_keeps_the_first_ranks_only(
    movies: pd.DataFrame, table: pd.DataFrame, as_arrow: bool
) -> None:
    neighbours = pa.Table.from_pandas(table) if as_arrow else table
    recommender = Recommender(movies, neighbours, depth=2)
    assert [r.movie.id for r in recommender.recommend(1)] == [2, 3]  # ranks 1 and 2 of four
    assert [r.movie.id for r in recommender.recommend(2)] == [1]
    assert recommender.k == 2
    # the same answers as the whole table for as many films
    whole = Recommender(movies, table)
    assert recommender.recommend(1) == whole.recommend(1, n=2)


def test_unknown_ids_and_movies_without_neighbours(
    movies: pd.DataFrame, table: pd.DataFrame
) -> None:
    recommender = Recommender(movies, table)
    assert recommender.recommend(5) == ()
    assert 5 in recommender and 99 not in recommender
    with pytest.raises(KeyError):
        recommender.recommend(99)


def test_reasons_are_symmetric_in_collection_only(
    movies: pd.DataFrame, table: pd.DataFrame
) -> None:
    recommender = Recommender(movies, table)
    (back,) = recommender.recommend(2, n=1)
    assert back.movie == MovieRef(1, "Space Saga", 1977)
    assert back.reason.same_collection == "Saga"
    assert back.reason.genres == ("Science Fiction", "Adventure")
    (farm,) = recommender.recommend(4)
    assert farm.reason == Reason(None, ("Drama",), ())


# --- builds on disk ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(real_data_dir: Path) -> LoadedCatalog:
    return load_catalog(real_data_dir)


def copy_without_table(loaded: LoadedCatalog, tmp_path: Path) -> LoadedCatalog:
    build = tmp_path / "data" / loaded.build_dir.name
    shutil.copytree(loaded.build_dir, build)
    neighbours_path(LoadedCatalog(loaded.movies, loaded.manifest, build)).unlink()
    return LoadedCatalog(loaded.movies, loaded.manifest, build)


def test_a_build_without_a_table_is_refused_clearly(real: LoadedCatalog, tmp_path: Path) -> None:
    bare = copy_without_table(real, tmp_path)
    with pytest.raises(RecommenderUnavailable, match="pelibot prepare") as error:
        Recommender.load(bare)
    assert isinstance(error.value, CatalogError)


def test_an_unreadable_table_is_refused_clearly(real: LoadedCatalog, tmp_path: Path) -> None:
    broken = copy_without_table(real, tmp_path)
    neighbours_path(broken).write_bytes(b"not parquet")
    with pytest.raises(RecommenderUnavailable, match="cannot be read"):
        Recommender.load(broken)


def test_toy_story_on_the_real_slice(real: LoadedCatalog) -> None:
    recommender = Recommender.load(real)
    recommendations = recommender.recommend(862)
    assert len(recommendations) == 5
    first = recommendations[0]
    assert first.movie == MovieRef(863, "Toy Story 2", 1999)
    assert first.reason.same_collection == "Toy Story Collection"
    assert first.reason.genres == ("Animation", "Comedy", "Family")
    assert "toy comes to life" in first.reason.keywords
    scores = [r.score for r in recommendations]
    assert scores == sorted(scores, reverse=True)
    assert 862 not in [r.movie.id for r in recommendations]


def test_every_movie_of_the_real_slice_gets_five(real: LoadedCatalog) -> None:
    recommender = Recommender.load(real)
    ids = real.movies["id"].tolist()
    answers = {movie_id: recommender.recommend(movie_id) for movie_id in ids}
    assert all(len(answer) == 5 for answer in answers.values())
    assert all(movie_id not in {r.movie.id for r in answers[movie_id]} for movie_id in ids)
