"""The route Telegram posts updates to (``pelibot serve``, and ``pelibot run`` with a
webhook): secret checked, body bounded, update handed to the bot (``bot.web.webhook``).

Never a 5xx for what a sender posts, which Telegram would retry for ever: 403 wrong secret,
413 over 1 MB, 400 not an update (or a sender gone mid-body), 503 bot not up yet, 200 queued
or skipped (an update python-telegram-bot cannot parse, as polling skips it).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.requests import ClientDisconnect

if TYPE_CHECKING:  # importing python-telegram-bot only when the bot runs
    from bot.web.webhook import TelegramWebhook

log = logging.getLogger("pelibot")

MAX_WEBHOOK_BODY = 1024 * 1024
"""Telegram updates are a few KB; a larger body is refused with 413."""
MAX_DRAINED = 4 * MAX_WEBHOOK_BODY
"""Up to this size a refused body is still read, so the sender can read the 413."""


def webhook_router(bridge: TelegramWebhook) -> APIRouter:
    """A router with the one POST route at the webhook's path."""
    router = APIRouter(include_in_schema=False)

    @router.post(bridge.settings.path)
    async def telegram_update(request: Request) -> Response:
        if not bridge.secret_ok(request.headers.get("x-telegram-bot-api-secret-token")):
            return Response(status_code=403)
        length = request.headers.get("content-length", "0")
        if not length.isdecimal() or int(length) > MAX_DRAINED:
            return Response(status_code=413)
        body, received = bytearray(), 0
        try:
            async for chunk in request.stream():  # read to the end, so the sender gets the 413
                received += len(chunk)
                if received > MAX_DRAINED:
                    return Response(status_code=413)
                if received <= MAX_WEBHOOK_BODY:
                    body += chunk
        except ClientDisconnect:  # the sender went away: nobody reads an answer
            log.debug("webhook sender disconnected after %d bytes", received)
            return Response(status_code=400)
        if received > MAX_WEBHOOK_BODY:
            return Response(status_code=413)
        if not bridge.ready:
            return Response(status_code=503)  # Telegram retries later
        try:
            await bridge.put(bytes(body))
        except ValueError:  # BadUpdate: not JSON, not UTF-8, too deep, or not an update
            return Response(status_code=400)
        return Response(status_code=200)

    return router
