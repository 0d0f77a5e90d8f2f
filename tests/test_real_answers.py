"""Answers on the real-data fixture against numbers computed here straight from the raw CSV.

The expected values use only the csv module and plain Python over the raw file, never the
project's pipeline, so a bug in cleaning or aggregation cannot hide in both.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from handlers import answers as a
from handlers.recommender import Recommender
from handlers.service import RECOMMENDATIONS, MovieService
from tests.data import read_rows


@pytest.fixture(scope="module")
def raw_rows(real_slice_csv: Path) -> list[dict[str, str]]:
    """Rows kept by the cleaning rules: integer id (first of duplicates), a valid date."""
    seen: set[str] = set()
    rows = []
    for row in read_rows(real_slice_csv):
        if not row["id"].isdigit() or row["id"] in seen:
            continue
        seen.add(row["id"])
        try:
            row["_date"] = dt.date.fromisoformat(row["release_date"])  # type: ignore[assignment]
        except ValueError:
            continue
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return MovieService.from_data_dir(real_data_dir)


def _names(cell: str) -> list[str]:
    return [item["name"] for item in ast.literal_eval(cell)] if cell else []


def _revenue(row: dict[str, str]) -> int:
    return int(float(row["revenue"] or 0))


def _doubtful(row: dict[str, str]) -> bool:
    """A budget or box office of US$ 1–999, or a return above 10,000×."""
    budget, revenue = int(float(row["budget"] or 0)), _revenue(row)
    tiny = any(0 < value < 1_000 for value in (budget, revenue))
    return tiny or (budget > 0 and revenue > 10_000 * budget)


def test_month_and_weekday(service: MovieService, raw_rows: list[dict[str, str]]) -> None:
    dates: list[dt.date] = [row["_date"] for row in raw_rows]  # type: ignore[misc]
    for month in (1, 9, 12):
        expected = sum(1 for d in dates if d.month == month)
        assert service.answer("mes", str(month)) == a.MonthAnswer(month, expected)
    fridays = sum(1 for d in dates if d.weekday() == 4)
    assert service.answer("dia", "viernes") == a.WeekdayAnswer(4, fridays)


def test_collection(service: MovieService, raw_rows: list[dict[str, str]]) -> None:
    members = [r for r in raw_rows if "'James Bond Collection'" in r["belongs_to_collection"]]
    total = sum(_revenue(r) for r in members)
    answer = service.ask("/franquicia james bond")
    assert isinstance(answer, a.CollectionAnswer)
    assert (answer.count, answer.revenue_total) == (len(members), total)
    assert answer.revenue_mean == pytest.approx(total / len(members))


def test_country(service: MovieService, raw_rows: list[dict[str, str]]) -> None:
    expected = sum(1 for r in raw_rows if "'iso_3166_1': 'FR'" in r["production_countries"])
    answer = service.ask("/pais francia")
    assert isinstance(answer, a.CountryAnswer) and (answer.iso, answer.count) == ("FR", expected)


def test_company_counts_exact_names_only(
    service: MovieService, raw_rows: list[dict[str, str]]
) -> None:
    for typed, name in (("warner bros.", "Warner Bros."), ("pixar", "Pixar Animation Studios")):
        members = [r for r in raw_rows if name in _names(r["production_companies"])]
        answer = service.answer("productora", typed)
        assert answer == a.CompanyAnswer(
            name,
            len(members),
            sum(_revenue(r) for r in members),
            sum(1 for r in members if _revenue(r) > 0),
            doubtful=sum(map(_doubtful, members)),
        )


def test_return_of_toy_story(service: MovieService) -> None:
    answer = service.ask("/retorno Toy Story")
    assert isinstance(answer, a.ReturnAnswer)
    assert answer.movie == a.MovieRef(862, "Toy Story", 1995)
    assert (answer.budget, answer.revenue) == (30_000_000, 373_554_033)
    assert answer.ret == pytest.approx(373_554_033 / 30_000_000)


def test_recommendations_are_the_first_five_of_the_stored_table(service: MovieService) -> None:
    answer = service.ask("/recomendar toy story")
    assert isinstance(answer, a.RecommendAnswer) and answer.movie.id == 862
    whole = Recommender.load(service.catalog)  # every stored neighbour, not only five
    assert whole.k > RECOMMENDATIONS == service.recommender.k == len(answer.recommendations)
    assert [r.movie.id for r in answer.recommendations] == [
        r.movie.id for r in whole.recommend(862, RECOMMENDATIONS)
    ]
