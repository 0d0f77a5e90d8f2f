"""The API's JSON bodies as pydantic models: one per kind of answer, for the OpenAPI document.

The bodies themselves are built by ``bot.render.to_json`` (the JSON of ``pelibot ask --json``);
these models describe them exactly (no other keys: the tests validate real answers against them).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, create_model


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# -- answers ------------------------------------------------------------------------------------


class Film(Body):
    """A film: its TMDB id, title and year, and its Spanish title when it differs."""

    id: int
    title: str
    year: int
    title_es: str | None


class MonthBody(Body):
    command: Literal["mes"]
    month: int = Field(description="1 = enero")
    count: int
    year: int | None = Field(description="el año preguntado, si lo hay")


class WeekdayBody(Body):
    command: Literal["dia"]
    weekday: int = Field(description="0 = lunes")
    count: int


class CollectionBody(Body):
    command: Literal["franquicia"]
    collection: str
    count: int
    revenue_total: int
    revenue_mean: float
    revenue_known: int
    doubtful_films: int
    movies: list[Film] = Field(description="sus películas, por fecha de estreno")
    collection_es: str | None = Field(description="su nombre en español: Saga Regreso al futuro")


class CountryBody(Body):
    command: Literal["pais"]
    country: str
    iso: str
    count: int
    country_es: str | None


class Relative(Body):
    company: str
    count: int


class CompanyBody(Body):
    command: Literal["productora"]
    company: str
    count: int
    revenue_total: int
    revenue_known: int
    doubtful_films: int
    relatives: list[Relative]


class ReturnBody(Film):
    command: Literal["retorno"]
    budget: int
    revenue: int
    return_: float | None = Field(alias="return", description="ingresos / presupuesto")
    profit: int | None
    doubtful: list[str]
    alternatives: list[Film]


class Recommendation(Film):
    reason: str


class RecommendBody(Film):
    command: Literal["recomendar"]
    recommendations: list[Recommendation]
    alternatives: list[Film]


class Person(Body):
    """A director or actor: the TMDB person id and the name."""

    id: int
    name: str


class FilmBody(Film):
    command: Literal["pelicula"]
    genres: list[str]
    runtime: int | None
    vote_average: float | None
    vote_count: int
    budget: int
    revenue: int
    return_: float | None = Field(alias="return")
    doubtful: list[str]
    collection: str | None
    poster_url: str | None
    tmdb_url: str
    imdb_url: str | None
    collection_es: str | None = Field(description="su saga en español: El padrino")
    overview: str | None = Field(description="la sinopsis (en inglés, como en la fuente)")
    tagline: str | None
    watch_url: str = Field(description="dónde verla, en TMDB")
    videos_url: str = Field(description="tráileres, en TMDB")
    focus: Literal["sinopsis", "trailer", "donde", "people"] | None = Field(
        default=None, description="lo que se preguntó de ella"
    )
    error: Literal["no_data"] | None = Field(
        default=None, description="no_data: el catálogo no tiene lo preguntado (missing)"
    )
    missing: str | None = None
    directors: list[Person] = Field(description="dirección (vacía sin credits.csv)")
    cast: list[Person] = Field(description="los primeros del reparto (vacío sin credits.csv)")


class CompareFilm(FilmBody):
    value: float | None = Field(description="su cifra en la medida comparada")


class CompareBody(Body):
    command: Literal["comparar"]
    by: Literal[
        "revenue",
        "budget",
        "return",
        "runtime",
        "shortest",
        "rating",
        "votes",
        "oldest",
        "newest",
    ]
    movies: list[CompareFilm]
    winner: int | None = Field(description="el id de la que gana; null si falta o empatan")
    missing: list[str] = Field(description="lo escrito que no es una película del catálogo")


class ListedFilm(Film):
    vote_average: float | None
    vote_count: int
    weighted_rating: float = Field(description="media bayesiana: v/(v+m)·R + m/(v+m)·C")
    revenue: int
    budget: int
    return_: float | None = Field(alias="return")
    runtime: int | None


class SearchBody(Body):
    """A query: its filters, how many films pass them, and a page of them (or one picked)."""

    command: Literal["buscar"]
    intent: Literal["list", "count", "pick", "vote"]
    filters: dict[str, int | float | str | list[str] | list[int]]
    order: str
    ignored: list[str] = Field(description="palabras que no se pudieron usar")
    key: str = Field(description="repite la consulta: /buscar/{key}")
    count: int = Field(description="películas que cumplen los filtros")
    text_filters: str
    ranked: int | None = Field(default=None, description="las que tienen el dato del orden")
    page: int | None = None
    pages: int | None = None
    like: list[Film] | None = None
    based_on: list[int] | None = None
    movies: list[ListedFilm] | None = None
    movie: FilmBody | None = Field(default=None, description="la elegida (tipo azar)")


# -- answers that ask back or refuse ------------------------------------------------------------


class Choice(Body):
    label: str
    url: str = Field(description="la dirección que responde por esta opción")


class UnresolvedBody(Body):
    """Not found (404) or ambiguous (409): what was asked, and the candidates."""

    command: str
    error: Literal["not_found", "ambiguous"]
    query: str
    suggestions: list[str]
    choices: list[Choice]


class UsageBody(Body):
    command: str
    error: Literal["usage"]
    suggestions: list[str]
    usage: str


class UnknownCommandBody(Body):
    command: str
    error: Literal["unknown_command"]
    suggestions: list[str]


class Reading(Body):
    command: str
    key: str


class ClarifyBody(Body):
    """A message that reads several ways: each reading as a command and its key."""

    error: Literal["ambiguous"]
    query: str
    suggestions: list[str]
    choices: list[Reading]


class NotUnderstoodBody(Body):
    error: Literal["not_understood"]
    suggestions: list[str]


class InvalidInputBody(Body):
    error: Literal["invalid_input"]
    reason: str = Field(description="empty, too_long, control, out_of_range o bad_parameter")
    detail: str
    suggestions: list[str]


class UnavailableBody(Body):
    error: Literal["unavailable"]
    reason: Literal["loading", "no_catalog"]
    detail: str


TELEGRAM_STATE = "ok, starting, off (sin bot en este proceso) o error: … (por qué calla)"


class HealthBody(Body):
    status: str = Field(description="ok; si no, loading, building o no_catalog")
    movies: int | None
    build: str | None
    sample: bool | None = Field(description="el catálogo es la muestra incluida")
    telegram: str = Field(description=TELEGRAM_STATE)
    ready: bool = Field(description="la API y, si lo hay, el bot funcionan")
    last_update_age_s: float | None
    detail: str | None = None


class PersonMovie(Film):
    budget: int
    revenue: int
    return_: float | None = Field(alias="return")
    vote_count: int


class PersonBody(Body):
    """A director's or an actor's films (best-known first) and their return."""

    command: Literal["director", "actor"]
    name: str
    id: int
    count: int
    movies: list[PersonMovie]
    return_total: float
    return_mean: float
    return_known: int
    revenue_total: int
    doubtful_films: int


class NoDataBody(Body):
    """The catalog was built without the data asked about (``missing``: credits)."""

    command: str
    error: Literal["no_data"]
    missing: str


class TelegramHealthBody(Body):
    telegram: str = Field(description=TELEGRAM_STATE)
    ready: bool
    last_update_age_s: float | None


ANSWERS: dict[str, type[Body]] = {
    "mes": MonthBody,
    "dia": WeekdayBody,
    "franquicia": CollectionBody,
    "pais": CountryBody,
    "productora": CompanyBody,
    "retorno": ReturnBody,
    "recomendar": RecommendBody,
    "pelicula": FilmBody,
    "buscar": SearchBody,
    "sinopsis": FilmBody,
    "comparar": CompareBody,
    "trailer": FilmBody,
    "donde": FilmBody,
    "director": PersonBody,
    "actor": PersonBody,
}
"""The 200 body of each command."""


def with_text(model: type[Body]) -> type[Body]:
    """``model`` plus ``text``: the answer as the bot writes it (``/preguntar``)."""
    return create_model(f"{model.__name__}WithText", __base__=model, text=(str, ...))


_ASKED_BODIES: dict[int, list[type[Body]]] = {
    200: list(ANSWERS.values()),
    404: [UnresolvedBody, NoDataBody],
    409: [UnresolvedBody, ClarifyBody],
    422: [UsageBody, UnknownCommandBody, NotUnderstoodBody],
}
ASKED = {status: [with_text(m) for m in bodies] for status, bodies in _ASKED_BODIES.items()}
"""The bodies of ``/preguntar`` by status (besides 422 ``InvalidInputBody`` and 503)."""
