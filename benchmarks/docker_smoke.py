"""The pelibot image in real containers (run by ``benchmarks/docker_smoke.sh`` after the build).

    python -m benchmarks.docker_smoke --image pelibot:smoke [--raw movies_metadata.csv]

Containers use the host network and every request goes to 127.0.0.1; the Bot API emulator
(``tests/e2e/emulator.py``) runs on the host. Prints one ``name value`` line per figure and
exits non-zero when a check fails. Every wait is bounded; every container is removed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.e2e.emulator import LOOPBACK, Emulator

ROOT = Path(__file__).resolve().parent.parent
SHARED_RAW = Path(os.environ.get("PELIBOT_SHARED_RAW", ROOT.parent / "shared" / "data" / "raw"))
TOKEN = "555111:smoke-token"
UID = 10001


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def docker(*args: str, check: bool = True, timeout: float = 120) -> str:
    done = subprocess.run(["docker", *args], capture_output=True, text=True, timeout=timeout)
    if check and done.returncode != 0:
        raise SystemExit(f"docker {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout.strip()


def get(url: str) -> tuple[int, dict[str, Any]]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=10) as response:
            return int(response.status), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")
    except (urllib.error.URLError, ConnectionError, json.JSONDecodeError):
        return 0, {}


class Smoke:
    def __init__(self, image: str, raw: Path, work: Path) -> None:
        self.image, self.raw, self.work = image, raw, work
        self.containers: list[str] = []
        self.failures: list[str] = []

    def figure(self, name: str, value: object) -> None:
        print(f"{name} {value}", flush=True)

    def check(self, ok: bool, what: str) -> None:
        self.figure(f"check: {what}", "ok" if ok else "FAILED")
        if not ok:
            self.failures.append(what)

    def run(
        self,
        data: Path,
        *,
        env: dict[str, str],
        raw: bool = True,
        args: tuple[str, ...] = (),
        extra: tuple[str, ...] = (),
    ) -> str:
        command = ["run", "-d", "--network", "host", *extra, "-v", f"{data}:/data"]
        if raw:  # how the README says to mount raw files of another name: their folder
            command += ["-v", f"{self.raw.parent}:/raw:ro"]
            command += ["-e", f"PELIBOT_RAW_CSV=/raw/{self.raw.name}"]
        for key, value in env.items():
            command += ["-e", f"{key}={value}"]
        container = docker(*command, self.image, *args)
        self.containers.append(container)
        return container

    def logs(self, container: str) -> str:
        done = subprocess.run(
            ["docker", "logs", container], capture_output=True, text=True, timeout=30
        )
        return done.stdout + done.stderr

    def cleanup(self) -> None:
        for container in self.containers:
            docker("rm", "-f", container, check=False)

    async def healthy(self, port: int, container: str, timeout: float) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            status, _ = await asyncio.to_thread(get, f"http://{LOOPBACK}:{port}/health")
            if status == 200:
                return time.monotonic() - started
            await asyncio.sleep(0.25)
        raise SystemExit(f"not healthy within {timeout:.0f} s:\n{self.logs(container)}")

    async def serve_mode(self) -> None:
        data = self.work / "serve-data"
        data.mkdir()  # owned by root on the host: the entrypoint hands it to uid 10001
        emulator = Emulator(TOKEN)
        await emulator.start()
        port = free_port()
        env = {
            "PORT": str(port),
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": emulator.base_url,
            "PELIBOT_WEBHOOK_URL": f"http://{LOOPBACK}:{port}/telegram",
        }
        try:
            started = time.monotonic()
            container = self.run(data, env=env)
            first = await self.healthy(port, container, 600)
            self.figure("serve_first_start_to_healthy_s (builds the catalog)", round(first, 1))
            self.check(data.stat().st_uid == UID, "host folder at /data made writable (uid 10001)")
            docker("stop", "-t", "20", container)
            self.check(
                docker("inspect", "-f", "{{.State.ExitCode}}", container) == "0",
                "serve stops on SIGTERM with exit code 0",
            )
            emulator.webhook = {}
            started = time.monotonic()
            container = self.run(data, env=env)
            again = await self.healthy(port, container, 300)
            self.figure("serve_start_to_healthy_s (catalog built)", round(again, 1))
            await emulator.wait_for(lambda c: c.method == "setWebhook", timeout=60)
            user = Emulator.user(9, "Docker", "es")
            mark = emulator.mark()
            sent = time.monotonic()
            update = await emulator.send(Emulator.private_chat(user), user, "/retorno toy story")
            reply = await emulator.wait_for(
                lambda c: c.method == "sendMessage", after=mark, timeout=30
            )
            self.figure("webhook_reply_ms", round((reply.at - sent) * 1000))
            self.check(
                emulator.deliveries[-1] == (update["update_id"], 200)
                and "Presupuesto: US$ 30.000.000" in reply.result["text"],
                "the webhook answered from inside the container",
            )
            self.check(
                await emulator.deliver(update, secret="wrong") == 403,
                "a wrong webhook secret gets 403",
            )
            status, body = await asyncio.to_thread(
                get, f"http://{LOOPBACK}:{port}/peliculas_pais/reino%20unido"
            )
            self.check(
                status == 200 and body.get("iso") == "GB",
                "the API answered from inside the container",
            )
            status, body = await asyncio.to_thread(get, f"http://{LOOPBACK}:{port}/health")
            self.figure("health", json.dumps(body, ensure_ascii=False))
            stats = docker("stats", "--no-stream", "--format", "{{.MemUsage}}", container)
            self.figure("serve_memory (slice catalog)", stats.split("/")[0].strip())
            health = docker("inspect", "-f", "{{.State.Health.Status}}", container)
            self.figure("docker_health_status_now", health)
            started = time.monotonic()
            docker("stop", "-t", "20", container)
            self.figure("serve_stop_s", round(time.monotonic() - started, 1))
        finally:
            await emulator.stop()

    async def polling_mode(self) -> None:
        data = self.work / "serve-data"  # the catalog built above
        emulator = Emulator(TOKEN)
        await emulator.start()
        try:
            container = self.run(
                data, env={"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": emulator.base_url}
            )
            await emulator.wait_count(lambda c: c.method == "setMyCommands", 2, timeout=120)
            user = Emulator.user(10, "Poll", "en")
            mark = emulator.mark()
            await emulator.send(Emulator.private_chat(user), user, "/month january")
            reply = await emulator.wait_for(
                lambda c: c.method == "sendMessage", after=mark, timeout=30
            )
            self.check("January" in reply.result["text"], "polling mode answered (no PORT)")
            self.check(
                docker("exec", container, "pelibot", "health", check=False) == "healthy",
                "pelibot health inside the polling container",
            )
            docker("stop", "-t", "20", container)
        finally:
            await emulator.stop()

    async def missing_catalog(self) -> None:
        data = self.work / "empty-data"
        data.mkdir()
        port = free_port()
        container = self.run(
            data, env={"PORT": str(port)}, raw=False, extra=("--restart", "unless-stopped")
        )
        await asyncio.sleep(8)
        status, body = await asyncio.to_thread(get, f"http://{LOOPBACK}:{port}/health")
        logs = self.logs(container)
        self.check(
            status == 503 and body.get("status") == "no_catalog",
            "no catalog: /health says 503 no_catalog",
        )
        self.check(logs.count("No movie catalog in") == 1, "no catalog: said once")
        self.check(
            docker("inspect", "-f", "{{.RestartCount}}", container) == "0", "no catalog: no restart"
        )
        # the documented fix: `docker compose run --rm pelibot pelibot prepare`, here by hand
        (data / "incoming").mkdir()
        shutil.copy(self.raw, data / "incoming" / "movies_metadata.csv")
        docker(
            "run",
            "--rm",
            "--network",
            "host",
            "-v",
            f"{data}:/data",
            self.image,
            "pelibot",
            "prepare",
            "--raw",
            "/data/incoming/movies_metadata.csv",
            "--out",
            "/data",
            timeout=600,
        )
        waited = await self.healthy(port, container, 120)
        self.figure("no_catalog: healthy after the prepare container exited, s", round(waited, 1))
        docker("stop", "-t", "20", container)

    async def api_without_token_from_the_sample(self) -> None:
        """Offline, ``pelibot prepare`` builds the built-in sample; with neither a token nor
        PORT the image serves the API on 8000 (no exit, so no restart loop)."""
        data = self.work / "sample-data"
        data.mkdir()
        offline = ["run", "--rm", "--network", "none", "-v", f"{data}:/data", self.image]
        done = subprocess.run(
            ["docker", *offline, "pelibot", "prepare"],
            capture_output=True,
            text=True,
            timeout=600,
        )
        last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
        self.figure("offline_prepare_last_line", last)
        self.check(
            done.returncode == 0 and last.startswith("Sin conexión: catálogo de muestra de "),
            "offline prepare builds the built-in sample and says so",
        )
        port = free_port()
        command = ["run", "-d", "-p", f"{LOOPBACK}:{port}:8000", "-v", f"{data}:/data"]
        container = docker(*command, "--restart", "unless-stopped", self.image)
        self.containers.append(container)
        await self.healthy(port, container, 120)
        status, body = await asyncio.to_thread(get, f"http://{LOOPBACK}:{port}/health")
        self.figure("health_without_token", status)
        self.figure("health_without_token_body", json.dumps(body, ensure_ascii=False))
        self.check(
            body.get("sample") is True and body.get("telegram") == "off",
            "no token, no PORT: the API on 8000, from the sample",
        )
        await asyncio.sleep(3)
        self.check(
            docker("inspect", "-f", "{{.RestartCount}}", container) == "0",
            "no token: no restart",
        )
        docker("stop", "-t", "20", container)

    async def stop_during_build(self) -> None:
        data = self.work / "build-data"
        data.mkdir()
        env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": f"http://{LOOPBACK}:9/bot"}
        container = self.run(data, env=env, raw=True)  # polling mode, builds first
        for _ in range(200):
            if "Building it from" in self.logs(container):
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(2)
        started = time.monotonic()
        docker("stop", "-t", "20", container)
        self.figure("stop_during_first_build_s", round(time.monotonic() - started, 1))
        self.check(
            docker("inspect", "-f", "{{.State.ExitCode}}", container) == "0"
            and "stopped before the bot started" in self.logs(container),
            "SIGTERM during the first build stops cleanly",
        )
        self.check(not list(data.glob(".build-*")), "SIGTERM during the build leaves no files")


async def main_async(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="pelibot-docker-") as tmp:
        smoke = Smoke(args.image, args.raw, Path(tmp))
        try:
            await smoke.serve_mode()
            await smoke.polling_mode()
            await smoke.missing_catalog()
            await smoke.api_without_token_from_the_sample()
            await smoke.stop_during_build()
        finally:
            smoke.cleanup()
        if smoke.failures:
            print(f"FAILED: {smoke.failures}")
            return 1
    print("all checks passed")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--image", default="pelibot:smoke")
    parser.add_argument(
        "--raw",
        type=Path,
        default=SHARED_RAW / "movies_metadata_first4627.csv",
        help="the raw CSV to build the catalog from (its folder is mounted)",
    )
    args = parser.parse_args(argv)
    if shutil.which("docker") is None:
        print("docker_smoke: no docker command; skipped.")
        return 0
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
