"""Answer quality on page dumps with reader questions: accuracy by kind, abstention, latency."""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.answering import Answer

KINDS = ("lexical", "morph", "typo", "headline", "short", "none")
StorePage = Callable[[str, str], None]  # (page text, source file name) -> stored
Ask = Callable[[str], Answer]  # question -> answer, through the same path readers use


@dataclass(frozen=True)
class QuestionResult:
    """One question, what Ringkas answered, and whether that was right."""

    id: str
    kind: str
    question: str
    expected: str | None
    answer: str | None
    score: float
    right: bool
    elapsed_ms: float


@dataclass(frozen=True)
class AnswerReport:
    """Accuracy by kind, overall answerable accuracy, abstention and latency."""

    results: tuple[QuestionResult, ...] = field(default=())

    def by_kind(self) -> dict[str, tuple[int, int]]:
        """Return kind -> (right, asked)."""
        counts: dict[str, tuple[int, int]] = {}
        for result in self.results:
            right, asked = counts.get(result.kind, (0, 0))
            counts[result.kind] = (right + result.right, asked + 1)
        return counts

    @property
    def answerable_accuracy(self) -> float:
        """Share of answerable questions answered with the right passage."""
        answerable = [r for r in self.results if r.kind != "none"]
        return sum(r.right for r in answerable) / len(answerable) if answerable else 0.0

    @property
    def abstention_rate(self) -> float:
        """Share of unanswerable questions Ringkas declined."""
        unanswerable = [r for r in self.results if r.kind == "none"]
        return sum(r.right for r in unanswerable) / len(unanswerable) if unanswerable else 0.0

    def latency_ms(self) -> tuple[float, float]:
        """Return the median and 95th percentile answer time."""
        times = sorted(r.elapsed_ms for r in self.results) or [0.0]
        return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]

    def to_json(self) -> dict[str, Any]:
        """Return the figures and every result as plain JSON data."""
        median, p95 = self.latency_ms()
        return {
            "by_kind": {
                kind: {"right": right, "asked": asked}
                for kind, (right, asked) in self.by_kind().items()
            },
            "answerable_accuracy": self.answerable_accuracy,
            "abstention_rate": self.abstention_rate,
            "median_ms": median,
            "p95_ms": p95,
            "results": [vars(result) for result in self.results],
        }

    def to_table(self) -> str:
        """Return the figures as a text table."""
        counts = self.by_kind()
        lines = [f"{'kind':10} {'right':>5} {'asked':>5} {'share':>6}"]
        for kind in [*KINDS, *sorted(set(counts) - set(KINDS))]:
            if kind in counts:
                right, asked = counts[kind]
                lines.append(f"{kind:10} {right:5d} {asked:5d} {right / asked:6.0%}")
        median, p95 = self.latency_ms()
        lines.append(f"answerable right {self.answerable_accuracy:.1%}")
        lines.append(f"unanswerable declined {self.abstention_rate:.1%}")
        lines.append(f"latency median {median:.1f} ms, p95 {p95:.1f} ms")
        return "\n".join(lines)


def read_questions(qa_paths: Sequence[Path]) -> list[tuple[Path, dict[str, Any]]]:
    """Return (qa file, question record) pairs from JSONL question files."""
    questions: list[tuple[Path, dict[str, Any]]] = []
    for path in qa_paths:
        with path.open(encoding="utf-8") as lines:
            questions.extend((path, json.loads(line)) for line in lines if line.strip())
    return questions


def pages_to_store(pages_dir: Path, questions: Sequence[tuple[Path, dict[str, Any]]]) -> list[Path]:
    """Return every page of pages_dir plus the pages questions name next to their qa file."""
    pages = {path.resolve(): None for path in sorted(pages_dir.glob("*.txt"))}
    for qa_path, record in questions:
        if record.get("file"):
            page = (qa_path.parent / record["file"]).resolve()
            if page.is_file():
                pages.setdefault(page)
    return list(pages)


def is_right(record: dict[str, Any], answer: Answer) -> bool:
    """Tell whether the answer is the expected passage (or a refusal for `none`)."""
    if record.get("kind") == "none" or record.get("expect") == "none":
        return answer.answer is None
    return answer.answer is not None and str(record["answer_contains"]) in answer.answer


def evaluate_answers(
    pages_dir: Path,
    qa_paths: Sequence[Path],
    *,
    store_page: StorePage,
    ask: Ask,
) -> AnswerReport:
    """Store the pages through store_page, ask every question through ask, score the answers."""
    questions = read_questions(qa_paths)
    for page in pages_to_store(pages_dir, questions):
        store_page(page.read_text(encoding="utf-8"), page.name)
    results = []
    for _, record in questions:
        answer = ask(str(record["question"]))
        results.append(
            QuestionResult(
                id=str(record.get("id")),
                kind=str(record.get("kind")),
                question=str(record["question"]),
                expected=record.get("answer_contains"),
                answer=answer.answer,
                score=answer.score,
                right=is_right(record, answer),
                elapsed_ms=answer.elapsed_ms,
            )
        )
    return AnswerReport(results=tuple(results))
