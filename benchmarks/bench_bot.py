"""The bot as users feel it: the real ``pelibot run`` process behind the loopback Bot API emulator.

    python -m benchmarks.bench_bot [--data DIR] [--synthetic ROWS] [--messages 300] [--burst 2000]
                                   [--mode polling|serve|both] [--optimize]

For each catalog (the real slice, built into a temporary folder unless ``--data`` names one, and
optionally a synthetic catalog of ROWS movies made with ``benchmarks.synthetic``) and each mode —
``pelibot run`` polling the emulator, or ``pelibot serve`` with the emulator posting updates to
its webhook — it starts the bot (with ``--optimize`` under ``PYTHONOPTIMIZE=2``, as the Docker
image and ``render.yaml`` run it), then measures:

* memory: resident memory once the catalog is loaded; resident and peak memory (``VmHWM``) after
  every command has been answered once and every chart those answers offer drawn (in serve mode
  after every API endpoint was asked once too) — the figures a small hosting tier cares about;

* latency: one user asks ``--messages`` questions one after the other; the time from the moment
  the update is handed to the bot's pending long poll to the moment its ``sendMessage`` arrives
  (median and p99);
* throughput: ``--burst`` updates from 100 users at once; answers per second until the last one,
  with flood control switched off (``PELIBOT_MAX_MESSAGES_PER_SECOND=0``, the bot's own capacity)
  and, separately, with Telegram's default limit of 30 messages per second;
* resident memory after the burst, and the peak over the whole run.

Everything stays on 127.0.0.1; every wait is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

from tests.e2e.emulator import LOOPBACK, Emulator

ROOT = Path(__file__).resolve().parent.parent
SHARED_RAW = Path(os.environ.get("PELIBOT_SHARED_RAW", ROOT.parent / "shared" / "data" / "raw"))
RAW_SLICE = SHARED_RAW / "movies_metadata_first4627.csv"
TOKEN = "424242:bench-token"
EVERY_COMMAND = [
    "/retorno toy story",
    "/mes enero",
    "/dia sábado",
    "/franquicia toy story",
    "/pais reino unido",
    "/productora pixar",
    "/recomendar toy story",
]
API_PATHS = [
    "/peliculas_mes/enero",
    "/peliculas_dia/sabado",
    "/franquicia/toy%20story",
    "/peliculas_pais/reino%20unido",
    "/productoras/pixar",
    "/retorno/toy%20story",
    "/recomendacion/toy%20story",
    "/preguntar?q=/mes%20enero",
    "/health",
]
QUESTIONS = [
    "/mes enero",
    "/dia sábado",
    "/franquicia toy story",
    "/pais reino unido",
    "/productora pixar",
    "/retorno toy story",
    "/recomendar toy story",
    "/retorno titanic",
    "/mes",
    "/retorno heat",
]


@dataclass
class Figures:
    catalog: str
    mode: str
    movies: int
    latency_median_ms: float
    latency_p99_ms: float
    updates_per_second: float
    updates_per_second_flood_limited: float
    rss_loaded_mb: float
    charts: int  # charts drawn before rss_answered_mb
    rss_answered_mb: float  # after every command, every chart offered (and every API endpoint)
    peak_answered_mb: float
    rss_after_burst_mb: float
    peak_mb: float


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> int:
    """The status of a GET (a 404 for a name a synthetic catalog lacks is an answer too)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=30) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as error:
        error.read()
        return int(error.code)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class BotRun:
    """One ``pelibot run`` (polling) or ``pelibot serve`` (webhook) process and one emulator."""

    def __init__(
        self,
        data_dir: Path,
        workdir: Path,
        rate: float,
        mode: str = "polling",
        optimize: bool = False,
    ) -> None:
        self.data_dir, self.workdir, self.rate, self.mode = data_dir, workdir, rate, mode
        self.optimize = optimize
        self.emulator = Emulator(TOKEN)
        self.process: subprocess.Popen[bytes] | None = None
        self.charts_drawn = 0
        self.log = workdir / f"bot-{mode}-{rate:g}.log"
        self.port = _free_port()

    @property
    def base(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    async def __aenter__(self) -> BotRun:
        await self.emulator.start(_free_port())
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "PELIBOT_"))}
        env |= {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": self.emulator.base_url,
            "PELIBOT_DATA_DIR": str(self.data_dir),
            "PELIBOT_HEARTBEAT_FILE": str(self.workdir / "beat"),
            "PELIBOT_MAX_MESSAGES_PER_SECOND": f"{self.rate:g}",
            "PYTHONPATH": str(ROOT),
            "NO_PROXY": "127.0.0.1",
        }
        if self.optimize:  # as the Docker image and render.yaml run it
            env["PYTHONOPTIMIZE"] = "2"
        command = ["run"]
        if self.mode == "serve":
            env["PELIBOT_WEBHOOK_URL"] = f"{self.base}/telegram"
            command = ["serve", "--host", LOOPBACK, "--port", str(self.port)]
        with self.log.open("wb") as sink:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", *command],
                cwd=self.workdir,
                env=env,
                stdout=sink,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        try:
            await self.emulator.wait_count(lambda c: c.method == "setMyCommands", 2, timeout=180)
        except TimeoutError:
            await self.__aexit__()
            raise SystemExit(f"the bot did not start:\n{self.log.read_text()}") from None
        await asyncio.sleep(0.5)  # let the first long poll begin
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                await asyncio.to_thread(self.process.wait, 30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        await self.emulator.stop()

    def rss_mb(self) -> float:
        assert self.process is not None
        return float(psutil.Process(self.process.pid).memory_info().rss) / 2**20

    def peak_mb(self) -> float:
        """The process's high-water mark of resident memory (``VmHWM``)."""
        assert self.process is not None
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024

    async def answer_everything(self) -> None:
        """Every command once, every chart their answers offer, and in serve mode every API
        endpoint once."""
        user = Emulator.user(2, "Mem", "es")
        chat = Emulator.private_chat(user)
        replies = []
        for question in EVERY_COMMAND:
            mark = self.emulator.mark()
            await self.emulator.send(chat, user, question)
            replies.append(
                await self.emulator.wait_for(
                    lambda c: c.method == "sendMessage" and c.params.get("chat_id") == chat["id"],
                    after=mark,
                    timeout=30,
                )
            )
        # every chart offered (on a synthetic catalog some names are not there)
        charts = [
            (reply, button["callback_data"])
            for reply in replies
            for row in (reply.params.get("reply_markup") or {}).get("inline_keyboard", [])
            for button in row
            if button["callback_data"].startswith("g ")
        ]
        if not charts:
            raise SystemExit("no answer offered a chart")
        for reply, chart in charts:
            mark = self.emulator.mark()
            await self.emulator.press(reply.result, user, chart)
            await self.emulator.wait_for(lambda c: c.method == "sendPhoto", after=mark, timeout=60)
        self.charts_drawn = len(charts)
        if self.mode == "serve":
            for path in API_PATHS:
                await asyncio.to_thread(_get, self.base + path)

    async def latencies(self, count: int) -> list[float]:
        user = Emulator.user(1, "Lat", "es")
        chat = Emulator.private_chat(user)
        seconds = []
        for n in range(count):
            mark = self.emulator.mark()
            update = await self.emulator.send(chat, user, QUESTIONS[n % len(QUESTIONS)])
            reply = await self.emulator.wait_for(
                lambda c: c.method == "sendMessage" and c.params.get("chat_id") == chat["id"],
                after=mark,
                timeout=30,
            )
            seconds.append(reply.at - self.emulator.sent_at[update["update_id"]])
        return seconds

    async def burst(self, count: int, users: int = 100) -> float:
        people = [Emulator.user(10_000 + n, f"U{n}", "es") for n in range(users)]
        ids = {person["id"] for person in people}
        mark = self.emulator.mark()
        started = time.monotonic()
        for n in range(count):
            person = people[n % users]
            await self.emulator.send(
                Emulator.private_chat(person), person, QUESTIONS[n % len(QUESTIONS)]
            )
        answered = await self.emulator.wait_count(
            lambda c: c.method == "sendMessage" and c.params.get("chat_id") in ids,
            count,
            after=mark,
            timeout=max(120.0, count / 10),
        )
        return count / (max(c.at for c in answered) - started)


async def measure(
    name: str,
    data_dir: Path,
    workdir: Path,
    messages: int,
    burst: int,
    mode: str,
    optimize: bool = False,
) -> Figures:
    async with BotRun(data_dir, workdir, rate=0, mode=mode, optimize=optimize) as run:
        rss_loaded = run.rss_mb()
        await run.answer_everything()
        await asyncio.sleep(1.0)  # let the chart's thread settle
        rss_answered, peak_answered = run.rss_mb(), run.peak_mb()
        await run.latencies(20)  # warm-up: first answers build caches
        seconds = await run.latencies(messages)
        rate = await run.burst(burst)
        rss_after, peak = run.rss_mb(), run.peak_mb()
        movies = _movies_in(run.log)
    async with BotRun(data_dir, workdir, rate=30, mode=mode, optimize=optimize) as limited:
        limited_rate = await limited.burst(min(burst, 300))
    return Figures(
        catalog=name,
        mode=mode + (" -OO" if optimize else ""),
        movies=movies,
        latency_median_ms=round(statistics.median(seconds) * 1000, 2),
        latency_p99_ms=round(_percentile(seconds, 0.99) * 1000, 2),
        updates_per_second=round(rate, 1),
        updates_per_second_flood_limited=round(limited_rate, 1),
        charts=run.charts_drawn,
        rss_loaded_mb=round(rss_loaded, 1),
        rss_answered_mb=round(rss_answered, 1),
        peak_answered_mb=round(peak_answered, 1),
        rss_after_burst_mb=round(rss_after, 1),
        peak_mb=round(peak, 1),
    )


def _movies_in(log: Path) -> int:
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if "catalog loaded (" in line:  # both modes log "catalog loaded (N movies)"
            return int(line.split("catalog loaded (", 1)[1].split()[0])
    return 0


def _prepare(raw: Path, out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "prepare", "--raw", str(raw), "--out", str(out)],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        timeout=1800,
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="a prepared data dir (default: build the slice)")
    parser.add_argument("--synthetic", type=int, default=0, help="also a synthetic catalog")
    parser.add_argument("--messages", type=int, default=300, help="sequential messages")
    parser.add_argument("--burst", type=int, default=2000, help="updates sent at once")
    parser.add_argument("--mode", choices=("polling", "serve", "both"), default="both")
    parser.add_argument(
        "--optimize",
        action="store_true",
        help="run the bot with PYTHONOPTIMIZE=2, as the Docker image and render.yaml do",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    results: list[Figures] = []
    with tempfile.TemporaryDirectory(prefix="bench-bot-") as tmp:
        work = Path(tmp)
        catalogs: list[tuple[str, Path]] = []
        if args.data:
            catalogs.append(("given", args.data))
        else:
            catalogs.append(("real slice", _prepare(RAW_SLICE, work / "slice")))
        if args.synthetic:
            from benchmarks import synthetic

            synthetic.main(["--rows", str(args.synthetic), "--out", str(work / "raw")])
            raw = work / "raw" / "movies_metadata.csv"
            catalogs.append((f"synthetic {args.synthetic}", _prepare(raw, work / "synthetic")))
        modes = ("polling", "serve") if args.mode == "both" else (args.mode,)
        for name, data_dir in catalogs:
            for mode in modes:
                results.append(
                    asyncio.run(
                        measure(
                            name, data_dir, work, args.messages, args.burst, mode, args.optimize
                        )
                    )
                )

    if args.json:
        print(json.dumps([asdict(result) for result in results], indent=2))
        return 0
    header = (
        f"{'catalog':<18}{'mode':<12}{'movies':>7}{'median ms':>10}{'p99 ms':>8}{'upd/s':>7}"
        f"{'upd/s@30':>9}{'charts':>7}  {'MB: loaded':>10}{'answered':>9}{'peak':>6}"
        f"{'burst':>7}{'peak':>6}"
    )
    print(header)
    for r in results:
        print(
            f"{r.catalog:<18}{r.mode:<12}{r.movies:>7}{r.latency_median_ms:>10.2f}"
            f"{r.latency_p99_ms:>8.2f}{r.updates_per_second:>7.1f}"
            f"{r.updates_per_second_flood_limited:>9.1f}{r.charts:>7}  {r.rss_loaded_mb:>10.1f}"
            f"{r.rss_answered_mb:>9.1f}{r.peak_answered_mb:>6.0f}{r.rss_after_burst_mb:>7.1f}"
            f"{r.peak_mb:>6.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
