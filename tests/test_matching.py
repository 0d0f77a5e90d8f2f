"""What people type on phones → the right month, weekday, collection, country, company or title.

The table runs on the catalog built from the real-data fixture (tests/data/README.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.render import choice_label
from handlers import answers as a
from handlers.matching import NameIndex
from handlers.service import MovieService
from handlers.text import clean_argument, fold

RESOLVES = [
    # months: Spanish, English, case, accents, abbreviations, numbers, typos
    ("/mes Enero", 1),
    ("/mes ENE", 1),
    ("/mes january", 1),
    ("/mes 1", 1),
    ("/mes 01", 1),
    ("/mes setiembre", 9),
    ("/mes Sept.", 9),
    ("/mes febreo", 2),
    ("/mes agsto", 8),
    ("/mes dec", 12),
    ("/mes Diciembre", 12),
    ("/month may", 5),
    # weekdays
    ("/dia miercoles", 2),
    ("/dia Miércoles", 2),
    ("/dia mié", 2),
    ("/dia wednesday", 2),
    ("/dia sabado", 5),
    ("/dia SÁBADO", 5),
    ("/dia sábados", 5),
    ("/dia vierns", 4),
    ("/dia sun", 6),
    ("/dia 7", 6),
    ("/día lunes", 0),
    # collections
    ("/franquicia toy story", "Toy Story Collection"),
    ("/franquicia toy stori", "Toy Story Collection"),
    ("/franquicia Toy Story Collection", "Toy Story Collection"),
    ("/franquicia star wars", "Star Wars Collection"),
    ("/franquicia james bond", "James Bond Collection"),
    ("/franquicia the godfather", "The Godfather Collection"),
    ("/franquicia indiana jones", "Indiana Jones Collection"),
    ("/franquicia ROCKY", "Rocky Collection"),
    ("/saga batman", "Batman Collection"),
    # countries: Spanish or English names, ISO codes, everyday names
    ("/pais Reino Unido", "GB"),
    ("/pais UK", "GB"),
    ("/pais GB", "GB"),
    ("/pais United Kingdom", "GB"),
    ("/pais inglaterra", "GB"),
    ("/pais reino unid", "GB"),
    ("/pais Estados Unidos", "US"),
    ("/pais EEUU", "US"),
    ("/pais EE. UU.", "US"),
    ("/pais USA", "US"),
    ("/pais España", "ES"),
    ("/pais espana", "ES"),
    ("/pais Alemania", "DE"),
    ("/pais méxico", "MX"),
    ("/pais japon", "JP"),
    ("/pais holanda", "NL"),
    ("/pais corea del sur", "KR"),
    ("/country france", "FR"),
    # companies: exact list membership, everyday short names
    ("/productora pixar", "Pixar Animation Studios"),
    ("/productora paramount", "Paramount Pictures"),
    ("/productora paramout", "Paramount Pictures"),
    ("/productora warner bros.", "Warner Bros."),
    # a curated alias (data_prep/curated/company_aliases.csv) of the studio with 333 films beats
    # the 1-film company of that exact name, which the answer mentions beside it
    ("/productora Warner Bros. Pictures", "Warner Bros."),
    ("/productora columbia", "Columbia Pictures"),
    ("/productora universal", "Universal Pictures"),
    ("/productora lucasfilm", "Lucasfilm"),
    ("/productora new line", "New Line Cinema"),
    ("/productora ghibli", "Studio Ghibli"),
    # titles: case, typos, missing article, year
    ("/retorno toy story", 862),
    ("/retorno TOY STORY", 862),
    ("/retorno toy stroy", 862),
    ("/retorno titanic", 597),
    ("/retorno titanic 1953", 16535),
    ("/retorno Titanic (1953)", 16535),
    ("/retorno godfather", 238),
    ("/retorno jurasic park", 329),
    ("/retorno forest gump", 13),
    ("/retorno the lion kng", 8587),
    ("/retorno back to the futur", 105),
    ("/retorno terminator 2", 280),
    ("/retorno se7en", 807),
    ("/recomendar jumanji", 8844),
    # Spanish titles (Se7en was released in Spain as "Seven")
    ("/retorno seven", 807),
    ("/retorno el rey leon", 8587),
]

ASKS_BACK = [
    ("/mes juio", {"Junio", "Julio"}),
    ("/mes ma", {"Marzo", "Mayo"}),
    ("/retorno star trek", {"Star Trek: Generations (1994)", "Star Trek: Insurrection (1998)"}),
    (
        "/franquicia star trek",
        {
            "Star Trek: The Original Series Collection · 6",
            "Star Trek: The Next Generation Collection · 3",
        },
    ),
    ("/productora studio", {"StudioCanal · 11", "Universal Studios · 8"}),
]

MISSES = [
    "/mes xyz",
    "/mes 13",
    "/dia 0",
    "/pais atlantis",
    "/pais narnia",
    "/franquicia zzzzzz",
    "/productora acme nonexistent",
    "/retorno qwertyuiop",
    "/retorno la guerra de las galaxas 3",
    "/retorno " + "🎬" * 5,
    "/retorno <script>alert(1)</script>",
]


def _resolved(answer: a.Answer) -> object:
    value = a.answered_value(answer)
    return answer if value is None else value


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return MovieService.from_data_dir(real_data_dir)


def test_table_is_broad() -> None:
    assert len(RESOLVES) + len(ASKS_BACK) + len(MISSES) >= 60


@pytest.mark.parametrize(("query", "expected"), RESOLVES)
def test_resolves(service: MovieService, query: str, expected: object) -> None:
    assert _resolved(service.ask(query)) == expected


@pytest.mark.parametrize(("query", "expected"), ASKS_BACK)
def test_asks_back_when_unsure(service: MovieService, query: str, expected: set[str]) -> None:
    answer = service.ask(query)
    assert isinstance(answer, a.AmbiguousAnswer), answer
    assert expected <= {choice_label(answer.command, c, "es") for c in answer.choices}


@pytest.mark.parametrize("query", MISSES)
def test_misses_are_not_guessed(service: MovieService, query: str) -> None:
    answer = service.ask(query)
    assert isinstance(answer, a.NotFoundAnswer), answer


def test_shared_title_lists_the_others(service: MovieService) -> None:
    answer = service.ask("/retorno titanic")
    assert isinstance(answer, a.ReturnAnswer)
    assert answer.alternatives == (a.MovieRef(16535, "Titanic", 1953),)


# -- the index itself, on hand-made names ---------------------------------------------------------

COMPANIES = NameIndex(
    {
        "Paramount Pictures": ["Paramount Pictures", "paramount"],
        "Paramount Vantage": ["Paramount Vantage", "paramount vantage"],
        "Paramount": ["Paramount"],
        "Pixar Animation Studios": ["Pixar Animation Studios", "pixar"],
    },
    {
        "Paramount Pictures": 300,
        "Paramount Vantage": 30,
        "Paramount": 3,
        "Pixar Animation Studios": 20,
    },
)


def test_far_heavier_alias_beats_a_tiny_full_name() -> None:
    assert COMPANIES.lookup("paramount").value == "Paramount Pictures"
    assert COMPANIES.exact("PARAMOUNT") == ["Paramount Pictures", "Paramount"]


def test_typos_and_partial_names() -> None:
    assert COMPANIES.lookup("pixr").value == "Pixar Animation Studios"
    assert COMPANIES.lookup("paramount vantag").value == "Paramount Vantage"


def test_equal_rivals_are_candidates_not_answers() -> None:
    index = NameIndex({"Junio": ["junio"], "Julio": ["julio"]})
    match = index.lookup("juio")
    assert match.value is None and set(match.candidates) == {"Junio", "Julio"}
    assert index.lookup("x").candidates == ()


def test_fold_and_clean() -> None:
    assert fold("  ¡Miércoles, SÁBADO! ") == "miercoles sabado"
    assert fold("Amélie") == "amelie"
    assert clean_argument("toy\nstory\x00\t 2 ") == "toy story 2"
    assert len(clean_argument("x" * 5000)) == 200
