"""The error handler: log the failure, tell the user briefly, never let it stop the bot.

The apology goes out only when the answer surely did not arrive: not after a send that timed out
once sent (Telegram may have delivered it, only late), nor to a user who blocked the bot.
Expected Bot API failures are logged in one line; anything else with its traceback.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, TelegramError

from bot import i18n
from bot.telegram.common import Context, lang_of
from bot.telegram.resilience import may_have_arrived

log = logging.getLogger(__name__)


async def on_error(update: object, context: Context) -> None:
    error = context.error
    if not isinstance(update, Update):  # e.g. a failed poll: python-telegram-bot polls again
        if isinstance(error, TelegramError):
            log.warning("fetching updates failed: %s: %s", type(error).__name__, error)
        else:
            log.error("error outside an update", exc_info=error)
        return
    if isinstance(error, Forbidden):
        log.warning("update %d: the user cannot be reached (%s)", update.update_id, error)
        return
    if error is not None and may_have_arrived(error):
        log.warning(
            "update %d: the reply timed out once sent and may have arrived late; no apology",
            update.update_id,
        )
        return
    if isinstance(error, TelegramError):
        log.error(
            "error while handling an update %d: %s: %s",
            update.update_id,
            type(error).__name__,
            error,
        )
    else:
        log.error("error while handling an update %d", update.update_id, exc_info=error)
    apology = i18n.text("apology", lang_of(update.effective_user))
    try:
        if update.callback_query is not None:
            try:
                await update.callback_query.answer(apology)
                return
            except TelegramError:  # already answered: say it in the chat instead
                pass
        message = update.effective_message
        # A message without a chat (never from Telegram, but anyone may post to a webhook)
        # has nowhere to be answered.
        in_chat = update.effective_chat is not None and update.inline_query is None
        if message is not None and in_chat:
            await message.reply_text(apology, parse_mode=None)
    except TelegramError as failure:
        log.warning("could not send the apology: %s", failure)
    except Exception:  # the error handler itself must never fail
        log.exception("could not send the apology for update %d", update.update_id)
