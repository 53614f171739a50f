"""Page text → ParsedArticle: headline, date, author, body without boilerplate, side lists."""

from bot.news import NotAnArticle, ParsedArticle
from bot.text import detect_language, split_sentences


def parse_page(text: str, *, url: str | None = None) -> ParsedArticle:
    """Parse a pasted news page into a clean article (placeholder: body only)."""
    paragraphs = tuple(p.strip() for p in text.split("\n\n") if p.strip())
    sentences = tuple(s for p in paragraphs for s in split_sentences(p))
    if not sentences:
        raise NotAnArticle("I could not find any sentences in that text.")
    return ParsedArticle(
        headline=None,
        published=None,
        author=None,
        category=None,
        site=None,
        language=detect_language(text),
        paragraphs=paragraphs,
        sentences=sentences,
        url=url,
    )
