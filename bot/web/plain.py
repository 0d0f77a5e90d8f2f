"""What ``/preguntar`` answers: a message read as a private chat reads it."""

from __future__ import annotations

import weakref

from handlers.answers import Answer
from handlers.router import Router
from handlers.service import MovieService
from handlers.text import clean_argument

_ROUTERS: weakref.WeakKeyDictionary[MovieService, Router] = weakref.WeakKeyDictionary()


def ask_plain(service: MovieService, text: str) -> Answer:
    """A command line (``/mes enero``) as a command; anything else through the plain-words
    router (``¿cuánto recaudó titanic?``, ``toy story``), like a private chat."""
    line = clean_argument(text)
    if line.startswith("/"):
        return service.ask(line)
    router = _ROUTERS.get(service)
    if router is None:
        router = _ROUTERS[service] = Router(service)
    return router.answer(line)
