"""Inline-keyboard taps: "did you mean" choices (edit the answer) and chart buttons (send a PNG).

Callback data is stateless: ``"<command> <key>"`` or ``"g <command> <key>"``, so buttons keep
working after a restart. Anything that no longer resolves gets a polite note; the query is always
answered.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from telegram import CallbackQuery, Message, ReplyParameters, Update
from telegram.constants import ChatAction
from telegram.error import BadRequest
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot import i18n
from bot.telegram.common import (
    CHART_PREFIX,
    Context,
    Deps,
    answer_html,
    deps,
    has_chart,
    lang_of,
)
from bot.telegram.replies import message_options
from handlers.answers import Answer, NotFoundAnswer, UnknownCommandAnswer, UsageAnswer
from handlers.commands import COMMANDS, command_name

log = logging.getLogger(__name__)

STALE = (NotFoundAnswer, UnknownCommandAnswer, UsageAnswer)


async def acknowledge(query: CallbackQuery, text: str | None = None) -> None:
    """Answer the callback query; one too old to answer (e.g. sent during a restart) is no error."""
    try:
        await query.answer(text)
    except BadRequest as error:
        if "query is too old" not in error.message.lower():
            raise
        log.info("callback query too old to answer: %s", error.message)


def resolve(data: str, found: Deps) -> Answer | None:
    """The answer a ``"<command> <key>"`` button stands for, or None when it is stale/forged."""
    name, _, key = data.strip().partition(" ")
    command = command_name(name)
    if command is None or not key.strip():
        return None
    answer = found.service.answer(command, key.strip())
    return None if isinstance(answer, STALE) else answer


@dataclass(frozen=True)
class Press:
    """A tapped button: who tapped (their language), the answer it stands for (None when stale
    or forged) and the message it sits under (None when Telegram no longer gives it)."""

    query: CallbackQuery
    lang: str
    found: Deps
    answer: Answer | None
    message: Message | None


def pressed(update: Update, context: Context, prefix: str = "") -> Press:
    """The button behind ``update``; ``prefix`` is the marker its callback data starts with."""
    query = update.callback_query
    assert query is not None
    found = deps(context)
    return Press(
        query,
        lang_of(query.from_user),
        found,
        resolve((query.data or "").removeprefix(prefix), found),
        query.message if isinstance(query.message, Message) else None,
    )


async def on_choice(update: Update, context: Context) -> None:
    press = pressed(update, context)
    query, lang, found, answer = press.query, press.lang, press.found, press.answer
    if answer is None:
        await acknowledge(query, i18n.text("stale_button", lang))
        return
    await acknowledge(query)
    try:
        await query.edit_message_text(
            answer_html(answer, lang), **message_options(answer, lang, found)
        )
    except BadRequest as error:  # the same button tapped twice: nothing to change
        if "not modified" not in error.message.lower():
            raise


async def on_chart(update: Update, context: Context) -> None:
    press = pressed(update, context, CHART_PREFIX)
    query, lang, found, answer, message = (
        press.query,
        press.lang,
        press.found,
        press.answer,
        press.message,
    )
    if answer is None or found.charts is None or message is None or not has_chart(answer):
        key = "stale_button" if answer is None else "chart_unavailable"
        await acknowledge(query, i18n.text(key, lang))
        return
    await acknowledge(query, i18n.text("chart_working", lang))
    await message.chat.send_action(ChatAction.UPLOAD_PHOTO)
    png = await found.charts.draw(answer, lang)
    if png is None:
        await message.reply_text(i18n.text("chart_unavailable", lang), parse_mode=None)
        return
    await context.bot.send_photo(
        chat_id=message.chat.id,
        photo=png,
        caption=_caption(query, lang),
        parse_mode=None,
        reply_parameters=ReplyParameters(message.message_id, allow_sending_without_reply=True),
    )


def _caption(query: CallbackQuery, lang: str) -> str:
    """Chart caption: the first line of the answer it illustrates."""
    message = query.message if isinstance(query.message, Message) else None
    first = (message.text or "").strip().splitlines()[0] if message and message.text else ""
    return i18n.text("chart_caption", lang, label=first[:200])


async def on_unknown(update: Update, context: Context) -> None:
    """Callback data no button of this bot makes (an old version's, or forged)."""
    query = update.callback_query
    assert query is not None  # the handler is a CallbackQueryHandler
    await acknowledge(query, i18n.text("stale_button", lang_of(query.from_user)))


CHOICE = re.compile(rf"^(?:{'|'.join(re.escape(c.name) for c in COMMANDS)}) ")
"""A "did you mean" choice: ``"<command> <key>"``."""
ANY_DATA = re.compile(r"[\s\S]*")
"""Whatever callback data the other handlers do not take."""


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    """The choice and chart buttons (``unknown_button`` goes after every other button)."""
    return [
        CallbackQueryHandler(on_chart, pattern=rf"^{CHART_PREFIX} "),
        CallbackQueryHandler(on_choice, pattern=CHOICE),
    ]


def unknown_button() -> BaseHandler[Any, Any, Any]:
    return CallbackQueryHandler(on_unknown, pattern=ANY_DATA)
