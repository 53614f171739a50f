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
from handlers.replies import hit_article_id, hit_text, render_search
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
        article_id = hit_article_id(hit)
        if article_id is not None and article_id not in opened:
            passage, headline = hit_text(hit)
            opened[article_id] = headline or passage
    markup = keyboards.open_keyboard(list(opened), list(opened.values()))
    await send_html(update, context, render_search(words, hits, lang), markup)


def register(app: RingkasApp) -> None:
    """Add /search."""
    app.add_handler(CommandHandler("search", on_search))
