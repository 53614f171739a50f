"""The queries and writes the desk needs; they take the session and return plain records.

Unit of work: every write function (add_*, record_interest, delete_*, save/delete chat
state) commits before returning and rolls back on error, so nothing is half-stored. A write
first ends any transaction the session already has open (committing it), so that SQLite can
take its write lock up front. Read functions never commit. Use one session per update.

Statements are SQLAlchemy Core on the session's connection (no ORM objects): rows go in
as batched multi-row inserts (COPY on PostgreSQL), and listed-headline counts are always
recomputed from the `listing` rows, never bumped. One add_articles_bulk call is one
transaction: for a large import, call it per chunk of a few hundred records.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any, TypeVar

from sqlalchemy import (
    Connection,
    Integer,
    Row,
    Select,
    Table,
    and_,
    bindparam,
    case,
    delete,
    distinct,
    exists,
    func,
    insert,
    literal,
    null,
    select,
    union_all,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import Session, SQLModel

from storage import search
from storage.database import SQLITE_WRITE_OPTION
from storage.models import POPULAR_LIST_KINDS, headline_key
from storage.records import (
    ArticleRecord,
    ChatStateRecord,
    HeadlineRow,
    ListedRecord,
    StoredArticle,
)

logger = logging.getLogger(__name__)

ARTICLE = SQLModel.metadata.tables["article"]
PASSAGE = SQLModel.metadata.tables["passage"]
LISTED = SQLModel.metadata.tables["listed_headline"]
LISTING = SQLModel.metadata.tables["listing"]
CHAT_STATE = SQLModel.metadata.tables["chat_state"]

WIB = timezone(timedelta(hours=7))  # a bare day or a naive time is read as Jakarta time
_CHUNK = 500  # ids per IN (...) list, well under SQLite's and PostgreSQL's parameter limits
# Multi-row inserts add RETURNING only so that SQLAlchemy batches the rows into a few
# INSERT ... VALUES (...), (...) statements ("insertmanyvalues") instead of one per row, so
# statement-level triggers run once per batch. On PostgreSQL new passages and listings go in
# with COPY instead: psycopg re-parses every long multi-row statement in Python.

_RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})  # serialization failure, deadlock

T = TypeVar("T")


# ----------------------------------------------------------------------------- writes


def add_article(*, session: Session, record: ArticleRecord) -> StoredArticle:
    """Store one article (or find it already stored: `duplicate=True`)."""
    return add_articles_bulk(session=session, records=[record])[0]


def add_articles_bulk(*, session: Session, records: Sequence[ArticleRecord]) -> list[StoredArticle]:
    """Store many articles in one transaction; one result per record, in order."""
    if not records:
        return []
    return _write(session, lambda connection: _store_records(connection, records))


def compact_search_index(*, session: Session) -> None:
    """Merge the search index's pieces after a bulk import, for faster questions."""
    _write(session, search.compact_search_index)


def record_interest(*, session: Session, article_id: int, amount: int = 1) -> None:
    """Count that readers opened or asked about an article."""

    def bump(connection: Connection) -> None:
        connection.execute(
            update(ARTICLE)
            .where(ARTICLE.c.id == article_id)
            .values(interest=ARTICLE.c.interest + amount)
        )

    _write(session, bump)


def delete_article(*, session: Session, article_id: int) -> bool:
    """Delete one article with its passages and listings; False when it was not there."""
    return _write(session, lambda connection: _delete_articles(connection, [article_id])) > 0


def delete_articles_submitted_by(*, session: Session, user_id: int) -> int:
    """Delete every article a user submitted; return how many."""

    def forget(connection: Connection) -> int:
        article_ids = list(
            connection.scalars(select(ARTICLE.c.id).where(ARTICLE.c.submitted_by == user_id))
        )
        return _delete_articles(connection, article_ids)

    return _write(session, forget)


def save_chat_state(*, session: Session, state: ChatStateRecord) -> None:
    """Insert or update what Ringkas remembers about a chat."""
    values = {
        "current_article_id": state.current_article_id,
        "summary_sentences": state.summary_sentences,
        "algorithm": state.algorithm,
        "reply_language": state.reply_language,
        "extra": json.dumps(state.extra, ensure_ascii=False, sort_keys=True),
        "updated_at": _utc_now(),
    }

    def upsert(connection: Connection) -> None:
        statement = _dialect_insert(connection, CHAT_STATE).values(chat_id=state.chat_id, **values)
        connection.execute(
            statement.on_conflict_do_update(index_elements=[CHAT_STATE.c.chat_id], set_=values)
        )

    _write(session, upsert)


def delete_chat_state(*, session: Session, chat_id: int) -> None:
    """Forget a chat's state."""
    _write(
        session,
        lambda connection: connection.execute(
            delete(CHAT_STATE).where(CHAT_STATE.c.chat_id == chat_id)
        ),
    )


# ----------------------------------------------------------------------------- reads


def get_article(*, session: Session, article_id: int) -> StoredArticle | None:
    """One stored article by id."""
    return _read_article(session.connection(), ARTICLE.c.id == article_id, duplicate=False)


def find_article_by_hash(*, session: Session, content_hash: str) -> StoredArticle | None:
    """One stored article by the hash of its normalised body."""
    return _read_article(session.connection(), ARTICLE.c.content_hash == content_hash)


def count_articles(*, session: Session) -> int:
    """How many articles are stored."""
    return session.connection().scalar(select(func.count()).select_from(ARTICLE)) or 0


def count_passages(*, session: Session) -> int:
    """How many searchable passages are stored."""
    return session.connection().scalar(select(func.count()).select_from(PASSAGE)) or 0


def get_chat_state(*, session: Session, chat_id: int) -> ChatStateRecord:
    """What Ringkas remembers about a chat (defaults when nothing is stored)."""
    row = (
        session.connection()
        .execute(select(CHAT_STATE).where(CHAT_STATE.c.chat_id == chat_id))
        .first()
    )
    if row is None:
        return ChatStateRecord(chat_id=chat_id)
    return ChatStateRecord(
        chat_id=row.chat_id,
        current_article_id=row.current_article_id,
        summary_sentences=row.summary_sentences,
        algorithm=row.algorithm,
        reply_language=row.reply_language,
        extra=dict(json.loads(row.extra or "{}")),
    )


def latest_headlines(*, session: Session, limit: int, offset: int = 0) -> list[HeadlineRow]:
    """Newest headlines first, stored articles and listed headlines together; undated last."""
    rows = _headline_union(_latest_article_rows(), _latest_listed_rows())
    ordered = (
        select(rows)
        .order_by(
            rows.c.published_utc.is_(None),
            rows.c.published_utc.desc(),
            rows.c.seen_at.desc(),
            rows.c.headline,
        )
        .limit(limit)
        .offset(offset)
    )
    return [
        _headline_row(row, score=_epoch_seconds(row.published_utc))
        for row in session.connection().execute(ordered)
    ]


def popular_headlines(*, session: Session, limit: int, offset: int = 0) -> list[HeadlineRow]:
    """Headlines from popular lists by how many pages listed them, then articles by interest."""
    rows = _headline_union(_popular_listed_rows(), _interesting_article_rows())
    ordered = (
        select(rows)
        .order_by(
            rows.c.tier,
            rows.c.score.desc(),
            rows.c.published_utc.is_(None),
            rows.c.published_utc.desc(),
            rows.c.seen_at.desc(),
            rows.c.headline,
        )
        .limit(limit)
        .offset(offset)
    )
    return [
        _headline_row(row, score=float(row.score)) for row in session.connection().execute(ordered)
    ]


# ----------------------------------------------------------------------------- unit of work


def _write(session: Session, work: Callable[[Connection], T]) -> T:
    """Run one write in its own transaction; retry once after a race with another writer."""
    try:
        return _run_committed(session, work)
    except DBAPIError as error:
        if not _lost_a_race(error):
            raise
        logger.info("Write conflicted with a concurrent one, retrying: %s", error.orig)
    return _run_committed(session, work)


def _lost_a_race(error: DBAPIError) -> bool:
    """A unique-constraint clash, a deadlock or a serialization failure: worth one retry."""
    sqlstate = getattr(error.orig, "sqlstate", None)
    return isinstance(error, IntegrityError) or sqlstate in _RETRYABLE_SQLSTATES


def _run_committed(session: Session, work: Callable[[Connection], T]) -> T:
    """Begin (as an SQLite writer), run, commit; roll back on any error."""
    if session.in_transaction():
        session.commit()
    connection = session.connection(execution_options={SQLITE_WRITE_OPTION: True})
    try:
        result = work(connection)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result


def _dialect_insert(connection: Connection, table: Table) -> Any:
    """An INSERT that supports ON CONFLICT on both SQLite and PostgreSQL."""
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def _append_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows that cannot conflict (new ids only), as fast as the dialect allows."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table).returning(table.c.id), rows)
        return
    columns = list(rows[0])
    driver_connection: Any = connection.connection.driver_connection
    statement = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
    with driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([row[column] for column in columns])


def _chunks(values: Iterable[T]) -> Iterator[list[T]]:
    """Split values into lists short enough for one IN (...)."""
    batch: list[T] = []
    for value in values:
        batch.append(value)
        if len(batch) == _CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


# ----------------------------------------------------------------------------- storing


@dataclass(frozen=True)
class _NewArticle:
    """An article row just inserted, with the record it came from."""

    id: int
    record: ArticleRecord
    created_at: datetime


def _store_records(connection: Connection, records: Sequence[ArticleRecord]) -> list[StoredArticle]:
    """Insert the records not stored yet, then answer every record in order."""
    now = _utc_now()
    unique_records: dict[str, ArticleRecord] = {}
    for record in records:
        unique_records.setdefault(record.content_hash, record)
    already_stored = _article_ids_by_hash(connection, unique_records)
    to_insert = [
        record
        for content_hash, record in unique_records.items()
        if content_hash not in already_stored
    ]
    inserted_ids = _insert_articles(connection, to_insert, now)
    new_articles = [
        _NewArticle(inserted_ids[record.content_hash], record, now)
        for record in to_insert
        if record.content_hash in inserted_ids
    ]
    _insert_article_passages(connection, new_articles)
    _store_listed_headlines(connection, new_articles, now)
    return _results_in_order(connection, records, new_articles)


def _results_in_order(
    connection: Connection, records: Sequence[ArticleRecord], new_articles: list[_NewArticle]
) -> list[StoredArticle]:
    """The first sight of a newly inserted hash is new; everything else is a duplicate."""
    fresh = {article.record.content_hash: article for article in new_articles}
    duplicates: dict[str, StoredArticle] = {}
    results = []
    for record in records:
        article = fresh.pop(record.content_hash, None)
        if article is not None:
            results.append(_stored_from_record(article))
            continue
        if record.content_hash not in duplicates:
            stored = _read_article(connection, ARTICLE.c.content_hash == record.content_hash)
            if stored is None:
                raise LookupError(f"article {record.content_hash!r} vanished while storing")
            duplicates[record.content_hash] = stored
        results.append(duplicates[record.content_hash])
    return results


def _article_ids_by_hash(connection: Connection, content_hashes: Iterable[str]) -> dict[str, int]:
    """Map the given hashes that are already stored to their article ids."""
    return _ids_by_key(connection, ARTICLE.c.content_hash, ARTICLE.c.id, content_hashes)


def _ids_by_key(
    connection: Connection, key_column: Any, id_column: Any, keys: Iterable[str]
) -> dict[str, int]:
    """Map the keys present in key_column to the row ids, a few hundred keys per query."""
    found: dict[str, int] = {}
    for batch in _chunks(keys):
        statement = select(key_column, id_column).where(key_column.in_(batch))
        found.update({str(key): int(row_id) for key, row_id in connection.execute(statement)})
    return found


def _insert_articles(
    connection: Connection, records: list[ArticleRecord], now: datetime
) -> dict[str, int]:
    """Insert article rows; a hash a concurrent writer stored first is skipped, not raised."""
    if not records:
        return {}
    statement = (
        _dialect_insert(connection, ARTICLE)
        .on_conflict_do_nothing(index_elements=[ARTICLE.c.content_hash])
        .returning(ARTICLE.c.content_hash, ARTICLE.c.id)
    )
    rows = connection.execute(statement, [_article_values(record, now) for record in records])
    return {row.content_hash: row.id for row in rows}


def _article_values(record: ArticleRecord, now: datetime) -> dict[str, Any]:
    """The article table row for a record."""
    return {
        "content_hash": record.content_hash,
        "source": record.source,
        "url": record.url,
        "headline": record.headline,
        "headline_key": _optional_key(record.headline),
        "published": _published_text(record.published),
        "published_utc": _published_utc(record.published),
        "author": record.author,
        "category": record.category,
        "site": record.site,
        "language": record.language,
        "paragraphs": json.dumps(list(record.paragraphs), ensure_ascii=False),
        "submitted_by": record.submitted_by,
        "chat_id": record.chat_id,
        "created_at": now,
        "interest": 0,
    }


def _insert_article_passages(connection: Connection, new_articles: list[_NewArticle]) -> None:
    """One passage per body sentence and one for the article's own headline."""
    rows: list[dict[str, Any]] = []
    for article in new_articles:
        record = article.record
        if record.headline:
            rows.append(_passage(article.id, "headline", record.headline, 0, record.language))
        rows.extend(
            _passage(article.id, "sentence", sentence, position, record.language)
            for position, sentence in enumerate(record.sentences)
        )
    _append_rows(connection, PASSAGE, rows)


def _passage(article_id: int, kind: str, text: str, position: int, language: str) -> dict[str, Any]:
    """A passage row belonging to an article."""
    return {
        "kind": kind,
        "text": text,
        "position": position,
        "language": language,
        "article_id": article_id,
        "listed_headline_id": None,
    }


def _store_listed_headlines(
    connection: Connection, new_articles: list[_NewArticle], now: datetime
) -> None:
    """Upsert the headlines these pages list, add the listings, then recount and relink."""
    firsts: dict[str, dict[str, Any]] = {}
    listings: dict[tuple[str, int, str], int] = {}
    for article in new_articles:
        for position, listed in enumerate(article.record.listed_headlines):
            key = headline_key(listed.headline)
            if not key:
                continue
            firsts.setdefault(key, _listed_values(key, listed, article, now))
            listings.setdefault((key, article.id, listed.list_kind), position)
    own_keys = {_optional_key(article.record.headline) for article in new_articles}
    keys = set(firsts) | {key for key in own_keys if key}
    if firsts:
        connection.execute(
            _dialect_insert(connection, LISTED)
            .on_conflict_do_nothing(index_elements=[LISTED.c.headline_key])
            .returning(LISTED.c.id),
            [firsts[key] for key in sorted(firsts)],  # one lock order for concurrent writers
        )
    ids_by_key = _listed_ids_by_key(connection, keys)
    _touch_listed(connection, [ids_by_key[key] for key in firsts], firsts, ids_by_key, now)
    _append_rows(
        connection,
        LISTING,
        [
            {
                "listed_headline_id": ids_by_key[key],
                "article_id": article_id,
                "list_kind": kind,
                "position": position,
            }
            for (key, article_id, kind), position in sorted(listings.items())
        ],
    )
    _reconcile_listed(connection, ids_by_key.values())


def _listed_values(
    key: str, listed: ListedRecord, article: _NewArticle, now: datetime
) -> dict[str, Any]:
    """A listed_headline row as first seen on this page (counts are filled in later)."""
    return {
        "headline_key": key,
        "headline": listed.headline,
        "list_kind": listed.list_kind,
        "published": _published_text(listed.published),
        "published_utc": _published_utc(listed.published),
        "site": article.record.site,
        "language": article.record.language,
        "page_count": 0,
        "popular_count": 0,
        "first_seen_at": now,
        "last_seen_at": now,
        "article_id": None,
    }


def _listed_ids_by_key(connection: Connection, keys: Iterable[str]) -> dict[str, int]:
    """Map the given keys that have a listed headline to its id."""
    return _ids_by_key(connection, LISTED.c.headline_key, LISTED.c.id, keys)


def _touch_listed(
    connection: Connection,
    listed_ids: list[int],
    firsts: dict[str, dict[str, Any]],
    ids_by_key: dict[str, int],
    now: datetime,
) -> None:
    """Mark listed headlines as seen now and fill in a date they did not have yet."""
    for batch in _chunks(listed_ids):
        connection.execute(update(LISTED).where(LISTED.c.id.in_(batch)).values(last_seen_at=now))
    dated = [
        {
            "target_id": ids_by_key[key],
            "new_published": v["published"],
            "new_utc": v["published_utc"],
        }
        for key, v in firsts.items()
        if v["published"] is not None
    ]
    if dated:
        connection.execute(
            update(LISTED)
            .where(LISTED.c.id == bindparam("target_id"), LISTED.c.published.is_(None))
            .values(published=bindparam("new_published"), published_utc=bindparam("new_utc")),
            dated,
        )


def _reconcile_listed(connection: Connection, listed_ids: Iterable[int]) -> None:
    """Recount listings, drop unlisted headlines, link to articles, keep one passage each."""
    for batch in _chunks(sorted(set(listed_ids))):
        _recount(connection, batch)
        _drop_unlisted(connection, batch)
        _link_to_articles(connection, batch)
        _sync_listed_passages(connection, batch)


def _recount(connection: Connection, listed_ids: list[int]) -> None:
    """Recompute page_count, popular_count and list_kind from the listings."""
    of_headline = LISTING.c.listed_headline_id == LISTED.c.id
    pages = select(func.count(distinct(LISTING.c.article_id))).where(of_headline)
    popular = pages.where(LISTING.c.list_kind.in_(POPULAR_LIST_KINDS))
    first_kind = select(LISTING.c.list_kind).where(of_headline).order_by(LISTING.c.id).limit(1)

    def listed_in(kind: str) -> Any:
        return exists().where(of_headline, LISTING.c.list_kind == kind)

    connection.execute(
        update(LISTED)
        .where(LISTED.c.id.in_(listed_ids))
        .values(
            page_count=pages.scalar_subquery(),
            popular_count=popular.scalar_subquery(),
            list_kind=case(
                (listed_in("popular"), "popular"),
                (listed_in("most_read"), "most_read"),
                else_=func.coalesce(first_kind.scalar_subquery(), LISTED.c.list_kind),
            ),
        )
    )


def _drop_unlisted(connection: Connection, listed_ids: list[int]) -> None:
    """Remove listed headlines no stored page lists any more, with their passages."""
    unlisted = select(LISTED.c.id).where(LISTED.c.id.in_(listed_ids), LISTED.c.page_count == 0)
    connection.execute(delete(PASSAGE).where(PASSAGE.c.listed_headline_id.in_(unlisted)))
    connection.execute(delete(LISTED).where(LISTED.c.id.in_(listed_ids), LISTED.c.page_count == 0))


def _link_to_articles(connection: Connection, listed_ids: list[int]) -> None:
    """Point unlinked listed headlines at the first stored article with the same key."""
    same_headline = (
        select(func.min(ARTICLE.c.id))
        .where(ARTICLE.c.headline_key == LISTED.c.headline_key)
        .scalar_subquery()
    )
    connection.execute(
        update(LISTED)
        .where(LISTED.c.id.in_(listed_ids), LISTED.c.article_id.is_(None))
        .values(article_id=same_headline)
    )


def _sync_listed_passages(connection: Connection, listed_ids: list[int]) -> None:
    """A listed headline has its own passage exactly when no stored article carries it."""
    linked = select(LISTED.c.id).where(
        LISTED.c.id.in_(listed_ids), LISTED.c.article_id.is_not(None)
    )
    connection.execute(delete(PASSAGE).where(PASSAGE.c.listed_headline_id.in_(linked)))
    has_passage = exists().where(PASSAGE.c.listed_headline_id == LISTED.c.id)
    missing = select(
        literal("headline"), LISTED.c.headline, literal(0), LISTED.c.language, LISTED.c.id
    ).where(LISTED.c.id.in_(listed_ids), LISTED.c.article_id.is_(None), ~has_passage)
    connection.execute(
        insert(PASSAGE).from_select(
            ["kind", "text", "position", "language", "listed_headline_id"], missing
        )
    )


# ----------------------------------------------------------------------------- deleting


def _delete_articles(connection: Connection, article_ids: list[int]) -> int:
    """Delete articles and what hangs off them; recount the headlines they listed."""
    deleted = 0
    for batch in _chunks(article_ids):
        affected = set(
            connection.scalars(
                select(LISTING.c.listed_headline_id).where(LISTING.c.article_id.in_(batch))
            )
        )
        affected.update(
            connection.scalars(select(LISTED.c.id).where(LISTED.c.article_id.in_(batch)))
        )
        connection.execute(
            update(CHAT_STATE)
            .where(CHAT_STATE.c.current_article_id.in_(batch))
            .values(current_article_id=None)
        )
        connection.execute(delete(PASSAGE).where(PASSAGE.c.article_id.in_(batch)))
        connection.execute(delete(LISTING).where(LISTING.c.article_id.in_(batch)))
        connection.execute(
            update(LISTED).where(LISTED.c.article_id.in_(batch)).values(article_id=None)
        )
        deleted += connection.execute(delete(ARTICLE).where(ARTICLE.c.id.in_(batch))).rowcount
        _reconcile_listed(connection, affected)
    return deleted


# ----------------------------------------------------------------------------- reading


def _read_article(
    connection: Connection, condition: Any, *, duplicate: bool = True
) -> StoredArticle | None:
    """Read one article (its sentences and listed headlines too), by default as a duplicate hit."""
    row = connection.execute(select(ARTICLE).where(condition)).first()
    if row is None:
        return None
    sentences = connection.scalars(
        select(PASSAGE.c.text)
        .where(PASSAGE.c.article_id == row.id, PASSAGE.c.kind == "sentence")
        .order_by(PASSAGE.c.position)
    )
    listed = connection.execute(
        select(LISTED.c.headline, LISTED.c.published, LISTING.c.list_kind)
        .join_from(LISTING, LISTED, LISTING.c.listed_headline_id == LISTED.c.id)
        .where(LISTING.c.article_id == row.id)
        .order_by(LISTING.c.position, LISTING.c.id)
    )
    return StoredArticle(
        id=row.id,
        source=row.source,
        url=row.url,
        headline=row.headline,
        published=_parse_published(row.published),
        author=row.author,
        category=row.category,
        site=row.site,
        language=row.language,
        paragraphs=tuple(json.loads(row.paragraphs)),
        sentences=tuple(sentences),
        listed_headlines=tuple(
            ListedRecord(item.headline, _parse_published(item.published), item.list_kind)
            for item in listed
        ),
        duplicate=duplicate,
        submitted_by=row.submitted_by,
        created_at=row.created_at.replace(tzinfo=UTC),
    )


def _stored_from_record(article: _NewArticle) -> StoredArticle:
    """The stored view of a record just inserted (dates normalised as a re-read would be)."""
    record = article.record
    return StoredArticle(
        id=article.id,
        source=record.source,
        url=record.url,
        headline=record.headline,
        published=_parse_published(_published_text(record.published)),
        author=record.author,
        category=record.category,
        site=record.site,
        language=record.language,
        paragraphs=tuple(record.paragraphs),
        sentences=tuple(record.sentences),
        listed_headlines=record.listed_headlines,
        duplicate=False,
        submitted_by=record.submitted_by,
        created_at=article.created_at.replace(tzinfo=UTC),
    )


def _headline_union(*parts: Select[Any]) -> Any:
    """The parts as one subquery with shared column names."""
    return union_all(*parts).subquery("headlines")


def _headline_columns(
    *,
    headline: Any,
    published: Any,
    published_utc: Any,
    article_id: Any,
    site: Any,
    seen_at: Any,
    tier: int = 0,
    score: Any = 0,
) -> list[Any]:
    """The columns every part of a headline union selects, in one order."""
    return [
        literal(tier).label("tier"),
        sql_cast(score, Integer).label("score"),
        headline.label("headline"),
        published.label("published"),
        published_utc.label("published_utc"),
        article_id.label("article_id"),
        site.label("site"),
        seen_at.label("seen_at"),
    ]


def _ranked_articles(order_by: Sequence[Any]) -> Any:
    """Articles with a headline, numbered within each headline key (1 = the one to show)."""
    rank = func.row_number().over(partition_by=ARTICLE.c.headline_key, order_by=order_by)
    return (
        select(ARTICLE, rank.label("rank"))
        .where(ARTICLE.c.headline_key.is_not(None), ARTICLE.c.headline_key != "")
        .subquery("ranked_articles")
    )


def _latest_article_rows() -> Select[Any]:
    """The newest stored article per headline."""
    ranked = _ranked_articles(
        [ARTICLE.c.published_utc.is_(None), ARTICLE.c.published_utc.desc(), ARTICLE.c.id.desc()]
    )
    return select(
        *_headline_columns(
            headline=ranked.c.headline,
            published=ranked.c.published,
            published_utc=ranked.c.published_utc,
            article_id=ranked.c.id,
            site=ranked.c.site,
            seen_at=ranked.c.created_at,
        )
    ).where(ranked.c.rank == 1)


def _latest_listed_rows() -> Select[Any]:
    """Listed headlines no stored article carries."""
    return select(
        *_headline_columns(
            headline=LISTED.c.headline,
            published=LISTED.c.published,
            published_utc=LISTED.c.published_utc,
            article_id=sql_cast(null(), Integer),
            site=LISTED.c.site,
            seen_at=LISTED.c.last_seen_at,
        )
    ).where(LISTED.c.article_id.is_(None))


def _popular_listed_rows() -> Select[Any]:
    """Headlines from popular and most-read lists, with their stored article if any."""
    linked = ARTICLE.alias("linked_article")
    return (
        select(
            *_headline_columns(
                headline=func.coalesce(linked.c.headline, LISTED.c.headline),
                published=func.coalesce(LISTED.c.published, linked.c.published),
                published_utc=func.coalesce(LISTED.c.published_utc, linked.c.published_utc),
                article_id=linked.c.id,
                site=func.coalesce(linked.c.site, LISTED.c.site),
                seen_at=LISTED.c.last_seen_at,
                tier=0,
                score=LISTED.c.popular_count,
            )
        )
        .select_from(LISTED.outerjoin(linked, LISTED.c.article_id == linked.c.id))
        .where(LISTED.c.popular_count > 0)
    )


def _interesting_article_rows() -> Select[Any]:
    """Stored articles readers opened or asked about, unless a popular list already has them."""
    ranked = _ranked_articles([ARTICLE.c.interest.desc(), ARTICLE.c.id.desc()])
    in_popular_list = exists().where(
        LISTED.c.headline_key == ranked.c.headline_key, LISTED.c.popular_count > 0
    )
    return select(
        *_headline_columns(
            headline=ranked.c.headline,
            published=ranked.c.published,
            published_utc=ranked.c.published_utc,
            article_id=ranked.c.id,
            site=ranked.c.site,
            seen_at=ranked.c.created_at,
            tier=1,
            score=ranked.c.interest,
        )
    ).where(and_(ranked.c.rank == 1, ranked.c.interest > 0, ~in_popular_list))


def _headline_row(row: Row[Any], *, score: float) -> HeadlineRow:
    """A HeadlineRow from one row of a headline union."""
    return HeadlineRow(
        headline=row.headline,
        published=_parse_published(row.published),
        article_id=row.article_id,
        site=row.site,
        score=score,
    )


# ----------------------------------------------------------------------------- values


def _utc_now() -> datetime:
    """Now, as the naive UTC datetime the tables store."""
    return datetime.now(UTC).replace(tzinfo=None)


def _optional_key(headline: str | None) -> str | None:
    """The headline key, or None when there is no usable headline."""
    return (headline_key(headline) or None) if headline else None


def _published_text(published: datetime | date | None) -> str | None:
    """ISO text exactly as given: with its offset, or a bare day."""
    return None if published is None else published.isoformat()


def _published_utc(published: datetime | date | None) -> datetime | None:
    """The naive-UTC instant for ordering; a bare day (or naive time) is taken as WIB."""
    if published is None:
        return None
    if not isinstance(published, datetime):
        published = datetime.combine(published, time(0), WIB)
    elif published.tzinfo is None:
        published = published.replace(tzinfo=WIB)
    return published.astimezone(UTC).replace(tzinfo=None)


def _parse_published(text: str | None) -> datetime | date | None:
    """Back from the stored ISO text to a date or an aware datetime."""
    if not text:
        return None
    if len(text) == len("YYYY-MM-DD"):
        return date.fromisoformat(text)
    return datetime.fromisoformat(text)


def _epoch_seconds(published_utc: datetime | None) -> float:
    """Seconds since the epoch of a naive-UTC instant, 0 when unknown."""
    return 0.0 if published_utc is None else published_utc.replace(tzinfo=UTC).timestamp()
