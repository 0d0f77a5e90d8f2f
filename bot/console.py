"""``pelibot ask`` and ``pelibot chat``: the bot's answers in a terminal, no Telegram needed.

A line that starts with "/" is a command; any other line is read as plain words, exactly as a
private chat reads it (``handlers.router``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TextIO

from bot import i18n
from bot.render import help_text, options_of, render_text, to_json
from handlers import answers as a
from handlers.commands import HELP_NAMES, START_NAMES
from handlers.router import NotUnderstood, router_for
from handlers.service import MovieService


class Conversation:
    """Answers lines like a private chat does, "not understood" replies varying turn by turn."""

    def __init__(self, service: MovieService) -> None:
        self.router = router_for(service)
        self.turn = 0
        self.film: int | None = None  # the last film talked about: follow-ups are about it

    def answer(self, line: str) -> a.Answer:
        answer = self._answer(line)
        self.film = a.film_of(answer) or self.film
        return answer

    def _answer(self, line: str) -> a.Answer:
        if line.lstrip().startswith("/"):
            return self.router.service.ask(line)
        routed = self.router.route(line)
        if isinstance(routed, NotUnderstood) and self.film is not None:
            routed = self.router.follow_up(routed, self.film)
        if isinstance(routed, NotUnderstood):
            self.turn += 1
            return self.router.resolve(routed, self.turn - 1)
        return self.router.resolve(routed)

    def pick(self, answer: a.Answer, line: str) -> a.Answer:
        """The answer to option ``line`` offered under ``answer`` (see ``options_of``)."""
        if isinstance(answer, a.NotUnderstoodAnswer):
            return self.answer(line)  # an example question
        return self.router.service.ask(line)  # "<command> <key>"


def ask(
    service: MovieService, queries: Iterable[str], *, as_json: bool, lang: str, out: TextIO
) -> int:
    """Answer each query; one JSON object per line with ``as_json``. Returns an exit code."""
    conversation = Conversation(service)
    for query in queries:
        if not query.strip():
            continue
        if not as_json and is_help(query):
            print(help_text(lang), file=out)
            print(file=out)
            continue
        answer = conversation.answer(query)
        if as_json:
            print(json.dumps(to_json(answer, lang), ensure_ascii=False), file=out)
        else:
            print(render_text(answer, lang), file=out)
            print(file=out)
    return 0


def is_help(line: str) -> bool:
    """``/help``, ``/ayuda``, ``/start`` (with or without the slash)."""
    return line.strip().lstrip("/").lower() in {*HELP_NAMES, *START_NAMES}


def chat(service: MovieService, *, lang: str, stdin: TextIO, out: TextIO) -> int:
    """An interactive session: type questions, titles or commands; a number picks an option."""
    print(help_text(lang), file=out)
    print("\n" + i18n.text("console.prompt", lang), file=out)
    conversation = Conversation(service)
    pending: tuple[a.Answer, list[tuple[str, str]]] | None = None
    while True:
        print("pelibot> ", end="", file=out, flush=True)
        line = stdin.readline()
        if not line:
            print(file=out)
            return 0
        line = line.strip()
        if line.lower() in {"quit", "exit", "salir", "q"}:
            return 0
        if is_help(line):
            print(help_text(lang), file=out)
            continue
        if pending and line.isdecimal() and 1 <= int(line) <= len(pending[1]):
            asked, options = pending
            answer = conversation.pick(asked, options[int(line) - 1][1])
        elif line:
            answer = conversation.answer(line)
        else:
            continue
        print(render_text(answer, lang, with_choices=False), file=out)
        options = options_of(answer, lang)
        for number, (label, _) in enumerate(options, 1):
            print(f"  [{number}] {label}", file=out)
        pending = (answer, options) if options else None


def stdin_queries(stream: TextIO = sys.stdin) -> Iterable[str]:
    return (line.rstrip("\n") for line in stream)
