"""SQLModel tables: articles, their searchable passages, listed headlines and chat state.

Times are naive UTC datetimes (plain DateTime columns, not SQLModel's aware default).
Published dates are kept twice: the ISO text exactly as the page gave it (`published`) and
a naive-UTC instant for ordering (`published_utc`).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from sqlalchemy import BigInteger, Column, DateTime, ForeignKey, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

PASSAGE_KINDS = ("sentence", "headline")
LIST_KINDS = ("popular", "latest", "related", "most_read")
POPULAR_LIST_KINDS = ("popular", "most_read")

_WHITESPACE = re.compile(r"\s+")


def headline_key(headline: str) -> str:
    """Normalise a headline for matching: casefold, one space per gap, no trailing punctuation."""
    key = _WHITESPACE.sub(" ", headline.casefold()).strip()
    while key and (unicodedata.category(key[-1]).startswith("P") or key[-1].isspace()):
        key = key[:-1]
    return key


class Article(SQLModel, table=True):
    """One stored news page."""

    __tablename__ = "article"

    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(max_length=128, unique=True, index=True)
    source: str | None = None
    url: str | None = None
    headline: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    headline_key: str | None = Field(default=None, sa_column=Column(Text, index=True))
    published: str | None = None
    published_utc: datetime | None = Field(default=None, sa_column=Column(DateTime, index=True))
    author: str | None = None
    category: str | None = None
    site: str | None = None
    language: str = Field(max_length=16)
    paragraphs: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON list
    submitted_by: int | None = Field(default=None, sa_column=Column(BigInteger, index=True))
    chat_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    created_at: datetime = Field(sa_column=Column(DateTime, nullable=False))
    interest: int = Field(default=0)


class ListedHeadline(SQLModel, table=True):
    """One distinct headline seen in the side lists of stored pages."""

    __tablename__ = "listed_headline"

    id: int | None = Field(default=None, primary_key=True)
    headline_key: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    headline: str = Field(sa_column=Column(Text, nullable=False))
    list_kind: str = Field(max_length=16)
    published: str | None = None
    published_utc: datetime | None = Field(default=None, sa_column=Column(DateTime, index=True))
    site: str | None = None  # site of the first page that listed it
    language: str = Field(max_length=16)
    page_count: int = Field(default=0)
    popular_count: int = Field(default=0, index=True)
    first_seen_at: datetime = Field(sa_column=Column(DateTime, nullable=False))
    last_seen_at: datetime = Field(sa_column=Column(DateTime, nullable=False))
    article_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("article.id", ondelete="SET NULL"), index=True),
    )


class Passage(SQLModel, table=True):
    """A searchable text: a body sentence or a headline (of an article or a list)."""

    __tablename__ = "passage"

    # Plain INTEGER PRIMARY KEY: on SQLite this is the rowid alias the FTS5 table points at.
    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    kind: str = Field(max_length=16)  # sentence | headline
    text: str = Field(sa_column=Column(Text, nullable=False))
    position: int = Field(default=0)
    language: str = Field(max_length=16)
    article_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"), index=True),
    )
    listed_headline_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("listed_headline.id", ondelete="CASCADE"), index=True),
    )


class Listing(SQLModel, table=True):
    """One stored page listing one headline in one kind of list."""

    __tablename__ = "listing"
    __table_args__ = (
        UniqueConstraint("listed_headline_id", "article_id", "list_kind", name="uq_listing"),
    )

    id: int | None = Field(default=None, primary_key=True)
    listed_headline_id: int = Field(
        sa_column=Column(
            Integer,
            ForeignKey("listed_headline.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
    )
    article_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=False, index=True
        ),
    )
    list_kind: str = Field(max_length=16)
    position: int = Field(default=0)  # where the page showed it, to read its lists back in order


class ChatState(SQLModel, table=True):
    """What Ringkas remembers about one chat."""

    __tablename__ = "chat_state"

    chat_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    current_article_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("article.id", ondelete="SET NULL"), nullable=True),
    )
    summary_sentences: int = Field(default=3)
    algorithm: str = Field(default="ringkas", max_length=32)
    reply_language: str | None = Field(default=None, max_length=16)
    extra: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # JSON object
    updated_at: datetime = Field(sa_column=Column(DateTime, nullable=False))
