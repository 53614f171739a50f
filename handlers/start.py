"""/start and /help: what Ringkas does and how to use it."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler

from handlers.common import reader_language, send_html
from handlers.context import RingkasApp, RingkasContext
from handlers.replies import HTML
from handlers.texts import COMMANDS, Lang, text


def help_text(lang: Lang, *, greeting: bool) -> str:
    """The introduction (for /start) and the how-to with every command, escaped for HTML."""
    parts = [text(lang, "start")] if greeting else []
    parts += [HTML.bold(text(lang, "help_intro")), text(lang, "help_body"), ""]
    parts.append(HTML.bold(text(lang, "help_commands")))
    parts += [f"/{name} — {description}" for name, description in COMMANDS[lang]]
    return "\n".join(HTML.escape(part) if not part.startswith("<b>") else part for part in parts)


async def on_start(update: Update, context: RingkasContext) -> None:
    """Greet the reader and explain Ringkas."""
    lang = await reader_language(update, context)
    await send_html(update, context, help_text(lang, greeting=True))


async def on_help(update: Update, context: RingkasContext) -> None:
    """Explain how to use Ringkas."""
    lang = await reader_language(update, context)
    await send_html(update, context, help_text(lang, greeting=False))


def register(app: RingkasApp) -> None:
    """Add /start and /help."""
    app.add_handler(CommandHandler("start", on_start))
    app.add_handler(CommandHandler("help", on_help))
