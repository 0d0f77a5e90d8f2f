"""Where a processed catalog lives on disk, and how a new build replaces the old one atomically.

A data directory holds complete builds in ``build-<id>/`` folders and a one-line ``CURRENT`` file
naming the build in use. A new build is written to a hidden temporary folder, renamed into place and
only then published by atomically replacing ``CURRENT``; an interrupted run leaves the previous
catalog untouched.

Writers take an exclusive lock on the directory (``fcntl.flock`` on ``.lock``) for the whole run, so
two runs never interleave. The kernel drops the lock when its process dies, so whatever temporary
folder or unpublished build a writer finds while holding the lock was left by a run that is gone.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 3
"""Version 3: the people as two memory-mapped Arrow files instead of ``people.parquet``."""
SPANISH_TITLE_COLUMNS = ("es_es", "es_419")
"""Catalog columns (since schema 2): titles of the release in Spain and in Latin America, from the
curated table (``data_prep/curated/spanish_titles.csv``); missing when not curated."""
CATALOG_FILE = "catalog.parquet"
NEIGHBOURS_FILE = "neighbours.parquet"
TEXTS_FILE = "texts.arrow"
"""Synopses (``id``, ``overview``, ``tagline``) as uncompressed Arrow IPC: memory-mapped by the
bot, so the long texts of 45,000 films stay on disk until a card asks for one."""
PEOPLE_FILE = "people.arrow"
"""Directors and top-billed cast, by person: names, weights and films (``data_prep/people.py``),
uncompressed Arrow IPC, memory-mapped by the bot; only in builds made with a ``credits.csv``."""
FILM_PEOPLE_FILE = "film_people.arrow"
"""The same credits by film (positions in ``PEOPLE_FILE``), written and read alongside it."""
MANIFEST_FILE = "manifest.json"
POINTER_FILE = "CURRENT"
LOCK_FILE = ".lock"
BUILD_PREFIX = "build-"
LOCK_POLL_SECONDS = 0.1
MIN_MOVIES = 100
"""Fewer movies in a new build means a broken raw file (the real one has about 45,000), so it is
not published unless forced."""


class DataDirBusy(OSError):
    """Another run holds the data directory's lock; the message says what to do."""


@dataclass(frozen=True)
class DataDirLock:
    """Proof that this run holds the exclusive lock of ``data_dir`` (see ``exclusive``)."""

    data_dir: Path


def current_build_dir(data_dir: Path) -> Path | None:
    """The folder of the published build in ``data_dir``, or None when there is none."""
    pointer = data_dir / POINTER_FILE
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):  # missing, unreadable or damaged: no usable build
        return None
    build = data_dir / name
    if not name.startswith(BUILD_PREFIX) or not build.is_dir():
        return None
    return build


def read_manifest(build: Path) -> dict[str, Any]:
    """The manifest of ``build``: ValueError when it is not a JSON object, OSError if unreadable."""
    manifest = json.loads((build / MANIFEST_FILE).read_text(encoding="utf-8"))
    if not isinstance(manifest, dict):
        raise ValueError(
            f"{build / MANIFEST_FILE} holds a JSON {type(manifest).__name__}, not an object"
        )
    return manifest


@contextmanager
def exclusive(data_dir: Path, wait: float = 0.0) -> Iterator[DataDirLock]:
    """Hold the exclusive lock of ``data_dir`` (created if needed) for the ``with`` block.

    When another run holds it, retry for up to ``wait`` seconds, then raise ``DataDirBusy``.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    # Append mode: opening never truncates what the holder wrote; the file itself is never
    # removed, since a run waiting on a removed file would lock an orphan.
    with (data_dir / LOCK_FILE).open("a+", encoding="utf-8") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise DataDirBusy(_busy_message(data_dir, handle.name)) from None
                time.sleep(LOCK_POLL_SECONDS)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield DataDirLock(data_dir)
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _busy_message(data_dir: Path, lock_file: str) -> str:
    try:
        holder = Path(lock_file).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        holder = ""
    process = f" (process {holder})" if holder.isdigit() else ""
    return (
        f"Another `pelibot prepare` is writing to {data_dir}{process}. Wait for it to finish, "
        "or let this run wait for it with --wait SECONDS."
    )


def publish_build(lock: DataDirLock, write: Callable[[Path], None]) -> Path:
    """Run ``write(folder)`` into a fresh folder and publish it as the current build.

    ``lock`` is the held lock of the data directory. Once the new build is published, the build
    it replaced and the leftovers of runs that died are removed.
    """
    data_dir = lock.data_dir
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    name = f"{BUILD_PREFIX}{stamp}-{uuid.uuid4().hex[:8]}"
    staging = data_dir / f".{name}.tmp"
    final = data_dir / name
    pointer_tmp = data_dir / f".{POINTER_FILE}.{name}.tmp"
    try:
        staging.mkdir()
        write(staging)
        staging.rename(final)
        pointer_tmp.write_text(name + "\n", encoding="utf-8")
        os.replace(pointer_tmp, data_dir / POINTER_FILE)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        pointer_tmp.unlink(missing_ok=True)
        if current_build_dir(data_dir) != final:
            shutil.rmtree(final, ignore_errors=True)
        raise
    # Safe only under the lock: no other live run can own any of these.
    for old in data_dir.glob(f"{BUILD_PREFIX}*"):
        if old != final and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
    for stale in data_dir.glob(f".{BUILD_PREFIX}*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in data_dir.glob(f".{POINTER_FILE}.*.tmp"):
        stale.unlink(missing_ok=True)
    return final


def write_texts(catalog: Any, path: Path) -> None:
    """Write the catalog's synopses (``TEXTS_FILE``): id, overview and tagline, "" when none."""
    import pyarrow as pa

    columns = {"id": pa.array(catalog["id"].to_numpy(), pa.int64())}
    for name in ("overview", "tagline"):
        values = catalog[name] if name in catalog.columns else [""] * len(catalog)
        columns[name] = pa.array([v if isinstance(v, str) else "" for v in values], pa.string())
    write_arrow(pa.table(columns), path)


def write_arrow(table: Any, path: Path) -> None:
    """Write a pyarrow table as an uncompressed Arrow IPC file of one record batch, the form
    the bot memory-maps (``pyarrow.ipc.open_file(pyarrow.memory_map(path))``)."""
    import pyarrow as pa

    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table.combine_chunks(), max_chunksize=max(table.num_rows, 1))
