"""The deployment files say what the README says: Render runs ``pelibot prepare`` at build and
``pelibot serve`` with its health check; the image picks the mode from PORT."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml

from bot.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent


def test_render_blueprint() -> None:
    blueprint = yaml.safe_load((ROOT / "render.yaml").read_text())
    [service] = blueprint["services"]
    assert service["type"] == "web" and service["plan"] == "free"
    assert service["buildCommand"].endswith("pelibot prepare")
    assert service["startCommand"] == "pelibot serve"
    assert service["healthCheckPath"] == "/health"
    secrets = {v["key"] for v in service["envVars"] if v.get("sync") is False}
    assert secrets == {"TELEGRAM_BOT_TOKEN", "PELIBOT_WEBHOOK_URL"}
    values = {v["key"]: v["value"] for v in service["envVars"] if "value" in v}
    assert values["PYTHONOPTIMIZE"] == "2"  # build and start alike: bytecode made at build
    parser = build_parser()
    for command in ("serve", "prepare"):
        assert parser.parse_args([command]).command == command


def test_image_runs_optimized_from_bytecode_written_at_build() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    env_block = dockerfile.split("\nENV ", 1)[1].split("\n\n", 1)[0]
    assert "PYTHONOPTIMIZE=2" in env_block.split()
    # set before the installs, whose pip writes the .opt-2.pyc files
    assert dockerfile.index("PYTHONOPTIMIZE=2") < dockerfile.index("pip install")


def test_image_user_has_a_home_and_a_writable_download_cache() -> None:
    """uid 10001 would otherwise get Docker's HOME=/root, and kagglehub a PermissionError."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    env = dict(
        item.split("=", 1)
        for item in dockerfile.split("\nENV ", 1)[1].split("\n\n", 1)[0].split()
        if "=" in item
    )
    assert env["HOME"] == "/home/pelibot"
    assert "--create-home" in dockerfile and "--uid 10001" in dockerfile
    assert env["KAGGLEHUB_CACHE"].startswith("/tmp/")  # writable for any --user too


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv, as in the image",
)
def test_image_entrypoint_picks_the_mode_and_hands_data_to_the_image_user() -> None:
    with tempfile.TemporaryDirectory() as folder:  # not pytest's: uid 10001 must get in
        Path(folder).chmod(0o755)
        check_entrypoint(Path(folder))


def check_entrypoint(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "pelibot"  # stands for pelibot: says how it was started, and as whom
    fake.write_text('#!/bin/sh\necho "$(id -u) $*"\n')
    fake.chmod(0o755)
    data = tmp_path / "data"
    (data / "build-1").mkdir(parents=True)
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin:/usr/sbin:/sbin", "PELIBOT_DATA_DIR": str(data)}
    entrypoint = str(ROOT / "docker" / "entrypoint.sh")

    def start(*args: str, **extra: str) -> str:
        done = subprocess.run(
            ["sh", entrypoint, *args], env=env | extra, capture_output=True, text=True, timeout=30
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert start(PORT="10000") == "10001 serve"
    assert start() == "10001 serve"  # no token: the API, not an exit and a restart loop
    assert start(TELEGRAM_BOT_TOKEN="1:a") == "10001 run"  # a token and no PORT: polling
    assert start(TELEGRAM_BOT_TOKEN="1:a", PORT="10000") == "10001 serve"
    assert start("pelibot", "prepare") == "10001 prepare"
    assert data.stat().st_uid == 10001 and (data / "build-1").stat().st_uid == 10001
