"""Interface strings the Telegram handlers need beyond the rendered answers (es / en).

Answers themselves are rendered by ``bot.render``; these are the short texts around them:
apologies, stale buttons, chart captions and the inline-mode labels. Every text is plain
(no HTML); callers escape where needed.
"""

from __future__ import annotations

from typing import Final

_TEXTS: Final[dict[str, dict[str, str]]] = {
    "apology": {
        "es": "Uy, algo falló al responder. Prueba otra vez en un momento.",
        "en": "Sorry, something went wrong. Please try again in a moment.",
    },
    "stale_button": {
        "es": "Ese botón ya no sirve. Vuelve a preguntar con el comando.",
        "en": "That button no longer works. Please ask again with the command.",
    },
    "chart_button": {"es": "📊 Gráfico", "en": "📊 Chart"},
    "chart_caption": {"es": "📊 {label}", "en": "📊 {label}"},
    "chart_unavailable": {
        "es": "No hay gráfico para esta respuesta.",
        "en": "There is no chart for this answer.",
    },
    "chart_working": {"es": "Dibujando el gráfico…", "en": "Drawing the chart…"},
    "private_hint": {
        "es": "Pregúntame con un comando, por ejemplo /retorno titanic. /help los muestra todos.",
        "en": "Ask me with a command, for example /return titanic. /help lists them all.",
    },
    "unknown_command": {
        "es": "No conozco ese comando. /help muestra los que entiendo.",
        "en": "I don't know that command. /help lists the ones I understand.",
    },
    "inline_figures": {
        "es": "Presupuesto {budget} · Recaudación {revenue} · Retorno {ret}",
        "en": "Budget {budget} · Box office {revenue} · Return {ret}",
    },
    "inline_similar": {"es": "Parecidas: {titles}", "en": "Similar: {titles}"},
    "unknown_value": {"es": "sin datos", "en": "unknown"},
    "inline_prompt": {"es": "Escribe un título de película", "en": "Type a movie title"},
    "inline_none": {"es": "Ninguna película encaja", "en": "No movie matches"},
}


def text(key: str, lang: str = "es", **values: object) -> str:
    """The string ``key`` in ``lang`` (Spanish when the language is unknown), filled in."""
    variants = _TEXTS[key]
    template = variants.get(lang, variants["es"])
    return template.format(**values) if values else template


def keys() -> tuple[str, ...]:
    """All string keys (every one exists in Spanish and English)."""
    return tuple(_TEXTS)
