"""The typed CallbackContext of Ringkas and the frozen dependencies it reaches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Settings
from bot.desk import NewsDesk

DEPS_KEY = "ringkas.deps"


@dataclass(frozen=True)
class BotDeps:
    """What every handler needs: the settings and the desk (the engine only to dispose it)."""

    settings: Settings
    desk: NewsDesk
    engine: Engine | None = None


# The bot is ExtBot[int]: AIORateLimiter takes an int (max retries) per request.
class RingkasContext(CallbackContext[ExtBot[int], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """CallbackContext with typed access to the bot's dependencies."""

    @property
    def deps(self) -> BotDeps:
        """The dependencies put into bot_data by the composition root."""
        deps = self.bot_data[DEPS_KEY]
        if not isinstance(deps, BotDeps):
            raise TypeError("bot_data holds no BotDeps; build the app with build_application")
        return deps


# No job queue: nothing is scheduled (a split paste is merged by the handler itself).
RingkasApp = Application[
    ExtBot[int], RingkasContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], None
]
