"""The API's JSON bodies as pydantic models: one per kind of answer, for the OpenAPI document.

The bodies themselves are built by ``bot.render.to_json`` (the JSON of ``pelibot ask --json``);
these models describe them exactly (no other keys: the tests validate real answers against them).
"""

from __future__ import annotations

from typing import Any, Literal

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


class Listed(Film):
    """A film in a list: the figures the orders rank by."""

    vote_average: float | None
    vote_count: int
    weighted_rating: float = Field(description="media bayesiana (las mejores)")
    revenue: int
    budget: int
    return_: float | None = Field(alias="return")
    runtime: int | None


class _QueryBody(Body):
    command: Literal["buscar"]
    intent: Literal["list", "count", "pick"]
    filters: dict[str, Any] = Field(description="los filtros leídos: genres, year_from, …")
    order: str
    ignored: list[str] = Field(description="palabras que no se usaron")
    key: str
    count: int = Field(description="cuántas películas cumplen los filtros")
    text_filters: str = Field(description="los filtros en palabras")


class SearchBody(_QueryBody):
    """A list (or a count): a page of films, best first by the order."""

    ranked: int
    page: int
    pages: int
    like: list[Film] = Field(description="las películas de «algo como …»")
    movies: list[Listed]


class PickBody(_QueryBody):
    """One film drawn from the best that fit."""

    movie: FilmBody | None


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
}
"""The 200 body of each command (``buscar`` may also answer ``PickBody``)."""


def with_text(model: type[Body]) -> type[Body]:
    """``model`` plus ``text``: the answer as the bot writes it (``/preguntar``)."""
    return create_model(f"{model.__name__}WithText", __base__=model, text=(str, ...))


_ASKED_BODIES: dict[int, list[type[Body]]] = {
    200: [*ANSWERS.values(), PickBody],
    404: [UnresolvedBody],
    409: [UnresolvedBody, ClarifyBody],
    422: [UsageBody, UnknownCommandBody, NotUnderstoodBody],
}
ASKED = {status: [with_text(m) for m in bodies] for status, bodies in _ASKED_BODIES.items()}
"""The bodies of ``/preguntar`` by status (besides 422 ``InvalidInputBody`` and 503)."""
