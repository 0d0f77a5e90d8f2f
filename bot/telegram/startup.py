"""Reaching the Bot API at start: said in seconds, retried with growing pauses, logged in groups.

The first failure is logged as soon as it happens (the first getMe waits at most
``FIRST_CALL_SECONDS``); while the Bot API stays out of reach one line sums up each group of
attempts — after 5, 10, 20, 40, then every 40 — or says so at once when the cause changes, and
one line says when it was reached at last. A token Telegram rejects is not retried: the caller
says so once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable

from telegram.error import NetworkError, TimedOut
from tenacity import RetryCallState, retry_if_exception_type

from bot.retry import MAX_PAUSE, retrying

log = logging.getLogger("pelibot")

FIRST_PAUSE = 1.0
FIRST_GROUP = 5
"""After the first failure the next line comes at this attempt, then each time the count doubles."""
LONGEST_GROUP = 40
"""…but at least every this many attempts (20 minutes at the longest pause)."""
CONNECT_SECONDS = 5.0
READ_SECONDS = 10.0
FIRST_CALL_SECONDS = CONNECT_SECONDS + READ_SECONDS
"""The longest a start-up call waits: a failure is reported within this many seconds."""


def cause(error: BaseException) -> str:
    """A failure in a few words: the error and, when it has one, its underlying cause."""
    text = str(error).strip() or type(error).__name__
    if isinstance(error, TimedOut):
        return f"no answer in time: {text}"
    inner = error.__cause__
    if inner is not None and str(inner).strip() and str(inner).strip() not in text:
        text = f"{text}: {str(inner).strip()}"
    return text


class AttemptLog:
    """One log line per group of failed attempts to reach ``where`` (see the module docstring)."""

    def __init__(self, where: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.where = where
        self._clock = clock
        self._started = clock()
        self._next = 1
        self._cause = ""
        self.failures = 0

    def failed(self, attempt: int, error: BaseException, pause: float) -> None:
        """Attempt number ``attempt`` failed with ``error``; the next comes in ``pause`` s."""
        self.failures = attempt
        now = cause(error)
        if attempt < self._next and now == self._cause:
            return
        if attempt == 1:
            log.warning(
                "cannot reach the Bot API at %s (%s); trying again with growing pauses "
                "(up to %g s), saying so again after %d attempts",
                self.where,
                now,
                MAX_PAUSE,
                FIRST_GROUP,
            )
        else:
            log.warning(
                "still cannot reach the Bot API at %s after %d attempts in %.0f s (%s); "
                "next attempt in %.0f s",
                self.where,
                attempt,
                self._clock() - self._started,
                now,
                pause,
            )
        self._cause = now
        while self._next <= attempt:
            if self._next == 1:
                self._next = FIRST_GROUP
            else:
                self._next = min(self._next * 2, self._next + LONGEST_GROUP)

    def reached(self) -> None:
        """The Bot API answered; said only when it had failed before."""
        if self.failures:
            log.info(
                "reached the Bot API at %s after %d failed attempts", self.where, self.failures
            )


async def reach(
    step: Callable[[], Awaitable[None]],
    *,
    where: str,
    retries: int,
    first_pause: float = FIRST_PAUSE,
    attempts: AttemptLog | None = None,
) -> None:
    """Run ``step`` until it works, retrying network errors ``retries`` times (-1: for ever)
    after pauses of ``first_pause`` s, doubling up to 30 s, logged by ``attempts``.

    The last network error is raised when the retries run out; any other error (a rejected
    token, a refused webhook) at once.
    """
    report = attempts or AttemptLog(where)

    def failed(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome is not None else None
        if error is not None:
            report.failed(state.attempt_number, error, state.upcoming_sleep)

    schedule = retrying(  # NetworkError includes timeouts; never InvalidToken
        retry_if_exception_type(NetworkError),
        attempts=None if retries < 0 else retries + 1,
        first_pause=first_pause,
        report=failed,
    )
    await schedule(step)
    report.reached()
