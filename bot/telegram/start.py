"""/start and /help, and a hint for private messages the bot does not understand."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes, MessageHandler, filters

from bot import messages
from bot.render import help_html, start_html
from bot.telegram.common import lang_of

ONLY_NEW = filters.UpdateType.MESSAGE


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message:
        await update.effective_message.reply_text(start_html(lang_of(update.effective_user)))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message:
        await update.effective_message.reply_text(help_html(lang_of(update.effective_user)))


async def private_hint(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Plain text in a private chat: point at the commands (groups stay silent)."""
    if update.effective_message:
        key = "unknown_command" if filters.COMMAND.check_update(update) else "private_hint"
        lang = lang_of(update.effective_user)
        await update.effective_message.reply_text(messages.text(key, lang), parse_mode=None)


def register(application: Application) -> None:
    application.add_handler(CommandHandler("start", start, filters=ONLY_NEW))
    application.add_handler(CommandHandler(["help", "ayuda"], help_command, filters=ONLY_NEW))


def register_fallback(application: Application) -> None:
    """Register last: private text that no command handler took gets a hint."""
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & ONLY_NEW, private_hint)
    )
