"""The Telegram bot of the web server (``pelibot serve``, and ``pelibot run`` with a webhook):
python-telegram-bot's custom-webhook pattern.

The ``Application`` is the one ``bot.telegram.app.build_application`` builds for polling, without
an ``Updater`` (``updater(None)``). At start it is entered (``async with application``, retried
while the Bot API is out of reach), the webhook is registered with its secret and the allowed
updates, the command menus are set and the application is started; each webhook request only
checks the secret, parses the update and puts it on ``application.update_queue``, so Telegram
gets its 200 at once. The webhook is left registered at stop: while the process sleeps or
restarts, Telegram keeps the updates and retries.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from telegram import Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, TypeHandler

from bot.telegram.common import Context
from bot.telegram.config import Config
from bot.telegram.startup import AttemptLog, cause
from handlers.service import MovieService

log = logging.getLogger("pelibot")

STALL_SECONDS = 60.0
"""An update received and not taken up for processing within this long means the bot is stuck."""


class _ProblemLog(AttemptLog):
    """Start-up attempts logged in groups, and each failure kept as the webhook's problem."""

    def __init__(self, telegram: TelegramWebhook, where: str) -> None:
        super().__init__(where)
        self.telegram = telegram

    def failed(self, attempt: int, error: BaseException, pause: float) -> None:
        self.telegram.problem = f"cannot reach the Bot API at {self.where} ({cause(error)})"
        super().failed(attempt, error, pause)


class BadUpdate(ValueError):
    """A webhook body that is not a Telegram update."""


def parse_update(body: bytes, application: Application) -> Update | None:
    """The update posted as ``body``, or None for one this bot cannot parse (logged once,
    without its content). ``BadUpdate`` when the body is not a JSON object with an
    ``update_id``: not JSON, not UTF-8, or nested too deep to read."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise BadUpdate("not JSON") from None
    if not isinstance(data, dict) or type(data.get("update_id")) is not int:
        raise BadUpdate("not a Telegram update")
    try:
        return Update.de_json(data, application.bot)
    except Exception as error:  # whatever a malformed update makes the library's parser raise
        log.warning(
            "skipped unparseable update %d (%s); its content is not logged",
            data["update_id"],
            type(error).__name__,
        )
        return None


@dataclass(frozen=True)
class WebhookSettings:
    url: str  # what Telegram posts to (public HTTPS)
    path: str  # the local path served, e.g. "/telegram"
    secret: str  # X-Telegram-Bot-Api-Secret-Token


class TelegramWebhook:
    """One bot fed by webhook requests; ``state`` is starting, webhook or failed."""

    def __init__(self, config: Config, settings: WebhookSettings) -> None:
        self.config = config
        self.settings = settings
        self.application: Application | None = None
        self.on_failure: Callable[[str, int], None] | None = None
        """Set by ``pelibot run``: the bot is the point of the process, so a failure ends it
        (with this message and exit code) instead of leaving the API alone."""
        self.state = "starting"
        self.problem = ""
        self._last_update: float | None = None
        self._pending_since: float | None = None
        self._stack: contextlib.AsyncExitStack | None = None

    # -- requests -----------------------------------------------------------------------------

    def secret_ok(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(
            given.encode("utf-8", "replace"), self.settings.secret.encode()
        )

    @property
    def ready(self) -> bool:
        return self.state == "webhook" and self.application is not None

    async def put(self, body: bytes) -> bool:
        """Queue the update posted as ``body``; False when it is one this bot cannot parse
        (skipped, as polling skips it); ``BadUpdate`` when it is no update at all."""
        application = self.application
        assert application is not None
        update = parse_update(body, application)
        if update is None:
            return False
        now = time.monotonic()
        self._last_update = now
        if self._pending_since is None:
            self._pending_since = now
        await application.update_queue.put(update)
        return True

    async def _taken_up(self, update: object, context: Context) -> None:
        """Runs first for every update: the queue is being worked through."""
        if self.application is not None and self.application.update_queue.empty():
            self._pending_since = None

    # -- health -------------------------------------------------------------------------------

    def last_update_age(self) -> float | None:
        return None if self._last_update is None else time.monotonic() - self._last_update

    def healthy(self) -> bool:
        if not self.ready or self.application is None or not self.application.running:
            return False
        pending = self._pending_since
        return pending is None or time.monotonic() - pending < STALL_SECONDS

    # -- lifetime -----------------------------------------------------------------------------

    async def start(self, service: MovieService) -> None:
        from bot.telegram.app import LeanChartMaker, build_application, set_menus

        application = build_application(
            self.config, service, charts=LeanChartMaker(service.movies, service.stats), webhook=True
        )
        application.add_handler(TypeHandler(Update, self._taken_up), group=-1)
        self.application = application
        if not await self._connect(application):
            return
        await set_menus(application)
        try:
            await application.start()
        except Exception as error:  # reported in /health; the API keeps going
            self._failed(f"the bot could not start: {error}")
            return
        self.state, self.problem = "webhook", ""
        log.info(
            "pelibot is up as @%s; Telegram posts to %s",
            application.bot.username,
            self.settings.url,
        )

    async def _connect(self, application: Application) -> bool:
        """getMe and setWebhook, retried with growing pauses while the Bot API is unreachable
        (``bot.telegram.startup``: the first failure said at once, then once per group of
        attempts). False (and the API keeps being served) when Telegram refuses the token or
        the webhook, or the retries (``PELIBOT_BOOTSTRAP_RETRIES``) run out."""
        from bot.telegram.app import ALLOWED_UPDATES
        from bot.telegram.startup import CONNECT_SECONDS, READ_SECONDS, reach

        where = self.config.base_url or "api.telegram.org"
        log.info("connecting to %s", where)
        attempts = _ProblemLog(self, where)

        async def connect() -> None:
            await application.bot.get_me(connect_timeout=CONNECT_SECONDS, read_timeout=READ_SECONDS)
            if self._stack is None:  # ``async with application``: initialize now, shut down
                stack = contextlib.AsyncExitStack()  # at ``stop`` (a failed start shuts down)
                await stack.enter_async_context(application)
                self._stack = stack
            await application.bot.set_webhook(
                url=self.settings.url,
                secret_token=self.settings.secret,
                allowed_updates=ALLOWED_UPDATES,
            )

        try:
            await reach(
                connect, where=where, retries=self.config.bootstrap_retries, attempts=attempts
            )
        except InvalidToken:
            return self._failed(
                "Telegram rejected TELEGRAM_BOT_TOKEN; copy it again from @BotFather.", code=2
            )
        except NetworkError as error:
            return self._failed(
                f"cannot reach the Bot API at {where} ({cause(error)}); gave up after "
                f"{attempts.failures + 1} attempts"
            )
        except TelegramError as error:  # e.g. a webhook URL Telegram does not accept
            return self._failed(f"Telegram refused the webhook {self.settings.url}: {error}")
        self.problem = ""
        return True

    def _failed(self, problem: str, code: int = 1) -> bool:
        self.state, self.problem = "failed", problem
        if self.on_failure is not None:
            self.on_failure(problem, code)
        else:
            log.error("%s The bot is silent; the API is served as usual.", problem)
        return False

    def status(self) -> str:
        """For ``/health``: "ok", "starting", or "error: …" saying why the bot is silent."""
        if self.state == "failed":
            return f"error: {self.problem}"
        if self.state == "starting":
            return f"error: {self.problem}; retrying" if self.problem else "starting"
        if self.healthy():
            return "ok"
        pending = self._pending_since
        if pending is not None:
            waited = time.monotonic() - pending
            return f"error: updates are not being processed (one has waited {waited:.0f} s)"
        return "error: the bot has stopped"

    async def stop(self) -> None:
        application, self.application = self.application, None
        stack, self._stack = self._stack, None
        if application is None:
            return
        self.state = "starting"
        if application.running:
            await application.stop()
        if stack is not None:
            await stack.aclose()  # leaves ``async with application``: shutdown
