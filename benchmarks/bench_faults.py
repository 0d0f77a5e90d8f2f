"""The fault-injection pass: the real ``pelibot run`` process against a Bot API that misbehaves.

    python -m benchmarks.bench_faults [--data DIR]

Through the loopback emulator's fault switches (``tests/e2e/emulator.py``) it measures:

* one unparseable update: getUpdates calls and log lines per second in the 5 s after it, whether
  the next question is still answered, and whether ``pelibot health`` still says healthy;
* slow sends (the Bot API delivers, but answers after 6 s): answers and apologies sent;
* 5xx blips: one 502 before each of 10 answers, then three in a row before 3 answers: answers
  delivered and apologies;
* start-up failures (a rejected token; an unreachable Bot API without retries): lines printed
  and tracebacks among them;
* ``pelibot health``: its wall time, and whether it imports pandas.

Everything stays on 127.0.0.1; every wait is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_bot import RAW_SLICE, ROOT, TOKEN, BotRun, _prepare
from tests.e2e.emulator import LOOPBACK, Call, Emulator

APOLOGY = "Uy, algo falló al responder. Prueba otra vez en un momento."
ANA = Emulator.user(77, "Ana", "es")
CHAT = Emulator.private_chat(ANA)


def _is_reply(call: Call) -> bool:
    """A message delivered to Ana (not a failed attempt)."""
    return (
        call.method == "sendMessage"
        and call.params.get("chat_id") == CHAT["id"]
        and call.error is None
    )


async def _ask(run: BotRun, text: str, timeout: float = 15, settle: float = 1.0) -> list[Call]:
    """Ask ``text``; the replies delivered within ``settle`` s of the first (none: bot quiet)."""
    mark = run.emulator.mark()
    await run.emulator.send(CHAT, ANA, text)
    with contextlib.suppress(TimeoutError):
        await run.emulator.wait_for(_is_reply, after=mark, timeout=timeout)
    await asyncio.sleep(settle)  # any further (wrong) reply
    return [call for call in run.emulator.calls[mark:] if _is_reply(call)]


def _env(run: BotRun) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "PELIBOT_"))}
    return env | {"PELIBOT_HEARTBEAT_FILE": str(run.workdir / "beat"), "PYTHONPATH": str(ROOT)}


async def unparseable(run: BotRun) -> list[str]:
    lines_before = len(run.log.read_text(errors="replace").splitlines())
    polls_before = run.emulator.polls
    await run.emulator.send_unparseable(CHAT, ANA)
    await asyncio.sleep(5.0)
    polls = (run.emulator.polls - polls_before) / 5
    lines = (len(run.log.read_text(errors="replace").splitlines()) - lines_before) / 5
    answered = await _ask(run, "/mes enero")
    health = subprocess.run(
        [sys.executable, "-m", "bot.cli", "health", "--max-age", "30"],
        env=_env(run),
        capture_output=True,
        text=True,
        timeout=60,
    )
    return [
        f"getUpdates calls per second after it    {polls:10.1f}",
        f"log lines per second after it           {lines:10.1f}",
        f"next question answered                  {'yes' if answered else 'no':>10}",
        f"pelibot health                          {health.stdout.strip() or 'unhealthy':>10}",
    ]


async def slow_sends(run: BotRun, count: int = 3) -> list[str]:
    answers = apologies = 0
    for _ in range(count):
        run.emulator.slow["sendMessage"] = [6.0]
        for call in await _ask(run, "/mes enero", settle=7.0):
            apologies += call.params["text"] == APOLOGY
            answers += call.params["text"] != APOLOGY
    return [f"slow sends (6 s): answers / apologies   {answers:>6} / {apologies}  of {count}"]


async def blips(run: BotRun, single: int = 10, triple: int = 3) -> list[str]:
    lines = []
    for blip, count in ((1, single), (3, triple)):
        answers = apologies = 0
        for _ in range(count):
            run.emulator.blip(blip, 502, "Bad Gateway")
            for call in await _ask(run, "/mes enero"):
                apologies += call.params["text"] == APOLOGY
                answers += call.params["text"] != APOLOGY
        lines.append(
            f"{blip} x 502: answers / apologies          {answers:>6} / {apologies}  of {count}"
        )
    return lines


async def start_up_failures(data_dir: Path, workdir: Path) -> list[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "PELIBOT_"))}
    base |= {"PYTHONPATH": str(ROOT), "NO_PROXY": "127.0.0.1", "PELIBOT_DATA_DIR": str(data_dir)}
    emulator = Emulator(TOKEN)
    await emulator.start()
    cases = {
        "rejected token": {"TELEGRAM_BOT_TOKEN": "1:wrong", "TELEGRAM_BASE_URL": emulator.base_url},
        "unreachable API": {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": f"http://{LOOPBACK}:9/bot",
            "PELIBOT_BOOTSTRAP_RETRIES": "0",
        },
    }
    lines = []
    for name, env in cases.items():
        done = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "bot.cli", "run"],
            env=base | env,
            cwd=workdir,
            capture_output=True,
            text=True,
            timeout=120,
        )
        printed = [line for line in done.stderr.splitlines() if " INFO " not in line]
        tracebacks = done.stderr.count("Traceback")
        lines.append(f"start-up, {name}: lines / tracebacks  {len(printed):>6} / {tracebacks}")
    await emulator.stop()
    return lines


def health_check(workdir: Path, runs: int = 5) -> list[str]:
    beat = workdir / "beat-health"
    beat.touch()
    probe = (
        "import sys; from bot.cli import main; "
        f"main(['health', '--file', {str(beat)!r}]); print('pandas' in sys.modules)"
    )
    seconds, pandas = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        seconds.append(time.perf_counter() - started)
        pandas = done.stdout.split()[-1]
    return [
        f"pelibot health wall time (median of {runs})  {statistics.median(seconds) * 1000:6.0f} ms",
        f"pelibot health imports pandas           {pandas:>10}",
    ]


async def measure(data_dir: Path, workdir: Path) -> list[str]:
    lines = []
    async with BotRun(data_dir, workdir, rate=30) as run:
        lines += await slow_sends(run)
        lines += await blips(run)
        lines += await unparseable(run)  # last: before the fix it leaves the bot deaf
    lines += await start_up_failures(data_dir, workdir)
    lines += health_check(workdir)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="a prepared data dir (default: build the slice)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-faults-") as tmp:
        work = Path(tmp)
        data_dir = args.data or _prepare(RAW_SLICE, work / "slice")
        for line in asyncio.run(measure(data_dir, work)):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
