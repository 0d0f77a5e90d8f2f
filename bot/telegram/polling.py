"""The getUpdates connection: skip what cannot be parsed, and beat only when polling progresses.

python-telegram-bot parses each polled batch with ``Update.de_list``; one update it cannot parse
fails the whole batch, the offset never moves past it, and the Updater fetches the same batch again
at once — for ever. Here every update of a batch is tried first; one that does not parse is
replaced by an empty update carrying only its id (no handler takes it, and the Updater confirms it
with its next offset), and logged once, without its content.

The heartbeat file means "updates are being processed": it is touched after an empty poll, and
after a batch only once the next poll asks for an offset past it (the Updater has handed the
batch over), so a loop stuck on one batch goes stale and ``pelibot health`` says so.
"""

from __future__ import annotations

import json
import logging
from collections import deque
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.request import BaseRequest

from bot.telegram import health
from bot.telegram.resilience import RequestWrapper, api_method

log = logging.getLogger(__name__)

REMEMBERED = 1000  # ids of skipped updates remembered, so a refetch is not logged again


class PollingRequest(RequestWrapper):
    """Wraps the getUpdates request of the Application (see the module docstring)."""

    def __init__(self, inner: BaseRequest, heartbeat: Path) -> None:
        super().__init__(inner)
        self.heartbeat = heartbeat
        self._last_fetched: int | None = None  # highest update id of a batch not yet confirmed
        self._skipped: deque[int] = deque(maxlen=REMEMBERED)

    async def do_request(
        self, url: str, method: str, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        request_data = kwargs.get("request_data", args[0] if args else None)
        polling = api_method(url) == "getUpdates"
        if polling and self._last_fetched is not None:
            offset = request_data.parameters.get("offset") if request_data else None
            if isinstance(offset, int) and offset > self._last_fetched:
                self._last_fetched = None
                health.beat(self.heartbeat)  # the previous batch was handed over
        code, payload = await super().do_request(url, method, *args, **kwargs)
        if polling and code == 200:
            payload, updates = self._screen(payload)
            if updates == []:
                health.beat(self.heartbeat)  # nothing to do, and the loop is alive
            elif updates and isinstance(last := updates[-1].get("update_id"), int):
                self._last_fetched = last
        return code, payload

    def _screen(self, payload: bytes) -> tuple[bytes, list[Any] | None]:
        """The payload with unparseable updates emptied, and its updates (None: not a batch)."""
        try:
            body = json.loads(payload)
            updates = body["result"]
        except (ValueError, KeyError, TypeError):
            return payload, None  # python-telegram-bot reports a malformed answer itself
        if not isinstance(updates, list):
            return payload, None
        changed = False
        for index, data in enumerate(updates):
            try:
                Update.de_json(data, None)
            except Exception as error:  # anything the parser may raise, like PTB's own guard
                update_id = data.get("update_id") if isinstance(data, dict) else None
                if not isinstance(update_id, int):
                    continue  # without an id it cannot be confirmed; PTB will report it
                updates[index] = {"update_id": update_id}
                changed = True
                self._report(update_id, error)
        if not all(isinstance(data, dict) for data in updates):
            return payload, None
        return (json.dumps(body).encode() if changed else payload), updates

    def _report(self, update_id: int, error: Exception) -> None:
        if update_id in self._skipped:
            return
        self._skipped.append(update_id)
        log.warning(
            "skipped unparseable update %d (%s); its content is not logged",
            update_id,
            type(error).__name__,
        )
