"""Reply rendering: escaping, dates in both languages, and the 4,096-character splitter."""

from __future__ import annotations

import html
import re
from datetime import date, datetime, timedelta, timezone

from hypothesis import example, given, settings
from hypothesis import strategies as st

from handlers.replies import (
    HTML,
    PLAIN,
    format_published,
    render_headlines,
    split_message,
    telegram_length,
)
from storage.records import HeadlineRow

_TAG = re.compile(r"<(/?)([a-z]+)[^>]*>")
WIB = timezone(timedelta(hours=7))


def visible_words(markup_text: str) -> list[str]:
    """The words a reader sees, tags removed and entities decoded."""
    return html.unescape(_TAG.sub(" ", markup_text)).split()


def balanced(chunk: str) -> bool:
    """Every tag opened in the chunk is closed in it, in order."""
    stack: list[str] = []
    for match in _TAG.finditer(chunk):
        if not match.group(1):
            stack.append(match.group(2))
        elif not stack or stack.pop() != match.group(2):
            return False
    return not stack


def test_dates_in_both_languages() -> None:
    published = datetime(2022, 1, 12, 7, 1, tzinfo=WIB)
    assert format_published(published, "id") == "12 Januari 2022 07:01 WIB"
    assert format_published(published, "en") == "12 January 2022 07:01 WIB"
    assert format_published(date(2024, 5, 2), "id") == "2 Mei 2024"
    assert format_published("2024-03-04T10:15:00+00:00", "en") == "4 March 2024 10:15 UTC+00:00"
    assert format_published(None, "id") == "tanggal tidak diketahui"


def test_headlines_are_escaped_and_numbered() -> None:
    rows = [HeadlineRow("A <b> & B", date(2024, 5, 2), 3, "rmol.id", 1.0)]
    rendered = render_headlines("Terbaru", rows, "id", first_number=6)
    assert "6. A &lt;b&gt; &amp; B" in rendered
    assert "1. A <b> & B" in render_headlines("Terbaru", rows, "id", markup=PLAIN)


def test_short_text_is_one_message() -> None:
    assert split_message("<b>Hi</b>\n\nthere") == ["<b>Hi</b>\n\nthere"]


def test_long_text_splits_at_paragraphs() -> None:
    paragraphs = [f"Paragraph {number}. " + "word " * 150 for number in range(12)]
    chunks = split_message("\n\n".join(paragraphs))
    assert len(chunks) > 1
    assert all(telegram_length(chunk) <= 4096 for chunk in chunks)
    assert all(chunk.startswith("Paragraph") for chunk in chunks)


def test_tag_spanning_a_cut_is_closed_and_reopened() -> None:
    quoted = HTML.quote("A long sentence. " * 400)
    chunks = split_message(quoted)
    assert len(chunks) > 1
    assert all(
        chunk.startswith("<blockquote>") and chunk.endswith("</blockquote>") for chunk in chunks
    )


def test_astral_characters_count_double() -> None:
    chunks = split_message("😀" * 3000)
    assert all(telegram_length(chunk) <= 4096 for chunk in chunks)
    assert "".join(chunks) == "😀" * 3000


_pieces = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=300),
        st.sampled_from(["\n\n", "\n", ". ", " ", "😀", "&<>\"'"]),
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(pieces=_pieces, bold=st.booleans(), limit=st.integers(min_value=200, max_value=4096))
@example(pieces=["000", "000", "00<<&", "000000000𐀀𐀀", "0000000000000𐀀𐀀"], bold=False, limit=200)
def test_split_never_exceeds_the_limit_nor_breaks_tags(
    pieces: list[str], bold: bool, limit: int
) -> None:
    raw = "".join(pieces) * 4
    markup_text = HTML.bold(raw) if bold else HTML.escape(raw)
    chunks = split_message(markup_text, limit)
    assert all(telegram_length(chunk) <= limit for chunk in chunks)
    assert all(balanced(chunk) for chunk in chunks)
    words = visible_words(markup_text)
    # No visible character is lost or repeated; only a word too long for a message is cut.
    assert "".join(w for c in chunks for w in visible_words(c)) == "".join(words)
    if all(len(word) < limit // 8 for word in words):
        assert [w for c in chunks for w in visible_words(c)] == words
