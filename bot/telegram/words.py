"""Plain words: any private message that is not a command, and in groups a message that mentions
the bot or replies to it, is read as a question (``handlers.router``). Also: media get a hint,
and buttons that run an example or a card's action answer in a new message.
"""

from __future__ import annotations

import re
from typing import Any

from telegram import Message, MessageEntity, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from bot import i18n
from bot.telegram.buttons import acknowledge, pressed
from bot.telegram.common import Context, answer_html, deps, lang_of
from bot.telegram.replies import (
    RUN_PREFIX,
    answer_to,
    message_options,
    next_turn,
    send_answer,
)
from handlers.router import NotUnderstood

WORDS = filters.TEXT & ~filters.Regex(r"^\s*/")
"""Text that is not a command (commands, ``/día`` included, have their own handlers)."""
NEW_OR_EDITED = filters.UpdateType.MESSAGES
MEDIA = (
    filters.Sticker.ALL
    | filters.PHOTO
    | filters.VOICE
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.AUDIO
    | filters.ANIMATION
    | filters.Document.ALL
)


async def answer_words(update: Update, context: Context, text: str) -> None:
    """Route ``text`` and reply (or update the earlier reply, for an edited message)."""
    router = deps(context).router
    routed = router.route(text)
    turn = next_turn(context.chat_data) if isinstance(routed, NotUnderstood) else 0
    await send_answer(update, context, router.resolve(routed, turn))


def _sent_via_me(message: Message, context: Context) -> bool:
    """A card the user shared through inline mode: not a question."""
    return message.via_bot is not None and message.via_bot.id == context.bot.id


async def on_private_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or message.text is None or _sent_via_me(message, context):
        return
    await answer_words(update, context, message.text)


def addressed_text(message: Message, context: Context) -> str | None:
    """In a group: the text without the bot's @mention when the message mentions the bot or
    replies to one of its messages; None for chatter between people."""
    if message.text is None or _sent_via_me(message, context):
        return None
    username = (context.bot.username or "").lower()
    mentions = message.parse_entities([MessageEntity.MENTION]).values()
    mentioned = bool(username) and any(m.lower() == f"@{username}" for m in mentions)
    replied = message.reply_to_message
    to_me = (
        replied is not None
        and replied.from_user is not None
        and (replied.from_user.id == context.bot.id)
    )
    if not (mentioned or to_me):
        return None
    if not username:
        return message.text
    return re.sub(rf"@{re.escape(username)}\b", " ", message.text, flags=re.IGNORECASE)


async def on_group_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    text = addressed_text(message, context)
    if text is None and update.edited_message is not None:
        answered = answer_to(context.chat_data, message.message_id) is not None
        text = message.text if answered else None  # it was a question; it still is
    if text is not None:
        await answer_words(update, context, text)


async def on_media(update: Update, context: Context) -> None:
    """A sticker, photo, voice note… in a private chat: say what the bot reads."""
    if update.effective_message:
        lang = lang_of(update.effective_user)
        await update.effective_message.reply_text(i18n.text("media_hint", lang), parse_mode=None)


async def on_run(update: Update, context: Context) -> None:
    """``e <command> <key>``: an example or a card's action, answered in a new message."""
    press = pressed(update, context, RUN_PREFIX)
    if press.answer is None or press.message is None:
        await acknowledge(press.query, i18n.text("stale_button", press.lang))
        return
    await acknowledge(press.query)
    await press.message.reply_text(
        answer_html(press.answer, press.lang),
        **message_options(press.answer, press.lang, press.found),
    )


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    """Example and card-action buttons, and messages in words (after the commands)."""
    return [
        CallbackQueryHandler(on_run, pattern=rf"^{RUN_PREFIX} "),
        MessageHandler(filters.ChatType.PRIVATE & WORDS & NEW_OR_EDITED, on_private_text),
        MessageHandler(filters.ChatType.GROUPS & WORDS & NEW_OR_EDITED, on_group_text),
        MessageHandler(filters.ChatType.PRIVATE & MEDIA & filters.UpdateType.MESSAGE, on_media),
    ]
