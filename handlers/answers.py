"""What the domain answers: plain data, rendered later as text, HTML or JSON.

Every answer names its ``command`` (the canonical name from ``handlers.commands``). Answers that
could not be given carry ``Choice``s: candidates whose ``key`` is a short, stable command argument
(``#862`` for a movie, ``~1a2b3c4d`` for a named collection/company/country) that resolves
exactly, also after a restart, so it fits in Telegram's 64-byte ``callback_data`` as
``f"{command} {key}"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handlers.query import PAGE_SIZE, Query


@dataclass(frozen=True)
class Choice:
    """A candidate offered back to the user ("¿Quisiste decir…?"), labelled by the renderer in
    the user's language from its ``value`` and ``name``."""

    key: str  # the argument that answers it exactly
    value: int | str  # month 1..12, weekday (Monday = 0), ISO code, name or movie id
    name: str = ""  # the catalog's spelling: country, collection, company, "Title (year)"
    count: int | None = None  # films of a collection or company, shown beside its name
    movie: MovieRef | None = None  # the film, when the choice is one (for its Spanish title)


@dataclass(frozen=True)
class MovieRef:
    id: int
    title: str
    year: int
    title_es: str = field(default="", compare=False)  # a Spanish title, when it differs

    @property
    def label(self) -> str:
        return f"{self.title} ({self.year})"

    @property
    def key(self) -> str:
        return f"#{self.id}"


@dataclass(frozen=True)
class MonthAnswer:
    month: int  # 1..12
    count: int
    command: str = "mes"
    year: int | None = None  # releases of that month in one year; None = all years together
    years: tuple[int, int] = field(default=(0, 0), compare=False)  # the catalog's first, last


@dataclass(frozen=True)
class WeekdayAnswer:
    weekday: int  # Monday = 0
    count: int
    command: str = "dia"
    years: tuple[int, int] = field(default=(0, 0), compare=False)  # the catalog's first, last


@dataclass(frozen=True)
class CollectionAnswer:
    collection: str
    count: int
    revenue_total: int
    revenue_mean: float  # revenue_total / count, as the original definition
    revenue_known: int  # films of the collection whose box office is known (> 0)
    command: str = "franquicia"
    doubtful: int = 0  # films with an implausible figure (counted in the sums all the same)
    films: tuple[MovieRef, ...] = field(default=(), compare=False)  # in release order
    name_es: str = field(default="", compare=False)  # "Saga Regreso al futuro"


@dataclass(frozen=True)
class CountryAnswer:
    country: str  # English name as in the data, e.g. "United Kingdom"
    iso: str  # ISO 3166-1 alpha-2
    count: int
    country_es: str = ""  # Spanish name, e.g. "Reino Unido"
    command: str = "pais"


@dataclass(frozen=True)
class CompanyAnswer:
    company: str
    count: int
    revenue_total: int
    revenue_known: int
    command: str = "productora"
    doubtful: int = 0  # films with an implausible figure (counted in the sums all the same)
    relatives: tuple[Choice, ...] = field(default=(), compare=False)  # similar names, not counted


@dataclass(frozen=True)
class ReturnAnswer:
    movie: MovieRef
    budget: int  # 0 = unknown
    revenue: int  # 0 = unknown
    ret: float | None  # revenue / budget; None when either is unknown
    alternatives: tuple[MovieRef, ...] = ()  # other films with the same title
    command: str = "retorno"
    doubtful: tuple[str, ...] = ()  # of "budget", "revenue", "return": judged implausible

    @property
    def profit(self) -> int | None:
        return self.revenue - self.budget if self.budget and self.revenue else None


@dataclass(frozen=True)
class Reason:
    """Why a film is recommended; rendered in the user's language."""

    same_collection: str | None = None
    genres: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Recommendation:
    movie: MovieRef
    reason: Reason
    score: float = 0.0


@dataclass(frozen=True)
class RecommendAnswer:
    movie: MovieRef
    recommendations: tuple[Recommendation, ...]
    alternatives: tuple[MovieRef, ...] = ()
    command: str = "recomendar"


@dataclass(frozen=True)
class UsageAnswer:
    """The command came without an argument: show how to use it."""

    command: str


@dataclass(frozen=True)
class NotFoundAnswer:
    command: str
    query: str
    suggestions: tuple[Choice, ...] = ()
    years: tuple[int, int] = field(default=(0, 0), compare=False)  # the catalog's, for titles


@dataclass(frozen=True)
class AmbiguousAnswer:
    """Several candidates fit about equally well: ask back instead of guessing."""

    command: str
    query: str
    choices: tuple[Choice, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class UnknownCommandAnswer:
    command: str


# -- film cards and plain-words messages ---------------------------------------------------------

TMDB_MOVIE_URL = "https://www.themoviedb.org/movie/{id}"
IMDB_TITLE_URL = "https://www.imdb.com/title/{imdb_id}/"
POSTER_URL = "https://image.tmdb.org/t/p/w342{path}"


@dataclass(frozen=True)
class FilmAnswer:
    """A film's card: what the catalog knows about one film."""

    movie: MovieRef
    genres: tuple[str, ...]  # TMDB's English genre names
    runtime: int | None  # minutes; None when unknown
    vote_average: float | None  # 0..10; None without votes
    vote_count: int
    budget: int  # 0 = unknown
    revenue: int  # 0 = unknown
    ret: float | None  # revenue / budget; None when either is unknown
    collection: str | None
    poster_path: str | None  # e.g. "/rhIRbceoE9lR4veEXuwCC2wARtG.jpg"
    imdb_id: str | None  # e.g. "tt0114709"
    alternatives: tuple[MovieRef, ...] = ()  # other films with the same title
    doubtful: tuple[str, ...] = ()  # of "budget", "revenue", "return": implausible in the source
    command: str = "pelicula"
    overview: str = field(default="", compare=False)  # the synopsis (English, as in the source)
    tagline: str = field(default="", compare=False)
    focus: str = ""  # what was asked about it: "", "sinopsis", "trailer" or "donde"
    collection_es: str = field(default="", compare=False)  # its saga in Spanish: "El padrino"
    directors: tuple[PersonRef, ...] = ()  # empty without credits (or when the source has none)
    cast: tuple[PersonRef, ...] = ()  # the first few billed

    @property
    def tmdb_url(self) -> str:
        return TMDB_MOVIE_URL.format(id=self.movie.id)

    @property
    def watch_url(self) -> str:
        """TMDB's where-to-watch page (streaming, rent, buy, by country)."""
        return TMDB_MOVIE_URL.format(id=self.movie.id) + "/watch"

    @property
    def videos_url(self) -> str:
        """TMDB's page of trailers and clips."""
        return TMDB_MOVIE_URL.format(id=self.movie.id) + "/videos"

    @property
    def imdb_url(self) -> str | None:
        return IMDB_TITLE_URL.format(imdb_id=self.imdb_id) if self.imdb_id else None

    @property
    def poster_url(self) -> str | None:
        return POSTER_URL.format(path=self.poster_path) if self.poster_path else None


@dataclass(frozen=True)
class Reading:
    """One way to read a plain-words message: the question ``command`` about ``choice``."""

    command: str
    choice: Choice


@dataclass(frozen=True)
class ClarifyAnswer:
    """A message that reads several ways ("fox": a company, or films with "fox" in the title)."""

    query: str
    readings: tuple[Reading, ...]
    command: str = ""


@dataclass(frozen=True)
class NotUnderstoodAnswer:
    """Nothing recognised. ``kind`` is "greeting", "thanks" or "unknown"; ``turn`` counts the
    chat's earlier ones, so the reply (and its examples) varies from one to the next."""

    query: str
    kind: str = "unknown"
    turn: int = 0
    command: str = ""
    missing: str = field(default="", compare=False)  # words that look like a name not found
    years: tuple[int, int] = field(default=(0, 0), compare=False)  # the catalog's first, last
    people: bool = field(default=True, compare=False)  # whether the catalog has its people


@dataclass(frozen=True)
class ListedFilm:
    """A film in a list, with what lists rank by."""

    movie: MovieRef
    vote_average: float | None  # None without votes
    vote_count: int
    revenue: int  # 0 = unknown
    budget: int  # 0 = unknown
    ret: float | None
    runtime: int | None  # minutes
    weighted: float  # the weighted rating lists of the best rank by


@dataclass(frozen=True)
class QueryNames:
    """How the names a query filters by are called: its country, its person."""

    country: str = ""  # the production country, as the catalog names it
    person: str = ""  # the director or actor


@dataclass(frozen=True)
class SearchAnswer:
    """Films that pass a query's filters: how many (``count``) and a page of them, in order.

    ``ranked`` is how many can be ranked by the order asked (e.g. films with a known box
    office); ``key`` answers the same query again (for buttons)."""

    query: Query
    count: int
    ranked: int
    films: tuple[ListedFilm, ...]
    key: str
    names: QueryNames = field(default_factory=lambda: QueryNames())
    like: tuple[MovieRef, ...] = ()  # the films the answer resembles
    command: str = "buscar"

    @property
    def pages(self) -> int:
        return max(1, -(-self.ranked // PAGE_SIZE))


@dataclass(frozen=True)
class PickAnswer:
    """One well-liked film that passes the query's filters, drawn at random ("sorpréndeme")."""

    query: Query
    count: int
    film: FilmAnswer | None  # None when no film fits
    key: str
    names: QueryNames = field(default_factory=lambda: QueryNames())
    command: str = "buscar"


@dataclass(frozen=True)
class VoteAnswer:
    """Movie night: a few well-liked films that fit, for a group to vote on."""

    query: Query
    count: int
    films: tuple[ListedFilm, ...]
    key: str
    names: QueryNames = field(default_factory=lambda: QueryNames())
    command: str = "buscar"


@dataclass(frozen=True)
class CompareAnswer:
    """Films side by side and which wins by ``by`` (revenue, budget, return, runtime, rating,
    votes, oldest, newest); ``missing``: the names typed that found no film."""

    films: tuple[FilmAnswer, ...]
    by: str
    winner: int | None  # movie id; None when the measure is unknown for all, or a tie
    missing: tuple[str, ...] = ()
    command: str = "comparar"


# -- people: directors and cast ------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRef:
    """A director or actor; ``key`` (``@<person id>``) answers exactly, also in callback data."""

    id: int
    name: str

    @property
    def key(self) -> str:
        return f"@{self.id}"


@dataclass(frozen=True)
class PersonFilm:
    """One film of a person, with its money figures."""

    movie: MovieRef
    budget: int  # 0 = unknown
    revenue: int  # 0 = unknown
    ret: float | None  # revenue / budget; None when either is unknown
    vote_count: int = 0


@dataclass(frozen=True)
class PersonAnswer:
    """A director's films (``command`` "director") or an actor's (``command`` "actor"): every
    film, best-known first, and the sum and mean of their returns as the original project
    defined them (a film without budget counts with return 0; mean = total / films)."""

    person: PersonRef
    films: tuple[PersonFilm, ...]
    return_total: float
    return_mean: float
    return_known: int  # films whose return is known (budget and box office)
    revenue_total: int
    command: str = "director"
    doubtful: int = 0  # films with an implausible figure (counted in the sums all the same)

    @property
    def count(self) -> int:
        return len(self.films)


@dataclass(frozen=True)
class NoDataAnswer:
    """The catalog was built without the data this question needs (``missing``: "credits")."""

    command: str
    query: str = ""
    missing: str = "credits"


Answer = (
    MonthAnswer
    | WeekdayAnswer
    | CollectionAnswer
    | CountryAnswer
    | CompanyAnswer
    | ReturnAnswer
    | RecommendAnswer
    | UsageAnswer
    | NotFoundAnswer
    | AmbiguousAnswer
    | UnknownCommandAnswer
    | FilmAnswer
    | ClarifyAnswer
    | NotUnderstoodAnswer
    | SearchAnswer
    | PickAnswer
    | CompareAnswer
    | VoteAnswer
    | PersonAnswer
    | NoDataAnswer
)

UNRESOLVED = (
    UsageAnswer,
    NotFoundAnswer,
    AmbiguousAnswer,
    UnknownCommandAnswer,
    ClarifyAnswer,
    NotUnderstoodAnswer,
    NoDataAnswer,
)
"""Answers that did not answer the question (they explain or ask back)."""


def film_of(answer: Answer) -> int | None:
    """The one film an answer is about (a card, its money, its recommendations, a pick)."""
    match answer:
        case FilmAnswer(movie=movie) | ReturnAnswer(movie=movie) | RecommendAnswer(movie=movie):
            return movie.id
        case PickAnswer(film=FilmAnswer(movie=movie)):
            return movie.id
    return None


def answered_value(answer: Answer) -> int | str | None:
    """What an answer is about: the month, weekday, collection or company name, ISO code or
    film id; None when it did not answer."""
    match answer:
        case MonthAnswer(month=value) | WeekdayAnswer(weekday=value):
            return value
        case CollectionAnswer(collection=value) | CompanyAnswer(company=value):
            return value
        case CountryAnswer(iso=value):
            return value
        case ReturnAnswer(movie=movie) | RecommendAnswer(movie=movie) | FilmAnswer(movie=movie):
            return movie.id
        case SearchAnswer(key=key) | PickAnswer(key=key):
            return key
        case PersonAnswer(person=person):
            return person.key
    return None
