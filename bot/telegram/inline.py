"""Inline mode: ``@bot <title>`` in any chat offers up to ten movie cards."""

from __future__ import annotations

from typing import Any

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import BaseHandler, InlineQueryHandler

from bot import i18n
from bot.render import money, number, render_html
from bot.telegram.common import MAX_TEXT, Context, deps, lang_of
from handlers.answers import RecommendAnswer, ReturnAnswer

MAX_RESULTS = 10
CACHE_SECONDS = 300  # the catalog does not change while the bot runs
MIN_QUERY = 2
MAX_DESCRIPTION = 200


def card_html(ret: ReturnAnswer, rec: RecommendAnswer, lang: str) -> str:
    """The message a chosen result sends: the return figures, then the recommendations."""
    full = f"{render_html(ret, lang)}\n\n{render_html(rec, lang)}"
    return full if len(full) <= MAX_TEXT else render_html(ret, lang)


def description(ret: ReturnAnswer, rec: RecommendAnswer, lang: str) -> str:
    """Two short lines under the result title: the figures and the first recommendations."""
    unknown = i18n.text("unknown_value", lang)
    doubtful = i18n.text("doubtful.mark", lang)

    def amount(field: str, value: int) -> str:
        if not value:
            return unknown
        return money(value, lang) + (doubtful if field in ret.doubtful else "")

    figures = i18n.text(
        "inline_figures",
        lang,
        budget=amount("budget", ret.budget),
        revenue=amount("revenue", ret.revenue),
        ret=f"{number(ret.ret, lang, 2)}×" if ret.ret is not None and not ret.doubtful else unknown,
    )
    titles = ", ".join(item.movie.title for item in rec.recommendations[:3])
    text = figures
    if titles:
        text += "\n" + i18n.text("inline_similar", lang, titles=titles)
    return text if len(text) <= MAX_DESCRIPTION else text[: MAX_DESCRIPTION - 1] + "…"


async def on_inline_query(update: Update, context: Context) -> None:
    query = update.inline_query
    assert query is not None
    lang = lang_of(query.from_user)
    text = query.query.strip()
    if len(text) < MIN_QUERY:
        prompt = _start_button("inline_prompt", lang)
        await query.answer([], cache_time=CACHE_SECONDS, is_personal=True, button=prompt)
        return
    service = deps(context).service
    results = []
    for ref in service.search_movies(text, limit=MAX_RESULTS)[:MAX_RESULTS]:
        card = service.movie_card(ref.id)
        if card is None:
            continue
        ret, rec = card
        film = service.film_card(ref.id)
        results.append(
            InlineQueryResultArticle(
                id=str(ref.id),
                title=ref.label,
                description=description(ret, rec, lang),
                thumbnail_url=film.poster_url if film else None,
                input_message_content=InputTextMessageContent(
                    card_html(ret, rec, lang), parse_mode=ParseMode.HTML
                ),
            )
        )
    button = None if results else _start_button("inline_none", lang)
    # personal: the cards are in the asking user's language
    await query.answer(results, cache_time=CACHE_SECONDS, is_personal=True, button=button)


def _start_button(key: str, lang: str) -> InlineQueryResultsButton:
    """A button above the (empty) results that opens a private chat with the bot."""
    return InlineQueryResultsButton(i18n.text(key, lang), start_parameter="inline")


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    return [InlineQueryHandler(on_inline_query)]
