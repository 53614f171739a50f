"""/search WORDS: stored headlines and sentences that match."""

from __future__ import annotations

from typing import Final

from telegram import Update
from telegram.ext import CommandHandler

from handlers import keyboards
from handlers.common import (
    command_text,
    keep_typing,
    reader_language,
    run_desk,
    send_html,
    send_plain,
)
from handlers.context import RingkasApp, RingkasContext
from handlers.replies import render_search
from handlers.texts import text

SEARCH_LIMIT: Final = 10


async def on_search(update: Update, context: RingkasContext) -> None:
    """List what matches the words, with buttons opening each article found."""
    lang = await reader_language(update, context)
    words = command_text(context)
    if not words:
        await send_plain(update, context, text(lang, "search_usage"))
        return
    async with keep_typing(update, context):
        hits = await run_desk(context, context.deps.desk.search, words, SEARCH_LIMIT)
    opened: dict[int, str] = {}
    for hit in hits:
        if hit.article_id is not None and hit.article_id not in opened:
            opened[hit.article_id] = hit.headline or hit.text
    markup = keyboards.open_keyboard(list(opened), list(opened.values()))
    await send_html(update, context, render_search(words, hits, lang), markup)


def register(app: RingkasApp) -> None:
    """Add /search."""
    app.add_handler(CommandHandler("search", on_search))
