"""The catalog of a long-running process: found or built (the one provider of ``pelibot run``
and ``pelibot serve``), then loaded with its memory kept small."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from bot import memory
from handlers.catalog import CatalogError
from handlers.service import MovieService

if TYPE_CHECKING:
    from bot.settings import Settings
    from data_prep.source import RawFiles

log = logging.getLogger("pelibot")

BUILD_STOP_SECONDS = 10.0
PREPARE_SAYS = "pelibot prepare: "
"""How ``pelibot prepare`` starts the line that says why it failed."""
BUILD_FAILED = "could not build the catalog: "


def load_service(data_dir: Path) -> MovieService:
    """The service over the catalog in ``data_dir`` (raises ``CatalogError`` when missing).

    Arrow's default allocator keeps freed decoding buffers and glibc keeps freed heap: about
    60 MB and 70 MB on a 45,000-movie catalog. Both are handed back to the system, and what
    is alive now (the service, the modules) is set aside from later garbage collections.
    """
    pa.set_memory_pool(pa.system_memory_pool())
    service = MovieService.from_data_dir(data_dir)
    memory.settle()
    return service


@dataclass(frozen=True)
class CatalogSource:
    """Where a process gets its catalog: the data directory, and the raw files to build it
    from when it is missing (settings ``PELIBOT_RAW_CSV`` and ``PELIBOT_KEYWORDS_CSV``)."""

    data_dir: Path
    raw_csv: Path | None = None
    keywords_csv: Path | None = None
    credits_csv: Path | None = None  # setting PELIBOT_CREDITS_CSV: directors and cast

    @classmethod
    def from_settings(cls, settings: Settings, data_dir: Path | None = None) -> CatalogSource:
        return cls(
            data_dir or settings.data_dir,
            settings.raw_csv,
            settings.keywords_csv,
            settings.credits_csv,
        )

    def raw_at_hand(self) -> RawFiles | None:
        """The raw files to build from without downloading (``data_prep.source.at_hand``);
        None when there are none, or a configured one is missing."""
        from data_prep.source import RawDataUnavailable, at_hand

        try:
            return at_hand(
                configured=self.raw_csv,
                configured_keywords=self.keywords_csv,
                data_dir=self.data_dir,
                configured_credits=self.credits_csv,
            )
        except RawDataUnavailable:
            return None

    def prepare_args(self, files: RawFiles) -> list[str]:
        """The ``pelibot prepare`` arguments that build ``files`` into the data directory."""
        args = ["prepare", "--raw", str(files.movies), "--out", str(self.data_dir)]
        if files.keywords is not None:
            args += ["--keywords", str(files.keywords)]
        if files.credits is not None:
            args += ["--credits", str(files.credits)]
        return args


async def obtain_service(
    source: CatalogSource,
    retry_seconds: float,
    report: Callable[[str, str], None] = lambda state, problem: None,
) -> MovieService:
    """The service over ``source``'s catalog, for ``pelibot run`` and ``pelibot serve`` alike.

    A missing catalog is built from the raw files at hand (in a child process, so a stop ends
    it at once and this process never holds the build's memory); each raw file is tried once.
    Without one, ``CatalogError`` when ``retry_seconds`` is 0, else the problem is logged once
    and the catalog looked for again that often (in a container an exit would only be a
    restart, again and again). ``report(state, problem)`` hears of building and waiting.
    """
    tried: tuple[Path, float] | None = None
    failed = ""  # why the build from the ``tried`` raw file failed
    announced = ""
    while True:
        try:
            return await asyncio.to_thread(load_service, source.data_dir)
        except CatalogError as missing:
            problem = str(missing)
        files = source.raw_at_hand()
        stamp = _stamp(files.movies if files is not None else None)
        if files is not None and stamp != tried:
            tried = stamp
            report("building", f"building the catalog from {files.movies}")
            log.info("%s Building it from %s first.", problem, files.movies)
            failure = await build_catalog(source.prepare_args(files))
            if failure is None:
                continue
            failed = f"Could not build the catalog from {files.movies}: {failure}"
        if files is not None and stamp == tried and failed:  # the same file, the same problem
            problem = failed
        report("no_catalog", problem)
        if retry_seconds <= 0:
            raise CatalogError(problem)
        if problem != announced:
            log.warning("%s Waiting for it: checking every %g s.", problem, retry_seconds)
            announced = problem
        await asyncio.sleep(retry_seconds)


def _stamp(raw: Path | None) -> tuple[Path, float] | None:
    try:
        return (raw, raw.stat().st_mtime) if raw is not None else None
    except OSError:
        return None


async def build_catalog(args: list[str]) -> str | None:
    """``pelibot prepare`` with ``args`` in a child process: None when it worked, else why not
    (its own last word, which ``/health`` shows too). Its output goes on to this process's.

    Cancelling (the process is stopping) interrupts the child as Ctrl-C would, so it removes
    its half-written build, and kills it if it does not stop in time.
    """
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        *args,
        stdin=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    said = ""
    try:
        assert process.stderr is not None
        async for raw in process.stderr:
            line = raw.decode("utf-8", "replace")
            sys.stderr.write(line)
            if line.startswith(PREPARE_SAYS):
                said = line.removeprefix(PREPARE_SAYS).removeprefix(BUILD_FAILED).strip()
        code = await process.wait()
    except asyncio.CancelledError:
        if process.returncode is None:
            log.info("stopping the catalog build")
            process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(process.wait(), BUILD_STOP_SECONDS)
            except TimeoutError:
                process.kill()
                await process.wait()
        raise
    return None if code == 0 else said or f"pelibot prepare ended with exit code {code}"
