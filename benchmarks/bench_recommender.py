"""Speed and memory of the recommender on synthetic catalogs (a benchmark, not a test).

For each size, ``benchmarks.synthetic`` writes raw files, a first child process cleans them into a
catalog, and a second one — pinned to at most ``--cores`` CPUs — loads that catalog and measures
``build_neighbours`` (wall time and peak RSS of the process, catalog included) and the size of the
stored table; a third one loads a ``Recommender`` as the bot does (time, extra RSS) and times
``recommend(id, 5)`` on random ids.

    python -m benchmarks.bench_recommender [--sizes 45000 450000] [--cores 2] [--keep DIR [--reuse]]

Targets at 45,000 movies: build ≤ 60 s and ≤ 2 GB peak RSS on 2 cores, lookup p99 ≤ 1 ms, table of
tens of MB at most.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

LOOKUPS = 20_000


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _pin(cores: int) -> int:
    try:
        available = sorted(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
    os.sched_setaffinity(0, available[:cores])
    return len(os.sched_getaffinity(0))


def child_catalog(folder: Path) -> dict[str, Any]:
    """Clean the raw synthetic files of ``folder`` into ``folder/catalog.parquet``."""
    from data_prep.pipeline import build_catalog
    from data_prep.source import KEYWORDS_FILE, MOVIES_FILE, RawFiles

    started = time.perf_counter()
    files = RawFiles(folder / MOVIES_FILE, folder / KEYWORDS_FILE, "--raw")
    catalog, _ = build_catalog(files)
    catalog.to_parquet(folder / "catalog.parquet", index=False)
    return {"movies": len(catalog), "catalog_seconds": time.perf_counter() - started}


def child_neighbours(folder: Path, cores: int, k: int) -> dict[str, Any]:
    """Build ``folder/neighbours.parquet`` from ``folder/catalog.parquet``."""
    from data_prep.neighbours import build_neighbours

    used = _pin(cores)
    catalog = pd.read_parquet(folder / "catalog.parquet")
    rss_catalog = _peak_rss_mb()
    started = time.perf_counter()
    table = build_neighbours(catalog, k=k)
    build_seconds = time.perf_counter() - started
    rss_peak = _peak_rss_mb()
    path = folder / "neighbours.parquet"
    table.to_parquet(path, index=False)
    return {
        "cores": used,
        "build_seconds": build_seconds,
        "rss_catalog_mb": rss_catalog,
        "rss_peak_mb": rss_peak,
        "table_rows": len(table),
        "table_mb": path.stat().st_size / 2**20,
    }


def child_lookups(folder: Path) -> dict[str, Any]:
    """Load a ``Recommender`` as the bot does and time ``recommend(id, 5)`` on random ids."""
    from handlers.recommender import Recommender

    catalog = pd.read_parquet(folder / "catalog.parquet")
    rss_catalog = _peak_rss_mb()
    started = time.perf_counter()
    recommender = Recommender(catalog, pd.read_parquet(folder / "neighbours.parquet"))
    load_seconds = time.perf_counter() - started
    ids = catalog["id"].tolist()
    rng = random.Random(0)
    queries = [rng.choice(ids) for _ in range(LOOKUPS)]
    for movie_id in queries[:1000]:  # warm-up
        recommender.recommend(movie_id)
    latencies = np.empty(len(queries), dtype=np.int64)
    for i, movie_id in enumerate(queries):
        t0 = time.perf_counter_ns()
        recommender.recommend(movie_id)
        latencies[i] = time.perf_counter_ns() - t0
    return {
        "load_seconds": load_seconds,
        "recommender_mb": _peak_rss_mb() - rss_catalog,
        "lookup_p50_us": float(np.percentile(latencies, 50)) / 1000,
        "lookup_p99_us": float(np.percentile(latencies, 99)) / 1000,
        "lookup_max_us": float(latencies.max()) / 1000,
    }


def _run_child(*args: str) -> dict[str, Any]:
    command = [sys.executable, "-m", "benchmarks.bench_recommender", "--child", *args]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(rows: int, folder: Path, cores: int, k: int, reuse: bool = False) -> dict[str, Any]:
    """Generate, clean, build and query one synthetic catalog (``reuse``: query a kept build)."""
    from benchmarks.synthetic import generate

    result: dict[str, Any] = {"rows": rows}
    if not reuse:
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        generate(rows, folder)
        result["generate_seconds"] = time.perf_counter() - started
        result |= _run_child("catalog", str(folder))
        result |= _run_child("neighbours", str(folder), str(cores), str(k))
    result |= _run_child("lookups", str(folder))
    return result


def format_results(results: list[dict[str, Any]]) -> str:
    header = (
        "| movies | cores | build (s) | peak RSS (MB) | RSS with catalog only (MB) | table (MB) | "
        "recommender load (s) | recommender RSS (MB) | lookup p50 (µs) | p99 (µs) |"
    )
    lines = [header, "|" + "---:|" * (header.count("|") - 1)]
    for r in results:
        build = (
            f"{r['build_seconds']:.1f} | {r['rss_peak_mb']:,.0f} | {r['rss_catalog_mb']:,.0f} | "
            f"{r['table_mb']:.1f}"
            if "build_seconds" in r
            else "– | – | – | –"
        )
        lines.append(
            f"| {r.get('movies', r['rows']):,} | {r.get('cores', '–')} | {build} | "
            f"{r['load_seconds']:.1f} | {r['recommender_mb']:,.0f} | "
            f"{r['lookup_p50_us']:.0f} | {r['lookup_p99_us']:.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="*", default=[45_000, 450_000])
    parser.add_argument("--cores", type=int, default=2, help="CPUs the build may use (default 2)")
    parser.add_argument("-k", type=int, default=20, help="neighbours per movie (default 20)")
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="only time the lookups of builds kept earlier in --keep",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.reuse and not args.keep:
        parser.error("--reuse needs --keep")

    if args.child:
        kind, folder, *rest = args.child
        if kind == "catalog":
            out = child_catalog(Path(folder))
        elif kind == "neighbours":
            out = child_neighbours(Path(folder), int(rest[0]), int(rest[1]))
        else:
            out = child_lookups(Path(folder))
        print(json.dumps(out))
        return 0

    results = []
    with tempfile.TemporaryDirectory(prefix="bench-recommender-") as tmp:
        base = args.keep or Path(tmp)
        for rows in args.sizes:
            result = measure(rows, base / f"rows-{rows}", args.cores, args.k, args.reuse)
            print(json.dumps(result), file=sys.stderr)
            results.append(result)
    print(format_results(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
