"""What the API's endpoints share: the catalog as a dependency, the checks of what is asked,
and answers turned into JSON responses with the status that says how it went."""

import unicodedata
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.convertors import PathConvertor, register_url_convertor

from bot import i18n
from bot.render import choice_label, choices_of, to_json
from bot.web.runtime import Runtime
from handlers import answers as a
from handlers.commands import command
from handlers.service import MovieService
from handlers.text import MAX_QUERY_CHARS

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
NUMBERED: dict[str, int] = {"month": 12, "weekday": 7}
"""Arguments that may be given as a number from 1 to this."""


class AnyTextConvertor(PathConvertor):
    """A path argument that may hold anything, new lines too (which are then refused with a
    422 rather than a 404)."""

    regex = r"[\s\S]*"


register_url_convertor("anytext", AnyTextConvertor())


class Unavailable(Exception):
    """The catalog is not loaded (yet): 503."""


def current_runtime(request: Request) -> Runtime:
    """The runtime the app was created over."""
    runtime = request.app.state.runtime
    assert isinstance(runtime, Runtime)
    return runtime


def current_service(runtime: Annotated[Runtime, Depends(current_runtime)]) -> MovieService:
    """The movie service; ``Unavailable`` (503) while the catalog is not loaded."""
    if runtime.service is None:
        raise Unavailable(runtime.state)
    return runtime.service


Service = Annotated[MovieService, Depends(current_service)]


def lang_of(request: Request) -> str:
    return i18n.language_of(request.query_params.get("lang"))


def input_problem(text: str) -> str | None:
    """Why ``text`` cannot be asked about (empty, too_long, control), or None when it can."""
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in text):
        return "control"
    if not text.strip():
        return "empty"
    if len(text) > MAX_QUERY_CHARS:
        return "too_long"
    return None


def out_of_range(argument: str, text: str) -> str | None:
    """``out_of_range`` for a month or weekday number that is none ("13", "0"), else None."""
    top = NUMBERED.get(argument)
    digits = text.strip()
    if top is None or not digits.isdecimal() or 1 <= int(digits) <= top:
        return None
    return "out_of_range"


def invalid(reason: str, lang: str, example: str = "", top: int = 0) -> JSONResponse:
    """422 ``invalid_input``, saying why in ``lang``."""
    detail = i18n.text(
        f"web.{reason}", lang, limit=MAX_QUERY_CHARS, example=example, name=example, top=top
    )
    body = {"error": "invalid_input", "reason": reason, "detail": detail, "suggestions": []}
    return JSONResponse(body, status_code=422)


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
    return JSONResponse(body, status_code=STATUS.get(type(answer), 200))


def example_path(name: str, lang: str = "es") -> str:
    return f"/{command(name).web_path}/{i18n.text(f'cmd.{name}.example', lang)}"
