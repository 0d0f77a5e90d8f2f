"""The API's OpenAPI texts, in Spanish: the description, and an example answer per endpoint.

The example figures are those of the real 4,627-row slice of the dataset; the tests check that
every example has exactly the keys a real answer has.
"""

from __future__ import annotations

from typing import Any, Union

from bot.web.models import (
    ASKED,
    Body,
    InvalidInputBody,
    NoDataBody,
    UnavailableBody,
    UnknownCommandBody,
    UnresolvedBody,
    UsageBody,
)

TITLE = "pelibot"

DESCRIPTION = """
Datos de películas de *The Movies Dataset* (Kaggle): estrenos por mes y por día de la semana,
sagas, países, productoras, presupuesto y retorno, y recomendaciones. Son las mismas respuestas
que da el bot de Telegram (y `pelibot ask --json`). Directores y actores (`/director/kubrick`,
`/actor/tom hanks`, también en `/get_director/…` y `/get_actor/…`) cuando el catálogo se
construyó con `credits.csv`; sin él responden 404 `{"error": "no_data", "missing": "credits"}`.

Escribir es indulgente: dan igual acentos, mayúsculas y erratas, y valen nombres en español o en
inglés (`/peliculas_mes/ENERO`, `/peliculas_pais/reino unido`, `/retorno/toy stroy`).

Códigos de respuesta:

* **200** la respuesta;
* **404** `{"error": "not_found", "suggestions": [...]}`: no se encontró; quizá alguna sugerencia;
* **409** `{"error": "ambiguous", "suggestions": [...]}`: hay varias opciones; `choices` trae la
  dirección exacta de cada una;
* **422** consulta inutilizable (vacía, de más de 200 caracteres o con caracteres de control);
* **503** el catálogo todavía se está cargando.

Con `?lang=en` los textos (sugerencias, motivos de las recomendaciones) van en inglés.
"""

PARAMETERS = {
    "month": ("mes", "Un mes: nombre en español o inglés, abreviatura o número (1-12)."),
    "weekday": ("dia", "Un día de la semana: nombre en español o inglés, o número (lunes = 1)."),
    "collection": ("franquicia", "Una saga o franquicia (colección de TMDB)."),
    "country": ("pais", "Un país: nombre en español o inglés, o código ISO (GB, ESP)."),
    "company": ("productora", "Una productora."),
    "title": ("pelicula", "El título de una película; con el año si hay varias (titanic 1953)."),
    "titles": (
        "peliculas",
        "Dos películas o más: `titanic vs jurassic park`; con la medida si no es la recaudación: "
        "`más larga heat o alien`.",
    ),
    "query": (
        "consulta",
        "Filtros en palabras (género, años o década, mes, día, país, idioma, productora, "
        "duración, nota) y un orden: `terror 80s`, `taquilla 1997`, `comedias francesas`.",
    ),
    "person": ("nombre", "Un director/a o actor/actriz: nombre completo o apellido (kubrick)."),
}
"""Per kind of argument: the path parameter's name and its description."""

EXAMPLES: dict[str, dict[str, Any]] = {
    "comparar": {
        "command": "comparar",
        "by": "revenue",
        "movies": [
            {
                "command": "pelicula",
                "id": 597,
                "title": "Titanic",
                "year": 1997,
                "value": 1845034188,
            },
            {
                "command": "pelicula",
                "id": 329,
                "title": "Jurassic Park",
                "year": 1993,
                "value": 920100000,
            },
        ],
        "winner": 597,
        "missing": [],
    },
    "buscar": {
        "command": "buscar",
        "intent": "list",
        "filters": {"genres": ["Horror"], "year_from": 1980, "year_to": 1989},
        "order": "rating",
        "count": 84,
        "ranked": 84,
        "page": 1,
        "pages": 9,
        "ignored": [],
        "movies": [
            {
                "id": 694,
                "title": "The Shining",
                "year": 1980,
                "title_es": "El resplandor",
                "vote_average": 8.1,
                "vote_count": 3890,
                "revenue": 44017374,
                "budget": 19000000,
                "return": 2.32,
                "runtime": 144,
            }
        ],
        "key": "?g11,y1980-1989",
        "like": [],
        "based_on": [],
        "text_filters": "Terror, 1980–1989",
    },
    "mes": {"command": "mes", "month": 1, "count": 376, "year": None},
    "dia": {"command": "dia", "weekday": 5, "count": 259},
    "franquicia": {
        "command": "franquicia",
        "collection": "Toy Story Collection",
        "count": 2,
        "revenue_total": 870920902,
        "revenue_mean": 435460451.0,
        "revenue_known": 2,
        "doubtful_films": 0,
        "movies": [
            {"id": 862, "title": "Toy Story", "year": 1995, "title_es": None},
            {"id": 863, "title": "Toy Story 2", "year": 1999, "title_es": None},
        ],
        "collection_es": "Saga Toy Story",
    },
    "pais": {
        "command": "pais",
        "country": "United Kingdom",
        "iso": "GB",
        "count": 565,
        "country_es": "Reino Unido",
    },
    "productora": {
        "command": "productora",
        "company": "Pixar Animation Studios",
        "count": 3,
        "revenue_total": 1234179761,
        "revenue_known": 3,
        "doubtful_films": 0,
        "relatives": [],
    },
    "retorno": {
        "command": "retorno",
        "id": 597,
        "title": "Titanic",
        "year": 1997,
        "title_es": None,
        "budget": 200000000,
        "revenue": 1845034188,
        "return": 9.22517094,
        "profit": 1645034188,
        "doubtful": [],
        "alternatives": [{"id": 16535, "title": "Titanic", "year": 1953, "title_es": None}],
    },
    "pelicula": {
        "command": "pelicula",
        "id": 238,
        "title": "The Godfather",
        "year": 1972,
        "title_es": "El padrino",
        "genres": ["Drama", "Crime"],
        "runtime": 175,
        "vote_average": 8.5,
        "vote_count": 6024,
        "budget": 6000000,
        "revenue": 245066411,
        "return": 40.84440183,
        "doubtful": [],
        "collection": "The Godfather Collection",
        "poster_url": "https://image.tmdb.org/t/p/w342/rPdtLWNsZmAtoZl9PK7S2wE3qiS.jpg",
        "tmdb_url": "https://www.themoviedb.org/movie/238",
        "imdb_url": "https://www.imdb.com/title/tt0068646/",
        "directors": [{"id": 1776, "name": "Francis Ford Coppola"}],
        "cast": [{"id": 3084, "name": "Marlon Brando"}, {"id": 1158, "name": "Al Pacino"}],
    },
    "recomendar": {
        "command": "recomendar",
        "id": 862,
        "title": "Toy Story",
        "year": 1995,
        "title_es": None,
        "recommendations": [
            {
                "id": 863,
                "title": "Toy Story 2",
                "year": 1999,
                "title_es": None,
                "reason": "misma saga; Animación, Comedia, Familia; toy comes to life, friendship",
            },
            {
                "id": 10895,
                "title": "Pinocchio",
                "year": 1940,
                "title_es": "Pinocho",
                "reason": "Animación, Familia; toy comes to life, boy",
            },
        ],
        "alternatives": [],
    },
    "director": {
        "command": "director",
        "name": "James Cameron",
        "id": 2710,
        "count": 4,
        "movies": [
            {
                "id": 597,
                "title": "Titanic",
                "year": 1997,
                "title_es": None,
                "budget": 200000000,
                "revenue": 1845034188,
                "return": 9.22517094,
                "vote_count": 7770,
            }
        ],
        "return_total": 36.57966850756757,
        "return_mean": 9.144917126891892,
        "return_known": 4,
        "revenue_total": 2626721843,
        "doubtful_films": 0,
    },
    "actor": {
        "command": "actor",
        "name": "Tom Hanks",
        "id": 31,
        "count": 7,
        "movies": [
            {
                "id": 13,
                "title": "Forrest Gump",
                "year": 1994,
                "title_es": None,
                "budget": 55000000,
                "revenue": 677945399,
                "return": 12.326279981818182,
                "vote_count": 8147,
            }
        ],
        "return_total": 53.53634369494394,
        "return_mean": 7.6480490992777055,
        "return_known": 7,
        "revenue_total": 3100177285,
        "doubtful_films": 0,
    },
}

NOT_FOUND_EXAMPLE = {
    "command": "franquicia",
    "error": "not_found",
    "query": "zzzz",
    "suggestions": [],
    "choices": [],
}
AMBIGUOUS_EXAMPLE = {
    "command": "pais",
    "error": "ambiguous",
    "query": "corea",
    "suggestions": ["Corea del Sur", "Corea del Norte"],
    "choices": [
        {"label": "Corea del Sur", "url": "/peliculas_pais/KR"},
        {"label": "Corea del Norte", "url": "/peliculas_pais/KP"},
    ],
}
INVALID_EXAMPLE = {
    "error": "invalid_input",
    "reason": "too_long",
    "detail": "La consulta es demasiado larga: como mucho 200 caracteres.",
    "suggestions": [],
}
UNAVAILABLE_EXAMPLE = {
    "error": "unavailable",
    "reason": "loading",
    "detail": "Estoy cargando el catálogo de películas; prueba en unos segundos.",
}
HEALTH_EXAMPLE = {
    "status": "ok",
    "movies": 45433,
    "build": "build-20250101T120000-1a2b3c4d",
    "sample": False,
    "telegram": "ok",
    "ready": True,
    "last_update_age_s": 12.5,
}
TELEGRAM_HEALTH_EXAMPLE = {"telegram": "ok", "ready": True, "last_update_age_s": 12.5}


def responses(ok: dict[str, Any], model: type[Body]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI responses of a question endpoint: ``model`` answers 200 (``ok`` its example)."""
    return _responses(
        ok,
        {
            200: model,
            404: UnresolvedBody | NoDataBody,
            409: UnresolvedBody,
            422: UsageBody | UnknownCommandBody | InvalidInputBody,
        },
    )


def asked_responses(ok: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI responses of ``/preguntar``: any answer, with its text."""
    bodies = {status: Union[tuple(models)] for status, models in ASKED.items()}  # noqa: UP007
    bodies[422] = Union[(*ASKED[422], InvalidInputBody)]
    return _responses(ok, bodies)


def _responses(ok: dict[str, Any], bodies: dict[int, Any]) -> dict[int | str, dict[str, Any]]:
    def content(example: dict[str, Any]) -> dict[str, Any]:
        return {"application/json": {"example": example}}

    return {
        200: {"model": bodies[200], "description": "La respuesta", "content": content(ok)},
        404: {
            "model": bodies[404],
            "description": "No encontrado",
            "content": content(NOT_FOUND_EXAMPLE),
        },
        409: {
            "model": bodies[409],
            "description": "Ambiguo: varias opciones",
            "content": content(AMBIGUOUS_EXAMPLE),
        },
        422: {
            "model": bodies[422],
            "description": "Consulta inutilizable",
            "content": content(INVALID_EXAMPLE),
        },
        503: {
            "model": UnavailableBody,
            "description": "Catálogo aún no disponible",
            "content": content(UNAVAILABLE_EXAMPLE),
        },
    }


for _focus in ("sinopsis", "trailer", "donde"):
    EXAMPLES[_focus] = EXAMPLES["pelicula"] | {"focus": _focus}
