"""Keeping a long-running bot small: glibc's malloc settings, and freed memory handed back.

Measured with ``benchmarks/bench_bot.py`` on a 46,000-movie catalog: Arrow's own allocator keeps
what it freed, each worker thread that allocates (the catalog loads in one in ``pelibot serve``,
charts are drawn in others) gets a malloc arena of its own that does the same, and large
temporaries (decoded Parquet pages, NumPy arrays) raise glibc's mmap threshold so that later
ones stay in the heap. Malloc for Arrow, one arena and a fixed threshold keep tens of MB off the
resident size; ``trim`` returns free heap pages.
"""

from __future__ import annotations

import ctypes
import gc
import os
from functools import cache

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
MMAP_THRESHOLD = 128 * 1024  # glibc's starting value, kept fixed
ARENAS = 1  # the bot's few threads mostly wait; more arenas only kept more freed memory
ARROW_POOL_ENV = "ARROW_DEFAULT_MEMORY_POOL"


@cache
def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt  # noqa: B018  (glibc only: musl has no mallopt)
        return libc
    except (OSError, AttributeError):
        return None


def tune_malloc() -> None:
    """Call first thing in a long-running process, before pyarrow is imported and threads
    start: Arrow then allocates with malloc too (its own mimalloc pool keeps what it freed:
    17 MB on a 46,000-movie catalog), and malloc keeps few arenas and a fixed threshold."""
    os.environ.setdefault(ARROW_POOL_ENV, "system")
    libc = _libc()
    if libc is not None:
        libc.mallopt(M_ARENA_MAX, ARENAS)
        libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
        libc.mallopt(M_TRIM_THRESHOLD, MMAP_THRESHOLD)


def trim() -> None:
    """Hand free heap memory back to the system (after loading, after drawing a chart)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def settle() -> None:
    """After loading: collect the garbage, hand free memory back, and freeze what is left.

    Frozen objects (the catalog, the indexes, the modules: about 200,000 on a 46,000-movie
    catalog) are never scanned again, so a full collection takes microseconds instead of
    about 100 ms, and ``release`` can afford one after each chart.
    """
    release()  # pandas leaves reference cycles behind
    gc.freeze()


def release() -> None:
    """Free what a finished piece of work left in reference cycles (a matplotlib figure holds
    megabytes in them, and would otherwise wait for a rare full collection), then trim."""
    gc.collect()
    trim()
