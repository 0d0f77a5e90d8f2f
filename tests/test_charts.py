"""Charts: the numbers behind each chart (tiny hand-made catalog) and the PNGs (real data)."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.colors import to_hex
from PIL import Image

from bot import charts
from handlers.answers import (
    Answer,
    Choice,
    CollectionAnswer,
    CompanyAnswer,
    CountryAnswer,
    MonthAnswer,
    MovieRef,
    NotFoundAnswer,
    RecommendAnswer,
    ReturnAnswer,
    UsageAnswer,
    WeekdayAnswer,
)
from handlers.catalog import RUNTIME_COLUMNS, load_catalog
from handlers.stats import compute_stats

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def tiny() -> pd.DataFrame:
    """Six movies; weekdays: 2000-01-03 Mon, 1995-03-17 Fri, 2000-01-07 Fri, 1989-12-25 Mon,
    2000-06-30 Fri, 1972-02-20 Sun."""
    dates = pd.to_datetime(
        ["2000-01-03", "1995-03-17", "2000-01-07", "1989-12-25", "2000-06-30", "1972-02-20"]
    )
    return pd.DataFrame(
        {
            "id": [1, 2, 3, 4, 5, 6],
            "title": ["A1", "A2", "B", "C", "D", "E"],
            "release_date": dates,
            "release_year": dates.year.astype("int64"),
            "collection": pd.Series(["Saga A", "Saga A", None, "Saga A", None, None], dtype="str"),
            "budget": [10_000_000, 0, 1, 5_000_000, 20_000_000, 0],
            "revenue": [50_000_000, 30_000_000, 8_000_000, 0, 10_000_000, 0],
            "production_companies": [["Acme", "Zen"], ["Acme"], ["Zen"], ["Acme"], [], ["Acme"]],
            "production_countries": [
                ["United States of America"],
                ["United States of America", "United Kingdom"],
                ["France"],
                ["United Kingdom"],
                [],
                ["United States of America"],
            ],
            "production_country_codes": [["US"], ["US", "GB"], ["FR"], ["GB"], [], ["US"]],
        }
    )


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == PNG_SIGNATURE
    with Image.open(io.BytesIO(png)) as image:
        image.verify()
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        return image.size


# ---- data functions -------------------------------------------------------------------------


def test_releases_by_month_counts_every_month(tiny: pd.DataFrame) -> None:
    counts = charts.releases_by_month(tiny)
    assert counts.index.tolist() == list(range(1, 13))
    assert counts.tolist() == [2, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1]


def test_releases_by_weekday_starts_on_monday(tiny: pd.DataFrame) -> None:
    counts = charts.releases_by_weekday(tiny)
    assert counts.index.tolist() == list(range(7))
    assert counts.tolist() == [2, 0, 0, 0, 3, 0, 1]


def test_collection_films_in_release_order(tiny: pd.DataFrame) -> None:
    films = charts.collection_films(tiny, "Saga A")
    assert films["title"].tolist() == ["C", "A2", "A1"]
    assert films["year"].tolist() == [1989, 1995, 2000]
    assert films["budget"].tolist() == [5_000_000, 0, 10_000_000]
    assert films["revenue"].tolist() == [0, 30_000_000, 50_000_000]
    assert charts.collection_films(tiny, "Saga Z").empty


def test_decade_table_for_a_company_sums_known_revenue(tiny: pd.DataFrame) -> None:
    table = charts.decade_table(tiny, charts.company_mask(tiny, "Acme"))
    assert table.index.tolist() == [1970, 1980, 1990, 2000]
    assert table["movies"].tolist() == [1, 1, 1, 1]
    assert table["revenue"].tolist() == [0, 0, 30_000_000, 50_000_000]
    assert table["revenue_known"].tolist() == [0, 0, 1, 1]
    zen = charts.decade_table(tiny, charts.company_mask(tiny, "Zen"))
    assert zen.to_dict("index") == {2000: {"movies": 2, "revenue": 58_000_000, "revenue_known": 2}}


def test_decade_table_fills_empty_decades_and_handles_no_match(tiny: pd.DataFrame) -> None:
    us = charts.decade_table(tiny, charts.country_mask(tiny, "US"))
    assert us.index.tolist() == [1970, 1980, 1990, 2000]
    assert us["movies"].tolist() == [1, 0, 1, 1]
    by_name = charts.decade_table(tiny, charts.country_mask(tiny, "", "United Kingdom"))
    assert by_name["movies"].to_dict() == {1980: 1, 1990: 1}
    assert charts.decade_table(tiny, charts.company_mask(tiny, "Nobody")).empty


def test_list_contains_accepts_lists_and_arrays() -> None:
    import numpy as np

    column = pd.Series([np.array(["a", "b"]), ["b"], None, np.array([], dtype=object)])
    assert charts.list_contains(column, "b").tolist() == [True, True, False, False]
    assert charts.list_contains(column, "a").tolist() == [True, False, False, False]


def test_return_comparison_uses_medians_of_known_values(tiny: pd.DataFrame) -> None:
    data = charts.return_comparison(tiny, 1)
    # 2000: budgets 10M, 1, 20M → median 10M; revenues 50M, 8M, 10M → median 10M
    assert data == charts.ReturnComparison("A1", 2000, 10_000_000, 50_000_000,
                                           10_000_000.0, 10_000_000.0, 3, 3)
    lonely = charts.return_comparison(tiny, 4)
    assert lonely is not None
    assert (lonely.median_budget, lonely.median_revenue) == (5_000_000.0, None)
    assert (lonely.budget_known, lonely.revenue_known) == (1, 0)
    assert charts.return_comparison(tiny, 999) is None


@pytest.mark.parametrize(
    ("value", "en", "es"),
    [
        (373_554_033, "$374M", "US$ 374 M"),
        (1_200_000_000, "$1.2B", "US$ 1.200 M"),
        (8_500_000, "$8.5M", "US$ 8,5 M"),
        (9_000_000, "$9M", "US$ 9 M"),
        (12_000, "$12K", "US$ 12 mil"),
        (7, "$7", "US$ 7"),
    ],
)
def test_format_money(value: int, en: str, es: str) -> None:
    assert charts.format_money(value, "en") == en
    assert charts.format_money(value, "es") == es


def test_format_count_and_ratio() -> None:
    assert charts.format_count(12_345, "es") == "12.345"
    assert charts.format_count(12_345, "en") == "12,345"
    assert charts.format_ratio(12.4518, "es") == "12,5"
    assert charts.format_ratio(0.4321, "en") == "0.43"
    assert charts.format_ratio(8_500_000, "es") == "8.500.000"


# ---- figures ---------------------------------------------------------------------------------


def test_month_chart_highlights_the_asked_month_in_the_asked_language(tiny: pd.DataFrame) -> None:
    counts = charts.releases_by_month(tiny)
    fig = charts.month_chart(counts, 3, "en")
    ax = fig.axes[0]
    colours = [to_hex(bar.get_facecolor()) for bar in ax.patches]
    assert colours[2] == charts.ACCENT
    assert colours.count(charts.ACCENT) == 1
    assert [bar.get_height() for bar in ax.patches] == counts.tolist()
    assert ax.get_title(loc="left") == "Releases by month: March"
    es = charts.month_chart(counts, 3, "es").axes[0]
    assert es.get_title(loc="left") == "Estrenos por mes: marzo"
    assert [t.get_text() for t in es.get_xticklabels()][:3] == ["Ene", "Feb", "Mar"]


def test_weekday_chart_starts_on_monday(tiny: pd.DataFrame) -> None:
    ax = charts.weekday_chart(charts.releases_by_weekday(tiny), 6, "es").axes[0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["Lun", "Mar", "Mié", "Jue", "Vie", "Sáb", "Dom"]
    assert to_hex(ax.patches[6].get_facecolor()) == charts.ACCENT


def test_return_chart_warns_about_a_one_dollar_budget(tiny: pd.DataFrame) -> None:
    data = charts.return_comparison(tiny, 3)
    assert data is not None
    fig = charts.return_chart(data, "en")
    assert "a $1 budget: doubtful" in fig.axes[0].get_title(loc="left")
    fig_ok = charts.return_chart(charts.return_comparison(tiny, 1) or data, "en")
    assert fig_ok.axes[0].get_title(loc="left") == ""


@pytest.mark.parametrize(
    "answer",
    [
        MonthAnswer(1, 2),
        WeekdayAnswer(4, 3),
        CollectionAnswer("Saga A", 3, 80_000_000, 26_666_666.7, 2),
        CompanyAnswer("Acme", 4, 80_000_000, 2),
        CountryAnswer("United Kingdom", "GB", 2),
        ReturnAnswer(MovieRef(1, "A1", 2000), 10_000_000, 50_000_000, 5.0),
    ],
)
def test_chart_png_draws_every_answer_with_a_chart(tiny: pd.DataFrame, answer: Answer) -> None:
    width, height = png_size(charts.chart_png(tiny, answer, "es") or b"")
    assert width == round(charts.WIDTH_IN * charts.DPI)
    assert 500 <= height <= 2000


@pytest.mark.parametrize(
    "answer",
    [
        NotFoundAnswer("franquicia", "saga z", (Choice("Saga A", "~1"),)),
        UsageAnswer("mes"),
        RecommendAnswer(MovieRef(1, "A1", 2000), ()),
        CollectionAnswer("Saga Z", 0, 0, 0.0, 0),
        CompanyAnswer("Nobody", 0, 0, 0),
        CountryAnswer("Spain", "ES", 0),
        ReturnAnswer(MovieRef(999, "Nope", 2000), 0, 0, None),
        ReturnAnswer(MovieRef(6, "E", 1972), 0, 0, None),  # nothing known to draw
        MonthAnswer(13, 0),
    ],
)
def test_no_chart_for_answers_without_one(tiny: pd.DataFrame, answer: Answer) -> None:
    assert charts.chart_png(tiny, answer) is None


def test_chart_maker_caches_per_answer_and_language(tiny: pd.DataFrame) -> None:
    maker = charts.ChartMaker(tiny, size=2)
    month = MonthAnswer(1, 2)
    first = maker.png(month, "es")
    assert first is not None
    assert maker.png(month, "es") is first
    assert maker.png(month, "pt") is first  # unknown languages fall back to Spanish
    english = maker.png(month, "en")
    assert english is not None and english != first
    assert len(maker) == 2
    maker.png(WeekdayAnswer(0, 2), "es")  # evicts the least recently used: Spanish month
    assert len(maker) == 2
    assert maker.png(month, "en") is english
    again = maker.png(month, "es")
    assert again == first and again is not first
    assert maker.png(UsageAnswer("mes")) is None


# ---- real data -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_movies(real_data_dir: Path) -> pd.DataFrame:
    return load_catalog(real_data_dir).movies


def _movie(movies: pd.DataFrame, title: str, year: int) -> MovieRef:
    row = movies.loc[movies["title"].eq(title) & movies["release_year"].eq(year)].iloc[0]
    return MovieRef(int(row["id"]), title, year)


def test_real_queries_give_phone_sized_pngs(real_movies: pd.DataFrame) -> None:
    answers: list[Answer] = [
        MonthAnswer(12, 103),
        WeekdayAnswer(4, 0),
        CollectionAnswer("James Bond Collection", 17, 0, 0.0, 17),
        CompanyAnswer("Pixar Animation Studios", 3, 0, 0),
        CountryAnswer("United Kingdom", "GB", 92, country_es="Reino Unido"),
        ReturnAnswer(_movie(real_movies, "Titanic", 1997), 200_000_000, 1_845_034_188, 9.2),
    ]
    for i, answer in enumerate(answers):
        png = charts.chart_png(real_movies, answer, ("es", "en")[i % 2])
        assert png is not None, answer
        width, height = png_size(png)
        assert width == 1040
        assert 600 <= height <= 2400, (answer, height)
        assert 10_000 < len(png) < 400_000


def test_real_counts_match_the_catalog(real_movies: pd.DataFrame) -> None:
    months = charts.releases_by_month(real_movies)
    assert months.sum() == len(real_movies)
    assert months[12] == int((real_movies["release_date"].dt.month == 12).sum())
    bond = charts.collection_films(real_movies, "James Bond Collection")
    assert len(bond) == 17
    assert bond["title"].iloc[0] == "Dr. No"
    assert bond["year"].is_monotonic_increasing


def test_chart_numbers_agree_with_the_answer_statistics(real_movies: pd.DataFrame) -> None:
    """What the chart draws adds up to what the text answer says."""
    stats = compute_stats(real_movies)
    assert charts.releases_by_month(real_movies).to_dict() == stats.month_counts
    assert charts.releases_by_weekday(real_movies).to_dict() == stats.weekday_counts
    for name, group in sorted(stats.companies.items(), key=lambda kv: -kv[1].count)[:5]:
        table = charts.decade_table(real_movies, charts.company_mask(real_movies, name))
        assert (table["movies"].sum(), table["revenue"].sum(), table["revenue_known"].sum()) == (
            group.count, group.revenue_total, group.revenue_known)
    for name, group in sorted(stats.collections.items(), key=lambda kv: -kv[1].count)[:5]:
        films = charts.collection_films(real_movies, name)
        assert (len(films), films["revenue"].sum()) == (group.count, group.revenue_total)
    for iso, count in sorted(stats.country_counts.items(), key=lambda kv: -kv[1])[:5]:
        table = charts.decade_table(real_movies, charts.country_mask(real_movies, iso))
        assert table["movies"].sum() == count


def test_charts_need_only_the_columns_the_bot_loads() -> None:
    assert set(charts.CHART_COLUMNS) <= set(RUNTIME_COLUMNS)


def test_country_chart_title_in_spanish(tiny: pd.DataFrame) -> None:
    answer = CountryAnswer("United Kingdom", "GB", 2, country_es="Reino Unido")
    es = charts.chart_figure(tiny, answer, "es")
    en = charts.chart_figure(tiny, answer, "en")
    assert es is not None and en is not None
    assert es.get_suptitle() == "Reino Unido"
    assert en.get_suptitle() == "United Kingdom"
