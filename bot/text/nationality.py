"""A country's name and the word for its people or things: Vietnam / Vietnamese, Brazil /
Brazilian, Thailand / Thai. News says "Vietnamese exporters" for "Vietnam's exports"."""

from __future__ import annotations

from functools import cache

MIN_LENGTH = 4
# Names no ending rule reaches.
_IRREGULAR = """
thailand thai
philippines philippine filipino
netherlands dutch
france french
britain british
spain spanish
poland polish
greece greek
switzerland swiss
sweden swedish
denmark danish
finland finnish
norway norwegian
ireland irish
scotland scottish
wales welsh
england english
turkey turkish
peru peruvian
"""


@cache
def _irregular() -> dict[str, frozenset[str]]:
    forms: dict[str, frozenset[str]] = {}
    for line in _IRREGULAR.split("\n"):
        words = frozenset(line.split())
        for word in words:
            forms[word] = words - {word}
    return forms


def nationality_forms(word: str) -> frozenset[str]:
    """Return the words that may be the country or the people word names (none verified)."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return frozenset()
    forms = set(_irregular().get(word, ()))
    forms.update({word + "ese", word + "ian", word + "i"})  # Japanese, Brazilian, Pakistani
    if word.endswith("a"):  # Indonesian, Chinese, Canadian
        forms.update({word + "n", word[:-1] + "ese", word[:-1] + "ian"})
    if word.endswith("y"):  # German, Italian
        forms.update({word[:-1], word[:-1] + "ian"})
    if word.endswith("o"):  # Mexican
        forms.add(word[:-1] + "an")
    forms.update(_countries(word))
    return frozenset(form for form in forms if len(form) >= MIN_LENGTH and form != word)


def _countries(word: str) -> set[str]:
    """Return the country names a people word may come from (the endings above undone)."""
    found = {word + "y"}  # German -> Germany
    if word.endswith("ese"):
        found.update({word[:-3], word[:-3] + "a"})
    if word.endswith("ian"):
        found.update({word[:-3], word[:-3] + "a", word[:-3] + "y"})
    if word.endswith("an"):
        found.update({word[:-1], word[:-2] + "o"})
    if word.endswith("i"):
        found.add(word[:-1])
    return found
