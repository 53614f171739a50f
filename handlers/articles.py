"""Articles in: pasted text (merging a paste Telegram split), forwarded posts and page files."""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Final

from telegram import Document, Message, Update
from telegram.ext import MessageHandler, filters

from bot.desk import NothingStored, Reception, SummaryView
from bot.news import NotAnArticle
from handlers.common import (
    keep_typing,
    reader_language,
    reply_domain_error,
    run_desk,
    send_answer,
    send_plain,
    send_summary,
    submit_and_summarize,
)
from handlers.context import RingkasApp, RingkasContext
from handlers.groups import without_mention
from handlers.questions import REPLY_TO_BOT
from handlers.texts import Lang, text

logger = logging.getLogger(__name__)

# Telegram clients cut a long paste into parts of up to 4,096 characters, at a space or line
# break; a part this long probably has more behind it.
PASTE_PART_MIN_CHARS: Final = 3000
# However parts keep coming, a paste is read after this many windows.
_MAX_WINDOWS: Final = 10
PAGE_EXTENSIONS: Final = frozenset({".txt", ".html", ".htm", ".md"})
_SENTENCE_END = re.compile(r"[.!?…:\"'\u201d\u2019)]\s*$")


@dataclass
class _Paste:
    """The parts of one reader's paste received so far."""

    parts: list[str]
    arrived: asyncio.Event = field(default_factory=asyncio.Event)


class PasteMerger:
    """Buffers consecutive messages of one reader in one chat that arrive within the window."""

    def __init__(self) -> None:
        self._pastes: dict[tuple[int, int], _Paste] = {}

    def join_pending(self, key: tuple[int, int], part: str) -> bool:
        """Add a part to the reader's pending paste; False when there is none."""
        paste = self._pastes.get(key)
        if paste is None:
            return False
        paste.parts.append(part)
        paste.arrived.set()
        return True

    def start(self, key: tuple[int, int], first_part: str) -> _Paste:
        """Open a paste for the reader; call before any await so the next part finds it."""
        paste = _Paste(parts=[first_part])
        self._pastes[key] = paste
        return paste

    async def collect(self, key: tuple[int, int], paste: _Paste, window: float) -> str:
        """Wait until no part has arrived for `window` seconds; return the parts joined."""
        try:
            for _ in range(_MAX_WINDOWS):
                paste.arrived.clear()
                try:
                    await asyncio.wait_for(paste.arrived.wait(), window)
                except TimeoutError:
                    break
        finally:
            if self._pastes.get(key) is paste:
                del self._pastes[key]
        return join_parts(paste.parts)


def join_parts(parts: list[str]) -> str:
    """Glue a split paste back: a paragraph break after a finished sentence, else a space."""
    joined = parts[0]
    for part in parts[1:]:
        joined += ("\n\n" if _SENTENCE_END.search(joined) else " ") + part
    return joined


def is_page_file(document: Document) -> bool:
    """Whether the file name says .txt, .html or .md."""
    return PurePath(document.file_name or "").suffix.lower() in PAGE_EXTENSIONS


async def receive_text(
    update: Update, context: RingkasContext, message_text: str, lang: Lang
) -> None:
    """Treat a message as an article when it looks like one, else answer it as a question."""
    chat, reader = update.effective_chat, update.effective_user
    desk = context.deps.desk
    try:
        async with keep_typing(update, context):
            reception: Reception = await run_desk(
                context,
                desk.receive,
                message_text,
                chat_id=chat.id if chat else None,
                user_id=reader.id if reader else None,
                source=None,
            )
    except (NotAnArticle, NothingStored) as error:
        await reply_domain_error(update, context, error, lang)
        return
    if reception.answer is not None:
        await send_answer(update, context, reception.answer, lang)
    elif reception.article is not None and reception.summary is not None:
        await reply_with_summary(
            update, context, SummaryView(reception.article, reception.summary), lang
        )


async def reply_with_summary(
    update: Update, context: RingkasContext, view: SummaryView, lang: Lang
) -> None:
    """Send a new article's summary, first saying so when it was already stored."""
    if view.article.duplicate:
        await send_plain(update, context, text(lang, "duplicate"))
    await send_summary(update, context, view, lang)


async def submit_page(
    update: Update, context: RingkasContext, page: str, source: str, lang: Lang
) -> None:
    """Store a page the reader clearly sent as an article and reply with its summary."""
    chat, reader = update.effective_chat, update.effective_user
    try:
        async with keep_typing(update, context):
            view = await run_desk(
                context,
                submit_and_summarize,
                context.deps.desk,
                page,
                source=source,
                chat_id=chat.id if chat else None,
                user_id=reader.id if reader else None,
            )
    except (NotAnArticle, NothingStored) as error:
        await reply_domain_error(update, context, error, lang)
        return
    await reply_with_summary(update, context, view, lang)


def register(app: RingkasApp) -> None:
    """Add the handlers for pasted text, forwarded posts and page files."""
    merger = PasteMerger()

    async def on_text(update: Update, context: RingkasContext) -> None:
        message = _message(update)
        content = without_mention(message.text or "", context.bot.username)
        if not content:
            return
        key = (message.chat_id, message.from_user.id if message.from_user else 0)
        if merger.join_pending(key, content):
            return
        window = context.deps.settings.merge_window_seconds
        if window > 0 and len(content) >= PASTE_PART_MIN_CHARS:
            paste = merger.start(key, content)
            async with keep_typing(update, context):
                content = await merger.collect(key, paste, window)
        lang = await reader_language(update, context)
        await receive_text(update, context, content, lang)

    app.add_handler(
        MessageHandler(filters.FORWARDED & (filters.TEXT | filters.CAPTION), on_forwarded)
    )
    app.add_handler(MessageHandler(filters.Document.ALL, on_document))
    app.add_handler(
        MessageHandler(
            filters.TEXT & ~filters.COMMAND & ~filters.FORWARDED & ~REPLY_TO_BOT, on_text
        )
    )


async def on_forwarded(update: Update, context: RingkasContext) -> None:
    """A forwarded post is an article the reader wants read."""
    message = _message(update)
    lang = await reader_language(update, context)
    content = without_mention(message.text or message.caption or "", context.bot.username)
    await submit_page(update, context, content, "telegram", lang)


async def on_document(update: Update, context: RingkasContext) -> None:
    """Read a .txt, .html or .md page file up to the upload limit."""
    document = _message(update).document
    if document is None:
        return
    lang = await reader_language(update, context)
    limit = context.deps.settings.max_upload_bytes
    if not is_page_file(document):
        await send_plain(update, context, text(lang, "file_kind"))
        return
    if document.file_size is not None and document.file_size > limit:
        size, most = f"{document.file_size / 1e6:.1f}", f"{limit / 1e6:g}"
        await send_plain(update, context, text(lang, "file_too_large", size=size, limit=most))
        return
    async with keep_typing(update, context):
        data = bytes(await (await document.get_file()).download_as_bytearray())
    try:
        page = await run_desk(
            context, context.deps.desk.read_upload, data, filename=document.file_name
        )
    except NotAnArticle as error:
        await reply_domain_error(update, context, error, lang)
        return
    await submit_page(update, context, page, document.file_name or "upload", lang)


def _message(update: Update) -> Message:
    message = update.effective_message
    if message is None:  # the filters above only let messages through
        raise ValueError("expected a message update")
    return message
