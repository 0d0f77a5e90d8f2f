"""The FastAPI app of ``pelibot serve``: the original project's API, ``/preguntar``, ``/health``
and the Telegram webhook.

The question endpoints are derived from the command table (``handlers.commands``): each command
is served at ``GET /<web_path>/<argument>`` and answers with ``bot.render.to_json``, the JSON of
``pelibot ask --json``, with the status saying how it went (200, 404 not found, 409 ambiguous,
422 unusable input, 503 catalog not loaded yet). User input never causes a 500.

No ``from __future__ import annotations`` here: FastAPI reads the endpoints' annotations, which
are built per command at run time.
"""

import json
import logging
import unicodedata
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.convertors import PathConvertor, register_url_convertor
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot import i18n
from bot.render import choice_label, choices_of, render_text, to_json
from bot.web import docs
from bot.web.plain import ask_plain
from bot.web.runtime import Runtime
from bot.web.search import SearchParams, query_from_params
from handlers import answers as a
from handlers.commands import COMMANDS, Command, command
from handlers.query import Query as QueryModel
from handlers.service import MovieService
from handlers.text import MAX_QUERY_CHARS

log = logging.getLogger("pelibot")

MAX_WEBHOOK_BODY = 1024 * 1024
"""Telegram updates are a few KB; a larger body is refused with 413."""
MAX_DRAINED = 4 * MAX_WEBHOOK_BODY
"""Up to this size a refused body is still read, so the sender can read the 413."""

Lang = Annotated[
    Literal["es", "en"],
    Query(description="Idioma de los textos de la respuesta: es (por defecto) o en."),
]
STATUS: dict[type, int] = {
    a.NotFoundAnswer: 404,
    a.AmbiguousAnswer: 409,
    a.UsageAnswer: 422,
    a.UnknownCommandAnswer: 422,
    a.ClarifyAnswer: 409,
    a.NotUnderstoodAnswer: 422,
}


class AnyTextConvertor(PathConvertor):
    """A path argument that may hold anything, new lines too (which are then refused with a
    422 rather than a 404)."""

    regex = r"[\s\S]*"


register_url_convertor("anytext", AnyTextConvertor())


class Unavailable(Exception):
    """The catalog is not loaded (yet): 503."""


def _json(body: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse(body, status_code=status)


def _lang_of(request: Request) -> str:
    return i18n.language_of(request.query_params.get("lang"))


def _service(runtime: Runtime) -> MovieService:
    if runtime.service is None:
        raise Unavailable(runtime.state)
    return runtime.service


def input_problem(text: str) -> str | None:
    """Why ``text`` cannot be asked about (empty, too_long, control), or None when it can."""
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in text):
        return "control"
    if not text.strip():
        return "empty"
    if len(text) > MAX_QUERY_CHARS:
        return "too_long"
    return None


def _invalid(reason: str, lang: str, example: str = "") -> JSONResponse:
    detail = i18n.text(f"web.{reason}", lang, limit=MAX_QUERY_CHARS, example=example, name=example)
    body = {"error": "invalid_input", "reason": reason, "detail": detail, "suggestions": []}
    return _json(body, 422)


def _choices(answer: a.Answer, lang: str) -> list[dict[str, str]]:
    """Each candidate of a not-found or ambiguous answer, with the address that answers it."""
    suffix = "?lang=en" if lang == "en" else ""
    path = command(answer.command).web_path
    return [
        {
            "label": choice_label(answer.command, choice, lang),
            "url": f"/{path}/{quote(choice.key, safe='')}{suffix}",
        }
        for choice in choices_of(answer)
    ]


def reply(answer: a.Answer, lang: str, **extra: Any) -> JSONResponse:
    """An answer as JSON (``to_json``), with the status that says how it went."""
    body = to_json(answer, lang) | extra
    if isinstance(answer, a.NotFoundAnswer | a.AmbiguousAnswer):
        body["choices"] = _choices(answer, lang)
    return _json(body, STATUS.get(type(answer), 200))


def _example(name: str, lang: str = "es") -> str:
    return f"/{command(name).web_path}/{i18n.text(f'cmd.{name}.example', lang)}"


def _question_route(app: FastAPI, runtime: Runtime, entry: Command) -> None:
    """``GET /<web_path>/{argument}`` for one command of the table."""
    param, about = docs.PARAMETERS[entry.argument]
    example = i18n.text(f"cmd.{entry.name}.example", "es")
    description = i18n.text(f"cmd.{entry.name}.description", "es")

    async def question(
        value: Annotated[
            str,
            Path(
                alias=param,
                description=about,
                openapi_examples={
                    example: {"summary": f"/{entry.web_path}/{example}", "value": example}
                },
            ),
        ],
        lang: Lang = "es",
    ) -> JSONResponse:
        if problem := input_problem(value):
            return _invalid(problem, lang, _example(entry.name, lang))
        return reply(_service(runtime).answer(entry.name, value), lang)

    app.add_api_route(
        f"/{entry.web_path}/{{{param}:anytext}}",
        question,
        methods=["GET"],
        name=entry.name,
        summary=description[:1].upper() + description[1:],
        description=f"Ejemplo: `{_example(entry.name)}`. Mismo resultado que "
        f'`pelibot ask --json "/{entry.name} {example}"`.',
        responses=docs.responses(docs.EXAMPLES[entry.name]),
        tags=["preguntas"],
    )


def create_app(runtime: Runtime) -> FastAPI:
    """The ASGI app over ``runtime`` (its catalog and Telegram side start in the lifespan)."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        runtime.start()
        try:
            yield
        finally:
            await runtime.stop()

    app = FastAPI(
        title=docs.TITLE,
        description=docs.DESCRIPTION,
        version="1",
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.runtime = runtime
    for entry in COMMANDS:
        _question_route(app, runtime, entry)

    async def ask(
        q: Annotated[
            str,
            Query(
                description="La pregunta, como en un chat privado con el bot.",
                examples=["/mes enero", "retorno titanic"],
            ),
        ],
        lang: Lang = "es",
    ) -> JSONResponse:
        if problem := input_problem(q):
            return _invalid(problem, lang, "/preguntar?q=/mes enero")
        answer = ask_plain(_service(runtime), q)
        return reply(answer, lang, text=render_text(answer, lang))

    async def search(
        params: Annotated[SearchParams, Depends()],
        q: Annotated[
            str | None,
            Query(
                description="La consulta en palabras (como en el chat); sin ella, los filtros.",
                examples=["pelis de terror de los 80", "las más taquilleras de 1997"],
            ),
        ] = None,
        lang: Lang = "es",
    ) -> JSONResponse:
        service = _service(runtime)
        if q is not None:
            if problem := input_problem(q):
                return _invalid(problem, lang, "/buscar?q=terror 80s")
            return reply(service.answer("buscar", q), lang)
        for text in (v for v in vars(params).values() if isinstance(v, str)):
            if problem := input_problem(text):
                return _invalid(problem, lang, "/buscar?genero=terror&desde=1980&hasta=1989")
        found = query_from_params(service, params)
        answer = service.run_query(found) if isinstance(found, QueryModel) else found
        return reply(answer, lang)

    app.add_api_route(
        "/buscar",
        search,
        methods=["GET"],
        tags=["preguntas"],
        summary="Buscar películas: filtros, listas, las mejores, tops",
        description="Con `q`, una consulta en palabras (`/buscar?q=pelis de terror de los 80`). "
        "Sin ella, filtros: `genero`, `desde`, `hasta`, `anio`, `mes`, `dia`, `pais`, `idioma`, "
        "`productora`, `franquicia`, `duracion_min`, `duracion_max`, `nota_min`, `nota_max`; "
        "`orden` (valoracion, peores, taquilla, presupuesto, retorno, votos, mas_largas, "
        "mas_cortas, recientes, antiguas), `tipo` (lista, cuenta, azar) y `pagina` (10 por "
        "página). Ejemplo: `/buscar?genero=terror&desde=1980&hasta=1989&orden=valoracion"
        "&pagina=2`. Mejores = media bayesiana (véase el README).",
        responses=docs.responses(docs.EXAMPLES["buscar"]),
    )

    for path, listed in (("/preguntar", True), ("/ask", False)):
        app.add_api_route(
            path,
            ask,
            methods=["GET"],
            include_in_schema=listed,
            tags=["preguntas"],
            summary="Pregunta libre, como en un chat privado",
            description="Responde lo mismo que el bot en un chat privado, con el texto de la "
            "respuesta en `text`: preguntas en palabras (`¿cuánto recaudó titanic?`, `pelis "
            "como alien`), un título a secas (ficha de la película) o un comando (`/mes enero`). "
            "También en `/ask`.",
            responses=docs.responses(
                docs.EXAMPLES["mes"]
                | {"text": "🗓️ En enero se estrenaron 376 películas (sumando todos los años)."}
            ),
        )

    async def health() -> JSONResponse:
        status, body = runtime.health()
        return _json(body, status)

    app.add_api_route(
        "/health",
        health,
        methods=["GET"],
        tags=["servicio"],
        summary="Estado del servicio",
        description="200 cuando el catálogo está cargado y la API responde, sea cual sea el "
        "estado del bot; 503 si no. `telegram`: `ok`, `starting`, `off` (sin bot en este "
        "proceso) o `error: …` (por qué el bot calla); `ready`: la API y, si lo hay, el bot "
        "funcionan; `sample`: el catálogo es la muestra incluida.",
        responses={
            200: {
                "description": "La API responde",
                "content": {"application/json": {"example": docs.HEALTH_EXAMPLE}},
            },
            503: {"description": "El catálogo aún no está cargado"},
        },
    )

    async def telegram_health() -> JSONResponse:
        status, body = runtime.telegram_health()
        return _json(body, status)

    app.add_api_route(
        "/health/telegram",
        telegram_health,
        methods=["GET"],
        tags=["servicio"],
        summary="Estado del bot de Telegram",
        description="200 solo cuando el bot recibe y procesa actualizaciones (`telegram`: "
        "`ok`); 503 si arranca, está apagado o falla, con el motivo.",
        responses={
            200: {
                "description": "El bot funciona",
                "content": {"application/json": {"example": docs.TELEGRAM_HEALTH_EXAMPLE}},
            },
            503: {"description": "El bot no responde"},
        },
    )

    async def home() -> RedirectResponse:
        return RedirectResponse("/docs")

    app.add_api_route("/", home, methods=["GET"], include_in_schema=False)
    if runtime.telegram is not None:
        app.add_api_route(
            runtime.telegram.settings.path,
            _webhook(runtime),
            methods=["POST"],
            include_in_schema=False,
        )
    _error_handlers(app)
    return app


def _webhook(runtime: Runtime) -> Callable[[Request], Awaitable[Response]]:
    """The route Telegram posts updates to: secret checked, body bounded, update queued."""
    bridge = runtime.telegram
    assert bridge is not None

    async def telegram_update(request: Request) -> Response:
        if not bridge.secret_ok(request.headers.get("x-telegram-bot-api-secret-token")):
            return Response(status_code=403)
        length = request.headers.get("content-length", "0")
        if not length.isdecimal() or int(length) > MAX_DRAINED:
            return Response(status_code=413)
        body, received = bytearray(), 0
        async for chunk in request.stream():  # read to the end, so the sender gets the 413
            received += len(chunk)
            if received > MAX_DRAINED:
                return Response(status_code=413)
            if received <= MAX_WEBHOOK_BODY:
                body += chunk
        if received > MAX_WEBHOOK_BODY:
            return Response(status_code=413)
        if not bridge.ready:
            return Response(status_code=503)  # Telegram retries later
        try:
            await bridge.put(json.loads(body))
        except ValueError:  # not JSON, not UTF-8, or not an update
            return Response(status_code=400)
        return Response(status_code=200)

    return telegram_update


def _error_handlers(app: FastAPI) -> None:
    """Errors in the API's own JSON shape, in the asker's language."""

    async def unavailable(request: Request, error: Exception) -> JSONResponse:
        lang = _lang_of(request)
        reason = str(error) if str(error) == "no_catalog" else "loading"
        detail = i18n.text(f"web.{reason}", lang)
        body = {"error": "unavailable", "reason": reason, "detail": detail}
        return JSONResponse(body, status_code=503, headers={"Retry-After": "10"})

    async def invalid(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        names = sorted({str(e.get("loc", ("", "?"))[-1]) for e in error.errors()})
        return _invalid("bad_parameter", _lang_of(request), ", ".join(names))

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        lang = _lang_of(request)
        if error.status_code == 404:
            paths = [f"/{c.web_path}/…" for c in COMMANDS] + ["/preguntar?q=…", "/docs"]
            body = {
                "error": "no_such_path",
                "detail": i18n.text("web.no_such_path", lang),
                "paths": paths,
            }
        elif error.status_code == 405:
            body = {"error": "method_not_allowed", "detail": i18n.text("web.method", lang)}
        else:
            body = {"error": f"http_{error.status_code}", "detail": str(error.detail)}
        return JSONResponse(body, status_code=error.status_code, headers=error.headers)

    async def internal(request: Request, error: Exception) -> JSONResponse:
        log.exception("error answering %s", request.url.path, exc_info=error)
        body = {"error": "internal", "detail": i18n.text("web.internal", _lang_of(request))}
        return JSONResponse(body, status_code=500)

    app.add_exception_handler(Unavailable, unavailable)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, internal)
