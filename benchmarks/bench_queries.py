"""Latency of the seven questions on a large synthetic catalog, its load time and memory.

    python -m benchmarks.bench_queries [--rows 45000] [--queries 300] [--data DIR]

Builds a synthetic catalog (unless ``--data`` names one), then in a fresh process loads it and
answers a mix of queries per question: exact names, lower-cased names, names with a typo, and
misses. Prints p50/p99 per question (matching included), the load time and the resident memory.
Targets: p99 ≤ 5 ms for every question, load ≤ 1.5 s, RSS ≤ 300 MB. Linux only (reads
``/proc/self/status``).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.loading import load_service
from handlers.calendar_names import month_name, weekday_name
from handlers.service import MovieService


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 5:
        return text
    i = rng.randrange(1, len(text) - 1)
    return text[:i] + text[i + 1 :]


def _queries(service: MovieService, rng: random.Random, n: int) -> dict[str, list[str]]:
    """``n`` queries per question: exact, lower-case, a typo or a miss, in equal shares."""
    stats = service.stats

    def mix(names: list[str]) -> list[str]:
        picks = [rng.choice(names) for _ in range(n)]
        forms = (str, str.lower, lambda s: _typo(rng, s.lower()), lambda s: "zq" + s[::-1])
        return [forms[i % 4](name) for i, name in enumerate(picks)]

    titles = service.movies["title"].astype("str").tolist()
    return {
        "mes": mix([month_name(m, lang) for m in range(1, 13) for lang in ("es", "en")]),
        "dia": mix([weekday_name(d, lang) for d in range(7) for lang in ("es", "en")]),
        "franquicia": mix(list(stats.collections)),
        "pais": mix([*stats.country_names.values(), "Reino Unido", "Alemania", "EEUU"]),
        "productora": mix(list(stats.companies)),
        "retorno": mix(titles),
        "recomendar": mix(titles),
    }


def measure(data_dir: Path, n: int) -> dict[str, object]:
    started = time.perf_counter()
    service = load_service(data_dir)
    load_seconds = time.perf_counter() - started
    resident_mb = _resident_mb()
    peak_mb = _resident_mb("VmHWM:")  # ru_maxrss would keep the forking parent's peak
    rng = random.Random(7)
    latencies: dict[str, dict[str, float]] = {}
    for command, queries in _queries(service, rng, n).items():
        times = []
        for query in queries:
            t0 = time.perf_counter()
            service.answer(command, query)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        latencies[command] = {
            "p50_ms": statistics.median(times),
            "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))],
            "max_ms": times[-1],
        }
    return {"movies": len(service.movies), "load_s": load_seconds, "peak_mb": peak_mb,
            "rss_mb": resident_mb, "rss_after_queries_mb": _resident_mb(), "latency": latencies}


def _resident_mb(field: str = "VmRSS:") -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith(field))
    return int(line.split()[1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=45_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--data", type=Path, help="an existing catalog directory")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.data, args.queries)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data
        if data is None:
            from data_prep.pipeline import prepare
            from data_prep.source import RawFiles
            from data_prep.synthetic import generate

            raw = Path(tmp) / "raw"
            generate(args.rows, raw, seed=1)
            data = Path(tmp) / "data"
            prepare(RawFiles(raw / "movies_metadata.csv", raw / "keywords.csv", "synthetic"),
                    data)
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_queries", "--measure", "--data", str(data),
             "--queries", str(args.queries)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
    result = json.loads(out.stdout)
    print(f"catalog: {result['movies']:,} movies; load {result['load_s']:.2f} s; "
          f"RSS {result['rss_mb']:.0f} MB after load, {result['rss_after_queries_mb']:.0f} MB "
          f"after the queries (peak while loading {result['peak_mb']:.0f} MB)")
    print(f"{'question':<12}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for command, row in result["latency"].items():
        print(f"{command:<12}{row['p50_ms']:>9.3f}{row['p99_ms']:>9.3f}{row['max_ms']:>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
