"""Where a processed catalog lives on disk, and how a new build replaces the old one atomically.

A data directory holds complete builds in ``build-<id>/`` folders and a one-line ``CURRENT`` file
naming the build in use. A new build is written to a hidden temporary folder, renamed into place and
only then published by atomically replacing ``CURRENT``; an interrupted run leaves the previous
catalog untouched.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

SCHEMA_VERSION = 2
CATALOG_FILE = "catalog.parquet"
NEIGHBOURS_FILE = "neighbours.parquet"
MANIFEST_FILE = "manifest.json"
POINTER_FILE = "CURRENT"
BUILD_PREFIX = "build-"


def current_build_dir(data_dir: Path) -> Path | None:
    """The folder of the published build in ``data_dir``, or None when there is none."""
    pointer = data_dir / POINTER_FILE
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    build = data_dir / name
    if not name.startswith(BUILD_PREFIX) or not build.is_dir():
        return None
    return build


def publish_build(data_dir: Path, write: Callable[[Path], None]) -> Path:
    """Run ``write(folder)`` into a fresh folder and publish it as the current build.

    Older builds are removed only after the new one is published.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
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
    for old in data_dir.glob(f"{BUILD_PREFIX}*"):
        if old != final and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
    for stale in data_dir.glob(f".{BUILD_PREFIX}*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in data_dir.glob(f".{POINTER_FILE}.*.tmp"):
        stale.unlink(missing_ok=True)
    return final
