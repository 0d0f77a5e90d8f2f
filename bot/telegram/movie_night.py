"""Movie night in a group: "@bot qué vemos hoy" (with filters or not) gets a native Telegram poll
of a few well-liked films that fit; when the poll closes, or someone sends ``/cerrar``, the bot
announces the winner with its card.

The poll's options are remembered in ``bot_data`` by poll id (the poll updates Telegram sends
carry no chat), and each chat's open poll in its ``chat_data`` (for ``/cerrar``). In a private
chat the same words give one pick with a "🎲 Otra" button instead.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from typing import Any

from telegram import Poll, Update
from telegram.error import BadRequest
from telegram.ext import BaseHandler, CommandHandler, PollHandler

from bot import i18n
from bot.render import filters_text, movie_label
from bot.telegram.common import Context, answer_html, deps, lang_of
from bot.telegram.replies import message_options
from handlers import answers as a
from handlers.commands import CLOSE_NAMES

log = logging.getLogger(__name__)

QUESTION_LIMIT = 300
OPTION_LIMIT = 100


@dataclass(frozen=True)
class OpenPoll:
    """A movie-night poll the bot sent: where, and the films of its options."""

    chat_id: int
    message_id: int
    films: tuple[int, ...]
    lang: str


async def send_vote(update: Update, context: Context, answer: a.VoteAnswer) -> None:
    """Send ``answer``'s films as a poll (or say there are too few to vote on)."""
    message = update.effective_message
    if message is None:
        return
    lang = lang_of(update.effective_user)
    if len(answer.films) < 2:
        await message.reply_text(answer_html(answer, lang))
        return
    question = i18n.text(
        "vote.question", lang, filters=filters_text(answer.query, lang, answer.names)
    )
    sent = await context.bot.send_poll(
        chat_id=message.chat_id,
        question=question[:QUESTION_LIMIT],
        options=[movie_label(f.movie, lang)[:OPTION_LIMIT] for f in answer.films],
        is_anonymous=False,
        reply_to_message_id=message.message_id,
    )
    if sent.poll is None:
        return
    open_poll = OpenPoll(
        message.chat_id, sent.message_id, tuple(f.movie.id for f in answer.films), lang
    )
    context.bot_data.polls[sent.poll.id] = open_poll
    if context.chat_data is not None:
        context.chat_data.poll = sent.poll.id


async def on_poll(update: Update, context: Context) -> None:
    """A poll of the bot's changed: when it is closed, announce its winner."""
    poll = update.poll
    if poll is not None and poll.is_closed:
        await announce(context, poll)


async def on_close(update: Update, context: Context) -> None:
    """``/cerrar``: close this chat's open poll (its winner is announced)."""
    message = update.effective_message
    if message is None:
        return
    poll_id = context.chat_data.poll if context.chat_data is not None else None
    open_poll = context.bot_data.polls.get(poll_id) if poll_id else None
    if open_poll is None:
        await message.reply_text(i18n.text("vote.none", lang_of(update.effective_user)))
        return
    try:
        poll = await context.bot.stop_poll(open_poll.chat_id, open_poll.message_id)
    except BadRequest as error:  # closed meanwhile, or deleted: nothing left to close
        log.info("could not close a poll: %s", error.message)
        context.bot_data.polls.pop(poll_id or "", None)
        return
    await announce(context, poll)


async def announce(context: Context, poll: Poll) -> None:
    """The winner of ``poll`` (most votes; the first option on a tie) with its card."""
    open_poll = context.bot_data.polls.pop(poll.id, None)
    if open_poll is None:
        return  # not ours, or announced already
    lang = open_poll.lang
    votes = [option.voter_count for option in poll.options]
    best = max(range(len(votes)), key=lambda k: (votes[k], -k))
    card = deps(context).service.film_card(open_poll.films[best])
    if card is None:
        return
    title = movie_label(card.movie, lang)
    if votes[best]:
        said = i18n.text("list.votes", lang, votes[best], votes=str(votes[best]))
        head = i18n.text("vote.winner", lang, title=title, votes=said)
    else:
        head = i18n.text("vote.no_votes", lang, title=title)
    options = message_options(card, lang, deps(context))
    text = f"{html.escape(head, quote=False)}\n\n{answer_html(card, lang)}"
    await context.bot.send_message(open_poll.chat_id, text, **options)


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    """The poll's updates, and ``/cerrar`` (``/close``)."""
    return [PollHandler(on_poll), CommandHandler(list(CLOSE_NAMES), on_close)]
