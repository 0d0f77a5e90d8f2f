"""/start and /help (with example buttons that answer at once), and a hint for unknown commands
in private chats."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CommandHandler, MessageHandler, filters

from bot import i18n
from bot.render import help_html, start_html
from bot.telegram.common import Context, deps, lang_of
from bot.telegram.replies import example_buttons
from handlers.commands import HELP_NAMES, START_NAMES

ONLY_NEW = filters.UpdateType.MESSAGE
START_EXAMPLES = 4


def _examples(context: Context, lang: str) -> InlineKeyboardMarkup | None:
    rows = example_buttons(lang, deps(context), count=START_EXAMPLES)
    return InlineKeyboardMarkup(rows) if rows else None


async def start(update: Update, context: Context) -> None:
    if update.effective_message:
        lang = lang_of(update.effective_user)
        service = deps(context).service
        first, last = service.year_range
        html = start_html(
            lang, len(service.movies), first, last, bot=context.bot.username or "pelibot"
        )
        await update.effective_message.reply_text(html, reply_markup=_examples(context, lang))


async def help_command(update: Update, context: Context) -> None:
    if update.effective_message:
        lang = lang_of(update.effective_user)
        html = help_html(lang, bot=context.bot.username or "pelibot")
        await update.effective_message.reply_text(html, reply_markup=_examples(context, lang))


async def unknown_command(update: Update, context: Context) -> None:
    """A command the bot does not have, in a private chat (groups stay silent)."""
    message = update.effective_message
    if message and message.text:
        typed = message.text.split()[0][:40]
        reply = i18n.text("unknown_command", lang_of(update.effective_user), command=typed)
        await message.reply_text(reply, parse_mode=None)


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    return [
        CommandHandler(START_NAMES, start, filters=ONLY_NEW),
        CommandHandler(HELP_NAMES, help_command, filters=ONLY_NEW),
    ]


def unknown_command_handler() -> BaseHandler[Any, Any, Any]:
    """A private command that no handler before it took gets a hint."""
    return MessageHandler(
        filters.ChatType.PRIVATE & filters.Regex(r"^\s*/") & ONLY_NEW, unknown_command
    )
