"""Inline keyboards and their callback data (each under Telegram's 64-byte limit)."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.answering import Answer
from handlers.texts import Lang, text
from storage.records import HeadlineRow

# Callback data prefixes: the handler modules register on these patterns.
SUMMARY = "sum"  # sum:ARTICLE:SENTENCES
FULL_TEXT = "full"  # full:ARTICLE
ASK_ABOUT = "about"  # about:ARTICLE
OPEN = "open"  # open:ARTICLE
LIST_PAGE = "list"  # list:KIND:OFFSET:SIZE
HEADLINE_ONLY = "headline"  # a headline known only from a side list
SETTING = "set"  # set:len:N | set:alg:NAME | set:lang:id|en|auto
FORGET = "forget"  # forget:yes | forget:no

_LABEL_CHARS = 48


def summary_keyboard(article_id: int, shown: int, total: int, lang: Lang) -> InlineKeyboardMarkup:
    """More, fewer, full text and ask-about-this buttons under a summary."""
    sizing = [
        InlineKeyboardButton(
            text(lang, "button_fewer"), callback_data=f"{SUMMARY}:{article_id}:{max(shown - 1, 1)}"
        ),
        InlineKeyboardButton(
            text(lang, "button_more"),
            callback_data=f"{SUMMARY}:{article_id}:{min(shown + 1, max(total, 1))}",
        ),
    ]
    reading = [
        InlineKeyboardButton(text(lang, "button_full"), callback_data=f"{FULL_TEXT}:{article_id}"),
        InlineKeyboardButton(text(lang, "button_ask"), callback_data=f"{ASK_ABOUT}:{article_id}"),
    ]
    return InlineKeyboardMarkup([sizing, reading])


def answer_keyboard(answer: Answer, lang: Lang) -> InlineKeyboardMarkup | None:
    """A button to open the answer's article, or the closest headlines when nothing matched."""
    if answer.answer is not None:
        if answer.article_id is None:
            return None
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        text(lang, "button_open"), callback_data=f"{OPEN}:{answer.article_id}"
                    )
                ]
            ]
        )
    rows = [
        [headline_button(number, alternative.answer, alternative.article_id)]
        for number, alternative in enumerate(answer.alternatives, start=1)
    ]
    return InlineKeyboardMarkup(rows) if rows else None


def headline_button(number: int, headline: str, article_id: int | None) -> InlineKeyboardButton:
    """A button showing a numbered headline that opens its article's summary."""
    data = f"{OPEN}:{article_id}" if article_id is not None else HEADLINE_ONLY
    return InlineKeyboardButton(f"{number}. {shorten(headline)}", callback_data=data)


def list_keyboard(
    kind: str, rows: Sequence[HeadlineRow], *, offset: int, size: int, has_next: bool, lang: Lang
) -> InlineKeyboardMarkup | None:
    """A button per headline with an article, then previous/next page buttons."""
    buttons = [
        [headline_button(number, row.headline, row.article_id)]
        for number, row in enumerate(rows, start=offset + 1)
        if row.article_id is not None
    ]
    paging = []
    if offset > 0:
        previous = max(offset - size, 0)
        paging.append(
            InlineKeyboardButton(
                text(lang, "button_prev"), callback_data=f"{LIST_PAGE}:{kind}:{previous}:{size}"
            )
        )
    if has_next:
        paging.append(
            InlineKeyboardButton(
                text(lang, "button_next"),
                callback_data=f"{LIST_PAGE}:{kind}:{offset + size}:{size}",
            )
        )
    if paging:
        buttons.append(paging)
    return InlineKeyboardMarkup(buttons) if buttons else None


def open_keyboard(article_ids: Sequence[int], labels: Sequence[str]) -> InlineKeyboardMarkup | None:
    """Numbered buttons opening each distinct article."""
    rows = [
        [InlineKeyboardButton(f"{number}. {shorten(label)}", callback_data=f"{OPEN}:{article_id}")]
        for number, (article_id, label) in enumerate(zip(article_ids, labels, strict=True), start=1)
    ]
    return InlineKeyboardMarkup(rows) if rows else None


def settings_keyboard(
    *, sentences: int, algorithm: str, language: str | None, algorithms: Sequence[str], lang: Lang
) -> InlineKeyboardMarkup:
    """Summary length, algorithm and reply language choices; the current ones ticked."""
    lengths = [
        InlineKeyboardButton(
            _ticked(str(count), count == sentences), callback_data=f"{SETTING}:len:{count}"
        )
        for count in (1, 2, 3, 5, 7)
    ]
    names = [
        InlineKeyboardButton(
            _ticked(name, name == algorithm), callback_data=f"{SETTING}:alg:{name}"
        )
        for name in algorithms
    ]
    choices = (("auto", "language_auto"), ("id", "language_id"), ("en", "language_en"))
    languages = [
        InlineKeyboardButton(
            _ticked(text(lang, key), (language or "auto") == code),
            callback_data=f"{SETTING}:lang:{code}",
        )
        for code, key in choices
    ]
    return InlineKeyboardMarkup(
        [lengths, *(names[i : i + 3] for i in range(0, len(names), 3)), languages]
    )


def forget_keyboard(lang: Lang) -> InlineKeyboardMarkup:
    """Confirm or cancel /forget."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    text(lang, "button_yes_forget"), callback_data=f"{FORGET}:yes"
                ),
                InlineKeyboardButton(text(lang, "button_no"), callback_data=f"{FORGET}:no"),
            ]
        ]
    )


def button_article_id(data: str | None) -> int:
    """The article id a button carries as `ACTION:ID[:...]` (ValueError when it carries none)."""
    return int((data or "").split(":")[1])


def summary_article_id(markup: InlineKeyboardMarkup | None) -> int | None:
    """The article a summary message belongs to, read back from its buttons."""
    if markup is None:
        return None
    for row in markup.inline_keyboard:
        for button in row:
            data = button.callback_data
            if isinstance(data, str) and data.startswith((f"{SUMMARY}:", f"{FULL_TEXT}:")):
                return button_article_id(data)
    return None


def shorten(label: str, limit: int = _LABEL_CHARS) -> str:
    """Cut a button label to `limit` characters at a word boundary."""
    if len(label) <= limit:
        return label
    return label[: limit - 1].rsplit(" ", 1)[0] + "…"


def _ticked(label: str, chosen: bool) -> str:
    return f"✓ {label}" if chosen else label
