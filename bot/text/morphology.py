"""Indonesian word forms without a dictionary of forms: strip affixes to candidate roots, then
re-affix the roots (nasal assimilation undone and redone), so "penguatan" finds "memperkuat".
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.text.frequency import zipf
from bot.text.language import LanguageCode
from bot.text.lemmas import lemma

MAX_ROOTS = 5
# "-in" is chat Indonesian for -kan and -i: siapin (siapkan), latihin (latihkan).
_ID_SUFFIXES = ("lah", "kah", "pun", "nya", "ku", "mu", "kan", "an", "i", "in")
_ID_DERIVATIONAL_SUFFIXES = ("", "kan", "an", "i", "nya")
_MIN_ROOT = 4
_BARE_NASALS = {"n": "t", "m": "p"}
# A word this common is meant as written: "marah" is angry, not a chat form of "parah".
CHAT_FORM_MAX_ZIPF = 4.5
SHORT_ROOT_ZIPF = 3.5  # a 3-letter root left by stripping affixes must be this common a word


@lru_cache(maxsize=65_536)
def indonesian_roots(word: str) -> frozenset[str]:
    """Return candidate roots of an Indonesian word by stripping affixes (no dictionary)."""
    roots = {word}
    for stem in _strip_suffixes(word):
        roots.add(stem)
        for root in _strip_prefixes(stem, depth=2):
            roots.add(root)
    return frozenset(
        root for root in roots if len(root) >= _MIN_ROOT or root == word or _short_root(root)
    )


def _short_root(root: str) -> bool:
    """Tell whether a 3-letter stripped root is a real word ("ngecek" -> cek, "ngebom" -> bom)."""
    return len(root) == _MIN_ROOT - 1 and zipf(root, ("id",)) >= SHORT_ROOT_ZIPF


def _chat_only(word: str) -> bool:
    """Tell whether a word is too rare in written Indonesian to be meant as written."""
    return zipf(word, ("id",)) < CHAT_FORM_MAX_ZIPF


def _strip_suffixes(word: str) -> set[str]:
    stems = {word}
    frontier = {word}
    for _ in range(3):  # particle, possessive, derivational: -kan + -nya + -lah at most
        next_frontier = set()
        for stem in frontier:
            for suffix in _ID_SUFFIXES:
                if stem.endswith(suffix) and len(stem) - len(suffix) >= _MIN_ROOT:
                    next_frontier.add(stem[: -len(suffix)])
        stems |= next_frontier
        frontier = next_frontier
    return stems


def _strip_prefixes(word: str, depth: int) -> set[str]:
    if depth == 0:
        return set()
    roots: set[str] = set()
    for root in _prefix_removals(word):
        if len(root) >= _MIN_ROOT - 1:
            roots.add(root)
            roots |= _strip_prefixes(root, depth - 1)
    return roots


def _prefix_removals(word: str) -> set[str]:
    """Return what is left after removing one prefix, undoing nasal assimilation."""
    found: set[str] = set()
    for plain in ("di", "ke", "se", "ter", "ber", "per", "be", "te"):
        if word.startswith(plain):
            found.add(word[len(plain) :])
    # chat Indonesian drops "me": ngecek (cek), ngebom (bom), nyari (cari), nulis (tulis)
    if word.startswith("nge"):
        found.add(word[3:])
    elif word.startswith("ng"):
        found |= {word[2:], "k" + word[2:]}
    elif word.startswith("ny"):
        found |= {"s" + word[2:], "c" + word[2:]}
    elif word[:1] in _BARE_NASALS and not word.startswith("me") and _chat_only(word):
        found.add(_BARE_NASALS[word[0]] + word[1:])  # nanggung (tanggung), mungut (pungut)
    for nasal in ("me", "pe"):
        if not word.startswith(nasal):
            continue
        rest = word[2:]
        if rest.startswith("ny"):
            found |= {"s" + rest[2:], rest[2:]}
        elif rest.startswith("ng"):
            found |= {rest[2:], "k" + rest[2:]}
        elif rest.startswith("m"):
            found |= {rest[1:], "p" + rest[1:]}
        elif rest.startswith("n"):
            found |= {rest[1:], "t" + rest[1:]}
        else:
            found.add(rest)
    return found


def indonesian_forms(root: str) -> set[str]:
    """Return the common affixed forms of an Indonesian root (nasal assimilation applied)."""
    prefixed = {root, "di" + root, "ter" + root, "ber" + root, "ke" + root, "per" + root}
    if root.startswith("r"):  # ter- and ber- lose their r before one: terekam, berenang
        prefixed |= {"te" + root, "be" + root}
    prefixed |= {"diper" + root, "memper" + root, _nasal("me", root), _nasal("pe", root)}
    return {stem + suffix for stem in prefixed for suffix in _ID_DERIVATIONAL_SUFFIXES}


def _nasal(prefix: str, root: str) -> str:
    first = root[0]
    if first in "aeiou":
        return prefix + "ng" + root
    if first in "bfv":
        return prefix + "m" + root
    if first == "p":
        return prefix + "m" + root[1:]
    if first in "cdjz":
        return prefix + "n" + root
    if first == "t":
        return prefix + "n" + root[1:]
    if first == "s":
        return prefix + "ny" + root[1:]
    if first == "k":
        return prefix + "ng" + root[1:]
    if first in "gh":
        return prefix + "ng" + root
    return prefix + root


def related_forms(word: str, language: LanguageCode) -> set[str]:
    """Return the words that may be another form of word (the word itself excluded)."""
    if language != "id" or not word.isalpha() or len(word) < _MIN_ROOT:
        return set()
    return _affixed_forms(word) | spoken_vowels(word)


def spoken_vowels(word: str) -> set[str]:
    """Return the written form of a word ending in a spoken vowel: cabe -> cabai, pulo -> pulau.

    Everyday Indonesian says a final -ai as -e and -au as -o; readers type it that way.
    """
    if word.endswith("e"):
        return {word[:-1] + "ai"}
    if word.endswith("o"):
        return {word[:-1] + "au"}
    return set()


_SCHWA_ENDING = re.compile(r"^(.*[^aeiou])e([^aeiouy])$")


def spoken_schwa(word: str) -> set[str]:
    """Return the written form of a root spoken with -e- in its last syllable: dapet -> dapat.

    Everyday Jakarta Indonesian says tangkap, dekat, sempat as tangkep, deket, sempet.
    """
    match = _SCHWA_ENDING.match(word)
    return {match.group(1) + "a" + match.group(2)} if match and len(word) >= _MIN_ROOT else set()


def _affixed_forms(word: str) -> set[str]:
    """Return the affixed forms of word's possible roots."""
    if len(word) == _MIN_ROOT:  # a root already: "ikut" -> diikuti, mengikuti
        return indonesian_forms(word) - {word}
    roots = {root for root in indonesian_roots(word) if len(root) >= _MIN_ROOT or _short_root(root)}
    # Forms of the innermost roots cover the forms of the roots in between.
    innermost = set(sorted(roots, key=lambda root: (len(root), root))[:MAX_ROOTS])
    # A dictionary root may be short ("pengujian" -> "uji"): it is known, not guessed.
    innermost.add(lemma(word, "id"))
    innermost |= {written for root in innermost for written in spoken_schwa(root)}
    forms = set().union(*(indonesian_forms(root) for root in innermost))
    forms.discard(word)
    return forms
