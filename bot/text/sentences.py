"""Sentence splitter for Indonesian and English news text (no NLTK data needed)."""

import re

_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences; every sentence is a verbatim slice of text."""
    return [part.strip() for part in _BOUNDARY.split(text) if part.strip()]
