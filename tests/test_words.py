"""Plain words, film cards, edits, media and the first minute in Telegram, on the real slice.

Same set-up as ``test_handlers``: real python-telegram-bot objects, Bot API calls answered
in-process by the emulator (which checks HTML, buttons, URLs and link previews like Telegram).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from telegram.ext import Application

from bot.charts import ChartMaker
from bot.telegram.app import ALLOWED_UPDATES, build_application
from bot.telegram.common import ChatData
from bot.telegram.config import Config
from bot.telegram.replies import REMEMBERED, answer_to, remember
from handlers.service import MovieService
from tests.data import facts
from tests.e2e.emulator import BotApiError, Call, Emulator, EmulatorRequest
from tests.test_handlers import ANA, BOB, GROUP, TOKEN, ask, buttons, deliver, only_message


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return MovieService.from_data_dir(real_data_dir)


@pytest.fixture
def emulator() -> Emulator:
    return Emulator(TOKEN)


@pytest_asyncio.fixture
async def app(
    emulator: Emulator, service: MovieService, tmp_path: Path
) -> AsyncIterator[Application]:
    config = Config(token=TOKEN, data_dir=tmp_path, heartbeat_file=tmp_path / "beat")
    application = build_application(
        config,
        service,
        charts=ChartMaker(service.movies, service.stats),
        request=EmulatorRequest(emulator),
        get_updates_request=EmulatorRequest(emulator),
    )
    await application.initialize()
    yield application
    await application.shutdown()


# counted with the csv module on the fixture file (tests/data/facts.py)
es = facts.spanish
JANUARY = f"En enero se estrenaron {es(facts.in_month(1))} películas"
TITANIC_POSTER = "https://image.tmdb.org/t/p/w342/kHXEpyfl6zqn8a6YuozZUujufXf.jpg"


def urls(call: Call) -> dict[str, str]:
    markup = call.params.get("reply_markup") or {"inline_keyboard": []}
    return {b["text"]: b["url"] for row in markup["inline_keyboard"] for b in row if "url" in b}


async def press(
    app: Application, emulator: Emulator, message: dict[str, Any], data: str
) -> list[Call]:
    mark = emulator.mark()
    await deliver(app, await emulator.press(message, ANA, data))
    return emulator.calls[mark:]


async def test_a_bare_title_gets_its_card_with_poster_buttons_and_links(
    app: Application, emulator: Emulator
) -> None:
    card = only_message(await ask(app, emulator, "Titanic"))
    text = card.result["text"]
    assert text.splitlines()[0] == "🎬 Titanic (1997)"
    for fragment in (
        "Drama, Romance, Suspense · 3 h 14 min",
        "⭐ 7,5/10 (7.770 votos)",
        "Presupuesto: US$ 200.000.000",
        "Recaudación: US$ 1.845.034.188",
        "Retorno: 9,23×",
        "Otras con ese título: Titanic (1953)",
    ):
        assert fragment in text, (fragment, text)
    assert card.params["link_preview_options"] == {
        "is_disabled": False,
        "url": TITANIC_POSTER,
        "prefer_small_media": True,
        "show_above_text": False,
    }
    assert dict(buttons(card)) == {
        "💰 Retorno": "e retorno #597",
        "🍿 Parecidas": "e recomendar #597",
        "📊 Gráfico": "g retorno #597",
        "Titanic (1953)": "pelicula #16535",
        "🎬 James Cameron": "e director @2710",
        "🎭 Kate Winslet": "e actor @204",
        "🎭 Leonardo DiCaprio": "e actor @6193",
        "🎭 Billy Zane": "e actor @1954",
    }
    assert urls(card) == {
        "TMDB": "https://www.themoviedb.org/movie/597",
        "IMDb": "https://www.imdb.com/title/tt0120338/",
    }


async def test_card_buttons_answer_in_a_new_message(app: Application, emulator: Emulator) -> None:
    card = only_message(await ask(app, emulator, "toy story"))
    offered = dict(buttons(card))
    assert offered["🎬 Saga"].startswith("e franquicia ~")
    calls = await press(app, emulator, card.result, offered["🍿 Parecidas"])
    assert [c.method for c in calls] == ["answerCallbackQuery", "sendMessage"]
    assert "1. Toy Story 2 (1999)" in calls[1].result["text"]
    calls = await press(app, emulator, card.result, offered["🎬 Saga"])
    assert "Toy Story Collection" in calls[1].result["text"]
    assert "US$ 870.920.902" in calls[1].result["text"]
    assert emulator.message(ANA["id"], card.result["message_id"])["text"] == card.result["text"]


async def test_another_film_of_the_title_edits_the_card(
    app: Application, emulator: Emulator
) -> None:
    card = only_message(await ask(app, emulator, "titanic"))
    calls = await press(app, emulator, card.result, dict(buttons(card))["Titanic (1953)"])
    edit = next(c for c in calls if c.method == "editMessageText")
    assert edit.error is None
    assert edit.result["text"].startswith("🎬 Titanic (1953)")
    assert "Presupuesto: US$ 1.805.000" in edit.result["text"]
    assert edit.params["link_preview_options"]["url"].startswith("https://image.tmdb.org/")


async def test_the_card_command_by_every_name(app: Application, emulator: Emulator) -> None:
    for text in (
        "/pelicula jumanji",
        "/peli jumanji",
        "/film jumanji",
        "/movie jumanji",
        "/película jumanji",
    ):
        card = only_message(await ask(app, emulator, text))
        assert card.result["text"].startswith("🎬 Jumanji (1995)"), text


async def test_plain_words_questions_in_a_private_chat(
    app: Application, emulator: Emulator
) -> None:
    saturday, uk = es(facts.on_weekday(5)), es(facts.from_country("GB"))
    cases = {
        "¿cuántas películas se estrenaron en enero?": JANUARY,
        "cuantas pelis salieron un sabado": f"{saturday} películas se estrenaron un sábado",
        "películas producidas en el reino unido": f"Reino Unido (GB): {uk} películas",
        "¿cuánto recaudó la saga de toy story?": "US$ 870.920.902",
        "¿cuánto ganó titanic?": "Ganancia: US$ 1.645.034.188",
        "recomiéndame algo como alien": "Si te gustó Alien: el octavo pasajero (Alien, 1979)",
        "pixar": "Pixar Animation Studios",
    }
    for text, expected in cases.items():
        answer = only_message(await ask(app, emulator, text))
        assert expected in answer.result["text"], (text, answer.result["text"])
    english = only_message(await ask(app, emulator, "how many films came out in july?", BOB))
    assert f"{facts.in_month(7):,} movies were released in July" in english.result["text"]


async def test_a_name_that_reads_several_ways_asks_with_buttons(
    app: Application, emulator: Emulator
) -> None:
    question = only_message(await ask(app, emulator, "friday"))
    assert "puede ser varias cosas" in question.result["text"]
    offered = dict(buttons(question))
    assert offered["📅 Viernes (día)"] == "dia 5"
    assert offered["🎬 Friday (1995)"] == "pelicula #10634"
    calls = await press(app, emulator, question.result, offered["📅 Viernes (día)"])
    edit = next(c for c in calls if c.method == "editMessageText")
    assert "se estrenaron un viernes" in edit.result["text"]


async def test_not_understood_varies_and_its_examples_answer_at_once(
    app: Application, emulator: Emulator
) -> None:
    first = only_message(await ask(app, emulator, "asdfgh"))
    second = only_message(await ask(app, emulator, "qwerty uiop"))
    assert first.result["text"] != second.result["text"]
    assert buttons(first) != buttons(second) and len(buttons(first)) == 3
    assert all(data.startswith("e ") for _, data in buttons(first) + buttons(second))
    label, data = buttons(first)[0]
    assert label == "¿Cuántas películas se estrenaron en enero?" and data == "e mes 1"
    calls = await press(app, emulator, first.result, data)
    assert JANUARY in calls[-1].result["text"]


async def test_an_edited_question_updates_its_answer(app: Application, emulator: Emulator) -> None:
    chat = Emulator.private_chat(ANA)
    update = await emulator.send(chat, ANA, "pelis de enero")
    mark = emulator.mark()
    await deliver(app, update)
    answer = only_message(emulator.calls[mark:])
    mark = emulator.mark()
    await deliver(app, await emulator.edit(update["message"], "pelis de febrero"))
    [edit] = emulator.calls[mark:]
    assert edit.method == "editMessageText" and edit.error is None
    assert edit.params["message_id"] == answer.result["message_id"]
    assert "En febrero se estrenaron" in edit.result["text"]
    # a command edited into a film: the answer becomes its card, poster and all
    update = await emulator.send(chat, ANA, "/mes enero")
    await deliver(app, update)
    mark = emulator.mark()
    await deliver(app, await emulator.edit(update["message"], "/pelicula titanic"))
    [edit] = emulator.calls[mark:]
    assert edit.result["text"].startswith("🎬 Titanic (1997)")
    assert edit.result["link_preview_options"]["url"] == TITANIC_POSTER


async def test_an_edit_whose_answer_cannot_be_edited_gets_a_new_reply(
    app: Application, emulator: Emulator
) -> None:
    update = await emulator.send(Emulator.private_chat(ANA), ANA, "enero")
    await deliver(app, update)
    emulator.inject["editMessageText"] = [
        BotApiError(400, "Bad Request: message to edit not found")
    ]
    mark = emulator.mark()
    await deliver(app, await emulator.edit(update["message"], "marzo"))
    calls = emulator.calls[mark:]
    assert [c.method for c in calls] == ["editMessageText", "sendMessage"]
    assert "En marzo se estrenaron" in calls[1].result["text"]


async def test_groups_answer_mentions_and_replies_only(
    app: Application, emulator: Emulator
) -> None:
    assert await ask(app, emulator, "¿vemos titanic el sábado?", chat=GROUP) == []
    asked = await emulator.send(GROUP, ANA, "@pelibot_test_bot ¿cuánto ganó titanic?")
    mark = emulator.mark()
    await deliver(app, asked)
    reply = only_message(emulator.calls[mark:])
    assert "Ganancia: US$ 1.645.034.188" in reply.result["text"]
    assert reply.params["reply_parameters"]["message_id"] == asked["message"]["message_id"]
    follow_up = await emulator.send(GROUP, BOB, "and toy story?", reply_to=reply.result)
    mark = emulator.mark()
    await deliver(app, follow_up)
    assert only_message(emulator.calls[mark:]).result["text"].startswith("🎬 Toy Story (1995)")
    assert await ask(app, emulator, "@otro_bot titanic", chat=GROUP) == []
    hello = only_message(await ask(app, emulator, "@pelibot_test_bot", chat=GROUP))
    assert hello.result["text"].startswith("👋 ¡Hola!") and len(buttons(hello)) == 3


def test_media_and_edits_are_among_the_updates_asked_for() -> None:
    assert "edited_message" in ALLOWED_UPDATES and "message" in ALLOWED_UPDATES


async def test_media_in_a_private_chat_gets_a_one_line_hint(
    app: Application, emulator: Emulator
) -> None:
    for kind, user, expected in (
        ("sticker", ANA, "Solo leo texto"),
        ("photo", BOB, "only read"),
        ("voice", ANA, "Solo leo texto"),
    ):
        mark = emulator.mark()
        await deliver(app, await emulator.send_media(Emulator.private_chat(user), user, kind))
        hint = only_message(emulator.calls[mark:])
        assert expected in hint.result["text"] and "\n" not in hint.result["text"]
    mark = emulator.mark()
    await deliver(app, await emulator.send_media(GROUP, ANA, "sticker"))
    assert emulator.calls[mark:] == []


async def test_start_and_help_offer_examples_that_answer_at_once(
    app: Application, emulator: Emulator
) -> None:
    start = only_message(await ask(app, emulator, "/start"))
    text = start.result["text"]
    assert f"{es(facts.films())} películas" in text
    assert "titanic 1953" in text and "@pelibot_test_bot" in text
    offered = buttons(start)
    assert len(offered) == 4 and all(data.startswith("e ") for _, data in offered)
    calls = await press(app, emulator, start.result, dict(offered)["Titanic"])
    assert calls[-1].result["text"].startswith("🎬 Titanic (1997)")
    assert calls[-1].params["link_preview_options"]["url"] == TITANIC_POSTER
    english = only_message(await ask(app, emulator, "/help", user=BOB))
    assert "a title (“titanic”) or a question" in english.result["text"]
    assert "How many films came out in January?" in dict(buttons(english))


async def test_inline_results_show_the_poster(app: Application, emulator: Emulator) -> None:
    mark = emulator.mark()
    await deliver(app, await emulator.inline_query(ANA, "titanic"))
    [call] = emulator.calls[mark:]
    assert call.error is None
    thumbnails = {r["title"]: r.get("thumbnail_url") for r in call.params["results"]}
    assert thumbnails["Titanic (1997)"] == TITANIC_POSTER


def test_the_answers_remembered_for_edits_are_bounded() -> None:
    chat_data = ChatData()
    for asked in range(REMEMBERED + 50):
        remember(chat_data, asked, asked + 1000)
    assert answer_to(chat_data, 0) is None
    assert answer_to(chat_data, REMEMBERED + 49) == REMEMBERED + 1049
    assert answer_to(None, 1) is None


async def test_each_recommendation_is_a_button_that_opens_its_card(
    app: Application, emulator: Emulator
) -> None:
    reply = only_message(await ask(app, emulator, "/recomendar toy story"))
    offered = buttons(reply)
    assert offered[0] == ("🎬 Toy Story 2 (1999)", "e pelicula #863")
    assert len([label for label, _ in offered if label.startswith("🎬 ")]) == 5
    calls = await press(app, emulator, reply.result, offered[0][1])
    assert [c.method for c in calls] == ["answerCallbackQuery", "sendMessage"]
    assert calls[1].result["text"].startswith("🎬 Toy Story 2 (1999)")
    assert "Presupuesto:" in calls[1].result["text"]


async def test_the_director_of_the_film_talked_about(app: Application, emulator: Emulator) -> None:
    card = only_message(await ask(app, emulator, "¿quién dirigió fargo?"))
    assert card.result["text"].startswith("🎬 Dirección: Joel Coen, Ethan Coen")
    question = only_message(await ask(app, emulator, "¿qué otras películas dirigió?"))
    offered = dict(buttons(question))
    assert list(offered) == ["🎬 Joel Coen (dirección)", "🎬 Ethan Coen (dirección)"]
    calls = await press(app, emulator, question.result, offered["🎬 Joel Coen (dirección)"])
    answer = next(c for c in calls if c.method in ("editMessageText", "sendMessage"))
    assert "Joel Coen dirigió" in answer.result["text"]
