"""Plain words on the real slice: what people type (Spanish, English, typos, no accents, emoji)
against the question and the entity it should reach.

The ids, names and codes below are facts of the Kaggle data (TMDB ids: Titanic 1997 is 597,
Toy Story 862…). Accuracy is measured over the whole table; a wrong entity is never allowed,
asking back is.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from handlers import answers as a
from handlers.router import NotUnderstood, Readings, Route, Router
from handlers.service import MovieService
from tests.data import facts

TOY_STORY = "Toy Story Collection"
PIXAR = "Pixar Animation Studios"

TABLE: list[tuple[str, str, int | str]] = [
    # -- a bare name -------------------------------------------------------------------------------
    ("Titanic", "pelicula", 597),
    ("titanic", "pelicula", 597),
    ("toy story", "pelicula", 862),
    ("jumanji", "pelicula", 8844),
    ("forrest gump 🎬", "pelicula", 13),
    ("the godfather", "pelicula", 238),
    ("star wars", "pelicula", 11),
    ("return of the jedi", "pelicula", 1892),
    ("independence day", "pelicula", 602),
    ("groundhog day", "pelicula", 137),
    ("Die Hard", "pelicula", 562),
    ("terminator 2", "pelicula", 280),
    ("godfather 2", "pelicula", 240),
    ("titanic 1953", "pelicula", 16535),
    ("titanik", "pelicula", 597),
    ("jumanjii", "pelicula", 8844),
    ("toy stori 2", "pelicula", 863),
    ("back to teh future", "pelicula", 105),
    ("lion king", "pelicula", 8587),
    ("matrix", "pelicula", 603),
    ("titanik 1997", "pelicula", 597),
    ("enero", "mes", 1),
    ("october", "mes", 10),
    ("sábado", "dia", 5),
    ("saturday", "dia", 5),
    ("francia", "pais", "FR"),
    ("spain", "pais", "ES"),
    ("pixar", "productora", PIXAR),
    ("james bond", "franquicia", "James Bond Collection"),
    # -- film cards asked for --------------------------------------------------------------------
    ("ficha de braveheart", "pelicula", 197),
    ("cuánto dura titanic", "pelicula", 597),
    ("¿cuándo se estrenó casablanca?", "pelicula", 289),
    ("tell me about the fifth element", "pelicula", 18),
    ("peli heat", "pelicula", 949),
    # -- months and weekdays ---------------------------------------------------------------------
    ("¿cuántas películas se estrenaron en enero?", "mes", 1),
    ("cuantas peliculas se estrenaron en enero", "mes", 1),
    ("pelis de marzo", "mes", 3),
    ("estrenos de diciembre", "mes", 12),
    ("¿Cuántas pelis salieron en agosto? 🍿", "mes", 8),
    ("mes julio", "mes", 7),
    ("how many films came out in july?", "mes", 7),
    ("how many movies were released in September", "mes", 9),
    ("cuantas pelis salieron un viernes", "dia", 4),
    ("¿cuántas películas se estrenan los domingos?", "dia", 6),
    ("estrenos en sabado", "dia", 5),
    ("movies released on a monday", "dia", 0),
    ("How many films were released on Fridays?", "dia", 4),
    # -- countries ---------------------------------------------------------------------------------
    ("películas producidas en el reino unido", "pais", "GB"),
    ("pelis hechas en francia", "pais", "FR"),
    ("cuantas peliculas son de españa", "pais", "ES"),
    ("películas de Alemania", "pais", "DE"),
    ("peliculas producidas en japon", "pais", "JP"),
    ("pais: mexico", "pais", "MX"),
    ("films made in italy", "pais", "IT"),
    ("movies from the united states", "pais", "US"),
    # -- collections -------------------------------------------------------------------------------
    ("¿cuánto recaudó la saga de toy story?", "franquicia", TOY_STORY),
    ("cuanto recaudo james bond", "franquicia", "James Bond Collection"),
    ("saga de star wars", "franquicia", "Star Wars Collection"),
    ("cuántas películas tiene la saga de indiana jones", "franquicia", "Indiana Jones Collection"),
    ("¿Cuánto recaudaron las pelis de Star Wars?", "franquicia", "Star Wars Collection"),
    ("how much did the james bond movies make", "franquicia", "James Bond Collection"),
    ("james bond films", "franquicia", "James Bond Collection"),
    ("collection back to the future", "franquicia", "Back to the Future Collection"),
    # -- companies ---------------------------------------------------------------------------------
    ("cuántas películas hizo pixar", "productora", PIXAR),
    ("pelis de pixar", "productora", PIXAR),
    ("cuanto ha recaudado warner bros", "productora", "Warner Bros."),
    ("¿cuántas películas produjo paramount?", "productora", "Paramount Pictures"),
    ("how many movies did pixar make", "productora", PIXAR),
    # -- money -------------------------------------------------------------------------------------
    ("¿cuánto ganó titanic?", "retorno", 597),
    ("cuanto costo jurassic park", "retorno", 329),
    ("presupuesto de forrest gump", "retorno", 13),
    ("¿fue rentable waterworld?", "retorno", 9804),
    ("retorno titanic", "retorno", 597),
    ("what was the budget of toy story", "retorno", 862),
    ("how much did titanic earn?", "retorno", 597),
    ("box office of jurassic park", "retorno", 329),
    ("was waterworld profitable", "retorno", 9804),
    # -- something like ----------------------------------------------------------------------------
    ("recomiéndame algo como alien", "recomendar", 348),
    ("películas parecidas a toy story", "recomendar", 862),
    ("algo parecido a jurassic park", "recomendar", 329),
    ("me gustó pulp fiction, ¿qué veo?", "recomendar", 680),
    ("pelis tipo terminator", "recomendar", 218),
    ("something like the matrix", "recomendar", 603),
    ("movies similar to alien", "recomendar", 348),
    ("recommend me something like heat", "recomendar", 949),
    ("if i liked fight club what should i watch", "recomendar", 550),
]


@pytest.fixture(scope="module")
def router(real_data_dir: Path) -> Router:
    return Router(MovieService.from_data_dir(real_data_dir))


def test_the_table_is_realistic_and_large_enough() -> None:
    assert len(TABLE) >= 60
    assert len({text for text, _, _ in TABLE}) == len(TABLE)
    commands = {command for _, command, _ in TABLE}
    assert commands == {
        "mes",
        "dia",
        "pais",
        "franquicia",
        "productora",
        "retorno",
        "recomendar",
        "pelicula",
    }


def test_plain_words_reach_the_right_question_and_entity(router: Router) -> None:
    right, asked_back, wrong = [], [], []
    for text, command, entity in TABLE:
        routed = router.route(text)
        if isinstance(routed, Route) and (routed.command, routed.value) == (command, entity):
            right.append(text)
        elif isinstance(routed, Readings) or (
            isinstance(routed, Route) and routed.value is None and routed.command == command
        ):
            asked_back.append((text, routed))
        else:
            wrong.append((text, routed))
    share = len(right) / len(TABLE)
    print(*asked_back, sep="\n")
    print(
        f"\nplain words: {len(right)}/{len(TABLE)} right ({share:.0%}), "
        f"{len(asked_back)} asked back, {len(wrong)} wrong"
    )
    assert not wrong, wrong
    assert share >= 0.9, asked_back


@pytest.mark.parametrize(("text", "command", "entity"), TABLE[:3] + TABLE[31:33] + TABLE[-3:])
def test_a_routed_message_answers_like_its_command(
    router: Router, text: str, command: str, entity: int | str
) -> None:
    answer = router.answer(text)
    assert answer.command == command
    assert router.service.key_for(answer) is not None  # answered, not asked back


def test_a_name_that_reads_several_ways_is_asked_back(router: Router) -> None:
    fox = router.route("fox")
    assert isinstance(fox, Readings)
    commands = {route.command for route in fox.routes}
    assert commands == {"productora", "pelicula"}  # companies called Fox, films with "fox"
    assert fox.routes[0].value == "Twentieth Century Fox Film Corporation"  # the best known
    assert ("pelicula", 10948) in {(r.command, r.value) for r in fox.routes}  # The Fox and…
    friday = router.route("friday")
    assert isinstance(friday, Readings)
    assert {(r.command, r.value) for r in friday.routes} >= {("dia", 4), ("pelicula", 10634)}
    answer = router.answer("friday")
    assert isinstance(answer, a.ClarifyAnswer)
    assert {(r.command, r.choice.key) for r in answer.readings} >= {
        ("dia", "5"),
        ("pelicula", "#10634"),
    }


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hola", "greeting"),
        ("¿qué tal?", "greeting"),
        ("gracias!", "thanks"),
        ("asdfgh", "unknown"),
        ("👍", "unknown"),
        ("cuantas peliculas se estrenaron en navidad", "unknown"),
        ("help", "greeting"),
        ("¿qué puedes hacer?", "greeting"),
        ("no", "ack"),
        ("ok 👍", "ack"),
        # the question is clear but names no film: the reply asks which one
        ("recomiéndame algo", "recomendar"),
        ("recommend me something", "recomendar"),
        ("parecidas", "recomendar"),
        ("¿cuánto recaudó?", "retorno"),
        ("how much did it make", "retorno"),
    ],
)
def test_nothing_recognised_is_said_so(router: Router, text: str, kind: str) -> None:
    assert router.route(text) == NotUnderstood(text, kind)
    answer = router.answer(text, turn=4)
    assert answer == a.NotUnderstoodAnswer(text, kind, 4)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("películas de terror", "?g11"),
        ("peliculas de 1995", "?y1995-1995"),
        ("best movies of 1994", "?y1994-1994"),
    ],
)
def test_what_was_not_understood_is_now_a_query(router: Router, text: str, key: str) -> None:
    """Genres, years and bests, once "not understood", are answered by the query model."""
    assert router.route(text) == Route("buscar", key, key)


def test_a_plain_command_name_still_asks_back_about_its_argument(router: Router) -> None:
    answer = router.answer("mes juio")
    assert isinstance(answer, a.AmbiguousAnswer)
    assert [c.value for c in answer.choices][:2] == [6, 7]


def test_routing_is_deterministic_and_fast(router: Router) -> None:
    texts = [text for text, _, _ in TABLE]
    first = [router.route(text) for text in texts]
    started = time.perf_counter()
    again = [router.route(text) for text in texts]
    elapsed = time.perf_counter() - started
    assert again == first
    assert elapsed / len(texts) < 0.05  # a generous bound; benchmarks/bench_queries.py measures


@pytest.mark.parametrize(
    ("text", "command", "value"),
    [
        ("alien 3", "pelicula", 8077),  # Alien³ (the sequel number read as ³), not Alien
        ("disney", "productora", "Walt Disney Pictures"),  # the curated alias
    ],
)
def test_a_sequel_number_or_a_curated_alias_is_answered_at_once(
    router: Router, text: str, command: str, value: object
) -> None:
    routed = router.route(text)
    assert isinstance(routed, Route), routed
    assert (routed.command, routed.value) == (command, value)


@pytest.mark.parametrize(
    ("text", "offered", "not_offered"),
    [
        ("jurassic world", ("pelicula", 330), ("productora", "World Productions")),
        (
            "star trek",
            ("franquicia", "Star Trek: The Original Series Collection"),
            ("franquicia", "Star Wars Collection"),
        ),
        ("home", ("productora", "Media Home Entertainment"), None),  # or Home Alone…
    ],
)
def test_words_beyond_a_name_or_a_loose_match_are_asked_about(
    router: Router, text: str, offered: tuple[str, object], not_offered: tuple[str, object] | None
) -> None:
    routed = router.route(text)
    assert isinstance(routed, Readings), routed
    readings = {(r.command, r.value) for r in routed.routes}
    assert offered in readings
    assert not_offered not in readings


@pytest.mark.parametrize(
    "text",
    [
        "¿cuántas películas se estrenaron en diciembre de 1997?",
        "estrenos diciembre 1997",
        "diciembre de 1997",
        "films released in december 1997",
        "mes diciembre 1997",
    ],
)
def test_a_month_with_a_year_is_answered_for_that_year(router: Router, text: str) -> None:
    routed = router.route(text)
    assert isinstance(routed, Route) and routed.command == "mes"
    assert routed.argument == "12 1997"  # also what its buttons (the chart) ask again
    answer = router.answer(text)
    assert isinstance(answer, a.MonthAnswer) and (answer.month, answer.year) == (12, 1997)
    assert answer.count == facts.in_month(12, year=1997)
    # a month alone still counts every year
    assert router.answer("estrenos de diciembre") == router.service.answer("mes", "diciembre")


@pytest.mark.parametrize(
    ("text", "command", "person"),
    [
        ("pelis de tom hanks", "actor", 31),
        ("películas de tarantino", "director", 138),
        ("en qué películas sale harrison ford", "actor", 3),
        ("¿cuántas películas dirigió joel coen?", "director", 1223),
        ("peliculas de spielberg", "director", 488),
    ],
)
def test_a_person_alone_is_their_films(
    router: Router, text: str, command: str, person: int
) -> None:
    """A person known mostly as a director means their directed films."""
    assert router.route(text) == Route(command, f"@{person}", f"@{person}")


def test_two_people_who_fit_are_asked_about(router: Router) -> None:
    routed = router.route("pelis de coen")
    assert isinstance(routed, Readings)
    assert [r.name for r in routed.routes] == ["Joel Coen", "Ethan Coen"]
