"""Properties of answering: it never raises, and an answer is always stored text verbatim."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session

from bot.answering import answer_question
from storage import repository
from storage.database import create_database_engine, create_schema, session_factory
from storage.records import ArticleRecord
from storage.search import SearchIndex

SENTENCES = (
    "Presiden Kazakhstan menyebut upaya kudeta telah digagalkan.",
    "Harga telur di Blitar turun menjadi Rp22.000 per kilogram.",
    "The marathon drew a record 14,500 runners on Sunday.",
    "Pemerintah memperkuat pengawasan di perbatasan.",
)
HEADLINE = "Kabar Pagi: Kudeta, Telur dan Maraton"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[], Session]]:
    """One small SQLite store shared by the examples."""
    path: Path = tmp_path_factory.mktemp("answers") / "properties.db"
    engine = create_database_engine(f"sqlite:///{path}")
    create_schema(engine)
    factory = session_factory(engine)
    with factory() as session:
        repository.add_article(
            session=session,
            record=ArticleRecord(
                content_hash="p",
                headline=HEADLINE,
                language="id",
                paragraphs=(" ".join(SENTENCES),),
                sentences=SENTENCES,
            ),
        )
        repository.add_article(  # no headline: its first sentence is its sentences' context
            session=session,
            record=ArticleRecord(
                content_hash="q",
                headline=None,
                language="id",
                paragraphs=("PSU digelar ulang. Pemilih ikut lagi.",),
                sentences=("PSU digelar ulang.", "Pemilih ikut lagi."),
            ),
        )
    yield factory
    engine.dispose()


WORDS = st.sampled_from(
    "presiden kazakhstan kudeta harga telur blitar marathon runners memperkuat penguatan "
    "apa siapa kapan berapa how many the yang di AND OR NOT \" * ( ) : ^ - ' 2026 "
    "brapa gimana ngecek ikut pemungutan suara ulang psu kouta coud mengapa why harga "
    "pemprov usia old where di mana berapaan siapin ton biaya habis Rp5 (52) apakah".split()
)
QUESTIONS = st.one_of(st.text(max_size=80), st.lists(WORDS, max_size=8).map(" ".join))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(question=QUESTIONS, preferred=st.one_of(st.none(), st.integers(-2, 5)))
def test_answer_is_stored_text_or_nothing(
    store: Callable[[], Session], question: str, preferred: int | None
) -> None:
    with store() as session:
        answer = answer_question(
            question, index=SearchIndex(session), preferred_article_id=preferred
        )
    stored = {*SENTENCES, HEADLINE, "PSU digelar ulang.", "Pemilih ikut lagi."}
    assert answer.answer is None or answer.answer in stored
    assert all(alt.answer in stored for alt in answer.alternatives)
    assert 0.0 <= answer.score <= 100.0
    assert (answer.answer is None) == (answer.kind is None)
