"""/settings: summary length, algorithm and reply language, chosen with buttons."""

from __future__ import annotations

import dataclasses

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.summary_model import ALGORITHMS
from handlers import keyboards
from handlers.common import chat_state, reply_language, run_desk, send_html
from handlers.context import RingkasApp, RingkasContext
from handlers.replies import HTML
from handlers.texts import Lang, text
from storage.records import ChatStateRecord


def settings_view(state: ChatStateRecord, lang: Lang) -> tuple[str, InlineKeyboardMarkup]:
    """The settings message and its buttons."""
    language = state.reply_language
    language_name = text(
        lang, f"language_{language}" if language in ("id", "en") else "language_auto"
    )
    lines = [
        HTML.bold(text(lang, "settings_title")),
        HTML.escape(text(lang, "settings_length", count=state.summary_sentences)),
        HTML.escape(text(lang, "settings_algorithm", name=state.algorithm)),
        HTML.escape(text(lang, "settings_language", name=language_name)),
    ]
    markup = keyboards.settings_keyboard(
        sentences=state.summary_sentences,
        algorithm=state.algorithm,
        language=language,
        algorithms=list(ALGORITHMS),
        lang=lang,
    )
    return "\n".join(lines), markup


def changed(state: ChatStateRecord, setting: str, value: str) -> ChatStateRecord | None:
    """The state with one setting changed, or None when the choice is not valid."""
    if setting == "len" and value.isdigit() and 1 <= int(value) <= 20:
        return dataclasses.replace(state, summary_sentences=int(value))
    if setting == "alg" and value in ALGORITHMS:
        return dataclasses.replace(state, algorithm=value)
    if setting == "lang" and value in ("id", "en", "auto"):
        return dataclasses.replace(state, reply_language=None if value == "auto" else value)
    return None


async def on_settings(update: Update, context: RingkasContext) -> None:
    """Show the chat's settings with buttons to change them."""
    state = await chat_state(update, context)
    if state is None:
        return
    await send_html(update, context, *settings_view(state, reply_language(update, state)))


async def on_choice(update: Update, context: RingkasContext) -> None:
    """Save a pressed setting and show the updated settings in the same message."""
    query = update.callback_query
    state = await chat_state(update, context)
    if query is None or state is None:
        return
    _, setting, value = (query.data or "").split(":", 2)
    new_state = changed(state, setting, value)
    if new_state is None or new_state == state:
        await query.answer()
        return
    await run_desk(context, context.deps.desk.save_chat_state, new_state)
    lang = reply_language(update, new_state)
    await query.answer(text(lang, "settings_saved"))
    body, markup = settings_view(new_state, lang)
    await query.edit_message_text(body, parse_mode=ParseMode.HTML, reply_markup=markup)


def register(app: RingkasApp) -> None:
    """Add /settings and its buttons."""
    app.add_handler(CommandHandler("settings", on_settings))
    app.add_handler(
        CallbackQueryHandler(on_choice, pattern=rf"^{keyboards.SETTING}:(len|alg|lang):")
    )
