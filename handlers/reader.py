"""Reading a message into a ``Query``: typed spans first, then one intent.

Numbers are read by patterns (years, decades, ranges, "antes de 1960", runtimes, ratings), words
by the vocabulary of ``handlers.query_words`` (longest phrase first), months and weekdays by
their CLDR names, and what is left by the catalog's exact names: a country, a saga, a company,
or (after "algo como") a film. Words that fill nothing are kept as ``ignored``, so the answer
says what it left out.

Not every message is a query: a title, a single month or company, a question about one film's
money go to the questions that answer them best (``read`` returns None for those).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process
from unidecode import unidecode

from handlers.calendar_names import month_name, weekday_name
from handlers.countries import LOWER_CASE_CODES
from handlers.matching import ACCEPT_SCORE
from handlers.query import Query
from handlers.query_words import (
    CHAT_WORDS,
    DECADE_WORDS,
    GENRE_WORDS,
    LONG_MINUTES,
    SHORT_MINUTES,
    phrase_table,
)
from handlers.text import fold

if TYPE_CHECKING:
    from handlers.service import MovieService

FIRST_YEAR, LAST_YEAR = 1870, 2030
MAX_PHRASE = 6
GENRE_TYPO_SCORE = 85.0
MIN_TYPO_LENGTH = 5

_Y = r"((?:18|19|20)\d\d)"
_DECADE = (
    r"(?:(?:la )?decada (?:de )?(?:los )?(?:anos )?|(?:los )?anos |los |the |en los |in the )"
    r"((?:19|20)?\d0)(?: ?s)?\b"
    r"(?! (?:mejores|peores|mas|primeras|primeros|ultimas|best|worst|most|top|greatest|peliculas"
    r"|pelis|films|movies))"
    r"|\b((?:19|20)?\d0) ?s\b"
)
_DECADE_WORD = r"(?:(?:los |the |anos |decada de los )?(" + "|".join(DECADE_WORDS) + r"))\b"
_UNIT = r"(minutos|minuto|mins|min|minutes|minute|m|horas|hora|hours|hour|hrs|hr|h)\b"
_MORE = r"mas de|mas que|mayor a|mayor que|mayor de|superior a|por encima de|arriba de|above|over"
_MORE += r"|more than|higher than|greater than|longer than|at least|al menos|minimo|como minimo"
_LESS = r"menos de|menos que|menor a|menor que|inferior a|por debajo de|debajo de|below|under"
_LESS += r"|less than|lower than|shorter than|at most|como maximo|maximo|hasta"
_RATING_WORD = (
    r"(?:con |with )?(?:una |a )?(?:nota|puntuacion|valoracion|calificacion|rating|score|rated"
    r"|puntaje|media|average)?"
)


def _year(text: str) -> int | None:
    value = int(text)
    return value if FIRST_YEAR <= value <= LAST_YEAR else None


def _decade(text: str) -> int:
    value = int(text)
    if value < 100:
        value += 2000 if value < 20 else 1900
    return value


@dataclass
class _Parts:
    """What a message says, as it is read."""

    values: dict[str, Any] = field(default_factory=dict)
    genres: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    cues: set[str] = field(default_factory=set)  # intent words, "like", "one", "films", "people"
    strong: set[str] = field(default_factory=set)  # filters only a query answers
    like_at: int | None = None  # where the words naming a film to resemble start
    role: str | None = None  # "director" or "cast", when said
    role_words: tuple[str, ...] = ()  # the words that said it
    fillers: set[int] = field(default_factory=set)  # positions of words that asked nothing
    weak: set[str] = field(default_factory=set)  # filters a single question also answers

    def years(self, first: int | None, last: int | None, kind: str = "range") -> None:
        if first is not None:
            self.values["year_from"] = first
        if last is not None:
            self.values["year_to"] = last
        (self.weak if kind == "year" else self.strong).add("years")


Pattern = tuple[re.Pattern[str], Callable[[re.Match[str], _Parts], bool]]


def _range(m: re.Match[str], p: _Parts) -> bool:
    first, last = _year(m[1]), _year(m[2])
    if first is None or last is None:
        return False
    p.years(min(first, last), max(first, last))
    return True


def _decade_range(m: re.Match[str], p: _Parts) -> bool:
    start = _decade(next(g for g in m.groups() if g))
    p.years(start, start + 9)
    return True


def _decades(m: re.Match[str], p: _Parts) -> bool:
    """Two decades together, "de los 80 y 90": from the first to the end of the second."""
    first, second = _decade(m[1]), _decade(m[2])
    p.years(min(first, second), max(first, second) + 9)
    return True


def _short_range(m: re.Match[str], p: _Parts) -> bool:
    """ "del 95 al 97", "entre el 85 y el 89"."""
    first, last = _decade(m[1]), _decade(m[2])
    p.years(min(first, last), max(first, last))
    return True


def _decade_word(m: re.Match[str], p: _Parts) -> bool:
    start = DECADE_WORDS[m[1]]
    p.years(start, start + 9)
    return True


def _before(m: re.Match[str], p: _Parts) -> bool:
    year = _year(m[1]) if len(m[1]) == 4 else _decade(m[1])
    if year is None:
        return False
    p.years(None, year - 1)
    return True


def _after(m: re.Match[str], p: _Parts) -> bool:
    if len(m[1]) == 4:
        year = _year(m[1])
        if year is None:
            return False
        p.years(year + 1, None)
    else:
        p.years(_decade(m[1]) + 10, None)
    return True


def _year_bound(first: bool, last: bool) -> Callable[[re.Match[str], _Parts], bool]:
    """A year said as a bound: from it (``first``), up to it (``last``), or both (that year)."""

    def read(m: re.Match[str], p: _Parts) -> bool:
        year = _year(m[1])
        if year is None:
            return False
        kind = "year" if first and last else "range"
        p.years(year if first else None, year if last else None, kind=kind)
        return True

    return read


def _short_year(m: re.Match[str], p: _Parts) -> bool:
    p.years(_decade(m[1]), _decade(m[1]), kind="year")
    return True


def _minutes(number: str, unit: str) -> int:
    value = float(number.replace("p", "."))
    return round(value * 60) if unit.startswith("h") else round(value)


def _inclusive(said: str) -> bool:
    """Whether a comparison includes its number: "al menos", "hasta" do; "más de" does not."""
    return any(w in said for w in _INCLUSIVE)


_INCLUSIVE = ("al menos", "at least", "minimo", "hasta", "at most", "maximo", "o mas", "or more")


def _runtime(bound: str, inclusive: bool = False) -> Callable[[re.Match[str], _Parts], bool]:
    """Runtimes are whole minutes: "más de 90 minutos" is 91 or more, "menos de 90" 89 or
    less; "al menos 90", "90 o menos" (``inclusive``) keep the number."""

    def read(m: re.Match[str], p: _Parts) -> bool:
        minutes = _minutes(m[1], m[2])
        if not (inclusive or _inclusive(m[0])):
            minutes += 1 if bound == "runtime_min" else -1
        p.values[bound] = minutes
        p.strong.add("runtime")
        return True

    return read


def _rating(bound: str) -> Callable[[re.Match[str], _Parts], bool]:
    """Ratings have one decimal: "más de 7" is 7.1 or more, "menos de 5" 4.9 or less."""

    def read(m: re.Match[str], p: _Parts) -> bool:
        value = float(m[1].replace("p", "."))
        if not 0 <= value <= 10:
            return False
        if not _inclusive(m[0]):
            value = round(value + (0.1 if bound == "rating_min" else -0.1), 1)
        p.values[bound] = value
        p.strong.add("rating")
        return True

    return read


def _rating_or_more(m: re.Match[str], p: _Parts) -> bool:
    return _rating("rating_min")(m, p)


PATTERNS: tuple[Pattern, ...] = tuple(
    (re.compile(regex), reader)
    for regex, reader in (
        (
            rf"(?:entre|between) (?:el |los anos |the years |los )?{_Y}"
            rf" (?:y|and|e|a|-) (?:el )?{_Y}",
            _range,
        ),
        (
            rf"(?:de|desde|from|del) (?:el |ano )?{_Y} (?:a|al|hasta|to|till|until|-) (?:el )?{_Y}",
            _range,
        ),
        (rf"\b{_Y} (?:a|al|hasta|to|-) {_Y}\b", _range),
        (
            r"(?:antes del?|before|anteriores al?|previas al?|pre) (?:ano |los |the )?"
            r"((?:18|19|20)?\d0|(?:18|19|20)\d\d)(?: ?s)?\b",
            _before,
        ),
        (
            r"(?:despues del?|after|posteriores al?|post) (?:ano |los |the )?"
            r"((?:18|19|20)?\d0|(?:18|19|20)\d\d)(?: ?s)?\b",
            _after,
        ),
        (
            rf"(?:desde|since|a partir del?) (?:el |ano )?{_Y}\b",
            _year_bound(first=True, last=False),
        ),
        (
            rf"{_Y} (?:en adelante|o despues|or later|onwards|and later|y posteriores|para aca)",
            _year_bound(first=True, last=False),
        ),
        (rf"(?:hasta|until|till|up to) (?:el |ano )?{_Y}\b", _year_bound(first=False, last=True)),
        (
            rf"{_Y} (?:o antes|or earlier|and earlier|y anteriores)",
            _year_bound(first=False, last=True),
        ),
        (
            r"(?:de |los |the |anos |decada de los )((?:19|20)?\d0)(?: ?s)? (?:y|and|e|o|or|a|al"
            r"|to|hasta) (?:los |the |el |a los )?((?:19|20)?\d0)(?: ?s)?\b",
            _decades,
        ),
        (
            r"(?:entre|between|del|de|desde el|from) (?:el |los )?(\d\d) (?:y|and|al|a|to"
            r"|hasta el) (?:el |los )?(\d\d)\b(?! ?(?:min|hora|h\b|votos|votes))",
            _short_range,
        ),
        (
            rf"(\d+(?:p\d+)?) ?{_UNIT} (?:o menos|or less|or shorter|como maximo|max)",
            _runtime("runtime_max", inclusive=True),
        ),
        (
            rf"(\d+(?:p\d+)?) ?{_UNIT} (?:o mas|or more|or longer|como minimo|min)",
            _runtime("runtime_min", inclusive=True),
        ),
        (_DECADE, _decade_range),
        (_DECADE_WORD, _decade_word),
        (
            rf"(?:de |que duren |que dure |con |with |running )?(?:{_MORE}) (?:de )?"
            rf"(\d+(?:p\d+)?) ?{_UNIT}",
            _runtime("runtime_min"),
        ),
        (
            rf"(?:de |que duren |que dure |con |with |running )?(?:{_LESS}) (?:de )?"
            rf"(\d+(?:p\d+)?) ?{_UNIT}",
            _runtime("runtime_max"),
        ),
        (
            rf"{_RATING_WORD} ?(?:de )?(?:{_MORE}) (?:un |una |a )?(\d+(?:p\d)?)\b"
            r"(?! ?(?:votos|votes|millones|million|peliculas|films|movies))",
            _rating("rating_min"),
        ),
        (
            rf"{_RATING_WORD} ?(?:de )?(?:{_LESS}) (?:un |una |a )?(\d+(?:p\d)?)\b"
            r"(?! ?(?:votos|votes|millones|million|peliculas|films|movies))",
            _rating("rating_max"),
        ),
        (
            r"(?:nota|rating|rated|puntuacion) (?:de )?(\d+(?:p\d)?) (?:o mas|or more|or above|\+)",
            _rating_or_more,
        ),
        (rf"\b{_Y}\b", _year_bound(first=True, last=True)),
        (r"(?:del|en el|in) (\d\d)\b", _short_year),
    )
)
"""Numbers and what they say, in order: the first pattern that reads a stretch of text wins."""

_ELISION = re.compile(r"\b([dlo])['`](?=[a-z])")
"""An elided article glued to its name, as the names' own keys have it: "O'Toole" → "otoole"."""
_RANGE_DASH = re.compile(r"(\d{4})\s*[-–—/]\s*(\d{4})")
_DECIMAL = re.compile(r"(\d)[.,](\d)")
_GENRE_ONE_WORDS = sorted(
    {p for _, phrases in GENRE_WORDS for p in phrases.split("|") if " " not in p and len(p) >= 5}
)
_GENRE_TWO_WORDS = sorted(
    {
        p
        for _, phrases in GENRE_WORDS
        for p in phrases.split("|")
        if len(p.split()) == 2 and not p.startswith(("de ", "para ", "en "))
    }
)
_JOINS = frozenset({"y", "and", "o", "or", "e", "con", "with", "mas", "plus"})
ARTICLES_ONE = frozenset({"un", "una", "on", "a", "el", "los"})


def normalise(text: str) -> str:
    """Folded text with ranges and decimals kept: "1995-1997" → "1995 a 1997", "7,5" → "7p5";
    runtimes in words as numbers: "hora y media" → "90 minutos", "dos horas" → "2 horas"."""
    lower = _ELISION.sub(r"\1", unidecode(text).lower())  # "d'onofrio" is not "de onofrio"
    lower = _RANGE_DASH.sub(r"\1 a \2", lower)
    folded = fold(_DECIMAL.sub(r"\1p\2", lower))
    folded = " " + " ".join(CHAT_WORDS.get(w, w) for w in folded.split()) + " "
    for said, number in _SPOKEN:
        folded = folded.replace(f" {said} ", f" {number} ")
    return folded.strip()


_SPOKEN = (
    ("una hora y media", "90 minutos"),
    ("hora y media", "90 minutos"),
    ("an hour and a half", "90 minutes"),
    ("media hora", "30 minutos"),
    ("una hora", "60 minutos"),
    ("an hour", "60 minutes"),
    ("one hour", "60 minutes"),
    ("dos horas", "2 horas"),
    ("two hours", "2 hours"),
    ("tres horas", "3 horas"),
    ("three hours", "3 hours"),
)
"""Said in words, read as numbers."""


def _calendar_words() -> dict[str, tuple[str, int]]:
    words: dict[str, tuple[str, int]] = {"setiembre": ("month", 9)}
    for lang in ("es", "en"):
        for month in range(1, 13):
            words[fold(month_name(month, lang))] = ("month", month)
        for day in range(7):
            name = fold(weekday_name(day, lang))
            words[name] = ("weekday", day)
            words[name if name.endswith("s") else name + "s"] = ("weekday", day)
    return words


CALENDAR = _calendar_words()
FILMS_WORDS = frozenset(
    {
        *("peliculas", "pelis", "films", "movies", "filmes", "cintas", "titulos"),
        *("filmografia", "filmography", "obras", "trabajos"),
    }
)


@dataclass(frozen=True)
class Read:
    """A message as read: its query, and whether it is one (``is_query``)."""

    query: Query
    is_query: bool
    like_words: str = ""  # what named the film to resemble, when it was not found
    ordered: bool = False  # an order was said ("mejores", "más taquilleras")
    people_role: str | None = None
    """When someone's films are asked for ("sale", "dirigidas por", "filmografía", "con" and a
    full name), whoever is named or not: "director" or "cast"."""


WEAK_ROLE_WORDS = frozenset({("con",), ("with",)})
"""Role words that also join filters ("comedias con humor negro"): a person only when a full
name follows."""
FILMOGRAPHY_WORDS = frozenset({"filmografia", "filmography"})


class QueryReader:
    """Reads messages into queries over one ``MovieService`` (for its exact names)."""

    def __init__(self, service: MovieService) -> None:
        self.service = service

    def read(self, text: str, *, explicit: bool = False) -> Read:
        """``text`` as a query. ``explicit``: the user asked for a search (``/buscar``), so
        any filter makes one; otherwise only what a single question cannot answer does."""
        parts = _Parts()
        words = self._numbers(normalise(text)[:400], parts)
        self._full_names(words, parts)
        leftover = self._phrases(words, parts)
        like_words = self._like(words, leftover, parts)
        ignored = self._names(words, leftover, parts, text)
        query = self._query(parts, ignored)
        role = parts.role
        if role is not None and parts.role_words in WEAK_ROLE_WORDS and not 2 <= len(ignored) <= 4:
            role = None
        if role is None and "people" in parts.cues:
            role = "cast"
        ordered = "order" in parts.values
        return Read(query, self._is_query(parts, ignored, explicit), like_words, ordered, role)

    # -- reading -------------------------------------------------------------------------------

    @staticmethod
    def _numbers(text: str, parts: _Parts) -> list[str]:
        """Read numbers by ``PATTERNS``; what they read becomes a "|" (a break between words)."""
        for pattern, reader in PATTERNS:

            def replace_match(m: re.Match[str], reader: Any = reader) -> str:
                return " | " if reader(m, parts) else m[0]

            text = pattern.sub(replace_match, text)
        return text.split()

    def _full_names(self, words: list[str], parts: _Parts) -> None:
        """A person's full name, read before the vocabulary so that none of its words is taken
        for a filter ("frances mcdormand" is not French): two to four words, one of them no
        vocabulary word, that are no title too ("algo como ed wood"). It becomes a "|"."""
        people = self.service.people
        if people is None:
            return
        table = phrase_table()
        for size in range(min(4, len(words)), 1, -1):
            for start in range(len(words) - size + 1):
                span = words[start : start + size]
                if "|" in span or all((w,) in table or w in CALENDAR for w in span):
                    continue
                text = " ".join(span)
                found = people.full_name(text)  # namesakes are told apart later, by the role
                if len(found) == 1 and not self.service.exact("title", text):
                    _take_person(parts, found[0])
                    words[start : start + size] = ["|"] * size
                    return

    @staticmethod
    def _phrases(words: list[str], parts: _Parts) -> list[str | None]:
        """Mark vocabulary phrases, longest first; what is left (None: used, "|": a break).
        The words after "algo como" up to the next filter are kept apart, as a title."""
        table = phrase_table()
        left: list[str | None] = list(words)
        i = 0
        while i < len(words):
            if words[i] == "|":
                i += 1
                continue
            if words[i] in ARTICLES_ONE and i + 1 < len(words) and words[i + 1] in CALENDAR:
                left[i] = None  # "un viernes": the weekday, not "one film"
                i += 1
                continue
            for size in range(min(MAX_PHRASE, len(words) - i), 0, -1):
                phrase = tuple(words[i : i + size])
                if "|" in phrase:
                    continue
                hit = table.get(phrase)
                if hit is not None and hit[0] == "like":
                    parts.like_at = i + size
                day = CALENDAR.get(phrase[0]) if size == 1 else None
                if hit is None and day is None:
                    continue
                if day is not None and hit is None:
                    parts.values["month" if day[0] == "month" else "weekday"] = day[1]
                    parts.weak.add(day[0])
                elif hit is not None:
                    _fill(parts, *hit, phrase)
                    if hit[0] == "filler":
                        parts.fillers.update(range(i, i + size))
                if FILMS_WORDS.intersection(phrase):
                    parts.cues.add("films")
                left[i : i + size] = [None] * size
                i += size
                break
            else:
                if words[i] in FILMS_WORDS:
                    parts.cues.add("films")
                i += 1
        for k in range(len(left) - 1):  # a two-word genre with a typo: "ciencia fiction"
            pair = left[k : k + 2]
            if all(w and w != "|" for w in pair):
                typo = process.extractOne(
                    " ".join(pair),  # type: ignore[arg-type]
                    _GENRE_TWO_WORDS,
                    scorer=fuzz.ratio,
                    score_cutoff=GENRE_TYPO_SCORE,
                )
                if typo is not None:
                    _fill(parts, *table[tuple(typo[0].split())], tuple(pair))  # type: ignore[arg-type]
                    left[k : k + 2] = [None, None]
        for k, word in enumerate(left):  # a genre with a typo: "comdias"
            if word and word != "|" and len(word) >= MIN_TYPO_LENGTH:
                typo = process.extractOne(
                    word, _GENRE_ONE_WORDS, scorer=fuzz.ratio, score_cutoff=GENRE_TYPO_SCORE
                )
                if typo is not None:
                    _fill(parts, *table[(typo[0],)], (word,))
                    left[k] = None
        return left

    def _like(self, words: list[str], left: list[str | None], parts: _Parts) -> str:
        """The film after "algo como": the words that follow it, fillers included ("alice and
        the lucky rivers"), up to the next filter, and the longest run of them that is a title.
        Its words are taken out of ``left``; what named no film is returned, to be said."""
        if parts.like_at is None:
            return ""
        end = parts.like_at
        table = phrase_table()
        while (
            end < len(words)
            and words[end] != "|"
            and (left[end] is not None or table.get((words[end],), ("filler",))[0] == "filler")
        ):
            end += 1
        span = words[parts.like_at : end]
        while span and table.get((span[-1],), ("",))[0] == "filler":
            span = span[:-1]
        films = self._films(span)
        if films is None:
            return " ".join(span)
        parts.values["like"] = tuple(films)
        left[parts.like_at : parts.like_at + len(span)] = [None] * len(span)
        return ""

    def _films(self, words: list[str]) -> list[int] | None:
        """The films ``words`` name: one title, or several joined by "y", "and", "o"
        ("alien y toy story"); None unless every part is a film."""
        if not words:
            return None
        whole = self._film(" ".join(words))
        if whole is not None:
            return [whole]
        for k, word in enumerate(words):
            if word in _JOINS and 0 < k < len(words) - 1:
                first, rest = self._films(words[:k]), self._films(words[k + 1 :])
                if first is not None and rest is not None:
                    return list(dict.fromkeys(first + rest))
        return None

    def _names(
        self, words: list[str], left: list[str | None], parts: _Parts, original: str
    ) -> tuple[str, ...]:
        """Runs of words left — filler words inside them kept, for names that have them
        ("robert de niro", "guillermo del toro") — : a country, saga, company or person said
        exactly; the rest is ignored (a number alone is a list's length: "las 5 más
        taquilleras")."""
        runs: list[list[str]] = [[]]
        for k, word in enumerate(words):
            if (left[k] is not None and word != "|") or (k in parts.fillers and runs[-1]):
                runs[-1].append(word)
            elif runs[-1]:
                runs.append([])
        table = phrase_table()
        ignored: list[str] = []
        for run in filter(None, runs):
            while run and table.get((run[-1],), ("",))[0] == "filler":
                run = run[:-1]
            # a whole name with a typo before any exact word of it ("francis ford coppila"
            # is not Harrison Ford)
            whole = self._entity(" ".join(run), parts, original)
            if whole or self._mistyped_person(run, parts):
                rest = []
            else:
                rest = self._entities(run, parts, original)
            ignored += [
                w
                for w in rest
                if not (w.isdecimal() and len(w) <= 2) and table.get((w,), ("",))[0] != "filler"
            ]
        return tuple(ignored)

    def _entities(self, run: list[str], parts: _Parts, original: str) -> list[str]:
        """Take names said exactly out of ``run``, longest first; the words left."""
        n = len(run)
        for size in range(n, 0, -1):
            for start in range(n - size + 1):
                text = " ".join(run[start : start + size])
                if self._entity(text, parts, original):
                    before = self._entities(run[:start], parts, original)
                    after = self._entities(run[start + size :], parts, original)
                    return before + after
        return run

    def _entity(self, text: str, parts: _Parts, original: str) -> bool:
        service = self.service
        countries = service.exact("country", text)
        if (
            countries
            and (len(text) > 3 or text in LOWER_CASE_CODES or text.upper() in original)
            and "country" not in parts.values
        ):
            parts.values["country"] = countries[0]
            parts.weak.add("country")
            return True
        cued = bool(parts.role) or "people" in parts.cues
        if cued and service.exact("person", text):  # "films by coppola", "sale fox",
            return self._set_person(text, parts, cued=True)  # "filmografía de fox": not a company
        for kind in ("collection", "company"):
            values = service.exact(kind, text)
            if values and (person := self._person_over(kind, values[0], text)) is not None:
                return _take_person(parts, person)  # "pelis de coppola", not his company
            if values and kind not in parts.values and len(text) > 2:
                parts.values[kind] = values[0]
                parts.weak.add(kind)
                return True
        return self._set_person(text, parts)

    def _person_over(self, kind: str, value: str, text: str) -> int | None:
        """The person ``text`` names when it is only a short name of the saga or company
        ``value`` ("coppola" of The Coppola Company) and the person has as many films:
        "warner" stays Warner Bros."""
        service, people = self.service, self.service.people
        if people is None or service.fully_named(kind, text):  # type: ignore[arg-type]
            return None
        person = self._person(text)
        if person is None:
            return None
        groups = service.stats.companies if kind == "company" else service.stats.collections
        films = {*people.films_of(person, "director"), *people.films_of(person, "cast")}
        return person if len(films) >= groups[value].count else None

    def _set_person(self, text: str, parts: _Parts, cued: bool = False) -> bool:
        return _take_person(parts, self._person(text, cued, parts.role))

    def _person(self, text: str, cued: bool = False, role: str | None = None) -> int | None:
        """A director or actor named exactly (full name, or a surname only one well-known
        person has: "tarantino"); None when none, or when several fit ("coen"). With the role
        said, those without films in it give way ("con catherine o'hara": the actress). A
        surname of three letters counts only after a role ("sale fox")."""
        people = self.service.people
        if people is None or len(text) < (3 if cued else 4):
            return None
        found = people.lookup(text, role)
        return int(found.value) if found.exact and found.value is not None else None

    def _mistyped_person(self, run: list[str], parts: _Parts) -> bool:
        """A person's full name with a typo ("movies with john traovlta"), when the message
        asks for someone's films (a role or the word "películas") and only one well-known
        person is that close."""
        if not 2 <= len(run) <= 4 or "person" in parts.values:
            return False
        if not (parts.role or "films" in parts.cues) or self.service.people is None:
            return False
        found = self.service.people.lookup(" ".join(run), parts.role)
        return found.best_score >= ACCEPT_SCORE and _take_person(parts, found.value)

    def _film(self, text: str) -> int | None:
        found = self.service.match("title", text)
        if found.value is not None and (found.exact or found.best_score >= 90):
            return int(found.value)
        return None

    # -- deciding ------------------------------------------------------------------------------

    @staticmethod
    def _query(parts: _Parts, ignored: tuple[str, ...]) -> Query:
        values = dict(parts.values)
        cues = parts.cues
        intent = "list"
        single = bool(cues & {"one", "suggest"}) and not values.get("order")
        if "count" in cues:
            intent = "count"
        elif "pick" in cues or (single and not values.get("like")):
            intent = "pick"
        if values.get("person") is not None and parts.role:
            values["role"] = parts.role
        return Query(
            intent=intent,  # type: ignore[arg-type]
            genres=tuple(dict.fromkeys(parts.genres)),
            topics=tuple(dict.fromkeys(parts.topics)),
            ignored=ignored,
            **values,
        )

    @staticmethod
    def _is_query(parts: _Parts, ignored: tuple[str, ...], explicit: bool) -> bool:
        strong, weak, cues = parts.strong, parts.weak, parts.cues
        if "like" in cues:  # filtered recommendations; unfiltered ones are /recomendar's
            films = parts.values.get("like", ())
            return len(films) > 1 or bool(films and (strong or weak))
        if explicit:
            return bool(strong or weak or cues & {"pick", "order"} or parts.values.get("order"))
        if ignored:  # "presupuesto de forrest gump": a question about what the words name
            return bool(strong)
        if strong or "pick" in cues or "order" in cues:
            return True
        if "list" in cues and (weak or "films" in cues):  # "qué películas tienes"
            return True
        if len(weak) >= 2:
            only_month = weak == {"month", "years"}
            return not only_month or "list" in cues
        return weak == {"years"} and "films" in cues


def _take_person(parts: _Parts, person: int | None) -> bool:
    """``person`` as the query's person, unless there is none or one was already read."""
    if person is None or "person" in parts.values:
        return False
    parts.values["person"] = person
    parts.weak.add("person")
    return True


def _fill(parts: _Parts, slot: str, value: str, phrase: tuple[str, ...]) -> None:
    match slot:
        case "genre":
            parts.genres.append(value)
            parts.strong.add("genre")
        case "topic":
            parts.topics.append(value)
            parts.strong.add("topic")
        case "order":
            parts.values["order"] = value
            parts.cues.add("order")
        case "money":
            parts.values["order"] = value
        case "intent":
            parts.cues.add(value)
        case "like" | "one":
            parts.cues.add(slot)
        case "role":
            parts.role, parts.role_words = value, phrase
        case "country":
            parts.values["country"] = value
            parts.strong.add("country")
        case "language":
            parts.values["language"] = value
            parts.strong.add("language")
        case "runtime":
            parts.values["runtime_max" if value == "short" else "runtime_min"] = (
                SHORT_MINUTES if value == "short" else LONG_MINUTES
            )
            parts.strong.add("runtime")
        case "filler":
            if set(phrase) & FILMS_WORDS:
                parts.cues.add("films")
            if set(phrase) & FILMOGRAPHY_WORDS:
                parts.cues.add("people")
