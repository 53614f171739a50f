"""Summaries from every algorithm on small Indonesian and English articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.parsing import parse_body
from bot.summarizing import SUMY_SUMMARIZERS, paragraph_sentences, summarize
from bot.summary_model import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    SUMY_ALGORITHMS,
    Summary,
    UnknownAlgorithm,
)
from bot.text.language import LanguageCode

FIXTURES = Path(__file__).parent / "fixtures" / "summaries"
HEADLINES: dict[LanguageCode, str] = {
    "id": "Tiga Jalan di Bandung Ditutup untuk Perbaikan Saluran Air",
    "en": "Leeds closes three streets to replace drains",
}


def _paragraphs(language: LanguageCode) -> list[list[str]]:
    text = (FIXTURES / f"article_{language}.txt").read_text(encoding="utf-8")
    article = parse_body(text, headline=HEADLINES[language], language=language)
    return paragraph_sentences(article.paragraphs)


def _flat(paragraphs: list[list[str]]) -> list[str]:
    return [sentence for paragraph in paragraphs for sentence in paragraph]


def test_algorithms_are_named_with_the_default_first() -> None:
    assert ALGORITHMS[0] == DEFAULT_ALGORITHM == "ringkas"
    assert set(ALGORITHMS) == {
        "ringkas", "lead", "lexrank", "lsa", "luhn", "textrank", "kl", "sumbasic",
        "edmundson", "reduction",
    }  # fmt: skip


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_picks_three_article_sentences_in_order(
    algorithm: str, language: LanguageCode
) -> None:
    paragraphs = _paragraphs(language)
    sentences = _flat(paragraphs)
    summary = summarize(
        paragraphs, language=language, headline=HEADLINES[language], algorithm=algorithm
    )
    assert isinstance(summary, Summary)
    assert summary.algorithm == algorithm
    assert summary.sentences_total == len(sentences)
    assert len(summary.sentences) == 3
    assert list(summary.indices) == sorted(set(summary.indices))
    assert [sentences[i] for i in summary.indices] == list(summary.sentences)


@pytest.mark.parametrize("language", ["id", "en"])
def test_default_ranker_keeps_the_lead_and_leaves_out_the_quote(language: LanguageCode) -> None:
    paragraphs = _paragraphs(language)
    summary = summarize(paragraphs, language=language, headline=HEADLINES[language])
    assert summary.indices[0] == 0
    assert not any(sentence.startswith('"') for sentence in summary.sentences)


def test_lead_takes_the_first_sentences() -> None:
    paragraphs = _paragraphs("id")
    summary = summarize(paragraphs, language="id", count=2, algorithm="lead")
    assert summary.indices == (0, 1)


def test_parser_drops_read_also_lines_before_summarizing() -> None:
    sentences = _flat(_paragraphs("id"))
    assert not any(sentence.startswith("Baca juga") for sentence in sentences)


@pytest.mark.parametrize(
    ("count", "ratio", "expected"), [(1, None, 1), (5, None, 5), (None, 0.5, 5), (None, 1.0, 10)]
)
def test_length_by_count_or_ratio(count: int | None, ratio: float | None, expected: int) -> None:
    paragraphs = _paragraphs("en")
    assert len(_flat(paragraphs)) == 10
    summary = summarize(paragraphs, language="en", count=count, ratio=ratio)
    assert len(summary.sentences) == expected


def test_more_sentences_asked_than_written_gives_them_all() -> None:
    summary = summarize([["Hanya satu kalimat di sini."]], language="id", count=3)
    assert summary.sentences == ("Hanya satu kalimat di sini.",)
    assert summary.indices == (0,)


@pytest.mark.parametrize(
    "arguments", [{"count": 0}, {"ratio": 0.0}, {"ratio": 1.5}, {"count": 2, "ratio": 0.5}]
)
def test_bad_lengths_are_refused(arguments: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"ratio|sentence"):
        summarize([["Satu kalimat."]], language="id", **arguments)  # type: ignore[arg-type]


def test_unknown_algorithm_names_the_known_ones() -> None:
    with pytest.raises(UnknownAlgorithm, match="lexrank"):
        summarize([["Satu kalimat."]], language="id", algorithm="bogus")


def test_empty_article_gives_an_empty_summary() -> None:
    summary = summarize([[], ["  "]], language="en")
    assert summary.sentences == ()
    assert summary.sentences_total == 0


def test_repeated_sentences_keep_their_own_positions() -> None:
    paragraphs = [["Harga beras naik lagi."], ["Harga beras naik lagi."], ["Petani senang."]]
    for algorithm in ALGORITHMS:
        summary = summarize(paragraphs, language="id", count=2, algorithm=algorithm)
        assert len(set(summary.indices)) == 2, algorithm


@pytest.mark.parametrize("language", ["id", "en"])
def test_keywords_are_telling_words_of_the_article(language: LanguageCode) -> None:
    paragraphs = _paragraphs(language)
    summary = summarize(paragraphs, language=language, headline=HEADLINES[language])
    text = " ".join(_flat(paragraphs)).lower()
    assert 1 <= len(summary.keywords) <= 5
    assert all(keyword.lower() in text for keyword in summary.keywords)
    expected = {"id": "saluran air", "en": "drains"}[language]
    assert any(expected in keyword.lower() for keyword in summary.keywords)


def test_long_article_is_summarised() -> None:
    paragraph = [f"Kalimat nomor {n} membahas topik {n % 7} di kota {n % 11}." for n in range(500)]
    summary = summarize([paragraph], language="id", count=5)
    assert len(summary.indices) == 5


def test_every_named_sumy_algorithm_has_a_summarizer() -> None:
    assert tuple(SUMY_SUMMARIZERS) == SUMY_ALGORITHMS
