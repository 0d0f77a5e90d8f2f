"""The Telegram ``Application``: built from a ``Config`` and a ``MovieService``, then run.

``build_application`` wires python-telegram-bot's own pieces: HTML ``Defaults`` (replies quote the
asking message in groups, not in private chats), ``AIORateLimiter`` flood control, the handler
modules, an error handler and the command menus per language; its connections retry Bot API
blips (``resilience``) and its polling skips unparseable updates and keeps the heartbeat file of
the container health check (``polling``). ``run`` gets the catalog (``bot.loading``), then
polls. With ``PELIBOT_WEBHOOK_URL``, ``pelibot run`` is the web server of ``bot.web.serve``
instead, which feeds the same application through its update queue (``bot.web.webhook``).
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, Defaults
from telegram.request import BaseRequest, HTTPXRequest

from bot import memory
from bot.charts import ChartMaker
from bot.loading import CatalogSource, obtain_service
from bot.render import command_menu
from bot.telegram import (
    buttons,
    errors,
    inline,
    logs,
    movie_night,
    questions,
    start,
    startup,
    words,
)
from bot.telegram.common import CONTEXT_TYPES, Deps, install
from bot.telegram.config import Config
from bot.telegram.polling import PollingRequest
from bot.telegram.resilience import RetryingRequest, send_request
from handlers.answers import Answer
from handlers.catalog import CatalogError
from handlers.service import MovieService

log = logging.getLogger("pelibot")

ALLOWED_UPDATES = [
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
    Update.POLL,
]
MENU_LANGUAGES = {"es": None, "en": "en"}  # Spanish is the default menu (no language code)


class RedactingFormatter(logging.Formatter):
    """A log formatter that never prints the bot token (it appears in Bot API URLs)."""

    def __init__(self, secrets: list[str], fmt: str) -> None:
        super().__init__(fmt)
        self._secrets = [secret for secret in secrets if secret]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, "<token>")
        return text


def setup_logging(config: Config, level: int = logging.INFO) -> None:
    """Log to stderr with the token redacted; httpx (which logs every URL) only from WARNING;
    expected Bot API failures without tracebacks (``logs``)."""
    handler = logging.StreamHandler()
    handler.setFormatter(
        RedactingFormatter(
            [config.token, (config.webhook.secret or "") if config.webhook else ""],
            "%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
    )
    logs.install(handler, level)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


async def set_menus(application: Application) -> None:
    """The command menu in Spanish (default) and English; a failure is only a warning."""
    for lang, code in MENU_LANGUAGES.items():
        commands = [BotCommand(name, text) for name, text in command_menu(lang)]
        try:
            await application.bot.set_my_commands(commands, language_code=code)
        except TelegramError as error:
            log.warning("could not set the %s command menu: %s", lang, error)


def build_application(
    config: Config,
    service: MovieService,
    *,
    charts: ChartMaker | None = None,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    webhook: bool = False,
) -> Application:
    """The bot, ready for ``run_polling``, or with ``webhook`` for updates put on its queue
    (python-telegram-bot's custom-webhook pattern: no ``Updater``)."""
    builder = (
        ApplicationBuilder()
        .token(config.token)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                allow_sending_without_reply=True,
            )
        )
        .rate_limiter(
            AIORateLimiter(overall_max_rate=config.max_messages_per_second, max_retries=3)
        )
        .context_types(CONTEXT_TYPES)
        .concurrent_updates(True)
        .post_init(_post_init)
    )
    if config.base_url:
        builder = builder.base_url(config.base_url)
        builder = builder.base_file_url(config.base_file_url or config.base_url)
    sends = send_request() if request is None else request
    if not isinstance(sends, RetryingRequest):
        sends = RetryingRequest(sends)
    polls = get_updates_request or HTTPXRequest(connection_pool_size=1, read_timeout=10.0)
    builder = builder.request(sends).get_updates_request(
        PollingRequest(polls, config.heartbeat_file)
    )
    if webhook:
        builder = builder.updater(None)
    application = builder.build()
    install(application, Deps(service=service, charts=charts))
    # The order matters for messages: the first handler that takes an update answers it.
    application.add_handlers(
        [
            *start.handlers(),  # /start, /help
            *movie_night.handlers(),  # /cerrar, and a movie-night poll closing
            *questions.handlers(),  # the commands of the table, and /día, /país spelled out
            *words.handlers(),  # messages in words; example and card-action buttons
            *buttons.handlers(),  # "did you mean" choices and chart buttons
            *inline.handlers(),  # @bot queries in any chat
            start.unknown_command_handler(),  # a private command none of the above took
            buttons.unknown_button(),  # a button none of the above made
        ]
    )
    application.add_error_handler(errors.on_error)
    return application


async def _post_init(application: Application) -> None:
    await set_menus(application)
    logs.mark_started()
    log.info("pelibot is up as @%s", application.bot.username)


class LeanChartMaker(ChartMaker):
    """A drawn chart leaves its figure in reference cycles and its buffers in malloc's heap:
    both are handed back after each one (a few ms, in the chart thread)."""

    def png(self, answer: Answer, lang: str = "es") -> bytes | None:
        try:
            return super().png(answer, lang)
        finally:
            memory.release()


def load_or_build_service(config: Config) -> MovieService:
    """The movie service from the one catalog provider (``bot.loading.obtain_service``): built
    first when missing and the raw files are at hand; without it ``CatalogError``, or with
    ``config.wait_for_catalog`` a wait, checking that often."""
    source = CatalogSource(config.data_dir, config.raw_csv, config.keywords_csv)
    return asyncio.run(obtain_service(source, config.wait_for_catalog))


class _Stopped(BaseException):
    """SIGTERM before the bot started (e.g. ``docker stop`` during the first catalog build)."""


def _stop(signum: int, frame: object) -> None:
    raise _Stopped


def _start_failed(error: TelegramError, config: Config, where: str) -> int:
    """The exit code (and the one line said) when the Bot API keeps the bot from starting."""
    if isinstance(error, InvalidToken):
        return _rejected(error, config)
    if isinstance(error, NetworkError):
        return _unreachable(error, where)
    log.debug("start-up failed", exc_info=error)
    print(f"pelibot run: the Bot API refused to start the bot: {error}", file=sys.stderr)
    return 1


def run(config: Config) -> int:
    """Poll Telegram until stopped; the exit code for ``pelibot run`` (with a webhook,
    ``pelibot run`` is the web server of ``bot.web.serve`` instead)."""
    setup_logging(config)
    # Until python-telegram-bot installs its own handlers, SIGTERM unwinds (a half-written
    # build is removed, a start-up waiting for the Bot API ends) instead of killing the process.
    previous = signal.signal(signal.SIGTERM, _stop)
    where = config.base_url or "api.telegram.org"
    try:
        service = load_or_build_service(config)
        charts = LeanChartMaker(service.movies, service.stats)
        application = build_application(config, service, charts=charts)
        log.info("catalog loaded (%d movies); connecting to %s", len(service.movies), where)
        _first_contact(application, config, where)
    except CatalogError as error:
        print(f"pelibot run: {error}", file=sys.stderr)
        return 1
    except _Stopped:
        print("pelibot run: stopped before the bot started.", file=sys.stderr)
        return 0
    except TelegramError as error:
        return _start_failed(error, config, where)
    finally:
        signal.signal(signal.SIGTERM, previous)
    try:
        application.run_polling(
            allowed_updates=ALLOWED_UPDATES,
            timeout=int(config.poll_timeout),
            bootstrap_retries=config.bootstrap_retries,
        )
    except TelegramError as error:
        return _start_failed(error, config, where)
    return 0


def _first_contact(application: Application, config: Config, where: str) -> None:
    """Reach the Bot API before polling (``startup.reach``): a failure is said within seconds
    and retried with growing pauses, in python-telegram-bot's own event loop."""

    async def contact() -> None:
        await application.bot.get_me(
            connect_timeout=startup.CONNECT_SECONDS, read_timeout=startup.READ_SECONDS
        )
        await application.initialize()

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)  # the loop run_polling takes up
    try:
        loop.run_until_complete(
            startup.reach(contact, where=where, retries=config.bootstrap_retries)
        )
    except BaseException:
        loop.close()
        raise


def _rejected(error: TelegramError, config: Config) -> int:
    """Say once that the token was rejected; exit code 2. In a container (``config.
    wait_for_catalog`` set) wait for a stop signal first: a restart cannot mend a token, so
    exiting would only have the restart policy say the same thing again and again."""
    log.debug("start-up failed", exc_info=error)
    print(
        "pelibot run: Telegram rejected TELEGRAM_BOT_TOKEN; copy it again from @BotFather.",
        file=sys.stderr,
    )
    if config.wait_for_catalog > 0:
        print(
            "pelibot run: the bot is silent; waiting to be stopped (set the right token, then "
            "restart the container)",
            file=sys.stderr,
            flush=True,
        )
        _wait_for_stop()
    return 2


def _wait_for_stop() -> None:
    """Block until SIGTERM or SIGINT."""
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        while True:
            signal.pause()
    except (_Stopped, KeyboardInterrupt):
        return
    finally:
        signal.signal(signal.SIGTERM, previous)


def _unreachable(error: TelegramError, where: str) -> int:
    log.debug("start-up failed", exc_info=error)
    print(
        f"pelibot run: cannot reach the Bot API at {where}: {startup.cause(error)}",
        file=sys.stderr,
    )
    return 1
