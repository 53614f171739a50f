"""The search index and each process's vocabulary cache follow every insert and delete."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session

from storage import database, repository
from storage.records import ArticleRecord
from storage.search import SearchIndex, VocabularyCache, install_search_index, search_passages

SessionFactory = Callable[[], Session]


def record(key: str, *sentences: str, headline: str | None = None) -> ArticleRecord:
    """Build a minimal article record."""
    return ArticleRecord(
        content_hash=key,
        source=key,
        headline=headline,
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


def test_vocabulary_cache_follows_inserts_and_deletes(
    session_factory: SessionFactory, engine: Engine
) -> None:
    assert frequencies(session_factory, "banjir") == {}  # loads the (empty) cache
    with session_factory() as session:
        first = repository.add_article(
            session=session, record=record("a", "Banjir rob di Semarang.", headline="Banjir")
        )
    assert frequencies(session_factory, "banjir", "semarang") == {"banjir": 2, "semarang": 1}
    with session_factory() as session:
        index = SearchIndex(session)
        assert index.vocabulary_with_prefix("sema", limit=5) == [("semarang", 1)]
        assert [found[0] for found in index.vocabulary_near("semarnag", 2)] == ["semarang"]
    with session_factory() as session:
        assert repository.delete_article(session=session, article_id=first.id)
        # the newest passages are gone: a new article may reuse their ids
        repository.add_article(session=session, record=record("b", "Banjir bandang di Garut."))
    assert frequencies(session_factory, "banjir", "semarang", "garut") == {
        "banjir": 1,
        "garut": 1,
    }
    assert VocabularyCache.for_engine(engine).reloads == 1  # loaded once, then kept in step


def test_vocabulary_cache_sees_another_engines_writes(database_url: str, engine: Engine) -> None:
    reader = database.session_factory(engine)
    assert frequencies(reader, "gempa") == {}
    writer_engine = database.create_database_engine(database_url)
    try:
        writer = database.session_factory(writer_engine)
        with writer() as session:
            stored = repository.add_articles_bulk(
                session=session,
                records=[record("a", "Gempa di Cianjur."), record("b", "Gempa susulan terasa.")],
            )
        assert frequencies(reader, "gempa", "cianjur") == {"gempa": 2, "cianjur": 1}
        with writer() as session:
            assert repository.delete_article(session=session, article_id=stored[0].id)
        assert frequencies(reader, "gempa", "cianjur") == {"gempa": 1}
    finally:
        writer_engine.dispose()


def test_vocabulary_cache_follows_a_rewritten_passage(
    session_factory: SessionFactory, engine: Engine
) -> None:
    with session_factory() as session:
        repository.add_article(session=session, record=record("a", "Harga beras naik."))
    assert frequencies(session_factory, "beras", "cabai") == {"beras": 1}
    with engine.begin() as connection:
        connection.execute(text("UPDATE passage SET text = 'Harga cabai naik.'"))
    assert frequencies(session_factory, "beras", "cabai", "harga") == {"cabai": 1, "harga": 1}


def test_vocabulary_cache_reloads_when_the_removal_log_moved_on(
    session_factory: SessionFactory, engine: Engine
) -> None:
    with session_factory() as session:
        stored = repository.add_articles_bulk(
            session=session,
            records=[record("a", "Harga beras naik."), record("b", "Harga gula naik.")],
        )
    assert frequencies(session_factory, "beras", "gula") == {"beras": 1, "gula": 1}
    with session_factory() as session:
        for article in stored:
            repository.delete_article(session=session, article_id=article.id)
    with engine.begin() as connection:  # as if more than REMOVAL_LOG_ROWS had been removed
        connection.execute(
            text("DELETE FROM search_removed WHERE seq = (SELECT min(seq) FROM search_removed)")
        )
    assert frequencies(session_factory, "beras", "gula", "harga") == {}
    assert VocabularyCache.for_engine(engine).reloads == 2


@pytest.mark.parametrize("minimum", [1, 2, 3])
def test_candidates_match_at_least_the_minimum_of_three_groups(
    session_factory: SessionFactory, minimum: int
) -> None:
    bodies = ["Alpha beta gamma.", "Alpha beta.", "Beta gamma.", "Gamma delta.", "Alpha."]
    with session_factory() as session:
        repository.add_articles_bulk(
            session=session,
            records=[record(str(n), body) for n, body in enumerate(bodies)],
        )
    groups = [["alpha"], ["beta", "delta"], ["gamma"]]
    with session_factory() as session:
        hits = SearchIndex(session).candidates(groups, minimum_match=minimum, limit=10)
    expected = {
        body
        for body in bodies
        if sum(any(word in body.lower() for word in group) for group in groups) >= minimum
    }
    assert {hit.text for hit in hits} == expected


def test_compacting_keeps_every_passage_findable(
    session_factory: SessionFactory, engine: Engine
) -> None:
    with session_factory() as session:
        for number in range(6):  # one transaction each: one index segment each on SQLite
            repository.add_article(
                session=session, record=record(str(number), f"Panen padi ke-{number} di Ngawi.")
            )
        gone = repository.add_article(session=session, record=record("x", "Panen jagung."))
        repository.delete_article(session=session, article_id=gone.id)
        repository.compact_search_index(session=session)
    with session_factory() as session:
        hits = SearchIndex(session).candidates([["panen"], ["ngawi"]], minimum_match=2, limit=10)
        jagung = SearchIndex(session).candidates([["jagung"]], minimum_match=1, limit=10)
    assert len(hits) == 6
    assert jagung == []
    if engine.dialect.name == "sqlite":
        with engine.begin() as connection:
            segments = connection.execute(
                text("SELECT count(DISTINCT segid) FROM passage_fts_idx")
            ).scalar_one()
            connection.execute(
                text("INSERT INTO passage_fts(passage_fts, rank) VALUES ('integrity-check', 1)")
            )
        assert segments == 1
