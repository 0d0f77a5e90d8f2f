"""Check the EDA report in a real browser and time the chat charts.

1. Writes the report (``pelibot report``) for a catalog, then opens it in headless Chromium:
   - a copy of the page with a one-line script appended is loaded with ``--dump-dom`` to count
     images the browser could not decode (must be 0);
   - full-page screenshots at desktop (1280 px) and phone (412 px) widths are saved beside the
     report (``screenshot-desktop.png``, ``screenshot-phone.png``) for a person to look at.
2. Times ``chart_png`` for one real query of each charted command (median of ``--repeats`` cold
   renders, and a cached ``ChartMaker`` hit), on the catalog and on the catalog replicated
   ``--scale`` times (≈ the full 45,000-movie dataset for the 4,627-row slice).

    python -m benchmarks.render_report_check [--data DIR] [--out DIR] [--scale N]

Without a catalog in ``--data`` (default: ``PELIBOT_DATA_DIR`` or ``data/``) it builds one from the
real slice beside the checkout. Needs ``chromium`` (Debian: ``apt-get install chromium``). Exit 1
when a check fails: a broken image, a failed screenshot, or a chart slower than ``--budget`` s.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from PIL import Image

from bot import charts
from bot.report import write_report
from bot.settings import Settings
from data_prep.pipeline import prepare
from data_prep.source import RawFiles
from handlers.answers import (
    Answer,
    CollectionAnswer,
    CompanyAnswer,
    CountryAnswer,
    MonthAnswer,
    MovieRef,
    ReturnAnswer,
    WeekdayAnswer,
)
from handlers.catalog import CatalogError, LoadedCatalog, load_catalog
from handlers.stats import compute_stats

ROOT = Path(__file__).resolve().parent.parent
SHARED_RAW = Path(os.environ.get("PELIBOT_SHARED_RAW", ROOT.parent / "shared" / "data" / "raw"))
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--hide-scrollbars",
)
PROBE = (
    "<script>document.body.dataset.broken = [...document.images]"
    ".filter(i => !i.complete || i.naturalWidth === 0).length;"
    "document.body.dataset.images = document.images.length;</script>"
)


def find_catalog(data: str | None, workdir: Path) -> LoadedCatalog:
    """The catalog in ``data``; else one built from the real slice into ``workdir``."""
    try:
        return load_catalog(Path(data) if data else Settings.from_env().data_dir)
    except CatalogError:
        if data:
            raise
    raw = SHARED_RAW / "movies_metadata_first4627.csv"
    keywords = SHARED_RAW / "keywords.csv"
    print(
        f"No catalog in {Path(data) if data else Settings.from_env().data_dir}; "
        f"building one from {raw}"
    )
    prepare(RawFiles(raw, keywords if keywords.is_file() else None, "--raw"), workdir)
    return load_catalog(workdir)


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    raise SystemExit("chromium not found: apt-get install -y chromium")


def broken_images(browser: str, page: Path, workdir: Path) -> tuple[int, int]:
    """(images, broken images) of ``page`` as the browser loaded them."""
    probe = workdir / "probe.html"
    probe.write_text(
        page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8"
    )
    result = subprocess.run(
        [browser, *CHROMIUM_FLAGS, "--virtual-time-budget=5000", "--dump-dom", probe.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    images = re.search(r'data-images="(\d+)"', result.stdout)
    broken = re.search(r'data-broken="(\d+)"', result.stdout)
    if not images or not broken:
        raise RuntimeError("the probe script did not run: " + result.stdout[:300])
    return int(images.group(1)), int(broken.group(1))


def screenshot(browser: str, page: Path, target: Path, width: int) -> tuple[int, int]:
    """A full-page screenshot at ``width`` px, cropped below the content; returns its size."""
    tall = 16000
    subprocess.run(
        [
            browser,
            *CHROMIUM_FLAGS,
            f"--window-size={width},{tall}",
            f"--screenshot={target}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    with Image.open(target) as shot:
        pixels = np.asarray(shot.convert("RGB"))
    background = pixels[-1, 0]
    rows = np.flatnonzero((pixels != background).any(axis=(1, 2)))
    if rows.size == 0:
        raise RuntimeError(f"{target} is blank")
    bottom = min(int(rows.max()) + 24, pixels.shape[0])
    Image.fromarray(pixels[:bottom]).save(target)
    return width, bottom


def scaled(movies: pd.DataFrame, times: int) -> pd.DataFrame:
    """The catalog ``times`` over, with fresh ids and per-copy collection names."""
    step = int(movies["id"].max()) + 1
    copies = []
    for k in range(times):
        copy = movies.assign(id=movies["id"] + k * step)
        if k:
            copy["collection"] = copy["collection"] + f" #{k}"
        copies.append(copy)
    return pd.concat(copies, ignore_index=True)


def sample_answers(movies: pd.DataFrame) -> dict[str, Answer]:
    """One real query per charted command: the biggest collection, company and country, and the
    most-voted film with both budget and box office known."""
    collection = str(movies["collection"].value_counts().index[0])
    company = str(movies["production_companies"].explode().value_counts().index[0])
    code = str(movies["production_country_codes"].explode().value_counts().index[0])
    both = movies.loc[movies["budget"].gt(0) & movies["revenue"].gt(0)]
    film = both.sort_values("vote_count", ascending=False).iloc[0]
    ref = MovieRef(int(film["id"]), str(film["title"]), int(film["release_year"]))
    return {
        "mes": MonthAnswer(12, 0),
        "dia": WeekdayAnswer(4, 0),
        "franquicia": CollectionAnswer(collection, 0, 0, 0.0, 0),
        "productora": CompanyAnswer(company, 0, 0, 0),
        "pais": CountryAnswer(code, code, 0),
        "retorno": ReturnAnswer(ref, int(film["budget"]), int(film["revenue"]), None),
    }


def time_charts(movies: pd.DataFrame, repeats: int) -> dict[str, tuple[float, float, float]]:
    """Per command: (median cold ms, worst cold ms, cached ms). The statistics the charts read
    are computed once beforehand, as the bot does when it loads the catalog."""
    stats = compute_stats(movies)
    results = {}
    for command, answer in sample_answers(movies).items():
        cold = []
        for i in range(repeats):
            start = time.perf_counter()
            png = charts.chart_png(movies, stats, answer, ("es", "en")[i % 2])
            cold.append((time.perf_counter() - start) * 1000)
            if png is None:
                raise RuntimeError(f"no chart for {answer}")
        maker = charts.ChartMaker(movies, stats)
        maker.png(answer)
        start = time.perf_counter()
        maker.png(answer)
        cached = (time.perf_counter() - start) * 1000
        results[command] = (statistics.median(cold), max(cold), cached)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", help="catalog directory (PELIBOT_DATA_DIR, default data/)")
    parser.add_argument("--out", type=Path, default=Path("report"), help="report directory")
    parser.add_argument("--scale", type=int, default=10, help="replicate the catalog N times")
    parser.add_argument("--repeats", type=int, default=5, help="cold renders per chart")
    parser.add_argument("--budget", type=float, default=1.0, help="max seconds per chart")
    args = parser.parse_args(argv)
    failures = []
    with tempfile.TemporaryDirectory(prefix="pelibot-check-") as tmp:
        workdir = Path(tmp)
        catalog = find_catalog(args.data, workdir / "data")
        start = time.perf_counter()
        page = write_report(catalog, args.out).resolve()
        print(
            f"Report: {page} ({page.stat().st_size / 1e6:.1f} MB) written in "
            f"{time.perf_counter() - start:.1f} s"
        )

        browser = chromium()
        images, broken = broken_images(browser, page, workdir)
        print(f"Browser: {images} images, {broken} broken")
        if broken or not images:
            failures.append(f"{broken} of {images} images did not render")
        for name, width in (("desktop", 1280), ("phone", 412)):
            target = page.parent / f"screenshot-{name}.png"
            size = screenshot(browser, page, target, width)
            print(f"Screenshot: {target} {size[0]}×{size[1]}")

    for label, movies in (
        ("catalog", catalog.movies),
        (f"catalog ×{args.scale}", scaled(catalog.movies, args.scale)),
    ):
        print(f"\nChart render times, {label} ({len(movies):,} movies), ms:")
        print(f"  {'command':<11} {'median':>8} {'worst':>8} {'cached':>8}")
        for command, (median, worst, cached) in time_charts(movies, args.repeats).items():
            print(f"  {command:<11} {median:>8.0f} {worst:>8.0f} {cached:>8.3f}")
            if worst > args.budget * 1000:
                failures.append(f"{command} on {label}: {worst:.0f} ms")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
