"""How ``pelibot serve`` gets its catalog: loaded, built from a raw file at hand in a child
process (stoppable), or waited for — said once, no crash, picked up when it appears."""

from __future__ import annotations

import asyncio
import logging
import shutil
import time
from pathlib import Path

import psutil
import pytest

from bot.web.runtime import Runtime
from bot.web.serve import ServeError, port_from, runtime_from
from data_prep.pipeline import prepare
from data_prep.source import RAW_ENV, RawFiles
from tests.factories import raw_movie, write_raw


@pytest.fixture
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No raw file anywhere the runtime looks (env, ./data/raw, <data dir>/raw)."""
    monkeypatch.delenv(RAW_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def small_raw(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    # enough films for prepare to publish them (it refuses fewer than 100)
    rows = [
        raw_movie(n, f"Película {n}", f"{1950 + n % 60}-0{1 + n % 9}-1{n % 9}")
        for n in range(1, 121)
    ]
    return write_raw(folder / "movies_metadata.csv", rows)


async def until(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def test_without_catalog_it_says_so_once_waits_and_picks_it_up(
    nowhere: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = nowhere / "data"
    runtime = Runtime(data, retry_seconds=0.05)
    caplog.set_level(logging.INFO, logger="pelibot")
    runtime.start()
    try:
        await until(lambda: runtime.state == "no_catalog", 10, "no_catalog")
        await asyncio.sleep(0.5)  # several more checks
        status, body = runtime.health()
        assert status == 503 and body["status"] == "no_catalog"
        assert "pelibot prepare" in body["detail"]
        said = [r for r in caplog.records if "Waiting for it" in r.getMessage()]
        assert len(said) == 1
        prepare(RawFiles(small_raw(nowhere / "elsewhere"), None, "--raw"), data)
        await until(lambda: runtime.state == "ready", 10, "the catalog to be picked up")
        assert runtime.health()[0] == 200
        assert runtime.health()[1]["movies"] == 120
    finally:
        await runtime.stop()


async def test_a_raw_file_at_hand_is_built_in_a_child_process(nowhere: Path) -> None:
    data = nowhere / "data"
    small_raw(data / "raw")
    runtime = Runtime(data, retry_seconds=0.05)
    runtime.start()
    try:
        await until(lambda: runtime.state != "loading", 10, "the build to start")
        assert runtime.state in ("building", "ready")
        await until(lambda: runtime.state == "ready", 120, "the build")
        assert runtime.service is not None
        # films n with n % 9 == 0 are released in January: 9, 18, …, 117
        assert runtime.service.ask("/mes enero").count == 13  # type: ignore[union-attr]
        assert (data / "CURRENT").is_file()
    finally:
        await runtime.stop()


async def test_a_broken_raw_file_is_tried_once(nowhere: Path) -> None:
    data = nowhere / "data"
    (data / "raw").mkdir(parents=True)
    (data / "raw" / "movies_metadata.csv").write_text("not,a,movies,file\n1,2,3,4\n")
    runtime = Runtime(data, retry_seconds=0.05)
    runtime.start()
    try:
        await until(lambda: runtime.state == "no_catalog", 60, "the failed build")
        assert "Could not build the catalog" in runtime.problem
        await asyncio.sleep(0.5)
        assert runtime.state == "no_catalog"  # not building again and again
    finally:
        await runtime.stop()


async def test_stopping_during_the_first_build_ends_it_cleanly(
    nowhere: Path, slow_raw: Path
) -> None:
    data = nowhere / "data"
    (data / "raw").mkdir(parents=True)
    shutil.copy(slow_raw, data / "raw" / "movies_metadata.csv")
    runtime = Runtime(data, retry_seconds=0.05)
    runtime.start()
    await until(lambda: runtime.state == "building", 10, "the build to start")
    await asyncio.sleep(1.0)  # the child is importing and cleaning
    started = time.monotonic()
    await runtime.stop()
    assert time.monotonic() - started < 12
    assert not [
        c
        for c in psutil.Process().children(recursive=True)
        if c.is_running() and c.status() != psutil.STATUS_ZOMBIE
    ]
    assert not (data / "CURRENT").exists()  # stopped before publishing…
    assert not list(data.glob(".build-*"))  # …and nothing half-written is left


@pytest.fixture
def keep_logging() -> object:
    """``runtime_from`` sets up the process's logging; put pytest's back afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_port_and_settings(keep_logging: object, tmp_path: Path) -> None:
    assert port_from(None, {}) == 8000
    assert port_from(None, {"PORT": "10000"}) == 10000
    assert port_from(9000, {"PORT": "10000"}) == 9000
    for bad in ("abc", "70000", "0"):
        with pytest.raises(ServeError, match=r"(?i)port"):
            port_from(None, {"PORT": bad})
    assert runtime_from({}, str(tmp_path)).telegram is None
    token = {"TELEGRAM_BOT_TOKEN": "123:abc", "PELIBOT_DATA_DIR": str(tmp_path)}
    assert runtime_from(token).telegram is None  # a token but no public URL: API only
    hook = runtime_from(token | {"RENDER_EXTERNAL_URL": "https://pelibot.onrender.com/"}).telegram
    assert hook is not None
    assert hook.settings.url == "https://pelibot.onrender.com/telegram"
    assert hook.settings.path == "/telegram"
    assert len(hook.settings.secret) >= 32
    given = runtime_from(
        token
        | {
            "PELIBOT_WEBHOOK_URL": "https://bot.example.org/a/b",
            "PELIBOT_WEBHOOK_SECRET": "s3cret_-",
        }
    ).telegram
    assert given is not None
    assert (given.settings.url, given.settings.path, given.settings.secret) == (
        "https://bot.example.org/a/b",
        "/a/b",
        "s3cret_-",
    )
    with pytest.raises(ServeError, match="PELIBOT_WEBHOOK_SECRET"):
        runtime_from(
            token | {"PELIBOT_WEBHOOK_URL": "https://x.org", "PELIBOT_WEBHOOK_SECRET": "has spaces"}
        )
