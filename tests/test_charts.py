"""Charts: the numbers behind each chart (tiny hand-made catalog) and the PNGs (real data)."""

from __future__ import annotations

import asyncio
import io
import threading
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.colors import to_hex
from PIL import Image

from bot import charts, figures
from bot.render import compact_money
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
from handlers.stats import CatalogStats, compute_stats, decade_rows, top_groups, year_table
from tests.data import facts

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


@pytest.fixture
def stats(tiny: pd.DataFrame) -> CatalogStats:
    return compute_stats(tiny)


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == PNG_SIGNATURE
    with Image.open(io.BytesIO(png)) as image:
        image.verify()
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        return image.size


# ---- the statistics the charts read ---------------------------------------------------------


def test_calendar_counts_every_month_and_weekday(stats: CatalogStats) -> None:
    assert stats.month_counts == {
        1: 2,
        2: 1,
        3: 1,
        4: 0,
        5: 0,
        6: 1,
        7: 0,
        8: 0,
        9: 0,
        10: 0,
        11: 0,
        12: 1,
    }
    assert stats.weekday_counts == {0: 2, 1: 0, 2: 0, 3: 0, 4: 3, 5: 0, 6: 1}


def test_company_decades_sum_known_revenue(stats: CatalogStats) -> None:
    acme = decade_rows(stats.company_decades, "Acme")
    assert acme.index.tolist() == [1970, 1980, 1990, 2000]
    assert acme["count"].tolist() == [1, 1, 1, 1]
    assert acme["revenue_total"].tolist() == [0, 0, 30_000_000, 50_000_000]
    assert acme["revenue_known"].tolist() == [0, 0, 1, 1]
    zen = decade_rows(stats.company_decades, "Zen")
    assert zen.to_dict("index") == {
        2000: {"count": 2, "revenue_total": 58_000_000, "revenue_known": 2, "doubtful": 1}
    }
    assert stats.companies["Acme"].count == 4  # the answer: the totals of the same table
    assert stats.companies["Zen"].revenue_total == 58_000_000
    assert stats.companies["Zen"].doubtful == 1  # film 3: a budget of US$ 1


def test_decade_rows_fill_empty_decades_and_handle_no_match(stats: CatalogStats) -> None:
    us = decade_rows(stats.country_decades, "US")
    assert us.index.tolist() == [1970, 1980, 1990, 2000]
    assert us["count"].tolist() == [1, 0, 1, 1]
    assert decade_rows(stats.country_decades, "GB")["count"].to_dict() == {1980: 1, 1990: 1}
    assert decade_rows(stats.company_decades, "Nobody").empty
    saga = decade_rows(stats.collection_decades, "Saga A")
    assert saga["count"].to_dict() == {1980: 1, 1990: 1, 2000: 1}


def test_top_groups_rank_by_movies_then_name(stats: CatalogStats) -> None:
    companies = top_groups(stats.company_decades)
    assert companies.to_dict("records") == [
        {
            "name": "Acme",
            "count": 4,
            "revenue_total": 80_000_000,
            "revenue_known": 2,
            "doubtful": 0,
        },
        {"name": "Zen", "count": 2, "revenue_total": 58_000_000, "revenue_known": 2, "doubtful": 1},
    ]
    countries = top_groups(stats.country_decades, 2, names=stats.country_names)
    assert countries["name"].tolist() == ["United States of America", "United Kingdom"]
    assert countries["count"].tolist() == [3, 2]


def test_year_table_counts_and_medians_of_known_money(tiny: pd.DataFrame) -> None:
    years = year_table(tiny)
    assert years.index.tolist() == list(range(1972, 2001))
    assert years["count"].sum() == 6 and years.loc[1980, "count"] == 0
    # 2000: budgets 10M, 1, 20M → median 10M; box office 50M, 8M, 10M → median 10M
    assert years.loc[2000].to_dict() == {
        "count": 3,
        "budget_known": 3,
        "budget_median": 1e7,
        "revenue_known": 3,
        "revenue_median": 1e7,
    }
    assert pd.isna(years.loc[1972, "budget_median"]) and years.loc[1972, "budget_known"] == 0
    assert year_table(tiny.iloc[:0]).empty


def test_collection_films_in_release_order(tiny: pd.DataFrame) -> None:
    films = charts.collection_films(tiny, "Saga A")
    assert films["title"].tolist() == ["C", "A2", "A1"]
    assert films["year"].tolist() == [1989, 1995, 2000]
    assert films["budget"].tolist() == [5_000_000, 0, 10_000_000]
    assert films["revenue"].tolist() == [0, 30_000_000, 50_000_000]
    assert charts.collection_films(tiny, "Saga Z").empty


def test_return_comparison_uses_medians_of_known_values(stats: CatalogStats) -> None:
    answer = ReturnAnswer(MovieRef(1, "A1", 2000), 10_000_000, 50_000_000, 5.0)
    assert charts.return_comparison(stats.years, answer) == charts.ReturnComparison(
        "A1", 2000, 10_000_000, 50_000_000, 10_000_000.0, 10_000_000.0, 3, 3
    )
    lonely = charts.return_comparison(
        stats.years, ReturnAnswer(MovieRef(4, "C", 1989), 5_000_000, 0, None)
    )
    assert (lonely.median_budget, lonely.median_revenue) == (5_000_000.0, None)
    assert (lonely.budget_known, lonely.revenue_known) == (1, 0)
    outside = charts.return_comparison(
        stats.years, ReturnAnswer(MovieRef(9, "Old", 1950), 5, 0, None)
    )
    assert (outside.median_budget, outside.budget_known) == (None, 0)


# ---- formats -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "en", "es"),
    [
        (373_554_033, "US$374M", "US$ 374\xa0M"),
        (1_200_000_000, "US$1.2B", "US$ 1200\xa0M"),
        (8_500_000, "US$8.5M", "US$ 8,5\xa0M"),
        (9_000_000, "US$9M", "US$ 9\xa0M"),
        (12_000, "US$12K", "US$ 12\xa0mil"),
        (12_500, "US$13K", "US$ 13\xa0mil"),  # half up, as people round
        (7, "US$7", "US$ 7"),
    ],
)
def test_compact_money(value: int, en: str, es: str) -> None:
    assert compact_money(value, "en") == en
    assert compact_money(value, "es") == es


def test_ratio_keeps_few_significant_digits() -> None:
    assert figures.ratio(12.4518, "es") == "12,5"
    assert figures.ratio(9.0, "es") == "9"
    assert figures.ratio(0.4321, "en") == "0.43"
    assert figures.ratio(0.0046, "es") == "0,0046"
    assert figures.ratio(8_500_000, "es") == "8.500.000"
    assert figures.ratio(0, "en") == "0"


# ---- figures ---------------------------------------------------------------------------------


def test_month_chart_highlights_the_asked_month_in_the_asked_language(
    stats: CatalogStats,
) -> None:
    counts = list(stats.month_counts.values())
    fig = charts.month_chart(counts, 3, "en")
    ax = fig.axes[0]
    colours = [to_hex(bar.get_facecolor()) for bar in ax.patches]
    assert colours[2] == figures.ACCENT
    assert colours.count(figures.ACCENT) == 1
    assert [bar.get_height() for bar in ax.patches] == counts
    assert ax.get_title(loc="left") == "Releases by month: March"
    assert [t.get_text() for t in ax.get_xticklabels()][-3:] == ["Oct", "Nov", "Dec"]
    es = charts.month_chart(counts, 3, "es").axes[0]
    assert es.get_title(loc="left") == "Estrenos por mes: marzo"
    assert [t.get_text() for t in es.get_xticklabels()][:3] == ["Ene", "Feb", "Mar"]


def test_weekday_chart_starts_on_monday(stats: CatalogStats) -> None:
    ax = charts.weekday_chart(list(stats.weekday_counts.values()), 6, "es").axes[0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["Lun", "Mar", "Mié", "Jue", "Vie", "Sáb", "Dom"]
    assert to_hex(ax.patches[6].get_facecolor()) == figures.ACCENT
    assert ax.get_title(loc="left") == "Estrenos por día de la semana: domingo"
    english = charts.weekday_chart(list(stats.weekday_counts.values()), 4, "en").axes[0]
    assert english.texts[0].get_text() == "3"  # the Friday bar's count


def test_decade_chart_labels_decades_per_language(stats: CatalogStats) -> None:
    acme = decade_rows(stats.company_decades, "Acme")
    en = charts.decade_chart(acme, "Acme", "en", with_revenue=True)
    assert [t.get_text() for t in en.axes[1].get_xticklabels()] == [
        "1970s",
        "1980s",
        "1990s",
        "2000s",
    ]
    assert en.axes[0].get_title(loc="left") == "Movies per decade"
    assert en.axes[1].get_title(loc="left") == "Box office per decade (known)"
    assert [t.get_text() for t in en.axes[1].texts] == ["US$50M"]  # the best decade only
    es = charts.decade_chart(acme, "Acme", "es")
    assert [t.get_text() for t in es.axes[0].get_xticklabels()] == ["1970", "1980", "1990", "2000"]
    assert es.axes[0].get_title(loc="left") == "Películas por década"


def test_return_chart_warns_about_a_one_dollar_budget(stats: CatalogStats) -> None:
    answer = ReturnAnswer(MovieRef(3, "B", 2000), 1, 8_000_000, 8e6)
    data = charts.return_comparison(stats.years, answer)
    en = charts.return_chart(data, "en").axes[0]
    assert en.get_title(loc="left") == "⚠ a US$1 budget: doubtful in the source data"
    assert [t.get_text() for t in en.get_legend().get_texts()] == ["B", "2000 median (3 films)"]
    es = charts.return_chart(data, "es").axes[0]
    assert es.get_title(loc="left") == "⚠ presupuesto de US$ 1: dato dudoso en la fuente"
    fine = ReturnAnswer(MovieRef(1, "A1", 2000), 10_000_000, 50_000_000, 5.0)
    fig_ok = charts.return_chart(charts.return_comparison(stats.years, fine), "en")
    assert fig_ok.axes[0].get_title(loc="left") == ""
    assert fig_ok.get_suptitle() == "A1 (2000) · return ×5"


def test_return_chart_names_an_implausible_return_and_one_film_in_the_singular(
    stats: CatalogStats,
) -> None:
    answer = ReturnAnswer(MovieRef(4, "C", 1989), 2_000, 50_000_000, 25_000.0)
    data = charts.return_comparison(stats.years, answer)
    en = charts.return_chart(data, "en").axes[0]
    assert en.get_title(loc="left") == "⚠ a ×25,000 return: doubtful in the source data"
    assert en.get_legend().get_texts()[1].get_text() == "1989 median (1 film)"
    es = charts.return_chart(data, "es").axes[0]
    assert es.get_legend().get_texts()[1].get_text() == "Mediana de 1989 (1 película)"


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
def test_chart_png_draws_every_answer_with_a_chart(
    tiny: pd.DataFrame, stats: CatalogStats, answer: Answer
) -> None:
    width, height = png_size(charts.chart_png(tiny, stats, answer, "es") or b"")
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
def test_no_chart_for_answers_without_one(
    tiny: pd.DataFrame, stats: CatalogStats, answer: Answer
) -> None:
    assert charts.chart_png(tiny, stats, answer) is None


def test_chart_maker_caches_per_answer_and_language(
    tiny: pd.DataFrame, stats: CatalogStats
) -> None:
    maker = charts.ChartMaker(tiny, stats, size=2)
    month = MonthAnswer(1, 2)
    first = maker.png(month, "es")
    assert first is not None
    assert maker.png(month, "es") is first
    assert maker.png(month, "pt") is first  # unknown languages fall back to Spanish
    english = maker.png(month, "en")
    assert english is not None and english != first
    assert (maker.cache_info().hits, maker.cache_info().currsize) == (2, 2)
    maker.png(WeekdayAnswer(0, 2), "es")  # evicts the least recently used: Spanish month
    assert maker.cache_info().currsize == 2
    assert maker.png(month, "en") is english
    again = maker.png(month, "es")
    assert again == first and again is not first
    assert maker.png(UsageAnswer("mes")) is None


def test_async_charts_are_drawn_in_one_thread_of_their_own(
    tiny: pd.DataFrame, stats: CatalogStats, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn_in: list[str] = []

    def draw(movies: pd.DataFrame, stats: CatalogStats, answer: Answer, lang: str) -> bytes:
        drawn_in.append(threading.current_thread().name)
        return f"{answer.command} {lang}".encode()

    monkeypatch.setattr(charts, "chart_png", draw)
    maker = charts.ChartMaker(tiny, stats)

    async def three_at_once() -> list[bytes | None]:
        return list(
            await asyncio.gather(
                maker.draw(MonthAnswer(1, 2)),
                maker.draw(WeekdayAnswer(0, 2), "en"),
                maker.draw(MonthAnswer(3, 1), "en"),
            )
        )

    assert asyncio.run(three_at_once()) == [b"mes es", b"dia en", b"mes en"]
    assert len(drawn_in) == 3 and len(set(drawn_in)) == 1
    assert drawn_in[0].startswith("charts") and drawn_in[0] != threading.main_thread().name


# ---- real data -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_movies(real_data_dir: Path) -> pd.DataFrame:
    return load_catalog(real_data_dir).movies


def _movie(movies: pd.DataFrame, title: str, year: int) -> MovieRef:
    row = movies.loc[movies["title"].eq(title) & movies["release_year"].eq(year)].iloc[0]
    return MovieRef(int(row["id"]), title, year)


def test_real_queries_give_phone_sized_pngs(real_movies: pd.DataFrame) -> None:
    answers: list[Answer] = [
        MonthAnswer(12, facts.in_month(12)),
        WeekdayAnswer(4, 0),
        CollectionAnswer("James Bond Collection", 17, 0, 0.0, 17),
        CompanyAnswer("Pixar Animation Studios", 3, 0, 0),
        CountryAnswer("United Kingdom", "GB", facts.from_country("GB"), country_es="Reino Unido"),
        ReturnAnswer(_movie(real_movies, "Titanic", 1997), 200_000_000, 1_845_034_188, 9.2),
    ]
    stats = compute_stats(real_movies)
    for i, answer in enumerate(answers):
        png = charts.chart_png(real_movies, stats, answer, ("es", "en")[i % 2])
        assert png is not None, answer
        width, height = png_size(png)
        assert width == 1040
        assert 600 <= height <= 2400, (answer, height)
        assert 10_000 < len(png) < 400_000


def test_real_charts_draw_the_answers_numbers(real_movies: pd.DataFrame) -> None:
    stats = compute_stats(real_movies)
    december_films = facts.in_month(12)  # counted with csv on the fixture file
    assert stats.month_counts[12] == december_films
    december = charts.chart_figure(real_movies, stats, MonthAnswer(12, december_films), "en")
    assert december is not None
    assert december.axes[0].texts[0].get_text() == f"{december_films:,}"
    assert sum(bar.get_height() for bar in december.axes[0].patches) == len(real_movies)
    pixar = CompanyAnswer("Pixar Animation Studios", 3, 1_234_179_761, 3)
    bars = charts.chart_figure(real_movies, stats, pixar, "es")
    assert bars is not None
    assert [bar.get_height() for bar in bars.axes[0].patches] == [3]
    assert [bar.get_height() for bar in bars.axes[1].patches] == [1_234_179_761]
    bond = charts.collection_films(real_movies, "James Bond Collection")
    assert len(bond) == 17
    assert bond["title"].iloc[0] == "Dr. No"
    assert bond["year"].is_monotonic_increasing


def test_charts_need_only_the_columns_the_bot_loads() -> None:
    assert set(charts.CHART_COLUMNS) <= set(RUNTIME_COLUMNS)


def test_country_chart_title_in_spanish(tiny: pd.DataFrame, stats: CatalogStats) -> None:
    answer = CountryAnswer("United Kingdom", "GB", 2, country_es="Reino Unido")
    es = charts.chart_figure(tiny, stats, answer, "es")
    en = charts.chart_figure(tiny, stats, answer, "en")
    assert es is not None and en is not None
    assert es.get_suptitle() == "Reino Unido"
    assert en.get_suptitle() == "United Kingdom"
