"""/mes, /dia, /franquicia, /pais, /productora, /retorno, /recomendar (and English aliases)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes, filters

from bot.telegram.common import answer_html, deps, keyboard, lang_of
from handlers.answers import COMMANDS
from handlers.service import canonical_command

ALIASES = ("month", "day", "collection", "country", "company", "return", "recommend")

Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def command_names() -> dict[str, list[str]]:
    """Each canonical command with the Telegram command names that reach it."""
    names: dict[str, list[str]] = {command: [command] for command in COMMANDS}
    for alias in ALIASES:
        canonical = canonical_command(alias)
        if canonical in names:
            names[canonical].append(alias)
    return names


def answer_command(command: str) -> Callback:
    """The handler for ``command``: ask the domain, reply with the rendered answer."""

    async def reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None:
            return
        found = deps(context)
        lang = lang_of(update.effective_user)
        answer = found.service.answer(command, " ".join(context.args or ()))
        await message.reply_text(
            answer_html(answer, lang), reply_markup=keyboard(answer, lang, found)
        )

    reply.__name__ = f"answer_{command}"
    return reply


def register(application: Application) -> None:
    for command, names in command_names().items():
        application.add_handler(
            CommandHandler(names, answer_command(command), filters=filters.UpdateType.MESSAGE)
        )
