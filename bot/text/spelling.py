"""Everyday words a misspelt word may stand for ("pemimpn" -> pemimpin), from wordfreq's lists."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.text.language import LanguageCode

EVERYDAY_WORDS = 30_000  # the commonest words of a language, as wordfreq ranks them
MAX_CORRECTIONS = 2


@lru_cache(maxsize=2)
def _everyday_by_shape(language: LanguageCode) -> dict[tuple[str, int], dict[str, int]]:
    """Return the language's everyday words by first letter and length, with their rank."""
    from wordfreq import top_n_list

    shapes: dict[tuple[str, int], dict[str, int]] = {}
    for rank, word in enumerate(top_n_list(language, EVERYDAY_WORDS)):
        if word.isalpha():
            shapes.setdefault((word[0], len(word)), {})[word] = rank
    return shapes


def load_everyday_words() -> None:
    """Load both languages' lists now rather than at a first misspelt question."""
    for language in ("id", "en"):
        _everyday_by_shape(language)


def everyday_corrections(word: str, language: LanguageCode) -> list[str]:
    """Return the commonest everyday words one edit from word (a swap of neighbours is one).

    Words are bucketed by their first letter: a slip in the first letter is not corrected.
    """
    if not word.isalpha():
        return []
    shapes = _everyday_by_shape(language)
    ranks: dict[str, int] = {}
    for length in (len(word) - 1, len(word), len(word) + 1):
        ranks.update(shapes.get((word[0], length), {}))
    ranks.pop(word, None)
    close = process.extract(word, list(ranks), scorer=OSA.distance, score_cutoff=1, limit=None)
    commonest = sorted((ranks[known], known) for known, _, _ in close)
    return [known for _, known in commonest[:MAX_CORRECTIONS]]
