"""The service's own endpoints: ``/health``, ``/health/telegram`` and ``/`` (to the docs)."""

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, RedirectResponse

from bot.web import docs, models
from bot.web.answering import current_runtime
from bot.web.runtime import Runtime

router = APIRouter(tags=["servicio"])


@router.get(
    "/health",
    summary="Estado del servicio",
    description="200 cuando el catálogo está cargado y la API responde, sea cual sea el "
    "estado del bot; 503 si no. `telegram`: `ok`, `starting`, `off` (sin bot en este proceso) "
    "o `error: …` (por qué el bot calla); `ready`: la API y, si lo hay, el bot funcionan; "
    "`sample`: el catálogo es la muestra incluida.",
    response_class=JSONResponse,
    responses={
        200: {
            "model": models.HealthBody,
            "description": "La API responde",
            "content": {"application/json": {"example": docs.HEALTH_EXAMPLE}},
        },
        503: {"model": models.HealthBody, "description": "El catálogo aún no está cargado"},
    },
)
async def health(runtime: Annotated[Runtime, Depends(current_runtime)]) -> JSONResponse:
    status, body = runtime.health()
    return JSONResponse(body, status_code=status)


@router.get(
    "/health/telegram",
    summary="Estado del bot de Telegram",
    description="200 solo cuando el bot recibe y procesa actualizaciones (`telegram`: `ok`); "
    "503 si arranca, está apagado o falla, con el motivo.",
    response_class=JSONResponse,
    responses={
        200: {
            "model": models.TelegramHealthBody,
            "description": "El bot funciona",
            "content": {"application/json": {"example": docs.TELEGRAM_HEALTH_EXAMPLE}},
        },
        503: {"model": models.TelegramHealthBody, "description": "El bot no responde"},
    },
)
async def telegram_health(
    runtime: Annotated[Runtime, Depends(current_runtime)],
) -> JSONResponse:
    status, body = runtime.telegram_health()
    return JSONResponse(body, status_code=status)


@router.get("/", include_in_schema=False)
async def home() -> RedirectResponse:
    return RedirectResponse("/docs")  # relative: never names the Host the client sent
