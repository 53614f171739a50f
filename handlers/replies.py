"""Reply rendering: HTML (every piece of article and reader text escaped) or plain text, split
under Telegram's 4,096-character limit at paragraph or sentence boundaries, never inside a tag."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.answering import Answer
from bot.summary_model import Summary
from handlers.texts import Lang, text
from storage.records import HeadlineRow, StoredArticle
from storage.search import PassageHit

MESSAGE_LIMIT = 4096
_MONTHS = {
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    "en": "January February March April May June July August September October November December",
}
_ZONES = {timedelta(hours=7): "WIB", timedelta(hours=8): "WITA", timedelta(hours=9): "WIT"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")
_ENTITY = re.compile(r"&[#a-zA-Z0-9]{1,10};")
# Best cut first: a paragraph break, a line break, a sentence end, a space.
_CUT_PATTERNS = (
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"[.!?…][\"'\u201d\u2019)]*\s"),
    re.compile(r"\s"),
)


@dataclass(frozen=True)
class Markup:
    """How to mark text up: Telegram HTML or plain text for the terminal."""

    html: bool = True

    def escape(self, value: str) -> str:
        """Escape reader or article text so it is shown verbatim."""
        return html.escape(value, quote=False) if self.html else value

    def bold(self, value: str) -> str:
        """Bold, escaped text."""
        return f"<b>{self.escape(value)}</b>" if self.html else value

    def italic(self, value: str) -> str:
        """Italic, escaped text."""
        return f"<i>{self.escape(value)}</i>" if self.html else value

    def quote(self, value: str) -> str:
        """A quoted passage, escaped."""
        return f"<blockquote>{self.escape(value)}</blockquote>" if self.html else f"« {value} »"


HTML = Markup(html=True)
PLAIN = Markup(html=False)


def format_published(published: datetime | date | str | None, lang: Lang) -> str:
    """Render a publication time in the reader's language: `12 Januari 2022 07:01 WIB`."""
    if isinstance(published, str):
        published = _from_iso(published)
    if published is None:
        return text(lang, "date_unknown")
    day = f"{published.day} {_MONTHS[lang].split()[published.month - 1]} {published.year}"
    if not isinstance(published, datetime):
        return day
    offset = published.utcoffset()
    zone = _ZONES.get(offset, "") if offset is not None else ""
    if offset is not None and not zone:
        zone = "UTC" + published.strftime("%z")[:3] + ":" + published.strftime("%z")[3:]
    return f"{day} {published:%H:%M} {zone}".rstrip()


def _from_iso(value: str) -> datetime | date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        return None


def article_source(article: StoredArticle, lang: Lang) -> str:
    """Who wrote an article and where it came from: author, then site, file name or paste."""
    origin = article.site or article.source or text(lang, "pasted_text")
    return f"{article.author} · {origin}" if article.author else origin


def render_summary(
    article: StoredArticle, summary: Summary, lang: Lang, markup: Markup = HTML
) -> str:
    """Headline, date and source, the summary sentences, keywords and `3 of 9 sentences`."""
    headline = article.headline or text(lang, "no_headline")
    meta = f"{format_published(article.published, lang)} · {article_source(article, lang)}"
    lines = [markup.bold(headline), markup.italic(meta), ""]
    lines += [f"• {markup.escape(sentence)}" for sentence in summary.sentences]
    lines.append("")
    if summary.keywords:
        lines.append(f"{text(lang, 'keywords')}: {markup.escape(', '.join(summary.keywords))}")
    shown = text(lang, "sentences_of", shown=len(summary.sentences), total=summary.sentences_total)
    lines.append(markup.italic(shown))
    return "\n".join(lines)


def render_full_text(article: StoredArticle, lang: Lang, markup: Markup = HTML) -> str:
    """The whole stored article: headline, date line and every paragraph."""
    headline = article.headline or text(lang, "no_headline")
    meta = f"{format_published(article.published, lang)} · {article_source(article, lang)}"
    paragraphs = [markup.escape(paragraph) for paragraph in article.paragraphs]
    return "\n\n".join([f"{markup.bold(headline)}\n{markup.italic(meta)}", *paragraphs])


def render_answer(answer: Answer, lang: Lang, markup: Markup = HTML) -> str:
    """The stored sentence or headline quoted, with its source headline and date."""
    if answer.answer is None:
        return render_not_known(answer, lang, markup)
    intro = "answer_from_headline" if answer.kind == "headline" else "answer_from_article"
    headline = answer.headline or text(lang, "no_headline")
    published = format_published(answer.published, lang)
    source = f"{text(lang, 'answer_source')}: {markup.bold(headline)} ({markup.escape(published)})"
    return "\n".join([text(lang, intro), markup.quote(answer.answer), source])


def render_not_known(answer: Answer, lang: Lang, markup: Markup = HTML) -> str:
    """Say plainly that nothing matched, and list the closest headlines."""
    lines = [text(lang, "not_known")]
    if answer.alternatives:
        lines += ["", text(lang, "closest")]
        lines += [
            f"{number}. {markup.escape(alternative.answer)}"
            for number, alternative in enumerate(answer.alternatives, start=1)
        ]
    return "\n".join(lines)


def render_headlines(
    title: str,
    rows: Sequence[HeadlineRow],
    lang: Lang,
    *,
    first_number: int = 1,
    markup: Markup = HTML,
    open_command: bool = False,
) -> str:
    """A numbered list of headlines with their dates (and `/open ID` in the terminal)."""
    lines = [markup.bold(title), ""]
    for number, row in enumerate(rows, start=first_number):
        when = format_published(row.published, lang)
        site = f" · {markup.escape(row.site)}" if row.site else ""
        opener = f" · /open {row.article_id}" if open_command and row.article_id else ""
        lines.append(
            f"{number}. {markup.escape(row.headline)}\n    {markup.italic(when)}{site}{opener}"
        )
    return "\n".join(lines)


def render_search(words: str, hits: Sequence[PassageHit], lang: Lang, markup: Markup = HTML) -> str:
    """Numbered search hits: the matching passage and the headline it comes from."""
    if not hits:
        return markup.escape(text(lang, "search_empty", words=words))
    lines = [markup.escape(text(lang, "search_title", words=words)), ""]
    for number, hit in enumerate(hits, start=1):
        headline = hit.headline
        source = f"\n    {markup.italic(headline)}" if headline and headline != hit.text else ""
        lines.append(f"{number}. {markup.escape(hit.text)}{source}")
    return "\n".join(lines)


def telegram_length(value: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(value.encode("utf-16-le")) // 2


def split_message(markup_text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split HTML into messages under `limit`, closing open tags at a cut and reopening after."""
    chunks: list[str] = []
    remaining = markup_text.strip()
    reopen = ""
    while remaining:
        candidate = reopen + remaining
        if telegram_length(candidate) <= limit:
            chunks.append(candidate)
            break
        cut = _best_cut(remaining, limit - telegram_length(reopen))
        head, remaining = remaining[:cut].rstrip(), remaining[cut:].lstrip()
        open_tags = _open_tags(reopen + head)
        chunks.append(reopen + head + "".join(f"</{name}>" for name, _ in reversed(open_tags)))
        reopen = "".join(tag for _, tag in open_tags)
    return [chunk for chunk in chunks if _visible(chunk)]


def _best_cut(value: str, budget: int) -> int:
    """The best position to cut `value` so the head (with closing tags) fits in `budget`."""
    # Leave room for the closing tags of whatever is open at the cut.
    room = max(budget - 64, budget // 2, 1)
    window = value[: _prefix_fitting(value, room)]
    protected = _protected_spans(window)
    for pattern in _CUT_PATTERNS:
        cuts = [
            match.end()
            for match in pattern.finditer(window)
            if match.end() > len(window) // 4 and not _inside(match.start(), protected)
        ]
        if cuts:
            return cuts[-1]
    position = len(window)
    while position > 1 and _inside(position, protected):
        position -= 1
    return max(position, 1)


def _prefix_fitting(value: str, budget: int) -> int:
    """The longest prefix length of `value` whose Telegram length is within `budget`."""
    length = 0
    for index, char in enumerate(value):
        length += 2 if ord(char) > 0xFFFF else 1
        if length > budget:
            return index
    return len(value)


def _protected_spans(value: str) -> list[tuple[int, int]]:
    """Tags and entities: spans a cut must never fall strictly inside."""
    spans = [(m.start(), m.end()) for m in _TAG.finditer(value)]
    spans += [(m.start(), m.end()) for m in _ENTITY.finditer(value)]
    # A cut inside a tag that opens but does not close in the window is also forbidden.
    last_open = value.rfind("<")
    if last_open > value.rfind(">"):
        spans.append((last_open, len(value) + 1))
    last_amp = value.rfind("&")
    if last_amp >= 0 and ";" not in value[last_amp:]:
        spans.append((last_amp, len(value) + 1))
    return spans


def _inside(position: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


def _open_tags(value: str) -> list[tuple[str, str]]:
    """Tags opened and not yet closed at the end of `value`: (name, the opening tag)."""
    stack: list[tuple[str, str]] = []
    for match in _TAG.finditer(value):
        closing, name = match.group(1) == "/", match.group(2).lower()
        if not closing:
            stack.append((name, match.group(0)))
            continue
        for index in range(len(stack) - 1, -1, -1):
            if stack[index][0] == name:
                del stack[index]
                break
    return stack


def _visible(chunk: str) -> bool:
    return bool(_TAG.sub("", chunk).strip())
