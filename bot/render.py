"""Answers as chat text (plain or Telegram HTML, Spanish or English) and as JSON."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from babel.numbers import format_decimal

from handlers import answers as a
from handlers.calendar_names import month_name, weekday_name

TELEGRAM_LIMIT = 4096
ECHO_LIMIT = 60
LANGS = ("es", "en")

GENRES_ES = {
    "Action": "Acción", "Adventure": "Aventura", "Animation": "Animación", "Comedy": "Comedia",
    "Crime": "Crimen", "Documentary": "Documental", "Drama": "Drama", "Family": "Familia",
    "Fantasy": "Fantasía", "Foreign": "Extranjera", "History": "Historia", "Horror": "Terror",
    "Music": "Música", "Mystery": "Misterio", "Romance": "Romance",
    "Science Fiction": "Ciencia ficción", "TV Movie": "Película de TV", "Thriller": "Suspense",
    "War": "Bélica", "Western": "Western",
}  # fmt: skip
"""TMDB's fixed list of genres, in Spanish."""

EXAMPLES = {
    "mes": ("mes", "enero", "month", "January"),
    "dia": ("día", "sábado", "day", "Saturday"),
    "franquicia": ("franquicia", "toy story", "collection", "toy story"),
    "pais": ("país", "reino unido", "country", "United Kingdom"),
    "productora": ("productora", "pixar", "company", "pixar"),
    "retorno": ("película", "titanic", "title", "titanic"),
    "recomendar": ("película", "toy story", "title", "toy story"),
}  # fmt: skip

DESCRIPTIONS = {
    "mes": ("estrenos en un mes", "releases in a month"),
    "dia": ("estrenos en un día de la semana", "releases on a weekday"),
    "franquicia": ("películas y recaudación de una saga", "films and box office of a collection"),
    "pais": ("películas producidas en un país", "movies produced in a country"),
    "productora": ("películas y recaudación de una productora",
                   "films and box office of a company"),
    "retorno": ("presupuesto, recaudación y retorno", "budget, box office and return"),
    "recomendar": ("cinco películas parecidas", "five similar movies"),
}  # fmt: skip

KIND = {
    "mes": ("meses", "months"), "dia": ("días de la semana", "weekdays"),
    "franquicia": ("sagas", "collections"), "pais": ("países", "countries"),
    "productora": ("productoras", "companies"), "retorno": ("películas", "movies"),
    "recomendar": ("películas", "movies"),
}  # fmt: skip


def language_of(language_code: str | None) -> str:
    """Telegram's ``language_code`` → ``"en"`` for English, else Spanish."""
    return "en" if (language_code or "").lower().startswith("en") else "es"


def _t(lang: str, es: str, en: str) -> str:
    return en if lang == "en" else es


def number(value: float, lang: str, decimals: int = 0) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(value, format=pattern, locale=lang))


def money(value: float, lang: str) -> str:
    """es: ``US$ 1.937.890.605``; en: ``US$1,937,890,605``."""
    return ("US$" if lang == "en" else "US$ ") + number(round(value), lang)


def movies_word(count: int, lang: str) -> str:
    return f"{number(count, lang)} " + _t(lang, "película" if count == 1 else "películas",
                                          "movie" if count == 1 else "movies")


def genre(name: str, lang: str) -> str:
    return GENRES_ES.get(name, name) if lang == "es" else name


def _echo(text: str) -> str:
    return text if len(text) <= ECHO_LIMIT else text[: ECHO_LIMIT - 1] + "…"


@dataclass(frozen=True)
class _Style:
    """How to mark up text: plain for terminals, HTML for Telegram."""

    esc: Callable[[str], str]
    bold: Callable[[str], str]
    italic: Callable[[str], str]


PLAIN = _Style(esc=str, bold=str, italic=str)
HTML = _Style(
    esc=lambda s: html.escape(s, quote=False),
    bold=lambda s: f"<b>{html.escape(s, quote=False)}</b>",
    italic=lambda s: f"<i>{html.escape(s, quote=False)}</i>",
)


def render_text(answer: a.Answer, lang: str = "es") -> str:
    """Plain text, for the terminal."""
    return _render(answer, lang, PLAIN)


def render_html(answer: a.Answer, lang: str = "es") -> str:
    """Telegram HTML: every piece of data escaped; never over 4096 characters."""
    return _render(answer, lang, HTML)


def _render(answer: a.Answer, lang: str, s: _Style) -> str:
    lang = lang if lang in LANGS else "es"
    text = "\n".join(_lines(answer, lang, s))
    if len(text) > TELEGRAM_LIMIT:  # cannot happen with capped echoes; a last safety net
        text = text[: TELEGRAM_LIMIT - 1].rsplit("\n", 1)[0] + "\n…"
    return text


def _lines(answer: a.Answer, lang: str, s: _Style) -> list[str]:
    t = lambda es, en: _t(lang, es, en)  # noqa: E731
    match answer:
        case a.MonthAnswer(month=month, count=count):
            name = month_name(month, lang)
            return [t(f"🗓️ En {s.bold(name)} se estrenaron {s.bold(movies_word(count, lang))} "
                      "(sumando todos los años).",
                      f"🗓️ {s.bold(movies_word(count, lang))} were released in {s.bold(name)} "
                      "(all years together).")]
        case a.WeekdayAnswer(weekday=weekday, count=count):
            name = weekday_name(weekday, lang)
            return [t(f"📅 {s.bold(movies_word(count, lang))} se estrenaron un {s.bold(name)}.",
                      f"📅 {s.bold(movies_word(count, lang))} were released on a {s.bold(name)}.")]
        case a.CollectionAnswer():
            return [f"🎬 {s.bold(answer.collection)}",
                    t("Películas: ", "Films: ") + number(answer.count, lang),
                    *_revenue_lines(answer.count, answer.revenue_total, answer.revenue_known,
                                    lang, s, mean=answer.revenue_mean)]
        case a.CountryAnswer():
            name = answer.country_es if lang == "es" and answer.country_es else answer.country
            return [t(f"🌍 {s.bold(name)} ({s.esc(answer.iso)}): "
                      f"{s.bold(movies_word(answer.count, lang))} producidas allí.",
                      f"🌍 {s.bold(name)} ({s.esc(answer.iso)}): "
                      f"{s.bold(movies_word(answer.count, lang))} produced there.")]
        case a.CompanyAnswer():
            return [f"🏢 {s.bold(answer.company)}",
                    t("Películas: ", "Films: ") + number(answer.count, lang),
                    *_revenue_lines(answer.count, answer.revenue_total, answer.revenue_known,
                                    lang, s)]
        case a.ReturnAnswer():
            return _return_lines(answer, lang, s)
        case a.RecommendAnswer():
            return _recommend_lines(answer, lang, s)
        case a.UsageAnswer(command=command):
            return usage_lines(command, lang, s)
        case a.NotFoundAnswer(command=command, query=query, suggestions=suggestions):
            kind = KIND[command][lang == "en"]
            lines = [t(f"🤷 No encontré «{s.esc(_echo(query))}» entre los {kind}.",
                       f"🤷 I found no {kind} matching “{s.esc(_echo(query))}”.")]
            if command in ("franquicia", "productora", "retorno", "recomendar") and lang == "es":
                lines[0] = lines[0].replace("entre los", "entre las")
            if suggestions:
                lines.append(t("¿Quisiste decir…?", "Did you mean…?"))
                lines += [f"• {s.esc(c.label)}" for c in suggestions]
            return lines
        case a.AmbiguousAnswer(query=query, choices=choices):
            lines = [t(f"🤔 «{s.esc(_echo(query))}» puede ser varias cosas. ¿Cuál buscas?",
                       f"🤔 “{s.esc(_echo(query))}” could be several things. Which one?")]
            return lines + [f"• {s.esc(c.label)}" for c in choices]
        case a.UnknownCommandAnswer(command=command):
            return [t(f"No conozco el comando {s.esc(_echo(command))}. Escribe /help para ver "
                      "lo que sé hacer.",
                      f"I don't know the command {s.esc(_echo(command))}. Send /help to see "
                      "what I can do.")]
    raise TypeError(f"cannot render {answer!r}")


def _revenue_lines(count: int, total: int, known: int, lang: str, s: _Style,
                   mean: float | None = None) -> list[str]:
    t = lambda es, en: _t(lang, es, en)  # noqa: E731
    if known == 0:
        return [t("Recaudación: sin datos en el catálogo.", "Box office: not in the catalog.")]
    lines = [t("Recaudación total: ", "Total box office: ") + s.bold(money(total, lang))]
    if mean is not None:
        lines.append(t("Recaudación promedio: ", "Average box office: ") + money(mean, lang))
    if known < count:
        lines.append(s.italic(t(f"Recaudación conocida de {known} de {count} películas.",
                                f"Box office known for {known} of {count} films.")))
    return lines


def _return_lines(answer: a.ReturnAnswer, lang: str, s: _Style) -> list[str]:
    t = lambda es, en: _t(lang, es, en)  # noqa: E731
    unknown = t("sin datos", "unknown")
    lines = [f"💰 {s.bold(answer.movie.title)} ({answer.movie.year})",
             t("Presupuesto: ", "Budget: ") + (money(answer.budget, lang) if answer.budget
                                                else unknown),
             t("Recaudación: ", "Box office: ") + (money(answer.revenue, lang) if answer.revenue
                                                  else unknown)]
    if answer.profit is not None:
        label = t("Ganancia: ", "Profit: ") if answer.profit >= 0 else t("Pérdida: ", "Loss: ")
        lines.append(label + money(abs(answer.profit), lang))
    if answer.ret is not None:
        lines.append(t("Retorno: ", "Return: ") + s.bold(number(answer.ret, lang, 2) + "×"))
    else:
        lines.append(t("Retorno: no se puede calcular sin presupuesto y recaudación.",
                       "Return: cannot be computed without budget and box office."))
    lines += _alternatives(answer.alternatives, lang, s)
    return lines


def _alternatives(refs: tuple[a.MovieRef, ...], lang: str, s: _Style) -> list[str]:
    if not refs:
        return []
    shown = ", ".join(s.esc(r.label) for r in refs[:8])
    more = f" (+{len(refs) - 8})" if len(refs) > 8 else ""
    return [s.italic(_t(lang, "Otras con ese título: ", "Others with that title: ")) + shown + more]


def reason_text(reason: a.Reason, lang: str) -> str:
    parts = []
    if reason.same_collection:
        parts.append(_t(lang, "misma saga", "same collection"))
    if reason.genres:
        parts.append(", ".join(genre(g, lang) for g in reason.genres[:3]))
    if reason.keywords:
        parts.append(", ".join(reason.keywords[:2]))
    return "; ".join(parts) or _t(lang, "parecida", "similar")


def _recommend_lines(answer: a.RecommendAnswer, lang: str, s: _Style) -> list[str]:
    head = _t(lang, f"🍿 Si te gustó {s.bold(answer.movie.title)} ({answer.movie.year}):",
              f"🍿 If you liked {s.bold(answer.movie.title)} ({answer.movie.year}):")
    if not answer.recommendations:
        return [head, _t(lang, "No tengo recomendaciones para esta película.",
                         "I have no recommendations for this movie.")]
    lines = [head]
    for rank, rec in enumerate(answer.recommendations, 1):
        lines.append(f"{rank}. {s.bold(rec.movie.title)} ({rec.movie.year}) — "
                     f"{s.esc(reason_text(rec.reason, lang))}")
    return lines + _alternatives(answer.alternatives, lang, s)


def usage_lines(command: str, lang: str, s: _Style = PLAIN) -> list[str]:
    arg_es, example_es, arg_en, example_en = EXAMPLES[command]
    arg, example = (arg_en, example_en) if lang == "en" else (arg_es, example_es)
    description = DESCRIPTIONS[command][lang == "en"]
    return [f"/{command} — {s.esc(description)}",
            _t(lang, "Uso: ", "Usage: ") + s.esc(f"/{command} <{arg}>"),
            _t(lang, "Ejemplo: ", "Example: ") + s.esc(f"/{command} {example}")]


def command_menu(lang: str) -> list[tuple[str, str]]:
    """(command, description) pairs for Telegram's command menu."""
    return [(c, DESCRIPTIONS[c][lang == "en"]) for c in a.COMMANDS] + [
        ("help", _t(lang, "cómo usar el bot", "how to use the bot"))
    ]


def help_lines(lang: str, s: _Style) -> list[str]:
    lines = [s.bold(_t(lang, "Lo que sé responder:", "What I can answer:"))]
    for command in a.COMMANDS:
        _, example_es, _, example_en = EXAMPLES[command]
        example = example_en if lang == "en" else example_es
        lines.append(f"/{command} {s.esc(example)} — {s.esc(DESCRIPTIONS[command][lang == 'en'])}")
    lines.append(_t(lang, "Acentos, mayúsculas y erratas no importan; si dudo, te pregunto.",
                    "Accents, case and typos are fine; if unsure, I ask back."))
    return lines


def help_html(lang: str = "es") -> str:
    return "\n".join(help_lines(lang, HTML))


def help_text(lang: str = "es") -> str:
    return "\n".join(help_lines(lang, PLAIN))


def start_html(lang: str = "es") -> str:
    greeting = _t(lang, "🎬 ¡Hola! Soy pelibot: datos de unas 45.000 películas.",
                  "🎬 Hi! I'm pelibot: facts about some 45,000 movies.")
    tap = _t(lang, "Prueba, por ejemplo:", "Try, for example:")
    examples = ["/mes", "/retorno", "/recomendar"]
    return "\n".join([greeting, tap, *examples, "", *help_lines(lang, HTML)[1:]])


def to_json(answer: a.Answer) -> dict[str, Any]:
    """The public JSON form of an answer (``pelibot ask --json``)."""
    match answer:
        case a.MonthAnswer():
            return {"command": "mes", "month": answer.month, "count": answer.count}
        case a.WeekdayAnswer():
            return {"command": "dia", "weekday": answer.weekday, "count": answer.count}
        case a.CollectionAnswer():
            return {"command": "franquicia", "collection": answer.collection,
                    "count": answer.count, "revenue_total": answer.revenue_total,
                    "revenue_mean": answer.revenue_mean, "revenue_known": answer.revenue_known}
        case a.CountryAnswer():
            return {"command": "pais", "country": answer.country, "iso": answer.iso,
                    "count": answer.count, "country_es": answer.country_es}
        case a.CompanyAnswer():
            return {"command": "productora", "company": answer.company, "count": answer.count,
                    "revenue_total": answer.revenue_total, "revenue_known": answer.revenue_known}
        case a.ReturnAnswer():
            return {"command": "retorno", **_movie_json(answer.movie),
                    "budget": answer.budget, "revenue": answer.revenue, "return": answer.ret,
                    "profit": answer.profit,
                    "alternatives": [_movie_json(r) for r in answer.alternatives]}
        case a.RecommendAnswer():
            return {"command": "recomendar", **_movie_json(answer.movie),
                    "recommendations": [
                        {**_movie_json(r.movie), "reason": reason_text(r.reason, "es")}
                        for r in answer.recommendations],
                    "alternatives": [_movie_json(r) for r in answer.alternatives]}
        case a.UsageAnswer():
            return {"command": answer.command, "error": "usage", "suggestions": [],
                    "usage": usage_lines(answer.command, "es")[1]}
        case a.NotFoundAnswer():
            return {"command": answer.command, "error": "not_found", "query": answer.query,
                    "suggestions": [c.label for c in answer.suggestions]}
        case a.AmbiguousAnswer():
            return {"command": answer.command, "error": "ambiguous", "query": answer.query,
                    "suggestions": [c.label for c in answer.choices]}
        case a.UnknownCommandAnswer():
            return {"command": answer.command, "error": "unknown_command", "suggestions": []}
    raise TypeError(f"cannot convert {answer!r}")


def _movie_json(movie: a.MovieRef) -> dict[str, Any]:
    return {"id": movie.id, "title": movie.title, "year": movie.year}
