"""Summary quality (ROUGE against reference summaries) and speed, every algorithm side by side."""

from __future__ import annotations

import json
import math
import random
import statistics
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer

from bot.news import NotAnArticle, ParsedArticle
from bot.parsing import parse_body
from bot.summarizing import paragraph_sentences, summarize
from bot.summary_model import ALGORITHMS, DEFAULT_ALGORITHM
from bot.text.language import SUPPORTED, LanguageCode, language_tools
from bot.text.sentences import split_sentences

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")


@dataclass(frozen=True)
class AlgorithmScore:
    """Mean ROUGE F1 (x100) of one algorithm over a data set, and its median time per article."""

    algorithm: str
    rouge1: float
    rouge2: float
    rouge_lsum: float
    median_ms: float


@dataclass(frozen=True)
class SummaryReport:
    """The scores of every algorithm measured in one run over one data set."""

    data: str
    sentences: int
    articles: int
    skipped: int
    scores: tuple[AlgorithmScore, ...]

    def to_table(self) -> str:
        """Return a plain-text table, one algorithm a row."""
        header = f"{self.data}: {self.articles} articles ({self.skipped} skipped), "
        header += f"{self.sentences} sentences, ROUGE F1 x100"
        rows = [f"{'algorithm':<10} {'R1':>6} {'R2':>6} {'RLsum':>6} {'ms':>8}"]
        rows += [
            f"{s.algorithm:<10} {s.rouge1:6.2f} {s.rouge2:6.2f} {s.rouge_lsum:6.2f} "
            f"{s.median_ms:8.2f}"
            for s in self.scores
        ]
        return "\n".join([header, *rows])

    def to_json(self) -> dict[str, Any]:
        """Return the report as plain JSON data."""
        return {
            "data": self.data,
            "sentences": self.sentences,
            "articles": self.articles,
            "skipped": self.skipped,
            "scores": [
                {
                    "algorithm": s.algorithm,
                    "rouge1": round(s.rouge1, 2),
                    "rouge2": round(s.rouge2, 2),
                    "rougeLsum": round(s.rouge_lsum, 2),
                    "median_ms": round(s.median_ms, 3),
                }
                for s in self.scores
            ],
        }


@dataclass(frozen=True)
class _Prepared:
    """One record parsed through the product's path, ready to be summarised and scored."""

    paragraphs: list[list[str]]
    language: LanguageCode
    headline: str | None
    reference: str


def evaluate_summaries(
    path: Path,
    *,
    sentences: int = 3,
    algorithms: Sequence[str] | None = None,
    limit: int | None = None,
) -> SummaryReport:
    """Score every algorithm on a JSONL file of {text, summary, lang, title?} records."""
    chosen = tuple(algorithms) if algorithms else ALGORITHMS
    records = list(read_jsonl(path, limit=limit))
    prepared = [item for item in map(_prepare, records) if item is not None]
    scorers = _Scorers()
    scores = tuple(
        _score_algorithm(algorithm, prepared, sentences=sentences, scorers=scorers)
        for algorithm in chosen
    )
    return SummaryReport(
        data=path.name,
        sentences=sentences,
        articles=len(prepared),
        skipped=len(records) - len(prepared),
        scores=scores,
    )


def read_jsonl(path: Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Yield the records of a JSONL file (blank lines skipped), at most `limit` of them."""
    with path.open(encoding="utf-8") as lines:
        count = 0
        for line in lines:
            if limit is not None and count >= limit:
                return
            if line.strip():
                count += 1
                yield json.loads(line)


def _prepare(record: dict[str, Any]) -> _Prepared | None:
    """Parse a record's text like the product does; None when it has no reference or body."""
    reference = record.get("summary")
    if not reference or not record.get("text"):
        return None
    language = _language(record)
    try:
        article = parse_body(record["text"], headline=record.get("title"), language=language)
    except NotAnArticle:
        return None
    return _Prepared(
        paragraphs=paragraph_sentences(article.paragraphs),
        language=language,
        headline=record.get("title"),
        # One reference sentence a line, as rougeLsum expects.
        reference="\n".join(split_sentences(str(reference))),
    )


def _language(record: dict[str, Any]) -> LanguageCode:
    code = record.get("lang")
    return code if code in SUPPORTED else "id"


class _Scorers:
    """One rouge-score scorer per language: Porter stemming for English only."""

    def __init__(self) -> None:
        self._by_language = {
            code: rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=code == "en")
            for code in SUPPORTED
        }

    def f1(self, summary: Sequence[str], reference: str, language: LanguageCode) -> list[float]:
        """Return ROUGE-1/2/Lsum F1 (x100) of a summary (one sentence a line)."""
        scores = self._by_language[language].score(reference, "\n".join(summary))
        return [100.0 * scores[kind].fmeasure for kind in ROUGE_TYPES]


def rouge_f1(summary: Sequence[str], reference: str, language: LanguageCode) -> list[float]:
    """Return ROUGE-1/2/Lsum F1 (x100) of one summary against its reference."""
    return _Scorers().f1(summary, reference, language)


def _score_algorithm(
    algorithm: str, prepared: list[_Prepared], *, sentences: int, scorers: _Scorers
) -> AlgorithmScore:
    totals = [0.0, 0.0, 0.0]
    timings: list[float] = []
    for item in prepared:
        started = time.perf_counter()
        summary = summarize(
            item.paragraphs,
            language=item.language,
            headline=item.headline,
            count=sentences,
            algorithm=algorithm,
        )
        timings.append((time.perf_counter() - started) * 1000.0)
        for slot, value in enumerate(scorers.f1(summary.sentences, item.reference, item.language)):
            totals[slot] += value
    count = max(1, len(prepared))
    return AlgorithmScore(
        algorithm=algorithm,
        rouge1=totals[0] / count,
        rouge2=totals[1] / count,
        rouge_lsum=totals[2] / count,
        median_ms=statistics.median(timings) if timings else 0.0,
    )


def summarize_batch(
    records: Iterable[dict[str, Any]], *, sentences: int = 3, algorithm: str = DEFAULT_ALGORITHM
) -> Iterator[dict[str, Any]]:
    """Summarise records {id, text, title?} in order into {id, summary, algorithm, elapsed_ms}."""
    for record in records:
        started = time.perf_counter()
        result: dict[str, Any] = {"id": record.get("id"), "summary": [], "algorithm": algorithm}
        try:
            article = parse_body(
                str(record.get("text") or ""),
                headline=record.get("title"),
                language=record["lang"] if record.get("lang") in SUPPORTED else None,
            )
        except NotAnArticle as error:
            result["error"] = str(error)
        else:
            summary = summarize(
                paragraph_sentences(article.paragraphs),
                language=article.language,
                headline=article.headline,
                count=sentences,
                algorithm=algorithm,
            )
            result["summary"] = list(summary.sentences)
        result["elapsed_ms"] = round((time.perf_counter() - started) * 1000.0, 3)
        yield result


@dataclass(frozen=True)
class BenchRow:
    """The time one algorithm takes on one article."""

    algorithm: str
    article: str
    sentences: int
    runs: int
    median_ms: float
    p95_ms: float


@dataclass(frozen=True)
class SummaryBench:
    """Summary latency on a short (~30-sentence) and a long (500-sentence) article."""

    source: str
    rows: tuple[BenchRow, ...]

    def to_table(self) -> str:
        """Return a plain-text table, one algorithm and article a row."""
        lines = [
            f"summary latency in process ({self.source})",
            f"{'algorithm':<10} {'article':<6} {'sentences':>9} {'runs':>5} "
            f"{'median ms':>10} {'p95 ms':>9}",
        ]
        lines += [
            f"{r.algorithm:<10} {r.article:<6} {r.sentences:>9} {r.runs:>5} "
            f"{r.median_ms:>10.2f} {r.p95_ms:>9.2f}"
            for r in self.rows
        ]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """Return the figures as plain JSON data."""
        return {"source": self.source, "rows": [dict(row.__dict__) for row in self.rows]}


def bench_summaries(
    *,
    corpus: Path | None = None,
    algorithms: Sequence[str] = (DEFAULT_ALGORITHM,),
    sentences: int = 3,
    repeats: int = 30,
    long_repeats: int = 5,
) -> SummaryBench:
    """Time summaries of a ~30-sentence and a 500-sentence article (from corpus, or made up)."""
    short, long = _bench_articles(corpus)
    rows = tuple(
        _time_summaries(algorithm, name, paragraphs, sentences=sentences, runs=runs)
        for algorithm in algorithms
        for name, paragraphs, runs in (("short", short, repeats), ("long", long, long_repeats))
    )
    return SummaryBench(source=corpus.name if corpus else "synthetic articles", rows=rows)


def _time_summaries(
    algorithm: str, name: str, paragraphs: list[list[str]], *, sentences: int, runs: int
) -> BenchRow:
    timings = []
    for _ in range(max(1, runs)):
        started = time.perf_counter()
        summarize(paragraphs, language="id", count=sentences, algorithm=algorithm)
        timings.append((time.perf_counter() - started) * 1000.0)
    return BenchRow(
        algorithm=algorithm,
        article=name,
        sentences=sum(len(p) for p in paragraphs),
        runs=len(timings),
        median_ms=round(statistics.median(timings), 3),
        p95_ms=round(_percentile(timings, 0.95), 3),
    )


def _bench_articles(corpus: Path | None) -> tuple[list[list[str]], list[list[str]]]:
    """Return a ~30-sentence article and a 500-sentence one, from the corpus when given."""
    if corpus is None:
        return synthetic_article(30), synthetic_article(500)
    articles = [
        paragraph_sentences(article.paragraphs)
        for article in _parsed_articles(read_jsonl(corpus, limit=300))
    ]
    if not articles:
        raise ValueError(f"{corpus} has no article to time")
    short = min(articles, key=lambda paragraphs: abs(sum(map(len, paragraphs)) - 30))
    return short, _first_sentences([p for paragraphs in articles for p in paragraphs], 500)


def _parsed_articles(records: Iterable[dict[str, Any]]) -> Iterator[ParsedArticle]:
    for record in records:
        try:
            yield parse_body(str(record.get("text") or ""), headline=record.get("title"))
        except NotAnArticle:
            continue


def _first_sentences(paragraphs: list[list[str]], total: int) -> list[list[str]]:
    """Return paragraphs cut so that they hold `total` sentences (repeating if too few)."""
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    kept: list[list[str]] = []
    remaining = total if paragraphs else 0
    while remaining > 0:
        for paragraph in paragraphs:
            if remaining <= 0:
                break
            kept.append(paragraph[:remaining])
            remaining -= len(kept[-1])
    return kept


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def synthetic_article(total: int, *, seed: int = 7) -> list[list[str]]:
    """Return a reproducible Indonesian-like article of `total` sentences in short paragraphs."""
    chooser = random.Random(seed)
    function_words = sorted(language_tools("id").stop_words)[:80]
    content_words = [
        f"{chooser.choice('bdgkmprst')}{chooser.choice('aiu')}ra{n}" for n in range(900)
    ]
    paragraphs: list[list[str]] = []
    for index in range(total):
        length = chooser.randint(8, 30)
        tokens = [
            chooser.choice(function_words)
            if chooser.random() < 0.4
            else content_words[min(int(chooser.paretovariate(1.1)) - 1, 899)]
            for _ in range(length)
        ]
        sentence = " ".join(tokens).capitalize() + "."
        if index % 3 == 0:
            paragraphs.append([])
        paragraphs[-1].append(sentence)
    return paragraphs
