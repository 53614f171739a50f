"""Helpers every handler shares: desk calls off the loop, the reply language, sending replies."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import Final, ParamSpec, TypeVar

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError

from bot.answering import Answer
from bot.desk import NewsDesk, NothingStored, SummaryView
from bot.news import NotAnArticle
from handlers import keyboards
from handlers.context import RingkasContext
from handlers.replies import HTML, render_answer, render_summary, split_message
from handlers.texts import Lang, has_text, language_of, text
from storage.records import ChatStateRecord, StoredArticle

logger = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

_SUMMARY_MESSAGES: Final = "summary_messages"
_REMEMBERED_SUMMARIES: Final = 200
_TYPING_EVERY_SECONDS: Final = 4.0


async def run_desk(
    context: RingkasContext, call: Callable[P, T], *args: P.args, **kwargs: P.kwargs
) -> T:
    """Run a blocking desk call in a thread, bounded by the work timeout."""
    timeout = context.deps.settings.work_timeout_seconds
    return await asyncio.wait_for(asyncio.to_thread(call, *args, **kwargs), timeout)


async def chat_state(update: Update, context: RingkasContext) -> ChatStateRecord | None:
    """The chat's remembered settings, or None outside a chat."""
    chat = update.effective_chat
    if chat is None:
        return None
    return await run_desk(context, context.deps.desk.chat_state, chat.id)


def reply_language(update: Update, state: ChatStateRecord | None) -> Lang:
    """The chat's reply-language setting, else the reader's Telegram language."""
    user = update.effective_user
    return language_of(
        user.language_code if user else None, state.reply_language if state else None
    )


async def reader_language(update: Update, context: RingkasContext) -> Lang:
    """Look up the chat's settings and choose the reply language."""
    return reply_language(update, await chat_state(update, context))


async def send_html(
    update: Update,
    context: RingkasContext,
    markup_text: str,
    keyboard: InlineKeyboardMarkup | None = None,
) -> list[Message]:
    """Send HTML in as many messages as needed; the keyboard goes under the last one."""
    chat = update.effective_chat
    if chat is None:
        return []
    chunks = split_message(markup_text)
    sent = []
    for number, chunk in enumerate(chunks, start=1):
        sent.append(
            await context.bot.send_message(
                chat.id,
                chunk,
                parse_mode=ParseMode.HTML,
                reply_markup=keyboard if number == len(chunks) else None,
                disable_web_page_preview=True,
            )
        )
    return sent


async def send_plain(update: Update, context: RingkasContext, message: str) -> list[Message]:
    """Send one of our own phrases (escaped, so any reader text inside it is safe)."""
    return await send_html(update, context, HTML.escape(message))


@contextlib.asynccontextmanager
async def keep_typing(update: Update, context: RingkasContext) -> AsyncIterator[None]:
    """Show "typing…" in the chat until the block ends."""
    chat = update.effective_chat
    if chat is None:
        yield
        return
    task = asyncio.create_task(_typing_loop(context, chat.id))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _typing_loop(context: RingkasContext, chat_id: int) -> None:
    while True:
        try:
            await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
        except TelegramError as error:  # a missing indicator must not fail the reply
            logger.debug("typing indicator failed: %s", error)
        await asyncio.sleep(_TYPING_EVERY_SECONDS)


async def send_summary(
    update: Update, context: RingkasContext, view: SummaryView, lang: Lang
) -> list[Message]:
    """Send an article's summary with its buttons, and remember which article it shows."""
    article, summary = view.article, view.summary
    keyboard = keyboards.summary_keyboard(
        article.id, len(summary.sentences), summary.sentences_total, lang
    )
    sent = await send_html(update, context, render_summary(article, summary, lang), keyboard)
    remember_summary(context, [message.message_id for message in sent], article.id)
    return sent


async def send_answer(
    update: Update, context: RingkasContext, answer: Answer, lang: Lang
) -> list[Message]:
    """Send an answer (or the closest headlines) with its buttons."""
    return await send_html(
        update, context, render_answer(answer, lang), keyboards.answer_keyboard(answer, lang)
    )


def remember_summary(context: RingkasContext, message_ids: list[int], article_id: int) -> None:
    """Note which article the messages show, so a reply to them asks about that article."""
    if context.chat_data is None:
        return
    remembered: dict[int, int] = context.chat_data.setdefault(_SUMMARY_MESSAGES, {})
    for message_id in message_ids:
        remembered[message_id] = article_id
    while len(remembered) > _REMEMBERED_SUMMARIES:
        del remembered[next(iter(remembered))]


def replied_article_id(update: Update, context: RingkasContext) -> int | None:
    """The article of the summary this message replies to, if it replies to one."""
    message = update.effective_message
    replied = message.reply_to_message if message else None
    if replied is None:
        return None
    remembered = (context.chat_data or {}).get(_SUMMARY_MESSAGES, {})
    if replied.message_id in remembered:
        return int(remembered[replied.message_id])
    return keyboards.summary_article_id(replied.reply_markup)


async def reply_domain_error(
    update: Update, context: RingkasContext, error: NotAnArticle | NothingStored, lang: Lang
) -> None:
    """Turn a domain error into a friendly reply."""
    if isinstance(error, NothingStored):
        await send_plain(update, context, text(lang, "nothing_stored"))
        return
    reason_key = f"reason_{getattr(error, 'reason', '')}"
    reason = text(lang, reason_key) if has_text(reason_key) else str(error)
    await send_plain(update, context, text(lang, "not_an_article", reason=reason))


def submit_and_summarize(
    desk: NewsDesk,
    page: str,
    *,
    source: str | None,
    chat_id: int | None,
    user_id: int | None,
) -> SummaryView:
    """Store a page the reader clearly meant as an article and summarise it (blocking)."""
    stored = desk.submit(page, source=source, chat_id=chat_id, user_id=user_id)
    return summarize_with_settings(desk, stored, chat_id=chat_id)


def open_and_summarize(
    desk: NewsDesk, article_id: int, *, chat_id: int | None, sentences: int | None = None
) -> SummaryView:
    """Open a stored article (it becomes the chat's current one) and summarise it (blocking)."""
    article = desk.open_article(article_id, chat_id=chat_id)
    return summarize_with_settings(desk, article, chat_id=chat_id, sentences=sentences)


def summarize_with_settings(
    desk: NewsDesk,
    article: StoredArticle,
    *,
    chat_id: int | None,
    sentences: int | None = None,
) -> SummaryView:
    """Summarise a stored article with the chat's length and algorithm (blocking)."""
    state = desk.chat_state(chat_id) if chat_id is not None else None
    summary = desk.summarize(
        article,
        sentences=sentences or (state.summary_sentences if state else None),
        algorithm=state.algorithm if state else None,
    )
    return SummaryView(article=article, summary=summary)


def command_text(context: RingkasContext) -> str:
    """The words after a command."""
    return " ".join(context.args or []).strip()


def parse_count(value: str, default: int, *, upper: int) -> int:
    """A small positive count from a command argument, clamped, or the default."""
    try:
        count = int(value)
    except ValueError:
        return default
    return max(1, min(count, upper))
