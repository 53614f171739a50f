"""A recording fake of the Bot API: answers like Telegram, keeps every call, injects faults.

`BotApiState` is the shared brain (also behind the e2e HTTP server); `RecordingRequest` is the
in-process `BaseRequest` (like PTB's OfflineRequest) that hands it every call; `Reader` builds
the updates a Telegram user would cause.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.ext import ExtBot
from telegram.request import BaseRequest, RequestData

from bot.config import Settings
from handlers.context import RingkasApp

JSON = dict[str, Any]
BOT_ID = 4242
BOT_USERNAME = "ringkas_test_bot"
TOKEN = "123:TEST"
_TAG = re.compile(r"<[^>]+>")
_ALWAYS_TRUE = frozenset(
    {
        "answerCallbackQuery",
        "sendChatAction",
        "setMyCommands",
        "deleteWebhook",
        "setWebhook",
        "deleteMessage",
        "close",
        "logOut",
    }
)


@dataclass(frozen=True)
class Call:
    """One Bot API call as the bot made it."""

    method: str
    params: JSON


@dataclass(frozen=True)
class Fault:
    """An error answer to give instead of doing the work."""

    status: int
    retry_after: int | None = None


@dataclass
class BotApiState:
    """The Bot API's side: chats' messages, files, recorded calls and queued faults."""

    calls: list[Call] = field(default_factory=list)
    sent: list[JSON] = field(default_factory=list)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    faults: dict[str, deque[Fault]] = field(default_factory=dict)
    _messages: dict[tuple[int, int], JSON] = field(default_factory=dict)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1000))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @staticmethod
    def bot_user() -> JSON:
        """The bot's own User object."""
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Ringkas",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def fail_next(
        self, method: str, status: int, *, count: int = 1, retry_after: int | None = None
    ) -> None:
        """Answer the next `count` calls of `method` with an error instead of doing the work."""
        with self._lock:
            queue = self.faults.setdefault(method, deque())
            queue.extend(Fault(status, retry_after) for _ in range(count))

    def add_file(self, file_id: str, file_name: str, content: bytes) -> None:
        """Make a file downloadable through getFile."""
        with self._lock:
            self.files[file_id] = (f"documents/{file_id}_{file_name}", content)

    def file_content(self, file_path: str) -> bytes | None:
        """The bytes behind a file path from getFile."""
        with self._lock:
            for path, content in self.files.values():
                if file_path.endswith(path):
                    return content
        return None

    def handle(self, method: str, params: JSON) -> tuple[int, JSON]:
        """Answer one call: (HTTP status, the Bot API's JSON body)."""
        with self._lock:
            self.calls.append(Call(method, params))
            queue = self.faults.get(method)
            if queue:
                return _fault_answer(queue.popleft())
            return self._answer(method, params)

    def methods(self) -> list[str]:
        """The method names called so far, in order."""
        with self._lock:
            return [call.method for call in self.calls]

    def calls_of(self, method: str) -> list[Call]:
        """The calls of one method, in order."""
        with self._lock:
            return [call for call in self.calls if call.method == method]

    def texts(self, chat_id: int | None = None) -> list[str]:
        """The HTML texts of every message sent (optionally to one chat), in order."""
        with self._lock:
            return [
                message["html"]
                for message in self.sent
                if chat_id is None or message["chat"]["id"] == chat_id
            ]

    def message(self, chat_id: int, message_id: int) -> JSON:
        """A message as it stands now (edits applied)."""
        with self._lock:
            return dict(self._messages[(chat_id, message_id)])

    def _answer(self, method: str, params: JSON) -> tuple[int, JSON]:
        if method == "getMe":
            return _ok(self.bot_user())
        if method in _ALWAYS_TRUE:
            return _ok(True)
        if method == "sendMessage":
            return _ok(self._store_message(params))
        if method == "sendDocument":
            return _ok(self._store_message({**params, "text": "[document]"}))
        if method == "editMessageText":
            return self._edit(params)
        if method == "getFile":
            return self._get_file(str(params["file_id"]))
        if method == "getWebhookInfo":
            return _ok({"url": "", "has_custom_certificate": False, "pending_update_count": 0})
        if method == "getMyCommands":
            return _ok([])
        return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}

    def _store_message(self, params: JSON) -> JSON:
        chat_id = int(params["chat_id"])
        markup_text = str(params.get("text", ""))
        message: JSON = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": self.bot_user(),
            "text": plain_text(markup_text),
            "html": markup_text,
        }
        if params.get("reply_markup"):
            message["reply_markup"] = _decoded(params["reply_markup"])
        self._messages[(chat_id, message["message_id"])] = message
        self.sent.append(message)
        return _public(message)

    def _edit(self, params: JSON) -> tuple[int, JSON]:
        key = (int(params["chat_id"]), int(params["message_id"]))
        message = self._messages.get(key)
        if message is None:
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message to edit not found",
            }
        markup = _decoded(params["reply_markup"]) if params.get("reply_markup") else None
        if message["html"] == params["text"] and message.get("reply_markup") == markup:
            description = "Bad Request: message is not modified: specified new message content"
            return 400, {"ok": False, "error_code": 400, "description": description}
        message.update(html=str(params["text"]), text=plain_text(str(params["text"])))
        if markup is not None:
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        return _ok(_public(message))

    def _get_file(self, file_id: str) -> tuple[int, JSON]:
        if file_id not in self.files:
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: invalid file_id",
            }
        path, content = self.files[file_id]
        return _ok(
            {
                "file_id": file_id,
                "file_unique_id": f"u{file_id}",
                "file_size": len(content),
                "file_path": path,
            }
        )


def plain_text(markup_text: str) -> str:
    """What a Telegram client shows for HTML text."""
    return html.unescape(_TAG.sub("", markup_text))


def _public(message: JSON) -> JSON:
    return {key: value for key, value in message.items() if key != "html"}


def _decoded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _ok(result: Any) -> tuple[int, JSON]:
    return 200, {"ok": True, "result": result}


def _fault_answer(fault: Fault) -> tuple[int, JSON]:
    if fault.retry_after is not None:
        description = f"Too Many Requests: retry after {fault.retry_after}"
        return 429, {
            "ok": False,
            "error_code": 429,
            "description": description,
            "parameters": {"retry_after": fault.retry_after},
        }
    return fault.status, {"ok": False, "error_code": fault.status, "description": "Bad Gateway"}


class RecordingRequest(BaseRequest):
    """A BaseRequest that never touches the network: BotApiState answers every call."""

    def __init__(self, state: BotApiState | None = None) -> None:
        self.state = state or BotApiState()

    @property
    def read_timeout(self) -> float | None:
        """No network, no timeout."""
        return None

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Answer from the state; GETs under /file/ download a stored file."""
        if "/file/" in url:
            content = self.state.file_content(url)
            return (200, content) if content is not None else (404, b"")
        params = dict(request_data.parameters) if request_data else {}
        status, body = self.state.handle(url.rsplit("/", 1)[-1], params)
        return status, json.dumps(body).encode()


@dataclass
class Reader:
    """A Telegram user who sends messages and presses buttons in one chat."""

    user_id: int = 111
    language_code: str | None = "en"
    chat_id: int | None = None
    chat_type: str = "private"
    _update_ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    _message_ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def chat(self) -> JSON:
        """The chat the reader writes in."""
        chat_id = self.chat_id if self.chat_id is not None else self.user_id
        if self.chat_type == "private":
            return {"id": chat_id, "type": "private", "first_name": "Reader"}
        return {"id": chat_id, "type": self.chat_type, "title": "Berita Grup"}

    @property
    def user(self) -> JSON:
        """The reader's User object."""
        user: JSON = {"id": self.user_id, "is_bot": False, "first_name": "Reader"}
        if self.language_code:
            user["language_code"] = self.language_code
        return user

    def message(self, text: str | None = None, **extra: Any) -> JSON:
        """A message update's JSON (extra fields: reply_to_message, document, entities ...)."""
        message: JSON = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chat,
            "from": self.user,
            **extra,
        }
        if text is not None:
            message["text"] = text
            if text.startswith("/"):
                command = text.split(maxsplit=1)[0]
                message.setdefault(
                    "entities", [{"type": "bot_command", "offset": 0, "length": len(command)}]
                )
        return {"update_id": next(self._update_ids), "message": message}

    def forward(self, text: str) -> JSON:
        """A post forwarded from a channel."""
        origin = {
            "type": "channel",
            "chat": {"id": -100777, "type": "channel", "title": "Kabar"},
            "message_id": 5,
            "date": int(time.time()),
        }
        return self.message(text, forward_origin=origin, forward_date=int(time.time()))

    def document(self, file_id: str, file_name: str, size: int, caption: str | None = None) -> JSON:
        """A file sent as a document."""
        document = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": file_name,
            "file_size": size,
        }
        extra: JSON = {"document": document}
        if caption:
            extra["caption"] = caption
        return self.message(None, **extra)

    def reply(self, text: str, to: JSON) -> JSON:
        """A reply to one of the bot's messages."""
        return self.message(text, reply_to_message=_public(to))

    def mention(self, text: str) -> JSON:
        """A message that starts by mentioning the bot."""
        mention = f"@{BOT_USERNAME}"
        entities = [{"type": "mention", "offset": 0, "length": len(mention)}]
        return self.message(f"{mention} {text}", entities=entities)

    def press(self, message: JSON, callback_data: str) -> JSON:
        """Press an inline button of a bot message."""
        query = {
            "id": f"q{next(self._update_ids)}",
            "from": self.user,
            "chat_instance": "ci",
            "data": callback_data,
            "message": _public(message),
        }
        return {"update_id": next(self._update_ids), "callback_query": query}


def to_update(data: JSON, bot: ExtBot[Any]) -> Update:
    """Turn update JSON into an Update bound to the bot."""
    update = Update.de_json(data, bot)
    if update is None:
        raise ValueError("not an update")
    return update


def buttons(message: JSON) -> dict[str, str]:
    """The message's inline buttons: label → callback data."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return {button["text"]: button.get("callback_data", "") for row in rows for button in row}


PAGES = Path(__file__).parent / "fixtures" / "telegram"


def page(name: str) -> str:
    """A fixture page's text."""
    return (PAGES / name).read_text(encoding="utf-8")


def make_settings(database_url: str, **overrides: Any) -> Settings:
    """Settings for tests: no .env, a fake token, a short merge window."""
    values: dict[str, Any] = {
        "telegram_bot_token": "123:TEST",
        "database_url": database_url,
        "merge_window_seconds": 0.3,
        "messages_per_minute": 100,
        "work_timeout_seconds": 20.0,
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@dataclass
class Harness:
    """The application and the Bot API it talks to."""

    app: RingkasApp
    api: BotApiState

    async def send(self, *updates: JSON) -> None:
        """Process updates one after another, as the bot would."""
        for data in updates:
            await self.app.process_update(to_update(data, self.app.bot))

    async def send_together(self, *updates: JSON) -> None:
        """Process updates concurrently, as they arrive back to back."""
        await asyncio.gather(
            *(self.app.process_update(to_update(data, self.app.bot)) for data in updates)
        )

    def replies(self, chat_id: int | None = None) -> list[str]:
        """Every message text sent so far."""
        return self.api.texts(chat_id)

    def last(self) -> JSON:
        """The last message sent, as it stands now."""
        sent = self.api.sent[-1]
        return self.api.message(sent["chat"]["id"], sent["message_id"])

    def clear(self) -> None:
        """Forget the calls and messages recorded so far."""
        self.api.calls.clear()
        self.api.sent.clear()
