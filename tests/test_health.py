"""``/health`` means "the API can answer" (what Render's health check needs), with the bot's state
in the body; ``/health/telegram`` and ``ready`` are for monitors of the bot. A token Telegram
rejects, or a Bot API out of reach, never keeps the service from going live."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bot.loading import load_service
from bot.telegram.config import Config
from bot.web.app import create_app
from bot.web.runtime import Runtime
from bot.web.webhook import TelegramWebhook, WebhookSettings
from data_prep.pipeline import prepare
from data_prep.sample import sample_files
from handlers.service import MovieService
from tests.e2e.emulator import LOOPBACK, Emulator
from tests.e2e.test_bot_e2e import TOKEN, bot_env, free_port
from tests.e2e.test_serve_e2e import http, start_serve, stop

REJECTED = "Telegram rejected TELEGRAM_BOT_TOKEN; copy it again from @BotFather."


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return load_service(real_data_dir)


def webhook(tmp_path: Path) -> TelegramWebhook:
    config = Config(token=TOKEN, data_dir=tmp_path)
    return TelegramWebhook(config, WebhookSettings("https://x.example/tg", "/tg", "s3cret"))


def get(client: TestClient, path: str) -> tuple[int, dict[str, Any]]:
    response = client.get(path)
    return response.status_code, response.json()


def test_the_bot_s_state_is_in_the_body_and_never_fails_the_health_check(
    service: MovieService, tmp_path: Path
) -> None:
    telegram = webhook(tmp_path)
    client = TestClient(create_app(Runtime.with_service(service, telegram)))

    status, body = get(client, "/health")  # getMe not answered yet
    assert (status, body["status"], body["telegram"], body["ready"]) == (
        200,
        "ok",
        "starting",
        False,
    )
    assert body["movies"] == len(service.movies) and body["sample"] is False
    assert get(client, "/health/telegram") == (
        503,
        {"telegram": "starting", "ready": False, "last_update_age_s": None},
    )

    telegram.problem = "cannot reach the Bot API at api.telegram.org (httpx.ConnectError: boom)"
    status, body = get(client, "/health")
    assert status == 200
    assert body["telegram"] == (
        "error: cannot reach the Bot API at api.telegram.org (httpx.ConnectError: boom); retrying"
    )

    telegram.state, telegram.problem = "failed", REJECTED
    status, body = get(client, "/health")
    assert (status, body["telegram"], body["ready"]) == (200, f"error: {REJECTED}", False)
    assert get(client, "/health/telegram")[0] == 503
    assert get(client, "/peliculas_mes/enero")[0] == 200  # the API answers all along


def test_a_sample_catalog_says_so(tmp_path: Path) -> None:
    prepare(sample_files(), tmp_path / "data")
    client = TestClient(create_app(Runtime.with_service(load_service(tmp_path / "data"))))
    status, body = get(client, "/health")
    assert (status, body["sample"], body["telegram"], body["ready"]) == (200, True, "off", True)


def test_no_catalog_is_503_whatever_the_bot(tmp_path: Path) -> None:
    client = TestClient(create_app(Runtime(tmp_path, webhook(tmp_path))))  # nothing loads
    status, body = get(client, "/health")
    assert (status, body["status"], body["telegram"], body["ready"]) == (
        503,
        "loading",
        "starting",
        False,
    )
    assert body["sample"] is None


async def _serve_until(
    env: dict[str, str], tmp_path: Path, telegram_state: str
) -> tuple[dict[str, Any], dict[str, Any], int, str]:
    """Start ``pelibot serve``, wait for /health's telegram to start with ``telegram_state``;
    the body of /health and of /health/telegram, the status of an API call, the log."""
    port = free_port()
    base = f"http://{LOOPBACK}:{port}"
    env = env | {"PELIBOT_WEBHOOK_URL": f"{base}/tg"}
    log = tmp_path / "serve.log"
    process = start_serve(env, port, tmp_path, log)
    try:
        for _ in range(600):
            status, raw = await asyncio.to_thread(http, base + "/health")
            if status == 200 and json.loads(raw)["telegram"].startswith(telegram_state):
                break
            if process.poll() is not None:
                pytest.fail(f"pelibot serve exited ({process.returncode}):\n{log.read_text()}")
            await asyncio.sleep(0.1)
        else:
            pytest.fail(f"/health never said {telegram_state}:\n{log.read_text()}")
        health = json.loads(raw)
        status, raw = await asyncio.to_thread(http, base + "/health/telegram")
        assert status == 503
        telegram = json.loads(raw)
        api = (await asyncio.to_thread(http, base + "/peliculas_pais/reino%20unido"))[0]
    finally:
        await asyncio.to_thread(stop, process)
    return health, telegram, api, log.read_text()


async def test_serve_with_a_rejected_token_goes_live_and_says_why_the_bot_is_silent(
    real_data_dir: Path, tmp_path: Path
) -> None:
    emulator = Emulator("111:the-real-token")
    await emulator.start()
    try:
        env = bot_env(emulator.base_url, real_data_dir, tmp_path)
        health, telegram, api, log = await _serve_until(env, tmp_path, "error")
    finally:
        await emulator.stop()
    assert health["telegram"] == f"error: {REJECTED}"
    assert health["status"] == "ok" and health["ready"] is False
    assert telegram["telegram"] == f"error: {REJECTED}"
    assert api == 200
    assert log.count(REJECTED) == 1, log
    assert f"{REJECTED} The bot is silent; the API is served as usual." in log
    assert TOKEN not in log


async def test_serve_with_the_bot_api_out_of_reach_goes_live_and_keeps_trying(
    real_data_dir: Path, tmp_path: Path
) -> None:
    closed = f"http://{LOOPBACK}:9/bot"
    env = bot_env(closed, real_data_dir, tmp_path) | {"PELIBOT_BOOTSTRAP_RETRIES": "-1"}
    health, telegram, api, log = await _serve_until(env, tmp_path, "error")
    assert health["telegram"] == (
        f"error: cannot reach the Bot API at {closed} (httpx.ConnectError: All connection "
        "attempts failed); retrying"
    )
    assert health["status"] == "ok" and api == 200
    assert telegram["ready"] is False
    said = [line for line in log.splitlines() if "cannot reach the Bot API" in line]
    assert len(said) == 1, log  # the first failure, not one line per retry


async def test_an_empty_placeholder_raw_file_is_explained_in_health(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a one-file mount leaves in a volume: the build's own reason reaches /health."""
    monkeypatch.delenv("PELIBOT_RAW_CSV", raising=False)
    monkeypatch.chdir(tmp_path)
    raw = tmp_path / "data" / "raw" / "movies_metadata.csv"
    raw.parent.mkdir(parents=True)
    raw.touch()
    runtime = Runtime(tmp_path / "data", retry_seconds=0.05)
    runtime.start()
    try:
        for _ in range(600):
            if runtime.state == "no_catalog":
                break
            await asyncio.sleep(0.1)
        status, body = runtime.health()
    finally:
        await runtime.stop()
    assert (status, body["status"]) == (503, "no_catalog")
    assert body["detail"].startswith(
        f"Could not build the catalog from {raw}: {raw} is empty (0 bytes). If it sits in a "
        "container's volume, it is the placeholder Docker leaves there for a one-file mount"
    )
    assert "mount the folder of the raw files instead" in body["detail"]
