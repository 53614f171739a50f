"""The one error handler: log with the traceback, apologise to the reader."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import MessageHandler, filters

from handlers.context import RingkasApp, RingkasContext
from handlers.replies import HTML
from handlers.texts import COMMANDS, language_of, text

logger = logging.getLogger(__name__)


async def on_error(update: object, context: RingkasContext) -> None:
    """Log the failure with its traceback and send the reader a short apology."""
    update_id = update.update_id if isinstance(update, Update) else None
    logger.error("Handling update %s failed", update_id, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    user = update.effective_user
    # The chat's language setting is not looked up: the store may be what failed.
    lang = language_of(user.language_code if user else None)
    key = "timeout" if isinstance(context.error, TimeoutError) else "error"
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text(lang, key), show_alert=True)
        else:
            await context.bot.send_message(update.effective_chat.id, HTML.escape(text(lang, key)))
    except TelegramError:
        logger.warning("Could not send the apology for update %s", update_id, exc_info=True)


async def on_unknown_command(update: Update, context: RingkasContext) -> None:
    """Point the reader to /help for commands Ringkas does not know."""
    user, chat, message = update.effective_user, update.effective_chat, update.effective_message
    command = (message.text or "").split(maxsplit=1)[0] if message else ""
    addressee = command.partition("@")[2]
    if chat is None or (
        addressee and addressee.casefold() != (context.bot.username or "").casefold()
    ):
        return
    lang = language_of(user.language_code if user else None)
    await context.bot.send_message(chat.id, HTML.escape(text(lang, "unknown_command")))


def register(app: RingkasApp) -> None:
    """Install the error handler and the fallback for unknown commands."""
    app.add_error_handler(on_error)
    known = "|".join(name for name, _ in COMMANDS["en"])
    unknown = filters.COMMAND & ~filters.Regex(rf"^/({known})(@\w+)?(\s|$)")
    app.add_handler(MessageHandler(unknown, on_unknown_command))
