"""Loading the movie service for a long-running process, with its memory kept small."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa

from bot import memory
from handlers.service import MovieService


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


def raw_at_hand(data_dir: Path) -> Path | None:
    """The raw CSV to build from without downloading: env, ``data/raw/`` or ``<data dir>/raw/``."""
    from data_prep.source import DEFAULT_RAW, MOVIES_FILE, RAW_ENV

    if env := os.environ.get(RAW_ENV):
        return Path(env)
    for candidate in (DEFAULT_RAW, data_dir / "raw" / MOVIES_FILE):
        if candidate.is_file():
            return candidate
    return None
