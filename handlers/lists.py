"""/latest [n] and /popular [n]: numbered headlines with dates, buttons and pages."""

from __future__ import annotations

from typing import Final, Literal

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers import keyboards
from handlers.common import (
    command_text,
    parse_count,
    reader_language,
    run_desk,
    send_html,
    send_plain,
)
from handlers.context import RingkasApp, RingkasContext
from handlers.replies import render_headlines
from handlers.texts import Lang, text

ListKind = Literal["latest", "popular"]
DEFAULT_PAGE_SIZE: Final = 5
MAX_PAGE_SIZE: Final = 20


async def list_page(
    context: RingkasContext, kind: ListKind, offset: int, size: int, lang: Lang
) -> tuple[str, InlineKeyboardMarkup | None] | None:
    """One page of a list as HTML with its buttons; None when the list is empty."""
    desk = context.deps.desk
    fetch = desk.latest if kind == "latest" else desk.popular
    rows = await run_desk(context, fetch, size + 1, offset)
    if not rows:
        return None
    page_rows, has_next = rows[:size], len(rows) > size
    title = text(lang, f"{kind}_title")
    if offset or has_next:
        title += f" ({text(lang, 'page', page=offset // size + 1)})"
    body = render_headlines(title, page_rows, lang, first_number=offset + 1)
    markup = keyboards.list_keyboard(
        kind, page_rows, offset=offset, size=size, has_next=has_next, lang=lang
    )
    return body, markup


async def show_list(update: Update, context: RingkasContext, kind: ListKind) -> None:
    """Answer /latest or /popular with the first page."""
    lang = await reader_language(update, context)
    size = parse_count(command_text(context), DEFAULT_PAGE_SIZE, upper=MAX_PAGE_SIZE)
    page = await list_page(context, kind, 0, size, lang)
    if page is None:
        await send_plain(update, context, text(lang, "list_empty"))
        return
    await send_html(update, context, *page)


async def on_latest(update: Update, context: RingkasContext) -> None:
    """/latest [n]: newest headlines first."""
    await show_list(update, context, "latest")


async def on_popular(update: Update, context: RingkasContext) -> None:
    """/popular [n]: most listed and read headlines first."""
    await show_list(update, context, "popular")


async def on_page(update: Update, context: RingkasContext) -> None:
    """A next/previous button: show that page in the same message."""
    query = update.callback_query
    if query is None:
        return
    _, kind, offset, size = (query.data or "").split(":")
    lang = await reader_language(update, context)
    list_kind: ListKind = "latest" if kind == "latest" else "popular"
    page = await list_page(context, list_kind, int(offset), max(int(size), 1), lang)
    await query.answer()
    if page is None:
        await query.edit_message_text(text(lang, "list_empty"))
        return
    body, markup = page
    await query.edit_message_text(body, parse_mode=ParseMode.HTML, reply_markup=markup)


def register(app: RingkasApp) -> None:
    """Add /latest, /popular and their page buttons."""
    app.add_handler(CommandHandler("latest", on_latest))
    app.add_handler(CommandHandler("popular", on_popular))
    app.add_handler(
        CallbackQueryHandler(on_page, pattern=rf"^{keyboards.LIST_PAGE}:(latest|popular):\d+:\d+$")
    )
