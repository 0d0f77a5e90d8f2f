"""What ``credits.csv`` costs ``pelibot prepare``, and what people cost serving, at full size.

Generates synthetic files of ``--rows`` rows with a Kaggle-sized ``credits.csv`` (45,466 rows
give about 198 MB; not timed), or takes them from ``--dir``, then builds the catalog twice in
child processes, without and with the credits file, and reads each child's wall time, CPU time
and peak RSS (``os.wait4``). Then it loads the service from the build with people, in this
process, and times director and actor answers. Budget: at most 60 s more for prepare, under
1 GB peak; a person answer's p99 within 5 ms.

    python -m benchmarks.bench_credits [--rows 45466] [--dir DIR] [--seed N]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.memory import settle, tune_malloc

CREDITS_FILE, KEYWORDS_FILE, MOVIES_FILE = "credits.csv", "keywords.csv", "movies_metadata.csv"

PREPARE_EXTRA_SECONDS, PEAK_RSS_MB, P99_MS = 60.0, 1024.0, 5.0


def _prepare(folder: Path, out: Path) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MB) of ``pelibot prepare`` on the files in ``folder``."""
    command = [sys.executable, "-m", "bot.cli", "prepare", "--raw", str(folder / MOVIES_FILE)]
    command += ["--out", str(out)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PELIBOT_")}
    log = out.with_suffix(".log")
    with log.open("w", encoding="utf-8") as handle:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"pelibot prepare failed:\n{log.read_text(encoding='utf-8')}")
    for line in log.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith(("People", "Catalog")):
            print(line.strip())
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _serve(data: Path, seed: int, people_on: bool) -> None:
    """In a fresh process, tuned as the bot is (``bot.memory``): load, settle, measure."""
    import handlers.people
    from handlers.service import MovieService

    if not people_on:
        handlers.people.PeopleIndex.load = classmethod(lambda cls, *args: None)  # type: ignore[assignment,method-assign]
    started = time.perf_counter()
    service = MovieService.from_data_dir(data)
    load = time.perf_counter() - started
    settle()
    label = "with people" if people_on else "without people"
    print(f"service {label}: loaded in {load:.1f} s, resident {_rss_mb():.0f} MB")
    people = service.people
    if people is None:
        return
    rng = random.Random(seed)
    names = [people.person(int(p)) for p in rng.sample(list(people._person_ids), 300)]
    queries = [("director", r.name) for r in names[:100] if r] + [
        ("actor", r.name) for r in names[100:200] if r
    ]
    queries += [("actor", r.name.split()[-1]) for r in names[200:] if r]  # surnames
    busiest = people._person_ids[people._weights.argsort()[-50:]]  # the best-known, most films
    for person_id in busiest.tolist():
        ref = people.person(person_id)
        if ref is not None:
            queries += [("director", ref.name), ("actor", ref.name)]
    for label, chosen in (("exact name or surname", queries),):
        times = []
        for command, text in chosen:
            t0 = time.perf_counter()
            service.answer(command, text)
            times.append((time.perf_counter() - t0) * 1000)
        print(
            f"{label}: {len(times)} answers, median {statistics.median(times):.2f} ms, "
            f"p99 {_percentile(times, 0.99):.2f} ms, max {max(times):.2f} ms"
        )
    typos = [("actor", r.name[:-1] + "x") for r in names[:100] if r and len(r.name) > 6]
    times = []
    for command, text in typos:
        t0 = time.perf_counter()
        service.answer(command, text)
        times.append((time.perf_counter() - t0) * 1000)
    print(
        f"typos (fuzzy): {len(times)} answers, median {statistics.median(times):.2f} ms, "
        f"p99 {_percentile(times, 0.99):.2f} ms"
    )


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_credits")
    parser.add_argument("--rows", type=int, default=45_466)
    parser.add_argument("--dir", type=Path, help="synthetic files already generated")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)  # the child's part
    parser.add_argument("--no-people", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        _serve(args.serve, args.seed, not args.no_people)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-credits-") as tmp:
        work = Path(tmp)
        folder = args.dir
        if folder is None:
            from benchmarks import synthetic

            folder = work / "raw"
            synthetic.generate(args.rows, folder, args.seed)
            synthetic.generate_credits(folder, args.seed)
        size = (folder / CREDITS_FILE).stat().st_size / 1e6
        print(f"credits.csv: {size:.0f} MB")
        bare = work / "bare"
        bare.mkdir()
        for name in (MOVIES_FILE, KEYWORDS_FILE):
            (bare / name).symlink_to((folder / name).resolve())
        without = _prepare(bare, work / "without")
        with_people = _prepare(folder, work / "with")
        for label, (wall, cpu, peak) in (
            ("without credits", without),
            ("with credits", with_people),
        ):
            print(f"prepare {label}: wall {wall:.1f} s, CPU {cpu:.1f} s, peak RSS {peak:.0f} MB")
        extra = with_people[0] - without[0]
        print(
            f"credits add {extra:.1f} s wall, {with_people[1] - without[1]:.1f} s CPU "
            f"(budget {PREPARE_EXTRA_SECONDS:.0f} s); peak {with_people[2]:.0f} MB "
            f"(budget {PEAK_RSS_MB:.0f} MB)"
        )
        for flags in (["--no-people"], []):
            serve = [
                sys.executable,
                "-m",
                "benchmarks.bench_credits",
                "--serve",
                str(work / "with"),
            ]
            subprocess.run([*serve, "--seed", str(args.seed), *flags], check=True)
    return 0


if __name__ == "__main__":
    tune_malloc()  # before pyarrow is imported, as the bot does
    raise SystemExit(main())
