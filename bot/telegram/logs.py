"""Quiet logs for expected Bot API failures: no tracebacks for a network error or a bad token.

python-telegram-bot logs such failures with the full chained traceback. While the bot starts,
they are fatal and ``run`` says so in one clean line, so the library's record is left out (it
shows at DEBUG level); once the bot is up, each is one line: the message and the error.
"""

from __future__ import annotations

import logging

from telegram.error import TelegramError


class TelegramErrorFilter(logging.Filter):
    """For the stderr handler: expected python-telegram-bot failures without tracebacks."""

    def __init__(self) -> None:
        super().__init__()
        self.starting = True

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if not (record.name.startswith("telegram") and isinstance(error, TelegramError)):
            return True
        if self.starting:
            return False
        message = record.getMessage()
        record.msg = "%s (%s: %s)"
        record.args = (message, type(error).__name__, error)
        record.exc_info = None
        record.exc_text = None
        return True


def install(handler: logging.Handler, level: int) -> None:
    """Quiet ``handler`` unless ``level`` asks for the details (DEBUG)."""
    if level > logging.DEBUG:
        handler.addFilter(TelegramErrorFilter())


def mark_started() -> None:
    """The bot is up: from now on library failures are logged, in one line each."""
    for handler in logging.getLogger().handlers:
        for found in handler.filters:
            if isinstance(found, TelegramErrorFilter):
                found.starting = False
