"""Where a bot's memory goes: resident memory after each load step, and the live Python memory
of the loaded service by module.

    python -m benchmarks.memory_profile --data DIR [--plain]

Each step runs in one fresh process, as ``pelibot serve`` would: malloc tuned (``bot.memory``),
then imports, the catalog, the service, a chart. Between steps garbage is collected and free
heap handed back, so a delta is what the step keeps. A second process repeats the load under
``tracemalloc`` (which costs memory itself, so only its proportions count) and groups what stays
alive by the source line's module. ``--plain`` loads the catalog's list columns the plain pandas
way (one NumPy array of Python strings per cell) for comparison.
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any


def _rss_mb() -> tuple[float, float]:
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def steps(data: Path, plain: bool) -> list[tuple[str, float, float]]:
    """(step, resident MB after it, peak MB so far), in this process."""
    from bot import memory

    memory.tune_malloc()
    out: list[tuple[str, float, float]] = []

    def mark(name: str) -> None:
        gc.collect()
        memory.trim()
        out.append((name, *_rss_mb()))

    mark("python")
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import pyarrow

    mark("numpy, pandas, pyarrow")
    import telegram.ext  # noqa: F401

    mark("python-telegram-bot")
    import fastapi  # noqa: F401
    import uvicorn  # noqa: F401

    mark("fastapi, uvicorn")
    from handlers.catalog import RUNTIME_COLUMNS, load_catalog
    from handlers.service import MovieService

    mark("handlers (rapidfuzz, babel, pycountry)")
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    catalog = load_catalog(data, RUNTIME_COLUMNS, compact=not plain)
    mark(f"catalog ({len(catalog.movies):,} movies, {'plain' if plain else 'compact'})")
    service = MovieService(catalog)
    mark("service: statistics, name indexes, recommender")
    from bot.telegram.app import LeanChartMaker

    mark("matplotlib and the Telegram app")
    LeanChartMaker(service.movies, service.stats).png(service.ask("/mes enero"))
    mark("first chart")
    return out


def live(data: Path) -> tuple[float, list[tuple[str, float]]]:
    """Live Python memory (MB) of a loaded service, by module of the allocating line."""
    import tracemalloc

    from bot.loading import load_service

    tracemalloc.start()
    service = load_service(data)
    gc.collect()
    by_module: Counter[str] = Counter()
    for stat in tracemalloc.take_snapshot().statistics("filename"):
        by_module[_module(stat.traceback[0].filename)] += stat.size
    del service
    total = sum(by_module.values()) / 2**20
    return total, [(k, v / 2**20) for k, v in by_module.most_common(12)]


def _module(filename: str) -> str:
    """``handlers/matching.py`` for this project's files, the package for installed ones."""
    parts = Path(filename).parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1]
    for top in ("handlers", "bot", "data_prep"):
        if top in parts:
            return "/".join(parts[parts.index(top) :])
    return Path(filename).name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a prepared data dir")
    parser.add_argument("--plain", action="store_true", help="plain pandas list columns")
    parser.add_argument("--part", choices=("steps", "live"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.part == "steps":
        print(json.dumps(steps(args.data, args.plain)))
        return 0
    if args.part == "live":
        print(json.dumps(live(args.data)))
        return 0

    def run(part: str) -> Any:
        command = [
            sys.executable,
            "-m",
            "benchmarks.memory_profile",
            "--data",
            str(args.data),
            "--part",
            part,
        ] + (["--plain"] if args.plain else [])
        done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=600)
        return json.loads(done.stdout.splitlines()[-1])

    started = time.monotonic()
    print(f"{'step':<50}{'resident MB':>12}{'delta':>8}{'peak MB':>9}")
    previous = 0.0
    for name, rss, peak in run("steps"):
        print(f"{name:<50}{rss:>12.1f}{rss - previous:>+8.1f}{peak:>9.1f}")
        previous = rss
    total, modules = run("live")
    print(f"\nlive Python memory of the loaded service (tracemalloc): {total:.1f} MB")
    for module, mb in modules:
        print(f"  {module:<48}{mb:>6.1f}")
    print(f"({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
