"""``pelibot serve``: settings from the environment, then uvicorn.

Without ``TELEGRAM_BOT_TOKEN`` the process serves the API only (python-telegram-bot and
matplotlib are then never imported). With the token and a public URL — ``PELIBOT_WEBHOOK_URL``,
or on Render the service's own ``RENDER_EXTERNAL_URL`` — it also runs the bot on a webhook at
that URL's path (``/telegram`` when the URL has none).
"""

from __future__ import annotations

import logging
import os
import secrets
import signal
import sys
from collections.abc import Mapping
from urllib.parse import urlsplit

from bot.web.runtime import Runtime
from data_prep.layout import data_dir_from

log = logging.getLogger("pelibot")

PORT_ENV = "PORT"
DEFAULT_PORT = 8000
RENDER_URL_ENV = "RENDER_EXTERNAL_URL"
DEFAULT_WEBHOOK_PATH = "/telegram"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class ServeError(Exception):
    """The settings cannot give a working server; the message says what to change."""


def port_from(given: int | None, env: Mapping[str, str]) -> int:
    """``--port``, else ``$PORT`` (set by Render and similar hosts), else 8000."""
    if given is not None:
        port = given
    else:
        raw = env.get(PORT_ENV, "").strip()
        if raw and not raw.isdecimal():
            raise ServeError(f"{PORT_ENV} must be a TCP port number, not {raw!r}.")
        port = int(raw) if raw else DEFAULT_PORT
    if not 0 < port < 65536:
        raise ServeError(f"The port must be between 1 and 65535, not {port}.")
    return port


def runtime_from(env: Mapping[str, str], data: str | None = None) -> Runtime:
    """The runtime for these settings: API only, or API and Telegram webhook."""
    from bot.telegram.config import TOKEN_ENV, heartbeat_file

    data_dir = data_dir_from(data)
    beat = heartbeat_file(env)
    if not env.get(TOKEN_ENV, "").strip():
        _plain_logging()
        log.info("no %s: serving the API only", TOKEN_ENV)
        return Runtime(data_dir, heartbeat=beat)
    from bot.telegram.app import setup_logging
    from bot.telegram.config import ConfigError, load_config
    from bot.web.webhook import TelegramWebhook, WebhookSettings

    try:
        config = load_config(env)
    except ConfigError as error:
        raise ServeError(str(error)) from None
    url = config.webhook.url if config.webhook else env.get(RENDER_URL_ENV, "").strip()
    secret = (config.webhook.secret if config.webhook else None) or secrets.token_urlsafe(32)
    setup_logging(config)
    logging.getLogger().handlers[0].setFormatter(_redacting(config.token, secret))
    if not url:
        log.warning(
            "%s is set but PELIBOT_WEBHOOK_URL is not: serving the API only "
            "(`pelibot run` polls Telegram instead)",
            TOKEN_ENV,
        )
        return Runtime(data_dir, heartbeat=beat)
    path = "/" + urlsplit(url).path.strip("/")
    if path == "/":
        url, path = url.rstrip("/") + DEFAULT_WEBHOOK_PATH, DEFAULT_WEBHOOK_PATH
    telegram = TelegramWebhook(config, WebhookSettings(url=url, path=path, secret=secret))
    return Runtime(data_dir, telegram, heartbeat=beat)


def _plain_logging() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)


def _redacting(*hidden: str) -> logging.Formatter:
    from bot.telegram.app import RedactingFormatter

    return RedactingFormatter(list(hidden), LOG_FORMAT)


def serve(host: str, port: int | None, data: str | None = None) -> int:
    """Run the web process until SIGTERM/SIGINT; the exit code for ``pelibot serve``."""
    import uvicorn

    from bot.web.app import create_app

    try:
        chosen = port_from(port, os.environ)
        runtime = runtime_from(os.environ, data)
    except ServeError as error:
        print(f"pelibot serve: {error}", file=sys.stderr)
        return 2
    log.info("serving on http://%s:%d (docs at /docs)", host, chosen)
    # uvicorn stops gracefully on SIGTERM, then raises it again with the handler found at
    # start: this one makes that a clean exit (0, like `pelibot run`) instead of a kill.
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        uvicorn.run(
            create_app(runtime),
            host=host,
            port=chosen,
            log_config=None,
            server_header=False,
            proxy_headers=True,
            timeout_graceful_shutdown=10,
            lifespan="on",
        )
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0
