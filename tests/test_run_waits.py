"""``pelibot run`` in a container: without a catalog it can wait instead of exiting (no restart
storm), and SIGTERM during the first catalog build stops it cleanly."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start_run(tmp: Path, **extra: str) -> tuple[subprocess.Popen[str], Path]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "PELIBOT_"))}
    env |= {
        "TELEGRAM_BOT_TOKEN": "123:abc",
        "TELEGRAM_BASE_URL": "http://127.0.0.1:9/bot",
        "PELIBOT_DATA_DIR": str(tmp / "data"),
        "PYTHONPATH": str(ROOT),
        "PELIBOT_HEARTBEAT_FILE": str(tmp / "beat"),
    } | extra
    log = tmp / "run.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"],
            cwd=tmp,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
        )
    return process, log


def wait_for(log: Path, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while text not in log.read_text():
        assert time.monotonic() < deadline, f"no {text!r} in:\n{log.read_text()}"
        time.sleep(0.05)


def stop(process: subprocess.Popen[str]) -> int:
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        raise


def test_without_catalog_it_says_so_once_and_waits(tmp_path: Path) -> None:
    process, log = start_run(tmp_path, PELIBOT_WAIT_FOR_CATALOG="0.1")
    try:
        wait_for(log, "Waiting for it", 30)
        time.sleep(1.0)  # about ten more checks
        assert process.poll() is None  # still there: no exit, so no restart by Docker
    finally:
        code = stop(process)
    output = log.read_text()
    assert output.count("No movie catalog in") == 1, output
    assert code == 0 and "stopped before the bot started" in output


def test_sigterm_during_the_first_build_leaves_nothing_half_written(
    tmp_path: Path, slow_raw: Path
) -> None:
    (tmp_path / "data" / "raw").mkdir(parents=True)
    shutil.copy(slow_raw, tmp_path / "data" / "raw" / "movies_metadata.csv")
    process, log = start_run(tmp_path)
    try:
        wait_for(log, "Building it from", 30)
        time.sleep(1.0)
    finally:
        started = time.monotonic()
        code = stop(process)
    assert time.monotonic() - started < 10
    assert code == 0, log.read_text()
    data = tmp_path / "data"
    assert not (data / "CURRENT").exists()
    assert not list(data.glob(".build-*")) and not list(data.glob("build-*"))
