"""A small Telegram Bot API emulator on loopback, for end-to-end tests and benchmarks.

It serves the methods pelibot uses (``getMe``, long-polling ``getUpdates``, ``sendMessage``,
``editMessageText``, ``answerCallbackQuery``, ``sendPhoto``, ``answerInlineQuery``,
``setMyCommands``, ``deleteWebhook``, ``sendChatAction`` …) like Telegram does, records every
call, and lets a test act as users: send messages (with ``bot_command`` and ``mention``
entities, as replies), edit them, send stickers and photos, press inline buttons and type inline
queries. Like Telegram, ``getUpdates`` only delivers the update types in ``allowed_updates``.
It checks what the bot sends the way Telegram would: HTML must parse (only Telegram's tags,
every ``<`` and ``&`` escaped), a text may hold at most 4096 characters after parsing, callback
data at most 64 bytes, button and preview URLs must be web links.

Fault switches: ``inject`` (errors a method answers next), ``blip`` (the next calls of any method
answer a 5xx), ``slow`` (the next answers of a method come late — the call itself goes through,
like a Bot API that delivers the message but answers slowly) and ``send_unparseable`` (an update
python-telegram-bot cannot parse). ``polls`` counts getUpdates calls.

Once the bot has called ``setWebhook``, updates are no longer queued for ``getUpdates`` (which
then answers 409, as Telegram does): each one is POSTed to the webhook URL with the
``X-Telegram-Bot-Api-Secret-Token`` header, and the HTTP status is kept in ``deliveries``.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import ClientError, ClientSession, ClientTimeout, web
from telegram.request import BaseRequest, RequestData

LOOPBACK = "127.0.0.1"
TELEGRAM_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-emoji",
}
STRING_FIELDS = {
    "text",
    "caption",
    "query",
    "callback_query_id",
    "inline_query_id",
    "url",
    "action",
    "parse_mode",
    "language_code",
    "secret_token",
    "next_offset",
    "inline_message_id",
}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>")
_MENTION = re.compile(r"@\w+")
PREVIEW_FIELDS = {
    "is_disabled",
    "url",
    "prefer_small_media",
    "prefer_large_media",
    "show_above_text",
}
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class BotApiError(Exception):
    def __init__(self, code: int, description: str, **extra: Any) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.extra = extra


def parse_html(text: str) -> str:
    """The visible text of a Telegram-HTML message; ``BotApiError`` where Telegram would refuse."""
    visible: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "<":
            tag = _TAG.match(text, i)
            if tag is None or tag.group(2).lower() not in TELEGRAM_TAGS:
                raise BotApiError(400, f"Bad Request: can't parse entities: unsupported tag at {i}")
            name = tag.group(2).lower()
            if tag.group(1):
                if not stack or stack[-1] != name:
                    raise BotApiError(400, f"Bad Request: can't parse entities: stray </{name}>")
                stack.pop()
            else:
                stack.append(name)
            i = tag.end()
        elif char == "&":
            entity = _ENTITY.match(text, i)
            if entity is None:
                raise BotApiError(400, f"Bad Request: can't parse entities: bare '&' at {i}")
            visible.append(html.unescape(entity.group(0)))
            i = entity.end()
        else:
            visible.append(char)
            i += 1
    if stack:
        raise BotApiError(400, f"Bad Request: can't parse entities: unclosed <{stack[-1]}>")
    return "".join(visible)


@dataclass
class Call:
    """One Bot API request the bot made."""

    method: str
    params: dict[str, Any]
    at: float
    result: Any = None
    error: str | None = None
    files: dict[str, bytes] = field(default_factory=dict)


@dataclass
class Emulator:
    """The Bot API on ``http://127.0.0.1:<port>/bot<token>/<method>``."""

    token: str
    username: str = "pelibot_test_bot"
    bot_id: int = 7_000_000_001
    calls: list[Call] = field(default_factory=list)
    commands: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    polls_sent: dict[str, dict[str, Any]] = field(default_factory=dict)  # poll id → message
    inject: dict[str, list[BotApiError]] = field(default_factory=dict)  # errors to answer next
    outage: list[BotApiError] = field(default_factory=list)  # next calls of any method but polls
    slow: dict[str, list[float]] = field(default_factory=dict)  # seconds before the next answers
    polls: int = 0  # getUpdates calls so far

    def __post_init__(self) -> None:
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._callback_ids = itertools.count(1)
        self._answered_callbacks: set[str] = set()
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.chats: dict[int, dict[str, Any]] = {}
        self.webhook: dict[str, Any] = {}  # the last setWebhook parameters
        self.deliveries: list[tuple[int, int]] = []  # (update_id, HTTP status; 0 = no answer)
        self._session: ClientSession | None = None
        self.sent_at: dict[int, float] = {}  # update_id -> when the user sent it
        self.allowed_updates: list[str] = []  # the last getUpdates' list; empty: the default set
        self.port = 0

    # ---- server -----------------------------------------------------------------------------

    @property
    def bot_user(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Pelibot",
            "username": self.username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/bot"

    async def start(self, port: int = 0) -> str:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=1.0
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, LOOPBACK, port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        return self.base_url

    async def stop(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        params, files = await _read_params(request)
        status, body = await self.dispatch(request.match_info["method"], params, files)
        return web.json_response(body, status=status)

    async def dispatch(
        self, method: str, params: dict[str, Any], files: dict[str, bytes]
    ) -> tuple[int, dict[str, Any]]:
        """Run one Bot API method; the HTTP status and the JSON body Telegram would send."""
        call = Call(method, params, time.monotonic(), files=files)
        if method == "getUpdates":
            self.polls += 1
        try:
            queued = self.inject.get(method)
            if queued:
                raise queued.pop(0)
            if self.outage and method != "getUpdates":
                raise self.outage.pop(0)
            handler = getattr(self, f"api_{method}", None)
            if handler is None:
                raise BotApiError(404, "Not Found: method not found")
            call.result = await handler(params, files)
        except BotApiError as error:
            call.error = error.description
            await self._record(call)
            body: dict[str, Any] = {
                "ok": False,
                "error_code": error.code,
                "description": error.description,
            }
            if error.extra:
                body["parameters"] = error.extra
            return error.code, body
        await self._record(call)
        delays = self.slow.get(method)
        if delays:  # done (the message is delivered), but the answer comes late
            await asyncio.sleep(delays.pop(0))
        return 200, {"ok": True, "result": call.result}

    def blip(self, count: int = 1, code: int = 502, description: str = "Bad Gateway") -> None:
        """The next ``count`` calls of any method but getUpdates answer ``code``."""
        self.outage.extend(BotApiError(code, description) for _ in range(count))

    async def _record(self, call: Call) -> None:
        if call.method == "getUpdates":
            return  # polls are not interesting and would flood the record
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    # ---- Bot API methods --------------------------------------------------------------------

    async def api_getMe(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        return self.bot_user

    async def api_deleteWebhook(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        self.webhook = {}
        return True

    async def api_setWebhook(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        if not str(params.get("url", "")).startswith(("https://", "http://")):
            raise BotApiError(400, "Bad Request: bad webhook: invalid URL")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise BotApiError(400, "Bad Request: secret token contains unallowed characters")
        self.webhook = dict(params)
        return True

    async def api_getWebhookInfo(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}

    async def api_close(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        return True

    async def api_setMyCommands(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        commands = params.get("commands")
        if not isinstance(commands, list) or not commands:
            raise BotApiError(400, "Bad Request: commands must be a non-empty list")
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command.get("command", "")):
                raise BotApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise BotApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[params.get("language_code") or ""] = commands
        return True

    async def api_getUpdates(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        if self.webhook.get("url"):
            raise BotApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use "
                "deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        if isinstance(params.get("allowed_updates"), list):
            self.allowed_updates = list(params["allowed_updates"])
        deadline = time.monotonic() + min(timeout, 60)
        async with self._changed:
            while True:
                if offset:
                    self._updates = [u for u in self._updates if u["update_id"] >= offset]
                self._updates = [u for u in self._updates if self._allowed(u)]
                if self._updates or time.monotonic() >= deadline:
                    return self._updates[:limit]
                remaining = deadline - time.monotonic()
                try:
                    await asyncio.wait_for(self._changed.wait(), remaining)
                except TimeoutError:
                    return self._updates[:limit]

    def _allowed(self, update: dict[str, Any]) -> bool:
        """Telegram drops the update types a bot did not ask for (the default: all but a few)."""
        kind = next(key for key in update if key != "update_id")
        return kind in self.allowed_updates if self.allowed_updates else kind != "chat_member"

    def _chat(self, chat_id: Any) -> dict[str, Any]:
        if chat_id not in self.chats:
            raise BotApiError(400, "Bad Request: chat not found")
        return dict(self.chats[chat_id])

    def _new_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def _bot_message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        chat_id = params.get("chat_id")
        chat = self._chat(chat_id)
        _check_markup(params.get("reply_markup"))
        message: dict[str, Any] = {
            "message_id": self._new_message_id(chat["id"]),
            "date": int(time.time()),
            "chat": chat,
            "from": self.bot_user,
            **content,
        }
        reply = params.get("reply_parameters")
        if isinstance(reply, dict):
            quoted = self.messages.get((chat["id"], int(reply["message_id"])))
            if quoted is None and not reply.get("allow_sending_without_reply"):
                raise BotApiError(400, "Bad Request: message to be replied not found")
            if quoted is not None:
                message["reply_to_message"] = quoted
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        if (preview := _preview(params)) is not None:
            message["link_preview_options"] = preview
        self.messages[(chat["id"], message["message_id"])] = message
        return message

    async def api_sendMessage(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        return self._bot_message(params, text=_visible(params, "text"))

    async def api_sendPhoto(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        photo = files.get("photo")
        if not photo:
            raise BotApiError(400, "Bad Request: there is no photo in the request")
        content: dict[str, Any] = {
            "photo": [
                {
                    "file_id": f"photo{len(self.calls)}",
                    "file_unique_id": "u",
                    "width": 1040,
                    "height": 780,
                    "file_size": len(photo),
                }
            ],
        }
        if params.get("caption"):
            content["caption"] = params["caption"]
        return self._bot_message(params, **content)

    async def api_editMessageText(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        if params.get("inline_message_id"):
            _visible(params, "text")
            return True
        key = (params.get("chat_id"), int(params.get("message_id") or 0))
        message = self.messages.get(key)  # type: ignore[arg-type]
        if message is None or message["from"]["id"] != self.bot_id:
            raise BotApiError(400, "Bad Request: message to edit not found")
        text = _visible(params, "text")
        markup = params.get("reply_markup")
        _check_markup(markup)
        if text == message.get("text") and markup == message.get("reply_markup"):
            raise BotApiError(
                400,
                "Bad Request: message is not modified: specified new message content and "
                "reply markup are exactly the same as a current content and reply markup of the "
                "message",
            )
        preview = _preview(params)
        message = {**message, "text": text, "edit_date": int(time.time())}
        message.pop("reply_markup", None)
        message.pop("link_preview_options", None)
        if markup:
            message["reply_markup"] = markup
        if preview is not None:
            message["link_preview_options"] = preview
        self.messages[key] = message  # type: ignore[index]
        return message

    async def api_answerCallbackQuery(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        query_id = str(params.get("callback_query_id"))
        if query_id in self._answered_callbacks:
            raise BotApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        self._answered_callbacks.add(query_id)
        return True

    async def api_answerInlineQuery(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        results = params.get("results")
        if not isinstance(results, list) or len(results) > 50:
            raise BotApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = [result.get("id") for result in results]
        if len(set(ids)) != len(ids) or any(len(str(i).encode()) > 64 for i in ids):
            raise BotApiError(400, "Bad Request: RESULT_ID_INVALID")
        for result in results:
            content = result.get("input_message_content", {})
            if content.get("parse_mode") == "HTML":
                _visible(content, "message_text")
            if "thumbnail_url" in result and not _web_url(result["thumbnail_url"]):
                raise BotApiError(400, "Bad Request: THUMBNAIL_URL_INVALID")
        return True

    async def api_sendPoll(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        question = str(params.get("question") or "")
        options = params.get("options")
        if not 1 <= len(question) <= 300:
            raise BotApiError(400, "Bad Request: poll question length must not exceed 300")
        if not isinstance(options, list) or not 2 <= len(options) <= 10:
            raise BotApiError(400, "Bad Request: poll must have 2-10 options")
        texts = [o["text"] if isinstance(o, dict) else str(o) for o in options]
        if any(not 1 <= len(t) <= 100 for t in texts):
            raise BotApiError(400, "Bad Request: poll options length must not exceed 100")
        poll_id = f"poll{len(self.polls_sent) + 1}"
        poll: dict[str, Any] = {
            "id": poll_id,
            "question": question,
            "options": [
                {"text": t, "voter_count": 0, "persistent_id": f"o{k}"} for k, t in enumerate(texts)
            ],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": bool(params.get("is_anonymous", True)),
            "type": "regular",
            "allows_multiple_answers": False,
            "allows_revoting": True,
            "members_only": False,
        }
        message = self._bot_message(params, poll=poll)
        self.polls_sent[poll_id] = message
        return message

    async def api_stopPoll(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        key = (params.get("chat_id"), int(params.get("message_id") or 0))
        message = self.messages.get(key)  # type: ignore[arg-type]
        if message is None or "poll" not in message:
            raise BotApiError(400, "Bad Request: message with poll to stop not found")
        if message["poll"]["is_closed"]:
            raise BotApiError(400, "Bad Request: poll has already been closed")
        message["poll"] = {**message["poll"], "is_closed": True}
        return message["poll"]

    def vote(self, poll_id: str, option: int, voters: int = 1) -> None:
        """Users vote ``option`` of the bot's poll ``poll_id``."""
        poll = self.polls_sent[poll_id]["poll"]
        poll["options"][option]["voter_count"] += voters
        poll["total_voter_count"] += voters

    async def api_sendChatAction(self, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        self._chat(params.get("chat_id"))
        return True

    # ---- acting as users --------------------------------------------------------------------

    @staticmethod
    def user(user_id: int, first_name: str = "Ana", language_code: str = "es") -> dict[str, Any]:
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": language_code,
        }

    @staticmethod
    def private_chat(user: dict[str, Any]) -> dict[str, Any]:
        return {"id": user["id"], "type": "private", "first_name": user["first_name"]}

    @staticmethod
    def group_chat(chat_id: int, title: str = "Cine club") -> dict[str, Any]:
        return {"id": chat_id, "type": "supergroup", "title": title}

    async def _push(self, update: dict[str, Any]) -> dict[str, Any]:
        async with self._changed:
            update["update_id"] = next(self._update_ids)
            self.sent_at[update["update_id"]] = time.monotonic()
            if not self.webhook.get("url"):
                self._updates.append(update)
                self._changed.notify_all()
                return update
        status = await self.deliver(update)
        self.deliveries.append((update["update_id"], status))
        return update

    async def deliver(self, update: dict[str, Any], secret: str | None = None) -> int:
        """POST ``update`` to the webhook as Telegram does (with the registered secret unless
        ``secret`` is given); the HTTP status, 0 when nothing answered."""
        if self._session is None:
            self._session = ClientSession(timeout=ClientTimeout(total=30))
        token = self.webhook.get("secret_token") if secret is None else secret
        headers = {"X-Telegram-Bot-Api-Secret-Token": str(token)} if token else {}
        try:
            async with self._session.post(
                self.webhook["url"], json=update, headers=headers
            ) as response:
                await response.read()
                return response.status
        except (ClientError, TimeoutError):
            return 0

    async def send(
        self,
        chat: dict[str, Any],
        user: dict[str, Any],
        text: str,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A user writes ``text`` in ``chat`` (replying to ``reply_to``); returns the update (as
        the bot will get it)."""
        message = self._user_message(chat, user, text=text)
        if reply_to is not None:
            message["reply_to_message"] = self.messages[(chat["id"], reply_to["message_id"])]
        self.messages[(chat["id"], message["message_id"])] = message
        return await self._push({"message": message})

    async def edit(self, message: dict[str, Any], text: str) -> dict[str, Any]:
        """The user edits their ``message`` to ``text``: an ``edited_message`` update."""
        key = (message["chat"]["id"], message["message_id"])
        edited = {**self.messages[key], "text": text, "edit_date": int(time.time())}
        edited.pop("entities", None)
        if entities := _entities(text):
            edited["entities"] = entities
        self.messages[key] = edited
        return await self._push({"edited_message": edited})

    async def send_media(
        self, chat: dict[str, Any], user: dict[str, Any], kind: str
    ) -> dict[str, Any]:
        """A user sends a ``"sticker"``, ``"photo"`` or ``"voice"`` note."""
        file = {"file_id": f"{kind}{len(self.messages)}", "file_unique_id": f"u{kind}"}
        content: dict[str, Any] = {
            "sticker": {
                **file,
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "emoji": "🍿",
            },
            "photo": [{**file, "width": 90, "height": 90}],
            "voice": {**file, "duration": 2},
        }
        message = self._user_message(chat, user, **{kind: content[kind]})
        self.messages[(chat["id"], message["message_id"])] = message
        return await self._push({"message": message})

    def _user_message(
        self, chat: dict[str, Any], user: dict[str, Any], **content: Any
    ) -> dict[str, Any]:
        self.chats[chat["id"]] = chat
        message: dict[str, Any] = {
            "message_id": self._new_message_id(chat["id"]),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            **content,
        }
        if entities := _entities(content.get("text", "")):
            message["entities"] = entities
        return message

    async def send_unparseable(self, chat: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
        """A message update python-telegram-bot cannot parse: its ``date`` is not a number."""
        self.chats[chat["id"]] = chat
        message: dict[str, Any] = {
            "message_id": self._new_message_id(chat["id"]),
            "date": "yesterday",
            "chat": chat,
            "from": user,
            "text": "hola",
        }
        return await self._push({"message": message})

    async def press(
        self, message: dict[str, Any], user: dict[str, Any], data: str
    ) -> dict[str, Any]:
        """A user taps the inline button with ``data`` under the bot's ``message``."""
        current = self.messages[(message["chat"]["id"], message["message_id"])]
        query = {
            "id": f"cb{next(self._callback_ids)}",
            "from": user,
            "message": current,
            "chat_instance": str(current["chat"]["id"]),
            "data": data,
        }
        return await self._push({"callback_query": query})

    async def inline_query(self, user: dict[str, Any], text: str) -> dict[str, Any]:
        query = {"id": f"iq{next(self._callback_ids)}", "from": user, "query": text, "offset": ""}
        return await self._push({"inline_query": query})

    def message(self, chat_id: int, message_id: int) -> dict[str, Any]:
        return self.messages[(chat_id, message_id)]

    # ---- waiting for the bot ------------------------------------------------------------------

    async def wait_for(
        self, predicate: Callable[[Call], bool], *, after: int = 0, timeout: float = 10.0
    ) -> Call:
        """The first recorded call from index ``after`` on that matches ``predicate``."""
        async with self._changed:
            seen = after
            deadline = time.monotonic() + timeout
            while True:
                for call in self.calls[seen:]:
                    if predicate(call):
                        return call
                seen = max(seen, len(self.calls))
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"no matching Bot API call within {timeout} s")
                try:
                    await asyncio.wait_for(self._changed.wait(), remaining)
                except TimeoutError:
                    continue

    async def wait_count(
        self,
        predicate: Callable[[Call], bool],
        count: int,
        *,
        after: int = 0,
        timeout: float = 10.0,
    ) -> list[Call]:
        """Wait until ``count`` calls from index ``after`` on match ``predicate``."""
        deadline = time.monotonic() + timeout
        found: list[Call] = []
        seen = after
        async with self._changed:
            while True:
                found += [call for call in self.calls[seen:] if predicate(call)]
                seen = max(seen, len(self.calls))
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"{len(found)} of {count} calls within {timeout} s")
                try:
                    await asyncio.wait_for(self._changed.wait(), remaining)
                except TimeoutError:
                    continue

    def mark(self) -> int:
        """An index for ``after=``: only calls made from now on."""
        return len(self.calls)


def _visible(params: dict[str, Any], key: str) -> str:
    text = params.get(key)
    if not isinstance(text, str) or not text.strip():
        raise BotApiError(400, f"Bad Request: {key} must be non-empty")
    visible = parse_html(text) if params.get("parse_mode") == "HTML" else text
    if len(visible) > 4096:
        raise BotApiError(400, "Bad Request: message is too long")
    return visible


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _entities(text: str) -> list[dict[str, Any]]:
    """What Telegram marks in a user's text: a leading /command and @mentions."""
    entities = []
    if text.startswith("/"):
        entities.append(
            {"type": "bot_command", "offset": 0, "length": _utf16(text.split(maxsplit=1)[0])}
        )
    for mention in _MENTION.finditer(text):
        if mention.start() == 0 and text.startswith("/"):
            continue
        before = text[: mention.start()]
        if before and not before[-1].isspace():
            continue  # "/mes@bot" is part of the command
        entities.append(
            {"type": "mention", "offset": _utf16(before), "length": _utf16(mention.group())}
        )
    return entities


def _web_url(url: Any) -> bool:
    return isinstance(url, str) and url.startswith(("https://", "http://")) and " " not in url


def _preview(params: dict[str, Any]) -> dict[str, Any] | None:
    """The ``link_preview_options`` of a message, checked as Telegram reads them."""
    preview = params.get("link_preview_options")
    if preview is None:
        return None
    if not isinstance(preview, dict) or not set(preview) <= PREVIEW_FIELDS:
        raise BotApiError(400, "Bad Request: can't parse link preview options")
    if "url" in preview and not _web_url(preview["url"]):
        raise BotApiError(400, "Bad Request: link preview URL is invalid")
    if preview.get("prefer_small_media") and preview.get("prefer_large_media"):
        raise BotApiError(400, "Bad Request: can't prefer both small and large media")
    return preview


def _check_markup(markup: Any) -> None:
    if not markup:
        return
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not button.get("text"):
                raise BotApiError(400, "Bad Request: button text must be non-empty")
            actions = [k for k in ("callback_data", "url", "switch_inline_query") if k in button]
            if len(actions) != 1:
                raise BotApiError(400, "Bad Request: a button needs exactly one action")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode("utf-8")) <= 64:
                raise BotApiError(400, "Bad Request: BUTTON_DATA_INVALID")
            if "url" in button and not _web_url(button["url"]):
                raise BotApiError(400, "Bad Request: BUTTON_URL_INVALID")


async def _read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, bytes]]:
    raw: dict[str, Any] = dict(request.query)
    files: dict[str, bytes] = {}
    if request.content_type == "application/json":
        raw.update(await request.json())
        return raw, files
    if request.can_read_body:
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                files[key] = value.file.read()
            else:
                raw[key] = value
    return decode_params(raw), files


def decode_params(raw: dict[str, Any]) -> dict[str, Any]:
    """Form fields as the Bot API reads them: objects and numbers arrive JSON-encoded."""
    params: dict[str, Any] = {}
    for key, value in raw.items():
        if key in STRING_FIELDS or not isinstance(value, str):
            params[key] = value
            continue
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params


class EmulatorRequest(BaseRequest):
    """A python-telegram-bot request backend that calls the emulator in-process (no sockets)."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator

    @property
    def read_timeout(self) -> float:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(  # type: ignore[override]
        self, url: str, method: str, request_data: RequestData | None = None, **timeouts: Any
    ) -> tuple[int, bytes]:
        token, _, api = url.rpartition("/")
        if not token.endswith(f"bot{self.emulator.token}"):
            return 401, b'{"ok": false, "error_code": 401, "description": "Unauthorized"}'
        params = decode_params(dict(request_data.json_parameters)) if request_data else {}
        files: dict[str, bytes] = {}
        for name, part in (request_data.multipart_data if request_data else {}).items():
            content = part[1]
            files[name] = content if isinstance(content, bytes) else content.read()
        status, body = await self.emulator.dispatch(api, params, files)
        return status, json.dumps(body).encode()
