"""How common a word is in everyday Indonesian or English, from wordfreq's word lists."""

from __future__ import annotations

from functools import lru_cache

LANGUAGES = ("id", "en")


@lru_cache(maxsize=65_536)
def zipf(word: str, languages: tuple[str, ...] = LANGUAGES) -> float:
    """Return the word's Zipf frequency in the languages (Indonesian, English), the highest.

    0 means unseen, 3 about once per million words, 7 the commonest words ("the", "yang").
    wordfreq is imported on first use: it loads its lists in about 0.3 s.
    """
    from wordfreq import zipf_frequency

    return max(zipf_frequency(word, language) for language in languages)
