"""Word tokenizer shared by every language."""

import re

_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


def words(text: str) -> list[str]:
    """Return the lower-cased word tokens of text (hyphenated compounds stay whole)."""
    return [match.group(0).lower().replace("\u2019", "'") for match in _WORD.finditer(text)]


_PLAIN_WORD = re.compile(r"[^\W_]+")


def plain_words(text: str) -> list[str]:
    """Return lower-cased tokens split at hyphens and apostrophes too (for matching)."""
    return _PLAIN_WORD.findall(text.lower())
