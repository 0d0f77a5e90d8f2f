"""The query model: what a question about the catalog asks, as typed filters and one intent.

A ``Query`` is read from plain words or a command's argument (``handlers.reader``) and answered
by one executor (``handlers.search``). Its ``key`` is a compact, stateless form that reads back
to the same query (``Query.from_key``): it rides in Telegram's 64-byte callback data ("◀ ▶",
"🎲 Otra", "🎞️ Ver películas") and in URLs, so buttons keep working after a restart.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Literal, TypeVar, get_args

GENRES: tuple[str, ...] = (
    "Action",
    "Adventure",
    "Animation",
    "Comedy",
    "Crime",
    "Documentary",
    "Drama",
    "Family",
    "Fantasy",
    "Foreign",
    "History",
    "Horror",
    "Music",
    "Mystery",
    "Romance",
    "Science Fiction",
    "TV Movie",
    "Thriller",
    "War",
    "Western",
)
"""TMDB's genres, as the catalog spells them; a genre's position is its code in keys."""

TOPICS: tuple[str, ...] = (
    "christmas", "vampire", "dinosaur", "superhero", "time travel", "robot", "extraterrestrial",
    "shark", "dystopia", "serial killer", "heist", "based on novel", "biography",
    "world war ii", "space", "friendship", "sport", "boxing", "martial arts", "prison",
    "high school", "road movie", "witch", "ghost", "dog", "independent film", "based on comic",
    "haunted house", "monster", "pirate", "spy", "revenge", "wedding", "vietnam war", "hitman",
    "mafia", "kidnapping", "teenager", "magic", "post-apocalyptic", "artificial intelligence",
    "horse", "cat", "basketball", "baseball", "soccer", "new york", "paris", "alien",
    "zombie", "musical", "jazz", "dragon",
)  # fmt: skip
"""TMDB keywords people ask for as a topic ("pelis de vampiros"); a position is its code."""

Intent = Literal["list", "count", "pick", "vote"]
Role = Literal["director", "cast"]
Order = Literal[
    "rating",
    "worst",
    "revenue",
    "budget",
    "return",
    "votes",
    "longest",
    "shortest",
    "newest",
    "oldest",
]
ORDERS: tuple[Order, ...] = get_args(Order)
INTENTS: tuple[Intent, ...] = get_args(Intent)
PAGE_SIZE = 10
KEY_PREFIX = "?"


@dataclass(frozen=True)
class Query:
    """Filters (all of them must hold) and what to do with the films that pass them."""

    intent: Intent = "list"
    order: Order = "rating"
    genres: tuple[str, ...] = ()  # TMDB names; a film must have every one
    topics: tuple[str, ...] = ()  # TMDB keywords (``TOPICS``); a film must have every one
    year_from: int | None = None  # inclusive
    year_to: int | None = None  # inclusive
    month: int | None = None  # 1..12
    weekday: int | None = None  # Monday = 0
    country: str | None = None  # ISO 3166-1 alpha-2 of a production country
    language: str | None = None  # ISO 639-1 original language
    company: str | None = None  # a production company, as the catalog spells it
    collection: str | None = None
    runtime_min: int | None = None  # minutes, inclusive
    runtime_max: int | None = None
    rating_min: float | None = None  # vote average, inclusive
    rating_max: float | None = None
    like: tuple[int, ...] = ()  # movie ids: films similar to these
    person: int | None = None  # a director's or actor's id (with credits loaded)
    role: Role | None = None  # the person's: None = what they mostly are
    page: int = 1
    ignored: tuple[str, ...] = field(default=(), compare=False)  # words that could not be used

    @property
    def filters(self) -> dict[str, object]:
        """The filters set, by field name (intent, order, page and ignored words aside)."""
        skip = {"intent", "order", "page", "ignored", "role"}
        return {
            f.name: value
            for f in fields(self)
            if f.name not in skip and (value := getattr(self, f.name)) not in (None, ())
        }

    def with_page(self, page: int) -> Query:
        return replace(self, page=max(1, page))

    def key(self, entity_key: Callable[[str], str] = str) -> str:
        """The compact form: ``?g11,y1980-1989,o2`` (a company or collection by ``entity_key``
        of its name: the catalog's short hash, given by the caller)."""
        parts = []
        if self.intent != "list":
            parts.append("i" + self.intent[0])
        if self.order != "rating":
            parts.append("o" + str(ORDERS.index(self.order)))
        if self.genres:
            parts.append("g" + ".".join(str(GENRES.index(g)) for g in self.genres))
        if self.topics:
            parts.append("x" + ".".join(str(TOPICS.index(t)) for t in self.topics))
        if self.year_from is not None or self.year_to is not None:
            parts.append(f"y{_opt(self.year_from)}-{_opt(self.year_to)}")
        if self.month is not None:
            parts.append(f"m{self.month}")
        if self.weekday is not None:
            parts.append(f"w{self.weekday}")
        if self.country:
            parts.append("c" + self.country)
        if self.language:
            parts.append("l" + self.language)
        if self.company:
            parts.append("p" + entity_key(self.company))
        if self.collection:
            parts.append("s" + entity_key(self.collection))
        if self.runtime_min is not None or self.runtime_max is not None:
            parts.append(f"t{_opt(self.runtime_min)}-{_opt(self.runtime_max)}")
        if self.rating_min is not None or self.rating_max is not None:
            parts.append(f"v{_opt(self.rating_min)}-{_opt(self.rating_max)}")
        if self.like:
            parts.append("k" + ".".join(str(i) for i in self.like))
        if self.person is not None:
            parts.append(f"h{self.person}" + (self.role[0] if self.role else ""))
        if self.page != 1:
            parts.append(f"n{self.page}")
        return KEY_PREFIX + ",".join(parts)

    @classmethod
    def from_key(
        cls, key: str, entity_name: Callable[[str], str | None] = lambda _: None
    ) -> Query | None:
        """The query ``key`` stands for; None when it is not one (forged or stale)."""
        if not key.startswith(KEY_PREFIX):
            return None
        values: dict[str, object] = {}
        try:
            for part in filter(None, key[1:].split(",")):
                tag, rest = part[0], part[1:]
                match tag:
                    case "i":
                        values["intent"] = next(i for i in INTENTS if i[0] == rest)
                    case "o":
                        values["order"] = ORDERS[int(rest)]
                    case "g":
                        values["genres"] = tuple(GENRES[int(g)] for g in rest.split("."))
                    case "x":
                        values["topics"] = tuple(TOPICS[int(t)] for t in rest.split("."))
                    case "y":
                        values["year_from"], values["year_to"] = _pair(rest, int)
                    case "m":
                        values["month"] = _within(int(rest), 1, 12)
                    case "w":
                        values["weekday"] = _within(int(rest), 0, 6)
                    case "c" if _CODE.fullmatch(rest):
                        values["country"] = rest
                    case "l" if _CODE.fullmatch(rest):
                        values["language"] = rest
                    case "p":
                        values["company"] = _named(entity_name(rest))
                    case "s":
                        values["collection"] = _named(entity_name(rest))
                    case "t":
                        values["runtime_min"], values["runtime_max"] = _pair(rest, int)
                    case "v":
                        values["rating_min"], values["rating_max"] = _pair(rest, float)
                    case "k":
                        values["like"] = tuple(int(i) for i in rest.split("."))
                    case "h":
                        role = {"d": "director", "c": "cast"}.get(rest[-1:])
                        values["person"] = int(rest[:-1] if role else rest)
                        values["role"] = role
                    case "n":
                        values["page"] = _within(int(rest), 1, 10_000)
                    case _:
                        return None
        except (ValueError, IndexError, KeyError, StopIteration):
            return None
        return cls(**values)  # type: ignore[arg-type]


_CODE = re.compile(r"[A-Za-z]{2,3}")
N = TypeVar("N", int, float)


def _opt(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _pair(text: str, kind: type[N]) -> tuple[N | None, N | None]:
    low, _, high = text.partition("-")
    return (kind(low) if low else None), (kind(high) if high else None)


def _within(value: int, low: int, high: int) -> int:
    if not low <= value <= high:
        raise ValueError(value)
    return value


def _named(name: str | None) -> str:
    if name is None:
        raise KeyError("no such name")
    return name
