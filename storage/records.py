"""Plain data crossing the storage boundary (no ORM objects leave a session)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class ListedRecord:
    """A headline shown in a side list of a stored page."""

    headline: str
    published: datetime | date | None  # aware datetime, bare day, or unknown
    list_kind: str  # popular | latest | related | most_read


@dataclass(frozen=True)
class ArticleRecord:
    """An article to store, as the desk hands it over."""

    content_hash: str
    language: str
    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...]
    headline: str | None = None
    published: datetime | date | None = None
    author: str | None = None
    category: str | None = None
    site: str | None = None
    source: str | None = None
    url: str | None = None
    listed_headlines: tuple[ListedRecord, ...] = ()
    submitted_by: int | None = None
    chat_id: int | None = None


@dataclass(frozen=True)
class StoredArticle:
    """A stored article read back, with its id and whether the last add found it already there."""

    id: int
    source: str | None
    url: str | None
    headline: str | None
    published: datetime | date | None
    author: str | None
    category: str | None
    site: str | None
    language: str
    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...]
    listed_headlines: tuple[ListedRecord, ...] = ()
    duplicate: bool = False
    submitted_by: int | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class HeadlineRow:
    """One line of /latest or /popular."""

    headline: str
    published: datetime | date | None
    article_id: int | None
    site: str | None
    score: float


@dataclass
class ChatStateRecord:
    """What Ringkas remembers about one chat."""

    chat_id: int
    current_article_id: int | None = None
    summary_sentences: int = 3
    algorithm: str = "ringkas"
    reply_language: str | None = None  # None: follow the reader's Telegram language
    extra: dict[str, str] = field(default_factory=dict)
