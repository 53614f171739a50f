"""Plain data shared by the pure modules: parsed articles and the headlines they list."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from bot.text.language import LanguageCode

ListKind = Literal["popular", "latest", "related", "most_read"]
LIST_KINDS: tuple[ListKind, ...] = ("popular", "latest", "related", "most_read")

# A timezone-aware datetime, or a bare date where the page prints only a day.
Published = datetime | date


def published_iso(published: Published | None) -> str | None:
    """Return ISO 8601 text for a published time or day (None stays None)."""
    return None if published is None else published.isoformat()


@dataclass(frozen=True)
class ListedHeadline:
    """A headline from a side list of a page (Populer, UPDATE, Baca juga, Most read ...)."""

    headline: str
    published: Published | None
    list_kind: ListKind


@dataclass(frozen=True)
class ParsedArticle:
    """A page turned into a clean article: metadata, body and the side lists it shows."""

    headline: str | None
    published: Published | None
    author: str | None
    category: str | None
    site: str | None
    language: LanguageCode
    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...]
    listed_headlines: tuple[ListedHeadline, ...] = ()
    boilerplate_lines: tuple[str, ...] = field(default=(), compare=False)
    url: str | None = None


class NotAnArticle(ValueError):
    """The input cannot be read as a news article; the message says why, for the reader.

    `reason` is a short code (empty, binary, not_utf8, too_large, no_text, link_failed,
    link_error, link_not_page, empty_question) that replies translate for the reader.
    """

    def __init__(self, message: str, *, reason: str = "no_text") -> None:
        super().__init__(message)
        self.reason = reason


class ArticleTooLong(NotAnArticle):
    """The input is larger than the configured limit."""

    def __init__(self, message: str, *, reason: str = "too_large") -> None:
        super().__init__(message, reason=reason)
