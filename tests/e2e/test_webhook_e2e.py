"""End to end in webhook mode: ``pelibot run`` registers its webhook and answers posted updates."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.emulator import LOOPBACK, Emulator
from tests.e2e.test_bot_e2e import bot_env, free_port, start_bot

SECRET = "hook-secret_123"


def post(url: str, update: dict[str, object] | bytes, secret: str) -> int:
    """POST an update (or raw bytes) like Telegram does; the HTTP status, 0 when nothing listens."""
    body = update if isinstance(update, bytes) else json.dumps(update).encode()
    request = urllib.request.Request(
        url,
        data=body,
        headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret},
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except urllib.error.URLError:
        return 0


async def test_webhook_mode_answers_posted_updates(real_data_dir: Path, tmp_path: Path) -> None:
    emulator = Emulator("555:webhook-token")
    await emulator.start()
    port = free_port()
    hook = f"http://{LOOPBACK}:{port}/telegram/hook"
    env = bot_env(emulator.base_url, real_data_dir, tmp_path) | {
        "TELEGRAM_BOT_TOKEN": emulator.token,
        "PELIBOT_WEBHOOK_URL": hook,
        "PELIBOT_WEBHOOK_LISTEN": LOOPBACK,
        "PELIBOT_WEBHOOK_PORT": str(port),
        "PELIBOT_WEBHOOK_SECRET": SECRET,
    }
    log = tmp_path / "bot.log"
    process = start_bot(env, tmp_path, log)
    try:
        await emulator.wait_for(lambda c: c.method == "setWebhook", timeout=60)
        assert emulator.webhook["url"] == hook
        assert emulator.webhook["secret_token"] == SECRET
        user = Emulator.user(77, "Eva", "es")
        update = await emulator.send(Emulator.private_chat(user), user, "/retorno toy story")
        for _ in range(100):  # the webhook server starts right after setWebhook
            status = await asyncio.to_thread(post, hook, update, "wrong-secret")
            if status:
                break
            await asyncio.sleep(0.1)
        assert status == 403  # a wrong secret is refused
        mark = emulator.mark()
        for _ in range(100):  # 503 until the bot has started, after setWebhook: Telegram
            status = await asyncio.to_thread(post, hook, update, SECRET)  # retries, so do we
            if status != 503:
                break
            await asyncio.sleep(0.1)
        assert status == 200
        reply = await emulator.wait_for(lambda c: c.method == "sendMessage", after=mark)
        assert "Presupuesto: US$ 30.000.000" in reply.result["text"]
        # what Telegram would retry for ever must not get a 5xx: bad bodies are refused
        bad_bodies = {
            b"{not json": 400,
            b"\x89PNG\r\n\x1a\n\x00\xff\xfe": 400,
            b"": 400,
            b"[1, 2, 3]": 400,
            b'{"update_id": 9, "message": {"message_id": 1, "date": "yesterday"}}': 200,  # skipped
            b'{"update_id": 10, "message": "' + b"x" * 1_100_000 + b'"}': 413,
            b'{"update_id": 11, "message": ' + b"[" * 1_000 + b"]" * 1_000 + b"}": 400,  # deep
        }
        for body, expected in bad_bodies.items():
            assert await asyncio.to_thread(post, hook, body, SECRET) == expected, body[:20]
        mark = emulator.mark()
        update = await emulator.send(Emulator.private_chat(user), user, "/mes enero")
        assert await asyncio.to_thread(post, hook, update, SECRET) == 200  # and it goes on
        reply = await emulator.wait_for(lambda c: c.method == "sendMessage", after=mark)
        assert "películas" in reply.result["text"]
        for _ in range(50):  # beats while the webhook server runs
            if (tmp_path / "heartbeat").exists():
                break
            await asyncio.sleep(0.1)
        assert (tmp_path / "heartbeat").exists()
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.to_thread(process.wait, 20)
            except subprocess.TimeoutExpired:
                process.kill()
                pytest.fail("pelibot run did not stop on SIGTERM")
        await emulator.stop()
    output = log.read_text()
    assert process.returncode == 0, output
    assert emulator.token not in output
    assert "Traceback" not in output and "yesterday" not in output
    assert output.count("skipped unparseable update 9") == 1


async def test_webhook_mode_stops_on_sigterm_while_the_api_is_unreachable(
    real_data_dir: Path, tmp_path: Path
) -> None:
    env = bot_env(f"http://{LOOPBACK}:{free_port()}/bot", real_data_dir, tmp_path) | {
        "PELIBOT_WEBHOOK_URL": f"http://{LOOPBACK}:{free_port()}/hook",
        "PELIBOT_BOOTSTRAP_RETRIES": "-1",  # it would wait for the Bot API for ever
    }
    log = tmp_path / "bot.log"
    process = start_bot(env, tmp_path, log)
    try:
        for _ in range(600):
            if "connecting to" in log.read_text():
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(1.5)  # a couple of failed attempts
        process.send_signal(signal.SIGTERM)
        code = await asyncio.to_thread(process.wait, 20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
    output = log.read_text()
    assert code == 0, output
    assert "Traceback" not in output
