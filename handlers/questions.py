"""Questions: /ask, and replies to the bot (a reply to a summary asks about that article)."""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.desk import NothingStored
from bot.news import NotAnArticle
from handlers import keyboards
from handlers.common import (
    command_text,
    keep_typing,
    reader_language,
    replied_article_id,
    reply_domain_error,
    run_desk,
    send_answer,
    send_plain,
)
from handlers.context import RingkasApp, RingkasContext
from handlers.groups import without_mention
from handlers.texts import Lang, text


class _ReplyToBot(filters.MessageFilter):
    """A message replying to one of this bot's own messages."""

    def filter(self, message: Message) -> bool:
        replied = message.reply_to_message
        author = replied.from_user if replied else None
        return author is not None and author.id == message.get_bot().id


REPLY_TO_BOT = _ReplyToBot(name="REPLY_TO_BOT")


async def answer_question(
    update: Update,
    context: RingkasContext,
    question: str,
    lang: Lang,
    article_id: int | None = None,
) -> None:
    """Answer from the store, preferring the given or the chat's current article."""
    chat = update.effective_chat
    try:
        async with keep_typing(update, context):
            answer = await run_desk(
                context,
                context.deps.desk.ask,
                question,
                chat_id=chat.id if chat else None,
                article_id=article_id,
            )
    except (NotAnArticle, NothingStored) as error:
        await reply_domain_error(update, context, error, lang)
        return
    await send_answer(update, context, answer, lang)


async def on_ask(update: Update, context: RingkasContext) -> None:
    """/ask QUESTION (also as a reply to a summary)."""
    lang = await reader_language(update, context)
    question = command_text(context)
    if not question:
        await send_plain(update, context, text(lang, "empty_question"))
        return
    await answer_question(update, context, question, lang, replied_article_id(update, context))


async def on_reply(update: Update, context: RingkasContext) -> None:
    """A reply to one of the bot's messages is a question, about its article when it has one."""
    message = update.effective_message
    question = without_mention(message.text or "", context.bot.username) if message else ""
    if not question:
        return
    lang = await reader_language(update, context)
    await answer_question(update, context, question, lang, replied_article_id(update, context))


async def on_headline_only(update: Update, context: RingkasContext) -> None:
    """A pressed headline that is known only from a side list."""
    query = update.callback_query
    if query is None:
        return
    lang = await reader_language(update, context)
    await query.answer(text(lang, "headline_only"), show_alert=True)


def register(app: RingkasApp) -> None:
    """Add /ask and replies to the bot."""
    app.add_handler(CommandHandler("ask", on_ask))
    app.add_handler(
        MessageHandler(
            filters.TEXT & ~filters.COMMAND & ~filters.FORWARDED & REPLY_TO_BOT, on_reply
        )
    )
    app.add_handler(CallbackQueryHandler(on_headline_only, pattern=f"^{keyboards.HEADLINE_ONLY}$"))
