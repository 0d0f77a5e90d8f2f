"""The one retry schedule (``bot.retry``): what it retries, how often, what it gives back."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import pytest
from telegram.error import InvalidToken, NetworkError
from tenacity import retry_if_exception_type, retry_if_result

from bot.retry import retrying


def flaky(
    failures: list[BaseException], result: str = "done"
) -> tuple[Callable[[], Awaitable[str]], list[int]]:
    """An action failing with ``failures`` in turn, then giving ``result``; and its calls."""
    calls: list[int] = []

    async def action() -> str:
        calls.append(1)
        if failures:
            raise failures.pop(0)
        return result

    return action, calls


async def test_network_errors_are_retried_until_it_works(caplog: pytest.LogCaptureFixture) -> None:
    action, calls = flaky([NetworkError("down"), NetworkError("still down")])
    schedule = retrying(
        retry_if_exception_type(NetworkError),
        attempts=5,
        first_pause=0.01,
        what=lambda state: "getMe failed",
    )
    with caplog.at_level(logging.WARNING):
        assert await schedule(action) == "done"
    assert len(calls) == 3
    assert [r.getMessage()[:30] for r in caplog.records] == [
        "getMe failed; attempt 2 of 5 i",
        "getMe failed; attempt 3 of 5 i",
    ]


async def test_the_last_error_is_raised_once_the_attempts_are_spent() -> None:
    action, calls = flaky([NetworkError(str(n)) for n in range(5)])
    schedule = retrying(
        retry_if_exception_type(NetworkError), attempts=3, first_pause=0.01, what=str
    )
    with pytest.raises(NetworkError, match=r"^2$"):
        await schedule(action)
    assert len(calls) == 3


async def test_other_errors_are_not_retried() -> None:
    action, calls = flaky([InvalidToken("no"), NetworkError("x")])
    schedule = retrying(
        retry_if_exception_type(NetworkError), attempts=None, first_pause=0.01, what=str
    )
    with pytest.raises(InvalidToken):
        await schedule(action)
    assert len(calls) == 1


async def test_a_bad_result_is_retried_and_the_last_one_returned() -> None:
    answers = [(502, b""), (503, b""), (500, b"last")]

    async def request() -> tuple[int, bytes]:
        return answers.pop(0)

    schedule = retrying(
        retry_if_result(lambda r: r[0] >= 500), attempts=3, first_pause=0.01, what=str
    )
    assert await schedule(request) == (500, b"last")
    assert answers == []
