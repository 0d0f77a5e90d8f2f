"""Plain words → a question: which one (of the seven, or a film card) and about what.

A message that is not a command is folded into words. Cue phrases (the vocabulary below) say
what is asked: how many (``cuántas``), how much (``recaudó``, ``budget``), something like
(``parecidas a``)… Names come from MovieService's own matchers: first any run of words that is
exactly a name (a title, saga, company, country, month or weekday), else the words left once
cues and filler words are set aside, matched forgivingly. The cues choose the question, the kind
of name found fills it in; a message that reads several ways is asked back about, and one with
nothing recognisable gets "not understood". No model and no state: the same text always routes
the same way, in well under a millisecond for the exact paths.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, cast

from rapidfuzz import fuzz, process

from handlers import answers as a
from handlers.commands import COMMANDS, Argument, command_name
from handlers.compare import CUES as COMPARE_CUES
from handlers.compare import is_comparison
from handlers.countries import LOWER_CASE_CODES, country_names, display_name
from handlers.matching import ACCEPT_SCORE, Match
from handlers.query import Query, Role
from handlers.query_words import CHAT_WORDS, aspect_table, phrase_table
from handlers.reader import CALENDAR, FILMS_WORDS
from handlers.service import GENERIC_WORDS, MovieService, command_argument, entity_key
from handlers.text import clean_argument, fold, key_variants

# -- vocabulary (folded: lower case, no accents) ---------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CUES: dict[str, tuple[str, ...]] = {
    # what is asked
    "count": (
        "cuantas",
        "cuantos",
        "how many",
        "numero de",
        "number of",
        "cantidad de",
        "total de",
    ),
    "amount": ("cuanto", "cuanta", "how much", "que tanto"),
    "money": (
        "recaudo",
        "recaudaron",
        "recaudacion",
        "recaudaciones",
        "recaudado",
        "recaudar",
        "gano",
        "ganaron",
        "gana",
        "ganado",
        "ganancia",
        "ganancias",
        "dinero",
        "earned",
        "earn",
        "earns",
        "earnings",
        "gross",
        "grossed",
        "box office",
        "revenue",
        "money",
        "presupuesto",
        "budget",
        "costo",
        "coste",
        "cost",
        "costs",
        "rentable",
        "rentabilidad",
        "profit",
        "profits",
        "profitable",
        "beneficio",
        "beneficios",
        "perdida",
        "perdidas",
        "flop",
        "fracaso",
        "return on",
    ),
    "made": ("hizo", "hicieron", "made", "make", "makes"),
    "release": (
        "estreno",
        "estrenaron",
        "estrenadas",
        "estrenados",
        "estrenada",
        "estrenado",
        "estrena",
        "estrenan",
        "salieron",
        "salio",
        "lanzaron",
        "lanzadas",
        "lanzamiento",
        "lanzamientos",
        "released",
        "release",
        "releases",
        "came out",
        "come out",
        "comes out",
        "premiered",
        "opened",
        "hit theaters",
    ),
    "produced": (
        "producidas",
        "producida",
        "producidos",
        "producido",
        "produjo",
        "produjeron",
        "produce",
        "producen",
        "produced",
        "rodadas",
        "rodada",
        "filmadas",
        "filmed",
        "hechas",
        "hecha",
        "made in",
        "produced in",
        "produced by",
    ),
    "recommend": (
        "recomiendame",
        "recomiendas",
        "recomendarias",
        "recommend",
        "recommendation",
        "recommendations",
        "suggest",
        "sugiereme",
        "sugiere",
        "sugerencia",
        "sugerencias",
        "parecidas",
        "parecida",
        "parecidos",
        "parecido",
        "similares",
        "algo como",
        "alguna como",
        "algo tipo",
        "otra como",
        "otras como",
        "pelis como",
        "peliculas como",
        "peli como",
        "pelicula como",
        "del estilo de",
        "al estilo de",
        "pelis tipo",
        "peliculas tipo",
        "something like",
        "anything like",
        "movies like",
        "films like",
        "more like",
        "similar to",
        "si me gusto",
        "me gusto",
        "if i liked",
        "i liked",
        "if you liked",
        "que veo",
        "what should i watch",
        "stuff like",
        "things like",
    ),
    "when": ("cuando", "when", "que ano", "what year", "which year"),
    "card": (
        "ficha",
        "info",
        "informacion",
        "datos",
        "details",
        "detalles",
        "tell me about",
        "hablame de",
        "que sabes de",
        "dura",
        "duracion",
        "runtime",
        "how long",
        "nota",
        "rating",
        "puntuacion",
        "valoracion",
        "genero",
        "generos",
        "genre",
        "genres",
        "poster",
        "cartel",
        "imdb",
        "tmdb",
        "filme",
        "cinta",
    ),
    "films": ("peliculas", "pelis", "films", "movies", "filmes", "titulos", "cintas"),
    # what kind of name follows
    "collection": (
        "sagas",
        "franquicias",
        "colecciones",
        "collections",
        "serie",
        "series",
        "trilogia",
        "trilogy",
    ),
    "company": (
        "productoras",
        "estudios",
        "studios",
        "companies",
        "compania",
        "companias",
        "production company",
    ),
    "country": ("paises", "countries", "nacion"),
    "month": ("meses", "months"),
    "weekday": ("dias", "day", "days", "dia de la semana", "day of the week"),
}
"""Cue phrases by what they say. Every name of a command (``handlers.commands``) is a cue too."""

COMMAND_CUES = {
    "mes": "month",
    "dia": "weekday",
    "franquicia": "collection",
    "pais": "country",
    "productora": "company",
    "retorno": "money",
    "recomendar": "recommend",
    "pelicula": "card",
    "buscar": "films",
    "sinopsis": "card",
    "comparar": "card",
    "trailer": "card",
    "donde": "card",
}

FILLERS = _words("""
    a al algo alguna alguno algunas algunos ante aqui asi bueno cine con contra cual cuales de del
    desde donde e el ella ellos en entonces entre era es esa ese eso esta estas este esto estos
    favor fue fueron ha han hay habia hubo la las le les lo los mas me mejor mi mis mucho mucha
    muy nos o para pero por porfa xfa pls plis porque que quien se ser si sin sobre son su sus te
    digo che completo completa onda
    tiene tienen ti tu tus tuvo un una unas uno unos veo ver y ya yo dime dame decime dices
    decir sabrias q
    muestrame mostrar ensename quiero quisiera saber sabes puedes podrias necesito busca buscar
    buscame mirar toda todas todo todos total oye mejores peor peores buena buenas famosa famosas
    top best worst good great greatest famous popular favorite favourite
    about all an and any are as at be been by can could did do does ever for from get give got s t
    had has have he her him his how i in is it its just know me my of on or please see she show
    tell that the their them there these they this those to us want was watch we were what which
    who will with would you your
""")
"""Words that carry no name: dropped at the edges of what is matched, never matched alone."""

VAGUE = _words("something anything somethin one ones movie film peli pelicula otra otro")
"""What a question says when it names no film: "recommend me something", "recomiéndame otra"."""

ARTICLES = frozenset({"el", "la", "los", "las", "lo", "un", "una", "the", "a", "an"})
"""Kept in front of a name when the name with them matches ("The Matrix", "El padrino")."""

GREETINGS = _words(
    "hola holi buenas buenos tardes noches hey hi hello ey saludos tal good morning "
    "evening afternoon help ayuda start menu comandos commands instrucciones "
    "funciona funcionas hacer sirve sirves usar use work works"
)
"""Hello, and asking what the bot does: answered with the greeting and examples."""
THANKS = _words("gracias muchas thanks thank thx genial perfecto")
ACKS = _words("ok okay vale si yes yeah yep no nope nah claro dale bueno jaja jajaja haha lol")
"""Small talk that asks nothing ("ok", "no"): never looked up as a title ("Nô", "Yes")."""

MAX_WORDS = 24
"""Longer messages are cut: nobody asks about a film in a paragraph."""
MAX_NAME_WORDS = 8
"""The longest run of words tried as an exact name."""
SUGGEST_SCORE = 75.0
MIN_PERSON_GUESS = 5
"""Letters of the shortest name guessed as a person's with a typo ("kubrik")."""
"""A forgiving match at least this good is worth asking back about."""
CUE_TYPO_SCORE = 86.0
"""A long word this close to a cue word counts as it ("pelicuals", "estrenarn")."""
MIN_CUE_TYPO_LENGTH = 6
TYPO_SCORE = 85.0
TYPO_WORD_SCORE = 80.0
LARGE_KINDS = ("title", "collection", "company")
"""Kinds with thousands of names: looked up forgivingly only when worth it."""
TYPO_MARGIN = 10.0
"""A title at least this close to the typed words, and this much closer than any other, is it."""
_YEAR = re.compile(r"(?:18|19|20)\d\d")
_WHAT_ABOUT = re.compile(r"(?:what s|what is|whats|what was) (.+) about")

FOLLOW_UPS = {
    "retorno": "retorno",
    "recomendar": "recomendar",
    "sinopsis": "sinopsis",
    "trailer": "trailer",
    "donde": "donde",
    "people": "people",
    "director_films": "director_films",
    "cast_films": "cast_films",
}
"""Questions that name no film, answered about the film talked about (kind → aspect)."""
PEOPLE_FILMS = {"director_films": "director", "cast_films": "cast"}
"""Aspects that ask for the films of a film's people: its director's, its lead's."""

COMMAND_OF: dict[str, str] = {
    "month": "mes",
    "weekday": "dia",
    "country": "pais",
    "company": "productora",
    "collection": "franquicia",
}
GROUP_KINDS = ("month", "weekday", "country", "company", "collection")
HINT_KINDS = ("collection", "company", "country", "month", "weekday")
BARE_ORDER = ("title", "collection", "company", "country", "month", "weekday")


def _phrases() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for cue, phrases in CUES.items():
        for phrase in phrases:
            table.setdefault(tuple(phrase.split()), cue)
    for entry in COMMANDS:
        if entry.name not in COMMAND_CUES:  # people: not read from plain words yet
            continue
        for name in entry.names:
            table.setdefault(tuple(fold(name).split()), COMMAND_CUES[entry.name])
    return table


PHRASES = _phrases()
LONGEST_PHRASE = max(len(p) for p in PHRASES)
TYPO_TARGETS = sorted({p[0] for p in PHRASES if len(p) == 1 and len(p[0]) >= MIN_CUE_TYPO_LENGTH})


# -- what routing returns ----------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """Answer ``command`` for ``argument``. ``value`` is the entity when it was resolved (month,
    weekday, ISO code, collection or company name, movie id); None leaves the asking back to the
    question itself ("did you mean…")."""

    command: str
    argument: str
    value: int | str | None = None
    name: str = ""  # how the entity is called (for a button), when resolved
    focus: str = ""  # a film card's focus: "people" when asked about its director or cast


@dataclass(frozen=True)
class Readings:
    """The message reads several ways: ask which one."""

    query: str
    routes: tuple[Route, ...]


@dataclass(frozen=True)
class NotUnderstood:
    query: str
    kind: str = "unknown"  # "greeting", "thanks", "ack", "unknown", or a command asked about
    # nothing ("recomendar": "recomiéndame algo")
    missing: str = field(default="", compare=False)  # words that look like a name not found


Routed = Route | Readings | NotUnderstood


@dataclass(frozen=True)
class _Span:
    """Words ``start:end`` that are exactly a name of each kind in ``kinds`` (kind → values)."""

    start: int
    end: int
    text: str
    kinds: dict[str, list[Any]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass
class _Reading:
    """A message taken apart: its words, the cue of each word (or None), the names found."""

    query: str
    words: list[str]
    cues: list[str | None]
    spans: list[_Span]

    def cue_set(self) -> set[str]:
        covered = {k for s in self.spans for k in range(s.start, s.end)}
        return {c for k, c in enumerate(self.cues) if c is not None and k not in covered}


class Router:
    """Reads plain-words messages over one ``MovieService``."""

    def __init__(self, service: MovieService) -> None:
        self.service = service
        self._words = {kind: service.words(_kind(kind)) for kind in LARGE_KINDS}
        self._country_names = country_names(service.stats.country_names)

    # -- entry points -------------------------------------------------------------------------

    def answer(self, text: str, turn: int = 0) -> a.Answer:
        """The answer to a plain-words message; ``turn`` varies the "not understood" reply."""
        return self.resolve(self.route(text), turn)

    def resolve(self, routed: Routed, turn: int = 0) -> a.Answer:
        """The answer ``routed`` stands for."""
        match routed:
            case Route(command=command, argument=argument, focus=focus):
                answer = self.service.answer(command, argument)
                if focus and isinstance(answer, a.FilmAnswer):
                    return replace(answer, focus=focus)
                return answer
            case Readings(query=query, routes=routes):
                readings = tuple(
                    a.Reading(r.command, a.Choice(r.argument, _choice_value(r), r.name, movie=film))
                    for r in routes
                    for film in [self._film_of_route(r)]
                )
                return a.ClarifyAnswer(query, readings)
        return a.NotUnderstoodAnswer(
            routed.query,
            routed.kind,
            turn,
            missing=routed.missing,
            years=self.service.year_range,
            people=self.service.people is not None,
        )

    def _film_of_route(self, route: Route) -> a.MovieRef | None:
        """The film a reading is about, with its Spanish title (for its button's label)."""
        if command_argument(route.command) != "title" or not isinstance(route.value, int):
            return None
        return self.service.movie_ref(route.value)

    def route(self, text: str) -> Routed:
        """What the message asks: a route, several readings, or not understood."""
        query = clean_argument(text)
        words = fold(query).split()[:MAX_WORDS]
        if not words:  # "👍"; or nothing at all (a bare @mention): say hello
            return NotUnderstood(query, "unknown" if query else "greeting")
        small_talk = all(w in GREETINGS or w in THANKS or w in ACKS or w in FILLERS for w in words)
        if small_talk and (about := self._as_aspect(query, words)) is not None:
            return about  # "who's in it?": about the film talked about
        if small_talk and (asked := self._as_query(query, words)) is not None:
            return asked  # "las mejores": words of chatter, but a question all the same
        if small_talk:
            return NotUnderstood(query, _small_talk(words))
        direct = self._as_command(query)
        if direct is not None and direct.value is not None:
            return direct
        about = self._as_aspect(query, words) or self._as_comparison(query, words)
        if about is not None:
            return about
        asked = self._as_query(query, words)
        if asked is not None:
            return asked
        cues = _mark_cues(words)
        reading = _Reading(query, words, cues, self._spans(words, cues, query))
        _mark_cue_typos(reading)
        routed = self._decide(reading)
        if isinstance(routed, NotUnderstood) and direct is not None:
            return direct  # "retorno xyzzy": the command was clear; it says what it lacks
        return _as_typed(self._with_year(routed, reading.words), query)

    def _with_year(self, routed: Routed, words: list[str]) -> Routed:
        """A month asked about with a year ("estrenos en diciembre de 1997") keeps the year."""
        if not (isinstance(routed, Route) and routed.command == "mes" and routed.value):
            return routed
        years = [w for w in words if _YEAR.fullmatch(w)]
        if len(years) != 1:
            return routed
        return Route("mes", f"{routed.value} {years[0]}", routed.value)  # as ``key_for`` says it

    # -- one side of a film, and comparisons ----------------------------------------------------

    def _as_aspect(self, query: str, words: list[str]) -> Routed | None:
        """ "¿de qué trata seven?", "trailer de titanic", "¿dónde ver alien?", "¿quién dirigió
        titanic?": the film, about what was asked. Without a film: which one?"""
        if self.service.exact("title", query):
            return None  # a title that says "plot" or "cast" is the title
        table = aspect_table()
        said = words
        words = [CHAT_WORDS.get(w, w) for w in words]  # "q actores salen en…", "director d…"
        for size in range(min(6, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                aspect = table.get(tuple(words[start : start + size]))
                if aspect is None:
                    continue
                around = slice(start, start + size)
                rest = self._title_said(_without(words, around), _without(said, around))
                if (about := _WHAT_ABOUT.fullmatch(" ".join(words))) is not None:
                    aspect, rest = "sinopsis", about[1].split()
                if not rest:  # "¿y quién la dirigió?": about the film talked about, if any
                    return NotUnderstood(query, aspect)
                film = self.service.match("title", " ".join(rest))
                if not film.exact:
                    read = self.service.reader.read(query)  # "movies directed by spielberg",
                    people = read.people_role and not _FILM_WORDS.isdisjoint(rest)
                    if read.query.person is not None or read.is_query or people:
                        return None  # "actores españoles", "¿qué otras pelis tiene al pacino?"
                if aspect in PEOPLE_FILMS:  # "otras del director de titanic"
                    if film.value is not None:
                        return self._films_of_its_people(aspect, int(film.value), query)
                    return self._about_film("people", " ".join(rest))
                return self._about_film(aspect, " ".join(rest))
        if (about := _WHAT_ABOUT.fullmatch(" ".join(words))) is not None:
            return self._about_film("sinopsis", about[1])
        return None

    def _title_said(self, rest: list[str], said: list[str]) -> list[str]:
        """The words of a question left around its aspect, without the filler words at their
        ends ("¿quién dirigió la de titanic?") unless a title has them ("Les Hôtel", "The
        Burning Son"). ``rest`` is read with chat spellings as words ("d" → "de"); ``said``
        is the same words as typed, the first tried as a title ("K-9")."""
        start, end = 0, len(rest)
        while start < end and rest[start] in FILLERS and rest[start] not in ARTICLES:
            start += 1
        while end > start and rest[end - 1] in FILLERS:
            end -= 1
        stops = [len(rest), end]  # "titanic y cuándo salió": the first question's title
        stops += [k for k, w in enumerate(rest) if w in _JOINS and _asks(rest[k + 1 : k + 2])]
        for stop in stops:
            for first in range(stop):  # "la película titanic", "el titanic", "me dices alien"
                for title in (said[first:stop], rest[first:stop], _year_said(rest[first:stop])):
                    if title and self.service.match("title", " ".join(title)).exact:
                        return title
                if rest[first] not in FILLERS and rest[first] not in _FILM_WORDS:
                    break
        return said[start:end]

    def follow_up(self, routed: Routed, movie_id: int) -> Routed:
        """A question that names no film ("¿y cuánto costó?", "algo parecido?", "¿y quién la
        dirigió?") about ``movie_id``, the film the conversation is about; else ``routed``."""
        if not isinstance(routed, NotUnderstood) or routed.kind not in FOLLOW_UPS:
            return routed
        if self.service.movie_ref(movie_id) is None:
            return routed
        if routed.kind in PEOPLE_FILMS:
            return self._films_of_its_people(routed.kind, movie_id, routed.query)
        return self._about_film(FOLLOW_UPS[routed.kind], f"#{movie_id}")

    def _films_of_its_people(self, aspect: str, movie_id: int, query: str) -> Routed:
        """ "¿qué otras películas dirigió?", "más del protagonista": the films of the film's
        director (which one, when it has two) or of its first-billed actor."""
        people = self.service.people
        role = PEOPLE_FILMS[aspect]
        if people is None:  # the card, with the line that says there are no people
            return self._about_film("people", f"#{movie_id}")
        refs = people.directors_of(movie_id) if role == "director" else people.cast_of(movie_id, 1)
        if not refs:
            return self._about_film("people", f"#{movie_id}")
        routes = [self._person_reading(ref, role) for ref in refs]
        return routes[0] if len(routes) == 1 else Readings(query, tuple(routes))

    def _about_film(self, aspect: str, text: str) -> Routed:
        command = "pelicula" if aspect == "people" else aspect
        answer = self.service.answer(command, text)
        key = self.service.key_for(answer)
        focus = "people" if aspect == "people" else ""
        return Route(command, key or text, a.answered_value(answer), focus=focus)

    def _as_comparison(self, query: str, words: list[str]) -> Route | None:
        """ "titanic vs jurassic park", "¿qué recaudó más, titanic o jurassic park?": both
        films side by side. A measure and an "o" only count when both sides are films."""
        text = " ".join(words)
        if not is_comparison(text) or self.service.exact("title", query):
            return None
        cued = bool(set(words) & COMPARE_CUES)
        if not cued and not self.service.splits_into_films(query):
            return None
        return Route("comparar", query, query)

    # -- filters, lists, bests: the query model -------------------------------------------------

    def _as_query(self, query: str, words: list[str]) -> Routed | None:
        """A question only the query executor answers ("pelis de terror de los 80", "las más
        taquilleras de 1997", "sorpréndeme"); None for one about a single name. A message that
        is exactly a title stays the title ("war of the worlds"), unless it is one word of the
        query vocabulary ("drama", "western")."""
        if len(words) > 1 and self.service.exact("title", query):
            return None
        read = self.service.reader.read(query)
        found = read.query
        only_person = set(found.filters) == {"person"} and not found.ignored
        if only_person and not read.ordered and found.intent in ("list", "count"):
            return self._person_route(int(found.person or 0), found.role)  # "pelis de tarantino"
        if only_person and found.intent == "pick":  # "una peli con tom hanks"
            key = self.service.query_key(found)
            return Route("buscar", key, key)
        if read.like_words and found.filters:  # "algo como inception pero de los 90"
            return Route("recomendar", read.like_words)  # says that film is not in it
        if self.service.people is None and read.people_role and self._names_someone(found):
            command = "director" if read.people_role == "director" else "actor"
            return Route(command, " ".join(found.ignored))  # says the catalog has no people
        if not read.is_query:
            return self._people_asked_back(query, found, read.people_role)
        key = self.service.query_key(read.query)
        if found.ignored and (asked := self._people_asked_back(query, found, read.people_role)):
            return asked  # "comedias de los coen": which Coen's comedies?
        if read.query.ignored:  # the words themselves, so the answer can say what it left out
            return Route("buscar", query, key)
        return Route("buscar", key, key)

    def _names_someone(self, found: Query) -> bool:
        """Whether the words a query left may be someone's name: no everyday word, no title
        ("¿en qué año sale titanic?")."""
        words = found.ignored
        return (
            bool(words)
            and not any(_everyday(w) for w in words)
            and not self.service.match("title", " ".join(words)).exact
        )

    def _people_asked_back(self, query: str, found: Query, role: str | None) -> Routed | None:
        """ "pelis de coen": several people fit the words left ("¿Joel Coen o Ethan Coen?"),
        best-known first; "pelis de tarantinno": one word a typo away from a name (asked,
        never taken for sure). With other filters ("comedias de los coen"), each person's
        films that pass them, and only people who have such films."""
        words = " ".join(found.ignored)
        people = self.service.people
        if not words or people is None:
            return None
        ids = sorted(self.service.exact("person", words), key=lambda i: -people.weight(i))
        guessed = False
        if not ids and len(found.ignored) == 1 and len(words) >= MIN_PERSON_GUESS:
            guess = people.lookup(words, role)
            ids, guessed = list(guess.candidates[:3]), guess.best_score >= ACCEPT_SCORE
        if len(ids) < 2 and not guessed:
            return None
        routes = []
        for ref in filter(None, map(people.person, ids[:4])):
            if not found.filters:
                routes.append(self._person_reading(ref, role))
                continue
            narrowed = replace(found, person=ref.id, role=cast(Role | None, role), ignored=())
            if self.service.searcher.count(narrowed):
                key = self.service.query_key(narrowed)
                routes.append(Route("buscar", key, key, ref.name))
        return Readings(query, tuple(routes)) if routes else None

    def _person_reading(self, ref: a.PersonRef, role: str | None) -> Route:
        """``_person_route``, named for a button that offers the person."""
        return replace(self._person_route(ref.id, role), name=ref.name)

    def _person_route(self, person: int, role: str | None) -> Route:
        """A person's films: as a director when they mostly direct or were asked so."""
        role = role or self.service.main_role(person)
        command = "director" if role == "director" else "actor"
        return Route(command, f"@{person}", f"@{person}")

    # -- "mes enero": a command name without its slash -------------------------------------------

    def _as_command(self, query: str) -> Route | None:
        """``mes enero``, ``retorno titanic 1953``: a command's name, then its argument (the
        route has no ``value`` when the argument did not resolve)."""
        first, _, rest = query.partition(" ")
        name = command_name(first)
        if name is None or not fold(rest) or fold(rest).split()[0] in FILLERS:
            return None  # "mes de enero", "return of the jedi": read as words
        if self.service.exact("title", query):
            return None  # "Country Strong", "Movie 43"
        answer = self.service.answer(name, rest)
        if isinstance(answer, a.UsageAnswer | a.UnknownCommandAnswer):
            return None
        key = self.service.key_for(answer)
        return Route(name, key or rest, a.answered_value(answer))

    # -- names said exactly -------------------------------------------------------------------

    def _spans(self, words: list[str], cues: list[str | None], query: str) -> list[_Span]:
        """The longest runs of words that are exactly a name, not overlapping, longest first."""
        found: list[_Span] = []
        n = len(words)
        cued = any(cue is not None for cue in cues)
        for start in range(n):
            for end in range(min(n, start + MAX_NAME_WORDS), start, -1):
                whole = end - start == n  # the whole message may be any title: "It", "Up"
                if not whole and (
                    (words[start] in FILLERS and words[start] not in ARTICLES)
                    or words[end - 1] in FILLERS
                    or all(cues[k] or words[k] in FILLERS for k in range(start, end))
                    or (end - start == 1 and not cued and _everyday(words[start]))
                ):
                    continue  # "xq no me entiendes" is not about "Nô", "i'm bored" not "M"
                span = self._names(words, start, end, query)
                if span is not None:
                    found.append(span)
        chosen: list[_Span] = []
        for span in sorted(found, key=lambda s: (-s.size, s.start)):
            if all(span.end <= c.start or span.start >= c.end for c in chosen):
                chosen.append(span)
        return chosen

    def _names(self, words: list[str], start: int, end: int, query: str) -> _Span | None:
        text = " ".join(words[start:end])
        kinds: dict[str, list[Any]] = {}
        if (day := CALENDAR.get(text)) is not None:
            kinds[day[0]] = [day[1]]
        for kind in ("country", "collection", "company", "title"):
            values = self.service.exact(_kind(kind), text)
            if values:
                kinds[kind] = values
        if "country" in kinds and _code_as_a_word(text, query):
            del kinds["country"]
        if "title" in kinds and end < len(words) and _YEAR.fullmatch(words[end]):
            dated = self.service.match("title", f"{text} {words[end]}")
            # none of that year ("scarface 1932"): an empty list; the question will ask back
            found = [dated.value] if dated.exact and dated.value is not None else []
            return _Span(start, end + 1, f"{text} {words[end]}", {"title": found})
        return _Span(start, end, text, kinds) if kinds else None

    # -- deciding -----------------------------------------------------------------------------

    def _decide(self, reading: _Reading) -> Routed:
        """The question the cues ask, about the name found; a message whose cue words may
        belong to a mistyped title ("indepndence day", "return of teh jedi") is matched as a
        title when the cues lead nowhere sure."""
        routed = self._by_cues(reading)
        if (isinstance(routed, Route) and routed.value is not None) or not reading.cue_set():
            return routed
        words = list(reading.words)
        while words and words[0] in FILLERS and words[0] not in ARTICLES:
            words = words[1:]
        while words and words[-1] in FILLERS:
            words = words[:-1]
        whole = self._forgiving("title", " ".join(words)) if len(words) > 1 else None
        if whole is not None and whole.value is not None:
            return self._route_value("title", whole.value, "pelicula")
        return routed

    def _by_cues(self, reading: _Reading) -> Routed:
        cues = reading.cue_set()
        hints: list[str] = [k for k in HINT_KINDS if k in cues]
        group = bool(cues & {"count", "release", "produced", "films", "made"}) or bool(hints)
        if "recommend" in cues:
            if _names_nothing(reading):
                return NotUnderstood(reading.query, "recomendar")
            return self._ask(reading, "recomendar", ["title"], hints)
        if "money" in cues or {"amount", "made"} <= cues:
            if _names_nothing(reading):
                return NotUnderstood(reading.query, "retorno")
            order: list[str] = [*hints, "title", "collection", "company"]
            if "films" in cues:
                order = [*hints, "collection", "company", "title"]
            return self._ask(reading, "retorno", _unique(order), hints)
        if "when" in cues or ("card" in cues and not group):
            return self._ask(reading, "pelicula", ["title"], hints)
        if group:
            order = [*hints, *GROUP_KINDS] + ([] if hints else ["title"])
            return self._ask(reading, "pelicula", _unique(order), hints)
        return self._bare(reading)

    def _ask(
        self, reading: _Reading, title_command: str, order: list[str], hints: list[str]
    ) -> Routed:
        """The first kind in ``order`` that a name in the message has: exactly, else forgivingly."""
        for kind in order:
            for span in reading.spans:
                if kind in span.kinds:
                    partial = self._partial_name(reading, span, kind, title_command)
                    if partial is not None:
                        return partial
                    alone = span.text in _segments(reading)  # "fox", not "fox searchlite"
                    return self._route_span(reading.query, span, kind, title_command, widen=alone)
        segments = _segments(reading)
        if title_command == "pelicula" and "title" in order and order[0] != "title":
            order = [k for k in order if k != "title"]  # "películas de terror": not a title
        tried: dict[tuple[str, str], Match[Any]] = {}  # looked up lazily: stop at the first hit

        def look(text: str, kind: str) -> Match[Any] | None:
            if not _fits_forgivingly(kind, text, hints):
                return None
            if kind == "country" and _code_as_a_word(text, reading.query):
                return None
            if (text, kind) not in tried:
                tried[text, kind] = self._forgiving(kind, text)
            return tried[text, kind]

        for text in segments:  # what the message says it is about comes first: "saga de …"
            for kind in hints:
                found = look(text, kind)
                if found is not None and found.value is not None:
                    return self._route_value(kind, found.value, title_command)
                if found is not None and found.best_score >= SUGGEST_SCORE:
                    asked = self._ask_back(reading.query, text, kind, found, title_command)
                    if isinstance(asked, NotUnderstood):  # "saga xyz": it says it found none
                        return Route(_command(kind, title_command), text)
                    return asked

        def surely_named() -> Route | None:
            for text in segments:
                for kind in order:
                    found = look(text, kind)
                    if found is not None and found.value is not None:
                        return self._route_value(kind, found.value, title_command)
                    if found is not None and found.best_score >= ACCEPT_SCORE:
                        return None  # nearly this kind: ask about it, not take a later kind
            return None

        if (route := surely_named()) is not None:
            return route
        near = [
            (key, found)
            for key, found in tried.items()
            if found.candidates and found.best_score >= SUGGEST_SCORE
        ]
        if near:
            (text, kind), found = max(near, key=lambda item: item[1].best_score)
            return self._ask_back(reading.query, text, kind, found, title_command)
        if hints and segments:  # "saga xyz": the question is clear, the name is not
            return Route(_command(hints[0], title_command), segments[0])
        named = [w for w in segments[:1] for w in w.split() if not _everyday(w)]
        if title_command in ("retorno", "recomendar") and named:
            return Route(title_command, segments[0])  # "cuánto recaudó avatar": not in it
        return self._not_understood(reading)

    def _bare(self, reading: _Reading) -> Routed:
        """Just a name ("titanic", "pixar", "enero"): answer it, or ask which one is meant."""
        segments = _segments(reading)
        if reading.spans:
            span = reading.spans[0]
            kind = next(k for k in BARE_ORDER if k in span.kinds)
            partial = self._partial_name(reading, span, kind, "pelicula", bare=True)
            if partial is not None:
                return partial
            return self._bare_name(reading.query, span, alone=span.text in segments)
        if not segments:
            return self._not_understood(reading)
        text = segments[0]
        sure: dict[str, list[Any]] = {}
        unsure: dict[str, tuple[float, list[Any]]] = {}
        for kind in BARE_ORDER:
            if not _fits_forgivingly(kind, text, []):
                continue
            found = self._forgiving(kind, text)
            guessed = kind in ("company", "collection") and " " not in text and not found.exact
            if found.value is not None and guessed:  # "triste" is not for sure "Studio Trite"
                unsure[kind] = (
                    found.best_score,
                    list(dict.fromkeys([found.value, *found.candidates])),
                )
            elif found.value is not None:
                sure[kind] = [found.value]
                if kind == "title":
                    break  # a title is what people type most: do not look further
            elif found.candidates and found.best_score >= SUGGEST_SCORE:
                unsure[kind] = (found.best_score, list(found.candidates))
        if not sure and (person := self._person_guessed(reading.query, text, unsure)):
            return person
        close = {k: v for k, (score, v) in unsure.items() if score >= ACCEPT_SCORE}
        if len(sure) == 1 and not close:
            [(kind, [value])] = sure.items()
            return self._route_value(kind, value, "pelicula")
        if sure:  # "disney": a saga for sure, but the studios nearly so: ask
            return self._readings(reading.query, text, {**sure, **close}, mentioned=True)
        if not unsure:
            return self._not_understood(reading)
        if len(unsure) == 1:
            [(kind, (score, candidates))] = unsure.items()
            return self._ask_back(
                reading.query,
                text,
                kind,
                Match(None, tuple(candidates), best_score=score),
                "pelicula",
            )
        by_score = sorted(unsure.items(), key=lambda item: -item[1][0])
        return self._readings(reading.query, text, {k: v for k, (_, v) in by_score}, mentioned=True)

    def _person_guessed(
        self, query: str, text: str, unsure: dict[str, tuple[float, list[Any]]]
    ) -> Routed | None:
        """A person's name with a typo, closer than any other name: "tom hnaks" is Tom Hanks;
        one word ("kubrik") asks back, with the other names that came close."""
        people = self.service.people
        if people is None or len(text) < MIN_PERSON_GUESS:
            return None
        found = people.lookup(text)
        best_other = max((score for score, _ in unsure.values()), default=0.0)
        if not found.candidates or found.best_score < max(SUGGEST_SCORE, best_other):
            return None
        if found.value is not None and found.best_score >= ACCEPT_SCORE and " " in text:
            return self._person_route(found.value, None)
        routes = [
            self._person_reading(ref, None)
            for ref in map(people.person, found.candidates[:3])
            if ref
        ]
        others = self._readings(query, text, {k: v for k, (_, v) in unsure.items()}, mentioned=True)
        if isinstance(others, Readings):
            routes += others.routes[:3]
        return Readings(query, tuple(routes))

    def _ask_back(
        self, query: str, text: str, kind: str, found: Match[Any], title_command: str
    ) -> Routed:
        """Which one? A month or weekday: the question's own "did you mean…". Anything else:
        buttons for the candidates that have every typed word (the question itself might take
        a candidate this router found too loose)."""
        if kind in ("month", "weekday"):
            return Route(_command(kind, title_command), text)
        return self._readings(
            query, text, {kind: list(found.candidates)}, title_command, mentioned=True
        )

    def _worth_looking(self, kind: str, text: str) -> bool:
        """Whether ``text`` could name a title, saga or company: one of its words is in such a
        name, or, for one word, a typo away from one. A forgiving lookup scans tens of
        thousands of names; chatter ("no sé qué ver esta noche") should not pay for it."""
        if kind not in LARGE_KINDS:
            return True
        words = [w for w in text.split() if w not in FILLERS and not _YEAR.fullmatch(w)]
        words = words or text.split()
        if any(self.service.has_word(_kind(kind), w) for w in words):
            return True
        return (
            len(words) == 1
            and process.extractOne(
                words[0], self._words[kind], scorer=fuzz.ratio, score_cutoff=TYPO_WORD_SCORE
            )
            is not None
        )

    def _by_full_name(self, kind: str, span: _Span) -> bool:
        """Whether ``span`` names a value of ``kind`` by its full name, not by an alias (the
        name without "Pictures", an original title: "leon" for *Leon: The Professional*)."""
        values = span.kinds.get(kind, [])
        if kind in ("collection", "company"):
            return any(fold(str(name)) == span.text for name in values)
        if kind == "title" and values and not _YEAR.fullmatch(span.text.split()[-1]):
            refs = (self.service.movie_ref(int(i)) for i in values)
            return any(ref is not None and fold(ref.title) == span.text for ref in refs)
        return True

    def _partial_name(
        self, reading: _Reading, span: _Span, kind: str, title_command: str, bare: bool = False
    ) -> Routed | None:
        """A name said exactly inside more words: "world" in "jurassic world", "leon" in "el
        rey león", "alien" in "alien 3". When the name is only an alias, or the other words
        matter, the words are matched as a whole (``bare``: as a title first); if that finds
        nothing sure, ask. None: the name stands."""
        segment = next((t for t in _segments(reading) if f" {span.text} " in f" {t} "), "")
        extra = [w for w in segment.split() if w not in span.text.split() and w not in FILLERS]
        if not extra:
            return None
        alias = not self._by_full_name(kind, span)
        says_more = self._says_more(segment, span)
        if not alias and not says_more:
            return None
        for whole_kind in _unique(["title", kind] if bare else [kind]):
            if not _fits_forgivingly(whole_kind, segment, []):
                continue
            whole = self._forgiving(whole_kind, segment)
            if whole.value is not None:
                return self._route_value(whole_kind, whole.value, title_command)
            if whole.candidates and (says_more or whole.best_score >= SUGGEST_SCORE):
                return self._ask_back(reading.query, segment, whole_kind, whole, title_command)
        if alias and kind not in ("month", "weekday", "country"):
            return self._readings(
                reading.query, span.text, {kind: span.kinds[kind][:3]}, title_command
            )
        return None

    def _says_more(self, text: str, span: _Span) -> bool:
        """Whether ``text`` has words beyond the name ``span`` that matter: a number, or a word
        found in titles, sagas or companies ("jurassic" in "jurassic world", where "world"
        alone is a company); not "dirigió" in "quién dirigió titanic"."""
        extra = [w for w in text.split() if w not in span.text.split() and w not in FILLERS]
        return any(
            w.isdecimal() or any(self.service.has_word(_kind(k), w) for k in LARGE_KINDS)
            for w in extra
        )

    def _bare_name(self, query: str, span: _Span, alone: bool) -> Routed:
        """A message that is exactly a name: the one kind it names, else ask which (``alone``:
        nothing else was typed, so names and titles that contain it are offered too)."""
        kinds = [k for k in BARE_ORDER if k in span.kinds]
        calendar = [k for k in kinds if k in ("month", "weekday")]
        if calendar and not any(self._by_full_name(k, span) for k in kinds if k not in calendar):
            kinds = calendar  # "october" is the month before it is "October Films"
        if "collection" in kinds and "title" not in kinds:  # "lion king": the saga's film first
            film = self._forgiving("title", span.text)
            card = self.service.film_card(film.value) if film.value is not None else None
            if card is not None and card.collection in span.kinds["collection"]:
                return self._route_value("title", card.movie.id, "pelicula")
        common = (
            kinds in (["company"], ["collection"])
            and " " not in span.text
            and not self._by_full_name(kinds[0], span)
            and self.service.has_word("title", span.text)
        )
        if common:  # "home": Media Home Entertainment, or Home Alone? ask
            return self._readings(
                query, span.text, {kinds[0]: span.kinds[kinds[0]]}, widen=alone, films_too=alone
            )
        if len(kinds) == 1 or self._film_of_its_saga(span, kinds):
            return self._route_span(query, span, kinds[0], "pelicula", widen=alone, bare=True)
        return self._readings(
            query, span.text, {k: span.kinds[k] for k in kinds}, widen=alone, films_too=alone
        )

    def _forgiving(self, kind: str, text: str) -> Match[Any]:
        """``service.match``, but taken for sure only when the words cover the name, not just
        one word of it ("terror" alone is not "Terror Train", nor "navidad" Christmas Island);
        a title one typo away is ("titanik")."""
        if not self._worth_looking(kind, text):
            return Match(None)
        found = self.service.match(_kind(kind), text)
        if found.exact or not found.candidates or kind in ("month", "weekday"):
            return found
        value = found.value
        if value is None and kind == "title":
            titles = {
                i: fold(ref.title)
                for i in found.candidates
                if (ref := self.service.movie_ref(i)) is not None
            }
            value = _one_typo_away(text, titles)
        if value is not None and any(_covers(text, n) for n in self._names_of(kind, value)):
            return Match(value, found.candidates, best_score=found.best_score)
        return Match(None, found.candidates, best_score=found.best_score)

    def _names_of(self, kind: str, value: Any) -> list[str]:
        """The folded names ``value`` goes by (a country's in both languages; a company or saga
        also without words like "Pictures" or "Collection")."""
        if kind == "title":  # "godfather 2" stands for "The Godfather: Part II"
            ref = self.service.movie_ref(int(value))
            return key_variants(ref.title) if ref else []
        if kind == "country":  # not its codes: "navidad" is not "CX"
            return [fold(n) for n in self._country_names.get(str(value), []) if len(n) > 3]
        generic = GENERIC_WORDS["productora" if kind == "company" else "franquicia"]
        name = fold(str(value))
        return [name, " ".join(w for w in name.split() if w not in generic)]

    def _film_of_its_saga(self, span: _Span, kinds: list[str]) -> bool:
        """ "toy story" is a film and its saga: the film's card (which links the saga)."""
        if set(kinds) != {"title", "collection"}:
            return False
        card = self.service.film_card(span.kinds["title"][0])
        return card is not None and card.collection in span.kinds["collection"]

    def _readings(
        self,
        query: str,
        text: str,
        kinds: dict[str, list[Any]],
        title_command: str = "pelicula",
        widen: bool = False,
        mentioned: bool = False,
        films_too: bool = False,
    ) -> Routed:
        """Ask which one. ``widen`` (for a name said exactly) also offers the best-known names
        that contain it ("fox" → 20th Century Fox), ``films_too`` films with that word in their
        title (The Fox and the Hound). ``mentioned`` keeps only names that have every typed
        word (typos allowed): "star trek" is not asked about Star Wars."""
        routes = []
        for kind, values in kinds.items():
            if mentioned:
                said = [
                    v for v in values if any(_mentions(text, n) for n in self._names_of(kind, v))
                ]
                values = said or (values[:3] if kind == "title" else [])  # films: still ask
            if kind == "country":  # a country without films is no answer to offer
                values = [v for v in values if self.service.stats.country_counts.get(v, 0)]
            limit = 3 if len(kinds) > 1 else 6
            if widen and kind in ("company", "collection"):
                stats = self.service.stats
                groups = stats.companies if kind == "company" else stats.collections
                values = sorted(
                    {*values, *self.service.prominent(_kind(kind), text)},
                    key=lambda v: (-groups[v].count, str(v)),
                )
            routes += [self._route_value(kind, v, title_command) for v in values[:limit]]
        if films_too and len(text.split()) == 1 and "title" not in kinds:
            titles = self.service.search_movies(text, limit=3)
            routes += [
                self._route_value("title", ref.id, title_command)
                for ref in titles
                if text in fold(ref.title).split()
            ]
        return Readings(query, tuple(routes)) if routes else NotUnderstood(query)

    def _route_span(
        self,
        query: str,
        span: _Span,
        kind: str,
        title_command: str,
        widen: bool = False,
        bare: bool = False,
    ) -> Routed:
        """The question about the name ``span`` says exactly; which one, when several share it
        ("fox": the best-known companies with it, and for just "fox", films with it in the
        title)."""
        if kind in ("month", "weekday"):
            return self._route_value(kind, span.kinds[kind][0], title_command)
        if kind == "title" and not span.kinds[kind]:  # "scarface 1932": not that year
            return Route(title_command, span.text)  # the question asks back with the years
        found = self.service.match(_kind(kind), span.text)
        if found.value is not None:
            return self._route_value(kind, found.value, title_command)
        return self._readings(
            query,
            span.text,
            {kind: span.kinds[kind]},
            title_command,
            widen=widen,
            films_too=widen and bare,
        )

    def _route_value(self, kind: str, value: Any, title_command: str) -> Route:
        """The route to ``value``, argued by its exact key."""
        command = _command(kind, title_command)
        match kind:
            case "month":
                return Route(command, str(value), int(value))
            case "weekday":
                return Route(command, str(int(value) + 1), int(value))
            case "country":
                return Route(
                    command,
                    str(value),
                    str(value),
                    display_name(str(value), self.service.stats.country_names),
                )
            case "collection" | "company":
                return Route(command, entity_key(str(value)), str(value), str(value))
        card = self.service.film_card(int(value))
        return Route(command, f"#{value}", int(value), card.movie.label if card else "")

    @staticmethod
    def _not_understood(reading: _Reading) -> NotUnderstood:
        """Not understood; the words that could be a name the catalog lacks are said
        ("avengers endgame": not in the catalog, which ends in 2017)."""
        kind = _small_talk(reading.words)
        named = [w for w in reading.words if not _everyday(w) and not _YEAR.fullmatch(w)]
        cued = {c for c in reading.cues if c} - {"films"}
        missing = " ".join(named) if kind == "unknown" and named and not cued else ""
        return NotUnderstood(reading.query, kind, missing)


# -- helpers -------------------------------------------------------------------------------------


_ROUTERS: weakref.WeakKeyDictionary[MovieService, Router] = weakref.WeakKeyDictionary()


def _everyday(word: str) -> bool:
    """A word of everyday talk, or one or two letters ("m", "it"): alone inside a longer
    message, it names nothing by itself."""
    return len(word) <= 2 or word in everyday_words()


@cache
def everyday_words() -> frozenset[str]:
    """Words of everyday talk (fillers, small talk, the query vocabulary: genres, orders…). One
    of them alone inside a longer message never names a title, saga or company by itself
    ("xq no me entiendes" is not *Nô*, "good movie for kids" is not *Kids*): the name needs a
    cue ("cuánto recaudó kids") or to be the whole message."""
    vocabulary = {phrase[0] for phrase in phrase_table() if len(phrase) == 1}
    return frozenset(FILLERS | ACKS | GREETINGS | THANKS | VAGUE | vocabulary)


def router_for(service: MovieService) -> Router:
    """The one router of ``service``, shared by every face (chat, console, web)."""
    router = _ROUTERS.get(service)
    if router is None:
        router = _ROUTERS[service] = Router(service)
    return router


TYPED_LIMIT = 40
"""What was typed rides with a film's key ("#562 duro de matar") up to this length, so the
answer names the film as it was typed (and the key still fits in a button's 64 bytes)."""
_FILM_KEY = re.compile(r"#\d+")


def _as_typed(routed: Routed, query: str) -> Routed:
    """A film routed by its key keeps the words typed: its Spanish title is then the one the
    person wrote ("duro de matar" → *Duro de matar*, not Spain's *La jungla de cristal*)."""
    if not isinstance(routed, Route):
        return routed
    film = _FILM_KEY.fullmatch(routed.argument)
    saga = routed.command == "franquicia" and routed.argument.startswith("~")
    if not (film or saga) or " " in routed.argument:
        return routed
    typed = fold(query)
    if not typed or len(typed) > TYPED_LIMIT:
        return routed
    return replace(routed, argument=f"{routed.argument} {typed}")


def _mark_cues(words: list[str]) -> list[str | None]:
    """The cue of each word (longest phrases first), None for the others."""
    cues: list[str | None] = [None] * len(words)
    i = 0
    while i < len(words):
        for size in range(min(LONGEST_PHRASE, len(words) - i), 0, -1):
            cue = PHRASES.get(tuple(words[i : i + size]))
            if cue is not None:
                cues[i : i + size] = [cue] * size
                i += size
                break
        else:
            i += 1
    return cues


def _mark_cue_typos(reading: _Reading) -> None:
    """Long words outside names that are a typo away from a cue word count as it."""
    covered = {k for s in reading.spans for k in range(s.start, s.end)}
    for k, word in enumerate(reading.words):
        if (
            reading.cues[k] is None
            and k not in covered
            and word not in FILLERS
            and len(word) >= MIN_CUE_TYPO_LENGTH
        ):
            hit = process.extractOne(
                word, TYPO_TARGETS, scorer=fuzz.ratio, score_cutoff=CUE_TYPO_SCORE
            )
            if hit is not None:
                reading.cues[k] = PHRASES[(hit[0],)]


def _names_nothing(reading: _Reading) -> bool:
    """ "recomiéndame algo", "recommend me something", "¿cuánto recaudó?": a question that
    names nothing (the reply asks which film)."""
    return not reading.spans and all(
        w in VAGUE for text in _segments(reading) for w in text.split()
    )


def _segments(reading: _Reading) -> list[str]:
    """The runs of words between cues, without filler words at their edges, longest first."""
    runs: list[list[str]] = [[]]
    for word, cue in zip(reading.words, reading.cues, strict=True):
        if cue is None:
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    texts = []
    for run in runs:
        while (
            run
            and run[0] in FILLERS
            and not (run[0] in ARTICLES and len(run) > 1 and run[1] not in FILLERS)
        ):
            run = run[1:]
        while run and run[-1] in FILLERS:
            run = run[:-1]
        if run and run[0] in ARTICLES:
            texts.append(" ".join(run))
            run = run[1:]
        if run:
            texts.append(" ".join(run))
    return sorted(_unique(texts), key=lambda t: -len(t.split()))


def _fits_forgivingly(kind: str, text: str, hints: Iterable[str]) -> bool:
    """Whether a forgiving lookup of ``text`` as ``kind`` makes sense."""
    one_word = " " not in text
    if text.isdecimal():
        return kind in ("month", "weekday") and kind in hints
    if kind in ("month", "weekday"):
        return one_word
    return len(text) >= 3


def _kind(kind: str) -> Argument:
    """A kind of name, as MovieService's matchers call it."""
    assert kind in BARE_ORDER, kind
    return cast(Argument, kind)


_FILM_WORDS = FILMS_WORDS | {"pelicula", "peli", "film", "movie"}
_JOINS = frozenset({"y", "e", "and"})
_QUESTION_WORDS = _words("""
    cuando cuanto cuanta que quien quienes donde como cual when how what who where which
""")


def _without(words: list[str], part: slice) -> list[str]:
    return words[: part.start] + words[part.stop :]


def _year_said(words: list[str]) -> list[str]:
    """ "titanic de 1997" as a title with its year ("titanic 1997"); [] when it is not one."""
    if len(words) >= 3 and words[-2] in ("de", "del", "of", "from") and _YEAR.fullmatch(words[-1]):
        return [*words[:-2], words[-1]]
    return []


def _asks(words: list[str]) -> bool:
    """Whether ``words`` start a second question ("… y cuándo salió")."""
    return bool(words) and words[0] in _QUESTION_WORDS


def _code_as_a_word(text: str, query: str) -> bool:
    """ "de", "it", "ben": a country's code counts only written as one ("UK", "BEN"), or as
    one of the few typed in lower case ("usa")."""
    return len(text) <= 3 and text not in LOWER_CASE_CODES and text.upper() not in query


def _small_talk(words: list[str]) -> str:
    if any(w in THANKS for w in words):
        return "thanks"
    if any(w in GREETINGS for w in words):
        return "greeting"
    if words and all(w in FILLERS for w in words):
        return "greeting"  # "what can you do"
    return "ack" if words and all(w in ACKS or w in FILLERS for w in words) else "unknown"


def _covers(text: str, title: str) -> bool:
    """Whether typed words stand for a whole (folded) title, not just one of its words:
    close to all of it, or its first words ("terminator 2"; but "tomorrow" alone is not
    "Tomorrow Never Dies", nor "terror" "Terror Train"), and with every number typed
    ("alien 3" is not "Alien"; a trailing year only picks among films of that title)."""
    words = text.split()
    if len(words) > 1 and _YEAR.fullmatch(words[-1]):
        words = words[:-1]
    if not all(w in title.replace(" ", "") for w in words if w.isdecimal()):
        return False
    text = " ".join(words)
    if fuzz.ratio(text, title) >= 70:
        return True
    head = title.split(" ", 1)[1] if title.split(" ", 1)[0] in ARTICLES else title
    return " " in text and head.startswith(text + " ")


def _mentions(text: str, name: str) -> bool:
    """Whether every typed word is in ``name`` (folded), as a word, its start or with a typo
    (a number anywhere: "alien 3" → "Alien³")."""
    name_words = name.split()
    return all(
        word in name.replace(" ", "")
        if word.isdecimal()
        else any(n.startswith(word) for n in name_words)
        or process.extractOne(word, name_words, scorer=fuzz.ratio, score_cutoff=75) is not None
        for word in text.split()
        if word not in FILLERS
    )


def _one_typo_away(text: str, titles: dict[int, str]) -> int | None:
    """The film whose title ``text`` misspells ("titanik"), when no other title is as close;
    films sharing that title are one answer (the best known, listed first)."""
    closeness: dict[str, float] = {}
    for title in titles.values():
        closeness.setdefault(title, fuzz.ratio(text, title))
    ranked = sorted(closeness.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < TYPO_SCORE:
        return None
    if len(ranked) > 1 and ranked[1][1] > ranked[0][1] - TYPO_MARGIN:
        return None
    return next(i for i, title in titles.items() if title == ranked[0][0])


def _command(kind: str, title_command: str) -> str:
    return COMMAND_OF.get(kind, title_command)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _choice_value(route: Route) -> int | str:
    return route.value if route.value is not None else route.argument
