"""The cleaning rules on a small hand-written raw file that holds every nasty case.

``write_small_raw`` builds the file in the exact Kaggle format (24 columns, nested cells as
Python-literal strings, one record split into a stub and a row shifted 9 columns to the left).
Every expected number below was worked out by hand from the rows listed there.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from data_prep import clean, nested
from data_prep.pipeline import build_catalog, read_raw_csv
from data_prep.source import RawFiles


def _genres(*names: str) -> str:
    ids = {"Animation": 16, "Comedy": 35, "Family": 10751, "Romance": 10749, "Drama": 18}
    return repr([{"id": ids[name], "name": name} for name in names])


def _countries(*pairs: tuple[str, str]) -> str:
    return repr([{"iso_3166_1": code, "name": name} for code, name in pairs])


def _languages(*pairs: tuple[str, str]) -> str:
    return repr([{"iso_639_1": code, "name": name} for code, name in pairs])


def _movie(movie_id: str, title: str, **fields: str) -> list[str]:
    """One raw row in column order; ``fields`` override the plain defaults."""
    row = {
        "adult": "False",
        "belongs_to_collection": "",
        "budget": "0",
        "genres": "[]",
        "homepage": "",
        "id": movie_id,
        "imdb_id": "tt0000001",
        "original_language": "en",
        "original_title": title,
        "overview": "A film.",
        "popularity": "1.5",
        "poster_path": "/p.jpg",
        "production_companies": "[]",
        "production_countries": "[]",
        "release_date": "2000-01-01",
        "revenue": "0",
        "runtime": "90.0",
        "spoken_languages": "[]",
        "status": "Released",
        "tagline": "",
        "title": title,
        "video": "False",
        "vote_average": "6.0",
        "vote_count": "10",
    }
    unknown = set(fields) - set(row)
    assert not unknown, unknown
    row.update(fields)
    return [row[column] for column in clean.RAW_COLUMNS]


TOY_STORY_COLLECTION = repr(
    {
        "id": 10194,
        "name": "Toy Story Collection",
        "poster_path": "/7G9915LfUQ2lVfwMEEhDsn3kT4B.jpg",
        "backdrop_path": None,
    }
)

# The logical record 82663 broken over two physical lines, as in the full Kaggle file: a stub with
# the first ten fields, then the rest shifted 9 columns left (so ``id`` holds the release date).
STUB_ROW = [
    "False",
    "",
    "0",
    _genres("Drama"),
    "",
    "82663",
    "tt0113002",
    "en",
    "Midnight Man",
    "Over a weekend, a man",
]
SHIFTED_ROW = [
    " - Written by Ørnås",
    "0.065736",
    "/ff9qCepilowshEtG2GYWwzt2bs4.jpg",
    "[{'name': 'Carousel Productions', 'id': 11176}]",
    _countries(("CA", "Canada")),
    "1997-08-20",
    "0",
    "104.0",
    _languages(("en", "English")),
    "Released",
    "",
    "Midnight Man",
    "False",
    "6.0",
    "1",
]

SMALL_ROWS: list[list[str]] = [
    # R1 kept: every nested column filled.
    _movie(
        "862",
        "Toy Story",
        belongs_to_collection=TOY_STORY_COLLECTION,
        budget="30000000",
        revenue="373554033",
        genres=_genres("Animation", "Comedy", "Family"),
        production_companies="[{'name': 'Pixar Animation Studios', 'id': 3}]",
        production_countries=_countries(("US", "United States of America")),
        spoken_languages=_languages(("en", "English")),
        release_date="1995-10-30",
        homepage="http://toystory.disney.com/toy-story",
        runtime="81.0",
        popularity="21.946943",
        vote_average="7.7",
        vote_count="5415",
    ),
    # R2 kept: accented title, two countries.
    _movie(
        "194",
        "Amélie",
        original_title="Le Fabuleux Destin d'Amélie Poulain",
        original_language="fr",
        budget="10000000",
        revenue="33225499",
        genres=_genres("Comedy", "Romance"),
        production_companies="[{'name': 'Miramax', 'id': 14}, {'name': 'UGC', 'id': 7}]",
        production_countries=_countries(("FR", "France"), ("DE", "Germany")),
        spoken_languages=_languages(("fr", "Français")),
        release_date="2001-04-25",
    ),
    # R3 kept: null title falls back to the (Japanese) original title; budget written as a float.
    _movie(
        "129",
        "",
        original_title="千と千尋の神隠し",
        original_language="ja",
        budget="19000000.0",
        revenue="274925095",
        production_countries=_countries(("JP", "Japan")),
        spoken_languages=_languages(("ja", "日本語")),
        release_date="2001-07-20",
    ),
    # R4 kept: budget holds a poster path → 0, counted.
    _movie(
        "10",
        "Budget Poster",
        budget="/ff9qCepilowshEtG2GYWwzt2bs4.jpg",
        revenue="5000",
        release_date="1997-08-20",
    ),
    # R5 kept: budget "abc" → 0, counted; null revenue → 0, not counted; padded title.
    _movie("11", "  Padded Title  ", budget="abc", revenue="", release_date="2010-02-28"),
    # R6 kept: five nested cells that do not parse (one would run code under eval); budget < 0
    # → 0, counted.
    _movie(
        "12",
        "Broken Cells",
        belongs_to_collection="{'id': 1, 'name': 'Broken",
        genres="[{'name': 'Drama'",
        production_companies="__import__('os').system('exit 3')",
        production_countries="[{'iso_3166_1': 'US', 'name': 'United States of America'}",
        spoken_languages="[{'iso_639_1': 'en', 'name': 'English'}, 'en']",
        budget="-5",
        revenue="100",
        release_date="1999-12-31",
    ),
    # R7 kept: every list empty; revenue text → 0, counted.
    _movie("13", "Empty Lists", budget="2500000", revenue="unknown", release_date="2017-12-31"),
    # R8–R10 dropped by rule 3: null, impossible and non-date release dates.
    _movie("14", "No Date", release_date=""),
    _movie("15", "Bad Month", release_date="2012-13-45"),
    _movie("16", "Not A Date", release_date="not a date"),
    # R11 dropped by rule 7b: a second 862.
    _movie("862", "Toy Story (copy)", budget="1", release_date="1995-10-30"),
    STUB_ROW,  # R12 dropped by rule 3 (no release_date)
    SHIFTED_ROW,  # R13 dropped by rule 7a (id "1997-08-20")
]

SMALL_KEYWORDS: list[list[str]] = [
    ["id", "keywords"],
    ["862", "[{'id': 931, 'name': 'jealousy'}, {'id': 4290, 'name': 'toy'}]"],
    ["862", "[{'id': 1, 'name': 'duplicate'}]"],  # second 862: ignored
    ["194", "[{'id': 2, 'name': 'paris'}, {'id': 3, 'name': 'café'}]"],
    ["12", "[{'id': 9, 'name': 'broken'"],  # does not parse → empty, counted
    ["13", "[]"],
    ["1997-08-20", "[{'id': 5, 'name': 'shifted'}]"],  # not an integer id: dropped
]

KEPT_IDS = [862, 194, 129, 10, 11, 12, 13]

EXPECTED_RULES: list[tuple[str, int, int, dict[str, int]]] = [
    # rule, rows_in, rows_out, unparseable
    ("7a", 13, 12, {}),
    ("7b", 12, 11, {}),
    (
        "1",
        11,
        11,
        {
            "belongs_to_collection": 1,
            "genres": 1,
            "production_companies": 1,
            "production_countries": 1,
            "spoken_languages": 1,
        },
    ),
    ("2", 11, 11, {"budget": 3, "revenue": 1}),  # poster path, "abc", -5; "unknown"
    ("3", 11, 7, {"release_date": 2}),
    ("4", 7, 7, {}),
    ("5", 7, 7, {}),
    ("6", 7, 7, {}),
    ("kw", 6, 4, {"keywords": 1}),
]

OUTPUT_COLUMNS = [*clean.CATALOG_COLUMNS, "keywords"]


def write_small_raw(folder: Path) -> RawFiles:
    """Write ``movies_metadata.csv`` and ``keywords.csv`` (the rows above) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    movies = folder / "movies_metadata.csv"
    with movies.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(clean.RAW_COLUMNS)
        writer.writerows(SMALL_ROWS)
    keywords = folder / "keywords.csv"
    with keywords.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(SMALL_KEYWORDS)
    return RawFiles(movies, keywords, "--raw")


@pytest.fixture
def small_catalog(tmp_path: Path) -> tuple[pd.DataFrame, list[clean.RuleReport]]:
    return build_catalog(write_small_raw(tmp_path))


def _row(catalog: pd.DataFrame, movie_id: int) -> dict[str, Any]:
    rows = catalog.loc[catalog["id"] == movie_id]
    assert len(rows) == 1, f"{len(rows)} rows with id {movie_id}"
    return {str(key): value for key, value in rows.iloc[0].items()}


def test_the_raw_file_reads_as_thirteen_rows_with_the_stub_and_shifted_row_padded(
    tmp_path: Path,
) -> None:
    raw, skipped = read_raw_csv(write_small_raw(tmp_path).movies)
    assert skipped == 0
    assert list(raw.columns) == list(clean.RAW_COLUMNS)
    assert len(raw) == 13
    assert raw["id"].tolist()[-2:] == ["82663", "1997-08-20"]
    assert raw["budget"].iloc[-1] == "/ff9qCepilowshEtG2GYWwzt2bs4.jpg"
    assert raw.iloc[-2, 10:].isna().all()  # stub: popularity … vote_count missing
    assert raw.iloc[-1, 15:].isna().all()  # shifted row: revenue … vote_count missing


def test_every_rule_reports_its_rows_and_unparseable_cells(
    small_catalog: tuple[pd.DataFrame, list[clean.RuleReport]],
) -> None:
    _, reports = small_catalog
    got = [(r.rule, r.rows_in, r.rows_out, r.unparseable) for r in reports]
    assert got == EXPECTED_RULES
    assert [r.dropped for r in reports] == [1, 1, 0, 0, 4, 0, 0, 0, 2]


def test_kept_rows_and_output_columns(
    small_catalog: tuple[pd.DataFrame, list[clean.RuleReport]],
) -> None:
    catalog, _ = small_catalog
    assert sorted(catalog["id"].tolist()) == sorted(KEPT_IDS)
    assert list(catalog.columns) == OUTPUT_COLUMNS
    for dropped in ("video", "adult", "homepage", "belongs_to_collection"):
        assert dropped not in catalog.columns
    assert list(catalog.index) == list(range(7))
    assert str(catalog["id"].dtype) == "int64"
    assert str(catalog["budget"].dtype) == "int64"
    assert str(catalog["revenue"].dtype) == "int64"
    assert str(catalog["release_year"].dtype) == "int64"
    assert str(catalog["vote_count"].dtype) == "int64"
    assert str(catalog["return"].dtype) == "float64"
    assert str(catalog["release_date"].dtype) == "datetime64[s]"


def test_first_of_duplicate_ids_is_kept(
    small_catalog: tuple[pd.DataFrame, list[clean.RuleReport]],
) -> None:
    toy = _row(small_catalog[0], 862)
    assert toy["title"] == "Toy Story"
    assert toy["budget"] == 30_000_000


def test_a_fully_filled_row(small_catalog: tuple[pd.DataFrame, list[clean.RuleReport]]) -> None:
    toy = _row(small_catalog[0], 862)
    assert toy == {
        "id": 862,
        "title": "Toy Story",
        "original_title": "Toy Story",
        "release_date": pd.Timestamp("1995-10-30"),
        "release_year": 1995,
        "collection": "Toy Story Collection",
        "genres": ["Animation", "Comedy", "Family"],
        "budget": 30_000_000,
        "revenue": 373_554_033,
        "return": 373_554_033 / 30_000_000,
        "production_companies": ["Pixar Animation Studios"],
        "production_countries": ["United States of America"],
        "production_country_codes": ["US"],
        "spoken_languages": ["en"],
        "original_language": "en",
        "runtime": 81.0,
        "status": "Released",
        "popularity": 21.946943,
        "vote_average": 7.7,
        "vote_count": 5415,
        "tagline": toy["tagline"],
        "overview": "A film.",
        "imdb_id": "tt0000001",
        "poster_path": "/p.jpg",
        "keywords": ["jealousy", "toy"],
    }
    assert pd.isna(toy["tagline"])
    assert toy["return"] == pytest.approx(12.4518011)


def test_unicode_titles_and_the_title_fallback(
    small_catalog: tuple[pd.DataFrame, list[clean.RuleReport]],
) -> None:
    catalog = small_catalog[0]
    amelie = _row(catalog, 194)
    assert (amelie["title"], amelie["original_title"]) == (
        "Amélie",
        "Le Fabuleux Destin d'Amélie Poulain",
    )
    assert amelie["production_countries"] == ["France", "Germany"]
    assert amelie["production_country_codes"] == ["FR", "DE"]
    assert amelie["production_companies"] == ["Miramax", "UGC"]
    assert amelie["spoken_languages"] == ["fr"]
    assert amelie["keywords"] == ["paris", "café"]
    assert pd.isna(amelie["collection"])
    chihiro = _row(catalog, 129)
    assert chihiro["title"] == chihiro["original_title"] == "千と千尋の神隠し"
    assert chihiro["spoken_languages"] == ["ja"]
    assert _row(catalog, 11)["title"] == "Padded Title"


@pytest.mark.parametrize(
    ("movie_id", "budget", "revenue", "expected_return"),
    [
        (862, 30_000_000, 373_554_033, 373_554_033 / 30_000_000),
        (194, 10_000_000, 33_225_499, 3.3225499),
        (129, 19_000_000, 274_925_095, 274_925_095 / 19_000_000),
        (10, 0, 5_000, 0.0),  # budget was a poster path
        (11, 0, 0, 0.0),  # budget "abc", revenue null
        (12, 0, 100, 0.0),  # negative budget clipped to 0
        (13, 2_500_000, 0, 0.0),  # revenue "unknown"
    ],
)
def test_money_and_return(
    small_catalog: tuple[pd.DataFrame, list[clean.RuleReport]],
    movie_id: int,
    budget: int,
    revenue: int,
    expected_return: float,
) -> None:
    row = _row(small_catalog[0], movie_id)
    assert (row["budget"], row["revenue"]) == (budget, revenue)
    assert row["return"] == pytest.approx(expected_return, rel=1e-12, abs=0.0)


@pytest.mark.parametrize(
    ("movie_id", "date", "year"),
    [
        (862, "1995-10-30", 1995),
        (194, "2001-04-25", 2001),
        (129, "2001-07-20", 2001),
        (10, "1997-08-20", 1997),
        (11, "2010-02-28", 2010),
        (12, "1999-12-31", 1999),
        (13, "2017-12-31", 2017),
    ],
)
def test_release_date_and_year(
    small_catalog: tuple[pd.DataFrame, list[clean.RuleReport]],
    movie_id: int,
    date: str,
    year: int,
) -> None:
    row = _row(small_catalog[0], movie_id)
    assert row["release_date"] == pd.Timestamp(date)
    assert row["release_year"] == year


def test_unparseable_and_empty_nested_cells_become_empty(
    small_catalog: tuple[pd.DataFrame, list[clean.RuleReport]],
) -> None:
    catalog = small_catalog[0]
    list_columns = (
        "genres",
        "production_companies",
        "production_countries",
        "production_country_codes",
        "spoken_languages",
        "keywords",
    )
    for movie_id in (12, 13):
        row = _row(catalog, movie_id)
        assert pd.isna(row["collection"])
        for column in list_columns:
            assert row[column] == [], (movie_id, column)


def test_keywords_missing_id_gives_an_empty_list(
    small_catalog: tuple[pd.DataFrame, list[clean.RuleReport]],
) -> None:
    catalog = small_catalog[0]
    by_id = dict(zip(catalog["id"], catalog["keywords"], strict=True))
    assert by_id == {
        862: ["jealousy", "toy"],
        194: ["paris", "café"],
        129: [],
        10: [],
        11: [],
        12: [],
        13: [],
    }


def test_without_keywords_file_every_movie_gets_an_empty_list(tmp_path: Path) -> None:
    files = write_small_raw(tmp_path)
    catalog, reports = build_catalog(RawFiles(files.movies, None, "--raw"))
    assert [r.rule for r in reports] == ["7a", "7b", "1", "2", "3", "4", "5", "6"]
    assert catalog["keywords"].tolist() == [[]] * 7


def test_parse_keywords_alone() -> None:
    raw = pd.DataFrame(SMALL_KEYWORDS[1:], columns=SMALL_KEYWORDS[0], dtype="str")
    keywords, report = clean.parse_keywords(raw)
    assert keywords["id"].tolist() == [862, 194, 12, 13]
    assert keywords["keywords"].tolist() == [["jealousy", "toy"], ["paris", "café"], [], []]
    assert (report.rows_in, report.rows_out, report.unparseable) == (6, 4, {"keywords": 1})


@pytest.mark.parametrize(
    ("raw_id", "kept"),
    [
        ("862", 862),
        (" 863 ", 863),
        ("864.0", 864),
        ("1997-08-20", None),
        ("12.5", None),
        ("tt0114709", None),
        (None, None),
    ],
)
def test_drop_malformed_ids(raw_id: str | None, kept: int | None) -> None:
    raw = pd.DataFrame({"id": pd.Series([raw_id], dtype="str")})
    out, report = clean.drop_malformed_ids(raw)
    assert out["id"].tolist() == ([] if kept is None else [kept])
    assert report.dropped == (1 if kept is None else 0)


def test_clean_refuses_a_table_without_the_raw_columns() -> None:
    raw = pd.DataFrame({"id": ["1"], "title": ["x"]}, dtype="str")
    with pytest.raises(ValueError, match="lacks the columns adult, belongs_to_collection"):
        clean.clean(raw)


def test_literal_cells_are_never_evaluated(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    cell = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    values, failed = nested.parse_column(pd.Series([cell, "[]", None, "  "]), nested.names, list)
    assert (values, failed) == ([[], [], [], []], 1)
    assert not marker.exists()


def test_parse_column_counts_repeated_bad_cells_each_time() -> None:
    cells = pd.Series(["[{'name': 'A'}, {'name': ' B '}]", "[{'name'", "[{'name'", "{'name': 'C'}"])
    values, failed = nested.parse_column(cells, nested.names, list)
    assert values == [["A", "B"], [], [], []]
    assert failed == 3
    # Memoised results are copied: changing one list must not change another row's list.
    values2, _ = nested.parse_column(pd.Series(["[{'name': 'A'}]"] * 2), nested.names, list)
    values2[0].append("x")
    assert values2[1] == ["A"]


def test_collection_name_shapes() -> None:
    assert nested.collection_name({"name": " Alien Collection "}) == "Alien Collection"
    assert nested.collection_name({"name": "  "}) is None
    assert nested.collection_name(0.065736) is None
    assert nested.collection_name([{"name": "x"}]) is None


def test_lists_survive_as_python_lists_in_memory(
    small_catalog: tuple[pd.DataFrame, list[clean.RuleReport]],
) -> None:
    catalog = small_catalog[0]
    for column in ("genres", "keywords"):
        assert all(isinstance(v, list) for v in catalog[column]), column


def test_imdb_ids_and_poster_paths_are_kept_only_when_they_look_right() -> None:
    raw = pd.DataFrame(
        [
            _movie("1", "A", imdb_id="tt0114709", poster_path="/rhIRbceoE9lR4veEXuwCC2wARtG.jpg"),
            _movie("2", "B", imdb_id="0114709", poster_path="https://x.org/a.jpg"),
            _movie("3", "C", imdb_id="", poster_path=""),
            _movie("4", "D", imdb_id="tt12", poster_path="/a b.jpg"),
        ],
        columns=list(clean.RAW_COLUMNS),
    )
    catalog, _ = clean.clean(raw)
    assert catalog["imdb_id"].iloc[0] == "tt0114709"
    assert catalog["poster_path"].iloc[0] == "/rhIRbceoE9lR4veEXuwCC2wARtG.jpg"
    assert catalog[["imdb_id", "poster_path"]].iloc[1:].isna().all().all()
