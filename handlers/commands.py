"""The one table of commands: every front end (Telegram, console, JSON, web) derives from it.

A command has a canonical Spanish name, an English name and aliases; all of them, folded
(``día`` → ``dia``), reach it everywhere. Adding a command or an alias is one edit here (plus
its description and example in each language's string catalog, ``bot/i18n``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from handlers.text import fold

Argument = Literal[
    "month", "weekday", "collection", "country", "company", "title", "query", "titles", "person"
]

TELEGRAM_NAME = re.compile(r"[a-z0-9_]{1,32}")
"""What Telegram accepts as a command name (the rest is matched as text, e.g. ``/día``)."""


@dataclass(frozen=True)
class Command:
    name: str  # canonical, Spanish: answers and JSON use it
    english: str  # shown to English users in menus, help and usage
    aliases: tuple[str, ...]  # other names people type, in either language
    argument: Argument
    chart: bool  # answers of this command have a 📊 chart
    web_path: str  # the HTTP API path (the original project's): GET /<web_path>/<argument>
    menu: bool = True  # listed in Telegram's menu and /help (the others still answer)
    web_aliases: tuple[str, ...] = ()  # more paths answering the same (not in /docs)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name that reaches the command: canonical, English, then aliases."""
        return (self.name, self.english, *self.aliases)

    def display_name(self, lang: str) -> str:
        """The name shown to a user of ``lang`` (``/month`` for English, ``/mes`` otherwise)."""
        return self.english if lang == "en" else self.name

    @property
    def telegram_names(self) -> tuple[str, ...]:
        """The names Telegram can register as bot commands (plain ASCII, lower case)."""
        return tuple(n for n in self.names if TELEGRAM_NAME.fullmatch(n))


COMMANDS: tuple[Command, ...] = (
    Command("mes", "month", ("meses", "estrenos"), "month", chart=True, web_path="peliculas_mes"),
    Command(
        "dia",
        "day",
        ("día", "weekday", "dias", "días"),
        "weekday",
        chart=True,
        web_path="peliculas_dia",
    ),
    Command(
        "franquicia",
        "collection",
        ("saga", "coleccion", "colección", "franchise", "sagas"),
        "collection",
        chart=True,
        web_path="franquicia",
    ),
    Command(
        "pais",
        "country",
        ("país", "paises", "países"),
        "country",
        chart=True,
        web_path="peliculas_pais",
    ),
    Command(
        "productora",
        "company",
        ("studio", "estudio", "productoras"),
        "company",
        chart=True,
        web_path="productoras",
    ),
    Command("retorno", "return", ("roi", "taquilla"), "title", chart=True, web_path="retorno"),
    Command(
        "recomendar",
        "recommend",
        ("recomienda", "recomendacion", "recomendación", "recomendaciones", "similar"),
        "title",
        chart=False,
        web_path="recomendacion",
    ),
    Command(
        "pelicula",
        "movie",
        ("película", "peli", "film", "ficha"),
        "title",
        chart=False,
        web_path="pelicula",
    ),
    Command(
        "buscar",
        "find",
        ("top", "search", "busca", "lista", "list"),
        "query",
        chart=False,
        web_path="buscar",
    ),
    Command(
        "sinopsis",
        "plot",
        ("trama", "argumento", "synopsis", "resumen"),
        "title",
        chart=False,
        web_path="sinopsis",
    ),
    Command(
        "comparar",
        "compare",
        ("vs", "versus", "compara", "comparacion", "comparison"),
        "titles",
        chart=False,
        web_path="comparar",
    ),
    Command(
        "trailer",
        "trailers",
        ("tráiler", "avance", "teaser"),
        "title",
        chart=False,
        web_path="trailer",
        menu=False,
    ),
    Command(
        "donde",
        "watch",
        ("dónde", "streaming", "stream", "dondever"),
        "title",
        chart=False,
        web_path="donde",
        menu=False,
    ),
    Command(
        "director",
        "director",
        ("directora", "directores", "dirigida", "directed"),
        "person",
        chart=False,
        web_path="director",
        web_aliases=("get_director",),
    ),
    Command(
        "actor",
        "actor",
        ("actriz", "actores", "actrices", "reparto", "cast", "actress"),
        "person",
        chart=False,
        web_path="actor",
        web_aliases=("get_actor",),
    ),
)

HELP_NAMES = ("help", "ayuda")
CLOSE_NAMES = ("cerrar", "close")
"""Closes a chat's movie-night poll and announces the winner (Telegram only)."""
START_NAMES = ("start",)

NAMES: tuple[str, ...] = tuple(c.name for c in COMMANDS)
MENU: tuple[Command, ...] = tuple(c for c in COMMANDS if c.menu)
"""The commands listed in menus, /help and /start (the others answer all the same)."""
BY_NAME: dict[str, Command] = {c.name: c for c in COMMANDS}


def _alias_table() -> dict[str, Command]:
    table: dict[str, Command] = {}
    for entry in COMMANDS:
        for name in entry.names:
            if table.setdefault(fold(name), entry) is not entry:
                raise ValueError(f"{name!r} names two commands")
    return table


_BY_ALIAS = _alias_table()


def command_name(typed: str) -> str | None:
    """``"/Mes@pelibot"``, ``"día"``, ``"month"`` → the canonical name; None when unknown."""
    name = typed.strip().lstrip("/").split("@", 1)[0]
    command = _BY_ALIAS.get(fold(name))
    return command.name if command else None


def command(name: str) -> Command:
    """The command whose canonical name is ``name``."""
    return BY_NAME[name]
