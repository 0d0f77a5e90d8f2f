"""The folders mean what they say: imports run bot → handlers → data_prep, never back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("data_prep", "handlers", "bot")  # each may import only those before it
FRAMEWORKS = ("telegram", "fastapi", "starlette", "uvicorn", "aiohttp", "flask")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules_of(layer: str) -> list[Path]:
    return sorted((ROOT / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", LAYERS)
def test_no_import_runs_upwards(layer: str) -> None:
    higher = LAYERS[LAYERS.index(layer) + 1 :]
    for path in modules_of(layer):
        for module in imported_modules(path):
            top = module.split(".")[0]
            assert top not in higher, f"{path.relative_to(ROOT)} imports {module}"


@pytest.mark.parametrize("layer", ["data_prep", "handlers"])
def test_domain_imports_no_chat_or_web_framework(layer: str) -> None:
    for path in modules_of(layer):
        for module in imported_modules(path):
            assert module.split(".")[0] not in FRAMEWORKS, f"{path.relative_to(ROOT)}: {module}"


def test_the_checker_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import telegram.ext\nfrom bot.render import x\nfrom . import y\n")
    assert imported_modules(sample) == {"telegram.ext", "bot.render"}
