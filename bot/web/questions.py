"""The question endpoints: one per command of the table (``handlers.commands``), each at
``GET /<web_path>/<argument>``, ``/buscar`` with words or structured filters, and
``/preguntar`` (also ``/ask``) for plain words."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse

from bot import i18n
from bot.render import render_text
from bot.web import docs, models
from bot.web.answering import (
    NUMBERED,
    Lang,
    Service,
    example_path,
    input_problem,
    invalid,
    out_of_range,
    reply,
)
from bot.web.plain import ask_plain
from bot.web.search import SearchParams, query_from_params
from handlers.commands import COMMANDS, Command
from handlers.query import Query as QueryModel

router = APIRouter(tags=["preguntas"])


def _question_route(entry: Command) -> None:
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
        service: Service,
        lang: Lang = "es",
    ) -> JSONResponse:
        if problem := input_problem(value) or out_of_range(entry.argument, value):
            top = NUMBERED.get(entry.argument, 0)
            return invalid(problem, lang, example_path(entry.name, lang), top)
        return reply(service.answer(entry.name, value), lang)

    router.add_api_route(
        f"/{entry.web_path}/{{{param}:anytext}}",
        question,
        methods=["GET"],
        name=entry.name,
        summary=description[:1].upper() + description[1:],
        description=f"Ejemplo: `{example_path(entry.name)}`. Mismo resultado que "
        f'`pelibot ask --json "/{entry.name} {example}"`.'
        + "".join(f" También en `/{alias}/…`." for alias in entry.web_aliases),
        responses=docs.responses(docs.EXAMPLES[entry.name], models.ANSWERS[entry.name]),
    )
    for alias in entry.web_aliases:  # the original project's names, answering the same
        router.add_api_route(
            f"/{alias}/{{{param}:anytext}}",
            question,
            methods=["GET"],
            name=f"{entry.name}_{alias}",
            include_in_schema=False,
        )


async def search(
    params: Annotated[SearchParams, Depends()],
    service: Service,
    q: Annotated[
        str | None,
        Query(
            description="La consulta en palabras (como en el chat); sin ella, los filtros.",
            examples=["pelis de terror de los 80", "las más taquilleras de 1997"],
        ),
    ] = None,
    lang: Lang = "es",
) -> JSONResponse:
    if q is not None:
        if problem := input_problem(q):
            return invalid(problem, lang, "/buscar?q=terror 80s")
        return reply(service.answer("buscar", q), lang)
    for text in (v for v in vars(params).values() if isinstance(v, str)):
        if problem := input_problem(text):
            return invalid(problem, lang, "/buscar?genero=terror&desde=1980&hasta=1989")
    found = query_from_params(service, params)
    answer = service.run_query(found) if isinstance(found, QueryModel) else found
    return reply(answer, lang)


router.add_api_route(
    "/buscar",
    search,
    methods=["GET"],
    summary="Buscar películas: filtros, listas, las mejores, tops",
    description="Con `q`, una consulta en palabras (`/buscar?q=pelis de terror de los 80`). "
    "Sin ella, filtros: `genero`, `desde`, `hasta`, `anio`, `mes`, `dia`, `pais`, `idioma`, "
    "`productora`, `franquicia`, `duracion_min`, `duracion_max`, `nota_min`, `nota_max`; "
    "`orden` (valoracion, peores, taquilla, presupuesto, retorno, votos, mas_largas, "
    "mas_cortas, recientes, antiguas), `tipo` (lista, cuenta, azar) y `pagina` (10 por "
    "página). Ejemplo: `/buscar?genero=terror&desde=1980&hasta=1989&orden=valoracion"
    "&pagina=2`. Mejores = media bayesiana (véase el README).",
    responses=docs.responses(docs.EXAMPLES["buscar"], models.SearchBody),
)

for _entry in COMMANDS:
    _question_route(_entry)


async def ask(
    q: Annotated[
        str,
        Query(
            description="La pregunta, como en un chat privado con el bot.",
            examples=["/mes enero", "retorno titanic"],
        ),
    ],
    service: Service,
    lang: Lang = "es",
) -> JSONResponse:
    if problem := input_problem(q):
        return invalid(problem, lang, "/preguntar?q=/mes enero")
    answer = ask_plain(service, q)
    return reply(answer, lang, text=render_text(answer, lang))


for _path, _listed in (("/preguntar", True), ("/ask", False)):
    router.add_api_route(
        _path,
        ask,
        methods=["GET"],
        include_in_schema=_listed,
        summary="Pregunta libre, como en un chat privado",
        description="Responde lo mismo que el bot en un chat privado, con el texto de la "
        "respuesta en `text`: preguntas en palabras (`¿cuánto recaudó titanic?`, `pelis "
        "como alien`), un título a secas (ficha de la película) o un comando (`/mes enero`). "
        "También en `/ask`.",
        responses=docs.asked_responses(
            docs.EXAMPLES["mes"]
            | {"text": "🗓️ En enero se estrenaron 376 películas (sumando todos los años)."}
        ),
    )
