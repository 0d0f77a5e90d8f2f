"""``benchmarks.eval_recommender``: the figures on hand-made catalogs and the critic list."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from benchmarks.eval_recommender import (
    CRITIC_PICKS,
    critic_hits,
    genre_baseline,
    load_critic_picks,
    quality,
)
from benchmarks.legacy_recommender import legacy_neighbours
from handlers.catalog import load_catalog
from tests.test_neighbours import catalog, movie


def test_genre_baseline_ranks_by_cosine_with_ties_in_catalog_order() -> None:
    movies = catalog(
        movie(1, "AB", genres=["A", "B"]),
        movie(2, "A", genres=["A"]),
        movie(3, "B", genres=["B"]),
        movie(4, "BA", genres=["B", "A"]),
        movie(5, "C", genres=["C"]),
        movie(6, "ABC", genres=["A", "B", "C"]),
    )
    top = genre_baseline(movies)
    # 1: cos 1 (4), 2/√6 (6), 1/√2 (2 and 3, tied), 0 (5)
    assert top[1] == [4, 6, 2, 3, 5]
    # 5: 1/√3 (6), then every other film at 0, in catalog order
    assert top[5] == [6, 1, 2, 3, 4]
    assert top[6] == [1, 4, 2, 3, 5]


def small() -> pd.DataFrame:
    votes = (1, 2, 3, 4, 100, 200, 300, 400)  # 75th percentile: 200 + 0.25 × 100 = 225
    years = (1950, 1960, 1970, 1980, 1995, 1985, 2000, 1990)
    return catalog(
        *(
            movie(i + 1, f"M{i + 1}", years[i], vote_count=v, vote_average=8.0 if i == 7 else 6.0)
            for i, v in enumerate(votes)
        )
    )


def test_figures_of_well_known_movies() -> None:
    movies = small()
    answers = {7: [8, 1], 8: [7, 5], 1: [2]}
    figures = quality(movies, answers, {7: {8, 2}, 1: {3}})
    assert figures.known_share == 0.5  # 7 and 8 are the well-known films; 1 and 5 are not
    mean = (7 * 6 + 8) / 8
    rating = [(v * r + 50 * mean) / (v + 50) for v, r in ((400, 8), (1, 6), (300, 6), (100, 6))]
    assert figures.known_rating == pytest.approx(np.mean(rating))
    assert figures.known_years_apart == 10  # median of 10, 50, 10, 5
    assert figures.critic_hits == pytest.approx((1 / 5 + 0 / 5) / 2)
    assert figures.critic_hits_tuning == pytest.approx(1 / 5)
    assert figures.critic_hits_held_out == 0.0


def test_critic_hits_count_only_the_first_five() -> None:
    assert critic_hits({1: [9, 8, 7, 6, 5, 4]}, {1: {4, 5, 10}}) == pytest.approx(1 / 5)
    assert math.isnan(critic_hits({1: [2]}, {}))


def test_the_critic_list_is_well_formed() -> None:
    table = pd.read_csv(CRITIC_PICKS)
    assert list(table.columns) == ["film_title", "film_year", "pick_title", "pick_year"]
    assert not table.duplicated().any()
    films = table.groupby(["film_title", "film_year"]).size()
    assert len(films) >= 40
    assert films.between(8, 20).all()
    same = (table["film_title"] == table["pick_title"]) & (table["film_year"] == table["pick_year"])
    assert not same.any()


def test_every_critic_pick_resolves_to_one_film_of_the_real_slice(full_data_dir: Path) -> None:
    movies = load_catalog(full_data_dir).movies
    picks = load_critic_picks(movies)
    table = pd.read_csv(CRITIC_PICKS)
    assert len(picks) == table.groupby(["film_title", "film_year"]).ngroups
    assert sum(len(p) for p in picks.values()) == len(table)
    titles = movies.set_index("id")["title"]
    assert titles[603] == "The Matrix" and 218 in picks[603]  # The Terminator


def test_an_unknown_critic_pick_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "picks.csv"
    path.write_text("film_title,film_year,pick_title,pick_year\nM1,1950,Nowhere,1999\n")
    with pytest.raises(ValueError, match="Nowhere"):
        load_critic_picks(small(), path)


def test_the_previous_table_is_reproduced(full_data_dir: Path) -> None:
    movies = load_catalog(full_data_dir).movies
    table = legacy_neighbours(movies)
    matrix = table[table["movie_id"] == 603].sort_values("rank")["neighbour_id"].head(5)
    titles = movies.set_index("id").loc[matrix, "title"].tolist()
    # the picks that made the issue: genres and keywords alone, obscure films first
    assert titles == ["Barb Wire", "Dune", "Wing Commander", "Double Team", "Demolition Man"]
