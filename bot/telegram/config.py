"""Configuration of the Telegram bot, read from the environment."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from data_prep.layout import data_dir_from

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
BASE_URL_ENV = "TELEGRAM_BASE_URL"
WEBHOOK_URL_ENV = "PELIBOT_WEBHOOK_URL"
WEBHOOK_LISTEN_ENV = "PELIBOT_WEBHOOK_LISTEN"
WEBHOOK_PORT_ENV = "PELIBOT_WEBHOOK_PORT"
WEBHOOK_SECRET_ENV = "PELIBOT_WEBHOOK_SECRET"
HEARTBEAT_ENV = "PELIBOT_HEARTBEAT_FILE"
RATE_ENV = "PELIBOT_MAX_MESSAGES_PER_SECOND"
RETRIES_ENV = "PELIBOT_BOOTSTRAP_RETRIES"
POLL_TIMEOUT_ENV = "PELIBOT_POLL_TIMEOUT"
WAIT_ENV = "PELIBOT_WAIT_FOR_CATALOG"

DEFAULT_HEARTBEAT = Path(tempfile.gettempdir()) / "pelibot.heartbeat"
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


class ConfigError(Exception):
    """The environment does not describe a runnable bot; the message says what to set."""


@dataclass(frozen=True)
class WebhookConfig:
    url: str  # the public HTTPS address Telegram posts to
    listen: str
    port: int
    secret: str | None = field(repr=False)
    path: str  # the URL path the local server answers on (taken from ``url``)


@dataclass(frozen=True)
class Config:
    token: str = field(repr=False)  # never shown in logs or tracebacks
    data_dir: Path
    base_url: str | None = None  # e.g. http://127.0.0.1:8081/bot (a local Bot API server)
    webhook: WebhookConfig | None = None
    heartbeat_file: Path = DEFAULT_HEARTBEAT
    max_messages_per_second: float = 30.0  # Telegram's overall flood limit; 0 disables it
    bootstrap_retries: int = 20  # -1 retries for ever
    poll_timeout: float = 10.0
    wait_for_catalog: float = 0.0  # > 0: without a catalog, check again this often (containers)

    @property
    def base_file_url(self) -> str | None:
        """The file endpoint matching ``base_url`` (``…/bot`` → ``…/file/bot``)."""
        if self.base_url is None:
            return None
        root, _, tail = self.base_url.rstrip("/").rpartition("/")
        return f"{root}/file/{tail}"


def _number(env: Mapping[str, str], name: str, default: float, *, minimum: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, not {raw!r}.") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum:g}, not {raw!r}.")
    return value


def _webhook(env: Mapping[str, str]) -> WebhookConfig | None:
    url = env.get(WEBHOOK_URL_ENV, "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise ConfigError(f"{WEBHOOK_URL_ENV} must be a full URL like https://example.org/pelibot.")
    secret = env.get(WEBHOOK_SECRET_ENV, "").strip() or None
    if secret is not None and not _SECRET.fullmatch(secret):
        raise ConfigError(f"{WEBHOOK_SECRET_ENV} may only hold 1-256 letters, digits, '_' and '-'.")
    port = int(_number(env, WEBHOOK_PORT_ENV, 8443, minimum=1))
    if port > 65535:
        raise ConfigError(f"{WEBHOOK_PORT_ENV} must be a TCP port (1-65535).")
    return WebhookConfig(
        url=url,
        listen=env.get(WEBHOOK_LISTEN_ENV, "").strip() or "0.0.0.0",
        port=port,
        secret=secret,
        path=parts.path.strip("/"),
    )


def load_config(env: Mapping[str, str] | None = None) -> Config:
    """Read the bot's settings; raise ``ConfigError`` with a clear message when unusable."""
    env = os.environ if env is None else env
    token = env.get(TOKEN_ENV, "").strip()
    if not token:
        raise ConfigError(
            f"{TOKEN_ENV} is not set. Ask @BotFather in Telegram for a bot token and run "
            f"`{TOKEN_ENV}=123456:ABC… pelibot run`; to try the answers without Telegram, "
            "use `pelibot chat`."
        )
    if any(char.isspace() for char in token) or ":" not in token:
        raise ConfigError(f"{TOKEN_ENV} does not look like a bot token (digits:letters).")
    base_url = env.get(BASE_URL_ENV, "").strip() or None
    if base_url is not None and urlsplit(base_url).scheme not in ("http", "https"):
        raise ConfigError(f"{BASE_URL_ENV} must look like http://127.0.0.1:8081/bot.")
    return Config(
        token=token,
        data_dir=data_dir_from(None, env),
        base_url=base_url,
        webhook=_webhook(env),
        heartbeat_file=heartbeat_file(env),
        max_messages_per_second=_number(env, RATE_ENV, 30.0, minimum=0),
        bootstrap_retries=int(_number(env, RETRIES_ENV, 20, minimum=-1)),
        poll_timeout=_number(env, POLL_TIMEOUT_ENV, 10.0, minimum=0),
        wait_for_catalog=_number(env, WAIT_ENV, 0.0, minimum=0),
    )


def heartbeat_file(env: Mapping[str, str] | None = None) -> Path:
    """The heartbeat file, without requiring the rest of the configuration (for ``health``)."""
    env = os.environ if env is None else env
    value = env.get(HEARTBEAT_ENV, "").strip()
    return Path(value) if value else DEFAULT_HEARTBEAT
