"""The few words and phrases that tell what an article is about, to show beside its summary."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from bot.text.language import Language

_TOKEN = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
# Phrases never run across punctuation.
_CHUNK_BREAK = re.compile(r"[,.;:!?()\[\]\"“”«»/|\u2013\u2014]+")
_MAX_PHRASE_WORDS = 3
_EARLY_SENTENCES = 3
# Pieces of web addresses ("kumparan.com") that are no topic.
_WEB_WORDS = frozenset({"com", "www", "http", "https", "html", "php"})

Key = tuple[str, ...]


def extract_keywords(
    sentences: Sequence[str],
    *,
    language: Language,
    headline: str | None = None,
    limit: int = 5,
) -> tuple[str, ...]:
    """Return up to `limit` telling words or phrases of the article, best first, as written."""
    counts: Counter[Key] = Counter()
    surfaces: defaultdict[str, Counter[str]] = defaultdict(Counter)
    early_stems: set[str] = set()
    for index, sentence in enumerate(sentences):
        for run in _content_runs(sentence, language):
            _count_run(run, counts, surfaces)
            if index < _EARLY_SENTENCES:
                early_stems.update(stem for stem, _ in run)
    headline_stems = set(language.stems(headline)) if headline else set()
    word_weights = {
        key[0]: _word_weight(count, key[0] in headline_stems, key[0] in early_stems)
        for key, count in counts.items()
        if len(key) == 1
    }
    scored = [
        (_phrase_score(key, count, word_weights, counts), key)
        for key, count in counts.items()
        if len(key) == 1 or count >= 2
    ]
    scored.sort(key=lambda item: -item[0])
    return _pick_distinct([key for _, key in scored], surfaces, limit)


def _content_runs(sentence: str, language: Language) -> list[list[tuple[str, str]]]:
    """Return the runs of consecutive content words of a sentence as (stem, surface) pairs."""
    runs: list[list[tuple[str, str]]] = []
    for chunk in _CHUNK_BREAK.split(sentence):
        run: list[tuple[str, str]] = []
        for match in _TOKEN.finditer(chunk):
            surface = match.group(0)
            lowered = surface.lower()
            if (
                lowered in language.stop_words
                or lowered in _WEB_WORDS
                or len(lowered) < 3
                or lowered.isdigit()
            ):
                if run:
                    runs.append(run)
                run = []
                continue
            run.append((language.stem(lowered), surface))
        if run:
            runs.append(run)
    return runs


def _count_run(
    run: list[tuple[str, str]], counts: Counter[Key], surfaces: defaultdict[str, Counter[str]]
) -> None:
    """Count every word and every short phrase of one run of content words."""
    stems = [stem for stem, _ in run]
    for stem, surface in run:
        surfaces[stem][surface] += 1
    for length in range(1, min(_MAX_PHRASE_WORDS, len(stems)) + 1):
        counts.update(tuple(stems[i : i + length]) for i in range(len(stems) - length + 1))


def _word_weight(count: int, in_headline: bool, early: bool) -> float:
    """Weigh a word by how often it occurs, boosted when the headline or the lead uses it."""
    return count * (2.0 if in_headline else 1.0) * (1.5 if early else 1.0)


def _phrase_score(
    key: Key, count: int, word_weights: dict[str, float], counts: Counter[Key]
) -> float:
    """Score a word or phrase: a phrase that always comes whole outweighs each of its words."""
    return sum(word_weights[stem] * count / counts[(stem,)] for stem in key)


def _pick_distinct(
    ranked: list[Key], surfaces: defaultdict[str, Counter[str]], limit: int
) -> tuple[str, ...]:
    """Take the best candidates whose words no better candidate already shows."""
    chosen: list[str] = []
    covered: set[str] = set()
    for key in ranked:
        if len(chosen) >= limit:
            break
        if covered.intersection(key):
            continue
        chosen.append(" ".join(_surface(surfaces[stem]) for stem in key))
        covered.update(key)
    return tuple(chosen)


def _surface(forms: Counter[str]) -> str:
    """Return the form a word is most often written in (on a tie, the lower-case one).

    A name is capitalised everywhere; a common word only at the start of a sentence.
    """
    return max(forms.items(), key=lambda item: (item[1], item[0][:1].islower()))[0]
