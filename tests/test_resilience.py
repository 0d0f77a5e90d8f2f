"""Faults of the Bot API, in process: the application of ``bot.telegram.app`` against the emulator.

Unparseable updates, late answers, 5xx blips and refused connections (the fault switches of
``tests/e2e/emulator.py``). Where timeouts or connections matter the bot talks real HTTP to the
emulator on 127.0.0.1; elsewhere the in-process ``EmulatorRequest``. Every wait is bounded.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
import pytest_asyncio
from telegram import Update
from telegram.ext import Application
from telegram.request import BaseRequest, HTTPXRequest

from bot.telegram import health
from bot.telegram.app import build_application
from bot.telegram.config import Config
from handlers.service import MovieService
from tests.data import facts
from tests.e2e.emulator import Call, Emulator, EmulatorRequest

TOKEN = "123456789:resilience-test-token"
ANA = Emulator.user(1001, "Ana", "es")
CHAT = Emulator.private_chat(ANA)
APOLOGY = "Uy, algo falló al responder. Prueba otra vez en un momento."
JANUARY = f"{facts.in_month(1)} películas"  # /mes enero, counted with csv on the fixture

AppFactory = Callable[..., Awaitable[Application]]


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return MovieService.from_data_dir(real_data_dir)


@pytest_asyncio.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emulator = Emulator(TOKEN)
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest_asyncio.fixture
async def make_app(
    emulator: Emulator, service: MovieService, tmp_path: Path
) -> AsyncIterator[AppFactory]:
    """Build (and initialise) applications; over real HTTP unless a request is given."""
    built: list[Application] = []

    async def make(
        request: BaseRequest | None = None, get_updates_request: BaseRequest | None = None
    ) -> Application:
        config = Config(
            token=TOKEN,
            data_dir=tmp_path,
            base_url=emulator.base_url,
            heartbeat_file=tmp_path / "beat",
        )
        app = build_application(
            config, service, request=request, get_updates_request=get_updates_request
        )
        await app.initialize()
        built.append(app)
        return app

    yield make
    for app in built:
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()


async def ask(app: Application, emulator: Emulator, text: str) -> list[Call]:
    """Deliver ``text`` from Ana and return the sendMessage calls the bot made for it."""
    mark = emulator.mark()
    update = await emulator.send(CHAT, ANA, text)
    await app.process_update(Update.de_json(update, app.bot))
    return [call for call in emulator.calls[mark:] if call.method == "sendMessage"]


@asynccontextmanager
async def polling(app: Application) -> AsyncIterator[None]:
    """The application fetching updates with PTB's own Updater, as ``pelibot run`` does."""
    assert app.updater is not None
    await app.updater.start_polling(timeout=1)
    await app.start()
    try:
        yield
    finally:
        await app.updater.stop()
        await app.stop()


# ---- 6: one unparseable update must not deafen the bot -----------------------------------------


async def test_an_unparseable_update_is_skipped_once_and_the_bot_keeps_answering(
    make_app: AppFactory, emulator: Emulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    in_process = EmulatorRequest(emulator)
    app = await make_app(request=in_process, get_updates_request=EmulatorRequest(emulator))
    with caplog.at_level(logging.INFO):
        async with polling(app):
            bad = await emulator.send_unparseable(CHAT, ANA)
            polls = emulator.polls
            mark = emulator.mark()
            await emulator.send(CHAT, ANA, "/mes enero")
            reply = await emulator.wait_for(
                lambda c: c.method == "sendMessage", after=mark, timeout=5
            )
            await asyncio.sleep(0.5)
            polls = emulator.polls - polls
    assert JANUARY in reply.result["text"]
    assert (
        polls < 10
    )  # long polls, not a loop re-fetching the same batch hundreds of times a second
    skipped = [r for r in caplog.records if "unparseable" in r.getMessage()]
    assert len(skipped) == 1, [r.getMessage() for r in skipped]
    assert f"update {bad['update_id']}" in skipped[0].getMessage()
    assert "yesterday" not in skipped[0].getMessage()  # what users wrote stays out of the log
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert health.check(tmp_path / "beat") is None


async def test_the_heartbeat_means_the_polled_updates_were_handed_over(
    make_app: AppFactory, emulator: Emulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = await make_app()
    beat = tmp_path / "beat"
    assert await app.bot.get_updates(offset=0, timeout=0) == ()
    assert health.check(beat) is None  # an empty poll is a sign of life
    os.utime(beat, (0, 0))
    update = await emulator.send(CHAT, ANA, "/mes enero")
    for _ in range(3):  # a loop stuck on one batch fetches it again and again: no beat
        got = await app.bot.get_updates(offset=0, timeout=0)
        assert [u.update_id for u in got] == [update["update_id"]]
        assert beat.stat().st_mtime == 0
    await app.bot.get_updates(offset=update["update_id"] + 1, timeout=0)  # the batch went on
    assert health.check(beat) is None
    # an unparseable update arrives as an empty update carrying only its id, logged once
    bad = await emulator.send_unparseable(CHAT, ANA)
    with caplog.at_level(logging.WARNING):
        for _ in range(2):
            [stub] = await app.bot.get_updates(offset=bad["update_id"], timeout=0)
            assert stub.update_id == bad["update_id"]
            assert stub.effective_message is None and stub.effective_user is None
    assert sum("unparseable" in r.getMessage() for r in caplog.records) == 1


# ---- 7: a late answer is no failure --------------------------------------------------------------


async def test_a_slow_answer_is_awaited_not_apologised_for(
    make_app: AppFactory, emulator: Emulator
) -> None:
    app = await make_app()  # the default connection of ``pelibot run``
    emulator.slow["sendMessage"] = [6.0]
    started = time.monotonic()
    sent = await ask(app, emulator, "/mes enero")
    assert [JANUARY in call.result["text"] for call in sent] == [True]
    assert time.monotonic() - started >= 6.0


async def test_a_send_that_timed_out_is_neither_apologised_for_nor_repeated(
    make_app: AppFactory, emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    app = await make_app(request=HTTPXRequest(connection_pool_size=8, read_timeout=0.5))
    emulator.slow["sendMessage"] = [1.5]
    with caplog.at_level(logging.WARNING):
        sent = await ask(app, emulator, "/mes enero")
        await asyncio.sleep(1.5)  # time enough for any (wrong) retry or apology
    sent += [c for c in emulator.calls if c.method == "sendMessage" and c not in sent]
    assert len(sent) == 1 and JANUARY in sent[0].result["text"]  # delivered once, though late
    assert "may have arrived" in caplog.text


# ---- 8: a 5xx blip or a refused connection must not lose the answer ------------------------------


async def test_one_5xx_is_retried_and_the_answer_arrives(
    make_app: AppFactory, emulator: Emulator
) -> None:
    app = await make_app(request=EmulatorRequest(emulator))
    emulator.blip(1, 502, "Bad Gateway")
    sent = await ask(app, emulator, "/mes enero")
    assert [call.error for call in sent] == ["Bad Gateway", None]
    assert JANUARY in sent[1].result["text"]


async def test_three_5xx_in_a_row_give_up_and_then_apologise(
    make_app: AppFactory, emulator: Emulator
) -> None:
    app = await make_app(request=EmulatorRequest(emulator))
    emulator.blip(3, 500, "Internal Server Error")
    sent = await ask(app, emulator, "/mes enero")
    assert [call.error for call in sent] == ["Internal Server Error"] * 3 + [None]
    assert sent[3].result["text"] == APOLOGY
    assert [JANUARY in c.result["text"] for c in await ask(app, emulator, "/mes enero")] == [True]


async def test_a_refused_connection_is_retried_until_the_api_is_back(
    make_app: AppFactory, emulator: Emulator
) -> None:
    app = await make_app()
    update = await emulator.send(CHAT, ANA, "/mes enero")
    port = emulator.port
    await emulator.stop()  # nothing listens: the connection is refused before anything is sent

    async def back_soon() -> None:
        await asyncio.sleep(0.2)
        await emulator.start(port)

    mark = emulator.mark()
    restart = asyncio.create_task(back_soon())
    await app.process_update(Update.de_json(update, app.bot))
    await restart
    sent = [call for call in emulator.calls[mark:] if call.method == "sendMessage"]
    assert len(sent) == 1 and JANUARY in sent[0].result["text"]
