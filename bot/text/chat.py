"""Indonesian chat spellings written out (yg -> yang, gimana -> bagaimana, ngecek -> mengecek).

The lexicon is Kamus Alay (Salsabila et al., "Colloquial Indonesian Lexicon"), as bundled with
indoNLP: 4,331 entries, imported on first use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from bot.text.frequency import zipf
from bot.text.lemmas import in_dictionary

_WORD = re.compile(r"[^\W_]+")
ENGLISH_ZIPF = 4.0  # an English word this common is meant as English ("pass"; "dong" is 3.8)
# Two-letter chat spellings readers type all the time and that mean nothing else in a question
# ("dr" may be a doctor, "cm" a centimetre, "km" a kilometre: those stay as written).
TWO_LETTER_CHAT = frozenset("yg dg tp jd sj pd bs sm".split())


@cache
def _lexicon() -> dict[str, str]:
    from indoNLP.preprocessing.slang_data import SLANG_DATA

    return dict(SLANG_DATA)


def load_lexicon() -> None:
    """Load the lexicon now rather than at a first question."""
    _lexicon()


def formal_words(words: Sequence[str]) -> list[str]:
    """Return the words with chat spellings written out; one may become two.

    A word the dictionary lists is kept ("kaya" is rich, not the chat "kayak"; "km" is a
    kilometre), and so are one- and two-letter words ("dr", "in", "to"), too ambiguous, but
    for a few unambiguous ones (yg, dg, tp), and everyday English words ("pass" in a short
    English question taken for Indonesian).
    """
    lexicon = _lexicon()
    written: list[str] = []
    for word in words:
        formal = lexicon.get(word)
        if formal is None or not _chat_spelling(word):
            written.append(word)
        else:
            written.extend(_WORD.findall(formal.lower()))
    return written


def _chat_spelling(word: str) -> bool:
    """Tell whether a word the lexicon lists is meant as chat rather than as written."""
    if word in TWO_LETTER_CHAT:
        return True
    return len(word) > 2 and not in_dictionary(word, "id") and zipf(word, ("en",)) < ENGLISH_ZIPF
