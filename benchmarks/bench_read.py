"""Reading the raw CSVs: pandas' C reader that skips bad lines silently (the reader before
skipped lines were counted) against ``read_raw_csv`` (the python engine, counting them).

    python benchmarks/bench_read.py [--rows 45000] [--repeat 5] [--seed 0]

Both readers run on the same synthetic files, alternately, ``--repeat`` times; the fastest run of
each is kept (other work on the machine only ever adds time). The whole ``pelibot prepare`` is
timed by ``bench_prepare.py``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from benchmarks import synthetic
from data_prep.pipeline import read_raw_csv


def silent_c_reader(path: Path) -> pd.DataFrame:
    """The reader as it was: lines with too many fields vanish without a count."""
    return pd.read_csv(
        path, dtype="str", keep_default_na=False, na_values=[""], on_bad_lines="skip"
    )


def counting_reader(path: Path) -> pd.DataFrame:
    frame, _ = read_raw_csv(path)
    return frame


def fastest(read: Callable[[Path], pd.DataFrame], path: Path) -> tuple[float, pd.DataFrame]:
    started = time.perf_counter()
    frame = read(path)
    return time.perf_counter() - started, frame


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=45_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="pelibot-bench-read-") as tmp:
        folder = Path(tmp)
        synthetic.generate(args.rows, folder, args.seed)
        print(f"{'file':<22} {'reader':<28} {'rows':>8} {'best s':>8}")
        for name in ("movies_metadata.csv", "keywords.csv"):
            path = folder / name
            best = {"C engine, skips silently": float("inf"), "read_raw_csv (counts)": float("inf")}
            frames: dict[str, pd.DataFrame] = {}
            for _ in range(args.repeat):
                for label, read in zip(best, (silent_c_reader, counting_reader), strict=True):
                    seconds, frames[label] = fastest(read, path)
                    best[label] = min(best[label], seconds)
            old, new = frames.values()
            if not old.equals(new):
                print(f"{name}: the two readers disagree", file=sys.stderr)
                return 1
            for label, seconds in best.items():
                print(f"{name:<22} {label:<28} {len(frames[label]):>8,} {seconds:>8.3f}")
            old_s, new_s = best.values()
            print(
                f"{name:<22} {'difference':<28} {'':>8} {new_s - old_s:>+8.3f}"
                f"  ({new_s / old_s:.2f}×)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
