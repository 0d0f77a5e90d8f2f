"""Safe parsing of the Python-literal cells of the Kaggle CSV (never ``eval``)."""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

import pandas as pd

_UNPARSED = object()


def literal(cell: str) -> Any:
    """Parse one cell with ``ast.literal_eval``; ``_UNPARSED`` when it is not a literal."""
    try:
        return ast.literal_eval(cell)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return _UNPARSED


def names(value: Any, key: str = "name") -> list[str] | None:
    """``[{'name': 'A'}, …]`` → ``['A', …]``; None when the value has another shape."""
    if not isinstance(value, list):
        return None
    out: list[str] = []
    for item in value:
        if not isinstance(item, dict):
            return None
        name = item.get(key)
        if isinstance(name, str) and name.strip():
            out.append(name.strip())
    return out


def collection_name(value: Any) -> str | None:
    """``{'name': 'Toy Story Collection', …}`` → the name; None for another shape."""
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return str(value["name"]).strip() or None
    return None


def parse_column(
    cells: pd.Series, extract: Callable[[Any], Any], empty: Callable[[], Any]
) -> tuple[list[Any], int]:
    """Parse a column of literal cells with ``extract``.

    Returns the parsed values and how many non-empty cells did not parse (those become
    ``empty()``). Each distinct cell text is parsed once: nested columns repeat a lot.
    """
    memo: dict[str, tuple[Any, bool]] = {}
    values: list[Any] = []
    failures = 0
    for cell in cells.tolist():
        if not isinstance(cell, str) or not cell.strip():
            values.append(empty())
            continue
        hit = memo.get(cell)
        if hit is None:
            parsed = literal(cell)
            value = None if parsed is _UNPARSED else extract(parsed)
            hit = (value, value is None)
            memo[cell] = hit
        value, failed = hit
        if failed:
            failures += 1
            values.append(empty())
        else:
            values.append(list(value) if isinstance(value, list) else value)
    return values, failures
