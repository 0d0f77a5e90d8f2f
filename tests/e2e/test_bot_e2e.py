"""End to end: the real ``pelibot run`` process against the Bot API emulator on 127.0.0.1.

The bot is started before the emulator listens (it must retry until the API comes up), then
users talk to it in private chats, in a group and through inline mode, press buttons and send a
burst of 200 messages. Every wait is bounded; the process is always stopped at the end.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import pytest_asyncio

from handlers.catalog import load_catalog
from tests.e2e.emulator import LOOPBACK, BotApiError, Call, Emulator

pytestmark = pytest.mark.asyncio(loop_scope="module")

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "987654321:E2E-secret-token_do-not-log"
STARTUP_SECONDS = 60.0
APOLOGY = "Uy, algo falló al responder. Prueba otra vez en un momento."


def es(number: int) -> str:
    """A count as the Spanish renderer writes it: 1.234."""
    return f"{number:,}".replace(",", ".")


@dataclass
class Bot:
    process: subprocess.Popen[bytes]
    log: Path
    heartbeat: Path
    env: dict[str, str]

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def bot_env(base_url: str, data_dir: Path, tmp: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEGRAM_", "PELIBOT_")) and "proxy" not in key.lower()
    }
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=base_url,
        PELIBOT_DATA_DIR=str(data_dir),
        PELIBOT_HEARTBEAT_FILE=str(tmp / "heartbeat"),
        PELIBOT_POLL_TIMEOUT="2",
        PELIBOT_BOOTSTRAP_RETRIES="10",
        NO_PROXY="127.0.0.1,localhost",
        PYTHONPATH=str(ROOT),
        PYTHONUNBUFFERED="1",
    )
    return env


def start_bot(env: dict[str, str], cwd: Path, log: Path) -> subprocess.Popen[bytes]:
    """The real ``pelibot run`` process, its output going to ``log``."""
    with log.open("wb") as sink:
        return subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"],
            cwd=cwd,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )


async def wait_until(condition: Any, timeout: float, what: str, bot: Bot | None = None) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if bot is not None and bot.process.poll() is not None:
            pytest.fail(f"pelibot run exited ({bot.process.returncode}):\n{bot.output()}")
        if time.monotonic() > deadline:
            extra = f"\n{bot.output()}" if bot is not None else ""
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}{extra}")
        await asyncio.sleep(0.05)


@pytest.fixture(scope="module")
def catalog(real_data_dir: Path) -> pd.DataFrame:
    return load_catalog(real_data_dir).movies


@pytest.fixture(scope="module")
def tmp_module(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("e2e")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def harness(real_data_dir: Path, tmp_module: Path) -> AsyncIterator[tuple[Emulator, Bot]]:
    """The bot process, started first, and the emulator, started once the bot is connecting."""
    emulator = Emulator(TOKEN)
    port = free_port()
    env = bot_env(f"http://{LOOPBACK}:{port}/bot", real_data_dir, tmp_module)
    log = tmp_module / "bot.log"
    process = start_bot(env, tmp_module, log)
    bot = Bot(process, log, tmp_module / "heartbeat", env)
    try:
        await wait_until(lambda: "connecting to" in bot.output(), STARTUP_SECONDS, "startup", bot)
        await asyncio.sleep(1.0)  # the first getMe has failed by now: the API is "not up yet"
        await emulator.start(port)
        await emulator.wait_count(lambda c: c.method == "setMyCommands", 2, timeout=30)
        yield emulator, bot
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        await emulator.stop()


async def converse(
    emulator: Emulator,
    text: str,
    user: dict[str, Any],
    chat: dict[str, Any] | None = None,
    timeout: float = 10.0,
) -> tuple[dict[str, Any], Call]:
    """Send ``text`` and wait for the bot's next message in that chat."""
    chat = chat or Emulator.private_chat(user)
    mark = emulator.mark()
    update = await emulator.send(chat, user, text)
    reply = await emulator.wait_for(
        lambda c: c.method == "sendMessage" and c.params.get("chat_id") == chat["id"],
        after=mark,
        timeout=timeout,
    )
    assert reply.error is None, reply.error
    return update["message"], reply


def keyboard(call: Call) -> dict[str, str]:
    """Button text → callback data (or URL, for link buttons)."""
    markup = call.params.get("reply_markup") or {"inline_keyboard": []}
    return {
        b["text"]: b.get("callback_data") or b["url"]
        for row in markup["inline_keyboard"]
        for b in row
    }


async def next_message(emulator: Emulator, chat: dict[str, Any], after: int) -> Call:
    call = await emulator.wait_for(
        lambda c: c.method == "sendMessage" and c.params.get("chat_id") == chat["id"], after=after
    )
    assert call.error is None, call.error
    return call


ANA = Emulator.user(5001, "Ana", "es")
JOHN = Emulator.user(5002, "John", "en")
GROUP = Emulator.group_chat(-1005001, "Cine & <amigos>")


async def test_bot_waits_for_the_api_then_sets_both_menus(harness: tuple[Emulator, Bot]) -> None:
    emulator, bot = harness
    assert [c.method for c in emulator.calls[:1]] == ["getMe"]
    assert [c["command"] for c in emulator.commands[""]][:2] == ["mes", "dia"]
    assert emulator.commands["en"][0]["description"] == "releases in a month"
    await wait_until(bot.heartbeat.exists, 10, "the heartbeat file", bot)
    health = subprocess.run(
        [sys.executable, "-m", "bot.cli", "health"],
        env=bot.env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert health.returncode == 0, health.stderr
    assert health.stdout.strip() == "healthy"


async def test_private_chat_every_command_with_real_figures(
    harness: tuple[Emulator, Bot], catalog: pd.DataFrame
) -> None:
    emulator, _ = harness
    months = catalog["release_date"].dt.month
    weekdays = catalog["release_date"].dt.day_of_week
    uk = catalog["production_country_codes"].map(lambda codes: "GB" in list(codes))
    toy = catalog[catalog["collection"] == "Toy Story Collection"]
    pixar = catalog[
        catalog["production_companies"].map(lambda c: "Pixar Animation Studios" in list(c))
    ]
    expectations = {
        "/retorno toy story": [
            "Toy Story (1995)",
            "Presupuesto: US$ 30.000.000",
            "Recaudación: US$ 373.554.033",
            "Retorno: 12,45×",
        ],
        "/mes enero": [f"{es(int((months == 1).sum()))} películas", "enero"],
        "/dia sábado": [f"{es(int((weekdays == 5).sum()))} películas", "sábado"],
        "/pais reino unido": [f"{es(int(uk.sum()))} películas", "Reino Unido"],
        "/franquicia toy story": [
            f"Películas: {len(toy)}",
            f"Recaudación total: US$ {es(int(toy['revenue'].sum()))}",
        ],
        "/productora pixar": [
            f"Películas: {len(pixar)}",
            f"Recaudación total: US$ {es(int(pixar['revenue'].sum()))}",
        ],
        "/recomendar toy story": ["Si te gustó Toy Story (1995)", "1. Toy Story 2 (1999)"],
    }
    for text, fragments in expectations.items():
        _, reply = await converse(emulator, text, ANA)
        shown = reply.result["text"]
        for fragment in fragments:
            assert fragment in shown, (text, fragment, shown)
        assert "reply_parameters" not in reply.params


async def test_english_speaker_gets_english(harness: tuple[Emulator, Bot]) -> None:
    emulator, _ = harness
    _, reply = await converse(emulator, "/return toy story", JOHN)
    assert "Budget: US$30,000,000" in reply.result["text"]
    assert "Box office: US$373,554,033" in reply.result["text"]


async def test_a_bare_title_gets_a_card_with_its_poster_and_working_buttons(
    harness: tuple[Emulator, Bot], catalog: pd.DataFrame
) -> None:
    emulator, _ = harness
    titanic = catalog.set_index("id").loc[597]
    _, card = await converse(emulator, "titanic", ANA)
    text = card.result["text"]
    assert text.startswith("🎬 Titanic (1997)")
    assert f"Presupuesto: US$ {es(int(titanic['budget']))}" in text
    assert f"⭐ {titanic['vote_average']:.1f}".replace(".", ",") in text
    poster = f"https://image.tmdb.org/t/p/w342{titanic['poster_path']}"
    assert card.params["link_preview_options"]["url"] == poster
    assert card.params["link_preview_options"]["is_disabled"] is False
    assert card.result["link_preview_options"]["prefer_small_media"] is True
    buttons = keyboard(card)
    assert buttons["IMDb"] == f"https://www.imdb.com/title/{titanic['imdb_id']}/"
    assert buttons["TMDB"] == "https://www.themoviedb.org/movie/597"
    mark = emulator.mark()
    await emulator.press(card.result, ANA, buttons["🍿 Parecidas"])
    similar = await next_message(emulator, Emulator.private_chat(ANA), mark)
    assert "Si te gustó Titanic (1997)" in similar.result["text"]
    assert "1. " in similar.result["text"]


async def test_plain_words_questions_and_accented_commands(
    harness: tuple[Emulator, Bot], catalog: pd.DataFrame
) -> None:
    emulator, _ = harness
    months = catalog["release_date"].dt.month
    saturdays = int((catalog["release_date"].dt.day_of_week == 5).sum())
    january = es(int((months == 1).sum()))
    _, reply = await converse(emulator, "¿Cuántas películas se estrenaron en enero? 🍿", ANA)
    assert f"En enero se estrenaron {january} películas" in reply.result["text"]
    _, reply = await converse(emulator, "/día sábado", ANA)
    assert f"{es(saturdays)} películas se estrenaron un sábado" in reply.result["text"]
    _, reply = await converse(emulator, "how many films came out in july?", JOHN)
    assert f"{int((months == 7).sum())} movies were released in July" in reply.result["text"]


async def test_an_edited_question_gets_its_answer_updated(
    harness: tuple[Emulator, Bot], catalog: pd.DataFrame
) -> None:
    emulator, _ = harness
    april = int((catalog["release_date"].dt.month == 4).sum())
    asked, reply = await converse(emulator, "pelis de marzo", ANA)
    mark = emulator.mark()
    await emulator.edit(asked, "pelis de abril")
    edit = await emulator.wait_for(lambda c: c.method == "editMessageText", after=mark)
    assert edit.error is None
    assert edit.params["message_id"] == reply.result["message_id"]
    assert f"En abril se estrenaron {es(april)} películas" in edit.result["text"]
    await asyncio.sleep(0.3)
    assert not any(c.method == "sendMessage" for c in emulator.calls[mark:])


async def test_a_mention_in_a_group_is_answered(harness: tuple[Emulator, Bot]) -> None:
    emulator, _ = harness
    asked, reply = await converse(
        emulator, "@pelibot_test_bot how much did titanic earn?", JOHN, GROUP
    )
    assert reply.params["reply_parameters"]["message_id"] == asked["message_id"]
    assert "Profit: US$1,645,034,188" in reply.result["text"]


async def test_start_example_buttons_answer_at_once(harness: tuple[Emulator, Bot]) -> None:
    emulator, _ = harness
    _, start = await converse(emulator, "/start", ANA)
    assert "titanic 1953" in start.result["text"]
    assert "@pelibot_test_bot" in start.result["text"]
    buttons = keyboard(start)
    assert len(buttons) == 4
    mark = emulator.mark()
    await emulator.press(start.result, ANA, buttons["Titanic"])
    card = await next_message(emulator, Emulator.private_chat(ANA), mark)
    assert card.result["text"].startswith("🎬 Titanic (1997)")


async def test_command_without_argument_shows_its_usage(harness: tuple[Emulator, Bot]) -> None:
    emulator, _ = harness
    _, reply = await converse(emulator, "/productora", ANA)
    assert "Uso: /productora <productora>" in reply.result["text"]
    assert "Ejemplo: /productora pixar" in reply.result["text"]


async def test_group_chat_quotes_and_ignores_what_is_not_for_it(
    harness: tuple[Emulator, Bot],
) -> None:
    emulator, _ = harness
    mark = emulator.mark()
    asked, reply = await converse(emulator, "/mes@pelibot_test_bot enero", ANA, GROUP)
    assert reply.params["reply_parameters"]["message_id"] == asked["message_id"]
    assert reply.result["reply_to_message"]["message_id"] == asked["message_id"]
    ignored = [
        (await emulator.send(GROUP, ANA, text))["message"]["message_id"]
        for text in ("/mes@other_movie_bot enero", "¿vamos al cine el sábado?", "/start@otro_bot")
    ]
    asked, reply = await converse(emulator, "/dia@pelibot_test_bot sábado", JOHN, GROUP)
    assert reply.params["reply_parameters"]["message_id"] == asked["message_id"]
    assert "were released on a Saturday" in reply.result["text"]
    await asyncio.sleep(0.5)  # time enough for any (wrong) answer to the ignored messages
    in_group = [c for c in emulator.calls[mark:] if c.params.get("chat_id") == GROUP["id"]]
    assert len(in_group) == 2
    assert not any(c.params["reply_parameters"]["message_id"] in ignored for c in in_group)


async def test_did_you_mean_button_and_chart_button(harness: tuple[Emulator, Bot]) -> None:
    emulator, _ = harness
    _, question = await converse(emulator, "/franquicia star", ANA)
    buttons = keyboard(question)
    assert list(buttons)[:2] == [  # biggest first, with their number of films
        "Star Trek: The Original Series Collection · 6",
        "Star Wars Collection · 4",
    ]
    mark = emulator.mark()
    await emulator.press(question.result, ANA, buttons["Star Wars Collection · 4"])
    edit = await emulator.wait_for(lambda c: c.method == "editMessageText", after=mark)
    assert edit.error is None
    assert edit.params["message_id"] == question.result["message_id"]
    assert "Star Wars Collection" in edit.result["text"] and "Películas: 4" in edit.result["text"]
    await emulator.wait_for(lambda c: c.method == "answerCallbackQuery", after=mark)
    chart = keyboard(edit)["📊 Gráfico"]
    mark = emulator.mark()
    await emulator.press(emulator.message(ANA["id"], edit.result["message_id"]), ANA, chart)
    photo = await emulator.wait_for(lambda c: c.method == "sendPhoto", after=mark, timeout=20)
    assert photo.error is None
    assert photo.files["photo"].startswith(b"\x89PNG\r\n\x1a\n")


async def test_stale_button_gets_a_polite_answer(harness: tuple[Emulator, Bot]) -> None:
    emulator, _ = harness
    _, question = await converse(emulator, "/retorno hamlet", ANA)
    mark = emulator.mark()
    await emulator.press(question.result, ANA, "retorno #123456789")
    answered = await emulator.wait_for(lambda c: c.method == "answerCallbackQuery", after=mark)
    assert answered.params["text"].startswith("Ese botón ya no sirve")
    await asyncio.sleep(0.3)
    assert not any(c.method == "editMessageText" for c in emulator.calls[mark:])


async def test_inline_query_from_any_chat(harness: tuple[Emulator, Bot]) -> None:
    emulator, _ = harness
    mark = emulator.mark()
    await emulator.inline_query(JOHN, "toy story")
    call = await emulator.wait_for(lambda c: c.method == "answerInlineQuery", after=mark)
    assert call.error is None
    first = call.params["results"][0]
    assert first["title"] == "Toy Story (1995)"
    assert "Budget US$30,000,000" in first["description"]
    assert len(call.params["results"]) <= 10


async def test_user_text_is_escaped_end_to_end(harness: tuple[Emulator, Bot]) -> None:
    emulator, _ = harness
    _, reply = await converse(emulator, "/retorno <b>x</b> & <i>", ANA)
    assert "<b>x</b> & <i>" in reply.result["text"]  # the emulator parsed the HTML like Telegram


async def test_a_5xx_blip_is_retried_and_only_a_lasting_failure_is_apologised_for(
    harness: tuple[Emulator, Bot],
) -> None:
    emulator, _ = harness
    emulator.blip(1, 500, "Internal Server Error")
    mark = emulator.mark()
    await emulator.send(Emulator.private_chat(ANA), ANA, "/mes enero")
    sent = await emulator.wait_count(lambda c: c.method == "sendMessage", 2, after=mark)
    assert sent[0].error == "Internal Server Error"
    assert "películas" in sent[1].result["text"]  # the answer, not an apology
    emulator.blip(3, 502, "Bad Gateway")
    mark = emulator.mark()
    await emulator.send(Emulator.private_chat(ANA), ANA, "/mes enero")
    sent = await emulator.wait_count(lambda c: c.method == "sendMessage", 4, after=mark)
    assert [c.error for c in sent] == ["Bad Gateway"] * 3 + [None]
    assert sent[3].result["text"] == APOLOGY
    _, reply = await converse(emulator, "/mes enero", ANA)
    assert "películas" in reply.result["text"]


async def test_an_unparseable_update_is_skipped_and_the_bot_stays_healthy(
    harness: tuple[Emulator, Bot],
) -> None:
    emulator, bot = harness
    lines = len(bot.output().splitlines())
    bad = await emulator.send_unparseable(Emulator.private_chat(ANA), ANA)
    _, reply = await converse(emulator, "/retorno toy story", ANA)
    assert "Toy Story (1995)" in reply.result["text"]
    polls = emulator.polls
    await asyncio.sleep(1.0)
    assert emulator.polls - polls <= 3  # long polls (2 s), not a loop on the same batch
    new = bot.output().splitlines()[lines:]
    assert len(new) <= 3, new
    assert sum(f"unparseable update {bad['update_id']}" in line for line in new) == 1, new
    emulator.inject["getUpdates"] = [BotApiError(502, "Bad Gateway")] * 2  # polls fail twice
    _, reply = await converse(emulator, "/mes enero", ANA, timeout=15)
    assert "películas" in reply.result["text"]
    assert "Traceback" not in bot.output()
    health = subprocess.run(
        [sys.executable, "-m", "bot.cli", "health"],
        env=bot.env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert health.returncode == 0, health.stderr


async def test_burst_of_200_updates_from_20_users_all_answered(
    harness: tuple[Emulator, Bot],
) -> None:
    emulator, _ = harness
    users = [Emulator.user(9000 + n, f"User{n}", "en" if n % 4 == 0 else "es") for n in range(20)]
    questions = [
        "/mes enero",
        "/dia lunes",
        "/retorno heat",
        "/pais francia",
        "/productora pixar",
        "/franquicia toy story",
        "/recomendar batman",
        "/retorno titanic",
        "/mes",
        "/help",
    ]
    emulator.inject["sendMessage"] = [
        BotApiError(429, "Too Many Requests: retry after 1", retry_after=1)
    ]
    mark = emulator.mark()
    started = time.monotonic()
    for question in questions:
        for user in users:
            await emulator.send(Emulator.private_chat(user), user, question)
    ids = {user["id"] for user in users}
    answered = await emulator.wait_count(
        lambda c: c.method == "sendMessage" and c.error is None and c.params["chat_id"] in ids,
        200,
        after=mark,
        timeout=40,
    )
    elapsed = time.monotonic() - started
    assert len(answered) == 200
    per_user = {uid: sum(c.params["chat_id"] == uid for c in answered) for uid in ids}
    assert set(per_user.values()) == {10}
    assert not any(c.result["text"] == APOLOGY for c in answered)
    retried = [c for c in emulator.calls[mark:] if c.error and c.error.startswith("Too Many")]
    assert len(retried) == 1  # flood control waited and sent it again
    print(f"burst: 200 updates answered in {elapsed:.1f} s")


async def test_stops_cleanly_and_never_logs_the_token(harness: tuple[Emulator, Bot]) -> None:
    _, bot = harness
    bot.process.send_signal(signal.SIGTERM)
    code = await asyncio.to_thread(bot.process.wait, 20)
    output = bot.output()
    assert code == 0, output
    assert TOKEN not in output and TOKEN.split(":")[1] not in output
    assert "pelibot is up as @pelibot_test_bot" in output
