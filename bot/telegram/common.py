"""What every handler module shares: the domain objects, the user's language, the keyboards."""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, User
from telegram.constants import InlineKeyboardButtonLimit, MessageLimit
from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot import i18n
from bot.charts import ChartMaker
from bot.render import choice_label, choices_of, language_of, render_html
from handlers.answers import UNRESOLVED, Answer
from handlers.commands import command
from handlers.router import Router, router_for
from handlers.service import MovieService

log = logging.getLogger(__name__)

CHART_PREFIX = "g"
MAX_TEXT = MessageLimit.MAX_TEXT_LENGTH  # 4096
MAX_CALLBACK = InlineKeyboardButtonLimit.MAX_CALLBACK_DATA  # 64 bytes
MAX_LABEL = 60  # longer button labels are cut on phones anyway


@dataclass(frozen=True)
class Deps:
    """The domain objects the handlers call; stored once in ``application.bot_data``."""

    service: MovieService
    charts: ChartMaker | None = None

    @cached_property
    def router(self) -> Router:
        """Reads plain-words messages over ``service``."""
        return router_for(self.service)


class BotData:
    """This bot's ``bot_data`` (python-telegram-bot makes one from ``CONTEXT_TYPES``): the
    domain objects, set once when the application is built (``install``)."""

    deps: Deps


class ChatData:
    """This bot's ``chat_data``: which reply answered which message (so an edited question
    edits its answer; the latest ``REMEMBERED``), and how many "not understood" replies the chat
    had (each shows other examples)."""

    def __init__(self) -> None:
        self.answered: OrderedDict[int, int] = OrderedDict()
        self.turn = 0


Context = CallbackContext[ExtBot[Any], dict[Any, Any], ChatData, BotData]
"""What every callback of this bot is given: ``context.bot_data`` and ``context.chat_data``
typed."""
CONTEXT_TYPES = ContextTypes(context=CallbackContext, chat_data=ChatData, bot_data=BotData)


def install(application: Application[Any, Any, Any, Any, BotData, Any], deps: Deps) -> None:
    """Make ``deps`` available to every handler of ``application``."""
    application.bot_data.deps = deps


def deps(context: Context) -> Deps:
    return context.bot_data.deps


def lang_of(user: User | None) -> str:
    """The reply language for ``user``: English for English Telegram clients, else Spanish."""
    return language_of(user.language_code if user else None)


def answer_html(answer: Answer, lang: str) -> str:
    """The answer as Telegram HTML, checked against Telegram's message limit."""
    html = render_html(answer, lang)
    if len(html) > MAX_TEXT:
        raise ValueError(f"{answer.command} answer rendered to {len(html)} > {MAX_TEXT} characters")
    return html


def callback_data(*parts: str) -> str | None:
    """``parts`` joined by spaces, or None when it exceeds Telegram's 64-byte limit."""
    data = " ".join(parts)
    if len(data.encode("utf-8")) > MAX_CALLBACK:
        log.warning("callback data over %d bytes left out: %r", MAX_CALLBACK, data)
        return None
    return data


def _label(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def choice_buttons(answer: Answer, lang: str) -> list[tuple[str, str]]:
    """(label, callback data) for each candidate the answer carries, named in ``lang``."""
    buttons = []
    for choice in choices_of(answer):
        data = callback_data(answer.command, choice.key)
        if data is not None:
            buttons.append((_label(choice_label(answer.command, choice, lang)), data))
    return buttons


def has_chart(answer: Answer) -> bool:
    """Whether the answer's command draws charts (the command table says) and it was answered."""
    return not isinstance(answer, UNRESOLVED) and command(answer.command).chart


def chart_data(answer: Answer, service: MovieService) -> str | None:
    """Callback data of the chart button for ``answer``, or None when it has no chart."""
    if not has_chart(answer):
        return None
    key = service.key_for(answer)
    return callback_data(CHART_PREFIX, answer.command, key) if key else None


def keyboard(answer: Answer, lang: str, deps: Deps) -> InlineKeyboardMarkup | None:
    """One button per candidate, then the chart button when charts are available."""
    rows = [
        [InlineKeyboardButton(label, callback_data=data)]
        for label, data in choice_buttons(answer, lang)
    ]
    if deps.charts is not None and (data := chart_data(answer, deps.service)):
        rows.append([InlineKeyboardButton(i18n.text("chart_button", lang), callback_data=data)])
    return InlineKeyboardMarkup(rows) if rows else None
