"""Property-based checks: the summarizer never raises and only returns input sentences."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.summarizing import summarize
from bot.summary_model import ALGORITHMS

_WORDS = st.sampled_from(
    "yang dan di harga beras naik petani kota Jakarta the of price rice rose farmers city "
    "2024 Rp 12,5 persen «kata» “ujar” - ... ! ?".split()
)
_SENTENCE = st.lists(_WORDS, min_size=0, max_size=12).map(lambda ws: " ".join(ws) + ".")
_PARAGRAPHS = st.lists(st.lists(_SENTENCE, min_size=0, max_size=4), min_size=0, max_size=6)


@settings(max_examples=30, deadline=None)
@given(
    paragraphs=_PARAGRAPHS,
    count=st.integers(min_value=1, max_value=8),
    algorithm=st.sampled_from(ALGORITHMS),
    language=st.sampled_from(["id", "en"]),
    headline=st.none() | _SENTENCE,
)
@example(paragraphs=[[".", "harga."]], count=1, algorithm="lexrank", language="id", headline=None)
def test_summary_is_in_order_and_from_the_input(
    paragraphs: list[list[str]], count: int, algorithm: str, language: str, headline: str | None
) -> None:
    sentences = [s for p in paragraphs for s in p if s.strip()]
    summary = summarize(
        paragraphs,
        language="en" if language == "en" else "id",
        headline=headline,
        count=count,
        algorithm=algorithm,
    )
    assert len(summary.sentences) == min(count, len(sentences))
    assert list(summary.indices) == sorted(set(summary.indices))
    assert list(summary.sentences) == [sentences[i] for i in summary.indices]
    assert summary.sentences_total == len(sentences)


@settings(max_examples=20, deadline=None)
@given(text=st.text(max_size=300), algorithm=st.sampled_from(ALGORITHMS))
def test_any_text_as_one_paragraph_never_raises(text: str, algorithm: str) -> None:
    summary = summarize([[text]], language="id", algorithm=algorithm, count=2)
    assert set(summary.sentences) <= {text}
