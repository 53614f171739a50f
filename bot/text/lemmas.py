"""Dictionary forms of words (came -> come, pembangunan -> bangun), from simplemma's lists."""

from __future__ import annotations

from functools import lru_cache

from bot.text.language import LanguageCode


@lru_cache(maxsize=65_536)
def lemma(word: str, language: LanguageCode) -> str:
    """Return the word's dictionary form in the language, or the word when it is not listed.

    simplemma is imported on first use: its lists load per language in about 0.1 s.
    """
    from simplemma import lemmatize

    return lemmatize(word, lang=language).lower()


@lru_cache(maxsize=65_536)
def in_dictionary(word: str, language: LanguageCode) -> bool:
    """Tell whether the word is listed in the language's dictionary (a formal word)."""
    from simplemma import is_known

    return bool(is_known(word, lang=language))
