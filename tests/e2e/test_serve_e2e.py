"""End to end: ``pelibot serve`` with a token — the API, /health and the Telegram webhook in one
process, against the Bot API emulator, which posts updates to the webhook with the secret."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from handlers.catalog import load_catalog
from tests.e2e.emulator import LOOPBACK, Emulator
from tests.e2e.test_bot_e2e import TOKEN, bot_env, free_port

STARTUP_SECONDS = 60.0


def http(
    url: str, *, body: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    """GET (or POST ``body``) on loopback; the status and body, status 0 when nothing listens."""
    request = urllib.request.Request(url, data=body, headers=headers or {})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=10) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (urllib.error.URLError, ConnectionError):
        return 0, b""


def start_serve(env: dict[str, str], port: int, cwd: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as sink:
        return subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve", "--host", LOOPBACK, "--port", str(port)],
            cwd=cwd,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )


async def wait_healthy(base: str, process: subprocess.Popen[bytes], log: Path) -> dict[str, Any]:
    for _ in range(int(STARTUP_SECONDS * 10)):
        status, body = await asyncio.to_thread(http, base + "/health")
        if status == 200 and json.loads(body)["ready"]:  # the catalog, and the bot too
            return dict(json.loads(body))
        if process.poll() is not None:
            pytest.fail(f"pelibot serve exited ({process.returncode}):\n{log.read_text()}")
        await asyncio.sleep(0.1)
    pytest.fail(f"pelibot serve never became healthy:\n{log.read_text()}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
            pytest.fail("pelibot serve did not stop on SIGTERM")


@pytest.fixture(scope="module")
def catalog(real_data_dir: Path) -> pd.DataFrame:
    return load_catalog(real_data_dir).movies


@pytest.mark.parametrize("optimize", ["", "2"], ids=["plain", "as-deployed-PYTHONOPTIMIZE-2"])
async def test_serve_runs_the_api_and_the_webhook_in_one_process(
    real_data_dir: Path, catalog: pd.DataFrame, tmp_path: Path, optimize: str
) -> None:
    emulator = Emulator(TOKEN)
    await emulator.start()
    port = free_port()
    base = f"http://{LOOPBACK}:{port}"
    env = bot_env(emulator.base_url, real_data_dir, tmp_path) | {
        "PELIBOT_WEBHOOK_URL": f"{base}/tg/hook",  # no secret given: one is generated
        "PORT": "1",  # --port wins over $PORT
        "PYTHONOPTIMIZE": optimize,  # "2" in the Docker image and on Render
    }
    log = tmp_path / "serve.log"
    process = start_serve(env, port, tmp_path, log)
    try:
        health = await wait_healthy(base, process, log)
        assert health["status"] == "ok"
        assert health["movies"] == len(catalog)
        assert health["telegram"] == "ok" and health["ready"] is True
        assert health["sample"] is False
        assert health["build"] == (real_data_dir / "CURRENT").read_text().strip()
        assert health["last_update_age_s"] is None  # nothing received yet

        hook = emulator.webhook
        assert hook["url"] == f"{base}/tg/hook"
        secret = hook["secret_token"]
        assert len(secret) >= 32
        assert set(hook["allowed_updates"]) == {
            "message",
            "edited_message",
            "callback_query",
            "inline_query",
            "poll",
        }
        assert {"", "en"} <= set(emulator.commands)  # menus set as in polling mode

        # A user writes; the emulator posts the update to the webhook with the secret.
        user = Emulator.user(41, "Lía", "es")
        chat = Emulator.private_chat(user)
        mark = emulator.mark()
        update = await emulator.send(chat, user, "/retorno toy story")
        assert emulator.deliveries[-1] == (update["update_id"], 200)
        reply = await emulator.wait_for(lambda c: c.method == "sendMessage", after=mark)
        assert "Presupuesto: US$ 30.000.000" in reply.result["text"]

        # The chart button works from the webhook too (matplotlib in this process).
        buttons = reply.params["reply_markup"]["inline_keyboard"]
        chart = next(
            b["callback_data"]
            for row in buttons
            for b in row
            if b["callback_data"].startswith("g ")
        )
        mark = emulator.mark()
        await emulator.press(reply.result, user, chart)
        photo = await emulator.wait_for(lambda c: c.method == "sendPhoto", after=mark, timeout=30)
        assert photo.files["photo"].startswith(b"\x89PNG")

        # Wrong or missing secret: 403, and nothing is answered.
        assert await emulator.deliver(update, secret="wrong-secret") == 403
        headers = {"Content-Type": "application/json"}
        assert http(f"{base}/tg/hook", body=b"{}", headers=headers)[0] == 403
        # Right secret, but not an update: 400; too big: 413.
        good = headers | {"X-Telegram-Bot-Api-Secret-Token": secret}
        for junk in (b"", b"\xff\xfe\x00binary", b"[1, 2]", b'{"update_id": "x"}', b"{"):
            assert http(f"{base}/tg/hook", body=junk, headers=good)[0] == 400, junk
        huge = json.dumps({"update_id": 1, "pad": "x" * 1_100_000}).encode()
        for _ in range(5):
            assert http(f"{base}/tg/hook", body=huge, headers=good)[0] == 413

        # The seed's API in the same process.
        months = catalog["release_date"].dt.month
        status, body = http(f"{base}/peliculas_mes/Enero")
        assert status == 200
        assert json.loads(body) == {
            "command": "mes",
            "month": 1,
            "count": int((months == 1).sum()),
            "year": None,
        }
        status, body = http(f"{base}/preguntar?q=/franquicia%20zzzzqqq")
        assert status == 404
        assert json.loads(body)["error"] == "not_found"

        health = json.loads(http(base + "/health")[1])
        assert health["status"] == "ok"
        assert 0 <= health["last_update_age_s"] < 60
        assert (tmp_path / "heartbeat").exists()  # beats while healthy, for `pelibot health`
    finally:
        await asyncio.to_thread(stop, process)
        await emulator.stop()
    output = log.read_text()
    assert process.returncode == 0, output
    assert TOKEN not in output
    assert secret not in output
    assert not [c for c in emulator.calls if c.method == "deleteWebhook"]  # kept for Telegram


async def test_serve_without_a_token_serves_the_api_only(
    real_data_dir: Path, tmp_path: Path
) -> None:
    env = {
        k: v
        for k, v in bot_env("http://unused", real_data_dir, tmp_path).items()
        if k not in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_BASE_URL")
    }
    port = free_port()
    base = f"http://{LOOPBACK}:{port}"
    log = tmp_path / "serve.log"
    process = start_serve(env | {"PORT": str(port)}, port, tmp_path, log)
    try:
        health = await wait_healthy(base, process, log)
        assert health["telegram"] == "off"
        assert http(f"{base}/telegram", body=b"{}")[0] == 404  # no webhook route
        status, body = http(f"{base}/peliculas_pais/reino%20unido?lang=en")
        assert status == 200
        assert json.loads(body)["iso"] == "GB"
        status, _ = http(f"{base}/docs")
        assert status == 200
    finally:
        await asyncio.to_thread(stop, process)
    assert process.returncode == 0, log.read_text()
    assert "serving the API only" in log.read_text()
