"""Article → extractive Summary: sumy's rankers on our own document model, and the news ranker."""

from __future__ import annotations

import functools
import json
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from bot.keywords import extract_keywords
from bot.summary_model import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    Summary,
    UnknownAlgorithm,
)
from bot.text.language import Language, LanguageCode, language_tools
from bot.text.sentences import split_sentences
from bot.text.words import plain_words

FloatArray = npt.NDArray[np.float64]


class _GreedyKLSummarizer(KLSummarizer):  # type: ignore[misc]
    """sumy's KL-Sum that stops once the summary is full.

    sumy goes on ranking every sentence, which is cubic: 30 s on a 500-sentence article.
    The first `picks` choices are the same as sumy's; the rest share the lowest rating.
    """

    picks = 3

    def _compute_ratings(self, sentences: Sequence[Any]) -> dict[Any, int]:
        word_frequencies = self.compute_tf(sentences)
        ratings = dict.fromkeys(sentences, -len(sentences))
        remaining = list(sentences)
        remaining_words = [self._get_content_words_in_sentence(s) for s in sentences]
        summary: list[Any] = []
        while remaining and len(summary) < self.picks:
            summary_words = self._get_all_words_in_doc(summary)
            divergences = [
                self._kl_divergence(self._joint_freq(words, summary_words), word_frequencies)
                for words in remaining_words
            ]
            best = divergences.index(min(divergences))
            del remaining_words[best]
            chosen = remaining.pop(best)
            ratings[chosen] = -len(summary)
            summary.append(chosen)
        return ratings


SUMY_SUMMARIZERS: dict[str, Callable[..., Any]] = {
    "lexrank": LexRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "textrank": TextRankSummarizer,
    "kl": _GreedyKLSummarizer,
    "sumbasic": SumBasicSummarizer,
    "edmundson": EdmundsonSummarizer,
    "reduction": ReductionSummarizer,
}
DEFAULT_COUNT = 3
_SUMY_LANGUAGE_NAMES: dict[LanguageCode, str] = {"id": "indonesian", "en": "english"}
# Words that mark a sentence as an aside rather than news (Edmundson's stigma words).
_STIGMA_WORDS: dict[LanguageCode, tuple[str, ...]] = {
    "id": ("baca", "simak", "klik", "foto", "video", "iklan", "scroll", "lihat", "ilustrasi"),
    "en": ("read", "click", "photo", "video", "advertisement", "subscribe", "watch", "pictured"),
}
_LEXRANK_THRESHOLD = 0.1
_QUOTES = frozenset('"“”«»„')
_RANKER_RESOURCE = "ranker.json"


def summarize(
    paragraphs: Sequence[Sequence[str]],
    *,
    language: LanguageCode,
    headline: str | None = None,
    count: int | None = None,
    ratio: float | None = None,
    algorithm: str = DEFAULT_ALGORITHM,
) -> Summary:
    """Pick the best `count` sentences (or `ratio` of them) of an article, in document order."""
    if algorithm not in ALGORITHMS:
        raise UnknownAlgorithm(
            f"Unknown algorithm {algorithm!r}; choose one of: {', '.join(ALGORITHMS)}."
        )
    article = _Article.build(paragraphs, language=language, headline=headline)
    wanted = summary_length(article.total, count=count, ratio=ratio)
    indices = _choose(article, wanted, algorithm) if wanted else ()
    return Summary(
        sentences=tuple(article.sentences[index] for index in indices),
        indices=indices,
        algorithm=algorithm,
        keywords=extract_keywords(article.sentences, language=article.tools, headline=headline),
        sentences_total=article.total,
    )


def summary_length(total: int, *, count: int | None = None, ratio: float | None = None) -> int:
    """Return how many sentences a summary of `total` sentences gets for a count or a ratio."""
    return min(_wanted_count(total, count=count, ratio=ratio), total)


def _wanted_count(total: int, *, count: int | None, ratio: float | None) -> int:
    if count is not None and ratio is not None:
        raise ValueError("Give either a sentence count or a ratio, not both.")
    if ratio is not None:
        if not 0.0 < ratio <= 1.0:
            raise ValueError("The ratio must be above 0 and at most 1.")
        return max(1, round(total * ratio))
    if count is None:
        return DEFAULT_COUNT
    if count < 1:
        raise ValueError("A summary needs at least one sentence.")
    return count


@dataclass(frozen=True)
class _Article:
    """One article's sentences with where they sit, and its language tools."""

    sentences: tuple[str, ...]
    paragraph_of: tuple[int, ...]
    place_in_paragraph: tuple[int, ...]
    headline: str | None
    tools: Language
    words: tuple[tuple[str, ...], ...]
    stems: tuple[tuple[str, ...], ...]

    @property
    def total(self) -> int:
        return len(self.sentences)

    @classmethod
    def build(
        cls, paragraphs: Sequence[Sequence[str]], *, language: LanguageCode, headline: str | None
    ) -> _Article:
        sentences: list[str] = []
        paragraph_of: list[int] = []
        place_in_paragraph: list[int] = []
        kept_paragraphs = [[s for s in p if s.strip()] for p in paragraphs]
        for paragraph_index, paragraph in enumerate(p for p in kept_paragraphs if p):
            for place, sentence in enumerate(paragraph):
                sentences.append(sentence)
                paragraph_of.append(paragraph_index)
                place_in_paragraph.append(place)
        tools = language_tools(language)
        # Tokenised once: the features, sumy and the keywords all read these.
        sentence_words = tuple(tuple(plain_words(sentence)) for sentence in sentences)
        return cls(
            sentences=tuple(sentences),
            paragraph_of=tuple(paragraph_of),
            place_in_paragraph=tuple(place_in_paragraph),
            headline=headline.strip() if headline and headline.strip() else None,
            tools=tools,
            words=sentence_words,
            stems=tuple(_content_stems(words, tools) for words in sentence_words),
        )


def _content_stems(words: Iterable[str], tools: Language) -> tuple[str, ...]:
    return tuple(tools.stem(word) for word in words if word not in tools.stop_words)


def _choose(article: _Article, wanted: int, algorithm: str) -> tuple[int, ...]:
    """Return the indices of the chosen sentences, in document order."""
    if algorithm == "lead":
        return tuple(range(wanted))
    if algorithm == DEFAULT_ALGORITHM:
        return _ringkas_choice(article, wanted)
    ratings = _sumy_ratings(article, algorithm, wanted=wanted)
    return _best_in_order(ratings, wanted)


def _best_in_order(scores: FloatArray, wanted: int) -> tuple[int, ...]:
    """Take the `wanted` best scores (earlier sentences win ties), back in document order."""
    ranked = sorted(range(len(scores)), key=lambda index: (-scores[index], index))
    return tuple(sorted(ranked[:wanted]))


# sumy ---------------------------------------------------------------------------------------


class _Tokenizer:
    """The tokenizer sumy's document model expects, backed by bot.text (no NLTK data)."""

    def __init__(self, language: LanguageCode, known_words: dict[str, tuple[str, ...]]) -> None:
        self.language = _SUMY_LANGUAGE_NAMES[language]
        self._known_words = known_words

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        known = self._known_words.get(sentence)
        return known if known is not None else tuple(plain_words(sentence))


class _IndexedSentence(Sentence):  # type: ignore[misc]
    """A sumy sentence that knows its position, so equal texts stay distinct sentences."""

    __slots__ = ("index",)

    def __init__(self, text: str, tokenizer: _Tokenizer, index: int, is_heading: bool = False):
        super().__init__(text, tokenizer, is_heading=is_heading)
        self.index = index

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _IndexedSentence) and (self.index, self.is_heading) == (
            other.index,
            other.is_heading,
        )

    def __hash__(self) -> int:
        return hash((self.index, self.is_heading))


def _sumy_document(article: _Article) -> ObjectDocumentModel:
    """Build sumy's document model from our sentences; the headline becomes a heading."""
    # sumy strips sentence text before asking for its words.
    known_words = {s.strip(): w for s, w in zip(article.sentences, article.words, strict=True)}
    tokenizer = _Tokenizer(article.tools.code, known_words)
    grouped: dict[int, list[Sentence]] = {}
    for index, (text, paragraph) in enumerate(
        zip(article.sentences, article.paragraph_of, strict=True)
    ):
        grouped.setdefault(paragraph, []).append(_IndexedSentence(text, tokenizer, index))
    if article.headline:
        heading = _IndexedSentence(article.headline, tokenizer, -1, is_heading=True)
        grouped.setdefault(0, []).insert(0, heading)
    return ObjectDocumentModel([Paragraph(grouped[key]) for key in sorted(grouped)])


def _sumy_summarizer(article: _Article, algorithm: str, wanted: int) -> Any:
    """Configure one sumy summarizer with our stemmer and stop words."""
    tools = article.tools
    summarizer = SUMY_SUMMARIZERS[algorithm](tools.stem)
    if algorithm == "kl":
        summarizer.picks = wanted
    if algorithm == "edmundson":
        summarizer.null_words = tools.stop_words
        summarizer.bonus_words = _bonus_words(article)
        summarizer.stigma_words = _STIGMA_WORDS[tools.code]
    else:
        summarizer.stop_words = tools.stop_words
    return summarizer


def _bonus_words(article: _Article) -> list[str]:
    """Edmundson's bonus words: the headline's content words, else the article's commonest."""
    tools = article.tools
    if article.headline:
        headline_words = [w for w in plain_words(article.headline) if w not in tools.stop_words]
        if headline_words:
            return headline_words
    counts = Counter(
        word for words in article.words for word in words if word not in tools.stop_words
    )
    return [word for word, _ in counts.most_common(10)] or ["_"]


def _sumy_ratings(article: _Article, algorithm: str, *, wanted: int) -> FloatArray:
    """Return sumy's rating of every sentence (all zero when it has nothing to rate)."""
    ratings = np.zeros(article.total)
    if not _has_content_words(article):
        return ratings  # KL and SumBasic divide by the number of content words

    def record_all(infos: list[Any]) -> list[Any]:
        for info in infos:
            ratings[info.sentence.index] = float(info.rating)
        return infos

    summarizer = _sumy_summarizer(article, algorithm, wanted)
    # A sentence without content words ("." or only stop words) is an all-zero row in sumy's
    # LexRank matrix, whose normalisation then divides by zero: such sentences rate 0.
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        # LSA warns on short texts that have fewer distinct words than sentences.
        warnings.simplefilter("ignore", UserWarning)
        summarizer(_sumy_document(article), record_all)
    return np.nan_to_num(ratings, nan=0.0, posinf=0.0, neginf=0.0)


def _has_content_words(article: _Article) -> bool:
    return any(article.stems)


# the news ranker ----------------------------------------------------------------------------


def sentence_features(
    paragraphs: Sequence[Sequence[str]], *, language: LanguageCode, headline: str | None = None
) -> dict[str, FloatArray]:
    """Return the ranker's features of every sentence of an article."""
    return analyse_sentences(paragraphs, language=language, headline=headline)[0]


def analyse_sentences(
    paragraphs: Sequence[Sequence[str]], *, language: LanguageCode, headline: str | None = None
) -> tuple[dict[str, FloatArray], FloatArray]:
    """Return the ranker's features and the sentence similarity matrix (also used to fit)."""
    return _analyse(_Article.build(paragraphs, language=language, headline=headline))


def _analyse(article: _Article) -> tuple[dict[str, FloatArray], FloatArray]:
    """Return the ranker's features and the sentences' tf-idf cosine similarity matrix."""
    positions = np.arange(article.total, dtype=np.float64)
    vectors, idf, vocabulary = _tfidf(article.stems)
    similarity = vectors @ vectors.T
    word_counts = np.array([len(words) for words in article.words], dtype=np.float64)
    paragraphs = np.array(article.paragraph_of, dtype=np.float64)
    # The features scripts/fit_ranker.py found worth their place (see its FEATURES).
    features = {
        "position_inverse": 1.0 / (1.0 + positions),
        "paragraph_inverse": 1.0 / (1.0 + paragraphs),
        "first_in_paragraph": np.array([p == 0 for p in article.place_in_paragraph], np.float64),
        "words_log": np.log1p(word_counts),
        "document_similarity": _cosine_to(vectors, vectors.sum(axis=0)),
        "centrality": _scaled(_centrality(similarity)),
        "luhn": _scaled(_sumy_ratings(article, "luhn", wanted=article.total)),
        "quote": np.array([any(c in _QUOTES for c in s) for s in article.sentences], np.float64),
    }
    if article.headline:
        headline_stems = _content_stems(plain_words(article.headline), article.tools)
        headline_vector = _vector(headline_stems, idf, vocabulary)
        features["headline_similarity"] = _cosine_to(vectors, headline_vector)
    return features, similarity


def _tfidf(stems: Sequence[Sequence[str]]) -> tuple[FloatArray, FloatArray, dict[str, int]]:
    """Return L2-normalised tf-idf rows (idf within the article), the idf and the vocabulary."""
    vocabulary: dict[str, int] = {}
    for sentence_stems in stems:
        for stem in sentence_stems:
            vocabulary.setdefault(stem, len(vocabulary))
    counts = np.zeros((len(stems), len(vocabulary)))
    for row, sentence_stems in enumerate(stems):
        for stem in sentence_stems:
            counts[row, vocabulary[stem]] += 1.0
    document_frequency = (counts > 0).sum(axis=0)
    idf = np.log((1.0 + len(stems)) / (1.0 + document_frequency)) + 1.0
    return _normalised_rows(counts * idf), idf, vocabulary


def _vector(stems: Sequence[str], idf: FloatArray, vocabulary: dict[str, int]) -> FloatArray:
    vector = np.zeros(len(vocabulary))
    for stem in stems:
        if stem in vocabulary:
            vector[vocabulary[stem]] += idf[vocabulary[stem]]
    return vector


def _normalised_rows(matrix: FloatArray) -> FloatArray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    normalised: FloatArray = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    return normalised


def _cosine_to(vectors: FloatArray, target: FloatArray) -> FloatArray:
    norm = float(np.linalg.norm(target))
    return vectors @ target / norm if norm > 0 else np.zeros(len(vectors))


def _scaled(values: FloatArray) -> FloatArray:
    """Divide by the largest value, so a score reads the same in short and long articles."""
    top = float(values.max()) if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values)


def _centrality(similarity: FloatArray) -> FloatArray:
    """LexRank centrality: sumy's power method over the thresholded cosine graph."""
    if not len(similarity):
        return np.zeros(0)
    adjacency = (similarity > _LEXRANK_THRESHOLD).astype(np.float64)
    np.fill_diagonal(adjacency, 1.0)
    adjacency /= adjacency.sum(axis=1, keepdims=True)
    return np.asarray(LexRankSummarizer.power_method(adjacency, 1e-3), dtype=np.float64)


@dataclass(frozen=True)
class BoostedTrees:
    """A boosted tree ensemble, evaluated for all sentences at once with numpy."""

    feature_names: tuple[str, ...]
    base_score: float
    feature: npt.NDArray[np.intp]  # trees x nodes; leaves point to themselves
    threshold: FloatArray
    left: npt.NDArray[np.intp]
    right: npt.NDArray[np.intp]
    value: FloatArray
    depth: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BoostedTrees:
        return cls(
            feature_names=tuple(data["features"]),
            base_score=float(data["base_score"]),
            feature=np.array(data["feature"], dtype=np.intp),
            threshold=np.array(data["threshold"], dtype=np.float64),
            left=np.array(data["left"], dtype=np.intp),
            right=np.array(data["right"], dtype=np.intp),
            value=np.array(data["value"], dtype=np.float64),
            depth=int(data["depth"]),
        )

    def score(self, features: dict[str, FloatArray]) -> FloatArray:
        """Return the ensemble's raw score of every row."""
        # sklearn compares features as float32 with float64 thresholds; do the same.
        matrix = np.column_stack([features[name] for name in self.feature_names])
        matrix = matrix.astype(np.float32).astype(np.float64)
        tree_rows = np.arange(self.feature.shape[0])[np.newaxis, :]
        nodes = np.zeros((matrix.shape[0], self.feature.shape[0]), dtype=np.intp)
        for _ in range(self.depth):
            chosen_feature = self.feature[tree_rows, nodes]
            values = np.take_along_axis(matrix, chosen_feature, axis=1)
            goes_left = values <= self.threshold[tree_rows, nodes]
            nodes = np.where(goes_left, self.left[tree_rows, nodes], self.right[tree_rows, nodes])
        scores: FloatArray = self.base_score + self.value[tree_rows, nodes].sum(axis=1)
        return scores


@dataclass(frozen=True)
class Ranker:
    """The fitted news ranker: one model with a headline, one without, and the redundancy cut."""

    with_headline: BoostedTrees
    without_headline: BoostedTrees
    redundancy_threshold: float


@functools.cache
def _ranker() -> Ranker:
    """Load the fitted weights shipped in bot/data (once per process)."""
    text = resources.files("bot").joinpath("data", _RANKER_RESOURCE).read_text(encoding="utf-8")
    return ranker_from_json(json.loads(text))


def ranker_from_json(data: dict[str, Any]) -> Ranker:
    """Build the ranker from its JSON form (as written by scripts/fit_ranker.py)."""
    return Ranker(
        with_headline=BoostedTrees.from_json(data["models"]["headline"]),
        without_headline=BoostedTrees.from_json(data["models"]["plain"]),
        redundancy_threshold=float(data["redundancy_threshold"]),
    )


def ranker_scores(features: dict[str, FloatArray], *, ranker: Ranker | None = None) -> FloatArray:
    """Score sentences with the news ranker (the headline model when its feature is there)."""
    ranker = ranker or _ranker()
    model = ranker.with_headline if "headline_similarity" in features else ranker.without_headline
    return model.score(features)


def _ringkas_choice(
    article: _Article, wanted: int, ranker: Ranker | None = None
) -> tuple[int, ...]:
    ranker = ranker or _ranker()
    features, similarity = _analyse(article)
    scores = ranker_scores(features, ranker=ranker)
    return select_sentences(scores, similarity, wanted, ranker.redundancy_threshold)


def select_sentences(
    scores: FloatArray, similarity: FloatArray, wanted: int, redundancy_threshold: float
) -> tuple[int, ...]:
    """Take the best-scored sentences, passing over near repeats of those already taken."""
    ranked = sorted(range(len(scores)), key=lambda index: (-scores[index], index))
    chosen: list[int] = []
    passed_over: list[int] = []
    for index in ranked:
        if len(chosen) == wanted:
            break
        if any(similarity[index, taken] > redundancy_threshold for taken in chosen):
            passed_over.append(index)
        else:
            chosen.append(index)
    chosen.extend(passed_over[: wanted - len(chosen)])
    return tuple(sorted(chosen))


def paragraph_sentences(paragraphs: Iterable[str]) -> list[list[str]]:
    """Split paragraphs into sentences the way the parser does (for callers holding text)."""
    return [split_sentences(paragraph) for paragraph in paragraphs]
