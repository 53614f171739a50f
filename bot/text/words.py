"""Word tokenizer shared by every language."""

import re

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def words(text: str) -> list[str]:
    """Return the lower-cased word tokens of text (hyphenated compounds stay whole)."""
    return [match.group(0).lower().replace("’", "'") for match in _WORD.finditer(text)]


def plain_words(text: str) -> list[str]:
    """Return lower-cased tokens split at hyphens and apostrophes too (for matching)."""
    return [part for token in words(text) for part in re.split(r"[-']", token) if part]
