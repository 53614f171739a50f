"""Page text → ParsedArticle: headline, date, author, body without boilerplate, side lists.

The page is read line by line. Each line is classified on its own (see `bot.parsing_lines`);
the layout is then found from structure alone: the headline sits just above the first date
line, the category just above the headline, the body runs from the date line to the first
list label or closing credit, and a date line right under a list item dates that item.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bot.news import ListedHeadline, ListKind, NotAnArticle, ParsedArticle, Published
from bot.parsing_lines import (
    Line,
    author_in_date_line,
    byline_author,
    classify_line,
    is_channel_promo,
    is_prose,
    is_strong_prose,
    is_title_case,
    looks_like_headline,
    wire_credit_author,
)
from bot.text import detect_language, split_sentences
from bot.text.language import LanguageCode

_EMPTY = "The message is empty: paste the text of a news article."
_NO_ARTICLE = (
    "I could not find the article text there, only page furniture "
    "(menus, captions, banners or lists of headlines)."
)
_STOPS_HEADER = frozenset({"list_header", "tag_header", "end", "related_inline", "related_label"})
_SKIPPED_ABOVE_DATE = frozenset({"byline", "boilerplate", "number"})
_BREADCRUMB = re.compile(r"\s*[>\u203a»|/]\s*")
_DOMAIN = re.compile(
    r"\b([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:co\.id|co\.uk|com|id|net|org|news))\b", re.I
)
_DETIK_BRAND = re.compile(r"\bdetik[A-Za-z]*\b")
_MAX_HEADLINE_WORDS = 40
_MAX_QUESTION_TITLE_WORDS = 15
_LANGUAGE_SAMPLE_CHARS = 1_200
_MIN_COPIED_CHARS = 20
_CLOSING_MARKS = "\"”\u2019')]"
_MAX_FRAGMENT_WORDS = 3


@dataclass(frozen=True)
class _Header:
    """Where the article starts and what its top lines say."""

    headline_index: int | None
    date_index: int | None
    body_start: int


@dataclass
class _Lists:
    """Side-list items collected while walking the page, in page order."""

    items: list[tuple[str, Published | None, ListKind]] = field(default_factory=list)
    open_item: bool = False

    def add(self, headline: str, kind: ListKind) -> None:
        """Record one listed headline; a date line right under it may still date it."""
        self.items.append((headline, None, kind))
        self.open_item = True

    def date_last(self, published: Published | None) -> None:
        """Give the item just added the date printed under it."""
        if self.open_item and published is not None:
            headline, _, kind = self.items[-1]
            self.items[-1] = (headline, published, kind)
        self.open_item = False

    def listed(self) -> tuple[ListedHeadline, ...]:
        """Return the items as ListedHeadline values."""
        return tuple(ListedHeadline(text, published, kind) for text, published, kind in self.items)


def parse_page(text: str, *, url: str | None = None) -> ParsedArticle:
    """Parse a pasted news page into a clean article."""
    lines = _page_lines(text)
    header = _find_header(lines)
    lists = _Lists()
    body_indexes = _walk_body(lines, header.body_start, lists)
    paragraphs = tuple(lines[index].content for index in body_indexes)
    sentences = tuple(s for paragraph in paragraphs for s in split_sentences(paragraph))
    if not sentences:
        raise NotAnArticle(_NO_ARTICLE)
    used = {*body_indexes, header.headline_index}
    return ParsedArticle(
        headline=_text_at(lines, header.headline_index),
        published=None if header.date_index is None else lines[header.date_index].published,
        author=_find_author(lines, header, body_indexes[0]),
        category=_find_category(lines, header.headline_index),
        site=_find_site(lines, body_indexes[0], url),
        language=_language(paragraphs),
        paragraphs=paragraphs,
        sentences=sentences,
        listed_headlines=lists.listed(),
        boilerplate_lines=tuple(line.text for i, line in enumerate(lines) if i not in used),
        url=url,
    )


def parse_body(
    text: str, *, headline: str | None = None, language: LanguageCode | None = None
) -> ParsedArticle:
    """Treat the whole text as the article body (corpus records, bulk import)."""
    if not text.strip():
        raise NotAnArticle(_EMPTY)
    separator = r"\n[ \t\r\f\v]*\n" if re.search(r"\n[ \t\r\f\v]*\n", text) else r"\n"
    blocks = _drop_flattened_copies([block.strip() for block in re.split(separator, text)])
    walk = _BodyWalk()
    for block in blocks:
        if block:
            walk.take(classify_line(block))
    paragraphs = walk.paragraphs
    sentences = tuple(s for paragraph in paragraphs for s in split_sentences(paragraph))
    if not sentences:
        raise NotAnArticle(_NO_ARTICLE)
    return ParsedArticle(
        headline=headline,
        published=None,
        author=None,
        category=None,
        site=None,
        language=language or _language(paragraphs),
        paragraphs=tuple(paragraphs),
        sentences=sentences,
        listed_headlines=walk.lists.listed(),
    )


def _drop_flattened_copies(blocks: list[str]) -> list[str]:
    """Drop a block that merely starts with the next one: a scraped container of the rest."""
    return [
        block
        for index, block in enumerate(blocks)
        if index + 1 == len(blocks) or not _is_flattened_copy(block, blocks[index + 1])
    ]


def _is_flattened_copy(block: str, following: str) -> bool:
    """Tell a block that repeats the next one and then more of the page after it."""
    return (
        len(following) >= _MIN_COPIED_CHARS
        and len(block) > len(following)
        and following.rstrip(_CLOSING_MARKS)[-1:] in {".", "!", "?"}
        and block.startswith(following)
    )


@dataclass
class _BodyWalk:
    """Paragraph-by-paragraph reading of a bare body: its text, side lists and where it ends."""

    paragraphs: list[str] = field(default_factory=list)
    lists: _Lists = field(default_factory=_Lists)
    state: str = "body"
    list_kind: ListKind | None = None
    fragments: int = 0

    def take(self, line: Line) -> None:
        """Route one paragraph to the body, a side list or nowhere."""
        if line.kind in {"list_header", "related_label"}:
            self.state, self.list_kind = "list", line.list_kind
        elif line.kind == "tag_header":
            self.state = "tail"
        elif line.kind == "end":
            if line.core:
                self._take_content(line.core)
            self.state = "tail"
        elif line.kind == "related_inline" and line.related_headline:
            self.lists.add(line.related_headline, "related")
        elif line.kind == "boilerplate":
            self._drop_promo_fragments(line.text)
        else:
            self._take_content(line.content)

    def _take_content(self, text: str) -> None:
        """Put one content paragraph in the body or the open side list."""
        if self.state == "tail":
            return
        if self.state in {"list", "more"} and self.list_kind is not None:
            if _is_list_item(text, self.list_kind, first=self.state == "list"):
                self.lists.add(text, self.list_kind)
                self.state = "more"
                return
            self.state = "body"
        self.paragraphs.append(text)
        is_fragment = len(text.split()) <= _MAX_FRAGMENT_WORDS and not is_strong_prose(text)
        self.fragments = self.fragments + 1 if is_fragment else 0

    def _drop_promo_fragments(self, text: str) -> None:
        """Drop the link-split words a plug began with ("Simak", "breaking news", "dan" ...)."""
        continues = text[0].islower() or text[0] in ".,;"
        if continues and self.fragments and is_channel_promo(text):
            del self.paragraphs[-self.fragments :]
        self.fragments = 0


def _is_list_item(text: str, list_kind: ListKind, *, first: bool = True) -> bool:
    """Tell an item of an open side list from the body paragraph that follows the list.

    Past the first related item only title-case lines count: a bare body's subheadings
    would pass for headlines otherwise.
    """
    if list_kind == "related":
        return looks_like_headline(text) and (first or is_title_case(text))
    return not is_strong_prose(text) and len(text.split()) >= 2


def _language(paragraphs: Sequence[str]) -> LanguageCode:
    """Guess the body's language from its opening; a few hundred words are plenty."""
    return detect_language(" ".join(paragraphs)[:_LANGUAGE_SAMPLE_CHARS])


def _page_lines(text: str) -> list[Line]:
    """Return the classified non-blank lines of a page; refuse an empty page."""
    stripped = [line for raw in text.splitlines() if (line := raw.strip())]
    lines = [classify_line(line) for line in _drop_flattened_copies(stripped)]
    if not lines:
        raise NotAnArticle(_EMPTY)
    return lines


def _find_header(lines: list[Line]) -> _Header:
    """Locate the date line and the headline, and so where the body begins."""
    date_index = _find_date_index(lines)
    if date_index is not None:
        headline_index = _headline_above(lines, date_index)
        return _Header(headline_index, date_index, date_index + 1)
    headline_index = _bare_headline(lines)
    body_start = 0 if headline_index is None else headline_index + 1
    return _Header(headline_index, None, body_start)


def _find_date_index(lines: list[Line]) -> int | None:
    """Return the first date line above the body and the side lists, if any."""
    for index, line in enumerate(lines):
        if line.kind in _STOPS_HEADER or (line.kind == "prose" and is_strong_prose(line.text)):
            return None
        if line.kind == "date":
            return index
    return None


def _headline_above(lines: list[Line], date_index: int) -> int | None:
    """Return the headline: the first content line above the date line, bylines skipped."""
    for index in range(date_index - 1, -1, -1):
        line = lines[index]
        if line.kind in _SKIPPED_ABOVE_DATE:
            continue
        return index if _is_title(line) else None
    return None


def _bare_headline(lines: list[Line]) -> int | None:
    """Return the title line just above the first paragraph of a page with no date line."""
    for index, line in enumerate(lines):
        if _is_question_title(lines, index):
            return index
        if line.kind == "prose":
            previous = index - 1
            while previous >= 0 and lines[previous].kind in _SKIPPED_ABOVE_DATE:
                previous -= 1
            found = previous >= 0 and lines[previous].kind == "short"
            return previous if found and _is_title(lines[previous]) else None
        if line.kind in _STOPS_HEADER:
            return None
    return None


def _is_question_title(lines: list[Line], index: int) -> bool:
    """Tell a headline that ends in "?" or "!" from the first sentence of a bare body."""
    line = lines[index]
    followed_by_prose = index + 1 < len(lines) and lines[index + 1].kind == "prose"
    return (
        line.kind == "prose"
        and followed_by_prose
        and line.text[-1] in "?!"
        and line.text[0].isalnum()
        and 3 <= len(line.text.split()) <= _MAX_QUESTION_TITLE_WORDS
        and len(split_sentences(line.text)) == 1
    )


def _is_title(line: Line) -> bool:
    """Tell a headline from a section label or a paragraph."""
    word_count = len(line.text.split())
    return line.kind in {"short", "prose"} and 3 <= word_count <= _MAX_HEADLINE_WORDS


def _walk_body(lines: list[Line], start: int, lists: _Lists) -> list[int]:
    """Collect body paragraph indexes from start on, and the side lists along the way."""
    body: list[int] = []
    state, list_kind = "body", None
    for index in range(start, len(lines)):
        line = lines[index]
        if line.kind == "date":
            lists.date_last(line.published)
            continue
        lists.open_item = lists.open_item and line.kind == "number"
        if line.kind == "list_header" or (line.kind == "related_label" and state != "body"):
            state, list_kind = "list", line.list_kind
        elif line.kind == "related_label":
            state, list_kind = "pending", "related"
        elif line.kind == "tag_header":
            state = "tail"
        elif line.kind == "end":
            _take_credited_lead(line, index, state, list_kind, body, lists)
            state = "tail"
        elif line.kind == "related_inline" and line.related_headline:
            lists.add(line.related_headline, "related")
        elif line.kind in {"short", "prose"}:
            state = _take_content(line, index, state, list_kind, body, lists)
    return body


def _take_credited_lead(
    line: Line, index: int, state: str, list_kind: ListKind | None, body: list[int], lists: _Lists
) -> None:
    """Keep what a closing credit line printed before the credit: a listed headline or prose."""
    if line.core is None or state == "tail":
        return
    if state in {"list", "pending"} and list_kind == "related" and looks_like_headline(line.core):
        lists.add(line.core, "related")
    elif is_prose(line.core):
        body.append(index)


def _take_content(
    line: Line, index: int, state: str, list_kind: ListKind | None, body: list[int], lists: _Lists
) -> str:
    """Put one content line in the body or a list; return the state after it."""
    text = line.content
    if state in {"list", "pending"} and list_kind is not None and _is_list_item(text, list_kind):
        lists.add(text, list_kind)
        return "body" if state == "pending" else state
    if state in {"body", "pending"} or (state == "list" and list_kind == "related"):
        if line.kind == "prose":
            body.append(index)
        return "body"
    return state


def _text_at(lines: list[Line], index: int | None) -> str | None:
    return None if index is None else lines[index].text


def _find_author(lines: list[Line], header: _Header, first_body: int) -> str | None:
    """Return the bare name from the byline, the date line or a wire credit."""
    for index in range(first_body):
        if index == header.headline_index:
            continue
        line = lines[index]
        name = author_in_date_line(line.text) if line.kind == "date" else byline_author(line.text)
        if name:
            return name
    credits = (wire_credit_author(line.text) for line in lines if line.kind == "end")
    return next((name for name in credits if name), None)


def _find_category(lines: list[Line], headline_index: int | None) -> str | None:
    """Return the section label printed right above the headline (a breadcrumb's last part)."""
    if not headline_index:
        return None
    line = lines[headline_index - 1]
    # A generic section word ("Berita") is furniture elsewhere, but right above the headline
    # it is the only section label the page prints.
    if line.kind != "short" and line.text.strip().lower() not in _SECTION_WORDS:
        return None
    label = _BREADCRUMB.split(line.text)[-1].strip()
    words = [word for word in label.split() if word != "&"]  # "NE Scotland, Orkney & Shetland"
    if not label or len(words) > 4 or len(label) > 40 or _is_brand(label):
        return None
    return label


_SECTION_WORDS = frozenset({"berita", "news"})


def _is_brand(text: str) -> bool:
    return bool(_DOMAIN.fullmatch(text) or _DETIK_BRAND.fullmatch(text))


def _find_site(lines: list[Line], first_body: int, url: str | None) -> str | None:
    """Return the site from the URL, or from a brand line the page itself shows."""
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    for line in lines[:first_body]:
        if len(line.text.split()) > 8:
            continue
        if _DETIK_BRAND.search(line.text):
            return "detik.com"
        domain = _DOMAIN.search(line.text)
        if domain:
            return domain.group(1).lower()
    return None
