"""The Telegram handlers on the real-data fixture, driven with real python-telegram-bot objects.

Updates are built with ``Update.de_json`` and processed by the application of
``bot.telegram.app``;
the bot's Bot API calls go in-process to the emulator of ``tests/e2e/emulator.py``, which
checks them as Telegram would (HTML must parse, ≤ 4096 characters, callback data ≤ 64 bytes).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from telegram import Update
from telegram.ext import Application

from bot.charts import ChartMaker
from bot.telegram.app import build_application, set_menus
from bot.telegram.common import MAX_CALLBACK, callback_data, chart_data, choice_buttons
from bot.telegram.config import Config
from handlers.answers import AmbiguousAnswer
from handlers.commands import MENU
from handlers.service import MovieService
from tests.data import facts
from tests.e2e.emulator import BotApiError, Call, Emulator, EmulatorRequest

COMMANDS = [c.name for c in MENU]

TOKEN = "123456789:unit-test-token"
ANA = Emulator.user(1001, "Ana", "es")
BOB = Emulator.user(1002, "Bob", "en-GB")
GROUP = Emulator.group_chat(-100123, "Cine <club> & amigos")
# counted with the csv module on the fixture file (tests/data/facts.py)
JANUARY = f"{facts.in_month(1)} películas"


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return MovieService.from_data_dir(real_data_dir)


@pytest.fixture(scope="module")
def charts(service: MovieService) -> ChartMaker:
    return ChartMaker(service.movies, service.stats)


@pytest.fixture
def emulator() -> Emulator:
    return Emulator(TOKEN)


@pytest_asyncio.fixture
async def app(
    emulator: Emulator, service: MovieService, charts: ChartMaker, tmp_path: Path
) -> AsyncIterator[Application]:
    config = Config(token=TOKEN, data_dir=tmp_path, heartbeat_file=tmp_path / "beat")
    application = build_application(
        config,
        service,
        charts=charts,
        request=EmulatorRequest(emulator),
        get_updates_request=EmulatorRequest(emulator),
    )
    await application.initialize()
    yield application
    await application.shutdown()


async def deliver(app: Application, update: dict[str, Any]) -> None:
    await app.process_update(Update.de_json(update, app.bot))


async def ask(
    app: Application,
    emulator: Emulator,
    text: str,
    user: dict[str, Any] = ANA,
    chat: dict[str, Any] | None = None,
) -> list[Call]:
    """Send ``text`` as ``user`` and return the Bot API calls the bot made in response."""
    mark = emulator.mark()
    await deliver(app, await emulator.send(chat or Emulator.private_chat(user), user, text))
    return emulator.calls[mark:]


def only_message(calls: list[Call]) -> Call:
    sent = [call for call in calls if call.method == "sendMessage"]
    assert len(sent) == 1, [(call.method, call.error) for call in calls]
    assert sent[0].error is None, sent[0].error
    return sent[0]


def buttons(call: Call) -> list[tuple[str, str]]:
    markup = call.params.get("reply_markup") or {"inline_keyboard": []}
    return [
        (b["text"], b["callback_data"])
        for row in markup["inline_keyboard"]
        for b in row
        if "callback_data" in b
    ]


async def test_retorno_answers_with_spanish_figures_and_a_chart_button(
    app: Application, emulator: Emulator
) -> None:
    call = only_message(await ask(app, emulator, "/retorno toy story"))
    assert call.params["parse_mode"] == "HTML"
    text = call.result["text"]
    assert "Toy Story (1995)" in text
    assert "Presupuesto: US$ 30.000.000" in text
    assert "Recaudación: US$ 373.554.033" in text
    assert "12,45×" in text
    assert "reply_parameters" not in call.params  # private chats are not quoted
    assert buttons(call) == [("📊 Gráfico", "g retorno #862")]


async def test_english_users_get_english_answers(app: Application, emulator: Emulator) -> None:
    call = only_message(await ask(app, emulator, "/return toy story", user=BOB))
    assert "Budget: US$30,000,000" in call.result["text"]
    assert "Box office: US$373,554,033" in call.result["text"]
    assert buttons(call) == [("📊 Chart", "g retorno #862")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/mes enero", JANUARY),
        ("/dia sábado", f"{facts.on_weekday(5)} películas"),
        ("/franquicia toy story", "US$ 870.920.902"),
        ("/pais reino unido", f"{facts.from_country('GB')} películas"),
        ("/productora pixar", "US$ 1.234.179.761"),
        ("/recomendar toy story", "1. Toy Story 2 (1999)"),
        ("/month January", JANUARY),
        ("/MES Enero", JANUARY),
    ],
)
async def test_every_command_answers_from_the_catalog(
    app: Application, emulator: Emulator, text: str, expected: str
) -> None:
    call = only_message(await ask(app, emulator, text))
    assert expected in call.result["text"]


async def test_a_command_without_argument_shows_usage_and_an_example(
    app: Application, emulator: Emulator
) -> None:
    for command in COMMANDS:
        text = only_message(await ask(app, emulator, f"/{command}")).result["text"]
        assert "Uso: " in text and f"Ejemplo: /{command} " in text, text


async def test_user_text_is_escaped(app: Application, emulator: Emulator) -> None:
    call = only_message(await ask(app, emulator, "/retorno <b>zz & </i>"))
    assert "&lt;b&gt;zz &amp; &lt;/i&gt;" in call.params["text"]
    assert "<b>zz & </i>" in call.result["text"]  # Telegram shows the user's text verbatim


async def test_group_commands_quote_the_question_and_ignore_other_bots(
    app: Application, emulator: Emulator
) -> None:
    mark = emulator.mark()
    update = await emulator.send(GROUP, ANA, "/mes@pelibot_test_bot enero")
    await deliver(app, update)
    call = only_message(emulator.calls[mark:])
    asked = update["message"]["message_id"]
    assert call.params["reply_parameters"]["message_id"] == asked
    assert call.result["reply_to_message"]["text"] == "/mes@pelibot_test_bot enero"
    assert JANUARY in call.result["text"]
    assert await ask(app, emulator, "/mes@some_other_bot enero", chat=GROUP) == []
    assert await ask(app, emulator, "qué peli vemos hoy?", chat=GROUP) == []
    assert await ask(app, emulator, "/foo", chat=GROUP) == []


async def test_private_chatter_gets_examples_and_unknown_commands_a_hint(
    app: Application, emulator: Emulator
) -> None:
    hello = only_message(await ask(app, emulator, "hola, ¿qué tal?"))
    assert hello.result["text"].startswith("👋 ¡Hola!")
    assert len(buttons(hello)) == 3 and all(data.startswith("e ") for _, data in buttons(hello))
    unknown = only_message(await ask(app, emulator, "/peliculas titanic"))
    assert "No conozco el comando /peliculas" in unknown.result["text"]


async def test_start_and_help(app: Application, emulator: Emulator) -> None:
    start = only_message(await ask(app, emulator, "/start")).result["text"]
    assert "pelibot" in start and "/retorno" in start
    help_text = only_message(await ask(app, emulator, "/help")).result["text"]
    for command in COMMANDS:
        assert f"/{command} " in help_text
    english = only_message(await ask(app, emulator, "/help", user=BOB)).result["text"]
    assert "What I can answer" in english


async def test_did_you_mean_buttons_edit_the_message(app: Application, emulator: Emulator) -> None:
    question = only_message(await ask(app, emulator, "/franquicia star"))
    offered = buttons(question)
    assert ("Star Wars Collection · 4", offered[1][1]) in offered  # biggest first
    assert all(data.startswith("franquicia ~") for _, data in offered)
    assert all(len(data.encode()) <= MAX_CALLBACK for _, data in offered)
    message = question.result
    mark = emulator.mark()
    data = dict(offered)["Star Wars Collection · 4"]
    await deliver(app, await emulator.press(message, ANA, data))
    calls = emulator.calls[mark:]
    assert [call.method for call in calls] == ["answerCallbackQuery", "editMessageText"]
    edit = calls[1]
    assert edit.error is None
    assert edit.params["message_id"] == message["message_id"]
    assert "Star Wars Collection" in edit.result["text"]
    assert "Películas: 4" in edit.result["text"]
    assert "US$ 2.810.815.565" in edit.result["text"]
    saga = data.split()[1]
    assert buttons(edit) == [
        ("🎞️ Ver películas", f"e buscar ?o9,s{saga}"),
        ("📊 Gráfico", f"g franquicia {saga}"),
    ]
    # the same button again: Telegram says "not modified"; the bot stays quiet about it
    mark = emulator.mark()
    await deliver(app, await emulator.press(message, ANA, data))
    assert [c.method for c in emulator.calls[mark:]] == ["answerCallbackQuery", "editMessageText"]
    assert not any(c.method == "sendMessage" for c in emulator.calls[mark:])


async def test_same_title_alternatives_are_buttons(app: Application, emulator: Emulator) -> None:
    question = only_message(await ask(app, emulator, "/retorno hamlet"))
    offered = dict(buttons(question))
    assert offered["Hamlet (1948)"].startswith("retorno #")
    assert "📊 Gráfico" in offered
    mark = emulator.mark()
    await deliver(app, await emulator.press(question.result, ANA, offered["Hamlet (1990)"]))
    edit = next(c for c in emulator.calls[mark:] if c.method == "editMessageText")
    assert "Hamlet (1990)" in edit.result["text"]


@pytest.mark.parametrize(
    "data", ["retorno #999999999", "franquicia ~0000000000", "nonsense", "mes", "g mes 13", "g"]
)
async def test_stale_or_forged_buttons_get_a_polite_answer(
    app: Application, emulator: Emulator, data: str
) -> None:
    question = only_message(await ask(app, emulator, "/franquicia star"))
    mark = emulator.mark()
    await deliver(app, await emulator.press(question.result, ANA, data))
    calls = emulator.calls[mark:]
    assert [call.method for call in calls] == ["answerCallbackQuery"]
    assert calls[0].params["text"] == "Ese botón ya no sirve. Vuelve a preguntar con el comando."


async def test_chart_button_sends_a_png_photo(app: Application, emulator: Emulator) -> None:
    question = only_message(await ask(app, emulator, "/mes enero"))
    films, (label, data) = buttons(question)
    assert films == ("🎞️ Ver películas", "e buscar ?m1")
    assert (label, data) == ("📊 Gráfico", "g mes 1")
    mark = emulator.mark()
    await deliver(app, await emulator.press(question.result, ANA, data))
    calls = emulator.calls[mark:]
    assert [c.method for c in calls] == ["answerCallbackQuery", "sendChatAction", "sendPhoto"]
    photo = calls[2]
    assert photo.files["photo"].startswith(b"\x89PNG\r\n\x1a\n")
    assert photo.params["reply_parameters"]["message_id"] == question.result["message_id"]
    assert "enero" in photo.params["caption"]


async def test_inline_mode_offers_movie_cards(app: Application, emulator: Emulator) -> None:
    mark = emulator.mark()
    await deliver(app, await emulator.inline_query(ANA, "toy story"))
    [call] = emulator.calls[mark:]
    assert call.method == "answerInlineQuery" and call.error is None
    results = call.params["results"]
    assert 1 <= len(results) <= 10
    first = results[0]
    assert (first["id"], first["title"]) == ("862", "Toy Story (1995)")
    assert "US$ 30.000.000" in first["description"]
    assert "US$ 373.554.033" in first["description"]
    assert "Toy Story 2" in first["description"]
    message = first["input_message_content"]["message_text"]
    assert "Presupuesto: US$ 30.000.000" in message and "Si te gustó" in message
    assert call.params["cache_time"] == 300 and call.params["is_personal"] is True


async def test_inline_mode_short_or_unknown_queries(app: Application, emulator: Emulator) -> None:
    mark = emulator.mark()
    await deliver(app, await emulator.inline_query(BOB, "t"))
    [call] = emulator.calls[mark:]
    assert call.params["results"] == []
    assert call.params["button"]["text"] == "Type a movie title"


async def test_errors_are_logged_and_apologised_for(
    app: Application, emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    refused = "Bad Request: can't parse entities: unsupported tag at 0"  # not worth a retry
    emulator.inject["sendMessage"] = [BotApiError(400, refused)]
    with caplog.at_level(logging.ERROR, logger="bot.telegram.errors"):
        calls = await ask(app, emulator, "/mes enero")
    sent = [call for call in calls if call.method == "sendMessage"]
    assert [call.error for call in sent] == [refused, None]
    assert sent[1].result["text"] == "Uy, algo falló al responder. Prueba otra vez en un momento."
    assert "error while handling an update" in caplog.text
    # and the bot goes on answering
    assert JANUARY in only_message(await ask(app, emulator, "/mes enero")).result["text"]


async def test_menus_in_both_languages_and_a_failure_is_only_a_warning(
    app: Application, emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    await set_menus(app)
    assert [c["command"] for c in emulator.commands[""]] == [*COMMANDS, "help"]
    assert emulator.commands[""][0]["description"] == "estrenos en un mes"
    assert emulator.commands["en"][0]["description"] == "releases in a month"
    assert [c["command"] for c in emulator.commands["en"]] == [
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
    ]
    emulator.inject["setMyCommands"] = [BotApiError(400, "Bad Request: BOT_COMMAND_INVALID")]
    with caplog.at_level(logging.WARNING, logger="pelibot"):
        await set_menus(app)
    assert "could not set the es command menu" in caplog.text


def test_callback_data_of_every_collection_and_company_fits(service: MovieService) -> None:
    movies = service.movies
    names = {
        "franquicia": sorted(set(movies["collection"].dropna())),
        "productora": sorted({c for cell in movies["production_companies"] for c in cell}),
    }
    assert set(names["franquicia"]) == facts.collections()
    assert set(names["productora"]) == set(facts.company_films())
    for command, values in names.items():
        for name in values:
            answer = service.answer(command, name)
            for _, data in choice_buttons(answer, "es"):
                assert len(data.encode()) <= MAX_CALLBACK
            if isinstance(answer, AmbiguousAnswer):
                continue
            chart = chart_data(answer, service)
            assert chart is not None, (command, name, answer)
            assert len(chart.encode()) <= MAX_CALLBACK
            # the key reproduces the very same answer: what a tap after a restart needs
            assert service.answer(command, chart.split(" ", 2)[2]) == answer


def test_callback_data_over_64_bytes_is_left_out() -> None:
    assert callback_data("retorno", "#862") == "retorno #862"
    assert callback_data("retorno", "ñ" * 40) is None


async def test_an_answer_over_telegram_limit_is_never_sent(
    app: Application, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.telegram.common.render_html", lambda answer, lang: "x" * 4097)
    calls = await ask(app, emulator, "/mes enero")
    assert [len(call.params["text"]) for call in calls if call.method == "sendMessage"] == [
        len("Uy, algo falló al responder. Prueba otra vez en un momento.")
    ]


async def test_a_tap_too_old_to_acknowledge_still_edits_the_answer(
    app: Application, emulator: Emulator
) -> None:
    question = only_message(await ask(app, emulator, "/franquicia star"))
    data = dict(buttons(question))["Star Wars Collection · 4"]
    emulator.inject["answerCallbackQuery"] = [
        BotApiError(400, "Bad Request: query is too old and response timeout expired")
    ]
    mark = emulator.mark()
    await deliver(app, await emulator.press(question.result, ANA, data))
    calls = emulator.calls[mark:]
    assert [c.method for c in calls] == ["answerCallbackQuery", "editMessageText"]
    assert "Star Wars Collection" in calls[1].result["text"]


def test_every_name_in_the_command_table_reaches_its_command_in_telegram() -> None:
    from bot.telegram.questions import SPELLED_COMMAND
    from handlers.commands import COMMANDS as TABLE
    from handlers.commands import command_name

    for entry in TABLE:
        for name in entry.names:
            assert command_name(name) == entry.name
            if name in entry.telegram_names:
                continue  # registered as a bot command
            match = SPELLED_COMMAND.match(f"/{name} x")
            assert match is not None and command_name(match["name"]) == entry.name, name


async def test_accented_command_names_are_answered(app: Application, emulator: Emulator) -> None:
    answer = only_message(await ask(app, emulator, "/día sábado")).result["text"]
    assert "sábado" in answer and "se estrenaron" in answer
    country = only_message(await ask(app, emulator, "/país reino unido")).result["text"]
    assert "Reino Unido" in country


async def test_english_users_see_english_names(app: Application, emulator: Emulator) -> None:
    usage = only_message(await ask(app, emulator, "/mes", user=BOB)).result["text"]
    assert "Usage: /month <month>" in usage and "/mes" not in usage
    question = only_message(await ask(app, emulator, "/month juny", user=BOB))
    assert [label for label, _ in buttons(question)][:2] == ["June", "July"]
    spanish = only_message(await ask(app, emulator, "/mes juny"))
    assert [label for label, _ in buttons(spanish)][:2] == ["Junio", "Julio"]


async def test_a_follow_up_is_about_the_film_talked_about(
    app: Application, emulator: Emulator
) -> None:
    """In a private chat a question that names no film is about the last film; elsewhere
    (no film yet) the bot asks which one."""
    other = {"id": 777, "is_bot": False, "first_name": "Eva", "language_code": "es"}
    asked = only_message(await ask(app, emulator, "¿y cuánto costó?", user=other))
    assert "¿De qué película?" in asked.result["text"]
    only_message(await ask(app, emulator, "jurassic park"))
    money = only_message(await ask(app, emulator, "¿y cuánto costó?")).result["text"]
    assert "Parque Jurásico" in money and "US$ 63.000.000" in money
    similar = only_message(await ask(app, emulator, "algo parecido?")).result["text"]
    assert "Parque Jurásico" in similar and "1." in similar


async def test_a_reply_to_a_card_in_a_group_is_about_its_film(
    app: Application, emulator: Emulator
) -> None:
    card = only_message(await ask(app, emulator, "@pelibot_test_bot titanic", chat=GROUP))
    assert "Titanic (1997)" in card.result["text"]
    mark = emulator.mark()
    update = await emulator.send(GROUP, ANA, "y cuánto costó?", reply_to=card.result)
    await deliver(app, update)
    money = only_message(emulator.calls[mark:]).result["text"]
    assert "US$ 200.000.000" in money and "Titanic" in money
    # not a reply, in a group: nothing to go on, and ordinary chatter is not answered
    assert await ask(app, emulator, "y cuánto costó?", chat=GROUP) == []


async def test_movie_night_in_a_group_is_a_poll_and_cerrar_announces_the_winner(
    app: Application, emulator: Emulator
) -> None:
    calls = await ask(app, emulator, "@pelibot_test_bot qué vemos hoy? algo de terror", chat=GROUP)
    [poll_call] = [c for c in calls if c.method == "sendPoll"]
    assert poll_call.error is None
    poll = poll_call.result["poll"]
    assert len(poll["options"]) == 4 and "Terror" in poll["question"]
    titles = [o["text"] for o in poll["options"]]
    assert len(set(titles)) == 4
    emulator.vote(poll["id"], 2, voters=3)
    emulator.vote(poll["id"], 0, voters=1)
    closing = await ask(app, emulator, "/cerrar", chat=GROUP)
    assert [c.method for c in closing] == ["stopPoll", "sendMessage"]
    announced = closing[1].result["text"]
    assert announced.startswith(f"🏆 Ganó {titles[2]} con 3 votos")
    assert "Presupuesto" in announced and "⭐" in announced  # the winner's card
    # closed already: a second /cerrar says there is nothing open
    again = only_message(await ask(app, emulator, "/cerrar", chat=GROUP)).result["text"]
    assert "No hay ninguna votación abierta" in again


async def test_a_poll_closed_by_telegram_announces_its_winner(
    app: Application, emulator: Emulator
) -> None:
    calls = await ask(app, emulator, "@pelibot_test_bot what should we watch tonight", chat=GROUP)
    [poll_call] = [c for c in calls if c.method == "sendPoll"]
    poll = {**poll_call.result["poll"], "is_closed": True}
    mark = emulator.mark()
    await deliver(app, {"update_id": 900_001, "poll": poll})
    announced = only_message(emulator.calls[mark:]).result["text"]
    assert announced.startswith("🤷 Nadie votó: propongo")
    # in a private chat the same words are one pick, with another to ask for
    pick = only_message(await ask(app, emulator, "qué vemos hoy"))
    assert pick.result["text"].startswith("🎲") and ("🎲 Otra", "buscar ?ip") in buttons(pick)


async def test_a_second_tap_on_a_chart_does_not_send_it_again(
    app: Application, emulator: Emulator
) -> None:
    question = only_message(await ask(app, emulator, "/mes enero"))
    data = dict(buttons(question))["📊 Gráfico"]
    await deliver(app, await emulator.press(question.result, ANA, data))
    mark = emulator.mark()
    await deliver(app, await emulator.press(question.result, ANA, data))
    calls = emulator.calls[mark:]
    assert [c.method for c in calls] == ["answerCallbackQuery"]
    assert calls[0].params["text"] == "El gráfico ya está arriba 👆"


def test_button_labels_are_cut_at_a_word() -> None:
    from bot.telegram.common import button_label

    long = "Los caballeros de la mesa cuadrada y sus locos seguidores (Monty Python, 1975)"
    label = button_label(long)
    assert label == "Los caballeros de la mesa cuadrada y sus locos seguidores…"
    assert len(label) <= 60 and button_label("Titanic (1997)") == "Titanic (1997)"


async def test_a_card_reached_by_a_latin_american_title_keeps_it_in_its_buttons(
    app: Application, emulator: Emulator
) -> None:
    card = only_message(await ask(app, emulator, "duro de matar"))
    assert card.result["text"].startswith("🎬 Duro de matar (Die Hard, 1988)")
    data = dict(buttons(card))["💰 Retorno"]
    assert data == "e retorno #562 duro de matar"
    mark = emulator.mark()
    await deliver(app, await emulator.press(card.result, ANA, data))
    money = only_message(emulator.calls[mark:]).result["text"]
    assert money.startswith("💰 Duro de matar (Die Hard, 1988)")


async def test_a_chat_that_typed_a_latin_american_title_keeps_them(
    app: Application, emulator: Emulator
) -> None:
    eva = {"id": 778, "is_bot": False, "first_name": "Eva", "language_code": "es"}
    spain = only_message(await ask(app, emulator, "die hard", user=eva)).result["text"]
    assert spain.startswith("🎬 La jungla de cristal (Die Hard, 1988)")
    typed = only_message(await ask(app, emulator, "mi pobre angelito")).result["text"]
    assert typed.startswith("🎬 Mi pobre angelito (Home Alone, 1990)")
    later = only_message(await ask(app, emulator, "die hard")).result["text"]
    assert later.startswith("🎬 Duro de matar (Die Hard, 1988)")
