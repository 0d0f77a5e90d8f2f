"""The FastAPI app of ``pelibot serve``: the original project's API, ``/preguntar``, ``/health``
and the Telegram webhook, each a router of its own (``questions``, ``status``,
``telegram_route``), with the errors in the API's JSON shape.

The question endpoints answer with ``bot.render.to_json``, the JSON of ``pelibot ask --json``
(described by ``bot.web.models``), with the status saying how it went (200, 404 not found, 409
ambiguous, 422 unusable input, 503 catalog not loaded yet). User input never causes a 500.
"""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot import i18n
from bot.web import docs, questions, status
from bot.web.answering import Unavailable, invalid, lang_of
from bot.web.runtime import Runtime
from bot.web.telegram_route import webhook_router
from handlers.commands import COMMANDS

log = logging.getLogger("pelibot")


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
        docs_url=None,  # served below from this app's own files
        redoc_url=None,
        openapi_url="/openapi.json",
        redirect_slashes=False,  # a redirect would name the Host header the client sent
    )
    app.state.runtime = runtime
    app.add_middleware(HeadAsGet)
    _docs(app)
    app.include_router(questions.router)
    app.include_router(status.router)
    if runtime.telegram is not None:
        app.include_router(webhook_router(runtime.telegram))
    _error_handlers(app)
    return app


SWAGGER_FILES = Path(fastapi_offline.__file__).parent / "static"
"""Swagger UI's script, style sheet and icon, shipped by the ``fastapi-offline`` package."""
SWAGGER_URL = "/static/swagger"


def _docs(app: FastAPI) -> None:
    """``/docs``: Swagger UI from files this app serves itself, so it renders offline
    (FastAPI's documented pattern for self-hosted docs assets)."""
    app.mount(SWAGGER_URL, StaticFiles(directory=SWAGGER_FILES), name="swagger")

    async def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title=f"{docs.TITLE} - Swagger UI",
            swagger_js_url=f"{SWAGGER_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{SWAGGER_URL}/swagger-ui.css",
            swagger_favicon_url=f"{SWAGGER_URL}/favicon.png",
        )

    app.add_api_route("/docs", swagger, methods=["GET"], include_in_schema=False)


class HeadAsGet:
    """HEAD answered wherever GET is, with the GET's status and headers and no body (FastAPI's
    routes answer only the methods they list)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def bodiless(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, bodiless)


def _error_handlers(app: FastAPI) -> None:
    """Errors in the API's own JSON shape, in the asker's language."""

    async def unavailable(request: Request, error: Exception) -> JSONResponse:
        lang = lang_of(request)
        reason = str(error) if str(error) == "no_catalog" else "loading"
        detail = i18n.text(f"web.{reason}", lang)
        body = {"error": "unavailable", "reason": reason, "detail": detail}
        return JSONResponse(body, status_code=503, headers={"Retry-After": "10"})

    async def bad_parameter(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        names = sorted({str(e.get("loc", ("", "?"))[-1]) for e in error.errors()})
        return invalid("bad_parameter", lang_of(request), ", ".join(names))

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        lang = lang_of(request)
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
        body = {"error": "internal", "detail": i18n.text("web.internal", lang_of(request))}
        return JSONResponse(body, status_code=500)

    app.add_exception_handler(Unavailable, unavailable)
    app.add_exception_handler(RequestValidationError, bad_parameter)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, internal)
