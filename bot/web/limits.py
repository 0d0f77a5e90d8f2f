"""uvicorn's HTTP/1.1 protocol, with a deadline for each request to arrive whole.

uvicorn closes a kept-alive connection that stays idle (``timeout_keep_alive``), but not one
that never sends a request or stops in the middle of one: a slow or silent client would hold
its connection, and a server task, for ever. Here each connection has ``request_seconds``, from
its opening or its last answer, to deliver a whole request (head and body); otherwise it is
closed, and a handler reading the body sees the client gone.
"""

from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol


class BoundedH11Protocol(H11Protocol):
    request_seconds = 10.0
    _deadline: asyncio.TimerHandle | None = None

    @classmethod
    def limited(cls, seconds: float) -> type[BoundedH11Protocol]:
        """This protocol with a deadline of ``seconds`` (for uvicorn's ``http=``)."""
        return type(cls.__name__, (cls,), {"request_seconds": seconds})

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE and self.conn.their_state is not h11.SEND_BODY:
            self._disarm()  # the request has arrived whole (or the connection is ending)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.request_seconds, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and not self.transport.is_closing():
            self.transport.close()
