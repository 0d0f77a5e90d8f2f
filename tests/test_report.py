"""The EDA report: its numbers on a hand-made catalog, and the page built from real data."""

from __future__ import annotations

import base64
import io
import math
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from PIL import Image

from bot import report
from bot.cli import main
from handlers.catalog import LoadedCatalog
from handlers.stats import compute_stats, top_groups
from tests.data import MOVIES, facts, read_rows

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
VOID_TAGS = {"meta", "img", "br", "hr", "link", "input"}


@pytest.fixture
def tiny() -> pd.DataFrame:
    """Five movies; returns: 1 → 8,000,000 ($1 budget), 2 → 2, 3 → 0.0000014 ($7), 5 → 0.5."""
    return pd.DataFrame(
        {
            "id": [1, 2, 3, 4, 5],
            "title": [
                "The Dead Man",
                "Man of the House",
                "El día de la bestia",
                "Love II",
                "<b>Bold</b> & Co",
            ],
            "release_date": pd.to_datetime(
                ["1995-03-01", "1995-07-14", "2001-10-31", "2003-02-14", "2003-12-24"]
            ),
            "release_year": [1995, 1995, 2001, 2003, 2003],
            "collection": pd.Series(["S", "S", None, None, "<Saga>"], dtype="str"),
            "budget": [1, 10_000_000, 5_000_000, 0, 2_000_000],
            "revenue": [8_000_000, 20_000_000, 7, 0, 1_000_000],
            "production_companies": [["Acme"], ["Acme", "Zen"], ["Zen"], [], ["Acme"]],
            "production_countries": [
                ["United States of America"],
                ["United States of America", "United Kingdom"],
                ["Spain"],
                [],
                ["United States of America"],
            ],
            "production_country_codes": [["US"], ["US", "GB"], ["ES"], [], ["US"]],
            "genres": [["Drama", "Comedy"], ["Comedy"], ["Horror", "Comedy"], ["Drama"], ["Drama"]],
        }
    )


MANIFEST: dict[str, Any] = {
    "built_at": "2026-01-01T00:00:00+00:00",
    "source": {"name": "<script>alert(1)</script>.csv", "sha256": "ab" * 32},
    "rows_raw": 7,
    "rows": 5,
    "rules": [
        {
            "rule": "7a",
            "description": "drop rows whose id is not an integer",
            "rows_in": 7,
            "rows_out": 6,
            "unparseable": {},
            "dropped": 1,
        },
        {
            "rule": "1",
            "description": "unnest <nested> cells",
            "rows_in": 6,
            "rows_out": 5,
            "unparseable": {"genres": 2, "production_companies": 1},
            "dropped": 1,
        },
    ],
}


# ---- data functions -------------------------------------------------------------------------


def test_catalog_summary(tiny: pd.DataFrame) -> None:
    assert report.catalog_summary(tiny, compute_stats(tiny)) == {
        "movies": 5,
        "first_year": 1995,
        "last_year": 2003,
        "budget_known": 4,
        "revenue_known": 4,
        "both_known": 4,
        "in_a_collection": 3,
        "collections": 2,
        "companies": 2,
        "countries": 3,
    }


def test_cleaning_table_from_the_manifest() -> None:
    table = report.cleaning_table(MANIFEST)
    assert table["rule"].tolist() == ["7a", "1"]
    assert table["dropped"].tolist() == [1, 1]
    assert table["unparseable"].tolist() == [0, 3]
    assert report.cleaning_table({}).empty


def test_money_stats_use_known_values_only(tiny: pd.DataFrame) -> None:
    # known budgets 1, 10M, 5M, 2M; known box office 8M, 20M, 7, 1M
    assert report.money_stats(tiny["budget"]) == {
        "known": 4,
        "min": 1.0,
        "median": 3_500_000.0,
        "max": 10_000_000.0,
        "doubtful": 1,
    }
    assert report.money_stats(tiny["revenue"]) == {
        "known": 4,
        "min": 7.0,
        "median": 4_500_000.0,
        "max": 20_000_000.0,
        "doubtful": 1,
    }


def test_return_fences_are_tukey_fences_on_log10() -> None:
    # returns 1, 10, 100, 1000 → log10 0..3, Q1 0.75, Q3 2.25, 1.5·IQR = 2.25
    movies = pd.DataFrame({"budget": [10, 10, 10, 10, 0], "revenue": [10, 100, 1000, 10000, 5]})
    low, high = report.return_fences(movies)
    assert low == pytest.approx(10**-1.5)
    assert high == pytest.approx(10**4.5)
    none = report.return_fences(pd.DataFrame({"budget": [0], "revenue": [3]}))
    assert all(math.isnan(f) for f in none)


def test_why_suspicious_names_the_tiny_figure() -> None:
    fences = (0.05, 100.0)

    def why(
        budget: int,
        revenue: int,
        ret: float,
        lang: str = "en",
        around: tuple[float, float] = fences,
    ) -> str:
        return report.why_suspicious(budget, revenue, ret, around, lang)

    assert why(1, 8_000_000, 8e6).startswith("budget of US$1: too small")
    assert why(1, 8_000_000, 8e6, "es").startswith("presupuesto de US$ 1: demasiado pequeño")
    assert why(5_000_000, 7, 1e-6).startswith("box office of US$7:")
    assert why(5_000_000, 7, 1e-6, "es").startswith("recaudación de US$ 7: demasiado pequeña")
    assert why(2_000, 50_000_000, 25_000.0).startswith(
        "a return above ×10,000: one of the figures is probably wrong"
    )
    assert why(2_000, 50_000_000, 25_000.0, "es").startswith("un retorno de más de ×10.000")
    assert "low-budget hit" in why(60_000, 248_000_000, 4133.0)
    assert why(10_000_000, 46_000, 0.0046).startswith("a flop")
    assert why(10_000, 20_000, 2.0, around=(0.5, 5.0)) == "within the usual range"
    assert why(10_000, 20_000, 2.0, "es", (0.5, 5.0)) == "dentro de lo habitual"


def test_return_outliers_takes_both_ends_once(tiny: pd.DataFrame) -> None:
    picked = report.return_outliers(tiny, top=2, bottom=1, lang="en")
    assert picked["title"].tolist() == ["The Dead Man", "Man of the House", "El día de la bestia"]
    assert picked["return"].tolist() == pytest.approx([8_000_000.0, 2.0, 7 / 5_000_000])
    assert picked["why"].iloc[0].startswith("budget of US$1")
    assert picked["why"].iloc[2].startswith("box office of US$7")
    everything = report.return_outliers(tiny)  # only four films have both figures
    assert everything["title"].tolist() == [
        "The Dead Man",
        "Man of the House",
        "<b>Bold</b> & Co",
        "El día de la bestia",
    ]


def test_top_tables_for_list_and_name_columns(tiny: pd.DataFrame) -> None:
    stats = compute_stats(tiny)
    companies = top_groups(stats.company_decades)
    assert companies.to_dict("records") == [
        # doubtful: film 1's budget of $1, film 3's box office of $7
        {
            "name": "Acme",
            "count": 3,
            "revenue_total": 29_000_000,
            "revenue_known": 3,
            "doubtful": 1,
        },
        {"name": "Zen", "count": 2, "revenue_total": 20_000_007, "revenue_known": 2, "doubtful": 1},
    ]
    collections = top_groups(stats.collection_decades)
    assert collections["name"].tolist() == ["S", "<Saga>"]
    assert collections["revenue_total"].tolist() == [28_000_000, 1_000_000]
    countries = top_groups(stats.country_decades, 2, names=stats.country_names)
    assert countries["name"].tolist() == ["United States of America", "Spain"]  # a tie: by name


def test_genre_share_by_decade(tiny: pd.DataFrame) -> None:
    share = report.genre_share_by_decade(tiny, genres=2, min_movies=2)
    assert share.columns.tolist() == ["Comedy", "Drama"]  # 3 films each: by name
    assert share.index.tolist() == [1990, 2000]
    assert share.loc[1990].tolist() == pytest.approx([1.0, 0.5])
    assert share.loc[2000].tolist() == pytest.approx([1 / 3, 2 / 3])
    assert report.genre_share_by_decade(tiny, genres=2, min_movies=3).index.tolist() == [2000]


def test_title_words_without_stopwords(tiny: pd.DataFrame) -> None:
    assert report.title_words("Don’t Look Now 2") == ["don't", "look", "now"]
    counts = report.title_word_counts(tiny["title"], report.stopwords())
    assert counts == {"man": 2, "dead": 1, "house": 1, "día": 1, "bestia": 1, "love": 1, "bold": 1}


# ---- the page ---------------------------------------------------------------------------------


class TagBalance(HTMLParser):
    """Collects ids and fails on a closing tag that does not match the open one."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.images: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if tag == "img":
            self.images.append(str(values.get("src")))
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()


def parse(page: str) -> TagBalance:
    parser = TagBalance()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser


def embedded_pngs(parser: TagBalance) -> list[bytes]:
    prefix = "data:image/png;base64,"
    assert all(src.startswith(prefix) for src in parser.images)
    return [base64.b64decode(src[len(prefix) :], validate=True) for src in parser.images]


def test_tiny_report_escapes_every_piece_of_data(tiny: pd.DataFrame, tmp_path: Path) -> None:
    catalog = LoadedCatalog(tiny, MANIFEST, tmp_path / "build-x")
    built = report.build_report(catalog, cloud_size=(400, 200))
    page = built.html
    parser = parse(page)
    assert [i for i in parser.ids if i in report.SECTIONS] == list(report.SECTIONS)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;.csv" in page
    assert "<Saga>" not in page and "&lt;Saga&gt;" in page
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in page
    assert "unnest &lt;nested&gt; cells" in page
    assert "<td>Acme</td><td class=n>3</td><td class=n>US$ 29\xa0M</td><td class=n>3</td>" in page
    assert "<td>España</td><td class=n>1</td><td class=n>US$ 7</td>" in page
    assert len(embedded_pngs(parser)) == len(built.figures) == 8


def test_tiny_report_in_each_language(tiny: pd.DataFrame, tmp_path: Path) -> None:
    catalog = LoadedCatalog(tiny, MANIFEST, tmp_path / "build-x")
    es = report.build_report(catalog, cloud_size=(400, 200)).html
    assert es.startswith('<!doctype html><html lang="es">')
    assert "<title>Informe del catálogo de pelibot: 5 películas</title>" in es
    assert '<section id="collections"><h2>Sagas con más películas</h2>' in es
    assert "<th>regla</th><th>qué hace</th>" in es
    assert "(7 filas, sha256 abababababab…)" in es and "5 películas publicadas." in es
    assert "El año con más estrenos es 1995, con 2 estrenos." in es
    assert "<b>4 (80\xa0%)</b>con presupuesto conocido" in es
    en = report.build_report(catalog, lang="en", cloud_size=(400, 200)).html
    assert en.startswith('<!doctype html><html lang="en">')
    assert "<title>pelibot catalog report: 5 movies</title>" in en
    assert '<section id="collections"><h2>Top collections</h2>' in en
    assert "<b>4 (80%)</b>budget known" in en
    assert "The busiest year is 1995 with 2 releases." in en
    assert "<td>Acme</td><td class=n>3</td><td class=n>US$29M</td><td class=n>3</td>" in en


@pytest.fixture(scope="module")
def real_report(real_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report written by ``pelibot report`` for the real-data fixture (built once)."""
    out = tmp_path_factory.mktemp("report")
    assert main(["report", "--data", str(real_data_dir), "--out", str(out), "--lang", "en"]) == 0
    return out


def test_real_report_has_every_section_with_its_figures(real_report: Path) -> None:
    page = (real_report / report.REPORT_FILE).read_text(encoding="utf-8")
    parser = parse(page)
    for section in report.SECTIONS:
        match = re.search(rf'<section id="{section}"><h2>([^<]+)</h2>(.*?)</section>', page, re.S)
        assert match, section
        assert match.group(1) == report.heading(section, "en")
        assert len(match.group(2)) > 200, section
    pngs = embedded_pngs(parser)
    assert len(pngs) == 8
    for png in pngs:
        assert png[:8] == PNG_SIGNATURE
        with Image.open(io.BytesIO(png)) as image:
            width, height = image.size
        assert 1000 <= width <= 1400 and 300 <= height <= 1200
    written = sorted(p.name for p in (real_report / report.FIGURES_DIR).glob("*.png"))
    assert written == sorted(
        f"{name}.png" for name in report.SECTIONS if name not in ("summary", "cleaning")
    )


def test_real_report_numbers(real_report: Path, real_data_dir: Path) -> None:
    page = (real_report / report.REPORT_FILE).read_text(encoding="utf-8")
    assert f"<title>pelibot catalog report: {facts.films():,} movies</title>" in page
    assert f"{MOVIES.name} ({len(read_rows(MOVIES)):,} rows" in page
    assert "<td>drop duplicate ids (keep the first)</td>" in page
    assert "<td>Less Than Zero</td>" in page and "budget of US$1: too small to be real" in page
    bond = facts.in_collection("James Bond Collection")
    assert f"<td>James Bond Collection</td><td class=n>{bond}</td>" in page
    assert f"<td>Warner Bros.</td><td class=n>{facts.company_films()['Warner Bros.']}</td>" in page
    assert f"<td>United States of America</td><td class=n>{facts.from_country('US'):,}</td>" in page


def test_cli_report_without_catalog_says_how_to_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--data", str(tmp_path / "none"), "--out", str(tmp_path / "r")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("pelibot report: No movie catalog in")
    assert "Traceback" not in err
    assert not (tmp_path / "r").exists()
