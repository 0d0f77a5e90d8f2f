"""What ``/preguntar`` answers: a message read as a private chat reads it."""

from __future__ import annotations

from handlers.answers import Answer
from handlers.router import router_for
from handlers.service import MovieService
from handlers.text import clean_argument


def ask_plain(service: MovieService, text: str) -> Answer:
    """A command line (``/mes enero``) as a command; anything else through the plain-words
    router (``¿cuánto recaudó titanic?``, ``toy story``), like a private chat."""
    line = clean_argument(text)
    if line.startswith("/"):
        return service.ask(line)
    return router_for(service).answer(line)
