"""The webhook server of ``pelibot run`` (``PELIBOT_WEBHOOK_URL``), on tornado.

python-telegram-bot's built-in server answers a body that is not JSON (binary, empty, cut off)
with HTTP 500, which Telegram retries for ever, and reads bodies of any size. This one follows
the library's documented custom-webhook recipe (its own server puts ``Update`` objects on
``application.update_queue``) and answers what it is sent precisely:

* 403 — the secret token is missing or wrong;
* 413 — the body is over ``MAX_BODY`` (read and dropped up to ``DRAIN_LIMIT``, so the client
  gets the answer; a Content-Length beyond that is refused before the body is read);
* 400 — the body is not a JSON object with an ``update_id``;
* 200 — an update: queued; or one this bot cannot parse: skipped (logged once, without content).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import re
import signal
from collections.abc import Awaitable, Callable, Sequence
from http import HTTPStatus
from typing import Any, TypeVar

import tornado.web
from telegram import Update
from telegram.error import NetworkError
from telegram.ext import Application
from tornado.httpserver import HTTPServer

from bot.telegram import health, logs
from bot.telegram.config import Config, WebhookConfig

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024  # Telegram's updates are a few KB
DRAIN_LIMIT = 4 * MAX_BODY
HEARTBEAT_SECONDS = 15.0
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
T = TypeVar("T")


def parse_update(body: bytes, application: Application) -> tuple[HTTPStatus, Update | None]:
    """The answer to a posted ``body``, and the update to queue (None: nothing to queue)."""
    try:
        data = json.loads(body)
    except ValueError:  # also a body that is not UTF-8
        return HTTPStatus.BAD_REQUEST, None
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        return HTTPStatus.BAD_REQUEST, None
    try:
        return HTTPStatus.OK, Update.de_json(data, application.bot)
    except Exception as error:  # anything the library's parser may raise
        log.warning(
            "skipped unparseable update %d (%s); its content is not logged",
            data["update_id"],
            type(error).__name__,
        )
        return HTTPStatus.OK, None


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    """POST /<path>: one update from Telegram."""

    SUPPORTED_METHODS = ("POST",)

    def initialize(self, bot_application: Application, secret: str | None) -> None:
        self.bot_application = bot_application
        self.secret = secret
        self.body = bytearray()
        self.too_big = False

    def prepare(self) -> None:
        if self.secret is not None:
            given = self.request.headers.get(SECRET_HEADER, "")
            if not hmac.compare_digest(given.encode(), self.secret.encode()):
                raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        length = self.request.headers.get("Content-Length", "")
        if length.isdecimal() and int(length) > DRAIN_LIMIT:
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    def data_received(self, chunk: bytes) -> None:
        if len(self.body) + len(chunk) > MAX_BODY:
            self.too_big = True
            self.body.clear()
        if not self.too_big:
            self.body += chunk

    async def post(self) -> None:
        if self.too_big:
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        status, update = parse_update(bytes(self.body), self.bot_application)
        if update is not None:
            await self.bot_application.update_queue.put(update)
        self.set_status(status)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.finish()  # the status says it; no HTML page

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        if isinstance(value, tornado.web.HTTPError):
            log.debug("webhook answered %d", value.status_code)
        else:
            log.error("webhook handler failed", exc_info=(typ, value, tb))


class WebhookApp(tornado.web.Application):
    def __init__(self, application: Application, hook: WebhookConfig) -> None:
        path = rf"/{re.escape(hook.path)}/?" if hook.path else r"/"
        super().__init__(
            [(path, UpdateHandler, {"bot_application": application, "secret": hook.secret})]
        )

    def log_request(self, handler: tornado.web.RequestHandler) -> None:
        """No access log line per update (tornado's default)."""


class WebhookServer:
    """The HTTP server for ``hook`` (start, then stop)."""

    def __init__(self, application: Application, hook: WebhookConfig) -> None:
        self.hook = hook
        self._server = HTTPServer(WebhookApp(application, hook), max_body_size=DRAIN_LIMIT)

    def start(self) -> None:
        self._server.listen(self.hook.port, address=self.hook.listen)

    async def stop(self) -> None:
        self._server.stop()
        await self._server.close_all_connections()


async def with_retries(
    action: Callable[[], Awaitable[T]], retries: int, what: str, *, first_delay: float = 1.0
) -> T:
    """``action``, again after network errors, like python-telegram-bot's bootstrap (-1: ever)."""
    delay, attempt = first_delay, 0
    while True:
        try:
            return await action()
        except NetworkError as error:  # also TimedOut; not a bad token or a refused webhook
            if 0 <= retries <= attempt:
                raise
            attempt += 1
            log.debug("%s failed (%s); attempt %d in %.1f s", what, error, attempt + 1, delay)
            await asyncio.sleep(delay)
            delay = min(30.0, delay * 1.5)


async def serve(config: Config, application: Application, allowed_updates: Sequence[str]) -> None:
    """Register the webhook, serve it until SIGINT/SIGTERM, then stop cleanly.

    A signal while still starting (the Bot API not reachable yet) gives the start up.
    """
    assert config.webhook is not None
    stop = asyncio.Event()
    serving = asyncio.Event()
    main = asyncio.current_task()

    def on_signal() -> None:
        stop.set()
        if not serving.is_set() and main is not None:
            main.cancel()

    loop = asyncio.get_running_loop()
    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, on_signal)
    try:
        await with_retries(
            application.initialize, config.bootstrap_retries, "connecting to the Bot API"
        )
        await _serve_initialized(config, application, allowed_updates, stop, serving)
    except asyncio.CancelledError:
        if not stop.is_set():
            raise


async def _serve_initialized(
    config: Config,
    application: Application,
    allowed_updates: Sequence[str],
    stop: asyncio.Event,
    serving: asyncio.Event,
) -> None:
    assert config.webhook is not None
    hook = config.webhook
    server = WebhookServer(application, hook)
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await with_retries(
            lambda: application.bot.set_webhook(
                hook.url, secret_token=hook.secret, allowed_updates=allowed_updates
            ),
            config.bootstrap_retries,
            "setting the webhook",
        )
        server.start()
        await application.start()
        serving.set()
        logs.mark_started()
        log.info("serving the webhook on %s:%d/%s", hook.listen, hook.port, hook.path)
        while not stop.is_set():
            health.beat(config.heartbeat_file)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), HEARTBEAT_SECONDS)
    finally:
        await server.stop()
        if application.running:
            await application.stop()
            if application.post_stop is not None:
                await application.post_stop(application)
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
