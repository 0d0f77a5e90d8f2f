"""What ``/preguntar`` answers: a question as a private chat would take it.

This is the seam for the plain-words router (``handlers/router.py``, being written separately):
when it lands, ``ask_plain`` calls it for text that is not a command line, and nothing else in
the web layer changes.
"""

from __future__ import annotations

from handlers.answers import Answer
from handlers.commands import command_name
from handlers.service import MovieService
from handlers.text import clean_argument


def ask_plain(service: MovieService, text: str) -> Answer | None:
    """The answer to ``text``; None when it is not understood (a chat would send a hint).

    Today a command line is understood, with or without its slash (``/mes enero``,
    ``mes enero``), like ``pelibot chat``.
    """
    line = clean_argument(text)
    if line.startswith("/"):
        return service.ask(line)
    first = line.split(" ", 1)[0]
    if command_name(first) is not None:
        return service.ask("/" + line)
    return None  # the plain-words router goes here: return route(service, line)
