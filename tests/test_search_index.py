"""The search index follows every insert and delete, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, text
from sqlmodel import Session

from storage import repository
from storage.records import ArticleRecord
from storage.search import SearchIndex, install_search_index, search_passages

SessionFactory = Callable[[], Session]


def record(key: str, *sentences: str, headline: str | None = None) -> ArticleRecord:
    """Build a minimal article record."""
    return ArticleRecord(
        content_hash=key,
        source=key,
        url=None,
        headline=headline,
        published=None,
        author=None,
        category=None,
        site=None,
        language="id",
        paragraphs=(" ".join(sentences),),
        sentences=sentences,
    )


def frequencies(factory: SessionFactory, *terms: str) -> dict[str, int]:
    """Read document counts back from the index's vocabulary."""
    with factory() as session:
        return SearchIndex(session).document_frequencies(terms)


def test_insert_and_delete_keep_the_index_in_step(session_factory: SessionFactory) -> None:
    with session_factory() as session:
        first = repository.add_article(
            session=session,
            record=record("a", "Harga cabai naik tajam.", "Cabai rawit langka.", headline="Cabai"),
        )
        repository.add_articles_bulk(
            session=session, records=[record("b", "Cabai hijau murah."), record("c", "Ikan segar.")]
        )
    assert frequencies(session_factory, "cabai", "ikan", "rawit") == {
        "cabai": 4,
        "ikan": 1,
        "rawit": 1,
    }
    with session_factory() as session:
        assert repository.delete_article(session=session, article_id=first.id)
    assert frequencies(session_factory, "cabai", "rawit") == {"cabai": 1}
    with session_factory() as session:
        hits = search_passages(session=session, query="cabai", limit=10)
    assert [hit.text for hit in hits] == ["Cabai hijau murah."]


def test_candidates_need_the_minimum_of_groups(session_factory: SessionFactory) -> None:
    with session_factory() as session:
        repository.add_articles_bulk(
            session=session,
            records=[record("a", "Kereta cepat menambah jadwal."), record("b", "Kereta lambat.")],
        )
    with session_factory() as session:
        index = SearchIndex(session)
        both = index.candidates([["kereta"], ["cepat", "jadwal"]], minimum_match=2, limit=10)
        either = index.candidates([["kereta"], ["cepat"]], minimum_match=1, limit=10)
        prefixed = index.vocabulary_with_prefix("ker", limit=10)
    assert [hit.text for hit in both] == ["Kereta cepat menambah jadwal."]
    assert len(either) == 2
    assert prefixed == [("kereta", 2)]


def test_install_is_idempotent_and_rebuilds(
    engine: Engine, session_factory: SessionFactory
) -> None:
    with session_factory() as session:
        repository.add_article(session=session, record=record("a", "Gempa mengguncang Lombok."))
    install_search_index(engine)
    install_search_index(engine)
    assert frequencies(session_factory, "gempa") == {"gempa": 1}
    with engine.begin() as connection:
        count = connection.execute(text("SELECT count(*) FROM passage")).scalar_one()
    assert count == 1
