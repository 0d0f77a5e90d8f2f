"""/start and /help, and a hint for private messages the bot does not understand."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes, MessageHandler, filters

from bot import i18n
from bot.render import help_html, start_html
from bot.telegram.common import deps, lang_of
from handlers.commands import HELP_NAMES, START_NAMES

ONLY_NEW = filters.UpdateType.MESSAGE


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message:
        service = deps(context).service
        first, last = service.year_range
        html = start_html(lang_of(update.effective_user), len(service.movies), first, last)
        await update.effective_message.reply_text(html)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message:
        await update.effective_message.reply_text(help_html(lang_of(update.effective_user)))


async def private_hint(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Plain text in a private chat: point at the commands (groups stay silent)."""
    message = update.effective_message
    if message:
        lang = lang_of(update.effective_user)
        if filters.COMMAND.check_update(update):
            typed = (message.text or "").split()[0][:40]
            reply = i18n.text("unknown_command", lang, command=typed)
        else:
            reply = i18n.text("private_hint", lang)
        await message.reply_text(reply, parse_mode=None)


def register(application: Application) -> None:
    application.add_handler(CommandHandler(START_NAMES, start, filters=ONLY_NEW))
    application.add_handler(CommandHandler(HELP_NAMES, help_command, filters=ONLY_NEW))


def register_fallback(application: Application) -> None:
    """Register last: private text that no command handler took gets a hint."""
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & ONLY_NEW, private_hint)
    )
