"""A one-word title followed by "de/en/from <year>" names the film of that year, as the bare
year does ("titanic 1953"); the facts are TMDB ids of the real slice."""

from __future__ import annotations

from pathlib import Path

import pytest

from handlers import answers as a
from handlers.router import Route, Router
from handlers.service import MovieService

TITANIC_1953 = 16535
GODZILLA_1954 = 1678


@pytest.fixture(scope="module")
def router(real_data_dir: Path) -> Router:
    return Router(MovieService.from_data_dir(real_data_dir))


@pytest.mark.parametrize(
    ("text", "command", "movie"),
    [
        ("titanic de 1953", "pelicula", TITANIC_1953),
        ("titanic from 1953", "pelicula", TITANIC_1953),
        ("titanic of 1953", "pelicula", TITANIC_1953),
        ("godzilla de 1954", "pelicula", GODZILLA_1954),
        ("godzilla del 1954", "pelicula", GODZILLA_1954),
        ("cuanto recaudo titanic en 1953", "retorno", TITANIC_1953),
        ("how much did titanic from 1953 earn", "retorno", TITANIC_1953),
    ],
)
def test_plain_words_with_a_linked_year(
    router: Router, text: str, command: str, movie: int
) -> None:
    routed = router.route(text)
    assert isinstance(routed, Route)
    assert (routed.command, routed.value) == (command, movie)


@pytest.mark.parametrize(
    "query",
    [
        "/retorno titanic de 1953",
        "/retorno titanic from 1953",
        "/retorno titanic en 1953",
        "/retorno Titanic, de 1953",
        "/pelicula godzilla de 1954",
    ],
)
def test_commands_with_a_linked_year(router: Router, query: str) -> None:
    answer = router.service.ask(query)
    assert isinstance(answer, a.ReturnAnswer | a.FilmAnswer)
    assert answer.movie.id in (TITANIC_1953, GODZILLA_1954)
    assert answer.movie.year in (1953, 1954)


def test_a_linked_year_without_that_film_asks_back(router: Router) -> None:
    answer = router.service.ask("/retorno titanic de 1960")
    assert isinstance(answer, a.AmbiguousAnswer)
    assert {c.movie.year for c in answer.choices if c.movie} == {1953, 1997}
