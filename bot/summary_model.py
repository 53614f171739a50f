"""What a summary is and which algorithms exist: light to import (no sumy, NLTK or numpy).

`bot.summarizing` pulls in sumy, which imports NLTK and SciPy (about a second); the CLI,
the desk and the handlers name algorithms and read summaries without paying that until
the first summary is made.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_ALGORITHM = "ringkas"
SUMY_ALGORITHMS: tuple[str, ...] = (
    "lexrank",
    "lsa",
    "luhn",
    "textrank",
    "kl",
    "sumbasic",
    "edmundson",
    "reduction",
)
ALGORITHMS: tuple[str, ...] = (DEFAULT_ALGORITHM, "lead", *SUMY_ALGORITHMS)


@dataclass(frozen=True)
class Summary:
    """The chosen sentences of an article, in document order, and its keywords."""

    sentences: tuple[str, ...]
    indices: tuple[int, ...]
    algorithm: str
    keywords: tuple[str, ...]
    sentences_total: int


class UnknownAlgorithm(ValueError):
    """The requested summarizing algorithm does not exist; the message lists those that do."""
