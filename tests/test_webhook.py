"""The webhook server of ``bot.telegram.webhook``, in process, with real HTTP on 127.0.0.1.

What Telegram (or anyone) may post, and the status each gets: Telegram retries a 5xx for ever,
so nothing here may produce one.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio
from telegram.error import NetworkError
from telegram.ext import Application

from bot.telegram.app import build_application
from bot.telegram.config import Config, WebhookConfig
from bot.telegram.webhook import MAX_BODY, WebhookServer, with_retries
from handlers.service import MovieService
from tests.data import facts
from tests.e2e.emulator import LOOPBACK, Emulator, EmulatorRequest
from tests.e2e.test_bot_e2e import free_port

TOKEN = "123456789:webhook-unit-token"
SECRET = "s3cret_token"
ANA = Emulator.user(1001, "Ana", "es")


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return MovieService.from_data_dir(real_data_dir)


@pytest_asyncio.fixture
async def served(
    service: MovieService, tmp_path: Path
) -> AsyncIterator[tuple[Emulator, Application, str]]:
    """The bot with its webhook server up; yields the emulator, the bot and the hook URL."""
    emulator = Emulator(TOKEN)
    hook = WebhookConfig(
        url="https://bot.example.org/tg/hook",
        listen=LOOPBACK,
        port=free_port(),
        secret=SECRET,
        path="tg/hook",
    )
    config = Config(token=TOKEN, data_dir=tmp_path, webhook=hook, heartbeat_file=tmp_path / "b")
    request = EmulatorRequest(emulator)
    app = build_application(config, service, request=request, get_updates_request=request)
    await app.initialize()
    server = WebhookServer(app, hook)
    server.start()
    try:
        yield emulator, app, f"http://{LOOPBACK}:{hook.port}/tg/hook"
    finally:
        await server.stop()
        await app.shutdown()


async def status(
    url: str,
    body: bytes | AsyncIterator[bytes],
    secret: str | None = SECRET,
    method: str = "POST",
) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    async with (
        aiohttp.ClientSession() as session,
        session.request(method, url, data=body, headers=headers) as response,
    ):
        return response.status


async def test_each_kind_of_body_gets_its_own_status_and_never_a_5xx(
    served: tuple[Emulator, Application, str],
) -> None:
    _, app, url = served
    update = json.dumps(
        {
            "update_id": 41,
            "message": {
                "message_id": 1,
                "date": 1_700_000_000,
                "chat": Emulator.private_chat(ANA),
                "from": ANA,
                "text": "/mes enero",
            },
        }
    ).encode()
    assert await status(url, update, secret=None) == 403
    assert await status(url, update, secret="wrong") == 403
    assert await status(url, b"{not json") == 400
    assert await status(url, b"\x00\xff\xfe binary") == 400
    assert await status(url, b"") == 400
    assert await status(url, b'"just a string"') == 400
    assert await status(url, b'{"message": {}}') == 400  # no update_id: not an update
    assert await status(url, b'{"update_id": 42, "message": {"date": "x"}}') == 200  # skipped
    assert await status(url, b"{" + b" " * MAX_BODY + b"}") == 413
    assert await status(url, update, method="GET") == 405
    assert app.update_queue.qsize() == 0
    assert await status(url, update) == 200
    assert app.update_queue.qsize() == 1
    queued = await app.update_queue.get()
    assert queued.update_id == 41 and queued.message is not None
    assert queued.message.text == "/mes enero"


async def test_a_chunked_body_over_the_limit_is_refused(
    served: tuple[Emulator, Application, str],
) -> None:
    _, app, url = served

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: read until the limit
        for _ in range(20):
            yield b" " * 100_000

    assert await status(url, chunks()) == 413
    assert app.update_queue.qsize() == 0


async def test_a_posted_update_is_answered(served: tuple[Emulator, Application, str]) -> None:
    emulator, app, url = served
    await app.start()
    try:
        update = await emulator.send(Emulator.private_chat(ANA), ANA, "/mes enero")
        mark = emulator.mark()
        assert await status(url, json.dumps(update).encode()) == 200
        reply = await emulator.wait_for(lambda c: c.method == "sendMessage", after=mark)
        assert f"{facts.in_month(1)} películas" in reply.result["text"]
    finally:
        await app.stop()


async def test_start_up_calls_are_retried_only_on_network_errors() -> None:
    failures = [NetworkError("down"), NetworkError("still down")]

    async def flaky() -> str:
        if failures:
            raise failures.pop(0)
        return "up"

    assert await with_retries(flaky, 2, "test", first_delay=0.01) == "up"
    failures[:] = [NetworkError("down"), NetworkError("still down")]
    with pytest.raises(NetworkError, match="still down"):
        await with_retries(flaky, 1, "test", first_delay=0.01)
