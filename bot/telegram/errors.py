"""The error handler: log the failure, tell the user briefly, never let it stop the bot."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes

from bot import i18n
from bot.telegram.common import lang_of

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    log.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update):
        return  # e.g. a network error of the polling loop: nobody to answer
    apology = i18n.text("apology", lang_of(update.effective_user))
    try:
        if update.callback_query is not None:
            try:
                await update.callback_query.answer(apology)
                return
            except TelegramError:  # already answered: say it in the chat instead
                pass
        if update.effective_message is not None and update.inline_query is None:
            await update.effective_message.reply_text(apology, parse_mode=None)
    except TelegramError as error:
        log.warning("could not send the apology: %s", error)


def register(application: Application) -> None:
    application.add_error_handler(on_error)
