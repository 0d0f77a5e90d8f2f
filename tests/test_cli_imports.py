"""Light commands stay light: ``pelibot health`` runs every few seconds in a container probe."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pandas", "numpy", "pyarrow", "sklearn", "telegram")


def test_health_imports_no_data_library(tmp_path: Path) -> None:
    beat = tmp_path / "heartbeat"
    beat.touch()
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        f"code = main(['health', '--file', {str(beat)!r}])\n"
        f"print(code, sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert run.stdout.splitlines() == ["healthy", "0 []"]
