"""Property tests: the parser and splitter never crash and never invent text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.news import NotAnArticle, ParsedArticle
from bot.parsing import parse_body, parse_page
from bot.text.dates import parse_date
from bot.text.sentences import split_sentences

FAST = settings(max_examples=200, deadline=None)

SENTENCES = [
    "Harga telur naik tajam pekan ini.",
    "Kata Dr. Euis, program itu berjalan baik.",
    "“Kami siap bekerja,” kata Wang.",
    "The trial cut waits by 3.5% in the U.S. and Canada.",
    "Jakarta - Polisi menangkap dua orang di Jl. Merdeka No. 5.",
    "Did it work? Nobody knows yet!",
    "Dana Rp8,5 triliun dicairkan pukul 10.00 WIB... lalu habis.",
]
# Headline words appear in no body sentence, so a leaked headline would show up.
HEADLINES = [
    "Zulu Kilo Tango Resmi Dibuka",
    "Quebec Xray Yankee Naik Lagi",
    "Oscar Victor Whiskey Dirilis",
    "Juliet Romeo Sierra Ditunda",
]
FURNITURE = [
    "Berita",
    "Populer",
    "UPDATE",
    "Terpopuler",
    "Terkini",
    "Most read",
    "Read Next",
    "Related Topics",
    "Baca juga:",
    "SCROLL TO CONTINUE WITH CONTENT",
    "ADVERTISEMENT",
    "Share",
    "BAGIKAN",
    "Lihat Foto",
    "Selengkapnya",
    "(lpr/afr)",
    "1",
    "2",
    "Kamis, 02 Mei 2024 | 13:53",
    "RABU, 12 JANUARI 2022 | 07:01 WIB | LAPORAN: RENI ERINA",
    "Kompas.com - 14/10/2025, 13:20 WIB",
    "By Thomas Becker, Sports correspondent",
    "Penulis: Ahmad Faisal | Editor: Dewi",
    "Foto di lokasi/Net",
    "Image caption, A view",
    "Accept All",
    "We use cookies. You agree to cookies by using this site.",
]
lines = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(HEADLINES),
    st.sampled_from(FURNITURE),
    st.sampled_from(HEADLINES).map(lambda headline: f"Baca juga: {headline}"),
    st.text(max_size=40),
)
pages = st.tuples(st.lists(lines, max_size=30), st.sampled_from(["\n", "\n\n", "\r\n\r\n"])).map(
    lambda parts: parts[1].join(parts[0])
)


def _parse_or_none(text: str) -> ParsedArticle | None:
    try:
        return parse_page(text)
    except NotAnArticle:
        return None


def _check_article(article: ParsedArticle, text: str) -> None:
    assert article.sentences
    assert all(sentence in text for sentence in article.sentences)
    assert article.sentences == tuple(
        sentence for paragraph in article.paragraphs for sentence in split_sentences(paragraph)
    )


@FAST
@given(pages)
def test_structured_pages_parse_or_are_refused(text: str) -> None:
    article = _parse_or_none(text)
    if article is None:
        return
    _check_article(article, text)
    body = "\n".join(article.paragraphs)
    assert not any(headline in body for headline in HEADLINES)
    headline = article.headline
    assert headline is None or headline not in body or text.count(headline) > 1


@FAST
@given(st.text(max_size=400))
def test_arbitrary_text_parses_or_is_refused(text: str) -> None:
    article = _parse_or_none(text)
    if article is not None:
        _check_article(article, text)


@FAST
@given(pages)
def test_parse_body_keeps_the_invariants(text: str) -> None:
    try:
        article = parse_body(text)
    except NotAnArticle:
        return
    _check_article(article, text)


@FAST
@given(st.text(max_size=400))
def test_split_sentences_loses_and_invents_nothing(text: str) -> None:
    sentences = split_sentences(text)
    assert all(sentence and sentence == sentence.strip() for sentence in sentences)
    assert re.sub(r"\s", "", "".join(sentences)) == re.sub(r"\s", "", text)


@FAST
@given(st.text(max_size=80))
def test_parse_date_never_raises(text: str) -> None:
    published = parse_date(text)
    assert published is None or published.isoformat()
