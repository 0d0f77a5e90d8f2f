"""``GET /buscar``: a query from plain words (``q``) or from structured parameters.

Structured parameters are read into the same ``Query`` the words would give: names (genre,
country, company, saga, month, weekday, language) through the same forgiving matchers, numbers
as they are. A name that does not resolve is answered like any other question about it (404 or
409 with its choices), never guessed.
"""

from dataclasses import dataclass, replace
from typing import Any, get_args

from handlers import answers as a
from handlers.query import ORDERS, Order, Query
from handlers.service import MovieService

ORDER_NAMES: dict[str, Order] = {
    "valoracion": "rating",
    "mejores": "rating",
    "peores": "worst",
    "taquilla": "revenue",
    "recaudacion": "revenue",
    "presupuesto": "budget",
    "retorno": "return",
    "votos": "votes",
    "duracion": "longest",
    "mas_largas": "longest",
    "mas_cortas": "shortest",
    "recientes": "newest",
    "antiguas": "oldest",
    **{order: order for order in ORDERS},
}
"""``orden``: Spanish names, and the JSON's own names."""
INTENT_NAMES = {
    "lista": "list",
    "cuenta": "count",
    "azar": "pick",
    "list": "list",
    "count": "count",
    "pick": "pick",
}


@dataclass(frozen=True)
class SearchParams:
    """The structured parameters of ``GET /buscar`` (all optional)."""

    genero: str | None = None
    desde: int | None = None
    hasta: int | None = None
    anio: int | None = None
    mes: str | None = None
    dia: str | None = None
    pais: str | None = None
    idioma: str | None = None
    productora: str | None = None
    franquicia: str | None = None
    duracion_min: int | None = None
    duracion_max: int | None = None
    nota_min: float | None = None
    nota_max: float | None = None
    orden: str | None = None
    tipo: str | None = None
    pagina: int = 1


def query_from_params(service: MovieService, p: SearchParams) -> Query | a.Answer:
    """The query the parameters describe, or the answer that says which one did not resolve."""
    values: dict[str, Any] = {}
    if p.genero:
        read = service.reader.read(p.genero, explicit=True).query
        if not read.genres or read.ignored:
            return a.NotFoundAnswer("buscar", p.genero)
        values["genres"] = read.genres
    if p.anio is not None:
        values["year_from"] = values["year_to"] = p.anio
    if p.desde is not None:
        values["year_from"] = p.desde
    if p.hasta is not None:
        values["year_to"] = p.hasta
    for field, text, command in (
        ("month", p.mes, "mes"),
        ("weekday", p.dia, "dia"),
        ("country", p.pais, "pais"),
        ("company", p.productora, "productora"),
        ("collection", p.franquicia, "franquicia"),
    ):
        if text:
            answer = service.answer(command, text)
            value = a.answered_value(answer)
            if value is None:
                return answer  # not found or ambiguous: its own reply, with choices
            values[field] = value
    if p.idioma:
        code = p.idioma.strip().lower()
        if len(code) != 2 or not code.isalpha():
            read = service.reader.read(f"en {p.idioma}", explicit=True).query
            if read.language is None:
                return a.NotFoundAnswer("buscar", p.idioma)
            code = read.language
        values["language"] = code
    values |= {
        name: value
        for name, value in (
            ("runtime_min", p.duracion_min),
            ("runtime_max", p.duracion_max),
            ("rating_min", p.nota_min),
            ("rating_max", p.nota_max),
        )
        if value is not None
    }
    query = Query(**values)
    if p.orden:
        order = ORDER_NAMES.get(p.orden.strip().lower())
        if order is None:
            return a.NotFoundAnswer("buscar", p.orden)
        query = replace(query, order=order)
    if p.tipo:
        intent = INTENT_NAMES.get(p.tipo.strip().lower())
        if intent is None:
            return a.NotFoundAnswer("buscar", p.tipo)
        query = replace(query, intent=intent)  # type: ignore[arg-type]
    return query.with_page(p.pagina)


assert set(ORDER_NAMES.values()) == set(get_args(Order))
