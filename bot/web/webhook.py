"""The Telegram bot inside ``pelibot serve``: python-telegram-bot's custom-webhook pattern.

The ``Application`` is the one ``bot.telegram.app.build_application`` builds for polling; here no
``Updater`` runs. At start the bot is initialised (retrying while the Bot API is out of reach),
the webhook is registered with its secret and the allowed updates, the command menus are set and
the application is started; each webhook request only checks the secret, parses the update and
puts it on ``application.update_queue``, so Telegram gets its 200 at once. The webhook is left
registered at stop: while the process sleeps or restarts, Telegram keeps the updates and retries.
"""

from __future__ import annotations

import hmac
import logging
import time
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ContextTypes, TypeHandler
from telegram.request import BaseRequest

from bot.telegram.config import Config
from bot.telegram.startup import AttemptLog, cause
from handlers.service import MovieService

log = logging.getLogger("pelibot")

STALL_SECONDS = 60.0
"""An update received and not taken up for processing within this long means the bot is stuck."""


class NoPolling(BaseRequest):
    """The getUpdates connection of a webhook bot: never used, so no HTTP client for it."""

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        raise RuntimeError("a webhook bot does not poll")


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
        self.state = "starting"
        self.problem = ""
        self._last_update: float | None = None
        self._pending_since: float | None = None

    # -- requests -----------------------------------------------------------------------------

    def secret_ok(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(
            given.encode("utf-8", "replace"), self.settings.secret.encode()
        )

    @property
    def ready(self) -> bool:
        return self.state == "webhook" and self.application is not None

    async def put(self, data: Any) -> None:
        """Queue one update (the parsed JSON body); ``BadUpdate`` when it is not one."""
        application = self.application
        assert application is not None
        if not isinstance(data, dict) or type(data.get("update_id")) is not int:
            raise BadUpdate("not a Telegram update")
        try:
            update = Update.de_json(data, application.bot)
        except Exception as error:  # whatever a malformed update makes the parser raise
            raise BadUpdate(f"not a Telegram update: {type(error).__name__}") from error
        now = time.monotonic()
        self._last_update = now
        if self._pending_since is None:
            self._pending_since = now
        await application.update_queue.put(update)

    async def _taken_up(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
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
            self.config,
            service,
            charts=LeanChartMaker(service.movies, service.stats),
            get_updates_request=NoPolling(),
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
        the webhook, or the retries run out."""
        from bot.telegram.app import ALLOWED_UPDATES
        from bot.telegram.startup import CONNECT_SECONDS, READ_SECONDS, reach

        where = self.config.base_url or "api.telegram.org"
        attempts = _ProblemLog(self, where)

        async def connect() -> None:
            await application.bot.get_me(connect_timeout=CONNECT_SECONDS, read_timeout=READ_SECONDS)
            await application.initialize()
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
                "Telegram rejected TELEGRAM_BOT_TOKEN; copy it again from @BotFather."
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

    def _failed(self, problem: str) -> bool:
        self.state, self.problem = "failed", problem
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
        if application is None:
            return
        self.state = "starting"
        if application.running:
            await application.stop()
        await application.shutdown()
