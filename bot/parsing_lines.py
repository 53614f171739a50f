"""What one line of a pasted news page is: body prose, a date line, a byline, a list label ..."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from bot.news import ListKind, Published
from bot.text.dates import find_date

LineKind = Literal[
    "boilerplate",
    "list_header",
    "tag_header",
    "related_inline",
    "related_label",
    "end",
    "date",
    "byline",
    "number",
    "prose",
    "short",
]


@dataclass(frozen=True)
class Line:
    """One non-blank line of the page, stripped, with what it is."""

    text: str
    kind: LineKind
    list_kind: ListKind | None = None
    related_headline: str | None = None
    published: Published | None = None
    core: str | None = None

    @property
    def content(self) -> str:
        """Return the line without the furniture glued to it (a credit, a plug, an embed)."""
        return self.text if self.core is None else self.core


def _labels(**groups: str) -> dict[str, str]:
    """Map each "|"-separated label to its group name."""
    return {label: name for name, labels in groups.items() for label in labels.split("|")}


_LIST_HEADERS: dict[str, str] = _labels(
    popular="populer|terpopuler|berita populer|paling populer|popular|most popular|"
    "popular now|trending|berita trending|terhangat",
    latest="update|terkini|berita terkini|terbaru|berita terbaru|latest|latest news|"
    "latest stories|top stories",
    related="baca juga|lihat juga|simak juga|baca pula|berita terkait|artikel terkait|"
    "terkait|rekomendasi|read next|read more|read also|also read|see also|related|"
    "related stories|related articles|related news|more on this story|more stories|"
    "you may also like|you might also like|recommended",
    most_read="most read|paling banyak dibaca|terbanyak dibaca|paling dibaca|most viewed|"
    "most shared|populer hari ini",
)
_TAG_HEADERS = frozenset(
    "related topics|topics|topic|tags|tag|topik|topik terkait|tag terkait|tagar|"
    "more on these topics|kata kunci|keywords".split("|")
)
# Labels that may also lead a single line ("Baca juga: headline", "Simak juga Video 'title'").
_RELATED_LABEL = (
    r"(?:baca|lihat|simak|tonton|saksikan)\s+(?:juga|pula)(?:\s+video)?"
    r"|(?:simak|lihat|tonton|saksikan)\s+video|berita terkait|artikel terkait"
    r"|read more|read also|also read|see also|related"
)
_INLINE_RELATED = re.compile(
    rf"^(?:{_RELATED_LABEL})"
    r"(?:\s*:\s*|\s+(?=[\"'“\u2018])|(?<=video)\s+|(?-i:(?<=[jJ]uga)(?=[A-Z])))"
    r"(?P<headline>.*?)(?:\s+(?:di\s?sini|here))?\s*:?$",
    re.IGNORECASE,
)
_TITLE_QUOTES = "\"'“”\u2018\u2019"
# A video plug: dropped whole, since its title (if any) names a clip, not an article.
_VIDEO_PROMO = re.compile(
    r"^(?:(?:simak|lihat|tonton|saksikan)(?:\s+(?:juga|pula))?\s+video"
    r"|watch(?:\s+the)?\s+video|scroll down for\b)",
    re.IGNORECASE,
)
_VIDEO_TITLE = re.compile(r"^Video\s+[A-Z0-9\"'“\u2018]")
_FURNITURE = frozenset(
    "share|bagikan|share this article|share this|share page|lihat foto|lihat video|"
    "selengkapnya|baca selengkapnya|tampilkan lebih banyak|load more|more|advertisement|"
    "iklan|ads|scroll to continue with content|scroll to continue|skip to content|"
    "skip to main content|accept|accept all|reject all|accept cookies|cookie settings|"
    "manage cookies|yes, i agree|no, take me to settings|comments|komentar|home|beranda|"
    "menu|search|cari|login|masuk|sign in|subscribe|follow|copy link|salin tautan|"
    "berita|news|back to top|kembali ke atas|print|cetak|email|listen|dengarkan|daftar isi|"
    "table of contents|loading|loading...|video".split("|")
)
# Two alternations (one anchored at the line start) so a line costs two regex scans.
_BOILERPLATE_START = re.compile(
    r"(?:image|photo|foto|gambar|picture|video|ilustrasi)\s*(?:source|caption|credit)?\s*[:,]"
    r"|(?:penulis|editor|reporter|pewarta|kontributor|sumber|penyunting|redaktur)\s*:"
    r"|(?:reporting|writing|editing|additional reporting|compiled)\s+by\b"
    r"|our standards\s*:|(?:copyright|hak cipta)\s*(?:©|\(c\)|\d)|©|all rights reserved"
    r"|(?:updated|diperbarui|last updated|terakhir diperbarui)\b.{0,40}$"
    r"|\[gambas:|scroll (?:to continue|down for)\b|advertisement|iklan\b|skip to\b|loading\.\.\."
    r"|artikel ini (?:telah |sudah )?(?:naik|tayang|terbit|dimuat|diterbitkan)\b"
    r"|this (?:article|story) (?:was |has been )?(?:originally |first )?(?:published|appeared)\b"
    r"|(?:saksikan|tonton|simak)\s+(?:juga\s+)?(?:pembahasan|siaran|tayangan|program|live)\b"
    r"|ilustrasi\b[^.!?]{0,80}\.?$"
    r"|(?:baca|klik|simak|tonton|saksikan|lihat|streaming|cek|kunjungi|dengarkan|unduh|click|tap)"
    r"\b[^.!?]{0,80}\b(?:di\s?sini|here)\W*$"
    r"|(?:share|bagikan)\b(?:\s+\S+){0,3}(?<![.!?])$"
    r"|(?:dapatkan|simak|ikuti|gabung|download|unduh|follow|sign up|subscribe|join)\b"
    r".*\b(?:whatsapp|telegram|google news|kanal|channel|newsletter|breaking news|"
    r"update berita|instagram|twitter|facebook|youtube|tiktok|aplikasi|app)\b"
    # Subscription offers: "Nikmati berita tanpa iklan ... dengan berlangganan Kompas.com+",
    # "Baca berita tanpa iklan dan dapatkan akses ke ribuan artikel premium".
    r"|(?:nikmati|dapatkan|berlangganan|langganan|daftar|baca|enjoy|get|subscribe|unlock|read)\b"
    r".*\b(?:berlangganan|langganan|tanpa iklan|artikel premium|subscription|subscribe|"
    r"ad-free|premium articles)\b",
    re.IGNORECASE,
)
_CAPTION_CREDIT = re.compile(r"\b(?:foto|photo|image|gambar|sumber foto|credit)\s*:\s*\S", re.I)
_PAREN_TAIL = re.compile(r"\(([^()]*)\)\.?$")
# Consent banners: "We use cookies", "Accept analytics cookies", "View cookies", "Kami
# menggunakan cookie …" (a story about cookies to eat says none of these).
_COOKIE_CONSENT = re.compile(
    r"\bcookies?\b.*\b(?:accept|agree|consent|settings?|preferences|privacy|setuju|"
    r"kebijakan|izin)|\b(?:accept|agree|consent|setuju)\b.*\bcookies?\b"
    r"|\b(?:reject|tolak|view|manage|essential|analytics|necessary|optional|functional|"
    r"we use|this site uses|menggunakan)\b(?:\s+\w+){0,3}\s+cookies?\b",
    re.IGNORECASE,
)
# A photo caption credited after a slash at its very end: ".../Net", ".../Ist", ".../RMOL";
# not a rate closing a headline: "Tembus Rp95.000/Kg", "Melaju 80 Km/Jam".
_SLASH_CREDIT = re.compile(
    r"[^\W\d_]/\s?(?!(?i:kg|kilo(?:gram)?|gram|liter|jam|hari|pekan|minggu|bulan|tahun|orang|"
    r"ekor|unit|porsi|lembar|botol|karung|meter|km|ton|hektare|ha|kwh|day|week|month|year|hour|"
    r"person|head)\b)[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?$"
)
_END_MARKER = re.compile(
    r"^(?:\([a-z][a-z0-9]{1,4}(?:/[a-z][a-z0-9]{1,4})+\)$|(?:reporting|writing|editing"
    r"|additional reporting)\s+by\b|our standards\b|\((?:reporter|editor|penulis|pewarta"
    r"|penyunting)\s*:)",
    re.IGNORECASE,
)
# An editor's credit closing the article, with tag words after it on the same line:
# "... (kny/imk) libur sekolah libur semester". Tags are lower case; text before it is kept.
_TRAILING_CREDIT = re.compile(
    r"(?:^|\s)\([a-z][a-z0-9]{1,4}(?:/[a-z][a-z0-9]{1,4})+\)[^A-Z()]*(?<![.!?,;:])$"
)
_TRAILING_EMBED = re.compile(r"\s*\[gambas:[^\]]*\]\s*$", re.IGNORECASE)
# A channel plug glued to the last sentence: "...kata Dewi.Ikuti Whatsapp Channel Republika".
_PROMO_CHANNELS = ("WhatsApp", "Whatsapp", "Telegram", "Google News", "Channel", "Saluran")
_TRAILING_PROMO = re.compile(
    r"(?<=[.!?\"”\u2019])\s*(?:Loading\.\.\.)?\s*(?:Ikuti|Follow|Gabung|Dapatkan|Join)\b"
    rf"[^.!?]{{0,60}}\b(?:{'|'.join(_PROMO_CHANNELS)})\b[^.!?]{{0,60}}$"
)
_CHANNELS = ("whatsapp", "telegram", "google news", "ponselmu", "instagram", "youtube", "tiktok")
_SECOND_PERSON = re.compile(r"\b(?:kamu|anda|you|your)\b|ponselmu", re.IGNORECASE)
_CALL_TO_ACT = re.compile(
    r"\b(?:pastikan|pilih|gabung|ikuti|follow|subscribe|klik|click|install|unduh|download|"
    r"join|sign up|akses)\b",
    re.IGNORECASE,
)
_MAX_PROMO_WORDS = 30
_PROMO_TAIL_CHARS = 140
_URL_OR_HANDLE = re.compile(r"^(?:(?:https?://|www\.)\S+|@\w+)$")
# A lone bracketed word or name: an editor's initials or name, "(kha)", "(SIS)", "(Arief S)".
# "Scroll down for video" glued before a long paragraph; a short one is a caption, dropped whole.
_LEADING_PLUG = re.compile(r"scroll down for videos?\b\W*", re.IGNORECASE)
_MAX_FURNITURE_CHARS = 400
_BRACKETED_CREDIT = re.compile(
    r"^\(\s*(?:[a-z]{2,3}|[A-Z]{2,4}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3})\s*\)$"
)
_BYLINES = tuple(
    re.compile(pattern)
    for pattern in (
        r"^(?:By|BY|Oleh|OLEH)\s*:?\s+(?P<name>[^,;|(]+?)\s*(?:[,;|(].*)?$",
        r"^(?P<name>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,5})\s+-\s+"
        r"(?:detik\w*|[\w-]+(?:\.[\w-]+)*\.(?:com|id|net|org|co\.id|news))$",
        # "Penulis: Kontributor Pekalongan, Tri Wahyuningsih | Editor: …": the role goes
        r"^(?i:penulis|reporter|pewarta|oleh|laporan)\s*:\s*"
        r"(?:(?i:kontributor|koresponden|wartawan|jurnalis)\b[^,|;]*,\s*)?"
        r"(?P<name>[^|;]+?)\s*(?:[|;].*)?$",
    )
)
_NAME_PARTICLES = frozenset("de van von der bin binti al da di dos del la le and dan &".split())
# "Name - detikNews", "Tim Redaksi - kompas.com": a byline even when the name is not a person's.
_BRAND_BYLINE = re.compile(
    r"^.{1,60}?\s+-\s+(?:detik\w*|[\w-]+(?:\.[\w-]+)*\.(?:com|id|net|org|co\.id|news))$"
)
_AUTHOR_IN_DATE_LINE = re.compile(
    r"\b(?:laporan|reporter|penulis|pewarta|oleh|by)\s*:?\s*(?P<name>[^|;]+?)\s*(?:[|;]|$)",
    re.IGNORECASE,
)
_WIRE_CREDIT = re.compile(r"^(?:reporting|writing)\s+by\s+(?P<name>[^;,]+?)\s*(?:[;,]|$)", re.I)
_CLOSING_MARKS = "\"”\u2019')]"
_SENTENCE_STOP_INSIDE = re.compile(r"[.!?]\s")
_DATE_SUFFIX = re.compile(r"^\s*(?:$|[|·•,(\u2013—-])")
_YEAR = re.compile(r"\d{4}")
_NUMBER = re.compile(r"^\d{1,3}\.?$")
_MAX_HEADLINE_WORDS = 25
_STOP_INSIDE_HEADLINE = re.compile(r"[a-z]{2}\.\s+[A-Z]")
# Title case leaves short function words (di, ke, dan, yang, of, the) in lower case.
_SHORT_WORD_LETTERS = 3
_TITLE_CASE_SHARE = 0.6
_OPENING_MARKS = "\"“\u2018'(["


def classify_line(text: str) -> Line:
    """Say what one stripped, non-blank page line is."""
    core, credit = _split_glued_furniture(text)
    if credit:
        kept = core and _classify_whole(core).kind in {"prose", "short"}
        return Line(text, "end", core=core if kept else None)
    if core is None:
        return _classify_whole(text)
    if not core:
        return Line(text, "boilerplate")
    return replace(_classify_whole(core), text=text, core=core)


def _split_glued_furniture(text: str) -> tuple[str | None, bool]:
    """Cut a credit, embed or plug glued to a line's end (or start): (what is left, credit?)."""
    if len(text) > _MAX_FURNITURE_CHARS:
        plug = _LEADING_PLUG.match(text)
        if plug:
            return text[plug.end() :].strip(), False
    if ")" in text and "/" in text:
        credit = _TRAILING_CREDIT.search(text)
        if credit:
            return text[: credit.start()].strip(), True
    if text.endswith("]"):
        embed = _TRAILING_EMBED.search(text)
        if embed:
            return text[: embed.start()].strip(), False
    tail_start = max(0, len(text) - _PROMO_TAIL_CHARS)
    tail = text[tail_start:]
    if any(word in tail for word in _PROMO_CHANNELS):
        promo = _TRAILING_PROMO.search(text, tail_start)
        if promo and promo.start() > 0:
            return text[: promo.start()].strip(), False
    return None, False


def _classify_whole(text: str) -> Line:
    """Classify a line with nothing glued to its end."""
    folded = text.lower().rstrip(" :")
    if _NUMBER.match(text):
        return Line(text, "number")
    if folded in _LIST_HEADERS:
        kind: ListKind = _LIST_HEADERS[folded]  # type: ignore[assignment]
        label: LineKind = "related_label" if text.rstrip().endswith(":") else "list_header"
        return Line(text, label, list_kind=kind)
    if folded in _TAG_HEADERS:
        return Line(text, "tag_header")
    return _classify_content(text, folded)


def _classify_content(text: str, folded: str) -> Line:
    """Classify a line that is not a list or tag label."""
    related = related_headline(text)
    if related:
        return Line(text, "related_inline", related_headline=related)
    if _END_MARKER.search(text):
        return Line(text, "end")
    if is_boilerplate(text, folded):
        return Line(text, "boilerplate")
    published = date_line_value(text)
    if published is not None:
        return Line(text, "date", published=published)
    if (" - " in text and _BRAND_BYLINE.match(text)) or byline_author(text) is not None:
        return Line(text, "byline")
    return Line(text, "prose" if is_prose(text) else "short")


def related_headline(text: str) -> str | None:
    """Return the headline a "Baca juga: ..." line points to; a video plug names a clip."""
    inline = _INLINE_RELATED.match(text)
    if inline is None or _VIDEO_PROMO.match(text):
        return None
    headline = inline.group("headline").strip()
    if len(headline) > 2 and headline[0] in _TITLE_QUOTES and headline[-1] in _TITLE_QUOTES:
        headline = headline[1:-1].strip()
    return headline or None


_CLOSING_CLOCK = re.compile(r"\s*\b[ap]\.m\.$", re.IGNORECASE)


def looks_like_headline(text: str) -> bool:
    """Tell a listed headline from a body sentence: short, with no full stop inside or after.

    The dots of a closing clock time are no full stop: "… school hours at 10 p.m.".
    """
    text = _CLOSING_CLOCK.sub("", text)
    word_count = len(text.split())
    return (
        2 <= word_count <= _MAX_HEADLINE_WORDS
        and not _ends_with(text, ".,;:")
        and not _STOP_INSIDE_HEADLINE.search(text)
    )


def is_title_case(text: str) -> bool:
    """Tell an Indonesian-style headline ("Harga Cabai Naik di Pasar") from a plain phrase."""
    words = [word for word in text.split() if len(word) > _SHORT_WORD_LETTERS]
    capitalised = sum(1 for word in words if word.lstrip(_OPENING_MARKS)[:1].isupper())
    return bool(words) and capitalised >= _TITLE_CASE_SHARE * len(words)


def is_boilerplate(text: str, folded: str | None = None) -> bool:
    """Tell page furniture (captions, ads, credits, promos, banners) from content."""
    folded = text.lower().rstrip(" :") if folded is None else folded
    if folded in _FURNITURE or not any(char.isalnum() for char in text):
        return True
    if len(text) <= _MAX_FURNITURE_CHARS and (
        _BOILERPLATE_START.match(text)
        or _VIDEO_PROMO.match(text)
        or _URL_OR_HANDLE.match(text)
        or _BRACKETED_CREDIT.match(text)
        or (":" in text and _CAPTION_CREDIT.search(text))
        or _is_credit_in_parens(text)
        or ("cookie" in folded and _COOKIE_CONSENT.search(text))
        or _is_video_title(text)
        or is_channel_promo(text, folded)
    ):
        return True
    return (
        not _ends_with(text, ".!?…:;")
        and "/" in text
        and len(text.split()) >= 3
        and bool(_SLASH_CREDIT.search(text))
    )


def _is_video_title(text: str) -> bool:
    """Tell a plugged clip ("Video Pawai Persib Juara Liga 1") from a sentence about a video."""
    return bool(_VIDEO_TITLE.match(text)) and looks_like_headline(text) and text[-1] not in "?!"


def is_channel_promo(text: str, folded: str | None = None) -> bool:
    """Tell a plug for a channel ("pilih saluran ... WhatsApp Channel") from a sentence on one."""
    folded = text.lower() if folded is None else folded
    return (
        any(channel in folded for channel in _CHANNELS)
        and len(text.split()) <= _MAX_PROMO_WORDS
        and bool(_SECOND_PERSON.search(text))
        and bool(_CALL_TO_ACT.search(text))
    )


def _is_credit_in_parens(text: str) -> bool:
    """Tell a caption ending in a photo credit, "(KOMPAS.com/NAME)", from a date "(11/1)"."""
    tail = _PAREN_TAIL.search(text) if text.endswith((")", ").")) else None
    if tail is None:
        return False
    left, slash, right = tail.group(1).partition("/")
    return bool(slash) and any(c.isalpha() for c in left) and any(c.isalpha() for c in right)


def _ends_with(text: str, marks: str) -> bool:
    """Tell whether text ends in one of marks, closing quotes and brackets aside."""
    last = text.rstrip(_CLOSING_MARKS)[-1:]
    return bool(last) and last in marks


def is_prose(text: str) -> bool:
    """Tell a body paragraph (a sentence or more) from a label, tag or title."""
    word_count = len(text.split())
    return (word_count >= 3 and _ends_with(text, ".!?…:;")) or word_count >= 25


def is_strong_prose(text: str) -> bool:
    """Tell a paragraph that no headline would look like (long, ending in a full stop)."""
    return len(text.split()) >= 12 and _ends_with(text, ".")


def date_line_value(text: str) -> Published | None:
    """Return the date of a line that is a date line (a date with at most labels around it)."""
    if len(text) > 120 or text.endswith(".") or not _YEAR.search(text):
        return None
    found = find_date(text)
    if found is None:
        return None
    prefix, suffix = text[: found.start], text[found.end :]
    if len(prefix) > 30 or len(prefix.split()) > 4 or _SENTENCE_STOP_INSIDE.search(prefix):
        return None
    return found.published if _DATE_SUFFIX.match(suffix) else None


def byline_author(text: str) -> str | None:
    """Return the name on a byline ("By X, role", "X - detikNews", "Penulis: X | ...")."""
    if len(text) > 100:
        return None
    for pattern in _BYLINES:
        match = pattern.match(text)
        if match and _looks_like_name(match.group("name")):
            return match.group("name").strip()
    return None


def _looks_like_name(text: str) -> bool:
    """Tell a person's name (a few capitalised words) from an ordinary phrase."""
    name_words = text.split()
    return 1 <= len(name_words) <= 6 and all(
        word[0].isupper() or word in _NAME_PARTICLES for word in name_words
    )


def author_in_date_line(text: str) -> str | None:
    """Return the reporter named on a date line ("... | LAPORAN: NAME")."""
    match = _AUTHOR_IN_DATE_LINE.search(text)
    return match.group("name") if match else None


def wire_credit_author(text: str) -> str | None:
    """Return the reporter of a wire credit line ("Reporting by X; Editing by Y")."""
    match = _WIRE_CREDIT.match(text)
    return match.group("name") if match else None
