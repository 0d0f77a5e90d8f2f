"""Latency of the seven questions and of plain-words messages on a large synthetic catalog, its
load time and memory.

    python -m benchmarks.bench_queries [--rows 45000] [--queries 300] [--repeat 1] [--data DIR]

Builds a synthetic catalog (unless ``--data`` names one), then in a fresh process loads it and
answers a mix of queries per question: exact names, lower-cased names, names with a typo, and
misses. Then plain-words messages as people type them (``words:`` rows, answered through
``handlers.router`` like a private chat): bare titles, questions in Spanish and English, the same
with typos, and chatter that means nothing. Prints p50/p99 per row (matching and routing
included), the load time and the resident memory. ``--repeat N`` times each query N times and
keeps the fastest, which filters out the stalls of a busy shared machine. Targets: p99 ≤ 5 ms
for every row, load ≤ 1.5 s, RSS ≤ 300 MB. Linux only (reads ``/proc/self/status``).
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
from collections.abc import Callable
from functools import partial
from pathlib import Path

from bot.loading import load_service
from handlers.calendar_names import month_name, weekday_name
from handlers.router import Router
from handlers.service import MovieService

QUESTIONS = (
    "¿cuántas películas se estrenaron en {month_es}?",
    "pelis de {month_es}",
    "how many films came out in {month_en}?",
    "cuantas pelis salieron un {weekday_es}",
    "movies released on a {weekday_en}",
    "películas producidas en {country}",
    "¿cuánto recaudó la saga de {collection}?",
    "cuántas películas hizo {company}",
    "¿cuánto ganó {title}?",
    "what was the budget of {title}",
    "recomiéndame algo como {title}",
    "something like {title}",
    "{company}",
    "{month_es}",
)
CHATTER = (
    "hola",
    "¿qué tal?",
    "gracias!",
    "asdfgh",
    "qué peli vemos hoy",
    "jajaja",
    "ok 👍",
    "mi gato se llama pelusa",
    "what's the weather like tomorrow",
    "no sé qué ver esta noche",
)


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


def _plain_words(service: MovieService, rng: random.Random, n: int) -> dict[str, list[str]]:
    """``n`` plain-words messages per kind, filled with names from the catalog."""
    stats = service.stats
    titles = service.movies["title"].astype("str").tolist()
    countries = [*stats.country_names.values(), "reino unido", "francia", "alemania"]

    def question() -> str:
        month, day = rng.randrange(1, 13), rng.randrange(7)
        return rng.choice(QUESTIONS).format(
            month_es=month_name(month, "es"),
            month_en=month_name(month, "en"),
            weekday_es=weekday_name(day, "es"),
            weekday_en=weekday_name(day, "en"),
            country=rng.choice(countries),
            collection=rng.choice(list(stats.collections)),
            company=rng.choice(list(stats.companies)),
            title=rng.choice(titles).lower(),
        )

    return {
        "words:title": [rng.choice(titles).lower() for _ in range(n)],
        "words:question": [question() for _ in range(n)],
        "words:typo": [_typo(rng, question()) for _ in range(n)],
        "words:chatter": [rng.choice(CHATTER) for _ in range(n)],
    }


def _percentiles(times: list[float]) -> dict[str, float]:
    times.sort()
    return {
        "p50_ms": statistics.median(times),
        "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))],
        "max_ms": times[-1],
    }


def _timed(run: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        best = min(best, (time.perf_counter() - t0) * 1000)
    return best


def measure(data_dir: Path, n: int, repeat: int = 1) -> dict[str, object]:
    started = time.perf_counter()
    service = load_service(data_dir)
    load_seconds = time.perf_counter() - started
    resident_mb = _resident_mb()
    peak_mb = _resident_mb("VmHWM:")  # ru_maxrss would keep the forking parent's peak
    rng = random.Random(7)
    latencies: dict[str, dict[str, float]] = {}
    for command, queries in _queries(service, rng, n).items():
        times = [_timed(partial(service.answer, command, query), repeat) for query in queries]
        latencies[command] = _percentiles(times)
    router = Router(service)
    for kind, messages in _plain_words(service, rng, n).items():
        times = [_timed(partial(router.answer, message), repeat) for message in messages]
        latencies[kind] = _percentiles(times)
    return {
        "movies": len(service.movies),
        "load_s": load_seconds,
        "peak_mb": peak_mb,
        "rss_mb": resident_mb,
        "rss_after_queries_mb": _resident_mb(),
        "latency": latencies,
    }


def _resident_mb(field: str = "VmRSS:") -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith(field))
    return int(line.split()[1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=45_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument(
        "--repeat", type=int, default=1, help="time each query N times, keep the fastest"
    )
    parser.add_argument("--data", type=Path, help="an existing catalog directory")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.data, args.queries, args.repeat)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data
        if data is None:
            from benchmarks.synthetic import generate
            from data_prep.pipeline import prepare
            from data_prep.source import RawFiles

            raw = Path(tmp) / "raw"
            generate(args.rows, raw, seed=1)
            data = Path(tmp) / "data"
            prepare(RawFiles(raw / "movies_metadata.csv", raw / "keywords.csv", "synthetic"), data)
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.bench_queries",
                "--measure",
                "--data",
                str(data),
                "--queries",
                str(args.queries),
                "--repeat",
                str(args.repeat),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    result = json.loads(out.stdout)
    print(
        f"catalog: {result['movies']:,} movies; load {result['load_s']:.2f} s; "
        f"RSS {result['rss_mb']:.0f} MB after load, {result['rss_after_queries_mb']:.0f} MB "
        f"after the queries (peak while loading {result['peak_mb']:.0f} MB)"
    )
    print(f"{'question':<16}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for command, row in result["latency"].items():
        print(f"{command:<16}{row['p50_ms']:>9.3f}{row['p99_ms']:>9.3f}{row['max_ms']:>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
