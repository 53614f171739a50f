"""Summaries: /summary [n], the more/fewer/full-text/ask buttons, and opening an article."""

from __future__ import annotations

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.desk import NothingStored, SummaryView
from bot.news import NotAnArticle
from handlers import keyboards
from handlers.common import (
    command_text,
    keep_typing,
    open_and_summarize,
    parse_count,
    reader_language,
    remember_summary,
    replied_article_id,
    reply_domain_error,
    run_desk,
    send_html,
    send_plain,
    send_summary,
)
from handlers.context import RingkasApp, RingkasContext
from handlers.replies import render_full_text, render_summary, split_message
from handlers.texts import text

MAX_SENTENCES = 20


async def on_summary(update: Update, context: RingkasContext) -> None:
    """/summary [n]: the replied-to or current article in n sentences."""
    lang = await reader_language(update, context)
    chat = update.effective_chat
    chat_id = chat.id if chat else None
    argument = command_text(context)
    sentences = parse_count(argument, 0, upper=MAX_SENTENCES) if argument else None
    article_id = replied_article_id(update, context)
    desk = context.deps.desk
    try:
        async with keep_typing(update, context):
            if article_id is None and chat_id is not None:
                article_id = (await run_desk(context, desk.current_article, chat_id)).id
            if article_id is None:
                raise NothingStored("no current article")
            view = await run_desk(
                context, open_and_summarize, desk, article_id, chat_id=chat_id, sentences=sentences
            )
    except (NotAnArticle, NothingStored) as error:
        await reply_domain_error(update, context, error, lang)
        return
    await send_summary(update, context, view, lang)


async def on_resize(update: Update, context: RingkasContext) -> None:
    """More or fewer sentences: edit the summary in place."""
    query = _query(update)
    _, article_id, wanted = (query.data or "").split(":")
    lang = await reader_language(update, context)
    chat = update.effective_chat
    try:
        view = await run_desk(
            context,
            open_and_summarize,
            context.deps.desk,
            int(article_id),
            chat_id=chat.id if chat else None,
            sentences=int(wanted),
        )
    except NothingStored:
        await query.answer(text(lang, "article_gone"), show_alert=True)
        return
    if not await _edit_summary(update, context, query, view):
        shortest = int(wanted) <= len(view.summary.sentences)
        await query.answer(text(lang, "at_shortest" if shortest else "at_longest"))
        return
    await query.answer()


async def _edit_summary(
    update: Update, context: RingkasContext, query: CallbackQuery, view: SummaryView
) -> bool:
    """Show the new summary in the pressed message; False when it would not change."""
    lang = await reader_language(update, context)
    article, summary = view.article, view.summary
    keyboard = keyboards.summary_keyboard(
        article.id, len(summary.sentences), summary.sentences_total, lang
    )
    chunks = split_message(render_summary(article, summary, lang))
    if len(chunks) > 1:  # too long to edit into one message: send it anew
        await send_summary(update, context, view, lang)
        return True
    try:
        edited = await query.edit_message_text(
            chunks[0], parse_mode=ParseMode.HTML, reply_markup=keyboard
        )
    except BadRequest as error:
        if "not modified" in str(error).lower():
            return False
        raise
    if not isinstance(edited, bool):
        remember_summary(context, [edited.message_id], article.id)
    return True


async def on_full_text(update: Update, context: RingkasContext) -> None:
    """Send the whole stored article."""
    query = _query(update)
    lang = await reader_language(update, context)
    article_id = keyboards.button_article_id(query.data)
    try:
        article = await run_desk(context, context.deps.desk.article, article_id)
    except NothingStored:
        await query.answer(text(lang, "article_gone"), show_alert=True)
        return
    await query.answer()
    sent = await send_html(update, context, render_full_text(article, lang))
    remember_summary(context, [message.message_id for message in sent], article.id)


async def on_ask_about(update: Update, context: RingkasContext) -> None:
    """Make the article current and invite questions about it."""
    query = _query(update)
    lang = await reader_language(update, context)
    chat = update.effective_chat
    article_id = keyboards.button_article_id(query.data)
    try:
        article = await run_desk(
            context, context.deps.desk.open_article, article_id, chat_id=chat.id if chat else None
        )
    except NothingStored:
        await query.answer(text(lang, "article_gone"), show_alert=True)
        return
    await query.answer()
    headline = article.headline or text(lang, "no_headline")
    sent = await send_plain(update, context, text(lang, "ask_about", headline=headline))
    remember_summary(context, [message.message_id for message in sent], article.id)


async def on_open(update: Update, context: RingkasContext) -> None:
    """Open an article from a list, an answer or a search: send its summary."""
    query = _query(update)
    lang = await reader_language(update, context)
    chat = update.effective_chat
    article_id = keyboards.button_article_id(query.data)
    try:
        view = await run_desk(
            context,
            open_and_summarize,
            context.deps.desk,
            article_id,
            chat_id=chat.id if chat else None,
        )
    except (NotAnArticle, NothingStored):
        await query.answer(text(lang, "article_gone"), show_alert=True)
        return
    await query.answer()
    await send_summary(update, context, view, lang)


def _query(update: Update) -> CallbackQuery:
    query = update.callback_query
    if query is None:  # registered for callback queries only
        raise ValueError("expected a callback query")
    return query


def register(app: RingkasApp) -> None:
    """Add /summary and the summary buttons."""
    app.add_handler(CommandHandler("summary", on_summary))
    app.add_handler(CallbackQueryHandler(on_resize, pattern=rf"^{keyboards.SUMMARY}:\d+:\d+$"))
    app.add_handler(CallbackQueryHandler(on_full_text, pattern=rf"^{keyboards.FULL_TEXT}:\d+$"))
    app.add_handler(CallbackQueryHandler(on_ask_about, pattern=rf"^{keyboards.ASK_ABOUT}:\d+$"))
    app.add_handler(CallbackQueryHandler(on_open, pattern=rf"^{keyboards.OPEN}:\d+$"))
