"""Property: whatever a reader sends, the desk answers or refuses politely; it never crashes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.desk import NewsDesk, NothingStored, open_desk
from bot.news import NotAnArticle

FIXTURE = Path(__file__).parent / "fixtures" / "cli" / "rmol_pelabuhan.txt"
_WORDS = st.sampled_from(
    'Harga cabai naik di pasar . , ? ! “ ” " ( ) Rp1,2 triliun 3.5% Dr. Jl. No. 5 '
    "Populer UPDATE Baca juga: SCROLL TO CONTINUE WITH CONTENT Selasa, 17 November 2026 "
    "| 09:45 WIB the of said London 2,300 \n \n\n http://127.0.0.1:9/closed-port".split(" ")
)
_MESSAGES = st.one_of(
    st.text(max_size=400),
    st.lists(_WORDS, max_size=120).map(" ".join),
)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NewsDesk]:
    """One desk over a file store that already holds a page."""
    database = tmp_path_factory.mktemp("desk") / "desk.db"
    with open_desk(f"sqlite:///{database}") as opened:
        opened.submit(FIXTURE.read_text(encoding="utf-8"), source=FIXTURE.name)
        yield opened


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(message=_MESSAGES)
def test_any_message_is_answered_or_politely_refused(desk: NewsDesk, message: str) -> None:
    try:
        reception = desk.receive(message, chat_id=1, user_id=1)
    except (NotAnArticle, NothingStored) as refusal:
        reason = str(refusal)
        assert reason.strip()
        return
    if reception.answer is not None:
        answer = reception.answer
        assert answer.answer is None or answer.kind in {"sentence", "headline"}
    else:
        assert reception.article is not None
        assert reception.summary is not None
        assert set(reception.summary.sentences) <= set(reception.article.sentences)
