"""Per-language tools (stop words, stemmer) and language detection for Indonesian and English."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

import Stemmer
import stopwordsiso

from bot.text.words import plain_words

LanguageCode = Literal["id", "en"]
SUPPORTED: tuple[LanguageCode, ...] = ("id", "en")
_STEMMER_NAMES: dict[LanguageCode, str] = {"id": "indonesian", "en": "english"}
# Words that tell the two languages apart; generic stop-word lists overlap (e.g. "a", "di").
_MARKERS: dict[LanguageCode, frozenset[str]] = {
    "id": frozenset(
        "yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan juga "
        "oleh karena bahwa atau sebagai telah sudah kata ujar menjadi mereka kami".split()
    ),
    "en": frozenset(
        "the and of to in is that for on with was were are by as at from it this "
        "said has have had be which who an their will".split()
    ),
}


@dataclass(frozen=True)
class Language:
    """The stop words and stemmer of one language."""

    code: LanguageCode
    stop_words: frozenset[str]

    def stem(self, word: str) -> str:
        """Return the stem of one lower-cased word."""
        return _stem(self.code, word)

    def stems(self, text: str) -> list[str]:
        """Return the stems of the words of text that are not stop words."""
        return [self.stem(word) for word in plain_words(text) if word not in self.stop_words]


@functools.lru_cache(maxsize=2)
def _stemmer(code: LanguageCode) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_STEMMER_NAMES[code])


@functools.lru_cache(maxsize=200_000)
def _stem(code: LanguageCode, word: str) -> str:
    return str(_stemmer(code).stemWord(word))


@functools.lru_cache(maxsize=2)
def language_tools(code: LanguageCode) -> Language:
    """Return the tools of a supported language."""
    stop_words = frozenset(stopwordsiso.stopwords(code)) | _MARKERS[code]
    return Language(code=code, stop_words=stop_words)


def detect_language(text: str) -> LanguageCode:
    """Guess whether text is Indonesian or English from its most common function words."""
    counts = dict.fromkeys(SUPPORTED, 0)
    for word in plain_words(text[:20_000]):
        for code in SUPPORTED:
            if word in _MARKERS[code]:
                counts[code] += 1
    return "en" if counts["en"] > counts["id"] else "id"
