"""A per-reader limit on messages a minute, answered once with a friendly note."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from telegram import Update
from telegram.ext import ApplicationHandlerStop, TypeHandler

from handlers.common import reader_language, send_plain
from handlers.context import RingkasApp, RingkasContext
from handlers.texts import text

LIMIT_GROUP = -10
WINDOW_SECONDS = 60.0


class ReaderLimiter:
    """Sliding one-minute window of each reader's messages."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._recent: dict[int, deque[float]] = {}
        self._warned: dict[int, float] = {}

    def allow(self, reader_id: int, per_minute: int) -> bool:
        """Count one message; False when the reader already sent `per_minute` this minute."""
        now = self._clock()
        recent = self._recent.setdefault(reader_id, deque())
        while recent and now - recent[0] >= WINDOW_SECONDS:
            recent.popleft()
        if len(recent) >= per_minute:
            return False
        recent.append(now)
        self._warned.pop(reader_id, None)
        return True

    def first_refusal(self, reader_id: int) -> bool:
        """True once per burst: the reader is told about the limit, then not again."""
        if reader_id in self._warned:
            return False
        self._warned[reader_id] = self._clock()
        return True


def register(app: RingkasApp) -> None:
    """Install the per-reader limit after the group gate and before every handler."""
    limiter = ReaderLimiter()

    async def limit_reader(update: Update, context: RingkasContext) -> None:
        reader = update.effective_user
        if reader is None or (update.message is None and update.callback_query is None):
            return
        per_minute = context.deps.settings.messages_per_minute
        if limiter.allow(reader.id, per_minute):
            return
        if update.callback_query is not None:
            lang = await reader_language(update, context)
            await update.callback_query.answer(text(lang, "rate_limited", limit=per_minute))
        elif limiter.first_refusal(reader.id):
            lang = await reader_language(update, context)
            await send_plain(update, context, text(lang, "rate_limited", limit=per_minute))
        raise ApplicationHandlerStop

    app.add_handler(TypeHandler(Update, limit_reader), group=LIMIT_GROUP)
