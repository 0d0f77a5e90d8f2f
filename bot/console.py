"""``pelibot ask`` and ``pelibot chat``: the bot's answers in a terminal, no Telegram needed."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TextIO

from bot import i18n
from bot.render import choice_label, choices_of, help_text, render_text, to_json
from handlers import answers as a
from handlers.commands import HELP_NAMES, START_NAMES
from handlers.service import MovieService


def ask(
    service: MovieService, queries: Iterable[str], *, as_json: bool, lang: str, out: TextIO
) -> int:
    """Answer each query; one JSON object per line with ``as_json``. Returns an exit code."""
    for query in queries:
        if not query.strip():
            continue
        answer = service.ask(query)
        if as_json:
            print(json.dumps(to_json(answer, lang), ensure_ascii=False), file=out)
        else:
            print(render_text(answer, lang), file=out)
            print(file=out)
    return 0


def chat(service: MovieService, *, lang: str, stdin: TextIO, out: TextIO) -> int:
    """An interactive session: type commands; answer a numbered choice with its number."""
    print(help_text(lang), file=out)
    print("\n" + i18n.text("console.prompt", lang), file=out)
    pending: tuple[str, tuple[a.Choice, ...]] | None = None
    while True:
        print("pelibot> ", end="", file=out, flush=True)
        line = stdin.readline()
        if not line:
            print(file=out)
            return 0
        line = line.strip()
        if line.lower() in {"quit", "exit", "salir", "q"}:
            return 0
        if line.lstrip("/").lower() in {*HELP_NAMES, *START_NAMES}:
            print(help_text(lang), file=out)
            continue
        if pending and line.isdigit() and 1 <= int(line) <= len(pending[1]):
            command, options = pending
            answer = service.answer(command, options[int(line) - 1].key)
        elif line:
            answer = service.ask(line if line.startswith("/") else "/" + line)
        else:
            continue
        print(render_text(answer, lang, with_choices=False), file=out)
        choices = choices_of(answer)
        if choices:
            for number, choice in enumerate(choices, 1):
                print(f"  [{number}] {choice_label(answer.command, choice, lang)}", file=out)
            pending = (answer.command, choices)
        else:
            pending = None


def stdin_queries(stream: TextIO = sys.stdin) -> Iterable[str]:
    return (line.rstrip("\n") for line in stream)
