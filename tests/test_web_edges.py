"""The HTTP side's edges: hostile webhook bodies, senders that go away, bad numbers, HEAD,
redirects and the offline docs page. Nothing here may produce a 5xx or a traceback."""

from __future__ import annotations

import asyncio
import json
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.loading import load_service
from bot.telegram.config import Config
from bot.web.app import create_app
from bot.web.runtime import Runtime
from bot.web.webhook import TelegramWebhook, WebhookSettings
from handlers.service import MovieService
from tests.e2e.emulator import Emulator, EmulatorRequest

with warnings.catch_warnings():  # starlette would rather have httpx2; httpx works
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

TOKEN = "123456789:web-edges-token"
SECRET = "edge_secret"
HOOK = "/telegram"


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return load_service(real_data_dir)


@pytest.fixture
def hooked(service: MovieService, tmp_path: Path) -> Iterator[tuple[TestClient, TelegramWebhook]]:
    """The app with a Telegram side that is up (its bot talks to the emulator, not started)."""
    config = Config(token=TOKEN, data_dir=tmp_path, heartbeat_file=tmp_path / "beat")
    telegram = TelegramWebhook(config, WebhookSettings("https://x.example/telegram", HOOK, SECRET))
    from bot.telegram.app import build_application

    request = EmulatorRequest(Emulator(TOKEN))
    telegram.application = build_application(
        config, service, request=request, get_updates_request=request
    )
    telegram.state = "webhook"
    yield TestClient(create_app(Runtime.with_service(service, telegram))), telegram


@pytest.fixture(scope="module")
def client(service: MovieService) -> Iterator[TestClient]:
    with TestClient(create_app(Runtime.with_service(service))) as test_client:
        yield test_client


def post(client: TestClient, body: bytes) -> int:
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    return client.post(HOOK, content=body, headers=headers).status_code


def test_a_deeply_nested_body_is_a_bad_request_without_traceback(
    hooked: tuple[TestClient, TelegramWebhook], caplog: pytest.LogCaptureFixture
) -> None:
    client, telegram = hooked
    for depth in (1_000, 5_000):
        nested = b'{"update_id": 5, "message": ' + b"[" * depth + b"]" * depth + b"}"
        assert post(client, nested) == 400
        assert post(client, b"[" * depth + b"]" * depth) == 400
    assert len(nested) > 2_000
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert telegram.application is not None and telegram.application.update_queue.empty()


def test_update_statuses(hooked: tuple[TestClient, TelegramWebhook]) -> None:
    client, telegram = hooked
    user = Emulator.user(5, "Ana", "es")
    chat = Emulator.private_chat(user)
    message = {"message_id": 1, "date": 1, "chat": chat, "from": user, "text": "hola"}
    assert post(client, json.dumps({"update_id": 1, "message": message}).encode()) == 200
    # An update this bot cannot parse is taken (and skipped), as polling skips it: Telegram
    # would otherwise send it again and again.
    broken = message | {"date": "yesterday"}
    assert post(client, json.dumps({"update_id": 2, "message": broken}).encode()) == 200
    assert post(client, b'{"update_id": "3"}') == 400
    assert post(client, b"\xff\xfe") == 400
    assert post(client, b"") == 400
    assert telegram.application is not None
    assert telegram.application.update_queue.qsize() == 1


async def test_a_sender_that_goes_away_mid_body_is_quiet(
    hooked: tuple[TestClient, TelegramWebhook], caplog: pytest.LogCaptureFixture
) -> None:
    client, _ = hooked
    app = client.app
    sent: list[dict[str, Any]] = []
    events = iter(
        [
            {"type": "http.request", "body": b'{"update_id": 1, ', "more_body": True},
            {"type": "http.disconnect"},
        ]
    )

    async def receive() -> dict[str, Any]:
        return next(events)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": HOOK,
        "raw_path": HOOK.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"x-telegram-bot-api-secret-token", SECRET.encode()),
            (b"content-length", b"100"),
        ],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 80),
    }
    with caplog.at_level(logging.DEBUG):
        await asyncio.wait_for(app(scope, receive, send), 5)  # type: ignore[operator]
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.WARNING]
    assert not any(m.get("status", 0) >= 500 for m in sent)


@pytest.mark.parametrize(
    "path", ["/peliculas_mes/13", "/peliculas_mes/0", "/peliculas_dia/8", "/peliculas_dia/0"]
)
def test_a_month_or_weekday_number_out_of_range_is_bad_input(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 422
    body = response.json()
    assert (body["error"], body["reason"]) == ("invalid_input", "out_of_range")
    assert "12" in body["detail"] if "mes" in path else "7" in body["detail"]


def test_numbers_in_range_still_answer(client: TestClient) -> None:
    assert client.get("/peliculas_mes/12").json()["month"] == 12
    assert client.get("/peliculas_dia/7").status_code == 200


def test_head_is_answered_where_get_is(client: TestClient) -> None:
    for path in ("/health", "/peliculas_mes/enero", "/preguntar?q=hola", "/openapi.json"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code, path
        assert head.content == b""


def test_no_redirect_echoes_the_host_header(client: TestClient) -> None:
    for path in ("/peliculas_mes", "/peliculas_mes/", "/health/", "/"):
        response = client.get(path, headers={"Host": "evil.example"}, follow_redirects=False)
        location = response.headers.get("location", "")
        assert "evil.example" not in location, (path, location)
        assert response.status_code < 500


def test_the_docs_page_needs_no_other_site(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "swagger-ui" in page
    assert "http://" not in page and "https://" not in page.replace("https://fastapi", "")
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert f"/static/swagger/{asset}" in page
        response = client.get(f"/static/swagger/{asset}")
        assert response.status_code == 200 and len(response.content) > 10_000
