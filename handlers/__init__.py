"""Telegram handlers: one module per concern, each exporting `register(app)`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handlers.context import RingkasApp


def register_all(app: RingkasApp) -> None:
    """Register every handler module on the application."""
    # Imported here so the terminal chat can use handlers.texts without loading Telegram.
    from handlers import (
        articles,
        errors,
        forget,
        groups,
        limits,
        lists,
        questions,
        search,
        settings,
        start,
        summary,
    )

    modules = (groups, limits, start, settings, forget, lists, summary, search, questions)
    for module in (*modules, articles, errors):
        module.register(app)
