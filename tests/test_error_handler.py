"""The error handler never raises itself, whatever the update it is given lacks."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from telegram import Update

from bot.telegram.app import build_application
from bot.telegram.config import Config
from handlers.service import MovieService
from tests.e2e.emulator import Emulator, EmulatorRequest

TOKEN = "123456789:error-handler-token"


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return MovieService.from_data_dir(real_data_dir)


async def test_a_message_without_a_chat_is_logged_not_raised(
    service: MovieService, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    emulator = Emulator(TOKEN)
    request = EmulatorRequest(emulator)
    config = Config(token=TOKEN, data_dir=tmp_path, heartbeat_file=tmp_path / "beat")
    application = build_application(config, service, request=request, get_updates_request=request)
    user = Emulator.user(9, "Ana", "es")
    data = {
        "update_id": 7,
        "message": {"message_id": 1, "date": 1, "from": user, "text": "/mes enero"},
    }
    update = Update.de_json(data, application.bot)
    async with application:
        with caplog.at_level(logging.WARNING):
            await application.process_update(update)
    failures = [r for r in caplog.records if "error_handler" in r.getMessage()]
    assert not failures, failures[0].getMessage()
    handled = [r for r in caplog.records if "update 7" in r.getMessage()]
    assert handled, [r.getMessage() for r in caplog.records]
    assert not [c for c in emulator.calls if c.method == "sendMessage"]
