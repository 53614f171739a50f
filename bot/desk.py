"""NewsDesk: the use cases of Ringkas, free of Telegram; handlers and the CLI call only this."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import PurePath

from sqlmodel import Session

from bot.answering import Answer, answer_question, load_word_lists
from bot.fetching import fetch_page, is_link
from bot.news import ArticleTooLong, NotAnArticle, ParsedArticle
from bot.parsing import parse_page
from bot.summary_model import DEFAULT_ALGORITHM, Summary
from bot.text import split_sentences
from bot.text.html import html_to_text
from storage import repository
from storage.database import open_store, session_factory
from storage.records import (
    ArticleRecord,
    ChatStateRecord,
    HeadlineRow,
    ListedRecord,
    StoredArticle,
)
from storage.search import PassageHit, SearchIndex, search_passages

logger = logging.getLogger(__name__)

SessionFactory = Callable[[], Session]


class NothingStored(LookupError):
    """The store has nothing to answer this with (no article, or an unknown id)."""


@dataclass(frozen=True)
class SummaryView:
    """An article with its summary, ready to render."""

    article: StoredArticle
    summary: Summary


@dataclass(frozen=True)
class Reception:
    """What a plain chat message turned into: a stored article with its summary, or an answer."""

    article: StoredArticle | None = None
    summary: Summary | None = None
    answer: Answer | None = None


@dataclass(frozen=True)
class DeskLimits:
    """Input limits the desk enforces for every caller."""

    max_upload_bytes: int = 2_000_000
    default_sentences: int = 3


class NewsDesk:
    """Owns the use cases: submit, summarize, ask, latest, popular, search, forget."""

    def __init__(self, *, session_factory: SessionFactory, limits: DeskLimits | None = None):
        self._session_factory = session_factory
        self.limits = limits or DeskLimits()

    def warm_up(self) -> None:
        """Load the search vocabulary and word lists now, so a first question does not wait."""
        load_word_lists()
        with self._session_factory() as session:
            SearchIndex(session).passage_count()

    # --- intake -----------------------------------------------------------------------------

    def read_upload(self, data: bytes, *, filename: str | None = None) -> str:
        """Decode an uploaded page (.txt, .html, .md) to text, or raise NotAnArticle."""
        if len(data) > self.limits.max_upload_bytes:
            raise ArticleTooLong(
                f"That file is {len(data) / 1_000_000:.1f} MB; I read pages up to "
                f"{self.limits.max_upload_bytes / 1_000_000:.0f} MB."
            )
        if b"\x00" in data[:8192]:
            raise NotAnArticle("That looks like a binary file, not a news page.", reason="binary")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise NotAnArticle("That file is not UTF-8 text.", reason="not_utf8") from error
        if _looks_like_html(text, filename):
            text = html_to_text(text)
        return text

    def parse(self, text: str, *, url: str | None = None) -> ParsedArticle:
        """Parse page text into an article without storing it, or raise NotAnArticle."""
        if len(text.encode("utf-8")) > self.limits.max_upload_bytes:
            raise ArticleTooLong("That page is too long for me (over 2 MB).")
        if not text.strip():
            raise NotAnArticle("That message is empty.", reason="empty")
        if _control_character_share(text) > 0.01:
            raise NotAnArticle("That looks like a binary file, not a news page.", reason="binary")
        return parse_page(text, url=url)

    def submit(
        self,
        text: str,
        *,
        source: str | None = None,
        url: str | None = None,
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> StoredArticle:
        """Parse and store a page; the same page twice returns the stored one (duplicate)."""
        article = self.parse(text, url=url)
        record = _record_from(article, source=source, chat_id=chat_id, user_id=user_id)
        with self._session_factory() as session:
            stored = repository.add_article(session=session, record=record)
            if chat_id is not None:
                self._set_current_article(session, chat_id, stored.id)
        return stored

    def submit_link(
        self, url: str, *, chat_id: int | None = None, user_id: int | None = None
    ) -> StoredArticle:
        """Download a linked page, then parse and store it like a pasted one."""
        text = fetch_page(url, max_bytes=self.limits.max_upload_bytes)
        return self.submit(text, source=url, url=url.strip(), chat_id=chat_id, user_id=user_id)

    def submit_many(self, pages: Sequence[tuple[ParsedArticle, str | None]]) -> list[StoredArticle]:
        """Store many parsed articles at once through the bulk path."""
        records = [_record_from(article, source=source) for article, source in pages]
        with self._session_factory() as session:
            stored = repository.add_articles_bulk(session=session, records=records)
            if any(not article.duplicate for article in stored):
                repository.compact_search_index(session=session)
        return stored

    def receive(
        self,
        text: str,
        *,
        chat_id: int | None = None,
        user_id: int | None = None,
        source: str | None = None,
    ) -> Reception:
        """Treat a plain message as an article when it looks like one, else as a question."""
        if is_link(text):
            stored = self.submit_link(text, chat_id=chat_id, user_id=user_id)
        elif looks_like_article(text):
            stored = self.submit(text, source=source, chat_id=chat_id, user_id=user_id)
        else:
            return Reception(answer=self.ask(text, chat_id=chat_id))
        state = self.chat_state(chat_id) if chat_id is not None else None
        summary = self.summarize(
            stored,
            sentences=state.summary_sentences if state else None,
            algorithm=state.algorithm if state else None,
        )
        return Reception(article=stored, summary=summary)

    # --- reading ----------------------------------------------------------------------------

    def article(self, article_id: int) -> StoredArticle:
        """Return one stored article, or raise NothingStored."""
        with self._session_factory() as session:
            stored = repository.get_article(session=session, article_id=article_id)
        if stored is None:
            raise NothingStored(f"There is no article {article_id}.")
        return stored

    def open_article(self, article_id: int, *, chat_id: int | None = None) -> StoredArticle:
        """Return an article a reader opened, counting the interest and making it current."""
        with self._session_factory() as session:
            stored = repository.get_article(session=session, article_id=article_id)
            if stored is None:
                raise NothingStored(f"There is no article {article_id}.")
            repository.record_interest(session=session, article_id=article_id)
            if chat_id is not None:
                self._set_current_article(session, chat_id, article_id)
        return stored

    def summarize(
        self,
        article: StoredArticle | ParsedArticle,
        *,
        sentences: int | None = None,
        ratio: float | None = None,
        algorithm: str | None = None,
    ) -> Summary:
        """Summarise an article (stored or only parsed)."""
        from bot.summarizing import summarize  # sumy loads NLTK: only when a summary is made

        count = None if ratio is not None else (sentences or self.limits.default_sentences)
        return summarize(
            _paragraph_sentences(article.paragraphs),
            language="en" if article.language == "en" else "id",
            headline=article.headline,
            count=count,
            ratio=ratio,
            algorithm=algorithm or DEFAULT_ALGORITHM,
        )

    def current_article(self, chat_id: int) -> StoredArticle:
        """Return the chat's current article, or raise NothingStored."""
        state = self.chat_state(chat_id)
        if state.current_article_id is None:
            raise NothingStored("Send me a news article first.")
        return self.article(state.current_article_id)

    def ask(
        self, question: str, *, chat_id: int | None = None, article_id: int | None = None
    ) -> Answer:
        """Answer a question from every stored headline and sentence."""
        if not question.strip():
            raise NotAnArticle(
                "Ask me a question about the news you sent.", reason="empty_question"
            )
        with self._session_factory() as session:
            preferred = article_id
            if preferred is None and chat_id is not None:
                state = repository.get_chat_state(session=session, chat_id=chat_id)
                preferred = state.current_article_id
            answer = answer_question(
                question, index=SearchIndex(session), preferred_article_id=preferred
            )
            if answer.article_id is not None:
                repository.record_interest(session=session, article_id=answer.article_id)
        return answer

    def latest(self, limit: int = 10, offset: int = 0) -> list[HeadlineRow]:
        """Newest headlines first, from stored articles and side lists."""
        with self._session_factory() as session:
            return repository.latest_headlines(session=session, limit=limit, offset=offset)

    def popular(self, limit: int = 10, offset: int = 0) -> list[HeadlineRow]:
        """Most listed and most read headlines first."""
        with self._session_factory() as session:
            return repository.popular_headlines(session=session, limit=limit, offset=offset)

    def search(self, words: str, limit: int = 10) -> list[PassageHit]:
        """Stored headlines and sentences matching the words."""
        with self._session_factory() as session:
            return search_passages(session=session, query=words, limit=limit)

    # --- chat state -------------------------------------------------------------------------

    def chat_state(self, chat_id: int) -> ChatStateRecord:
        """Return what Ringkas remembers about a chat (defaults when new)."""
        with self._session_factory() as session:
            return repository.get_chat_state(session=session, chat_id=chat_id)

    def save_chat_state(self, state: ChatStateRecord) -> None:
        """Store a chat's settings and current article."""
        with self._session_factory() as session:
            repository.save_chat_state(session=session, state=state)

    def forget(self, *, user_id: int, chat_id: int | None = None) -> int:
        """Delete every article a reader submitted and the chat's state; return the count."""
        with self._session_factory() as session:
            deleted = repository.delete_articles_submitted_by(session=session, user_id=user_id)
            if chat_id is not None:
                repository.delete_chat_state(session=session, chat_id=chat_id)
        return deleted

    def _set_current_article(self, session: Session, chat_id: int, article_id: int) -> None:
        state = repository.get_chat_state(session=session, chat_id=chat_id)
        repository.save_chat_state(
            session=session, state=replace(state, current_article_id=article_id)
        )


def looks_like_article(text: str) -> bool:
    """Tell a pasted page (long, several lines or sentences) from a reader's question."""
    stripped = text.strip()
    lines = [line for line in stripped.splitlines() if line.strip()]
    sentences = [s for line in lines for s in split_sentences(line)]
    return len(stripped) >= 400 or (len(stripped) >= 160 and len(sentences) >= 3) or len(lines) >= 4


def content_hash(article: ParsedArticle) -> str:
    """Fingerprint an article by its normalised headline and body, ignoring spacing and case."""
    text = "\n".join([article.headline or "", *article.sentences])
    normalized = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def _record_from(
    article: ParsedArticle,
    *,
    source: str | None,
    chat_id: int | None = None,
    user_id: int | None = None,
) -> ArticleRecord:
    return ArticleRecord(
        content_hash=content_hash(article),
        source=source,
        url=article.url,
        headline=article.headline,
        published=article.published,
        author=article.author,
        category=article.category,
        site=article.site,
        language=article.language,
        paragraphs=article.paragraphs,
        sentences=article.sentences,
        listed_headlines=tuple(
            ListedRecord(headline=item.headline, published=item.published, list_kind=item.list_kind)
            for item in article.listed_headlines
        ),
        submitted_by=user_id,
        chat_id=chat_id,
    )


def _paragraph_sentences(paragraphs: Sequence[str]) -> list[list[str]]:
    """Group an article's sentences by paragraph (the parser's sentences are exactly these)."""
    return [group for group in (split_sentences(p) for p in paragraphs) if group]


def _looks_like_html(text: str, filename: str | None) -> bool:
    suffix = PurePath(filename).suffix.lower() if filename else ""
    if suffix in {".html", ".htm"}:
        return True
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _control_character_share(text: str) -> float:
    sample = text[:20_000]
    controls = sum(
        1 for char in sample if unicodedata.category(char) == "Cc" and char not in "\n\r\t"
    )
    return controls / max(len(sample), 1)


@contextmanager
def open_desk(
    database_url: str, *, limits: DeskLimits | None = None, sqlite_cache_mb: int = 0
) -> Iterator[NewsDesk]:
    """Open the store at a database URL (created if missing) and yield a desk over it."""
    engine = open_store(database_url, sqlite_cache_mb=sqlite_cache_mb)
    try:
        yield NewsDesk(session_factory=session_factory(engine), limits=limits)
    finally:
        engine.dispose()
