"""How often typed names find the right film, collection or studio: the table of
``tests/names_table.py`` (Spanish and English, on the real slice) against a catalog.

    python -m benchmarks.eval_names --data DIR

``DIR`` is a catalog built from the first 4,627 rows of the Kaggle file (``pelibot prepare --raw
…/movies_metadata_first4627.csv``). Each row is counted once: answered with the right entity,
asked back with it among the choices (or offered it as "did you mean"), answered with another
entity (wrong), or not found at all. Rows the catalog does not have count as right when they are
not answered. The table is read by path and the answers are matched by class name, so the script
also scores older versions of the code (put them first on ``PYTHONPATH``).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from handlers.service import MovieService

TABLE = Path(__file__).resolve().parent.parent / "tests" / "names_table.py"


def _table() -> ModuleType:
    spec = importlib.util.spec_from_file_location("names_table", TABLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entity(answer: Any) -> object:
    for field in ("movie", "company", "collection"):
        value = getattr(answer, field, None)
        if value is not None:
            return getattr(value, "id", value)
    return None


def _offered(answer: Any) -> list[object]:
    choices = getattr(answer, "choices", None) or getattr(answer, "suggestions", None) or ()
    return [choice.value for choice in choices]


def outcome(service: MovieService, typed: str, expected: object) -> str:
    answer = service.ask(typed)
    found = _entity(answer)
    if found == expected:
        return "right"
    if found is not None:
        return "wrong"
    return "asked back" if expected in _offered(answer) else "not found"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="catalog of the real slice")
    args = parser.parse_args()
    table = _table()
    service = MovieService.from_data_dir(args.data)
    groups = {
        "titles": table.TITLES,
        "collections": table.COLLECTIONS,
        "companies": table.COMPANIES,
        "hard (asking back is fine)": table.ASKED_BACK,
    }
    outcomes = ("right", "asked back", "wrong", "not found")
    print(f"{'rows':<28}{'n':>5}" + "".join(f"{name:>12}" for name in outcomes))
    total: Counter[str] = Counter()
    for name, rows in groups.items():
        counts = Counter(outcome(service, typed, expected) for typed, expected in rows)
        total.update(counts)
        print(f"{name:<28}{len(rows):>5}" + "".join(f"{counts[o]:>12}" for o in outcomes))
    print(f"{'all':<28}{sum(total.values()):>5}" + "".join(f"{total[o]:>12}" for o in outcomes))
    guessed = [typed for typed in table.MISSES if _entity(service.ask(typed)) is not None]
    print(
        f"not in the catalog: {len(table.MISSES)} names, {len(guessed)} answered with some "
        f"other entity" + (f": {', '.join(guessed)}" if guessed else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
