"""What a ``pelibot serve`` process holds, and how it gets its catalog without blocking the port.

The web server answers from the first second: ``/health`` says 503 until the catalog is loaded,
and the API says so too. In the background the catalog is loaded; when it is missing it is built
from the raw CSV when one is at hand (in a child process, so a stop signal ends it at once and
the server never holds the build's memory), otherwise the process says so once and checks again
every few seconds — no crash, so no restart storm, and ``pelibot prepare`` run beside it (e.g.
``docker compose run --rm pelibot pelibot prepare``) is picked up without a restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.loading import CatalogSource, obtain_service
from handlers.service import MovieService

if TYPE_CHECKING:
    from bot.web.webhook import TelegramWebhook

log = logging.getLogger("pelibot")

HEARTBEAT_SECONDS = 15.0


@dataclass
class Runtime:
    """The catalog (once there), the Telegram side (when configured) and their health."""

    data_dir: Path
    telegram: TelegramWebhook | None = None
    heartbeat: Path | None = None  # touched while healthy, for ``pelibot health`` in containers
    retry_seconds: float = 10.0
    source: CatalogSource | None = None  # where the raw files are, when not the defaults
    service: MovieService | None = None
    state: str = "loading"  # loading | building | no_catalog | ready
    problem: str = ""
    _task: asyncio.Task[None] | None = field(default=None, repr=False)

    @classmethod
    def with_service(
        cls, service: MovieService, telegram: TelegramWebhook | None = None
    ) -> Runtime:
        """A runtime whose catalog is already loaded (tests, benchmarks)."""
        return cls(service.catalog.build_dir.parent, telegram, service=service, state="ready")

    # -- health -------------------------------------------------------------------------------

    def healthy(self) -> bool:
        """Whether the API can answer: the catalog is loaded (``/health`` says 200)."""
        return self.state == "ready" and self.service is not None

    def telegram_status(self) -> str:
        """ "ok", "starting", "off" (no bot in this process) or "error: …" (why it is silent)."""
        return "off" if self.telegram is None else self.telegram.status()

    def ready(self) -> bool:
        """Everything this process was configured for works: the API, and the bot if any."""
        return self.healthy() and self.telegram_status() in ("ok", "off")

    def health(self) -> tuple[int, dict[str, Any]]:
        """``/health``: 200 once the API can answer, whatever the bot's state (in the body)."""
        service = self.service
        telegram = self.telegram_status()
        body: dict[str, Any] = {
            "status": "ok",
            "movies": len(service.movies) if service is not None else None,
            "build": service.catalog.build_dir.name if service is not None else None,
            "sample": bool(service.catalog.manifest.get("sample")) if service is not None else None,
            "telegram": telegram,
            "ready": self.ready(),
            "last_update_age_s": None,
        }
        if self.telegram is not None:
            age = self.telegram.last_update_age()
            body["last_update_age_s"] = None if age is None else round(age, 1)
        if self.healthy():
            return 200, body
        body |= {"status": self.state, "detail": self.problem or self.state}
        return 503, body

    def telegram_health(self) -> tuple[int, dict[str, Any]]:
        """``/health/telegram``, for monitors of the bot: 200 only when it is "ok"."""
        body = self.health()[1]
        telegram = {k: body[k] for k in ("telegram", "ready", "last_update_age_s")}
        return (200 if body["telegram"] == "ok" else 503), telegram

    # -- lifetime -----------------------------------------------------------------------------

    def start(self) -> None:
        """Bring the catalog and Telegram up in the background (the server is already up)."""
        self._task = asyncio.create_task(self._bring_up(), name="pelibot-runtime")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self.telegram is not None:
            await self.telegram.stop()

    async def _bring_up(self) -> None:
        if self.service is None:
            self.service = await self._catalog()
            self.state, self.problem = "ready", ""
            log.info("catalog loaded (%d movies)", len(self.service.movies))
        if self.telegram is not None:
            await self.telegram.start(self.service)
        while True:
            if self.heartbeat is not None and self.ready():
                _beat(self.heartbeat)
            await asyncio.sleep(HEARTBEAT_SECONDS)

    async def _catalog(self) -> MovieService:
        """The catalog from the one provider (``bot.loading.obtain_service``), waiting for it."""

        def report(state: str, problem: str) -> None:
            self.state, self.problem = state, problem

        source = self.source or CatalogSource(self.data_dir)
        return await obtain_service(source, self.retry_seconds, report)


def _beat(path: Path) -> None:
    from bot.telegram.health import touch

    try:
        touch(path)
    except OSError as error:
        log.warning("cannot touch the heartbeat file %s: %s", path, error)
