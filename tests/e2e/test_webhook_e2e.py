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


def post(url: str, update: dict[str, object], secret: str) -> int:
    """POST an update like Telegram does; the HTTP status, or 0 when nothing listens yet."""
    request = urllib.request.Request(
        url,
        data=json.dumps(update).encode(),
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
        assert await asyncio.to_thread(post, hook, update, SECRET) == 200
        reply = await emulator.wait_for(lambda c: c.method == "sendMessage", after=mark)
        assert "Presupuesto: US$ 30.000.000" in reply.result["text"]
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
    assert process.returncode == 0, log.read_text()
    assert emulator.token not in log.read_text()
