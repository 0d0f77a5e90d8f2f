"""Bot API calls that survive a blip: bounded retries, patient timeouts, no duplicated answers.

A call is repeated only when it demonstrably did not get through: the Bot API answered 5xx, or
the connection failed before the request was sent (refused, connect timeout, no free
connection). A read timeout is never repeated — Telegram may well have delivered the message and
only its answer was late — and the error handler does not apologise for it either.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx
from telegram.error import NetworkError, TelegramError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest
from tenacity import RetryCallState, retry_if_exception, retry_if_result

from bot.retry import retrying

log = logging.getLogger(__name__)

ATTEMPTS = 3
BACKOFF = 0.5  # seconds before the second attempt, doubled before each further one
CONNECTIONS = 256  # python-telegram-bot's default pool for an Application
CONNECT_TIMEOUT = 5.0
SEND_TIMEOUT = 30.0  # read/write: the Bot API sometimes takes many seconds to answer a send
MEDIA_WRITE_TIMEOUT = 60.0
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# start-up calls: python-telegram-bot's bootstrap loop retries them (PELIBOT_BOOTSTRAP_RETRIES)
BOOTSTRAP_METHODS = frozenset({"getMe", "deleteWebhook", "setWebhook", "getUpdates", "close"})


def never_sent(error: BaseException) -> bool:
    """Whether a failed call never left this machine (python-telegram-bot keeps httpx's cause)."""
    return isinstance(error.__cause__, _NOT_SENT)


def may_have_arrived(error: BaseException) -> bool:
    """Whether a failed call may still have done its work: the request left, then the answer
    timed out or the connection dropped (unlike a 5xx answer or a refused connection)."""
    in_transit = isinstance(error, TimedOut) or isinstance(error.__cause__, httpx.HTTPError)
    return isinstance(error, NetworkError) and in_transit and not never_sent(error)


def api_method(url: str) -> str:
    """``sendMessage`` from ``…/bot<token>/sendMessage`` (never log the URL: it holds the token)."""
    return url.rpartition("/")[2]


class RequestWrapper(BaseRequest):
    """A ``BaseRequest`` that hands every call to ``inner`` (any backend, e.g. HTTPXRequest)."""

    def __init__(self, inner: BaseRequest) -> None:
        self.inner = inner

    @property
    def read_timeout(self) -> float | None:
        return self.inner.read_timeout

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: Any = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        return await self.inner.do_request(
            url,
            method,
            request_data=request_data,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )


class RetryingRequest(RequestWrapper):
    """Up to ``attempts`` tries with exponential backoff, on 5xx answers and unsent requests.

    Start-up calls are tried once: the start-up retries them itself (python-telegram-bot's
    bootstrap when polling, ``bot.retry`` for the webhook).
    """

    def __init__(
        self, inner: BaseRequest, *, attempts: int = ATTEMPTS, backoff: float = BACKOFF
    ) -> None:
        super().__init__(inner)
        self.attempts = attempts
        self.backoff = backoff

    async def do_request(
        self, url: str, method: str, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        if api_method(url) in BOOTSTRAP_METHODS:
            return await super().do_request(url, method, *args, **kwargs)
        name = api_method(url)

        def what(state: RetryCallState) -> str:
            outcome = state.outcome
            assert outcome is not None
            if outcome.failed:
                return f"{name} was not sent ({outcome.exception()})"
            return f"{name} got HTTP {outcome.result()[0]}"

        blip = retry_if_result(lambda result: result[0] >= 500) | retry_if_exception(
            lambda error: isinstance(error, TelegramError) and never_sent(error)
        )
        schedule = retrying(blip, attempts=self.attempts, first_pause=self.backoff, what=what)
        result: tuple[int, bytes] = await schedule(super().do_request, url, method, *args, **kwargs)
        return result


def send_request() -> BaseRequest:
    """The connection for everything but getUpdates: patient timeouts, retried blips."""
    return RetryingRequest(
        HTTPXRequest(
            connection_pool_size=CONNECTIONS,
            connect_timeout=CONNECT_TIMEOUT,
            read_timeout=SEND_TIMEOUT,
            write_timeout=SEND_TIMEOUT,
            media_write_timeout=MEDIA_WRITE_TIMEOUT,
        )
    )
