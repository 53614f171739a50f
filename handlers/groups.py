"""Groups: answer commands, mentions of the bot and replies to it; stay quiet otherwise."""

from __future__ import annotations

import re

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, TypeHandler

from handlers.context import RingkasApp, RingkasContext

GATE_GROUP = -20


def is_group(message: Message) -> bool:
    """Whether the message comes from a group or supergroup."""
    return message.chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


def addressed_to_bot(message: Message, bot_id: int, bot_username: str | None) -> bool:
    """A command, a mention of the bot, or a reply to one of its messages."""
    content = message.text or message.caption or ""
    if content.startswith("/"):
        return True
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return True
    return _mentions(message, bot_id, bot_username)


def _mentions(message: Message, bot_id: int, bot_username: str | None) -> bool:
    entities = message.parse_entities() or message.parse_caption_entities()
    for entity, value in entities.items():
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id:
            return True
        if entity.type == MessageEntity.MENTION and bot_username:
            if value.lstrip("@").casefold() == bot_username.casefold():
                return True
    return False


def without_mention(content: str, bot_username: str | None) -> str:
    """The message text with the bot's @username taken out."""
    if not bot_username:
        return content.strip()
    return re.sub(rf"@{re.escape(bot_username)}\b", " ", content, flags=re.IGNORECASE).strip()


async def quiet_in_groups(update: Update, context: RingkasContext) -> None:
    """Stop handling group messages that are not addressed to the bot."""
    message = update.message
    if message is None or not is_group(message):
        return
    if not addressed_to_bot(message, context.bot.id, context.bot.username):
        raise ApplicationHandlerStop


def register(app: RingkasApp) -> None:
    """Install the group gate ahead of every other handler."""
    app.add_handler(TypeHandler(Update, quiet_in_groups), group=GATE_GROUP)
