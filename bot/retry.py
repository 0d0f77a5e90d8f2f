"""The one retry schedule of the process (tenacity): exponential pauses, capped, for a bounded
number of attempts or for ever. Used by the Bot API connection (a blip during a send) and by
the webhook bot's start-up (the Bot API out of reach)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_base,
    stop_after_attempt,
    stop_never,
    wait_exponential,
)

log = logging.getLogger("pelibot")

MAX_PAUSE = 30.0


def retrying(
    retry: retry_base,
    *,
    attempts: int | None,
    first_pause: float,
    what: Callable[[RetryCallState], str] | None = None,
    report: Callable[[RetryCallState], None] | None = None,
) -> AsyncRetrying:
    """Retry while ``retry`` says so, ``attempts`` times in all (None: for ever), pausing
    ``first_pause`` seconds, then twice as long each time up to 30 s; each pause is logged as
    a warning saying ``what`` went wrong — or handed to ``report``, for a caller that logs
    otherwise (once per group of attempts). The last failure is raised (or its result
    returned)."""

    def before_sleep(state: RetryCallState) -> None:
        if report is not None:
            report(state)
            return
        pause = state.upcoming_sleep
        total = "" if attempts is None else f" of {attempts}"
        said = what(state) if what is not None else "failed"
        log.warning("%s; attempt %d%s in %.1f s", said, state.attempt_number + 1, total, pause)

    return AsyncRetrying(
        retry=retry,
        wait=wait_exponential(multiplier=first_pause, min=first_pause, max=MAX_PAUSE),
        stop=stop_never if attempts is None else stop_after_attempt(attempts),
        before_sleep=before_sleep,
        retry_error_callback=_last_outcome,
        reraise=True,
    )


def _last_outcome(state: RetryCallState) -> Any:
    """Once the attempts are spent: the last result, or its error raised."""
    assert state.outcome is not None
    return state.outcome.result()
