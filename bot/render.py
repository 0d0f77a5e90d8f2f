"""Answers as chat text (plain or Telegram HTML, Spanish or English) and as JSON.

Every word comes from the language catalogs (``bot.i18n``); every piece of data is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from babel import Locale
from babel.numbers import format_compact_decimal, format_decimal

from bot import i18n
from bot.i18n import LANGS, language_of
from handlers import answers as a
from handlers.calendar_names import month_name, weekday_name
from handlers.commands import COMMANDS, HELP_NAMES, command
from handlers.compare import measured
from handlers.countries import spanish_name
from handlers.query import PAGE_SIZE, Query
from handlers.text import fold

__all__ = ["LANGS", "language_of"]

TELEGRAM_LIMIT = 4096
ECHO_LIMIT = 60
COMPACT_FROM = 1_000_000
"""Amounts from this size on get a compact form beside them (≈ 17 mil M, ≈ $17B)."""


def number(value: float, lang: str, decimals: int = 0) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(value, format=pattern, locale=lang))


def _dollars(lang: str) -> str:
    return "US$" if lang == "en" else "US$ "


def money(value: float, lang: str) -> str:
    """es: ``US$ 1.937.890.605``; en: ``US$1,937,890,605``."""
    return _dollars(lang) + number(round(value), lang)


def compact_amount(value: float, lang: str) -> str:
    """CLDR's short form (babel), one decimal only below 10: es ``17 mil M``, ``8,5 M``;
    en ``17B``, ``8.5M`` (not 373.6M)."""
    exact = Decimal(str(value))
    with localcontext() as context:  # half up, as people round: 14,5 M is "≈ 15 M", not 14
        context.rounding = ROUND_HALF_UP
        short = format_compact_decimal(exact, locale=lang, fraction_digits=1)
        if sum(ch.isdecimal() for ch in short) > 2:
            short = format_compact_decimal(exact, locale=lang, fraction_digits=0)
    return str(short)


def compact_money(value: float, lang: str) -> str:
    """Short amounts for charts: es ``US$ 374 M``, ``US$ 12 mil``; en ``US$374M``, ``US$1.2B``."""
    return _dollars(lang) + compact_amount(value, lang)


def readable_money(value: float, lang: str) -> str:
    """The exact figure, a compact form beside big ones: ``US$ 16.974.759.762 (≈ 17 mil M)``."""
    exact = money(value, lang)
    if abs(value) < COMPACT_FROM:
        return exact
    return f"{exact} (≈ {'$' if lang == 'en' else ''}{compact_amount(value, lang)})"


def movie_title(movie: a.MovieRef, lang: str) -> tuple[str, str]:
    """(title, what goes in brackets after it): es ``("El padrino", "The Godfather, 1972")``,
    en or without a Spanish title ``("The Godfather", "1972")``."""
    if lang == "es" and movie.title_es:
        return movie.title_es, f"{movie.title}, {movie.year}"
    return movie.title, str(movie.year)


def movie_label(movie: a.MovieRef, lang: str) -> str:
    title, bracket = movie_title(movie, lang)
    return f"{title} ({bracket})"


def movies_word(count: int, lang: str) -> str:
    """``1 película`` / ``2 películas``, ``1 movie`` / ``2 movies``."""
    return i18n.text("movies", lang, count, count=number(count, lang))


def genre(name: str, lang: str) -> str:
    key = f"genre.{name}"
    return i18n.text(key, lang) if i18n.has(key, lang) else name


def _echo(text: str) -> str:
    return text if len(text) <= ECHO_LIMIT else text[: ECHO_LIMIT - 1] + "…"


@dataclass(frozen=True)
class _Style:
    """How to mark up text: plain for terminals, HTML for Telegram."""

    esc: Callable[[str], str]
    bold: Callable[[str], str]
    italic: Callable[[str], str]
    links: bool = False  # spell out links (terminals); Telegram shows them as buttons

    def say(self, key: str, lang: str, n: float | None = None, /, **values: str) -> str:
        """Catalog string ``key``; its own text escaped, ``values`` already marked up."""
        return i18n.markup(key, lang, self.esc, n, **values)


PLAIN = _Style(esc=str, bold=str, italic=str, links=True)
HTML = _Style(
    esc=lambda s: html.escape(s, quote=False),
    bold=lambda s: f"<b>{html.escape(s, quote=False)}</b>",
    italic=lambda s: f"<i>{html.escape(s, quote=False)}</i>",
)


def choice_label(command_name: str, choice: a.Choice, lang: str) -> str:
    """A "did you mean" candidate named in the user's language."""
    match command_name, choice.value:
        case "mes", int(month):
            return month_name(month, lang).capitalize()
        case "dia", int(weekday):
            return weekday_name(weekday, lang).capitalize()
        case "pais", str(iso):
            return country_label(iso, choice.name, lang)
    if choice.movie is not None:
        return movie_label(choice.movie, lang)
    name = choice.name or str(choice.value)
    return name if choice.count is None else f"{name} · {number(choice.count, lang)}"


def country_label(iso: str, english: str, lang: str) -> str:
    return spanish_name(iso, english) if lang == "es" else english


def choices_of(answer: a.Answer) -> tuple[a.Choice, ...]:
    """The candidates an answer offers: "did you mean" choices, or other films of the title."""
    match answer:
        case a.AmbiguousAnswer(choices=choices) | a.NotFoundAnswer(suggestions=choices):
            return choices
        case a.ReturnAnswer(alternatives=refs) | a.RecommendAnswer(alternatives=refs):
            return tuple(a.Choice(r.key, r.id, r.label, movie=r) for r in refs)
        case a.FilmAnswer(alternatives=refs):
            return tuple(a.Choice(r.key, r.id, r.label, movie=r) for r in refs)
    return ()


def options_of(answer: a.Answer, lang: str) -> list[tuple[str, str]]:
    """What the user can pick next, as (label, line to answer): "did you mean" choices and
    other films of the title (``"<command> <key>"``), readings of plain words, or example
    questions (plain words)."""
    match answer:
        case a.ClarifyAnswer(readings=readings):
            return [(reading_label(r, lang), f"{r.command} {r.choice.key}") for r in readings]
        case a.NotUnderstoodAnswer(turn=turn, query=query):
            return [(example, example) for example in examples(lang, turn, about=query)]
        case a.SearchAnswer(films=films):
            return [(movie_label(f.movie, lang), f"pelicula {f.movie.key}") for f in films]
    return [
        (choice_label(answer.command, c, lang), f"{answer.command} {c.key}")
        for c in choices_of(answer)
    ]


def reading_label(reading: a.Reading, lang: str) -> str:
    """One reading of plain words, named with its kind: "🏢 Fox Film Corporation (productora)"."""
    label = choice_label(reading.command, reading.choice, lang)
    return i18n.text(f"reading.{reading.command}", lang, label=label)


def examples(lang: str, turn: int = 0, count: int = 3, about: str = "") -> list[str]:
    """``count`` example questions from the catalog, starting at ``turn`` (wrapping), so that
    consecutive replies show different ones; those that share a word with ``about`` (what was
    typed) first."""
    pool: list[str] = []
    while i18n.has(f"example.{len(pool) + 1}", lang):
        pool.append(i18n.text(f"example.{len(pool) + 1}", lang))
    turned = [pool[(turn * count + k) % len(pool)] for k in range(len(pool))]
    typed = {w for w in fold(about).split() if len(w) >= 4 and w not in _COMMON_EXAMPLE_WORDS}
    related = [e for e in turned if typed & set(fold(e).split())]
    return list(dict.fromkeys([*related, *turned]))[:count]


_COMMON_EXAMPLE_WORDS = frozenset(
    ["peliculas", "pelis", "movies", "films", "cuantas", "cuanto", "how", "many"]
)


def render_text(answer: a.Answer, lang: str = "es", *, with_choices: bool = True) -> str:
    """Plain text, for the terminal; ``with_choices`` lists "did you mean" candidates."""
    return _render(answer, lang, PLAIN, with_choices)


def render_html(answer: a.Answer, lang: str = "es") -> str:
    """Telegram HTML: every piece of data escaped; never over 4096 characters.

    Candidates are not listed: Telegram shows them as buttons.
    """
    return _render(answer, lang, HTML, with_choices=False)


def _render(answer: a.Answer, lang: str, s: _Style, with_choices: bool) -> str:
    lang = lang if lang in LANGS else "es"
    lines = _lines(answer, lang, s)
    if with_choices and isinstance(
        answer, a.AmbiguousAnswer | a.NotFoundAnswer | a.ClarifyAnswer | a.NotUnderstoodAnswer
    ):
        lines += [f"• {s.esc(label)}" for label, _ in options_of(answer, lang)]
    text = "\n".join(lines)
    if len(text) > TELEGRAM_LIMIT:  # cannot happen with capped echoes; a last safety net
        text = text[: TELEGRAM_LIMIT - 1].rsplit("\n", 1)[0] + "\n…"
    return text


def _lines(answer: a.Answer, lang: str, s: _Style) -> list[str]:
    match answer:
        case a.MonthAnswer(month=month, count=count, year=None):
            return [
                s.say(
                    "answer.month",
                    lang,
                    count,
                    month=s.bold(month_name(month, lang)),
                    movies=s.bold(movies_word(count, lang)),
                ),
                *_years(answer.years, lang, s),
            ]
        case a.MonthAnswer(month=month, count=count, year=int(year)):
            first, last = answer.years
            outside = first and not first <= year <= last
            return [
                s.say(
                    "answer.month_year",
                    lang,
                    count,
                    month=s.bold(month_name(month, lang)),
                    year=s.bold(str(year)),
                    movies=s.bold(movies_word(count, lang)),
                ),
                *(_years(answer.years, lang, s) if outside else []),
            ]
        case a.WeekdayAnswer(weekday=weekday, count=count):
            return [
                s.say(
                    "answer.weekday",
                    lang,
                    count,
                    weekday=s.bold(weekday_name(weekday, lang)),
                    movies=s.bold(movies_word(count, lang)),
                ),
                *_years(answer.years, lang, s),
            ]
        case a.CollectionAnswer():
            head = f"🎬 {s.bold(answer.collection)}"
            if lang == "es" and answer.name_es:  # "Saga Regreso al futuro (Back to the Future…)"
                head = f"🎬 {s.bold(answer.name_es)} ({s.esc(answer.collection)})"
            return [
                head,
                s.say("answer.films", lang, count=number(answer.count, lang)),
                *_revenue_lines(
                    answer.count,
                    answer.revenue_total,
                    answer.revenue_known,
                    lang,
                    s,
                    mean=answer.revenue_mean,
                ),
                *_doubtful_films(answer.doubtful, lang, s),
                *(f"{k}. {s.esc(movie_label(m, lang))}" for k, m in enumerate(answer.films, 1)),
            ]
        case a.CountryAnswer():
            name = answer.country_es if lang == "es" and answer.country_es else answer.country
            return [
                s.say(
                    "answer.country",
                    lang,
                    answer.count,
                    country=s.bold(name),
                    iso=s.esc(answer.iso),
                    movies=s.bold(movies_word(answer.count, lang)),
                )
            ]
        case a.CompanyAnswer():
            return [
                f"🏢 {s.bold(answer.company)}",
                s.say("answer.films", lang, count=number(answer.count, lang)),
                *_revenue_lines(answer.count, answer.revenue_total, answer.revenue_known, lang, s),
                *_doubtful_films(answer.doubtful, lang, s),
                *_relatives(answer, lang, s),
            ]
        case a.ReturnAnswer():
            return _return_lines(answer, lang, s)
        case a.RecommendAnswer():
            return _recommend_lines(answer, lang, s)
        case a.UsageAnswer(command=name):
            return usage_lines(name, lang, s)
        case a.NotFoundAnswer(command=name, query=query, suggestions=suggestions):
            lines = [s.say(f"not_found.{name}", lang, query=s.esc(_echo(query)))]
            if suggestions:
                return [*lines, s.say("did_you_mean", lang)]
            if answer.years[1]:
                lines.append(s.say("catalog.until", lang, last=str(answer.years[1])))
            return [*lines, *_how_to_ask(name, query, lang, s)]
        case a.AmbiguousAnswer(command="director" | "actor", choices=people) if len(people) > 1:
            names = [c.name for c in people]
            joined = i18n.text("people.or", lang, first=", ".join(names[:-1]), last=names[-1])
            return [s.say("ambiguous.people", lang, names=s.esc(joined))]
        case a.AmbiguousAnswer(query=query) | a.ClarifyAnswer(query=query):
            key = "ambiguous_one" if len(options_of(answer, lang)) == 1 else "ambiguous"
            return [s.say(key, lang, query=s.esc(_echo(query)))]
        case a.UnknownCommandAnswer(command=name):
            return [s.say("unknown_command", lang, command=s.esc(_echo(name)))]
        case a.FilmAnswer():
            return _film_lines(answer, lang, s)
        case a.NotUnderstoodAnswer(query=query, kind=kind, turn=turn):
            if answer.missing and answer.years[1]:  # "avengers endgame": say what is missing
                missing = s.esc(_echo(answer.missing))
                until = str(answer.years[1])
                key = "not_understood.missing" if answer.people else "not_understood.missing_people"
                return [s.say(key, lang, missing=missing, last=until)]
            key = f"not_understood.{kind}"
            if not i18n.has(key, lang):
                key = f"not_understood.{turn % 3}"
            return [s.say(key, lang, query=s.esc(_echo(query)))]
        case a.SearchAnswer():
            return _search_lines(answer, lang, s)
        case a.PickAnswer():
            return _pick_lines(answer, lang, s)
        case a.CompareAnswer():
            return _compare_lines(answer, lang, s)
        case a.VoteAnswer():
            head = s.say(
                "vote.head", lang, len(answer.films), filters=s.bold(_search_filters(answer, lang))
            )
            return [
                head,
                *(f"{k}. {_listed(f, 'rating', lang, s)}" for k, f in enumerate(answer.films, 1)),
            ]
        case a.PersonAnswer():
            return _person_lines(answer, lang, s)
        case a.NoDataAnswer(missing=missing):
            return [s.say(f"no_data.{missing}", lang)]
    raise TypeError(f"cannot render {answer!r}")


def measure_text(film: a.FilmAnswer, by: str, lang: str) -> str:
    """A film's figure for a comparison, as shown: money, runtime, rating, votes or year."""
    value = measured(film, by)
    if value is None:
        return i18n.text("unknown_value", lang)
    match by:
        case "revenue" | "budget":
            return readable_money(value, lang)
        case "return":
            return number(value, lang, 2) + "×"
        case "runtime" | "shortest":
            return runtime_text(int(value), lang)
        case "rating":
            return f"⭐ {number(value, lang, 1)}"
        case "votes":
            return i18n.text("list.votes", lang, value, votes=number(value, lang))
    return str(int(value))


def _compare_lines(answer: a.CompareAnswer, lang: str, s: _Style) -> list[str]:
    by = i18n.text(f"compare.by.{answer.by}", lang)
    lines = [s.say("compare.head", lang, by=s.bold(by))]
    for film in answer.films:
        title, bracket = movie_title(film.movie, lang)
        mark = "🏆 " if film.movie.id == answer.winner else "• "
        shown = s.esc(measure_text(film, answer.by, lang))
        lines.append(f"{mark}{s.bold(title)} ({s.esc(bracket)}): {shown}")
    winner = next((f for f in answer.films if f.movie.id == answer.winner), None)
    if winner is not None:
        name = s.bold(movie_title(winner.movie, lang)[0])
        lines.append(s.say(f"compare.winner.{answer.by}", lang, title=name))
    elif len(answer.films) > 1:
        lines.append(s.say("compare.no_winner", lang))
    for name in answer.missing:
        lines.append(s.say("compare.missing", lang, query=s.esc(_echo(name))))
    return lines


# -- queries: filters in words, lists and picks ----------------------------------------------------


def language_name(code: str, lang: str) -> str:
    """An original language in ``lang``: ``fr`` → "francés" / "French" (babel's CLDR names)."""
    return str(Locale.parse(lang).languages.get(code, code))


def filters_text(query: Query, lang: str, names: a.QueryNames | None = None, like: str = "") -> str:
    """What a query keeps, in words: "Terror, 1980–1989, de Francia"."""
    parts: list[str] = [genre(g, lang) for g in query.genres]
    parts += [i18n.text("filter.topic", lang, topic=keyword(t, lang) or t) for t in query.topics]
    first, last = query.year_from, query.year_to
    if query.month is not None and first is not None and first == last:
        month = month_name(query.month, lang)
        parts.append(i18n.text("filter.month_year", lang, month=month, year=first))
        first = last = None
    elif query.month is not None:
        parts.append(i18n.text("filter.month", lang, month=month_name(query.month, lang)))
    if first is not None and first == last:
        parts.append(i18n.text("filter.year", lang, year=first))
    elif first is not None and last is not None:
        parts.append(i18n.text("filter.years", lang, first=first, last=last))
    elif last is not None:
        parts.append(i18n.text("filter.year_to", lang, last=last))
    elif first is not None:
        parts.append(i18n.text("filter.year_from", lang, first=first))
    if query.weekday is not None:
        parts.append(i18n.text("filter.weekday", lang, weekday=weekday_name(query.weekday, lang)))
    names = names or a.QueryNames()
    if query.person is not None and names.person:
        role = "director" if query.role == "director" else "cast"
        parts.append(i18n.text(f"filter.person.{role}", lang, name=names.person))
    if query.country:
        shown = country_label(query.country, names.country or query.country, lang)
        parts.append(i18n.text("filter.country", lang, country=shown))
    if query.language:
        parts.append(
            i18n.text("filter.language", lang, language=language_name(query.language, lang))
        )
    if query.company:
        parts.append(i18n.text("filter.company", lang, company=query.company))
    if query.collection:
        parts.append(i18n.text("filter.collection", lang, name=query.collection))
    for field in ("runtime_min", "runtime_max"):
        if (minutes := getattr(query, field)) is not None:
            parts.append(i18n.text(f"filter.{field}", lang, minutes=minutes))
    for field in ("rating_min", "rating_max"):
        if (value := getattr(query, field)) is not None:
            parts.append(i18n.text(f"filter.{field}", lang, value=number(value, lang, 1)))
    if like:
        parts.append(i18n.text("filter.like", lang, titles=like))
    text = ", ".join(parts) or i18n.text("search.all", lang)
    return text[:1].upper() + text[1:]


def _search_filters(answer: a.SearchAnswer | a.PickAnswer | a.VoteAnswer, lang: str) -> str:
    like = answer.like if isinstance(answer, a.SearchAnswer) else ()
    titles = " + ".join(movie_title(m, lang)[0] for m in like)
    return filters_text(answer.query, lang, answer.names, titles)


def _query_head(key: str, answer: a.SearchAnswer | a.PickAnswer, lang: str, s: _Style) -> str:
    """ "🔎 Terror, 1980–1989: 173 películas.": the filters in words and how many pass them."""
    filters = s.bold(_search_filters(answer, lang))
    return s.say(
        key, lang, answer.count, filters=filters, movies=s.bold(movies_word(answer.count, lang))
    )


def _search_lines(answer: a.SearchAnswer, lang: str, s: _Style) -> list[str]:
    query = answer.query
    if query.like:
        return _like_lines(answer, lang, s)
    lines = [_query_head("search.head", answer, lang, s)]
    if query.intent == "count" or not answer.count:
        return lines + _ignored(query, lang, s)
    order = "like" if query.like else query.order
    heading = i18n.text(f"search.order.{order}", lang)
    if answer.ranked < answer.count and order not in ("rating", "worst", "like"):
        ranked = i18n.text("search.ranked", lang, ranked=number(answer.ranked, lang))
        heading = f"{heading[:-1]} {ranked}:" if heading.endswith(":") else heading
    lines.append(s.italic(heading))
    start = (query.page - 1) * PAGE_SIZE
    for rank, film in enumerate(answer.films, start + 1):
        lines.append(f"{rank}. {_listed(film, order, lang, s)}")
    if answer.pages > 1:
        pages = i18n.text("search.page", lang, page=query.page, pages=answer.pages)
        lines.append(s.italic(pages))
    return lines + _ignored(query, lang, s)


def _like_lines(answer: a.SearchAnswer, lang: str, s: _Style) -> list[str]:
    """Recommendations that obey filters: "🍿 Como Alien, 1990–1999:" and the closest films."""
    titles = " + ".join(movie_title(m, lang)[0] for m in answer.like)
    key = "search.like_head" if answer.query.filters.keys() - {"like"} else "search.like_all"
    filters = filters_text(answer.query, lang, answer.names)
    lines = [s.say(key, lang, titles=s.bold(titles), filters=s.esc(filters))]
    if not answer.films:
        return [*lines, s.say("search.like_none", lang)]
    start = (answer.query.page - 1) * PAGE_SIZE
    lines += [f"{k}. {_listed(f, 'like', lang, s)}" for k, f in enumerate(answer.films, start + 1)]
    return lines + _ignored(answer.query, lang, s)


def _listed(film: a.ListedFilm, order: str, lang: str, s: _Style) -> str:
    """``El resplandor (1980) · ⭐ 8,0 · 3.890 votos``; a money order shows its figure."""
    title = s.bold(movie_title(film.movie, lang)[0])
    parts = [f"{title} ({film.movie.year})"]
    if order == "revenue":
        parts.append(s.esc(readable_money(film.revenue, lang)))
    elif order == "budget":
        parts.append(s.esc(readable_money(film.budget, lang)))
    elif order == "return" and film.ret is not None:
        parts.append(s.esc(number(film.ret, lang, 1) + "×"))
    elif order in ("longest", "shortest") and film.runtime:
        parts.append(s.esc(runtime_text(film.runtime, lang)))
    if film.vote_average is None:
        parts.append(s.esc(i18n.text("list.no_votes", lang)))
    else:
        parts.append(f"⭐ {s.esc(number(film.vote_average, lang, 1))}")
        votes = i18n.text("list.votes", lang, film.vote_count, votes=number(film.vote_count, lang))
        parts.append(s.esc(votes))
    return " · ".join(parts)


def _ignored(query: Query, lang: str, s: _Style) -> list[str]:
    if not query.ignored:
        return []
    words = _echo(" ".join(query.ignored))
    return [s.italic(i18n.text("search.ignored", lang, words=words))]


def _pick_lines(answer: a.PickAnswer, lang: str, s: _Style) -> list[str]:
    head = _query_head("pick.head", answer, lang, s)
    film = [] if answer.film is None else ["", *_film_lines(answer.film, lang, s)]
    return [head, *film, *_ignored(answer.query, lang, s)]


def runtime_text(minutes: int, lang: str) -> str:
    if minutes < 60:
        return i18n.text("card.runtime_minutes", lang, minutes=minutes)
    return i18n.text("card.runtime_hours", lang, hours=minutes // 60, minutes=f"{minutes % 60:02d}")


SYNOPSIS_LIMIT = 900
"""A synopsis longer than this is cut at a sentence (messages stay short on a phone)."""


def _synopsis(text: str) -> str:
    if len(text) <= SYNOPSIS_LIMIT:
        return text
    cut = text[:SYNOPSIS_LIMIT]
    return (cut[: cut.rfind(". ") + 1] or cut.rsplit(" ", 1)[0]) + " …"


def _focus_lines(answer: a.FilmAnswer, lang: str, s: _Style) -> list[str]:
    """What was asked about the film, before its card: the synopsis, or an honest gap with the
    link that has it (trailers, where to watch), or that the catalog has no people."""
    match answer.focus:
        case "sinopsis":
            if not answer.overview:
                return [s.say("focus.no_synopsis", lang), ""]
            lines = [s.italic(answer.tagline)] if answer.tagline else []
            lines.append(s.esc(_synopsis(answer.overview)))
            if lang != "en":
                lines.append(s.italic(i18n.text("focus.synopsis_english", lang)))
            return [*lines, ""]
        case "trailer":
            link = answer.videos_url if s.links else s.esc("TMDB")
            return [s.say("focus.trailer", lang, link=link), ""]
        case "donde":
            link = answer.watch_url if s.links else s.esc("TMDB")
            return [s.say("focus.watch", lang, link=link), ""]
        case "people" if answer.directors or answer.cast:  # the credits answer it first
            return [*_people_lines(answer, lang, s), ""]
        case "people":
            return [s.say("focus.people", lang), ""]
    return []


def _film_lines(answer: a.FilmAnswer, lang: str, s: _Style) -> list[str]:
    title, bracket = movie_title(answer.movie, lang)
    lines = [*_focus_lines(answer, lang, s), f"🎬 {s.bold(title)} ({s.esc(bracket)})"]
    genres = ", ".join(genre(g, lang) for g in answer.genres[:3])
    runtime = runtime_text(answer.runtime, lang) if answer.runtime else ""
    if genres or runtime:
        lines.append(s.esc(" · ".join(part for part in (genres, runtime) if part)))
    if answer.vote_average is None:
        lines.append(s.say("card.no_votes", lang))
    else:
        lines.append(
            s.say(
                "card.rating",
                lang,
                answer.vote_count,
                average=s.esc(number(answer.vote_average, lang, 1)),
                votes=s.esc(number(answer.vote_count, lang)),
            )
        )
    lines += _money_lines(answer.budget, answer.revenue, answer.ret, None, answer.doubtful, lang, s)
    if answer.collection:
        saga = answer.collection_es if lang == "es" and answer.collection_es else answer.collection
        lines.append(s.say("card.saga", lang, name=s.esc(saga)))
    if answer.focus != "people":  # else they came first
        lines += _people_lines(answer, lang, s)
    lines += _alternatives(answer.alternatives, lang, s)
    if s.links:
        for key, url in (
            ("card.tmdb", answer.tmdb_url),
            ("card.imdb", answer.imdb_url),
            ("card.poster", answer.poster_url),
        ):
            if url:
                lines.append(s.say(key, lang, url=url))
    return lines


def _revenue_lines(
    count: int, total: int, known: int, lang: str, s: _Style, mean: float | None = None
) -> list[str]:
    if known == 0:
        return [s.say("revenue.none", lang)]
    lines = [s.say("revenue.total", lang, money=s.bold(readable_money(total, lang)))]
    if mean is not None:
        lines.append(s.say("revenue.mean", lang, money=s.esc(readable_money(mean, lang))))
    if known < count:
        lines.append(
            s.italic(
                i18n.text(
                    "revenue.known", lang, known=number(known, lang), count=number(count, lang)
                )
            )
        )
    return lines


def _return_lines(answer: a.ReturnAnswer, lang: str, s: _Style) -> list[str]:
    title, bracket = movie_title(answer.movie, lang)
    return [
        f"💰 {s.bold(title)} ({s.esc(bracket)})",
        *_money_lines(
            answer.budget, answer.revenue, answer.ret, answer.profit, answer.doubtful, lang, s
        ),
        *_alternatives(answer.alternatives, lang, s),
    ]


def _money_lines(
    budget: int,
    revenue: int,
    ret: float | None,
    profit: int | None,
    doubtful_fields: tuple[str, ...],
    lang: str,
    s: _Style,
) -> list[str]:
    """Budget, box office, then profit (when given) and return — unless a figure is doubtful:
    one off by a factor of a million makes profit and return meaningless."""
    unknown = s.esc(i18n.text("unknown_value", lang))
    doubtful = set(doubtful_fields)

    def amount(field: str, value: int) -> str:
        if not value:
            return unknown
        shown = s.esc(readable_money(value, lang))
        return shown + s.italic(i18n.text("doubtful.mark", lang)) if field in doubtful else shown

    lines = [
        s.say("return.budget", lang, value=amount("budget", budget)),
        s.say("return.revenue", lang, value=amount("revenue", revenue)),
    ]
    if doubtful and ret is not None:
        return [*lines, s.say("return.doubtful", lang)]
    if profit is not None:
        key = "return.profit" if profit >= 0 else "return.loss"
        lines.append(s.say(key, lang, value=s.esc(readable_money(abs(profit), lang))))
    if ret is not None:
        lines.append(s.say("return.ratio", lang, value=s.bold(number(ret, lang, 2) + "×")))
    else:
        lines.append(s.say("return.unknown", lang))
    return lines


def _doubtful_films(count: int, lang: str, s: _Style) -> list[str]:
    if not count:
        return []
    return [s.italic(i18n.text("doubtful.films", lang, count, count=number(count, lang)))]


def _relatives(answer: a.CompanyAnswer, lang: str, s: _Style) -> list[str]:
    if not answer.relatives:
        return []
    names = ", ".join(choice_label(answer.command, c, lang) for c in answer.relatives)
    return [s.italic(i18n.text("company.relatives", lang, names=names))]


def _years(years: tuple[int, int], lang: str, s: _Style) -> list[str]:
    first, last = years
    return [s.say("catalog.years", lang, first=str(first), last=str(last))] if first else []


def _how_to_ask(command_name: str, query: str, lang: str, s: _Style) -> list[str]:
    """What to try when nothing came close enough to suggest."""
    if command_name in ("mes", "dia") and query.strip().isdecimal():
        return [s.say(f"hint.{command_name}.number", lang)]
    if command_name in ("retorno", "recomendar"):
        shown = command(command_name).display_name(lang)
        return [
            s.say("hint.title", lang, example=s.esc(f"/{shown} the godfather 1972")),
            s.say("hint.inline", lang),
        ]
    return []


def _alternatives(refs: tuple[a.MovieRef, ...], lang: str, s: _Style) -> list[str]:
    if not refs:
        return []
    shown = ", ".join(s.esc(movie_label(r, lang)) for r in refs[:8])
    more = f" (+{len(refs) - 8})" if len(refs) > 8 else ""
    return [s.italic(i18n.text("alternatives", lang)) + shown + more]


def reason_text(reason: a.Reason, lang: str) -> str:
    parts = []
    if reason.same_collection:
        parts.append(i18n.text("reason.same_collection", lang))
    if reason.genres:
        parts.append(", ".join(genre(g, lang) for g in reason.genres[:3]))
    if keywords := [shown for k in reason.keywords if (shown := keyword(k, lang))][:2]:
        parts.append(", ".join(keywords))
    return "; ".join(parts) or i18n.text("reason.similar", lang)


def keyword(tag: str, lang: str) -> str | None:
    """A TMDB keyword in ``lang``: English ones as they are; others only when the catalog has
    them (the source's tags are English)."""
    key = f"keyword.{tag}"
    if i18n.has(key, lang):
        return i18n.text(key, lang)
    return tag if lang == "en" else None


def _recommend_lines(answer: a.RecommendAnswer, lang: str, s: _Style) -> list[str]:
    title, bracket = movie_title(answer.movie, lang)
    head = s.say("recommend.head", lang, title=s.bold(title), year=s.esc(bracket))
    if not answer.recommendations:
        return [head, s.say("recommend.none", lang)]
    lines = [head]
    for rank, rec in enumerate(answer.recommendations, 1):
        title, bracket = movie_title(rec.movie, lang)
        lines.append(
            f"{rank}. {s.bold(title)} ({s.esc(bracket)}) — {s.esc(reason_text(rec.reason, lang))}"
        )
    return lines + _alternatives(answer.alternatives, lang, s)


def command_example(name: str, lang: str) -> str:
    """``/mes enero`` for Spanish users, ``/month January`` for English ones."""
    return f"/{command(name).display_name(lang)} {i18n.text(f'cmd.{name}.example', lang)}"


def usage_lines(name: str, lang: str, s: _Style = PLAIN) -> list[str]:
    shown = command(name).display_name(lang)
    argument = i18n.text(f"cmd.{name}.argument", lang)
    return [
        f"/{shown} — {s.esc(i18n.text(f'cmd.{name}.description', lang))}",
        s.say("usage.usage", lang, usage=s.esc(f"/{shown} <{argument}>")),
        s.say("usage.example", lang, example=s.esc(command_example(name, lang))),
    ]


def command_menu(lang: str) -> list[tuple[str, str]]:
    """(command, description) pairs for Telegram's command menu, in ``lang``."""
    return [
        (c.display_name(lang), i18n.text(f"cmd.{c.name}.description", lang))
        for c in COMMANDS
        if c.menu
    ] + [(HELP_NAMES[0], i18n.text("cmd.help.description", lang))]


HELP_PER_LINE = 3
"""Command examples per line of /help (each says what it does; the menu describes them)."""


def help_lines(lang: str, s: _Style, bot: str = "pelibot") -> list[str]:
    lines = [s.bold(i18n.text("help.title", lang))]
    shown = [s.esc(command_example(c.name, lang)) for c in COMMANDS if c.menu]
    for start in range(0, len(shown), HELP_PER_LINE):  # short on a phone: a few per line
        lines.append(" · ".join(shown[start : start + HELP_PER_LINE]))
    lines.append(s.say("help.forgiving", lang))
    return [*lines, "", *_plain_words_lines(lang, s, bot)]


def _plain_words_lines(lang: str, s: _Style, bot: str) -> list[str]:
    """How to ask without commands: words, the year trick, inline mode."""
    return [
        s.say("start.words", lang),
        s.say("start.year", lang),
        s.say("start.inline", lang, bot=s.esc(bot)),
    ]


def help_html(lang: str = "es", bot: str = "pelibot") -> str:
    return "\n".join(help_lines(lang, HTML, bot))


def help_text(lang: str = "es") -> str:
    return "\n".join(help_lines(lang, PLAIN))


def start_html(
    lang: str, movies: int, first_year: int, last_year: int, bot: str = "pelibot"
) -> str:
    """The greeting, with the catalog's own size and years: short enough for a phone screen
    (the examples come as buttons under it)."""
    greeting = HTML.say(
        "start.greeting",
        lang,
        movies=number(movies, lang),
        first=str(first_year),
        last=str(last_year),
    )
    commands = " ".join(f"/{c.display_name(lang)}" for c in COMMANDS if c.menu)
    return "\n".join(
        [
            greeting,
            "",
            *_plain_words_lines(lang, HTML, bot),
            HTML.say("start.commands", lang, commands=HTML.esc(commands)),
            "",
            HTML.say("start.examples", lang),
        ]
    )


def to_json(answer: a.Answer, lang: str = "es") -> dict[str, Any]:
    """The public JSON form of an answer (``pelibot ask --json``); texts in ``lang``."""
    match answer:
        case a.MonthAnswer():
            return {
                "command": "mes",
                "month": answer.month,
                "count": answer.count,
                "year": answer.year,
            }
        case a.WeekdayAnswer():
            return {"command": "dia", "weekday": answer.weekday, "count": answer.count}
        case a.CollectionAnswer():
            return {
                "command": "franquicia",
                "collection": answer.collection,
                "count": answer.count,
                "revenue_total": answer.revenue_total,
                "revenue_mean": answer.revenue_mean,
                "revenue_known": answer.revenue_known,
                "doubtful_films": answer.doubtful,
                "movies": [_movie_json(m) for m in answer.films],
                "collection_es": answer.name_es or None,
            }
        case a.CountryAnswer():
            return {
                "command": "pais",
                "country": answer.country,
                "iso": answer.iso,
                "count": answer.count,
                "country_es": answer.country_es,
            }
        case a.CompanyAnswer():
            return {
                "command": "productora",
                "company": answer.company,
                "count": answer.count,
                "revenue_total": answer.revenue_total,
                "revenue_known": answer.revenue_known,
                "doubtful_films": answer.doubtful,
                "relatives": [{"company": c.name, "count": c.count} for c in answer.relatives],
            }
        case a.ReturnAnswer():
            return {
                "command": "retorno",
                **_movie_json(answer.movie),
                "budget": answer.budget,
                "revenue": answer.revenue,
                "return": answer.ret,
                "profit": answer.profit,
                "doubtful": list(answer.doubtful),
                "alternatives": [_movie_json(r) for r in answer.alternatives],
            }
        case a.RecommendAnswer():
            return {
                "command": "recomendar",
                **_movie_json(answer.movie),
                "recommendations": [
                    {**_movie_json(r.movie), "reason": reason_text(r.reason, lang)}
                    for r in answer.recommendations
                ],
                "alternatives": [_movie_json(r) for r in answer.alternatives],
            }
        case a.UsageAnswer():
            return {
                "command": answer.command,
                "error": "usage",
                "suggestions": [],
                "usage": usage_lines(answer.command, lang)[1],
            }
        case a.NotFoundAnswer() | a.AmbiguousAnswer():
            error = "not_found" if isinstance(answer, a.NotFoundAnswer) else "ambiguous"
            return {
                "command": answer.command,
                "error": error,
                "query": answer.query,
                "suggestions": [choice_label(answer.command, c, lang) for c in choices_of(answer)],
            }
        case a.UnknownCommandAnswer():
            return {"command": answer.command, "error": "unknown_command", "suggestions": []}
        case a.FilmAnswer():
            return {
                "command": "pelicula",
                **_movie_json(answer.movie),
                "genres": list(answer.genres),
                "runtime": answer.runtime,
                "vote_average": answer.vote_average,
                "vote_count": answer.vote_count,
                "budget": answer.budget,
                "revenue": answer.revenue,
                "return": answer.ret,
                "doubtful": list(answer.doubtful),
                "collection": answer.collection,
                "poster_url": answer.poster_url,
                "tmdb_url": answer.tmdb_url,
                "imdb_url": answer.imdb_url,
                "collection_es": answer.collection_es or None,
                "overview": answer.overview or None,
                "tagline": answer.tagline or None,
                "watch_url": answer.watch_url,
                "videos_url": answer.videos_url,
                **({"focus": answer.focus} if answer.focus else {}),
                **(
                    {"error": "no_data", "missing": "credits"}
                    if answer.focus == "people" and not (answer.directors or answer.cast)
                    else {}
                ),
                "directors": [_person_json(p) for p in answer.directors],
                "cast": [_person_json(p) for p in answer.cast],
            }
        case a.ClarifyAnswer():
            options = options_of(answer, lang)
            return {
                "error": "ambiguous",
                "query": answer.query,
                "suggestions": [label for label, _ in options],
                "choices": [
                    dict(zip(("command", "key"), line.split(" ", 1), strict=True))
                    for _, line in options
                ],
            }
        case a.NotUnderstoodAnswer():
            return {
                "error": "not_understood",
                "suggestions": [label for label, _ in options_of(answer, lang)],
            }
        case a.SearchAnswer():
            return {
                **_query_json(answer.query, answer.key),
                "count": answer.count,
                "ranked": answer.ranked,
                "page": answer.query.page,
                "pages": answer.pages,
                "like": [_movie_json(m) for m in answer.like],
                "based_on": [m.id for m in answer.like],
                "movies": [_listed_json(f) for f in answer.films],
                "text_filters": _search_filters(answer, lang),
            }
        case a.CompareAnswer():
            return {
                "command": "comparar",
                "by": answer.by,
                "movies": [
                    {**to_json(f, lang), "value": measured(f, answer.by)} for f in answer.films
                ],
                "winner": answer.winner,
                "missing": list(answer.missing),
            }
        case a.VoteAnswer():
            return {
                **_query_json(answer.query, answer.key),
                "count": answer.count,
                "movies": [_listed_json(f) for f in answer.films],
                "text_filters": _search_filters(answer, lang),
            }
        case a.PickAnswer():
            return {
                **_query_json(answer.query, answer.key),
                "count": answer.count,
                "movie": to_json(answer.film, lang) if answer.film else None,
                "text_filters": _search_filters(answer, lang),
            }
        case a.PersonAnswer():
            return _person_answer_json(answer)
        case a.NoDataAnswer():
            return {"command": answer.command, "error": "no_data", "missing": answer.missing}
    raise TypeError(f"cannot convert {answer!r}")


def _query_json(query: Query, key: str) -> dict[str, Any]:
    filters = {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in query.filters.items()
    }
    return {
        "command": "buscar",
        "intent": query.intent,
        "filters": filters,
        "order": "similar" if query.like else query.order,
        "ignored": list(query.ignored),
        "key": key,
    }


def _listed_json(film: a.ListedFilm) -> dict[str, Any]:
    return {
        **_movie_json(film.movie),
        "vote_average": film.vote_average,
        "vote_count": film.vote_count,
        "weighted_rating": round(film.weighted, 3),
        "revenue": film.revenue,
        "budget": film.budget,
        "return": film.ret,
        "runtime": film.runtime,
    }


def _movie_json(movie: a.MovieRef) -> dict[str, Any]:
    """A film in JSON: its Spanish title (as the answer's text names it) when it differs."""
    return {
        "id": movie.id,
        "title": movie.title,
        "year": movie.year,
        "title_es": movie.title_es or None,
    }


# -- people: directors and cast ------------------------------------------------------------------

PERSON_FILMS_SHOWN = 10
"""Films a director or actor answer lists in text (JSON lists them all)."""
CARD_PEOPLE_SHOWN = 4


def _people_lines(answer: a.FilmAnswer, lang: str, s: _Style) -> list[str]:
    """A film card's directors and first-billed cast."""
    lines = []
    if answer.directors:
        names = ", ".join(p.name for p in answer.directors[:CARD_PEOPLE_SHOWN])
        lines.append(s.say("card.directors", lang, len(answer.directors), names=s.esc(names)))
    if answer.cast:
        names = ", ".join(p.name for p in answer.cast[:CARD_PEOPLE_SHOWN])
        lines.append(s.say("card.cast", lang, names=s.esc(names)))
    return lines


def ratio(value: float, lang: str) -> str:
    """A return as a multiple: ``2,32×`` / ``2.32×``."""
    return number(value, lang, 2) + "×"


def _person_lines(answer: a.PersonAnswer, lang: str, s: _Style) -> list[str]:
    head = s.say(
        f"answer.{answer.command}",
        lang,
        answer.count,
        name=s.bold(answer.person.name),
        movies=s.bold(movies_word(answer.count, lang)),
    )
    if not answer.films:
        return [head]
    lines = [
        head,
        s.say("person.return_total", lang, value=s.bold(ratio(answer.return_total, lang))),
        s.say("person.return_mean", lang, value=s.esc(ratio(answer.return_mean, lang))),
    ]
    if answer.return_known < answer.count:
        known = i18n.text(
            "person.return_known",
            lang,
            known=number(answer.return_known, lang),
            count=number(answer.count, lang),
        )
        lines.append(s.italic(known))
    lines += _doubtful_films(answer.doubtful, lang, s)
    unknown = i18n.text("unknown_value", lang)
    for rank, film in enumerate(answer.films[:PERSON_FILMS_SHOWN], 1):
        title, bracket = movie_title(film.movie, lang)
        figures = i18n.text(
            "person.film_figures",
            lang,
            budget=compact_money(film.budget, lang) if film.budget else unknown,
            revenue=compact_money(film.revenue, lang) if film.revenue else unknown,
            ret=ratio(film.ret, lang) if film.ret is not None else unknown,
        )
        lines.append(f"{rank}. {s.bold(title)} ({s.esc(bracket)}) — {s.esc(figures)}")
    if answer.count > PERSON_FILMS_SHOWN:
        more = answer.count - PERSON_FILMS_SHOWN
        lines.append(s.italic(i18n.text("person.more", lang, more, count=number(more, lang))))
    return lines


def _person_json(person: a.PersonRef) -> dict[str, Any]:
    return {"id": person.id, "name": person.name}


def _person_answer_json(answer: a.PersonAnswer) -> dict[str, Any]:
    return {
        "command": answer.command,
        "name": answer.person.name,
        "id": answer.person.id,
        "count": answer.count,
        "movies": [
            {
                **_movie_json(film.movie),
                "budget": film.budget,
                "revenue": film.revenue,
                "return": film.ret,
                "vote_count": film.vote_count,
            }
            for film in answer.films
        ],
        "return_total": answer.return_total,
        "return_mean": answer.return_mean,
        "return_known": answer.return_known,
        "revenue_total": answer.revenue_total,
        "doubtful_films": answer.doubtful,
    }
