"""Everyday words are never a confident answer about the wrong thing.

Each row is a message people type (Spanish and English) whose words could match a title, a saga
or a company by accident ("good movie for kids" → *Kids*, "xq no me entiendes" → *Nô*, "algo
triste" → Studio Trite). The bot may read it as a query, ask back, or say it did not
understand; it may name one film, saga or company only when the row says which.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from handlers import answers as a
from handlers.router import Router
from handlers.service import MovieService

QUERY = "query"
"""Read as a query (a list, a count or a pick over filters)."""
ASK = "ask"
"""Asked back, or said it did not understand: no answer about one thing."""

ONE_THING = (
    a.FilmAnswer,
    a.ReturnAnswer,
    a.RecommendAnswer,
    a.CompanyAnswer,
    a.CollectionAnswer,
    a.CountryAnswer,
)
"""Answers about one film, saga, company or country: confident about what they name."""

TRAPS: list[tuple[str, str]] = [
    # genres and moods, in words that are also titles or companies
    ("good movie for kids", QUERY),
    ("pelis para niños", QUERY),
    ("kids movies", QUERY),
    ("comedia", QUERY),
    ("comedias", QUERY),
    ("peli de terror", QUERY),
    ("algo de miedo pero no mucho", QUERY),
    ("algo de miedo", QUERY),
    ("scary movies", QUERY),
    ("something funny", QUERY),
    ("funny movies", QUERY),
    ("algo para reir", QUERY),
    ("algo triste", QUERY),
    ("sad movies", QUERY),
    ("algo romantico", QUERY),
    ("una de amor", QUERY),
    ("pelis de amor", QUERY),
    ("accion", QUERY),
    ("peliculas de accion", QUERY),
    ("action movies", QUERY),
    ("drama", QUERY),
    ("dramas de los 90", QUERY),
    ("western", QUERY),
    ("pelis del oeste", QUERY),
    ("guerra", QUERY),
    ("pelis de guerra", QUERY),
    ("musicales", QUERY),
    ("documentales", QUERY),
    ("animadas", QUERY),
    ("dibujos animados", QUERY),
    ("pelis de navidad", QUERY),
    ("pelis de vampiros", QUERY),
    ("pelis de dinosaurios", QUERY),
    ("pelis de superheroes", QUERY),
    ("pelis para ver con mi novia", QUERY),
    ("pelis para ver en familia", QUERY),
    # bests, tops, picks, the catalog itself
    ("la mejor pelicula de la historia", QUERY),
    ("las mejores", QUERY),
    ("peliculas buenas", QUERY),
    ("good movies", QUERY),
    ("bad movies", QUERY),
    ("peliculas malas", QUERY),
    ("qué películas tienes", QUERY),
    ("random", QUERY),
    ("sorprendeme", QUERY),
    ("surprise me", QUERY),
    ("me aburro", QUERY),
    ("estoy aburrido", QUERY),
    ("i'm bored", QUERY),
    ("qué vemos hoy", QUERY),
    ("what should i watch tonight", QUERY),
    ("peliculas francesas", QUERY),
    ("japanese movies", QUERY),
    ("pelis en español", QUERY),
    # small talk and chatter: nothing to look up
    ("xq no me entiendes", ASK),
    ("no", ASK),
    ("si", ASK),
    ("ok", ASK),
    ("gracias", ASK),
    ("hola que tal", ASK),
    ("who are you", ASK),
    ("what can you do", ASK),
    ("tell me a joke", ASK),
    ("quiero llorar de la risa jaja", ASK),
    ("me da igual", ASK),
    ("no se", ASK),
    ("que me recomiendas", ASK),
    ("recomiéndame algo", ASK),
    ("¿cuánto recaudó?", ASK),
    ("de que trata", ASK),
    ("quien la dirigio", ASK),
    ("el trailer", ASK),
    ("it is what it is", ASK),
    ("up to you", ASK),
    # country codes are words when typed in lower case
    ("pelis de ben", ASK),
    ("pelis de can", ASK),
    ("algo de it", ASK),
]


@pytest.fixture(scope="module")
def router(real_data_dir: Path) -> Router:
    return Router(MovieService.from_data_dir(real_data_dir))


def test_the_table_is_large_and_has_both_kinds() -> None:
    assert len(TRAPS) >= 60
    assert len({text for text, _ in TRAPS}) == len(TRAPS)
    assert {kind for _, kind in TRAPS} == {QUERY, ASK}


@pytest.mark.parametrize(("text", "kind"), TRAPS, ids=[text for text, _ in TRAPS])
def test_everyday_words_are_no_confident_answer_about_one_thing(
    router: Router, text: str, kind: str
) -> None:
    answer = router.answer(text)
    assert not isinstance(answer, ONE_THING), answer
    if kind == QUERY:
        assert isinstance(answer, a.SearchAnswer | a.PickAnswer), answer
    else:
        assert isinstance(answer, a.NotUnderstoodAnswer | a.ClarifyAnswer | a.AmbiguousAnswer), (
            answer
        )
