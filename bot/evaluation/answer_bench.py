"""Answer latency at scale: a synthetic store of N sentences, perturbed questions, a scan beside it.

The store is built from corpus sentences recombined into distinct ones (articles of about
20 sentences through the bulk insert path). A store at the URL that already holds N
sentences is reused, so a 1M-sentence store is built once. The build runs in a child
process so the reported RSS is that of answering, not of building.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import random
import resource
import statistics
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import text

from bot.answering import answer_question, load_word_lists
from bot.text import split_sentences
from bot.text.words import plain_words
from storage import repository
from storage.database import create_database_engine, create_schema, session_factory
from storage.records import ArticleRecord
from storage.search import SearchIndex

SENTENCES_PER_ARTICLE = 20
BULK_ARTICLES = 500
HELD_OUT_SHARE = 0.1  # corpus sentences never stored: the source of unanswerable questions
UNANSWERABLE_SHARE = 0.2
SCAN_BUDGET_SECONDS = 60.0
SEED = 20240501


@dataclass(frozen=True)
class BenchReport:
    """Speed and memory of answering over a store of N sentences, with a full scan beside it."""

    database: str
    sentences: int
    build_seconds: float | None  # None: an existing store was reused
    articles_per_second: float | None  # bulk import speed of the build
    vocabulary_load_ms: float  # loading the process's vocabulary cache (start-up, not timed)
    questions: int
    p50_ms: float
    p95_ms: float
    max_rss_mb: float
    answered_right: float  # share of answerable questions answered with their source sentence
    declined: float  # share of unanswerable questions declined
    scan_questions: int
    scan_p50_ms: float | None
    scan_answered_right: float | None

    def to_json(self) -> dict[str, Any]:
        """Return the report as plain JSON data."""
        return asdict(self)

    def to_table(self) -> str:
        """Return a one-row text table."""
        scan = "-" if self.scan_p50_ms is None else f"{self.scan_p50_ms:,.0f} ms"
        build = (
            "reused"
            if self.build_seconds is None
            else f"{self.build_seconds:,.0f} s ({self.articles_per_second:,.0f} articles/s)"
        )
        return (
            f"{self.database:10} {self.sentences:>9,} sentences  build {build}  "
            f"vocabulary {self.vocabulary_load_ms:,.0f} ms  "
            f"p50 {self.p50_ms:.1f} ms  p95 {self.p95_ms:.1f} ms  RSS {self.max_rss_mb:.0f} MB  "
            f"right {self.answered_right:.0%}  declined {self.declined:.0%}  "
            f"scan p50 {scan} (n={self.scan_questions}, right "
            f"{'-' if self.scan_answered_right is None else f'{self.scan_answered_right:.0%}'})"
        )


def corpus_sentences(corpus: Path | Sequence[Path]) -> list[str]:
    """Return the distinct sentences of corpus JSONL files (records with a `text` field)."""
    paths = [corpus] if isinstance(corpus, Path) else list(corpus)
    seen: dict[str, None] = {}
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                body = json.loads(line).get("text") or ""
                for paragraph in body.split("\n\n"):
                    for sentence in split_sentences(paragraph.strip()):
                        if 40 <= len(sentence) <= 400 and len(plain_words(sentence)) >= 6:
                            seen.setdefault(sentence)
    return list(seen)


def split_held_out(sentences: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split corpus sentences into the stored pool and the held-out ones (deterministic)."""
    pool: list[str] = []
    held_out: list[str] = []
    for sentence in sentences:
        digest = hashlib.blake2b(sentence.encode(), digest_size=2).digest()
        share = int.from_bytes(digest, "big") / 65536
        (held_out if share < HELD_OUT_SHARE else pool).append(sentence)
    return pool, held_out


def synthetic_sentences(pool: Sequence[str], count: int) -> Iterator[str]:
    """Yield count distinct-ish sentences: the pool first, then recombined halves."""
    for number in range(count):
        if number < len(pool):
            yield pool[number]
            continue
        generator = random.Random(number)
        first = pool[generator.randrange(len(pool))].split()
        second = pool[generator.randrange(len(pool))].split()
        yield " ".join(first[: len(first) // 2] + second[len(second) // 2 :])


def _records(pool: Sequence[str], count: int) -> Iterator[ArticleRecord]:
    batch: list[str] = []
    for number, sentence in enumerate(synthetic_sentences(pool, count)):
        batch.append(sentence)
        if len(batch) == SENTENCES_PER_ARTICLE or number == count - 1:
            yield ArticleRecord(
                content_hash=f"bench-{number}",
                source=None,
                url=None,
                headline=" ".join(batch[0].split()[:9]),
                published=None,
                author=None,
                category=None,
                site="bench",
                language="id",
                paragraphs=(" ".join(batch),),
                sentences=tuple(batch),
            )
            batch = []


def _stored_sentences(database_url: str) -> int:
    engine = create_database_engine(database_url)
    create_schema(engine)
    with session_factory(engine)() as session:
        found = session.execute(text("SELECT count(*) FROM passage WHERE kind = 'sentence'"))
        count = int(found.scalar_one())
    engine.dispose()
    return count


def build_store(database_url: str, pool: Sequence[str], sentences: int) -> None:
    """Store sentences synthetic sentences as articles through the bulk insert path."""
    engine = create_database_engine(database_url)
    create_schema(engine)
    factory = session_factory(engine)
    batch: list[ArticleRecord] = []
    for record in _records(pool, sentences):
        batch.append(record)
        if len(batch) == BULK_ARTICLES:
            with factory() as session:
                repository.add_articles_bulk(session=session, records=batch)
            batch = []
    with factory() as session:
        if batch:
            repository.add_articles_bulk(session=session, records=batch)
        repository.compact_search_index(session=session)
    engine.dispose()


def perturbed_question(sentence: str, generator: random.Random) -> str:
    """Return a question made of some of the sentence's words, one maybe misspelt."""
    words = [word for word in plain_words(sentence) if len(word) > 2]
    keep = sorted(generator.sample(range(len(words)), min(len(words), generator.randint(3, 6))))
    picked = [words[position] for position in keep]
    if generator.random() < 0.3:
        target = max(range(len(picked)), key=lambda position: len(picked[position]))
        word = picked[target]
        if len(word) > 4:
            cut = generator.randrange(1, len(word) - 1)
            picked[target] = word[:cut] + word[cut + 1 :]
    opener = generator.choice(["apa", "siapa", "kapan", "berapa", "bagaimana", ""])
    return (opener + " " + " ".join(picked)).strip() + "?"


def bench_questions(
    database_url: str, held_out: Sequence[str], count: int
) -> list[tuple[str, str | None]]:
    """Return (question, source sentence or None) pairs drawn from the store and held-out text."""
    generator = random.Random(SEED)
    engine = create_database_engine(database_url)
    with session_factory(engine)() as session:
        highest = int(session.execute(text("SELECT max(id) FROM passage")).scalar_one())
        stored: list[str] = []
        while len(stored) < count:
            row = session.execute(
                text(
                    "SELECT text FROM passage WHERE kind = 'sentence' AND id >= :id "
                    "ORDER BY id LIMIT 1"
                ),
                {"id": generator.randint(1, highest)},
            ).first()
            if row is not None:
                stored.append(str(row[0]))
    engine.dispose()
    questions: list[tuple[str, str | None]] = []
    for number in range(count):
        if generator.random() < UNANSWERABLE_SHARE and held_out:
            questions.append((perturbed_question(generator.choice(held_out), generator), None))
        else:
            questions.append((perturbed_question(stored[number], generator), stored[number]))
    return questions


def _answer_all(
    database_url: str, questions: Sequence[tuple[str, str | None]], sqlite_cache_mb: int = 0
) -> tuple[list[float], float, float, float]:
    engine = create_database_engine(database_url, sqlite_cache_mb=sqlite_cache_mb)
    factory = session_factory(engine)
    started = time.perf_counter()
    with factory() as session:  # start-up: the process loads its vocabulary cache once
        load_word_lists()
        SearchIndex(session).passage_count()
    load_ms = (time.perf_counter() - started) * 1000.0
    latencies, right, declined = [], 0, 0
    for question, source in questions:
        with factory() as session:
            started = time.perf_counter()
            answer = answer_question(question, index=SearchIndex(session))
            latencies.append((time.perf_counter() - started) * 1000.0)
        if source is None:
            declined += answer.answer is None
        else:
            right += answer.answer == source
    engine.dispose()
    answerable = sum(source is not None for _, source in questions) or 1
    unanswerable = (len(questions) - answerable) or 1
    return latencies, right / answerable, declined / unanswerable, load_ms


def _scan(
    database_url: str, questions: Sequence[tuple[str, str | None]]
) -> tuple[int, float | None, float | None]:
    engine = create_database_engine(database_url)
    with session_factory(engine)() as session:
        texts = {
            int(row[0]): str(row[1])
            for row in session.execute(text("SELECT id, text FROM passage"))
        }
    engine.dispose()
    latencies, right, asked = [], 0, 0
    budget_end = time.perf_counter() + SCAN_BUDGET_SECONDS
    for question, source in questions:
        if source is None:
            continue
        started = time.perf_counter()
        best = process.extractOne(question, texts, scorer=fuzz.token_set_ratio)
        latencies.append((time.perf_counter() - started) * 1000.0)
        asked += 1
        right += best is not None and best[0] == source
        if time.perf_counter() > budget_end:
            break
    if not latencies:
        return 0, None, None
    return asked, statistics.median(latencies), right / asked


def bench_answers(
    *,
    database_url: str,
    sentences: int,
    corpus: Path | Sequence[Path],
    questions: int = 200,
    scan_baseline: bool = True,
    sqlite_cache_mb: int = 0,
) -> BenchReport:
    """Build (or reuse) a store of N sentences and time answering and a full rapidfuzz scan.

    sqlite_cache_mb: the answering connection's SQLite page cache, as the bot sets it.
    """
    pool, held_out = split_held_out(corpus_sentences(corpus))
    build_seconds: float | None = None
    stored = _stored_sentences(database_url)
    if stored < sentences:
        started = time.perf_counter()
        builder = multiprocessing.get_context("spawn").Process(
            target=build_store, args=(database_url, pool, sentences)
        )
        builder.start()
        builder.join()
        if builder.exitcode != 0:
            raise RuntimeError(f"building the bench store failed (exit code {builder.exitcode})")
        build_seconds = time.perf_counter() - started
        stored = _stored_sentences(database_url)
    asked = bench_questions(database_url, held_out, questions)
    latencies, right, declined, load_ms = _answer_all(database_url, asked, sqlite_cache_mb)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    scan_questions, scan_p50, scan_right = (
        _scan(database_url, asked) if scan_baseline else (0, None, None)
    )
    ordered = sorted(latencies)
    articles = -(-sentences // SENTENCES_PER_ARTICLE)
    return BenchReport(
        database=create_database_engine(database_url).dialect.name,
        sentences=stored,  # a reused store may hold more than asked for: report what it holds
        build_seconds=build_seconds,
        articles_per_second=None if build_seconds is None else articles / build_seconds,
        vocabulary_load_ms=load_ms,
        questions=len(asked),
        p50_ms=statistics.median(ordered),
        p95_ms=ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
        max_rss_mb=rss_mb,
        answered_right=right,
        declined=declined,
        scan_questions=scan_questions,
        scan_p50_ms=scan_p50,
        scan_answered_right=scan_right,
    )
