"""The seven questions as Telegram commands, by every name in the command table.

Telegram marks a command only up to its first non-ASCII letter, so ``/día sábado`` or
``/país usa`` arrive as plain text: a text pattern routes them through the same table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, MessageHandler, filters

from bot.telegram.common import Context, deps
from bot.telegram.replies import send_answer
from handlers.commands import COMMANDS, command_name

Callback = Callable[[Update, Context], Coroutine[Any, Any, None]]


def spelled_names() -> list[str]:
    """Every name in the table that Telegram cannot register (``día``, ``país``, …)."""
    return [n for c in COMMANDS for n in c.names if n not in c.telegram_names]


SPELLED_COMMAND = re.compile(
    rf"^/(?P<name>{'|'.join(map(re.escape, spelled_names()))})(?:@(?P<bot>\w+))?"
    r"(?:\s+(?P<argument>.*))?$",
    re.IGNORECASE | re.DOTALL,
)
"""A slash command whose name has letters Telegram does not treat as a command (``/día``)."""


async def _reply(update: Update, context: Context, name: str, argument: str) -> None:
    if update.effective_message is not None:
        await send_answer(update, context, deps(context).service.answer(name, argument))


def answer_command(name: str) -> Callback:
    """The handler for command ``name``: ask the domain, reply with the rendered answer."""

    async def reply(update: Update, context: Context) -> None:
        await _reply(update, context, name, " ".join(context.args or ()))

    reply.__name__ = f"answer_{name}"
    return reply


async def answer_spelled_command(update: Update, context: Context) -> None:
    """``/día sábado``: a command name with accents, which Telegram cut short."""
    match = context.match
    name = command_name(match["name"]) if match else None
    if name is None or match is None:
        return
    if match["bot"] and match["bot"].lower() != (context.bot.username or "").lower():
        return  # meant for another bot in the group
    await _reply(update, context, name, match["argument"] or "")


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    """A command handler per command of the table, then commands Telegram cannot register."""
    commands: list[BaseHandler[Any, Any, Any]] = [
        CommandHandler(
            command.telegram_names,
            answer_command(command.name),
            filters=filters.UpdateType.MESSAGES,  # an edited question updates its answer
        )
        for command in COMMANDS
    ]
    spelled = MessageHandler(
        filters.UpdateType.MESSAGES & filters.Regex(SPELLED_COMMAND), answer_spelled_command
    )
    return [*commands, spelled]
