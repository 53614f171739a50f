"""/forget: delete everything the reader submitted and the chat's state, after confirming."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers import keyboards
from handlers.common import reader_language, run_desk, send_html
from handlers.context import RingkasApp, RingkasContext
from handlers.replies import HTML
from handlers.texts import text


async def on_forget(update: Update, context: RingkasContext) -> None:
    """Ask for confirmation before deleting anything."""
    lang = await reader_language(update, context)
    await send_html(
        update, context, HTML.escape(text(lang, "forget_confirm")), keyboards.forget_keyboard(lang)
    )


async def on_confirm(update: Update, context: RingkasContext) -> None:
    """Delete on "yes" (only what the pressing reader sent), do nothing on "no"."""
    query = update.callback_query
    if query is None:
        return
    lang = await reader_language(update, context)
    await query.answer()
    if query.data != f"{keyboards.FORGET}:yes":
        await query.edit_message_text(HTML.escape(text(lang, "forget_cancelled")))
        return
    chat = update.effective_chat
    deleted = await run_desk(
        context,
        context.deps.desk.forget,
        user_id=query.from_user.id,
        chat_id=chat.id if chat else None,
    )
    await query.edit_message_text(HTML.escape(text(lang, "forget_done", count=deleted)))


def register(app: RingkasApp) -> None:
    """Add /forget and its confirm buttons."""
    app.add_handler(CommandHandler("forget", on_forget))
    app.add_handler(CallbackQueryHandler(on_confirm, pattern=rf"^{keyboards.FORGET}:(yes|no)$"))
