"""Configuration, start-up and health of the Telegram bot (``pelibot run`` / ``pelibot health``)."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from telegram import CallbackQuery, Update, User
from telegram.constants import ParseMode
from telegram.error import NetworkError
from telegram.ext import AIORateLimiter, CallbackQueryHandler, CommandHandler, InlineQueryHandler

from bot.cli import main
from bot.telegram import health
from bot.telegram.app import (
    RedactingFormatter,
    build_application,
    load_or_build_service,
    setup_logging,
)
from bot.telegram.common import BotData, ChatData
from bot.telegram.config import DEFAULT_HEARTBEAT, Config, ConfigError, load_config
from bot.telegram.logs import TelegramErrorFilter
from bot.telegram.resilience import SEND_TIMEOUT, RetryingRequest
from handlers.catalog import CatalogError
from handlers.service import MovieService
from tests.data import facts
from tests.e2e.emulator import LOOPBACK, Emulator

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456789:AAH-app-test_token"


def test_missing_token_is_one_clear_message_and_exit_code_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert main(["run"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "TELEGRAM_BOT_TOKEN is not set" in error and "pelibot chat" in error


def test_config_from_the_environment(tmp_path: Path) -> None:
    config = load_config(
        {
            "TELEGRAM_BOT_TOKEN": f" {TOKEN} ",
            "TELEGRAM_BASE_URL": "http://127.0.0.1:8081/bot",
            "PELIBOT_DATA_DIR": str(tmp_path),
            "PELIBOT_WEBHOOK_URL": "https://bot.example.org/hooks/pelibot",
            "PELIBOT_WEBHOOK_PORT": "8080",
            "PELIBOT_WEBHOOK_SECRET": "s3cret_-X",
        }
    )
    assert config.token == TOKEN
    assert config.data_dir == tmp_path
    assert config.base_file_url == "http://127.0.0.1:8081/file/bot"
    assert config.webhook is not None
    assert (config.webhook.listen, config.webhook.port) == ("0.0.0.0", 8080)
    assert config.webhook.path == "hooks/pelibot"
    assert config.webhook.secret == "s3cret_-X"
    assert TOKEN not in repr(config) and "s3cret" not in repr(config)
    defaults = load_config({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert defaults.webhook is None and defaults.base_url is None
    assert defaults.data_dir == Path("data")
    assert defaults.heartbeat_file == DEFAULT_HEARTBEAT
    assert defaults.max_messages_per_second == 30


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TELEGRAM_BOT_TOKEN": "no colon"}, "does not look like a bot token"),
        ({"PELIBOT_WEBHOOK_URL": "bot.example.org"}, "must be a full URL"),
        (
            {"PELIBOT_WEBHOOK_URL": "https://x.org/h", "PELIBOT_WEBHOOK_SECRET": "no spaces!"},
            "PELIBOT_WEBHOOK_SECRET may only hold",
        ),
        ({"PELIBOT_WEBHOOK_URL": "https://x.org/h", "PELIBOT_WEBHOOK_PORT": "99999"}, "TCP port"),
        ({"PELIBOT_MAX_MESSAGES_PER_SECOND": "fast"}, "must be a number"),
        ({"TELEGRAM_BASE_URL": "127.0.0.1:8081"}, "must look like http://"),
    ],
)
def test_bad_settings_are_refused_with_the_variable_named(
    env: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config({"TELEGRAM_BOT_TOKEN": TOKEN} | env)


def test_log_lines_never_show_the_token(capsys: pytest.CaptureFixture[str]) -> None:
    formatter = RedactingFormatter([TOKEN], "%(message)s")
    record = logging.LogRecord(
        "httpx", logging.WARNING, __file__, 1, "POST https://api/bot%s/getMe", (TOKEN,), None
    )
    assert formatter.format(record) == "POST https://api/bot<token>/getMe"
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    try:
        setup_logging(Config(token=TOKEN, data_dir=Path("data")))
        assert logging.getLogger("httpx").level == logging.WARNING
        logging.getLogger("telegram").warning("failed: %s", f"https://x/bot{TOKEN}/getUpdates")
        assert "failed: https://x/bot<token>/getUpdates" in capsys.readouterr().err
    finally:
        root.handlers[:], _ = saved
        root.setLevel(saved[1])


def test_library_failures_are_quiet_at_start_and_one_line_once_up() -> None:
    def record(error: Exception, name: str = "telegram.ext") -> logging.LogRecord:
        try:
            raise error
        except Exception:
            info = sys.exc_info()
        return logging.LogRecord(name, logging.ERROR, __file__, 1, "%s failed", ("Poll",), info)

    quiet = TelegramErrorFilter()
    assert not quiet.filter(record(NetworkError("down")))  # start-up: `run` says it in one line
    assert quiet.filter(record(ValueError("a bug")))  # a bug keeps its traceback
    quiet.starting = False
    once_up = record(NetworkError("Bad Gateway"))
    assert quiet.filter(once_up)
    assert once_up.exc_info is None
    assert once_up.getMessage() == "Poll failed (NetworkError: Bad Gateway)"
    bug = record(TypeError("oops"), name="bot.telegram.questions")
    assert quiet.filter(bug) and bug.exc_info is not None


def test_health_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    beat = tmp_path / "beat"
    assert "no heartbeat file" in (health.check(beat) or "")
    assert main(["health", "--file", str(beat)]) == 1
    health.touch(beat)
    assert health.check(beat) is None
    assert main(["health", "--file", str(beat)]) == 0
    old = time.time() - 120
    os.utime(beat, (old, old))
    assert "has stalled" in (health.check(beat, max_age=60) or "")
    assert main(["health", "--file", str(beat), "--max-age", "60"]) == 1
    assert "unhealthy: heartbeat" in capsys.readouterr().err


def test_application_uses_html_defaults_flood_control_and_all_handlers(
    real_data_dir: Path, tmp_path: Path
) -> None:
    service = MovieService.from_data_dir(real_data_dir)
    app = build_application(Config(token=TOKEN, data_dir=real_data_dir), service)
    assert app.bot.defaults is not None
    assert app.bot.defaults.parse_mode == ParseMode.HTML
    assert isinstance(app.bot.rate_limiter, AIORateLimiter)
    # sends wait long for a slow Bot API and are tried again after a blip
    assert isinstance(app.bot.request, RetryingRequest)
    assert app.bot.request.read_timeout == SEND_TIMEOUT == 30
    handlers = [h for group in app.handlers.values() for h in group]
    commands = set().union(*(h.commands for h in handlers if isinstance(h, CommandHandler)))
    assert {
        "start",
        "help",
        "mes",
        "dia",
        "franquicia",
        "pais",
        "productora",
        "retorno",
    } <= commands
    assert {"recomendar", "month", "day", "collection", "country", "company", "return"} <= commands
    assert "recommend" in commands
    assert any(isinstance(h, InlineQueryHandler) for h in handlers)
    assert app.error_handlers
    # every button handler says which callback data it takes; the catch-all for unknown data
    # comes last, after every other
    buttons = [h for h in handlers if isinstance(h, CallbackQueryHandler)]
    assert len(buttons) == 4 and all(h.pattern is not None for h in buttons)
    assert handlers[-1] is buttons[-1]
    takes = {
        data: [h.callback.__name__ for h in buttons if h.check_update(_press(data))]
        for data in ("g mes 1", "e pelicula #597", "retorno #597", "nonsense", "mes")
    }
    assert takes == {
        "g mes 1": ["on_chart", "on_unknown"],
        "e pelicula #597": ["on_run", "on_unknown"],
        "retorno #597": ["on_choice", "on_unknown"],
        "nonsense": ["on_unknown"],
        "mes": ["on_unknown"],
    }
    assert isinstance(app.bot_data, BotData) and app.bot_data.deps.service is service
    assert isinstance(app.chat_data[1], ChatData)  # typed chat_data, made on first use


def _press(data: str) -> Update:
    user = User(1, "Ana", False)
    return Update(1, callback_query=CallbackQuery("q1", user, "chat", data=data))


def test_missing_catalog_without_raw_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PELIBOT_RAW_CSV", raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CatalogError, match="pelibot prepare"):
        load_or_build_service(Config(token=TOKEN, data_dir=tmp_path / "data"))


def test_missing_catalog_is_built_when_the_raw_file_is_at_hand(
    real_slice_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = Config(token=TOKEN, data_dir=tmp_path / "data", raw_csv=real_slice_csv)
    service = load_or_build_service(config)
    assert len(service.movies) == facts.films()  # the fixture less a repeated id and 4 undated
    assert (tmp_path / "data" / "CURRENT").is_file()


def _run_bot(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "PELIBOT_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        env=clean | {"PYTHONPATH": str(ROOT), "NO_PROXY": "127.0.0.1"} | env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_run_refuses_to_start_without_a_catalog(tmp_path: Path) -> None:
    done = _run_bot({"TELEGRAM_BOT_TOKEN": TOKEN, "PELIBOT_DATA_DIR": str(tmp_path)}, tmp_path)
    assert done.returncode == 1
    assert f"No movie catalog in {tmp_path}/" in done.stderr
    assert "pelibot prepare" in done.stderr


def problems(stderr: str) -> list[str]:
    """What ``pelibot run`` printed besides its INFO log lines."""
    return [line for line in stderr.splitlines() if " INFO " not in line]


async def test_run_reports_a_rejected_token_and_an_unreachable_api(
    real_data_dir: Path, tmp_path: Path
) -> None:
    emulator = Emulator("111:the-real-token")
    await emulator.start()
    try:
        env = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": emulator.base_url,
            "PELIBOT_DATA_DIR": str(real_data_dir),
        }
        rejected = await asyncio.to_thread(_run_bot, env, tmp_path)
        assert rejected.returncode == 2, rejected.stderr
        assert problems(rejected.stderr) == [
            "pelibot run: Telegram rejected TELEGRAM_BOT_TOKEN; copy it again from @BotFather."
        ]
        assert TOKEN not in rejected.stderr
    finally:
        await emulator.stop()
    unreachable_env = env | {
        "TELEGRAM_BASE_URL": f"http://{LOOPBACK}:9/bot",
        "PELIBOT_BOOTSTRAP_RETRIES": "0",
    }
    hook = {"PELIBOT_WEBHOOK_URL": "https://bot.example.org/hook", "PELIBOT_WEBHOOK_PORT": "1"}
    for mode in ({}, hook):  # polling, and the webhook server (which never gets to listen)
        unreachable = await asyncio.to_thread(_run_bot, unreachable_env | mode, tmp_path)
        assert unreachable.returncode == 1, unreachable.stderr
        [message] = problems(unreachable.stderr)
        assert message.startswith(
            f"pelibot run: cannot reach the Bot API at http://{LOOPBACK}:9/bot"
        )
        assert TOKEN not in unreachable.stderr


def test_health_imports_neither_pandas_nor_telegram(tmp_path: Path) -> None:
    beat = tmp_path / "beat"
    health.touch(beat)
    probe = (
        "import sys\n"
        "from bot.cli import main\n"
        f"code = main(['health', '--file', {str(beat)!r}])\n"
        "heavy = sorted(m for m in ('pandas', 'numpy', 'telegram') if m in sys.modules)\n"
        "print(code, heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.splitlines() == ["healthy", "0 []"], done.stderr
