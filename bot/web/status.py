"""The service's own endpoints: ``/health`` and ``/`` (to the docs)."""

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
    description="200 cuando el catálogo está cargado (y, con Telegram, las actualizaciones "
    "se procesan); 503 si no.",
    response_class=JSONResponse,
    responses={
        200: {
            "model": models.HealthBody,
            "description": "Listo",
            "content": {"application/json": {"example": docs.HEALTH_EXAMPLE}},
        },
        503: {"model": models.HealthBody, "description": "Aún no listo"},
    },
)
async def health(runtime: Annotated[Runtime, Depends(current_runtime)]) -> JSONResponse:
    status, body = runtime.health()
    return JSONResponse(body, status_code=status)


@router.get("/", include_in_schema=False)
async def home() -> RedirectResponse:
    return RedirectResponse("/docs")  # relative: never names the Host the client sent
