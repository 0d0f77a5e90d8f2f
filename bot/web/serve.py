"""``pelibot serve``: settings from the environment, then uvicorn.

Without ``TELEGRAM_BOT_TOKEN`` the process serves the API only (python-telegram-bot and
matplotlib are then never imported). With the token and a public URL — ``PELIBOT_WEBHOOK_URL``,
or on Render the service's own ``RENDER_EXTERNAL_URL`` — it also runs the bot on a webhook at
that URL's path (``/telegram`` when the URL has none).
"""

from __future__ import annotations

import logging
import secrets
import signal
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bot.loading import CatalogSource
from bot.settings import Settings, SettingsError
from bot.web.runtime import Runtime

if TYPE_CHECKING:
    import uvicorn
    from starlette.types import ASGIApp

log = logging.getLogger("pelibot")

DEFAULT_PORT = 8000
DEFAULT_WEBHOOK_PATH = "/telegram"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class ServeError(Exception):
    """The settings cannot give a working server; the message says what to change."""


def port_from(given: int | None, env: Mapping[str, str] | Settings | None = None) -> int:
    """``--port``, else ``$PORT`` (set by Render and similar hosts), else 8000."""
    if given is not None:
        if not 0 < given < 65536:
            raise ServeError(f"The port must be between 1 and 65535, not {given}.")
        return given
    return _settings(env).port or DEFAULT_PORT


def _settings(env: Mapping[str, str] | Settings | None) -> Settings:
    if isinstance(env, Settings):
        return env
    try:
        return Settings.from_env(env)
    except SettingsError as error:
        raise ServeError(str(error)) from None


def runtime_from(env: Mapping[str, str] | Settings | None, data: str | None = None) -> Runtime:
    """The runtime for these settings: API only, or API and Telegram webhook."""
    from bot.telegram.config import TOKEN_ENV

    settings = _settings(env)
    data_dir = Path(data) if data else settings.data_dir
    catalog = CatalogSource.from_settings(settings, data_dir)
    beat = settings.heartbeat_file
    if not settings.token:
        _plain_logging()
        log.info("no %s: serving the API only", TOKEN_ENV)
        return Runtime(data_dir, heartbeat=beat, source=catalog)
    from bot.telegram.app import setup_logging
    from bot.telegram.config import ConfigError, load_config
    from bot.web.webhook import TelegramWebhook, WebhookSettings

    try:
        config = load_config(settings)
    except ConfigError as error:
        raise ServeError(str(error)) from None
    url = config.webhook.url if config.webhook else settings.render_external_url or ""
    secret = (config.webhook.secret if config.webhook else None) or secrets.token_urlsafe(32)
    setup_logging(config)
    logging.getLogger().handlers[0].setFormatter(_redacting(config.token, secret))
    if not url:
        log.warning(
            "%s is set but PELIBOT_WEBHOOK_URL is not: serving the API only "
            "(`pelibot run` polls Telegram instead)",
            TOKEN_ENV,
        )
        return Runtime(data_dir, heartbeat=beat, source=catalog)
    path = "/" + urlsplit(url).path.strip("/")
    if path == "/":
        url, path = url.rstrip("/") + DEFAULT_WEBHOOK_PATH, DEFAULT_WEBHOOK_PATH
    telegram = TelegramWebhook(config, WebhookSettings(url=url, path=path, secret=secret))
    return Runtime(data_dir, telegram, heartbeat=beat, source=catalog)


def _plain_logging() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)


def _redacting(*hidden: str) -> logging.Formatter:
    from bot.telegram.app import RedactingFormatter

    return RedactingFormatter(list(hidden), LOG_FORMAT)


KEEP_ALIVE_SECONDS = 5
"""An idle kept-alive connection is closed after this long."""
MAX_CONNECTIONS = 200
"""Beyond this many open connections and tasks, new requests get 503 at once."""
MAX_HEAD_BYTES = 16 * 1024
"""A request head (line and headers) still incomplete after this many bytes is refused by h11
(which counts what it holds unparsed: a longer head arriving whole in one read passes)."""
REQUEST_SECONDS = 10.0
"""A connection that has not sent a whole request head this long after opening (or after its
last answer) is closed: uvicorn's keep-alive timer does not cover a started or never-sent
request, so without it a slow or silent client holds its connection for ever."""


def server_config(
    app: ASGIApp, host: str, port: int, *, request_seconds: float = REQUEST_SECONDS
) -> uvicorn.Config:
    """uvicorn's settings for the web process, with its limits."""
    import uvicorn

    from bot.web.limits import BoundedH11Protocol

    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_config=None,
        server_header=False,
        proxy_headers=True,
        timeout_graceful_shutdown=10,
        lifespan="on",
        http=BoundedH11Protocol.limited(request_seconds),
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        limit_concurrency=MAX_CONNECTIONS,
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
    )


def serve(host: str, port: int | None, data: str | None = None, *, command: str = "serve") -> int:
    """Run the web process until SIGTERM/SIGINT; the exit code for ``pelibot serve`` (and for
    ``pelibot run`` with a webhook, which is this same server)."""
    import uvicorn

    from bot.web.app import create_app

    try:
        settings = _settings(None)
        chosen = port_from(port, settings)
        runtime = runtime_from(settings, data)
    except ServeError as error:
        print(f"pelibot {command}: {error}", file=sys.stderr)
        return 2
    log.info("serving on http://%s:%d (docs at /docs)", host, chosen)
    failure: list[tuple[str, int]] = []
    server: uvicorn.Server | None = None
    if command == "run" and runtime.telegram is not None:

        def stop_serving(problem: str, code: int) -> None:
            failure.append((problem, code))
            if server is not None:
                server.should_exit = True

        runtime.telegram.on_failure = stop_serving
    # uvicorn stops gracefully on SIGTERM, then raises it again with the handler found at
    # start: this one makes that a clean exit (0, like `pelibot run`) instead of a kill.
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        server = uvicorn.Server(server_config(create_app(runtime), host, chosen))
        server.run()
    except OSError as error:  # the port is taken or not ours
        print(f"pelibot {command}: cannot listen on {host}:{chosen}: {error}", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)
    if failure:
        problem, code = failure[0]
        print(f"pelibot {command}: {problem}", file=sys.stderr)
        return code
    return 0
