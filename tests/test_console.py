"""`ringkas chat`: the conversation in a terminal, through the same desk."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from fake_telegram import page

from bot.console import is_question_line, run_console
from bot.desk import NewsDesk
from storage.database import create_database_engine, create_schema, session_factory


@pytest.fixture
def desk(sqlite_url: str) -> Iterator[NewsDesk]:
    """A desk on a fresh SQLite file."""
    engine = create_database_engine(sqlite_url)
    create_schema(engine)
    yield NewsDesk(session_factory=session_factory(engine))
    engine.dispose()


def chat(desk: NewsDesk, *lines: str) -> str:
    """Run the console over the given input lines; return everything it printed."""
    output = io.StringIO()
    run_console(desk, input_stream=io.StringIO("\n".join(lines) + "\n"), output=output)
    return output.getvalue()


def test_paste_finished_by_two_blank_lines_then_question(desk: NewsDesk) -> None:
    pasted = page("rmol_banjir.txt")
    transcript = chat(desk, pasted, "", "", "berapa pompa mobile yang dikerahkan?", "/quit")
    assert "Banjir Rendam Ribuan Rumah di Jakarta Timur" in transcript
    assert "Keywords" in transcript
    assert "150 pompa mobile" in transcript
    assert "<b>" not in transcript
    assert transcript.rstrip().endswith("Bye!")


def test_paste_finished_by_done_and_by_end_of_input(desk: NewsDesk) -> None:
    transcript = chat(desk, page("english_rail.txt"), "/done", page("rmol_banjir.txt"))
    assert "City Council Approves" in transcript
    assert "Banjir Rendam" in transcript


def test_commands(desk: NewsDesk) -> None:
    transcript = chat(
        desk,
        "/summary",
        page("rmol_banjir.txt"),
        "/done",
        "/summary 5",
        "/latest 3",
        "/popular",
        "/search pompa",
        "/open 1",
        "/lang id",
        "/help",
        "/nonsense",
        "/quit",
        "/help",
    )
    assert "There is no article yet" in transcript
    assert "5 of" in transcript
    assert "Latest headlines" in transcript
    assert "Most popular headlines" in transcript
    assert "/open 1" in transcript
    assert "Cara memakai" not in transcript  # /help in the terminal is the console help
    assert "/summary [n]  ringkasan artikel terakhir" in transcript
    assert "Perintah itu tidak saya kenal" in transcript
    assert transcript.count("Sampai jumpa!") == 1


def test_junk_is_answered_kindly(desk: NewsDesk) -> None:
    transcript = chat(desk, "\x00\x01\x02\x03", "/done", "/ask", "/search")
    assert "Traceback" not in transcript
    assert "Write the question too" in transcript
    assert "Write the words" in transcript


def test_question_lines() -> None:
    assert is_question_line("siapa gubernurnya?")
    assert not is_question_line("Berita")
