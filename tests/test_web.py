"""The HTTP API of ``pelibot serve`` (FastAPI's TestClient) on the catalog of the real slice.

Figures are worked out here from the catalog file itself, independently of the service.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd
import pytest

from bot import i18n
from bot.loading import load_service
from bot.render import to_json
from bot.web import docs
from bot.web.app import create_app
from bot.web.runtime import Runtime
from handlers.catalog import load_catalog
from handlers.commands import COMMANDS
from handlers.doubtful import doubtful_mask
from handlers.service import MovieService

with warnings.catch_warnings():  # starlette would rather have httpx2; httpx works
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def service(real_data_dir: Path) -> MovieService:
    return load_service(real_data_dir)


@pytest.fixture(scope="module")
def movies(real_data_dir: Path) -> pd.DataFrame:
    return load_catalog(real_data_dir).movies


@pytest.fixture(scope="module")
def client(service: MovieService) -> Iterator[TestClient]:
    with TestClient(create_app(Runtime.with_service(service))) as test_client:
        yield test_client


def get(client: TestClient, url: str) -> tuple[int, dict[str, Any]]:
    response = client.get(url)
    assert response.headers["content-type"].startswith("application/json"), url
    return response.status_code, response.json()


def has(cell: Any, value: str) -> bool:
    return value in list(cell)


# -- the seed's endpoints, figures computed from the catalog ----------------------------------


def test_movies_per_month_any_case(client: TestClient, movies: pd.DataFrame) -> None:
    january = int((movies["release_date"].dt.month == 1).sum())
    for url in (
        "/peliculas_mes/enero",
        "/peliculas_mes/ENERO",
        "/peliculas_mes/January",
        "/peliculas_mes/1",
        "/peliculas_mes/ener",
    ):
        assert get(client, url) == (
            200,
            {"command": "mes", "month": 1, "count": january, "year": None},
        ), url


def test_movies_per_weekday(client: TestClient, movies: pd.DataFrame) -> None:
    saturday = int((movies["release_date"].dt.day_of_week == 5).sum())
    expected = {"command": "dia", "weekday": 5, "count": saturday}
    assert get(client, "/peliculas_dia/sábado") == (200, expected)
    assert get(client, "/peliculas_dia/SABADO") == (200, expected)
    assert get(client, "/peliculas_dia/saturday?lang=en") == (200, expected)


def test_collection(client: TestClient, movies: pd.DataFrame) -> None:
    films = movies[movies["collection"] == "Toy Story Collection"]
    total = int(films["revenue"].sum())
    status, body = get(client, "/franquicia/toy story")
    assert status == 200
    assert body == {
        "command": "franquicia",
        "collection": "Toy Story Collection",
        "count": len(films),
        "revenue_total": total,
        "revenue_mean": total / len(films),
        "revenue_known": int((films["revenue"] > 0).sum()),
        "doubtful_films": int(doubtful_mask(films["budget"], films["revenue"]).sum()),
        "movies": [  # in release order
            {"id": 862, "title": "Toy Story", "year": 1995, "title_es": None},
            {"id": 863, "title": "Toy Story 2", "year": 1999, "title_es": None},
        ],
        "collection_es": "Saga Toy Story",
    }
    assert len(films) == 2 and total == 373554033 + 497366869  # Toy Story 1 and 2


def test_country_in_spanish_words(client: TestClient, movies: pd.DataFrame) -> None:
    british = int(movies["production_country_codes"].map(lambda c: has(c, "GB")).sum())
    status, body = get(client, "/peliculas_pais/reino unido")
    assert status == 200
    assert body == {
        "command": "pais",
        "country": "United Kingdom",
        "iso": "GB",
        "count": british,
        "country_es": "Reino Unido",
    }
    assert get(client, "/peliculas_pais/UK")[1]["count"] == british
    assert get(client, "/peliculas_pais/Reino%20Unido")[1]["count"] == british


def test_company(client: TestClient, movies: pd.DataFrame) -> None:
    pixar = movies[movies["production_companies"].map(lambda c: has(c, "Pixar Animation Studios"))]
    status, body = get(client, "/productoras/pixar")
    assert status == 200
    assert body == {
        "command": "productora",
        "company": "Pixar Animation Studios",
        "count": len(pixar),
        "revenue_total": int(pixar["revenue"].sum()),
        "revenue_known": int((pixar["revenue"] > 0).sum()),
        "doubtful_films": int(doubtful_mask(pixar["budget"], pixar["revenue"]).sum()),
        "relatives": [],
    }


def test_return_of_a_title(client: TestClient, movies: pd.DataFrame) -> None:
    toy = movies.set_index("id").loc[862]
    status, body = get(client, "/retorno/toy story")
    assert status == 200
    assert body["title"] == "Toy Story" and body["year"] == 1995
    assert body["budget"] == toy["budget"] == 30_000_000
    assert body["revenue"] == toy["revenue"] == 373_554_033
    assert body["return"] == pytest.approx(373_554_033 / 30_000_000)
    assert body["profit"] == 373_554_033 - 30_000_000
    # The key of a film (what the "did you mean" links use) and a title with a slash.
    assert get(client, "/retorno/%23862")[1]["id"] == 862
    assert get(client, "/retorno/Face/Off")[1]["title"] == "Face/Off"


def test_same_titled_films_are_listed_and_the_year_picks(client: TestClient) -> None:
    status, body = get(client, "/retorno/titanic")
    assert status == 200 and body["year"] == 1997
    assert [m["year"] for m in body["alternatives"]] == [1953]
    assert get(client, "/retorno/titanic 1953")[1]["year"] == 1953


def test_recommendations(client: TestClient) -> None:
    status, body = get(client, "/recomendacion/toy story")
    assert status == 200
    recommended = [r["title"] for r in body["recommendations"]]
    assert len(recommended) == 5 and "Toy Story" not in recommended
    assert recommended[0] == "Toy Story 2"
    assert body["recommendations"][0]["reason"].startswith("misma saga")
    english = get(client, "/recomendacion/toy story?lang=en")[1]
    assert english["recommendations"][0]["reason"].startswith("same collection")


def test_same_json_as_ask_json(client: TestClient, service: MovieService) -> None:
    for entry in COMMANDS:
        for argument in ("toy story", "enero", "zzqx", "corea", "star"):
            for lang in ("es", "en"):
                _, body = get(client, f"/{entry.web_path}/{quote(argument)}?lang={lang}")
                body.pop("choices", None)
                assert body == to_json(service.answer(entry.name, argument), lang)


# -- errors -----------------------------------------------------------------------------------


def test_not_found_has_suggestions(client: TestClient) -> None:
    status, body = get(client, "/productoras/columbia pictures studios")
    assert status == 404
    assert body["error"] == "not_found"
    assert any(s.startswith("Columbia Pictures · ") for s in body["suggestions"])
    assert get(client, "/franquicia/zzzz qqq") == (
        404,
        {
            "command": "franquicia",
            "error": "not_found",
            "query": "zzzz qqq",
            "suggestions": [],
            "choices": [],
        },
    )


def test_ambiguous_lists_the_choices_and_each_choice_answers(client: TestClient) -> None:
    status, body = get(client, "/peliculas_pais/corea")
    assert status == 409
    assert body["error"] == "ambiguous"
    assert body["suggestions"] == ["Corea del Sur", "Corea del Norte"]
    assert [c["url"] for c in body["choices"]] == ["/peliculas_pais/KR", "/peliculas_pais/KP"]
    assert get(client, body["choices"][0]["url"])[1]["iso"] == "KR"
    english = get(client, "/peliculas_pais/corea?lang=en")[1]
    assert english["suggestions"] == ["South Korea", "North Korea"]
    assert english["choices"][0]["url"] == "/peliculas_pais/KR?lang=en"
    star = get(client, "/franquicia/star")[1]
    labels = [label.split(" · ")[0] for label in star["suggestions"]]  # "Name · films"
    assert "Star Wars Collection" in labels
    followed = get(client, star["choices"][labels.index("Star Wars Collection")]["url"])
    assert followed[0] == 200 and followed[1]["collection"] == "Star Wars Collection"


@pytest.mark.parametrize(
    ("argument", "reason"),
    [
        ("", "empty"),
        ("%20%20", "empty"),
        ("%09", "control"),
        ("enero%00", "control"),
        ("ene%0Aro", "control"),
        ("x" * 201, "too_long"),
    ],
)
def test_unusable_input_is_422(client: TestClient, argument: str, reason: str) -> None:
    for entry in COMMANDS:
        status, body = get(client, f"/{entry.web_path}/{argument}")
        assert status == 422, (entry.web_path, argument)
        assert body["error"] == "invalid_input" and body["reason"] == reason
        assert body["detail"]
    assert get(client, "/peliculas_mes/" + "x" * 200)[0] == 404  # 200 characters are fine


def test_bad_parameters_and_unknown_paths(client: TestClient) -> None:
    status, body = get(client, "/peliculas_mes/enero?lang=fr")
    assert status == 422 and body["reason"] == "bad_parameter" and "lang" in body["detail"]
    status, body = get(client, "/preguntar")
    assert status == 422 and "q" in body["detail"]
    status, body = get(client, "/peliculas_anio/1995")
    assert status == 404 and body["error"] == "no_such_path" and "/docs" in body["paths"]
    response = client.post("/peliculas_mes/enero")
    assert response.status_code == 405 and response.json()["error"] == "method_not_allowed"
    assert client.post("/telegram", content=b"{}").status_code == 404  # no token: no webhook


HOSTILE = [
    "ñandú",
    "Ünïcödé",
    "東京物語",
    "ملك",
    "🎬",
    "🎬🍿👨‍👩‍👧",
    "%00",
    "a%00b",
    "%FF%FE",
    "%C3",
    "..%2F..%2Fetc%2Fpasswd",
    "../../etc/passwd",
    "%2e%2e%2f%2e%2e%2f",
    "....//",
    "/",
    "//x",
    "%23",
    "%23abc",
    "%2399999999999999999999999",
    "%23-1",
    "~",
    "~zzzz",
    "%7E1a2b3c4d5e",
    "²",
    "١٢",
    "%E2%80%AE",
    "%E2%80%8B",
    "'%20OR%201=1%20--",
    "<script>alert(1)</script>",
    "%25s%25s%25n",
    "{{7*7}}",
    "${jndi:x}",
    "null",
    "[]",
    "0",
    "-1",
    "13",
    "99999999999999",
    "1e400",
    "NaN",
    "%5C",
    "a" * 10_000,
    "🎬" * 300,
    "%F0%9F%8E%AC" * 50,
    "%20" * 300,
]


def test_hostile_input_never_breaks_an_endpoint(client: TestClient) -> None:
    urls = [f"/{entry.web_path}/{text}" for entry in COMMANDS for text in HOSTILE]
    urls += [f"/preguntar?q={text}" for text in HOSTILE]
    urls += [f"/ask?q=/retorno%20{text}&lang=en" for text in HOSTILE]
    urls += [f"/peliculas_mes/enero?lang={text}" for text in HOSTILE[:12]]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404, 409, 422), (url[:80], response.status_code)
        body = response.json()
        if response.status_code != 200:
            assert body["error"], url[:80]
        json.dumps(body, ensure_ascii=False).encode("utf-8")  # valid UTF-8 all the way


# -- /preguntar -------------------------------------------------------------------------------


def test_ask_answers_like_a_private_chat(client: TestClient, movies: pd.DataFrame) -> None:
    january = int((movies["release_date"].dt.month == 1).sum())
    status, body = get(client, "/preguntar?q=/mes enero")
    assert status == 200 and body["count"] == january
    assert body["text"].startswith(
        f"🗓️ En enero se estrenaron {january} películas (sumando todos los años)."
    )
    assert get(client, "/preguntar?q=mes enero") == (status, body)  # the slash is optional
    assert get(client, "/ask?q=/mes%20enero") == (status, body)
    words = get(client, "/preguntar?q=¿cuántas películas se estrenaron en enero?")
    assert words[0] == 200 and words[1]["command"] == "mes" and words[1]["count"] == january
    english = get(client, "/ask?q=/month january&lang=en")[1]
    assert english["text"].startswith("🗓️ ") and "January" in english["text"]
    status, body = get(client, "/preguntar?q=/pais corea")
    assert status == 409 and "• Corea del Sur" in body["text"]
    status, body = get(client, "/preguntar?q=titanic")
    assert status == 200 and body["command"] == "pelicula" and body["year"] == 1997
    status, body = get(client, "/preguntar?q=qwxz zzkq")
    assert status == 422 and body["error"] == "not_understood" and body["suggestions"]
    status, body = get(client, "/preguntar?q=/pelis enero")
    assert status == 422 and body["error"] == "unknown_command"


# -- health and docs ------------------------------------------------------------------------


def test_health_when_loaded(client: TestClient, movies: pd.DataFrame, real_data_dir: Path) -> None:
    assert get(client, "/health") == (
        200,
        {
            "status": "ok",
            "movies": len(movies),
            "build": (real_data_dir / "CURRENT").read_text().strip(),
            "sample": False,
            "telegram": "off",
            "ready": True,
            "last_update_age_s": None,
        },
    )
    assert get(client, "/health/telegram") == (
        503,
        {"telegram": "off", "ready": True, "last_update_age_s": None},
    )


def test_503_until_the_catalog_is_loaded(tmp_path: Path) -> None:
    client = TestClient(create_app(Runtime(tmp_path)))  # no lifespan: nothing loads
    status, body = get(client, "/health")
    assert status == 503 and body["status"] == "loading" and body["movies"] is None
    response = client.get("/peliculas_mes/enero?lang=en")
    assert response.status_code == 503
    assert response.headers["retry-after"] == "10"
    assert response.json() == {
        "error": "unavailable",
        "reason": "loading",
        "detail": "Loading the movie catalog; try again in a few seconds.",
    }


def test_openapi_documents_every_endpoint_in_spanish(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "Escribir es indulgente" in schema["info"]["description"]
    for entry in COMMANDS:
        [path] = [p for p in schema["paths"] if p.startswith(f"/{entry.web_path}/")]
        operation = schema["paths"][path]["get"]
        assert operation["summary"] and "Ejemplo:" in operation["description"]
        example = operation["responses"]["200"]["content"]["application/json"]["example"]
        # the OpenAPI document leaves out keys whose value is null
        assert example == _without_none(docs.EXAMPLES[entry.name])  # OpenAPI drops nulls
        [parameter] = [p for p in operation["parameters"] if p["in"] == "path"]
        argument = i18n.text(f"cmd.{entry.name}.example", "es")
        assert parameter["examples"][argument]["value"] == argument
        assert parameter["description"]
    assert {"/preguntar", "/health"} <= set(schema["paths"])
    assert "/ask" not in schema["paths"]  # an alias, documented with /preguntar
    page = client.get("/docs")
    assert page.status_code == 200 and "swagger" in page.text.lower()


def _without_none(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


def test_doc_examples_have_the_keys_of_real_answers(service: MovieService) -> None:
    arguments = {
        "mes": "enero",
        "dia": "sábado",
        "franquicia": "toy story",
        "pais": "reino unido",
        "productora": "pixar",
        "retorno": "titanic",
        "recomendar": "toy story",
        "buscar": "terror 80s",
    }
    for name, argument in arguments.items():
        real = to_json(service.answer(name, argument))
        assert set(docs.EXAMPLES[name]) == set(real), name
        assert docs.EXAMPLES[name] == docs.EXAMPLES[name] | {"command": real["command"]}
    assert set(docs.AMBIGUOUS_EXAMPLE) - {"choices"} == set(
        to_json(service.answer("pais", "corea"))
    )


def test_films_carry_their_spanish_title_when_it_differs(client: TestClient) -> None:
    body = client.get("/retorno/el padrino").json()
    assert (body["id"], body["title"], body["title_es"]) == (238, "The Godfather", "El padrino")
    body = client.get("/retorno/titanic").json()
    assert (body["id"], body["title_es"]) == (597, None)  # the same title in Spanish


def test_search_lists_pass_their_filters_with_the_source_figures(
    client: TestClient, movies: pd.DataFrame
) -> None:
    status, body = get(client, "/buscar?genero=terror&desde=1980&hasta=1989&orden=valoracion")
    assert status == 200 and body["command"] == "buscar" and body["page"] == 1
    horror = movies[
        movies["genres"].map(lambda g: "Horror" in list(g))
        & movies["release_year"].between(1980, 1989)
    ]
    assert body["count"] == len(horror)
    by_id = horror.set_index("id")
    for film in body["movies"]:
        row = by_id.loc[film["id"]]
        assert film["vote_average"] == float(row["vote_average"])  # as the source says it
        assert film["vote_count"] == int(row["vote_count"])
    status, body = get(client, "/buscar?q=cuantas peliculas de terror de los 80")
    assert (status, body["intent"], body["count"]) == (200, "count", len(horror))
