"""The web server closes connections that never deliver a whole request."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
import uvicorn
from starlette.types import Receive, Send

from bot.web.serve import MAX_HEAD_BYTES, server_config
from tests.e2e.emulator import LOOPBACK
from tests.e2e.test_bot_e2e import free_port


async def hello(scope: dict[str, Any], receive: Receive, send: Send) -> None:
    """Reads the whole body, then answers "hi"."""
    if scope["type"] != "http":
        return
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return
        if not message.get("more_body"):
            break
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]}
    )
    await send({"type": "http.response.body", "body": b"hi"})


@pytest_asyncio.fixture
async def port() -> AsyncIterator[int]:
    """A server with the web process's settings (``server_config``), a 0.3 s deadline."""
    chosen = free_port()
    config = server_config(hello, LOOPBACK, chosen, request_seconds=0.3)
    config.lifespan = "off"
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    yield chosen
    server.should_exit = True
    await task


async def closed_by_server(port: int, sent: bytes) -> bytes:
    """What the server answers to ``sent`` before closing (waits at most 5 s for the close)."""
    reader, writer = await asyncio.open_connection(LOOPBACK, port)
    writer.write(sent)
    await writer.drain()
    try:
        return await asyncio.wait_for(reader.read(), 5)
    finally:
        writer.close()


@pytest.mark.parametrize(
    "sent",
    [
        b"",  # never says anything
        b"GET / HTTP/1.1\r\nHost: x\r\n",  # a head that never ends
        b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345",  # a body cut short
    ],
    ids=["silent", "endless-head", "short-body"],
)
async def test_an_unfinished_request_is_closed(port: int, sent: bytes) -> None:
    assert await closed_by_server(port, sent) == b""


async def test_a_whole_request_is_answered_and_the_connection_kept(port: int) -> None:
    reader, writer = await asyncio.open_connection(LOOPBACK, port)
    for _ in range(2):
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
        assert head.startswith(b"HTTP/1.1 200")
        assert await reader.readexactly(2) == b"hi"
    writer.close()


async def test_a_head_still_incomplete_after_the_limit_is_refused(port: int) -> None:
    reader, writer = await asyncio.open_connection(LOOPBACK, port)
    writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (MAX_HEAD_BYTES + 100))
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(), 5)
    writer.close()
    assert answer.startswith(b"HTTP/1.1 400")
