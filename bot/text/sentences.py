"""Sentence splitter for Indonesian and English news text (no NLTK data needed)."""

from __future__ import annotations

import re

# Words that end with a full stop without ending the sentence (titles, streets, numbers).
_ABBREVIATIONS = frozenset(
    "Dr dr Drs Dra drg Prof prof Mr Mrs Ms Mx Messrs Jl Jln jl Gg St Sr Jr Gen Lt Col Capt "
    "Sgt Cpl Maj Gov Sen Rep Rev Hon Ir Hj Tn Ny Nn Sdr Sdri Bpk Yth Kol Brigjen Mayjen "
    "Letjen Jend Kompol Kab Kec Kel Ds Prov No Nos Vol Hal hlm Tel Telp Fig approx vs Vs "
    "Mt Ft Ave Blvd Rd Inc Corp Ltd Co Bros Moh Muh Moch Mhd".split()
)
# Months a wire abbreviates before the day: "scheduled for Dec. 2, when …".
_MONTHS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
# After a dotted abbreviation (U.S., a.m.), only these capitalised words start a new sentence.
_SENTENCE_STARTERS = frozenset(
    "The A An It He She They We I In On At As But And This That These Those There His Her "
    "Their Its After Before When While However Meanwhile Ia Dia Mereka Kami Kita Saya Namun "
    "Sementara Pada Di Dalam Selain Menurut Sebelumnya Kemudian Untuk Ini Itu Adapun".split()
)
# Possessive and anchored at the start of a run: long runs of dots cost linear time.
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]++[\"”\u2019')\]]*+(?=\s)")
_NEXT = re.compile(r"\s+[\"“\u2018'(\[]*(\w+)")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_ATTRIBUTION = re.compile(
    r"\s+(?:[\w'\u2019.-]+\s+){0,3}?(?:said|says|asked|told|added|replied|wrote|kata|ujar|ucap|"
    r"tutur|ungkap|jelas|tanya|imbuh|tegas|bunyi|sebut)\w*\b",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"“[^“”]{0,2000}”|\"[^\"\n]{0,2000}\"")


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences; every sentence is a verbatim slice of text."""
    sentences: list[str] = []
    quoted = _attributed_quotes(text)
    start = 0
    for candidate in _CANDIDATE.finditer(text):
        if _ends_sentence(text, candidate, quoted):
            _append_stripped(sentences, text[start : candidate.end()])
            start = candidate.end()
    _append_stripped(sentences, text[start:])
    return sentences


def _append_stripped(sentences: list[str], piece: str) -> None:
    stripped = piece.strip()
    if stripped:
        sentences.append(stripped)


def _attributed_quotes(text: str) -> list[tuple[int, int]]:
    """Return the inner spans of quotations followed by their attribution ("..., kata X")."""
    spans = []
    for quote in _QUOTE.finditer(text):
        close = quote.end() - 1
        after = text[quote.end() : quote.end() + 2]
        continues = text[close - 1] == "," or (after[1:].islower() and after[:1].isspace())
        if continues or _ATTRIBUTION.match(text, quote.end()):
            spans.append((quote.start(), close))
    return spans


def _ends_sentence(text: str, candidate: re.Match[str], quoted: list[tuple[int, int]]) -> bool:
    """Decide whether the punctuation at candidate closes a sentence."""
    following = _NEXT.match(text, candidate.end())
    if following is None:
        return False
    next_word = following.group(1)
    if not (next_word[0].isupper() or next_word[0].isdigit()):
        return False
    if any(start < candidate.start() and candidate.end() <= close for start, close in quoted):
        return False
    mark = candidate.group(0)
    if mark == ".":
        return _ends_after_full_stop(text, candidate.start(), next_word)
    if mark[0] in "?!" and mark[-1] in "\"”\u2019'":
        return _ATTRIBUTION.match(text, candidate.end()) is None
    return True


def _ends_after_full_stop(text: str, stop: int, next_word: str) -> bool:
    """Tell a sentence-final full stop from one that closes an abbreviation or initial."""
    token_start = stop
    while token_start > 0 and (text[token_start - 1].isalnum() or text[token_start - 1] == "."):
        token_start -= 1
    token = text[token_start:stop]
    if token in _ABBREVIATIONS or (len(token) == 1 and token.isupper()):
        return False
    if token in _MONTHS and next_word.isdigit():
        return False
    if _INITIALS.fullmatch(token):
        return next_word in _SENTENCE_STARTERS
    return True
