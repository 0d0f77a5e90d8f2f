"""The API's response models describe the real bodies exactly, and the OpenAPI document has a
schema for every response of every endpoint."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from bot.loading import load_service
from bot.web import models
from bot.web.app import create_app
from bot.web.runtime import Runtime
from handlers.service import MovieService

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return load_service(real_data_dir)


@pytest.fixture(scope="module")
def client(service: MovieService) -> Iterator[TestClient]:
    with TestClient(create_app(Runtime.with_service(service))) as test_client:
        yield test_client


ASKED = [
    ("/peliculas_mes/enero", 200, models.MonthBody),
    ("/peliculas_mes/diciembre 1997", 200, models.MonthBody),
    ("/peliculas_dia/sabado", 200, models.WeekdayBody),
    ("/franquicia/toy story", 200, models.CollectionBody),
    ("/peliculas_pais/reino unido", 200, models.CountryBody),
    ("/productoras/pixar", 200, models.CompanyBody),
    ("/retorno/titanic", 200, models.ReturnBody),
    ("/retorno/el padrino", 200, models.ReturnBody),
    ("/recomendacion/toy story", 200, models.RecommendBody),
    ("/pelicula/the godfather", 200, models.FilmBody),
    ("/pelicula/trainspotting", 200, models.FilmBody),
    ("/franquicia/zzzzqq", 404, models.UnresolvedBody),
    ("/peliculas_pais/corea", 409, models.UnresolvedBody),
    ("/peliculas_mes/13", 422, models.InvalidInputBody),
    ("/health", 200, models.HealthBody),
]


@pytest.mark.parametrize(("path", "status", "model"), ASKED)
def test_each_body_fits_its_model_exactly(
    client: TestClient, path: str, status: int, model: type[models.Body]
) -> None:
    response = client.get(path)
    assert response.status_code == status
    body = response.json()
    parsed = model.model_validate(body)
    assert parsed.model_dump(by_alias=True, exclude_unset=True) == body


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("¿cuánto recaudó titanic?", 200),
        ("pelis como alien", 200),
        ("/mes enero", 200),
        ("friday", 409),
        ("asdfgh", 422),
        ("/retorno", 422),
        ("/nada", 422),
    ],
)
def test_plain_questions_fit_the_union_of_their_status(
    client: TestClient, query: str, status: int
) -> None:
    response = client.get("/preguntar", params={"q": query})
    assert response.status_code == status
    bodies: Any = models.ASKED[status]
    adapter: TypeAdapter[Any] = TypeAdapter(bodies[0] if len(bodies) == 1 else _union(bodies))
    adapter.validate_python(response.json())


def _union(bodies: list[type[models.Body]]) -> Any:
    from typing import Union

    return Union[tuple(bodies)]  # noqa: UP007


def test_a_model_refuses_a_key_it_does_not_describe() -> None:
    body = {"command": "dia", "weekday": 4, "count": 3, "surprise": 1}
    with pytest.raises(ValidationError):
        models.WeekdayBody.model_validate(body)


def test_every_response_of_every_endpoint_has_a_schema(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    missing = [
        (path, method, status)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        for status, response in operation["responses"].items()
        if "schema" not in response.get("content", {}).get("application/json", {})
    ]
    assert missing == []
    ok = schema["paths"]["/retorno/{pelicula}"]["get"]["responses"]["200"]
    reference = ok["content"]["application/json"]["schema"]["$ref"]
    assert reference.endswith("/ReturnBody")
    assert "return" in schema["components"]["schemas"]["ReturnBody"]["properties"]
