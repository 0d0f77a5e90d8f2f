"""Configuration of the Telegram bot, from the settings (``bot.settings``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bot.settings import DEFAULT_HEARTBEAT, Settings, SettingsError

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
BASE_URL_ENV = "TELEGRAM_BASE_URL"
WEBHOOK_URL_ENV = "PELIBOT_WEBHOOK_URL"


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
    raw_csv: Path | None = None  # the raw files to build a missing catalog from
    keywords_csv: Path | None = None

    @property
    def base_file_url(self) -> str | None:
        """The file endpoint matching ``base_url`` (``…/bot`` → ``…/file/bot``)."""
        if self.base_url is None:
            return None
        root, _, tail = self.base_url.rstrip("/").rpartition("/")
        return f"{root}/file/{tail}"


def _webhook(settings: Settings) -> WebhookConfig | None:
    url = settings.webhook_url
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise ConfigError(f"{WEBHOOK_URL_ENV} must be a full URL like https://example.org/pelibot.")
    return WebhookConfig(
        url=url,
        listen=settings.webhook_listen,
        port=settings.webhook_port,
        secret=settings.webhook_secret,
        path=parts.path.strip("/"),
    )


def load_config(env: Mapping[str, str] | Settings | None = None) -> Config:
    """The bot's settings (from ``bot.settings``); ``ConfigError`` with a clear message when
    unusable."""
    try:
        settings = env if isinstance(env, Settings) else Settings.from_env(env)
    except SettingsError as error:
        raise ConfigError(str(error)) from None
    token = settings.token
    if not token:
        raise ConfigError(
            f"{TOKEN_ENV} is not set. Ask @BotFather in Telegram for a bot token and run "
            f"`{TOKEN_ENV}=123456:ABC… pelibot run`; to try the answers without Telegram, "
            "use `pelibot chat`."
        )
    if any(char.isspace() for char in token) or ":" not in token:
        raise ConfigError(f"{TOKEN_ENV} does not look like a bot token (digits:letters).")
    base_url = settings.base_url
    if base_url is not None and urlsplit(base_url).scheme not in ("http", "https"):
        raise ConfigError(f"{BASE_URL_ENV} must look like http://127.0.0.1:8081/bot.")
    return Config(
        token=token,
        data_dir=settings.data_dir,
        base_url=base_url,
        webhook=_webhook(settings),
        heartbeat_file=settings.heartbeat_file,
        max_messages_per_second=settings.max_messages_per_second,
        bootstrap_retries=settings.bootstrap_retries,
        poll_timeout=settings.poll_timeout,
        wait_for_catalog=settings.wait_for_catalog,
        raw_csv=settings.raw_csv,
        keywords_csv=settings.keywords_csv,
    )
