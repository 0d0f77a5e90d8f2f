"""/start and /help (with example buttons that answer at once), and a hint for unknown commands
in private chats."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import Application, CommandHandler, ContextTypes, MessageHandler, filters

from bot import i18n
from bot.render import help_html, start_html
from bot.telegram.common import deps, lang_of
from bot.telegram.replies import example_buttons
from handlers.commands import HELP_NAMES, START_NAMES

ONLY_NEW = filters.UpdateType.MESSAGE
START_EXAMPLES = 4


def _examples(context: ContextTypes.DEFAULT_TYPE, lang: str) -> InlineKeyboardMarkup | None:
    rows = example_buttons(lang, deps(context), count=START_EXAMPLES)
    return InlineKeyboardMarkup(rows) if rows else None


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message:
        lang = lang_of(update.effective_user)
        service = deps(context).service
        first, last = service.year_range
        html = start_html(
            lang, len(service.movies), first, last, bot=context.bot.username or "pelibot"
        )
        await update.effective_message.reply_text(html, reply_markup=_examples(context, lang))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message:
        lang = lang_of(update.effective_user)
        html = help_html(lang, bot=context.bot.username or "pelibot")
        await update.effective_message.reply_text(html, reply_markup=_examples(context, lang))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command the bot does not have, in a private chat (groups stay silent)."""
    message = update.effective_message
    if message and message.text:
        typed = message.text.split()[0][:40]
        reply = i18n.text("unknown_command", lang_of(update.effective_user), command=typed)
        await message.reply_text(reply, parse_mode=None)


def register(application: Application) -> None:
    application.add_handler(CommandHandler(START_NAMES, start, filters=ONLY_NEW))
    application.add_handler(CommandHandler(HELP_NAMES, help_command, filters=ONLY_NEW))


def register_fallback(application: Application) -> None:
    """Register last: a private command that no handler took gets a hint."""
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & filters.Regex(r"^\s*/") & ONLY_NEW, unknown_command
        )
    )
