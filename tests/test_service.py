"""The seven questions on a ten-movie catalog whose answers were worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_prep.pipeline import prepare
from data_prep.source import RawFiles
from handlers import answers as a
from handlers.commands import command_name as canonical_command
from handlers.service import MovieService, entity_key
from tests.factories import collection, countries, nested_names, raw_movie, write_raw

US = ("US", "United States of America")
PIXAR = nested_names("Pixar Animation Studios")
FOX = "Twentieth Century Fox Film Corporation"
TOY_STORY = collection("Toy Story Collection")

# Release weekdays: 1995-10-30 Mon, 1999-10-30 Sat, 1997-11-18 Tue, 1953-04-16 Thu,
# 2001-04-25 Wed, 1996-02-23 Fri, 2000-01-03 Mon, 2001-01-01 Mon, 2002-01-01 Tue, 2010-06-16 Wed.
ROWS = [
    raw_movie(
        1,
        "Toy Story",
        "1995-10-30",
        belongs_to_collection=TOY_STORY,
        budget="30000000",
        revenue="373554033",
        production_companies=PIXAR,
        production_countries=countries(US),
        vote_count="5415",
        genres=nested_names("Animation", "Comedy", "Family"),
    ),
    raw_movie(
        2,
        "Toy Story 2",
        "1999-10-30",
        belongs_to_collection=TOY_STORY,
        budget="90000000",
        revenue="497366869",
        production_companies=PIXAR,
        production_countries=countries(US),
        vote_count="3914",
        genres=nested_names("Animation", "Comedy", "Family"),
    ),
    raw_movie(
        3,
        "Titanic",
        "1997-11-18",
        budget="200000000",
        revenue="1845034188",
        production_companies=nested_names("Paramount Pictures", FOX),
        production_countries=countries(US),
        vote_count="7770",
        genres=nested_names("Drama", "Romance"),
    ),
    raw_movie(
        4,
        "Titanic",
        "1953-04-16",
        budget="1805000",
        revenue="4905000",
        production_companies=nested_names(FOX),
        production_countries=countries(US),
        vote_count="43",
        genres=nested_names("Drama"),
    ),
    raw_movie(
        5,
        "Amélie",
        "2001-04-25",
        original_title="Le Fabuleux Destin d'Amélie Poulain",
        budget="10000000",
        revenue="173921954",
        production_companies=nested_names("Miramax"),
        production_countries=countries(("FR", "France"), ("DE", "Germany")),
        vote_count="3403",
        genres=nested_names("Comedy", "Romance"),
    ),
    raw_movie(
        6,
        "Trainspotting",
        "1996-02-23",
        budget="3500000",
        production_companies=nested_names("Channel Four Films"),
        production_countries=countries(("GB", "United Kingdom")),
        vote_count="2737",
    ),
    raw_movie(
        7,
        "Warner Test",
        "2000-01-03",
        revenue="50000000",
        production_companies=nested_names("Warner Bros."),
        production_countries=countries(US),
        vote_count="100",
    ),
    raw_movie(
        8,
        "Warner Pictures Test",
        "2001-01-01",
        revenue="10000000",
        production_companies=nested_names("Warner Bros. Pictures"),
        production_countries=countries(US),
        vote_count="50",
    ),
    raw_movie(
        9,
        "Paramount Small",
        "2002-01-01",
        production_companies=nested_names("Paramount"),
        production_countries=countries(US),
        vote_count="5",
    ),
    raw_movie(
        10,
        "Toy Story 3",
        "2010-06-16",
        belongs_to_collection=TOY_STORY,
        budget="200000000",
        revenue="1066969703",
        production_companies=PIXAR,
        production_countries=countries(US),
        vote_count="4710",
        genres=nested_names("Animation", "Comedy", "Family"),
    ),
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> MovieService:
    folder = tmp_path_factory.mktemp("small")
    raw = write_raw(folder / "movies_metadata.csv", ROWS)
    prepare(RawFiles(raw, None, "--raw"), folder / "data", min_movies=1)
    return MovieService.from_data_dir(folder / "data")


@pytest.mark.parametrize(
    ("query", "month", "count"),
    [
        ("/mes enero", 1, 3),
        ("/mes Octubre", 10, 2),
        ("/month june", 6, 1),
        ("/mes 4", 4, 2),
        ("/mes MARZO", 3, 0),
    ],
)
def test_month(service: MovieService, query: str, month: int, count: int) -> None:
    assert service.ask(query) == a.MonthAnswer(month, count)


@pytest.mark.parametrize(
    ("query", "weekday", "count"),
    [
        ("/dia lunes", 0, 3),
        ("/dia martes", 1, 2),
        ("/dia miercoles", 2, 2),
        ("/dia jueves", 3, 1),
        ("/dia viernes", 4, 1),
        ("/dia sábado", 5, 1),
        ("/dia domingo", 6, 0),
        ("/day 1", 0, 3),
    ],
)
def test_weekday(service: MovieService, query: str, weekday: int, count: int) -> None:
    assert service.ask(query) == a.WeekdayAnswer(weekday, count)


def test_collection_totals_and_mean(service: MovieService) -> None:
    total = 373_554_033 + 497_366_869 + 1_066_969_703
    assert total == 1_937_890_605
    assert service.ask("/franquicia toy story") == a.CollectionAnswer(
        "Toy Story Collection", 3, total, total / 3, 3
    )


def test_country_counts(service: MovieService) -> None:
    assert service.ask("/pais EEUU") == a.CountryAnswer(
        "United States of America", "US", 8, "Estados Unidos"
    )
    assert service.ask("/pais reino unido") == a.CountryAnswer(
        "United Kingdom", "GB", 1, "Reino Unido"
    )
    assert service.ask("/pais Alemania") == a.CountryAnswer("Germany", "DE", 1, "Alemania")
    japan = service.ask("/pais japón")
    assert isinstance(japan, a.CountryAnswer) and (japan.iso, japan.count) == ("JP", 0)


def test_company_is_exact_list_membership(service: MovieService) -> None:
    assert service.ask("/productora warner bros.") == a.CompanyAnswer(
        "Warner Bros.", 1, 50_000_000, 1
    )
    assert service.ask("/productora Warner Bros. Pictures") == a.CompanyAnswer(
        "Warner Bros. Pictures", 1, 10_000_000, 1
    )
    assert service.ask("/productora pixar") == a.CompanyAnswer(
        "Pixar Animation Studios", 3, 1_937_890_605, 3
    )
    assert service.ask("/productora twentieth century fox") == a.CompanyAnswer(
        FOX, 2, 1_845_034_188 + 4_905_000, 2
    )


def test_full_name_beats_alias_of_similar_weight(service: MovieService) -> None:
    # "Paramount" (1 film) is a company's full name; Paramount Pictures (1 film) only an alias.
    answer = service.ask("/productora paramount")
    assert isinstance(answer, a.CompanyAnswer) and answer.company == "Paramount"


def test_return_of_shared_title_prefers_most_voted(service: MovieService) -> None:
    answer = service.ask("/retorno titanic")
    assert answer == a.ReturnAnswer(
        a.MovieRef(3, "Titanic", 1997),
        200_000_000,
        1_845_034_188,
        1_845_034_188 / 200_000_000,
        (a.MovieRef(4, "Titanic", 1953),),
    )
    assert isinstance(answer, a.ReturnAnswer) and answer.profit == 1_645_034_188


@pytest.mark.parametrize(
    "query",
    ["/retorno titanic 1953", "/retorno Titanic (1953)", "/retorno titanic, 1953", "/retorno #4"],
)
def test_return_with_year_or_key(service: MovieService, query: str) -> None:
    answer = service.ask(query)
    assert isinstance(answer, a.ReturnAnswer)
    assert (answer.movie.id, answer.budget, answer.revenue) == (4, 1_805_000, 4_905_000)
    assert answer.alternatives == (a.MovieRef(3, "Titanic", 1997),)


def test_return_with_a_year_that_has_no_such_title_asks_back(service: MovieService) -> None:
    answer = service.ask("/retorno titanic 1960")
    assert isinstance(answer, a.AmbiguousAnswer)
    assert [c.key for c in answer.choices] == ["#4", "#3"]


def test_unknown_revenue_is_not_a_return_of_zero(service: MovieService) -> None:
    answer = service.ask("/retorno trainspotting")
    assert isinstance(answer, a.ReturnAnswer)
    assert (answer.budget, answer.revenue, answer.ret, answer.profit) == (3_500_000, 0, None, None)


def test_original_title_and_accents(service: MovieService) -> None:
    for query in ("/retorno amelie", "/retorno AMÉLIE", "/retorno le fabuleux destin d'amelie"):
        answer = service.ask(query)
        assert isinstance(answer, a.ReturnAnswer) and answer.movie.id == 5, query


def test_usage_unknown_and_absurd_input(service: MovieService) -> None:
    assert service.ask("/pais") == a.UsageAnswer("pais")
    assert service.ask("/productora    ") == a.UsageAnswer("productora")
    assert service.ask("/peliculas 3") == a.UnknownCommandAnswer("/peliculas")
    for junk in ("x" * 4000, "😀😀😀", "<b>hola</b>", "\x00\x07\x1b[31m", "'; DROP TABLE--"):
        answer = service.answer("retorno", junk)
        assert isinstance(answer, a.NotFoundAnswer | a.AmbiguousAnswer), junk
    assert isinstance(service.answer("mes", "13"), a.NotFoundAnswer)
    assert isinstance(service.answer("dia", "0"), a.NotFoundAnswer)


def test_keys_reproduce_answers(service: MovieService) -> None:
    for query in (
        "/mes enero",
        "/dia sabado",
        "/franquicia toy story",
        "/pais francia",
        "/productora pixar",
        "/retorno titanic 1953",
    ):
        answer = service.ask(query)
        key = service.key_for(answer)
        assert key is not None and len(f"{answer.command} {key}".encode()) <= 64
        assert service.answer(answer.command, key) == answer, query


def test_stale_or_forged_keys_are_not_found(service: MovieService) -> None:
    assert isinstance(service.answer("franquicia", entity_key("Nope Collection")), a.NotFoundAnswer)
    assert isinstance(service.answer("productora", "~zzzz"), a.NotFoundAnswer)
    assert isinstance(service.answer("retorno", "#999999"), a.NotFoundAnswer)
    # A collection's key is no company's key.
    assert isinstance(
        service.answer("productora", entity_key("Toy Story Collection")), a.NotFoundAnswer
    )


def test_search_movies_for_inline_mode(service: MovieService) -> None:
    assert [m.id for m in service.search_movies("titanic")][:2] == [3, 4]
    # Equal scores: the most voted first (5,415, 4,710 and 3,914 votes).
    assert [m.id for m in service.search_movies("toy story", limit=3)] == [1, 10, 2]
    assert service.search_movies("") == []


def test_canonical_command() -> None:
    assert canonical_command("/Mes@pelibot") == "mes"
    assert canonical_command("día") == "dia"
    assert canonical_command("recommend") == "recomendar"
    assert canonical_command("/nope") is None


def test_missing_catalog(tmp_path: Path) -> None:
    from handlers.catalog import CatalogError

    with pytest.raises(CatalogError, match="pelibot prepare"):
        MovieService.from_data_dir(tmp_path)
