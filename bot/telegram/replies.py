"""Sending an answer: its keyboard, the poster preview of a film card, and updating the answer
when the question is edited.

Which reply answered which message is remembered per chat (a bounded mapping in ``chat_data``),
so an edited question edits its answer; when that answer is gone or can no longer be edited, a
new reply is sent instead.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message, Update
from telegram.error import BadRequest

from bot import i18n
from bot.render import examples, movie_label, options_of
from bot.telegram.common import (
    CHART_PREFIX,
    ChatData,
    Context,
    Deps,
    answer_html,
    callback_data,
    deps,
    keyboard,
    lang_of,
)
from handlers import answers as a
from handlers.query import PAGE_SIZE
from handlers.router import Route
from handlers.service import entity_key

log = logging.getLogger(__name__)

RUN_PREFIX = "e"
"""Callback data ``"e <command> <key>"``: answer in a new message (examples, card actions)."""
REMEMBERED = 200
"""Answers remembered per chat for edits: older questions are rarely edited."""
MAX_LABEL = 60


def _label(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _button(text: str, *data: str) -> InlineKeyboardButton | None:
    packed = callback_data(*data)
    return InlineKeyboardButton(_label(text), callback_data=packed) if packed else None


def _rows(*rows: Sequence[InlineKeyboardButton | None]) -> list[list[InlineKeyboardButton]]:
    kept = [[button for button in row if button is not None] for row in rows]
    return [row for row in kept if row]


def card_keyboard(film: a.FilmAnswer, lang: str, found: Deps) -> InlineKeyboardMarkup:
    """💰 Retorno, 🍿 Parecidas, 🎬 Saga, 📊 Gráfico, links to TMDB and IMDb, other films of
    the same title."""
    key = film.movie.key
    saga = film.collection
    chart = found.charts is not None and bool(film.budget or film.revenue)
    links = [InlineKeyboardButton(i18n.text("button.tmdb", lang), url=film.tmdb_url)]
    if film.imdb_url:
        links.append(InlineKeyboardButton(i18n.text("button.imdb", lang), url=film.imdb_url))
    rows = _rows(
        [
            _button(i18n.text("button.return", lang), RUN_PREFIX, "retorno", key),
            _button(i18n.text("button.similar", lang), RUN_PREFIX, "recomendar", key),
        ],
        [
            _button(i18n.text("button.saga", lang), RUN_PREFIX, "franquicia", entity_key(saga))
            if saga
            else None,
            _button(i18n.text("chart_button", lang), CHART_PREFIX, "retorno", key)
            if chart
            else None,
        ],
        links,
        *([_button(ref.label, "pelicula", ref.key)] for ref in film.alternatives[:8]),
    )
    return InlineKeyboardMarkup(rows)


def example_buttons(
    lang: str, found: Deps, turn: int = 0, count: int = 3
) -> list[list[InlineKeyboardButton]]:
    """One button per example question that runs it (each routed like any message)."""
    rows = []
    for example in examples(lang, turn, count):
        route = found.router.route(example)
        if isinstance(route, Route) and route.value is not None:
            button = _button(example, RUN_PREFIX, route.command, route.argument)
            if button is not None:
                rows.append([button])
    return rows


def search_rows(answer: a.SearchAnswer, lang: str, found: Deps) -> list[list[InlineKeyboardButton]]:
    """A list: a button per film (its card, in a new message), then ◀ ▶ to page in place. A
    count: "🎞️ Ver películas"."""
    service = found.service
    query = answer.query
    if query.intent == "count":
        listed = service.query_key(replace(query, intent="list", page=1))
        return _rows([_button(i18n.text("button.see_films", lang), RUN_PREFIX, "buscar", listed)])
    films = [
        [_button(f"{rank}. {movie_label(f.movie, lang)}", RUN_PREFIX, "pelicula", f.movie.key)]
        for rank, f in enumerate(answer.films, (query.page - 1) * PAGE_SIZE + 1)
    ]
    pages = [
        _button(i18n.text(label, lang), "buscar", service.query_key(query.with_page(page)))
        for label, page in (("button.previous", query.page - 1), ("button.next", query.page + 1))
        if 1 <= page <= answer.pages
    ]
    return _rows(*films, pages)


def see_films_row(answer: a.Answer, lang: str, found: Deps) -> list[list[InlineKeyboardButton]]:
    """ "🎞️ Ver películas" under a count of a month, weekday, country, company or saga."""
    query = found.service.films_query(answer)
    if query is None:
        return []
    key = found.service.query_key(query)
    return _rows([_button(i18n.text("button.see_films", lang), RUN_PREFIX, "buscar", key)])


def markup(answer: a.Answer, lang: str, found: Deps) -> InlineKeyboardMarkup | None:
    """The keyboard under ``answer``."""
    match answer:
        case a.FilmAnswer():
            return card_keyboard(answer, lang, found)
        case a.SearchAnswer():
            rows = search_rows(answer, lang, found)
            return InlineKeyboardMarkup(rows) if rows else None
        case a.PickAnswer(film=film, key=key):
            another = _rows([_button(i18n.text("button.another", lang), "buscar", key)])
            card = card_keyboard(film, lang, found).inline_keyboard if film else ()
            return InlineKeyboardMarkup(another + [list(row) for row in card])
        case (
            a.MonthAnswer()
            | a.WeekdayAnswer()
            | a.CountryAnswer()
            | a.CompanyAnswer()
            | a.CollectionAnswer()
        ):
            below = keyboard(answer, lang, found)
            rows = see_films_row(answer, lang, found)
            return InlineKeyboardMarkup(rows + (list(below.inline_keyboard) if below else []))
        case a.ClarifyAnswer():
            rows = [
                [b]
                for label, line in options_of(answer, lang)
                if (b := _button(label, line)) is not None
            ]
            return InlineKeyboardMarkup(rows) if rows else None
        case a.NotUnderstoodAnswer(turn=turn):
            rows = example_buttons(lang, found, turn)
            return InlineKeyboardMarkup(rows) if rows else None
        case a.RecommendAnswer(recommendations=picks) if picks:
            # each pick opens its film's card in a new message, under the recommendations
            rows = _rows(
                *(
                    [
                        _button(
                            f"🎬 {movie_label(pick.movie, lang)}",
                            RUN_PREFIX,
                            "pelicula",
                            pick.movie.key,
                        )
                    ]
                    for pick in picks
                )
            )
            below = keyboard(answer, lang, found)
            return InlineKeyboardMarkup(rows + (list(below.inline_keyboard) if below else []))
    return keyboard(answer, lang, found)


def message_options(answer: a.Answer, lang: str, found: Deps) -> dict[str, Any]:
    """``reply_markup`` and, for a film card with a poster, the poster as its link preview.

    The application's defaults disable previews; other answers keep that default. A card says
    ``is_disabled=False`` itself: python-telegram-bot fills unset fields from the defaults.
    """
    options: dict[str, Any] = {"reply_markup": markup(answer, lang, found)}
    film = answer.film if isinstance(answer, a.PickAnswer) else answer
    if isinstance(film, a.FilmAnswer) and film.poster_url:
        options["link_preview_options"] = LinkPreviewOptions(
            is_disabled=False,
            url=film.poster_url,
            prefer_small_media=True,
            show_above_text=False,
        )
    return options


# -- remembering answers, for edits ---------------------------------------------------------------


def remember(chat_data: ChatData | None, asked: int, reply: int) -> None:
    if chat_data is None:
        return
    answered = chat_data.answered
    answered[asked] = reply
    answered.move_to_end(asked)
    while len(answered) > REMEMBERED:
        answered.popitem(last=False)


def answer_to(chat_data: ChatData | None, asked: int) -> int | None:
    """The bot's reply to message ``asked``, when remembered."""
    return None if chat_data is None else chat_data.answered.get(asked)


def next_turn(chat_data: ChatData | None) -> int:
    """How many "not understood" replies this chat had: each one shows other examples."""
    if chat_data is None:
        return 0
    chat_data.turn += 1
    return chat_data.turn - 1


async def send_answer(update: Update, context: Context, answer: a.Answer) -> Message | None:
    """Reply with ``answer``; for an edited question, edit the earlier answer instead."""
    message = update.effective_message
    if message is None:
        return None
    found = deps(context)
    lang = lang_of(update.effective_user)
    html = answer_html(answer, lang)
    options = message_options(answer, lang, found)
    if update.edited_message is not None:
        earlier = answer_to(context.chat_data, message.message_id)
        if earlier is not None:
            try:
                edited = await context.bot.edit_message_text(
                    html, chat_id=message.chat_id, message_id=earlier, **options
                )
                return edited if isinstance(edited, Message) else None
            except BadRequest as error:
                if "not modified" in error.message.lower():
                    return None
                log.info(
                    "could not edit the answer to an edited message (%s); replying anew",
                    error.message,
                )
    sent = await message.reply_text(html, **options)
    remember(context.chat_data, message.message_id, sent.message_id)
    return sent
