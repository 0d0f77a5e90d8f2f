"""What people type for films, collections and studios, in Spanish and English, on the real slice.

The table (``tests/names_table.py``) names the entity each row means. A row is answered with that
entity; the few in ``ASKED_BACK`` may instead be asked back about, with the right one among the
choices. No row may be answered with another entity, and names the catalog does not have are
never guessed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.render import choice_label, render_html, render_text
from data_prep.curated import load_company_aliases, load_spanish_titles
from handlers import answers as a
from handlers.catalog import load_catalog
from handlers.matching import NameIndex, title_aliases
from handlers.service import MovieService
from handlers.text import fold_glued, key_variants
from tests.data import facts
from tests.names_table import ASKED_BACK, COLLECTIONS, COMPANIES, MISSES, TITLES


def _entity(answer: a.Answer) -> object:
    match answer:
        case a.ReturnAnswer(movie=movie) | a.RecommendAnswer(movie=movie):
            return movie.id
        case a.CompanyAnswer(company=company) | a.CollectionAnswer(collection=company):
            return company
    return None


def _offered(answer: a.Answer) -> list[object]:
    match answer:
        case a.AmbiguousAnswer(choices=choices) | a.NotFoundAnswer(suggestions=choices):
            return [choice.value for choice in choices]
    return []


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return MovieService.from_data_dir(real_data_dir)


def test_table_is_broad() -> None:
    rows = TITLES + COMPANIES + COLLECTIONS + ASKED_BACK
    assert len(rows) >= 80
    spanish = [q for q, _ in TITLES if q.startswith(("/retorno el ", "/retorno la "))]
    assert len(spanish) >= 30 and len(COMPANIES) >= 30


@pytest.mark.parametrize(("typed", "expected"), TITLES + COMPANIES + COLLECTIONS)
def test_typed_names_find_their_entity(service: MovieService, typed: str, expected: object) -> None:
    answer = service.ask(typed)
    assert _entity(answer) == expected, answer


@pytest.mark.parametrize(("typed", "expected"), ASKED_BACK)
def test_asked_back_with_the_right_one_among_the_choices(
    service: MovieService, typed: str, expected: object
) -> None:
    answer = service.ask(typed)
    assert _entity(answer) in (None, expected), answer
    assert expected in _offered(answer)


@pytest.mark.parametrize("typed", MISSES)
def test_names_not_in_the_catalog_are_not_guessed(service: MovieService, typed: str) -> None:
    answer = service.ask(typed)
    assert isinstance(answer, a.NotFoundAnswer | a.AmbiguousAnswer), answer


def test_unrelated_titles_are_never_suggested(service: MovieService) -> None:
    # Before the similarity floor: "The Legend of 1900" for this one, "Quest for Fire" (original
    # title "La guerre du feu") for "la guerra de las galaxias", "The Thing" for "e.t.".
    answer = service.ask("/retorno el laberinto del fauno")
    assert answer == a.NotFoundAnswer("retorno", "el laberinto del fauno")
    text = render_text(answer, "es")
    assert "Prueba con el título original y el año, por ejemplo: /retorno the godfather" in text
    sequels = service.ask("/retorno toy story 3")
    assert isinstance(sequels, a.NotFoundAnswer) and _offered(sequels) == [862, 863]


# -- Spanish titles --------------------------------------------------------------------------------


def test_spanish_titles_join_on_the_real_slice(real_data_dir: Path) -> None:
    loaded = load_catalog(real_data_dir)
    report = loaded.manifest["spanish_titles"]
    titles = load_spanish_titles()
    entries = len(titles)
    # the fixture has every film of the slice a curated title is for: 546 of them
    in_fixture = {(row["title"], row["release_date"][:4]) for row in facts.kept_rows()}
    assert sum((t.title, str(t.year)) in in_fixture for t in titles) == 546
    assert (report["entries"], report["matched"]) == (entries, 546)
    assert len(report["unmatched"]) == entries - 546
    movies = loaded.movies.set_index("id")
    assert int(movies["es_es"].notna().sum()) == 546
    assert movies.loc[238, "es_es"] == "El padrino"
    assert (movies.loc[105, "es_es"], movies.loc[105, "es_419"]) == (
        "Regreso al futuro",
        "Volver al futuro",
    )


def test_spanish_replies_show_the_spanish_title_beside_the_original(service: MovieService) -> None:
    godfather = service.ask("/retorno the godfather")
    assert render_text(godfather, "es").splitlines()[0] == "💰 El padrino (The Godfather, 1972)"
    assert render_html(godfather, "es").splitlines()[0] == (
        "💰 <b>El padrino</b> (The Godfather, 1972)"
    )
    assert render_text(godfather, "en").splitlines()[0] == "💰 The Godfather (1972)"
    # the title of the country the user typed
    assert render_text(service.ask("/retorno volver al futuro"), "es").startswith(
        "💰 Volver al futuro (Back to the Future, 1985)"
    )
    assert render_text(service.ask("/retorno regreso al futuro"), "es").startswith(
        "💰 Regreso al futuro (Back to the Future, 1985)"
    )
    # no Spanish title when it is the original one
    assert render_text(service.ask("/retorno titanic"), "es").startswith("💰 Titanic (1997)")
    recommended = render_text(service.ask("/recomendar el padrino"), "es").splitlines()
    assert recommended[0] == "🍿 Si te gustó El padrino (The Godfather, 1972):"
    assert "El padrino: parte II (The Godfather: Part II, 1974)" in recommended[1]
    # asked with Latin America's title, the recommendations use Latin America's titles too
    for typed, sequel in (
        ("volver al futuro", "Volver al futuro II"),
        ("regreso al futuro", "Regreso al futuro II"),
    ):
        lines = render_text(service.ask(f"/recomendar {typed}"), "es").splitlines()
        assert lines[1].startswith(f"1. {sequel} (Back to the Future Part II, 1989)")


# -- studios ---------------------------------------------------------------------------------------


def test_every_curated_alias_answers_its_company(service: MovieService) -> None:
    aliases = load_company_aliases()
    absent = sorted({x.company for x in aliases if x.company not in service.stats.companies})
    assert absent == ["Relativity Media"]  # of later films: in the synthetic full-size vocabulary
    for alias in aliases:
        if alias.company not in absent:
            answer = service.answer("productora", alias.alias)
            assert _entity(answer) == alias.company, alias


FOX_RELATIVES = ("Fox Searchlight Pictures", "Fox 2000 Pictures", "20th Century Fox")


def test_a_company_answer_mentions_its_relatives_without_counting_them(
    service: MovieService,
) -> None:
    films = facts.company_films()  # counted with csv and ast on the fixture file
    answer = service.ask("/productora fox")
    assert isinstance(answer, a.CompanyAnswer)
    assert answer.count == films["Twentieth Century Fox Film Corporation"]
    # the fixture has every film of these three, as many as the slice
    expected = [(name, films[name]) for name in FOX_RELATIVES]
    assert (
        [(c.name, c.count) for c in answer.relatives]
        == expected
        == [("Fox Searchlight Pictures", 21), ("Fox 2000 Pictures", 18), ("20th Century Fox", 2)]
    )
    assert render_text(answer, "es").splitlines()[-1] == (
        "También (no sumadas aquí): Fox Searchlight Pictures · 21, Fox 2000 Pictures · 18, "
        "20th Century Fox · 2"
    )
    # the 1-film company called exactly what was typed is named first, whatever its size
    warner = service.ask("/productora warner bros. pictures")
    assert isinstance(warner, a.CompanyAnswer) and warner.company == "Warner Bros."
    assert (warner.relatives[0].name, warner.relatives[0].count) == ("Warner Bros. Pictures", 1)


def test_companies_asked_back_biggest_first_with_their_counts(service: MovieService) -> None:
    answer = service.ask("/productora studio")
    assert isinstance(answer, a.AmbiguousAnswer)
    counts = [choice.count or 0 for choice in answer.choices]
    assert counts == sorted(counts, reverse=True) and counts[0] == 11
    labels = [choice_label("productora", c, "es") for c in answer.choices]
    assert labels[:2] == ["StudioCanal · 11", "Universal Studios · 8"]


# -- the index, on hand-made names -----------------------------------------------------------------


def test_key_variants_and_short_names() -> None:
    assert key_variants("E.T. the Extra-Terrestrial") == [
        "e t the extra terrestrial",
        "et the extraterrestrial",
    ]
    assert key_variants("Rocky II") == ["rocky ii", "rocky 2"]
    assert key_variants("Terminator 2: Judgment Day") == [
        "terminator 2 judgment day",
        "terminator ii judgment day",
    ]
    assert key_variants("V for Vendetta") == ["v for vendetta"]  # single letters are no numerals
    assert key_variants("The Godfather: Part II") == [
        "the godfather part ii",
        "the godfather part 2",
        "the godfather ii",
        "the godfather 2",
    ]
    assert key_variants("Kill Bill: Vol. 2")[2:] == ["kill bill 2", "kill bill ii"]
    assert key_variants("Part 2 Walking Tall") == ["part 2 walking tall", "part ii walking tall"]
    assert fold_glued("Schindler's List") == "schindlers list"
    assert title_aliases("Terminator 2: Judgment Day") == ["Terminator 2"]
    assert title_aliases("E.T. the Extra-Terrestrial") == ["E.T."]
    assert title_aliases("Star Wars") == []


def test_short_and_curated_names_rank_as_documented() -> None:
    films = {1: ["Mission: Impossible"], 2: ["Mission: Impossible II"]}
    shorts = {1: ["Mission"], 2: ["Mission"]}
    index = NameIndex(films, {1: 100, 2: 50}, short=shorts)
    asked = index.lookup("mission")
    assert asked.value is None and set(asked.candidates) == {1, 2}  # two films: ask back
    assert index.exact("mission") == []  # a short name is no title of its own
    assert index.lookup("mission impossible 2").value == 2  # II ↔ 2
    with_full = NameIndex({**films, 3: ["Mission"]}, {1: 100, 2: 50, 3: 1}, short=shorts)
    assert with_full.lookup("mission").value == 3  # a full name beats short names
    studios = {10: ["Big Studio Pictures"], 11: ["Big"]}
    curated = NameIndex(studios, {10: 300, 11: 3}, curated={10: ["big"]})
    assert curated.lookup("BIG").value == 10  # heavier than the company called just "Big"
    equal = NameIndex(studios, {10: 3, 11: 3}, curated={10: ["big"]})
    assert equal.lookup("big").value == 11  # …but not than one of the same size
