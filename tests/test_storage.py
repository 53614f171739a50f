"""Storage on SQLite and PostgreSQL: articles, passages, listed headlines, chat state."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import Engine, select, text
from sqlmodel import Session, SQLModel

from storage import repository
from storage.database import (
    create_database_engine,
    create_schema,
    normalize_database_url,
)
from storage.models import headline_key
from storage.records import ArticleRecord, ChatStateRecord, ListedRecord, StoredArticle

WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))
WIT = timezone(timedelta(hours=9))

LISTED = SQLModel.metadata.tables["listed_headline"]
PASSAGE = SQLModel.metadata.tables["passage"]
LISTING = SQLModel.metadata.tables["listing"]


def make_record(
    content_hash: str,
    headline: str | None = None,
    *,
    listed: tuple[ListedRecord, ...] = (),
    published: datetime | date | None = None,
    submitted_by: int | None = None,
    sentences: tuple[str, ...] = ("Kalimat pertama.", "Kalimat kedua."),
) -> ArticleRecord:
    """An article record with sensible defaults."""
    return ArticleRecord(
        content_hash=content_hash,
        source=f"{content_hash}.txt",
        url=None,
        headline=headline if headline is not None else f"Berita {content_hash}",
        published=published,
        author="Redaksi",
        category="Nasional",
        site="contoh.id",
        language="id",
        paragraphs=(" ".join(sentences),),
        sentences=sentences,
        listed_headlines=listed,
        submitted_by=submitted_by,
        chat_id=submitted_by,
    )


def popular(headline: str, published: datetime | date | None = None) -> ListedRecord:
    """A headline from a Populer list."""
    return ListedRecord(headline, published, "popular")


def latest(headline: str, published: datetime | date | None = None) -> ListedRecord:
    """A headline from an UPDATE / Terkini list."""
    return ListedRecord(headline, published, "latest")


def listed_rows(session: Session) -> dict[str, Any]:
    """Every listed headline by key."""
    rows = session.connection().execute(select(LISTED))
    return {row.headline_key: row for row in rows}


def passages_of_listed(session: Session, listed_headline_id: int) -> int:
    """How many passages a listed headline has of its own."""
    statement = select(PASSAGE.c.id).where(PASSAGE.c.listed_headline_id == listed_headline_id)
    return len(session.connection().execute(statement).all())


# ----------------------------------------------------------------------------- database


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@h:5432/db", "postgresql+psycopg://u:p@h:5432/db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///data/ringkas.db", "sqlite:///data/ringkas.db"),
        ("/var/lib/ringkas.db", "sqlite:////var/lib/ringkas.db"),
        ("data/ringkas.db", "sqlite:///data/ringkas.db"),
    ],
)
def test_normalize_database_url(given: str, expected: str) -> None:
    assert normalize_database_url(given) == expected


def test_sqlite_engine_creates_the_directory_and_sets_pragmas(tmp_path: Any) -> None:
    engine = create_database_engine(str(tmp_path / "nested" / "dir" / "ringkas.db"))
    try:
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA synchronous").scalar() == 1  # NORMAL
            assert pragma("PRAGMA busy_timeout").scalar() == 15_000
        assert (tmp_path / "nested" / "dir" / "ringkas.db").exists()
    finally:
        engine.dispose()


def test_sqlite_page_cache_is_sized_per_connection_when_asked(tmp_path: Any) -> None:
    default = create_database_engine(str(tmp_path / "default.db"))
    sized = create_database_engine(str(tmp_path / "sized.db"), sqlite_cache_mb=64)
    try:
        with default.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -2000  # SQLite's
        with sized.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -64 * 1024
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        default.dispose()
        sized.dispose()


def create_schemas_in_parallel(engines: list[Engine]) -> list[BaseException]:
    """Run create_schema on every engine at once; return what they raised."""
    errors: list[BaseException] = []

    def create(engine: Engine) -> None:
        try:
            create_schema(engine)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=create, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_create_schema_is_idempotent_and_safe_in_parallel(database_url: str) -> None:
    engines = [create_database_engine(database_url) for _ in range(3)]
    try:
        assert create_schemas_in_parallel(engines) == []
        create_schema(engines[0])
        with Session(engines[0]) as session:
            assert repository.count_articles(session=session) == 0
    finally:
        for engine in engines:
            engine.dispose()


def test_workers_opening_a_new_sqlite_file_together_all_get_in(tmp_path: Any) -> None:
    # Switching a new file to WAL can answer "locked" without waiting: a race to lose.
    for attempt in range(20):
        engines = [create_database_engine(str(tmp_path / f"new-{attempt}.db")) for _ in range(6)]
        try:
            assert create_schemas_in_parallel(engines) == [], f"attempt {attempt}"
        finally:
            for engine in engines:
                engine.dispose()


def test_headline_key_normalises_case_space_and_trailing_punctuation() -> None:
    assert headline_key("  Harga  BERAS\tNaik!?… ") == "harga beras naik"
    assert headline_key("Apa itu 5G?") == headline_key("apa itu 5g")
    assert headline_key("...") == ""


# ----------------------------------------------------------------------------- adding


def test_same_page_twice_is_one_article_with_a_duplicate_flag(session: Session) -> None:
    record = make_record("aaa", published=datetime(2022, 1, 12, 7, 1, tzinfo=WIB))
    first = repository.add_article(session=session, record=record)
    again = repository.add_article(session=session, record=replace(record, submitted_by=99))

    assert first.duplicate is False
    assert again.duplicate is True
    assert again.id == first.id
    assert again.submitted_by is None  # a re-submission by another chat changes nothing
    assert repository.count_articles(session=session) == 1
    assert repository.count_passages(session=session) == 3  # headline + 2 sentences


def test_stored_article_reads_back_as_given(session: Session) -> None:
    listed = (popular("Kaki Kanan Aktor", datetime(2024, 5, 2, 13, 53, tzinfo=WIB)),)
    record = make_record(
        "bbb", published=datetime(2022, 1, 12, 7, 1, tzinfo=WIB), listed=listed, submitted_by=7
    )
    stored = repository.add_article(session=session, record=record)
    read = repository.get_article(session=session, article_id=stored.id)
    by_hash = repository.find_article_by_hash(session=session, content_hash="bbb")

    assert read is not None
    assert by_hash is not None
    assert read == replace(by_hash, duplicate=False)  # read by id is not a duplicate hit
    assert read == stored
    assert read.published == datetime(2022, 1, 12, 7, 1, tzinfo=WIB)
    assert read.sentences == record.sentences
    assert read.listed_headlines == listed
    assert read.created_at is not None
    assert read.created_at.tzinfo is not None
    assert repository.get_article(session=session, article_id=stored.id + 100) is None
    assert repository.find_article_by_hash(session=session, content_hash="zzz") is None


def test_bare_day_is_kept_as_a_day(session: Session) -> None:
    stored = repository.add_article(
        session=session, record=make_record("day", published=date(2026, 3, 14))
    )
    read = repository.get_article(session=session, article_id=stored.id)
    assert read is not None
    assert read.published == date(2026, 3, 14)


def test_a_concurrent_writer_storing_the_same_page_first_is_a_duplicate(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = make_record("race")
    winner = repository.add_article(session=session, record=record)
    # The pre-check misses it, as when another worker commits between the check and the insert.
    monkeypatch.setattr(repository, "_article_ids_by_hash", lambda _connection, _hashes: {})

    loser = repository.add_article(session=session, record=record)

    assert loser.duplicate is True
    assert loser.id == winner.id
    assert repository.count_articles(session=session) == 1


def test_threads_adding_the_same_pages_store_each_once(
    session_factory: Callable[[], Session],
) -> None:
    shared = popular("Judul Yang Sama Di Mana-mana")
    records = [make_record(f"t{index}", listed=(shared,)) for index in range(12)]
    errors: list[BaseException] = []

    def add_all(order: list[ArticleRecord]) -> None:
        try:
            with session_factory() as session:
                for record in order:
                    repository.add_article(session=session, record=record)
        except BaseException as error:
            errors.append(error)

    orders = [records, records[::-1], records[3:] + records[:3]]
    threads = [threading.Thread(target=add_all, args=(order,)) for order in orders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with session_factory() as session:
        assert repository.count_articles(session=session) == 12
        (row,) = listed_rows(session).values()
        assert (row.page_count, row.popular_count) == (12, 12)


def test_nothing_is_half_stored_when_an_insert_fails_midway(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository.add_article(session=session, record=make_record("kept", listed=(latest("Lama"),)))

    def fail(*_args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(repository, "_store_listed_headlines", fail)
    with pytest.raises(RuntimeError, match="disk on fire"):
        repository.add_articles_bulk(
            session=session,
            records=[make_record("new1", listed=(latest("Baru"),)), make_record("new2")],
        )

    assert repository.count_articles(session=session) == 1
    assert repository.count_passages(session=session) == 4  # kept: 3, its listed "Lama": 1
    assert set(listed_rows(session)) == {"lama"}


def test_a_bad_record_in_a_batch_stores_none_of_the_batch(session: Session) -> None:
    broken = replace(make_record("broken"), sentences=("Baik.", None))  # type: ignore[arg-type]
    with pytest.raises(Exception, match=r"(?i)null"):
        repository.add_articles_bulk(session=session, records=[make_record("ok"), broken])
    assert repository.count_articles(session=session) == 0
    assert repository.count_passages(session=session) == 0


# ----------------------------------------------------------------------------- listed headlines


@pytest.mark.parametrize("article_first", [True, False], ids=["article-first", "listing-first"])
def test_a_headline_listed_by_many_pages_is_one_row_linked_to_its_article(
    session: Session, article_first: bool
) -> None:
    shared = "Harga Beras Naik Lagi"
    listing_pages = [
        make_record("p1", listed=(popular(shared + "!"), latest(shared))),
        make_record("p2", listed=(popular(shared.upper()),)),
        make_record("p3", listed=(latest(f"  {shared}  "),)),
    ]
    own_page = make_record("own", headline=shared, published=date(2024, 1, 2))
    records = [own_page, *listing_pages] if article_first else [*listing_pages, own_page]

    stored = [repository.add_article(session=session, record=record) for record in records]
    article_id = next(item.id for item in stored if item.headline == shared)

    rows = listed_rows(session)
    row = rows[headline_key(shared)]
    assert (row.page_count, row.popular_count, row.list_kind) == (3, 2, "popular")
    assert row.article_id == article_id
    assert passages_of_listed(session, row.id) == 0  # the article's headline passage serves
    assert repository.count_passages(session=session) == 4 * 3  # headline + 2 sentences each
    linked = repository.latest_headlines(session=session, limit=10)
    assert [
        item.article_id for item in linked if headline_key(item.headline) == row.headline_key
    ] == [article_id]


def test_list_kind_is_the_first_seen_unless_seen_in_a_popular_list(session: Session) -> None:
    repository.add_article(session=session, record=make_record("a", listed=(latest("Satu"),)))
    repository.add_article(session=session, record=make_record("b", listed=(latest("Dua"),)))
    repository.add_article(
        session=session, record=make_record("c", listed=(ListedRecord("Dua", None, "related"),))
    )
    repository.add_article(session=session, record=make_record("d", listed=(popular("Satu"),)))

    rows = listed_rows(session)
    assert rows["satu"].list_kind == "popular"
    assert rows["dua"].list_kind == "latest"
    assert rows["dua"].page_count == 2
    assert rows["dua"].popular_count == 0


def test_a_listed_headline_keeps_its_first_text_and_gains_a_missing_date(
    session: Session,
) -> None:
    repository.add_article(session=session, record=make_record("a", listed=(latest("Gempa!"),)))
    later = datetime(2024, 6, 1, 9, 0, tzinfo=WITA)
    repository.add_article(
        session=session, record=make_record("b", listed=(latest("gempa", later),))
    )

    row = listed_rows(session)["gempa"]
    assert row.headline == "Gempa!"
    assert row.published == later.isoformat()
    assert row.published_utc == datetime(2024, 6, 1, 1, 0)
    assert row.first_seen_at <= row.last_seen_at


# ----------------------------------------------------------------------------- ordering


def test_latest_orders_articles_and_listed_headlines_by_instant_undated_last(
    session: Session,
) -> None:
    repository.add_article(
        session=session,
        record=make_record(
            "page",
            headline="Jam 10 WIT",  # 01:00 UTC
            published=datetime(2024, 3, 1, 10, 0, tzinfo=WIT),
            listed=(
                latest("Jam 9 WIB", datetime(2024, 3, 1, 9, 0, tzinfo=WIB)),  # 02:00 UTC
                latest("Hari itu", date(2024, 3, 1)),  # 00:00 WIB = Feb 29 17:00 UTC
                latest("Tanpa tanggal"),
            ),
        ),
    )
    repository.add_article(
        session=session,
        record=make_record(
            "wita", headline="Jam 9.30 WITA", published=datetime(2024, 3, 1, 9, 30, tzinfo=WITA)
        ),
    )
    repository.add_article(
        session=session, record=make_record("undated", headline="Artikel tanpa tanggal")
    )

    rows = repository.latest_headlines(session=session, limit=10)

    assert [row.headline for row in rows] == [
        "Jam 9 WIB",
        "Jam 9.30 WITA",
        "Jam 10 WIT",
        "Hari itu",
        "Artikel tanpa tanggal",  # undated, seen last: newest sighting first
        "Tanpa tanggal",
    ]
    assert rows[0].score == datetime(2024, 3, 1, 2, 0, tzinfo=UTC).timestamp()
    assert rows[0].article_id is None
    assert rows[2].article_id is not None
    assert rows[-1].score == 0
    assert rows[3].published == date(2024, 3, 1)
    page = repository.latest_headlines(session=session, limit=2, offset=2)
    assert [row.headline for row in page] == ["Jam 10 WIT", "Hari itu"]


def test_popular_ranks_by_page_count_then_recency_then_reader_interest(
    session: Session,
) -> None:
    older, newer = date(2024, 1, 1), date(2024, 2, 1)
    pages = [
        make_record("p1", listed=(popular("Tiga Kali", older), popular("Sekali Lama", older))),
        make_record("p2", listed=(popular("Tiga Kali"), popular("Sekali Baru", newer))),
        make_record("p3", listed=(ListedRecord("Tiga Kali", None, "most_read"), latest("Bukan"))),
    ]
    stored = [repository.add_article(session=session, record=page) for page in pages]
    repository.record_interest(session=session, article_id=stored[0].id, amount=5)
    repository.record_interest(session=session, article_id=stored[1].id)
    repository.record_interest(session=session, article_id=stored[1].id)

    rows = repository.popular_headlines(session=session, limit=10)

    assert [(row.headline, row.score) for row in rows] == [
        ("Tiga Kali", 3),
        ("Sekali Baru", 1),
        ("Sekali Lama", 1),
        ("Berita p1", 5),
        ("Berita p2", 2),
    ]
    assert rows[3].article_id == stored[0].id
    assert [
        row.headline for row in repository.popular_headlines(session=session, limit=2, offset=3)
    ] == [
        "Berita p1",
        "Berita p2",
    ]


def test_popular_shows_a_linked_article_once(session: Session) -> None:
    own = repository.add_article(session=session, record=make_record("own", headline="Viral"))
    repository.add_article(session=session, record=make_record("list", listed=(popular("viral"),)))
    repository.record_interest(session=session, article_id=own.id, amount=10)

    rows = repository.popular_headlines(session=session, limit=10)

    assert [(row.headline, row.article_id, row.score) for row in rows] == [("Viral", own.id, 1)]


# ----------------------------------------------------------------------------- deleting


def test_deleting_a_users_articles_cascades_and_recounts(session: Session) -> None:
    shared = popular("Dibagikan Semua")
    mine = [
        make_record("m1", listed=(shared, latest("Hanya Milikku")), submitted_by=42),
        make_record("m2", headline="Judul Bersama", listed=(shared,), submitted_by=42),
    ]
    theirs = make_record("t1", listed=(shared, latest("Judul Bersama")), submitted_by=7)
    stored = repository.add_articles_bulk(session=session, records=[*mine, theirs])
    repository.save_chat_state(
        session=session, state=ChatStateRecord(chat_id=42, current_article_id=stored[0].id)
    )

    assert repository.delete_articles_submitted_by(session=session, user_id=42) == 2

    assert repository.count_articles(session=session) == 1
    rows = listed_rows(session)
    assert set(rows) == {"dibagikan semua", "judul bersama"}
    assert (rows["dibagikan semua"].page_count, rows["dibagikan semua"].popular_count) == (1, 1)
    # "Judul Bersama" lost its article: it is searchable again through a passage of its own.
    assert rows["judul bersama"].article_id is None
    assert passages_of_listed(session, rows["judul bersama"].id) == 1
    assert repository.count_passages(session=session) == 3 + 2
    assert repository.get_chat_state(session=session, chat_id=42).current_article_id is None
    assert repository.delete_articles_submitted_by(session=session, user_id=42) == 0


def test_delete_article_reports_whether_it_was_there(session: Session) -> None:
    stored = repository.add_article(session=session, record=make_record("x", listed=(latest("L"),)))
    assert repository.delete_article(session=session, article_id=stored.id) is True
    assert repository.delete_article(session=session, article_id=stored.id) is False
    assert repository.count_passages(session=session) == 0
    assert listed_rows(session) == {}


def test_deleting_the_linked_article_relinks_to_another_with_the_same_headline(
    session: Session,
) -> None:
    first = repository.add_article(session=session, record=make_record("v1", headline="Sama"))
    second = repository.add_article(session=session, record=make_record("v2", headline="Sama"))
    repository.add_article(session=session, record=make_record("lister", listed=(latest("sama"),)))
    assert listed_rows(session)["sama"].article_id == first.id

    repository.delete_article(session=session, article_id=first.id)

    row = listed_rows(session)["sama"]
    assert row.article_id == second.id
    assert passages_of_listed(session, row.id) == 0


# ----------------------------------------------------------------------------- chat state


def test_chat_state_round_trip(session: Session) -> None:
    chat_id = -1_001_234_567_890  # supergroup ids exceed 32 bits
    assert repository.get_chat_state(session=session, chat_id=chat_id) == ChatStateRecord(chat_id)
    stored = repository.add_article(session=session, record=make_record("s"))
    state = ChatStateRecord(
        chat_id=chat_id,
        current_article_id=stored.id,
        summary_sentences=5,
        algorithm="lexrank",
        reply_language="en",
        extra={"mode": "brief"},
    )
    repository.save_chat_state(session=session, state=state)
    assert repository.get_chat_state(session=session, chat_id=chat_id) == state

    changed = replace(state, summary_sentences=2, reply_language=None, extra={})
    repository.save_chat_state(session=session, state=changed)
    assert repository.get_chat_state(session=session, chat_id=chat_id) == changed

    repository.delete_chat_state(session=session, chat_id=chat_id)
    assert repository.get_chat_state(session=session, chat_id=chat_id) == ChatStateRecord(chat_id)


def test_big_user_ids_are_stored(session: Session) -> None:
    user_id = 7_123_456_789
    repository.add_article(session=session, record=make_record("u", submitted_by=user_id))
    assert repository.delete_articles_submitted_by(session=session, user_id=user_id) == 1


# ----------------------------------------------------------------------------- bulk


def snapshot(session: Session) -> dict[str, Any]:
    """Everything a reader can see, with ids replaced by content hashes."""
    connection = session.connection()
    articles = connection.execute(text("SELECT id, content_hash FROM article"))
    hash_of: dict[int, str] = {row.id: row.content_hash for row in articles}
    passages = sorted(
        (
            row.kind,
            row.text,
            row.position,
            hash_of.get(row.article_id),
            row.listed_headline_id is None,
        )
        for row in connection.execute(select(PASSAGE))
    )
    listed = sorted(
        (
            row.headline_key,
            row.headline,
            row.list_kind,
            row.page_count,
            row.popular_count,
            hash_of.get(row.article_id),
            row.published,
        )
        for row in connection.execute(select(LISTED))
    )

    def headlines(rows: list[Any]) -> list[tuple[Any, ...]]:
        return [(r.headline, r.published, hash_of.get(r.article_id), r.score) for r in rows]

    return {
        "passages": passages,
        "listed": listed,
        "listings": len(connection.execute(select(LISTING)).all()),
        "latest": headlines(repository.latest_headlines(session=session, limit=100)),
        "popular": headlines(repository.popular_headlines(session=session, limit=100)),
    }


def comparable(results: list[StoredArticle]) -> list[StoredArticle]:
    """Results without the fields that differ between two stores."""
    return [replace(result, id=0, created_at=None) for result in results]


def test_bulk_add_equals_adding_one_by_one(session: Session) -> None:
    records = [
        make_record(
            "b1",
            headline="Pertama",
            published=datetime(2024, 1, 1, 8, tzinfo=WIB),
            listed=(popular("Kedua"), latest("Luar", date(2024, 1, 3))),
        ),
        make_record("b2", headline="Kedua", listed=(popular("pertama"), popular("Luar!"))),
        make_record("b1", headline="Pertama"),  # the same page again within the batch
        make_record("b3", listed=(ListedRecord("Luar", None, "most_read"),), submitted_by=3),
    ]
    one_by_one = [repository.add_article(session=session, record=record) for record in records]
    expected = snapshot(session)
    for result in one_by_one:
        repository.delete_article(session=session, article_id=result.id)
    assert repository.count_passages(session=session) == 0
    assert listed_rows(session) == {}

    in_bulk = repository.add_articles_bulk(session=session, records=records)

    assert [result.duplicate for result in in_bulk] == [False, False, True, False]
    assert in_bulk[2].id == in_bulk[0].id
    assert comparable(in_bulk[:2] + in_bulk[3:]) == comparable(one_by_one[:2] + one_by_one[3:])
    assert snapshot(session) == expected
    again = repository.add_articles_bulk(session=session, records=records)
    assert all(result.duplicate for result in again)
    assert [result.id for result in again] == [result.id for result in in_bulk]
