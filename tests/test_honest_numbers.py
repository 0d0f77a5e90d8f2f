"""Figures a person can trust: doubtful source data is flagged, money is readable, months carry
years — on hand-made answers and on the real slice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from bot.charts import chart_figure
from bot.render import readable_money, render_text, to_json
from bot.telegram.inline import description
from handlers import answers as a
from handlers.doubtful import doubtful_fields
from handlers.service import MovieService
from handlers.stats import compute_stats
from tests.data import read_rows

NBSP = "\N{NO-BREAK SPACE}"


@pytest.mark.parametrize(
    ("budget", "revenue", "expected"),
    [
        (1, 8_500_000, ("budget", "return")),  # Modern Times in the source
        (25, 13, ("budget", "revenue")),
        (0, 5, ("revenue",)),  # 0 is unknown, never doubtful
        (0, 0, ()),
        (999, 1_000, ("budget",)),
        (1_000, 10_000_000, ()),  # exactly 10,000× is still believable
        (1_000, 10_000_001, ("return",)),
        (200_000_000, 1_845_034_188, ()),
    ],
)
def test_doubtful_fields(budget: int, revenue: int, expected: tuple[str, ...]) -> None:
    assert doubtful_fields(budget, revenue) == expected


def test_money_has_a_compact_form_beside_big_figures() -> None:
    assert readable_money(16_974_759_762, "es") == f"US$ 16.974.759.762 (≈ 17{NBSP}mil{NBSP}M)"
    assert readable_money(16_974_759_762, "en") == "US$16,974,759,762 (≈ $17B)"
    assert readable_money(8_500_000, "es") == f"US$ 8.500.000 (≈ 8,5{NBSP}M)"
    assert readable_money(8_500_000, "en") == "US$8,500,000 (≈ $8.5M)"
    assert readable_money(999_999, "es") == "US$ 999.999"


def test_doubtful_return_is_not_stated_as_fact() -> None:
    answer = a.ReturnAnswer(
        a.MovieRef(3082, "Modern Times", 1936),
        1,
        8_500_000,
        8_500_000.0,
        doubtful=("budget", "return"),
    )
    lines = render_text(answer, "es").splitlines()
    assert lines[1] == "Presupuesto: US$ 1 (dato dudoso en la fuente)"
    assert "8.500.000,00" not in "\n".join(lines) and "Ganancia" not in "\n".join(lines)
    assert lines[-1].startswith("Retorno: no lo doy por cierto")
    english = render_text(answer, "en")
    assert "Budget: US$1 (doubtful in the source)" in english and "Profit" not in english
    assert to_json(answer)["doubtful"] == ["budget", "return"]


def test_aggregates_say_how_many_films_are_doubtful() -> None:
    text = render_text(a.CompanyAnswer("Acme", 10, 5_000, 3, doubtful=2), "es")
    assert "Recaudación total: US$ 5.000" in text
    assert "2 películas tienen cifras dudosas en la fuente (sumadas igualmente)." in text
    one = render_text(a.CollectionAnswer("Saga", 2, 10, 5.0, 1, doubtful=1), "en")
    assert "1 film has doubtful figures in the source (added all the same)." in one
    assert "doubtful" not in render_text(a.CompanyAnswer("Acme", 10, 5_000, 3), "en")
    assert to_json(a.CompanyAnswer("Acme", 10, 5_000, 3, doubtful=2))["doubtful_films"] == 2


def test_month_of_one_year_and_the_catalog_years() -> None:
    december = a.MonthAnswer(12, 21, year=2000, years=(1918, 2013))
    assert render_text(december, "es") == "🗓️ En diciembre de 2000 se estrenaron 21 películas."
    assert render_text(december, "en") == "🗓️ 21 movies were released in December 2000."
    before = render_text(a.MonthAnswer(1, 0, year=1850, years=(1918, 2013)), "es")
    assert before.endswith("El catálogo cubre de 1918 a 2013.")
    every = render_text(a.MonthAnswer(1, 376, years=(1918, 2013)), "es").splitlines()
    assert every[-1] == "El catálogo cubre de 1918 a 2013."


def test_misses_say_how_to_ask() -> None:
    assert "Los meses van del 1 al 12" in render_text(a.NotFoundAnswer("mes", "13"), "es")
    assert "Days go from 1 (Monday) to 7" in render_text(a.NotFoundAnswer("dia", "9"), "en")
    title = render_text(a.NotFoundAnswer("retorno", "qwertyuiop"), "es")
    assert "título original y el año" in title and "/retorno the godfather 1972" in title
    assert "/return the godfather 1972" in render_text(a.NotFoundAnswer("retorno", "x"), "en")


# -- on the real slice ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return MovieService.from_data_dir(real_data_dir)


@pytest.fixture(scope="module")
def release_dates(real_slice_csv: Path) -> list[dt.date]:
    """Release dates of the rows the cleaning keeps (integer id, first of duplicates, a date)."""
    seen: set[str] = set()
    dates = []
    for row in read_rows(real_slice_csv):
        if not row["id"].isdigit() or row["id"] in seen:
            continue
        seen.add(row["id"])
        try:
            dates.append(dt.date.fromisoformat(row["release_date"]))
        except ValueError:
            continue
    return dates


@pytest.mark.parametrize(
    ("query", "title", "doubtful"),
    [
        ("/retorno modern times", "Modern Times", ["budget", "return"]),
        ("/retorno the karate kid part ii", "The Karate Kid, Part II", ["budget", "return"]),
        ("/retorno angela's ashes", "Angela's Ashes", ["budget", "revenue"]),
        ("/retorno titanic", "Titanic", []),
        ("/retorno rocky", "Rocky", []),
        ("/retorno bambi", "Bambi", []),
    ],
)
def test_doubtful_figures_on_the_real_slice(
    service: MovieService, query: str, title: str, doubtful: list[str]
) -> None:
    answer = service.ask(query)
    assert isinstance(answer, a.ReturnAnswer) and answer.movie.title == title
    assert to_json(answer)["doubtful"] == doubtful
    assert ("dato dudoso en la fuente" in render_text(answer, "es")) == bool(doubtful)


def test_month_with_a_year_on_the_real_slice(
    service: MovieService, release_dates: list[dt.date]
) -> None:
    expected = sum(1 for d in release_dates if (d.year, d.month) == (2000, 12))
    for typed in (
        "/mes diciembre 2000",
        "/mes diciembre de 2000",
        "/month December 2000",
        "/mes 12/2000",
        "/mes 2000-12",
    ):
        answer = service.ask(typed)
        assert answer == a.MonthAnswer(12, expected, year=2000), typed
        assert to_json(answer)["year"] == 2000
    first, last = min(d.year for d in release_dates), max(d.year for d in release_dates)
    assert service.year_range == (first, last)
    text = render_text(service.ask("/mes enero"), "es")
    assert text.endswith(f"El catálogo cubre de {first} a {last}.")
    assert isinstance(service.ask("/mes 13"), a.NotFoundAnswer)
    # separators without a year: answered at once (a nested-repetition pattern took minutes)
    january = sum(1 for d in release_dates if d.month == 1)
    assert service.ask("/mes enero" + "," * 60 + "x") == a.MonthAnswer(1, january)
    assert "Los meses van del 1 al 12" in render_text(service.ask("/mes 13"), "es")


def test_month_chart_of_one_year() -> None:
    dates = pd.to_datetime(["2000-01-03", "1995-01-17", "2000-01-07", "2000-06-30"])
    none: list[list[str]] = [[] for _ in dates]
    movies = pd.DataFrame(
        {
            "id": [1, 2, 3, 4],
            "title": ["A", "B", "C", "D"],
            "release_date": dates,
            "release_year": dates.year.astype("int64"),
            "collection": pd.Series([None] * 4, dtype="str"),
            "budget": [0] * 4,
            "revenue": [0] * 4,
            "production_companies": none,
            "production_countries": none,
            "production_country_codes": none,
        }
    )
    stats = compute_stats(movies)
    figure = chart_figure(movies, stats, a.MonthAnswer(1, 2, year=2000), "es")
    assert figure is not None
    ax = figure.axes[0]
    assert [bar.get_height() for bar in ax.patches] == [2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
    assert ax.get_title(loc="left") == "Estrenos por mes: enero 2000"
    every_year = chart_figure(movies, stats, a.MonthAnswer(1, 3), "es")
    assert every_year is not None and every_year.axes[0].patches[0].get_height() == 3


def test_inline_card_does_not_state_a_doubtful_return() -> None:
    movie = a.MovieRef(3082, "Modern Times", 1936)
    answer = a.ReturnAnswer(movie, 1, 8_500_000, 8_500_000.0, doubtful=("budget", "return"))
    text = description(answer, a.RecommendAnswer(movie, ()), "es")
    assert text == (
        "Presupuesto US$ 1 (dato dudoso en la fuente) · Recaudación US$ 8.500.000 · "
        "Retorno sin datos"
    )
