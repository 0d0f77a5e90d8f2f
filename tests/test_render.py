"""Replies in Spanish and English: numbers, unknowns, escaping and Telegram's length limit."""

from __future__ import annotations

import json

import pytest

from bot.render import (
    TELEGRAM_LIMIT,
    choice_label,
    command_menu,
    help_html,
    language_of,
    money,
    render_html,
    render_text,
    start_html,
    to_json,
    usage_lines,
)
from handlers import answers as a
from handlers.commands import MENU, NAMES

TOY_STORY = a.MovieRef(862, "Toy Story", 1995)


def test_money_per_language() -> None:
    assert money(1_937_890_605, "es") == "US$ 1.937.890.605"
    assert money(1_937_890_605, "en") == "US$1,937,890,605"
    assert money(435_460_451.4, "es") == "US$ 435.460.451"


def test_return_reply_in_both_languages() -> None:
    answer = a.ReturnAnswer(TOY_STORY, 30_000_000, 373_554_033, 373_554_033 / 30_000_000)
    assert render_text(answer, "es").splitlines() == [
        "💰 Toy Story (1995)",
        "Presupuesto: US$ 30.000.000 (≈ 30\N{NO-BREAK SPACE}M)",
        "Recaudación: US$ 373.554.033 (≈ 374\N{NO-BREAK SPACE}M)",
        "Ganancia: US$ 343.554.033 (≈ 344\N{NO-BREAK SPACE}M)",
        "Retorno: 12,45×",
    ]
    assert render_html(answer, "en").splitlines() == [
        "💰 <b>Toy Story</b> (1995)",
        "Budget: US$30,000,000 (≈ $30M)",
        "Box office: US$373,554,033 (≈ $374M)",
        "Profit: US$343,554,033 (≈ $344M)",
        "Return: <b>12.45×</b>",
    ]


def test_unknown_budget_is_said_not_printed_as_zero() -> None:
    text = render_text(a.ReturnAnswer(a.MovieRef(1, "X", 2000), 0, 5_000_000, None), "es")
    assert "Presupuesto: sin datos" in text
    assert "US$ 0" not in text and "0,00" not in text
    assert "no se puede calcular" in text


def test_loss_is_labelled() -> None:
    text = render_text(a.ReturnAnswer(a.MovieRef(1, "Flop", 2000), 10, 4, 0.4), "en")
    assert "Loss: US$6" in text


def test_collection_with_partly_known_revenue() -> None:
    text = render_text(a.CollectionAnswer("Saga", 3, 300, 100.0, 2), "es")
    assert "Recaudación total: US$ 300" in text
    assert "Recaudación promedio: US$ 100" in text
    assert "Recaudación conocida de 2 de 3 películas." in text
    unknown = render_text(a.CompanyAnswer("Tiny", 2, 0, 0), "en")
    assert "Box office: not in the catalog." in unknown


def test_user_text_and_data_are_escaped() -> None:
    html = render_html(a.NotFoundAnswer("retorno", "<b>x</b> & co"), "es")
    assert "&lt;b&gt;x&lt;/b&gt; &amp; co" in html and "<b>x" not in html
    html = render_html(a.CompanyAnswer("A&B <Films>", 1, 10, 1), "en")
    assert "<b>A&amp;B &lt;Films&gt;</b>" in html
    html = render_html(a.UsageAnswer("retorno"), "es")
    assert "/retorno &lt;película&gt;" in html


def test_long_input_is_trimmed_and_replies_fit_telegram() -> None:
    html = render_html(a.NotFoundAnswer("pais", "ñ" * 5000), "es")
    assert len(html) < 300
    many = tuple(a.MovieRef(i, "T" * 200, 2000) for i in range(100))
    reply = render_html(a.ReturnAnswer(a.MovieRef(1, "T", 2000), 1, 1, 1.0, many), "es")
    assert len(reply) <= TELEGRAM_LIMIT and "(+92)" in reply


def test_recommendations_with_reasons() -> None:
    recs = (
        a.Recommendation(
            a.MovieRef(863, "Toy Story 2", 1999),
            a.Reason("Toy Story Collection", ("Animation", "Comedy"), ("toy", "friendship")),
        ),
        a.Recommendation(a.MovieRef(1, "X", 2001), a.Reason(genres=("Science Fiction",))),
    )
    answer = a.RecommendAnswer(TOY_STORY, recs)
    assert render_text(answer, "es").splitlines() == [
        "🍿 Si te gustó Toy Story (1995):",
        "1. Toy Story 2 (1999) — misma saga; Animación, Comedia; amistad",  # "toy": untranslated
        "2. X (2001) — Ciencia ficción",
    ]
    assert render_text(answer, "en").splitlines()[1] == (
        "1. Toy Story 2 (1999) — same collection; Animation, Comedy; toy, friendship"
    )
    data = to_json(answer)
    assert data["recommendations"][0] == {
        "id": 863,
        "title": "Toy Story 2",
        "year": 1999,
        "title_es": None,
        "reason": "misma saga; Animación, Comedia; amistad",
    }


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (a.MonthAnswer(1, 376), {"command": "mes", "month": 1, "count": 376, "year": None}),
        (
            a.MonthAnswer(12, 21, year=2000),
            {"command": "mes", "month": 12, "count": 21, "year": 2000},
        ),
        (a.WeekdayAnswer(0, 218), {"command": "dia", "weekday": 0, "count": 218}),
        (
            a.NotFoundAnswer("pais", "narnia"),
            {"command": "pais", "error": "not_found", "query": "narnia", "suggestions": []},
        ),
        (
            a.AmbiguousAnswer("mes", "ju", (a.Choice("6", 6), a.Choice("7", 7))),
            {
                "command": "mes",
                "error": "ambiguous",
                "query": "ju",
                "suggestions": ["Junio", "Julio"],
            },
        ),
    ],
)
def test_json_keys(answer: a.Answer, expected: dict[str, object]) -> None:
    assert to_json(answer) == expected
    json.dumps(to_json(answer))


def test_json_return_keys() -> None:
    data = to_json(
        a.ReturnAnswer(
            TOY_STORY, 30_000_000, 373_554_033, 12.4518011, (a.MovieRef(2, "Toy Story", 2020),)
        )
    )
    assert data == {
        "command": "retorno",
        "id": 862,
        "title": "Toy Story",
        "year": 1995,
        "title_es": None,
        "budget": 30_000_000,
        "revenue": 373_554_033,
        "return": 12.4518011,
        "profit": 343_554_033,
        "doubtful": [],
        "alternatives": [{"id": 2, "title": "Toy Story", "year": 2020, "title_es": None}],
    }
    assert to_json(a.UsageAnswer("mes"))["error"] == "usage"


def test_language_and_menus() -> None:
    assert language_of("en-GB") == "en" and language_of("es") == "es" and language_of(None) == "es"
    assert language_of("pt-br") == "es"
    es, en = dict(command_menu("es")), dict(command_menu("en"))
    assert set(es) == {c.name for c in MENU} | {"help"}
    assert set(en) == {
        "month",
        "day",
        "collection",
        "country",
        "company",
        "return",
        "recommend",
        "movie",
        "find",
        "plot",
        "compare",
        "director",
        "actor",
        "help",
    }
    assert es["mes"] == "estrenos en un mes" and en["month"] == "releases in a month"
    for lang, names in (("es", [c.name for c in MENU]), ("en", [c.english for c in MENU])):
        for text in (help_html(lang), start_html(lang, 4489, 1874, 2016)):
            assert all(f"/{name}" in text for name in names)
            assert len(text) < TELEGRAM_LIMIT
    assert "4.489 películas, de 1874 a 2016" in start_html("es", 4489, 1874, 2016)
    assert "4,489 movies, from 1874 to 2016" in start_html("en", 4489, 1874, 2016)


def test_usage_speaks_the_users_language() -> None:
    assert usage_lines("mes", "en")[1:] == ["Usage: /month <month>", "Example: /month January"]
    assert usage_lines("mes", "es")[1:] == ["Uso: /mes <mes>", "Ejemplo: /mes enero"]
    assert to_json(a.UsageAnswer("pais"), "en")["usage"] == "Usage: /country <country>"


@pytest.mark.parametrize(
    ("answer", "lang", "expected"),
    [
        (
            a.AmbiguousAnswer("mes", "juny", (a.Choice("6", 6), a.Choice("7", 7))),
            "en",
            ["June", "July"],
        ),
        (
            a.AmbiguousAnswer("mes", "juny", (a.Choice("6", 6), a.Choice("7", 7))),
            "es",
            ["Junio", "Julio"],
        ),
        (
            a.AmbiguousAnswer("dia", "m", (a.Choice("2", 1), a.Choice("3", 2))),
            "en",
            ["Tuesday", "Wednesday"],
        ),
        (
            a.AmbiguousAnswer(
                "pais",
                "corea",
                (a.Choice("KR", "KR", "South Korea"), a.Choice("KP", "KP", "North Korea")),
            ),
            "es",
            ["Corea del Sur", "Corea del Norte"],
        ),
        (
            a.AmbiguousAnswer("pais", "corea", (a.Choice("KR", "KR", "South Korea"),)),
            "en",
            ["South Korea"],
        ),
    ],
)
def test_choices_are_labelled_in_the_users_language(
    answer: a.AmbiguousAnswer, lang: str, expected: list[str]
) -> None:
    assert [choice_label(answer.command, c, lang) for c in answer.choices] == expected
    assert to_json(answer, lang)["suggestions"] == expected
    text = render_text(answer, lang)
    assert all(f"• {label}" in text for label in expected)
    assert "•" not in render_html(answer, lang)  # Telegram shows them as buttons only


def test_spanish_agreement_comes_from_the_catalog() -> None:
    assert "entre las sagas" in render_text(a.NotFoundAnswer("franquicia", "x"))
    assert "entre los meses" in render_text(a.NotFoundAnswer("mes", "x"))
    assert "entre las películas" in render_text(a.NotFoundAnswer("retorno", "x"))
    assert render_text(a.MonthAnswer(2, 1)).startswith("🗓️ En febrero se estrenó 1 película ")
    assert "se estrenaron 2 películas" in render_text(a.MonthAnswer(2, 2))
    assert "1 movie was released" in render_text(a.MonthAnswer(2, 1), "en")
    assert "3 movies were released" in render_text(a.MonthAnswer(2, 3), "en")


def test_both_catalogs_have_the_same_keys_and_fields() -> None:
    from string import Formatter

    from bot.i18n import CATALOGS

    es, en = CATALOGS["es"], CATALOGS["en"]
    assert set(es) == set(en)
    for name in NAMES:
        for part in ("description", "argument", "example"):
            assert f"cmd.{name}.{part}" in es

    def fields(entry: object) -> set[str]:
        forms = entry.values() if isinstance(entry, dict) else [entry]
        return {f for form in forms for _, f, _, _ in Formatter().parse(str(form)) if f}

    for key in es:
        assert fields(es[key]) == fields(en[key]), key


def test_a_card_shows_the_spanish_title_and_never_states_a_doubtful_return() -> None:
    movie = a.MovieRef(3082, "Modern Times", 1936, title_es="Tiempos modernos")
    card = a.FilmAnswer(
        movie,
        ("Comedy",),
        87,
        8.1,
        881,
        1,
        8_500_000,
        8_500_000.0,
        None,
        None,
        None,
        doubtful=("budget", "return"),
    )
    lines = render_text(card, "es").splitlines()
    assert lines[0] == "🎬 Tiempos modernos (Modern Times, 1936)"
    assert "Presupuesto: US$ 1 (dato dudoso en la fuente)" in lines
    assert not any(line.startswith("Retorno: 8") for line in lines)
    assert render_text(card, "en").splitlines()[0] == "🎬 Modern Times (1936)"
    assert to_json(card)["doubtful"] == ["budget", "return"]


def test_asking_back_with_one_choice_does_not_speak_of_several() -> None:
    one = a.AmbiguousAnswer("retorno", "godfather 2", (a.Choice("#240", 240),))
    two = a.AmbiguousAnswer("mes", "ju", (a.Choice("6", 6), a.Choice("7", 7)))
    assert render_text(one).splitlines()[0] == "🤔 «godfather 2»: ¿es esto lo que buscas?"
    assert render_text(one, "en").splitlines()[0] == (
        "🤔 “godfather 2”: is this what you are looking for?"
    )
    assert render_text(two).splitlines()[0] == "🤔 «ju» puede ser varias cosas. ¿Cuál buscas?"


def test_a_question_that_names_no_film_asks_which_one() -> None:
    spanish = render_text(a.NotUnderstoodAnswer("recomiéndame algo", "recomendar"))
    assert spanish.splitlines()[0].startswith("🍿 ¿Parecidas a cuál?")
    english = render_text(a.NotUnderstoodAnswer("how much did it make", "retorno"), "en")
    assert english.splitlines()[0].startswith("💰 Which film?")
    assert len(english.splitlines()) == 4  # and three examples to tap


def test_a_month_of_a_year_without_films_says_so_in_words() -> None:
    none = a.MonthAnswer(3, 0, year=2005, years=(1918, 2013))
    assert render_text(none).splitlines()[0] == (
        "🗓️ En marzo de 2005 no se estrenó ninguna película del catálogo."
    )
    assert render_text(none, "en").splitlines()[0] == (
        "🗓️ No film of the catalog was released in March 2005."
    )
    one = a.MonthAnswer(3, 1, year=2005, years=(1918, 2013))
    assert render_text(one).splitlines()[0] == "🗓️ En marzo de 2005 se estrenó 1 película."
