"""Reaching the Bot API at start: a failure said at once, retried with growing pauses, one log
line per group of attempts, a rejected token said once (``bot.telegram.startup``)."""

from __future__ import annotations

import asyncio
import logging
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from telegram.error import InvalidToken, NetworkError, TimedOut

from bot.telegram.startup import AttemptLog, cause, reach
from tests.e2e.emulator import LOOPBACK, Emulator
from tests.e2e.test_bot_e2e import TOKEN, bot_env, start_bot
from tests.e2e.test_serve_e2e import stop

CLOSED = f"http://{LOOPBACK}:9/bot"  # the discard port: nothing listens, refused at once


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_attempts_are_logged_once_per_group_and_when_the_cause_changes(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="pelibot")
    now = 0.0
    attempts = AttemptLog("api.example", clock=lambda: now)
    refused = NetworkError("httpx.ConnectError: All connection attempts failed")
    for attempt in range(1, 166):
        now = attempt * 3.0  # three seconds an attempt
        attempts.failed(attempt, refused, pause=30.0)
    attempts.failed(166, NetworkError("Bad Gateway"), pause=30.0)
    attempts.reached()
    lines = warnings(caplog)
    assert lines[0] == (
        "cannot reach the Bot API at api.example (httpx.ConnectError: All connection attempts "
        "failed); trying again with growing pauses (up to 30 s), saying so again after 5 attempts"
    )
    assert [line.split(" after ")[1].split(" attempts")[0] for line in lines[1:]] == [
        "5",
        "10",
        "20",
        "40",
        "80",  # then every 40
        "120",
        "160",
        "166",
    ]
    assert lines[1] == (
        "still cannot reach the Bot API at api.example after 5 attempts in 15 s "
        "(httpx.ConnectError: All connection attempts failed); next attempt in 30 s"
    )
    assert lines[-1].endswith("(Bad Gateway); next attempt in 30 s")  # a new cause, at once
    infos = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert infos == ["reached the Bot API at api.example after 166 failed attempts"]


async def test_reach_retries_network_errors_and_says_when_it_got_through(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="pelibot")
    calls: list[int] = []

    async def step() -> None:
        calls.append(len(calls) + 1)
        if len(calls) < 3:
            raise NetworkError("Bad Gateway")

    await reach(step, where="api.example", retries=5, first_pause=0.01)
    assert calls == [1, 2, 3]
    assert len(warnings(caplog)) == 1
    assert caplog.records[-1].getMessage() == (
        "reached the Bot API at api.example after 2 failed attempts"
    )


async def test_reach_gives_up_after_its_retries_and_never_retries_a_rejected_token(
    caplog: pytest.LogCaptureFixture,
) -> None:
    calls = 0

    async def unreachable() -> None:
        nonlocal calls
        calls += 1
        raise NetworkError("httpx.ConnectError: refused")

    with pytest.raises(NetworkError, match="refused"):
        await reach(unreachable, where="api.example", retries=2, first_pause=0.01)
    assert calls == 3

    async def rejected() -> None:
        nonlocal calls
        calls += 1
        raise InvalidToken("Unauthorized")

    caplog.clear()
    calls = 0
    with pytest.raises(InvalidToken):
        await reach(rejected, where="api.example", retries=-1, first_pause=0.01)
    assert calls == 1
    assert warnings(caplog) == []


def test_run_with_the_bot_api_out_of_reach_says_so_at_once_then_gives_up_plainly(
    real_data_dir: Path, tmp_path: Path
) -> None:
    env = bot_env(CLOSED, real_data_dir, tmp_path) | {"PELIBOT_BOOTSTRAP_RETRIES": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stderr.splitlines() if " INFO " not in line]
    assert len(lines) == 2, done.stderr
    assert lines[0].endswith(
        f"WARNING pelibot: cannot reach the Bot API at {CLOSED} (httpx.ConnectError: All "
        "connection attempts failed); trying again with growing pauses (up to 30 s), saying "
        "so again after 5 attempts"
    )
    assert lines[1] == (
        f"pelibot run: cannot reach the Bot API at {CLOSED}: httpx.ConnectError: All "
        "connection attempts failed"
    )
    assert TOKEN not in done.stderr


async def test_run_rides_out_bot_api_errors_at_start_and_says_when_it_got_through(
    real_data_dir: Path, tmp_path: Path
) -> None:
    emulator = Emulator(TOKEN)
    emulator.blip(2)  # the first two calls (getMe) answer 502 Bad Gateway
    await emulator.start()
    log = tmp_path / "bot.log"
    process = start_bot(bot_env(emulator.base_url, real_data_dir, tmp_path), tmp_path, log)
    try:
        await emulator.wait_for(lambda c: c.method == "setMyCommands", timeout=60)
        for _ in range(100):
            if "pelibot is up" in log.read_text():
                break
            await asyncio.sleep(0.1)
    finally:
        await asyncio.to_thread(stop, process)
        await emulator.stop()
    output = log.read_text()
    problems = [line for line in output.splitlines() if " WARNING " in line or " ERROR " in line]
    assert len(problems) == 1, output
    assert problems[0].endswith(
        f"cannot reach the Bot API at {emulator.base_url} (Bad Gateway); trying again with "
        "growing pauses (up to 30 s), saying so again after 5 attempts"
    )
    assert f"reached the Bot API at {emulator.base_url} after 2 failed attempts" in output
    assert "pelibot is up as @" in output


async def test_a_rejected_token_in_a_container_is_said_once_and_not_restarted_over(
    real_data_dir: Path, tmp_path: Path
) -> None:
    """With PELIBOT_WAIT_FOR_CATALOG (set in the image) the process waits to be stopped: an
    exit would only have the restart policy say the same again and again."""
    emulator = Emulator("111:the-real-token")
    await emulator.start()
    log = tmp_path / "bot.log"
    env = bot_env(emulator.base_url, real_data_dir, tmp_path) | {"PELIBOT_WAIT_FOR_CATALOG": "30"}
    process = start_bot(env, tmp_path, log)
    try:
        for _ in range(600):
            if "waiting to be stopped" in log.read_text() or process.poll() is not None:
                break
            await asyncio.sleep(0.1)
        assert process.poll() is None, log.read_text()  # still there, not exited
        process.send_signal(signal.SIGTERM)
        assert await asyncio.to_thread(process.wait, 20) == 2
    finally:
        await asyncio.to_thread(stop, process)
        await emulator.stop()
    output = log.read_text()
    assert output.count("Telegram rejected TELEGRAM_BOT_TOKEN") == 1, output
    assert "cannot reach" not in output and "WARNING" not in output  # not retried
    assert TOKEN not in output


def test_a_timeout_is_called_one() -> None:
    assert cause(TimedOut("Timed out")) == "no answer in time: Timed out"
    refused = NetworkError("httpx.ConnectError: All connection attempts failed")
    assert cause(refused) == "httpx.ConnectError: All connection attempts failed"
