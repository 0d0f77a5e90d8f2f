"""The curated Spanish titles and company aliases: file checks, known facts, and the real slice.

Company counts on the slice are computed here with the csv module and ``ast`` straight from the raw
file, never with the project's pipeline.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from benchmarks.synthetic import MAJOR_COMPANIES
from data_prep import layout
from data_prep.curated import (
    CuratedDataError,
    SpanishNames,
    SpanishTitle,
    join_catalog,
    load_company_aliases,
    load_spanish_titles,
)
from tests.data import read_rows

# --- the files as committed ----------------------------------------------------------------------


def test_spanish_titles_file_validates() -> None:
    titles = load_spanish_titles()
    assert len(titles) >= 900
    assert len({(t.title, t.year) for t in titles}) == len(titles)
    assert all(1874 <= t.year <= 2017 and t.title and t.es_es for t in titles)
    unknown_419 = [t for t in titles if t.es_419 is None]
    assert len(unknown_419) <= len(titles) // 50  # the Latin American title is rarely unknown


def test_company_aliases_file_validates() -> None:
    aliases = load_company_aliases()
    assert len(aliases) >= 100
    assert all(a.alias == a.alias.casefold() for a in aliases)
    assert len({a.alias for a in aliases}) == len(aliases)


@pytest.mark.parametrize(
    ("title", "year", "es_es", "es_419"),
    [
        ("The Godfather", 1972, "El padrino", "El padrino"),
        ("Back to the Future", 1985, "Regreso al futuro", "Volver al futuro"),
        ("Die Hard", 1988, "La jungla de cristal", "Duro de matar"),
        ("Jaws", 1975, "Tiburón", "Tiburón"),
        ("Home Alone", 1990, "Solo en casa", "Mi pobre angelito"),
        ("The Shining", 1980, "El resplandor", "El resplandor"),
        ("Se7en", 1995, "Seven", "Pecados capitales"),
        ("E.T. the Extra-Terrestrial", 1982, "E.T., el extraterrestre", "E.T., el extraterrestre"),
        ("Star Wars", 1977, "La guerra de las galaxias", "La guerra de las galaxias"),
        ("The Empire Strikes Back", 1980, "El imperio contraataca", "El imperio contraataca"),
        ("Return of the Jedi", 1983, "El retorno del Jedi", "El regreso del Jedi"),
        ("Alien³", 1992, "Alien 3", "Alien 3"),
        ("Titanic", 1997, "Titanic", "Titanic"),
        ("Inside Out", 2015, "Del revés", "Intensa-mente"),
    ],
)
def test_known_spanish_titles(title: str, year: int, es_es: str, es_419: str) -> None:
    by_key = {(t.title, t.year): t for t in load_spanish_titles()}
    assert by_key[(title, year)] == SpanishTitle(title, year, es_es, es_419)


def test_space_odyssey_title_in_spain() -> None:
    by_key = {(t.title, t.year): t for t in load_spanish_titles()}
    assert by_key[("2001: A Space Odyssey", 1968)].es_es == "2001: una odisea del espacio"


@pytest.mark.parametrize(
    ("alias", "company"),
    [
        ("20th century fox", "Twentieth Century Fox Film Corporation"),
        ("fox", "Twentieth Century Fox Film Corporation"),
        ("twentieth century fox", "Twentieth Century Fox Film Corporation"),
        ("dreamworks", "DreamWorks SKG"),
        ("disney", "Walt Disney Pictures"),
        ("mgm", "Metro-Goldwyn-Mayer (MGM)"),
        ("warner", "Warner Bros."),
        ("universal", "Universal Pictures"),
        ("columbia", "Columbia Pictures"),
        ("paramount", "Paramount Pictures"),
        ("lionsgate", "Lions Gate Films"),
        ("miramax", "Miramax Films"),
        ("new line", "New Line Cinema"),
        ("pixar", "Pixar Animation Studios"),
        ("ghibli", "Studio Ghibli"),
    ],
)
def test_known_company_aliases(alias: str, company: str) -> None:
    assert {a.alias: a.company for a in load_company_aliases()}[alias] == company


# --- the loader's checks, on small files written here -------------------------------------------


def _write(tmp_path: Path, text: str | bytes, name: str = "file.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_loader_reads_typed_records(tmp_path: Path) -> None:
    text = 'title,year,es_es,es_419\n"Up, Up",2009,Arriba,\nJaws,1975,Tiburón,Tiburón\n'
    path = _write(tmp_path, text)
    assert load_spanish_titles(path) == [
        SpanishTitle("Up, Up", 2009, "Arriba", None),
        SpanishTitle("Jaws", 1975, "Tiburón", "Tiburón"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title,year,es_es\nJaws,1975,Tiburón\n", "the header must be title,year,es_es,es_419"),
        ("title,year,es_es,es_419\n,1975,Tiburón,Tiburón\n", "line 2: title is empty"),
        ("title,year,es_es,es_419\nJaws,1975,,Tiburón\n", "line 2: es_es is empty"),
        ("title,year,es_es,es_419\nJaws ,1975,Tiburón,Tiburón\n", "line 2: title has spaces"),
        ("title,year,es_es,es_419\nJaws,nineteen,Tiburón,\n", "line 2: year 'nineteen' is not"),
        ("title,year,es_es,es_419\nJaws,1873,Tiburón,\n", "line 2: year 1873 is outside"),
        ("title,year,es_es,es_419\nJaws,2018,Tiburón,\n", "line 2: year 2018 is outside"),
        ("title,year,es_es,es_419\nUp, Up,2009,Arriba,\n", "line 2: 5 fields instead of 4"),
        (
            "title,year,es_es,es_419\nJaws,1975,Tiburón,\nAlien,1979,Alien,\nJaws,1975,T,\n",
            "line 4: Jaws (1975) is already on line 2",
        ),
    ],
)
def test_spanish_titles_rejects(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(CuratedDataError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_spanish_titles(_write(tmp_path, text))


def test_spanish_titles_rejects_bad_utf8_and_missing_file(tmp_path: Path) -> None:
    latin1 = "title,year,es_es,es_419\nJaws,1975,Tiburón,\n".encode("latin-1")
    with pytest.raises(CuratedDataError, match="not valid UTF-8"):
        load_spanish_titles(_write(tmp_path, latin1))
    with pytest.raises(CuratedDataError, match="does not exist"):
        load_spanish_titles(tmp_path / "nowhere.csv")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("alias\nfox\n", "the header must be alias,company"),
        ("alias,company\n,Warner Bros.\n", "line 2: alias is empty"),
        ("alias,company\nwarner,\n", "line 2: company is empty"),
        ("alias,company\nFox,Fox Film\nfox,Twentieth\n", "line 3: 'fox' is also on line 2"),
        ("alias,company\nwarner bros.,Warner Bros.\n", "alias 'warner bros.' is the company"),
    ],
)
def test_company_aliases_rejects(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(CuratedDataError, match=message):
        load_company_aliases(_write(tmp_path, text))


# --- the join, on a catalog made here -----------------------------------------------------------


def test_join_picks_the_most_voted_and_keeps_the_unmatched() -> None:
    catalog = pd.DataFrame(
        {
            "id": [1, 2, 3, 4, 5],
            "title": ["Hamlet", "Hamlet", "Hamlet", "Twins", "Twins"],
            "release_year": [1990, 1990, 1996, 1988, 1988],
            "vote_count": [10, 250, 40, 7, 7],
        }
    )
    titles = [
        SpanishTitle("Nosferatu", 1922, "Nosferatu", None),
        SpanishTitle("Hamlet", 1990, "Hamlet (90)", "Hamlet"),
        SpanishTitle("Hamlet", 1996, "Hamlet (96)", None),
        SpanishTitle("Twins", 1988, "Los gemelos golpean dos veces", "Gemelos"),
        SpanishTitle("Hamlet", 1948, "Hamlet (48)", None),
    ]
    join = join_catalog(titles, catalog)
    assert join.matched == {
        2: SpanishNames("Hamlet (90)", "Hamlet"),  # 250 votes beat 10
        3: SpanishNames("Hamlet (96)", None),
        4: SpanishNames("Los gemelos golpean dos veces", "Gemelos"),  # a tie: the lower id
    }
    assert join.unmatched == [titles[0], titles[4]]


def test_join_needs_the_catalog_columns() -> None:
    catalog = pd.DataFrame({"id": [1], "title": ["Jaws"], "year": [1975], "vote_count": [3]})
    with pytest.raises(CuratedDataError, match="no column release_year"):
        join_catalog([SpanishTitle("Jaws", 1975, "Tiburón", "Tiburón")], catalog)


# --- the real slice (the first 4,627 rows of the Kaggle file) -----------------------------------

# Curated entries whose film is in the slice (all of them match), and ids of a few of them.
SLICE_MATCHES = 546


@pytest.fixture(scope="module")
def slice_catalog(real_data_dir: Path) -> pd.DataFrame:
    build = layout.current_build_dir(real_data_dir)
    assert build is not None
    return pd.read_parquet(build / layout.CATALOG_FILE)


def test_join_on_the_real_slice(slice_catalog: pd.DataFrame) -> None:
    titles = load_spanish_titles()
    join = join_catalog(titles, slice_catalog)
    assert len(join.matched) == SLICE_MATCHES
    assert len(join.matched) + len(join.unmatched) == len(titles)
    assert join.matched[238] == SpanishNames("El padrino", "El padrino")
    assert join.matched[105] == SpanishNames("Regreso al futuro", "Volver al futuro")
    assert join.matched[562] == SpanishNames("La jungla de cristal", "Duro de matar")
    assert join.matched[771] == SpanishNames("Solo en casa", "Mi pobre angelito")
    assert join.matched[807] == SpanishNames("Seven", "Pecados capitales")
    assert join.matched[601].es_es == "E.T., el extraterrestre"
    assert join.matched[62].es_es == "2001: una odisea del espacio"
    # The unmatched films are simply not in the slice: not even their title is there in any year
    # but for remakes of older films, which the slice has under their own year.
    in_slice = set(zip(slice_catalog["title"], slice_catalog["release_year"], strict=True))
    assert not [t for t in join.unmatched if (t.title, t.year) in in_slice]
    remade = {t.title for t in join.unmatched} & set(slice_catalog["title"])
    assert all(t.year > 2001 for t in join.unmatched if t.title in remade)


def _company_counts(raw_csv: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for row in read_rows(raw_csv):
        try:
            cell = ast.literal_eval(row["production_companies"] or "[]")
        except (ValueError, SyntaxError):
            continue
        if isinstance(cell, list):
            counts.update(item["name"] for item in cell if isinstance(item, dict))
    return counts


@pytest.fixture(scope="module")
def company_counts(real_slice_csv: Path) -> Counter[str]:
    """Films of each company in the committed fixture (every raw row)."""
    return _company_counts(real_slice_csv)


@pytest.fixture(scope="module")
def slice_company_counts(full_slice_csv: Path) -> Counter[str]:
    """Films of each company in the whole slice (skipped without ../shared)."""
    return _company_counts(full_slice_csv)


def test_alias_targets_exist(company_counts: Counter[str]) -> None:
    synthetic = {name for _, name in MAJOR_COMPANIES}
    targets = {a.company for a in load_company_aliases()}
    missing = sorted(t for t in targets if company_counts[t] == 0 and t not in synthetic)
    assert missing == []
    later_only = sorted(t for t in targets if company_counts[t] == 0)
    assert later_only == ["Relativity Media"]  # a company of later films, in the synthetic set


# Big studios and rival spellings, by films in the slice (most first).
BIG_STUDIOS = (
    "Warner Bros.",
    "Paramount Pictures",
    "Universal Pictures",
    "Twentieth Century Fox Film Corporation",
    "Metro-Goldwyn-Mayer (MGM)",
    "Columbia Pictures",
    "Columbia Pictures Corporation",
    "Walt Disney Pictures",
    "Walt Disney Productions",
    "DreamWorks SKG",
    "Lions Gate Films",
    "Lionsgate",
)


def test_alias_targets_are_the_dominant_spelling_in_the_slice(
    slice_company_counts: Counter[str],
) -> None:
    assert {name: slice_company_counts[name] for name in BIG_STUDIOS} == {
        "Warner Bros.": 333,
        "Paramount Pictures": 286,
        "Universal Pictures": 256,
        "Twentieth Century Fox Film Corporation": 201,
        "Metro-Goldwyn-Mayer (MGM)": 142,
        "Columbia Pictures": 138,
        "Columbia Pictures Corporation": 112,
        "Walt Disney Pictures": 79,
        "Walt Disney Productions": 56,
        "DreamWorks SKG": 27,
        "Lions Gate Films": 7,
        "Lionsgate": 2,
    }
    _assert_aliases_lead_to_the_bigger_spelling(slice_company_counts)


def test_alias_targets_are_the_dominant_spelling(company_counts: Counter[str]) -> None:
    """The same on the fixture, which keeps the order of each studio's spellings by films (not
    across studios: it keeps a share of a big studio's films, 170 of Warner Bros.' 333)."""
    rivals = [
        ("Columbia Pictures", "Columbia Pictures Corporation"),
        ("Walt Disney Pictures", "Walt Disney Productions"),
        ("Lions Gate Films", "Lionsgate"),
        ("StudioCanal", "Studio Canal"),
        ("Paramount Pictures", "Paramount"),
        ("Twentieth Century Fox Film Corporation", "Fox Searchlight Pictures"),
        ("Fox Searchlight Pictures", "Fox 2000 Pictures"),
        ("Fox 2000 Pictures", "20th Century Fox"),
        ("Warner Bros.", "Warner Bros. Pictures"),
        ("Universal Pictures", "Universal Studios"),
    ]
    for big, small in rivals:
        assert company_counts[big] > company_counts[small] > 0, (big, small)
    assert (company_counts["Lions Gate Films"], company_counts["Lionsgate"]) == (7, 2)
    _assert_aliases_lead_to_the_bigger_spelling(company_counts)


def _assert_aliases_lead_to_the_bigger_spelling(company_counts: Counter[str]) -> None:
    # An alias that is itself a (minor) company name must lead to a company with more films.
    by_folded = {name.casefold(): name for name in company_counts}
    for alias in load_company_aliases():
        shadowed = by_folded.get(alias.alias)
        if shadowed is not None:
            assert company_counts[alias.company] > company_counts[shadowed], alias
