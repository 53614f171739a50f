"""Fit the answer ranking weights (bot.answering.WEIGHTS) on labelled reader questions.

    .venv/bin/python scripts/fit_answer_weights.py

For every answerable question of the question sets below, the candidates Ringkas retrieves are
described by bot.answering's own features; a conditional logit (softmax over one question's
candidates, L2-regularised) is fitted so the passage holding the expected answer outscores the
rest. Leave-one-set-out cross-validation prints how often the best-ranked candidate is right
on the set left out, by the hand-set confidence ordering and by the fitted weights, then the
weights fitted on every set. numpy only; the sample pages are used when ../shared is beside.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.answering import (
    FEATURES,
    WEIGHTS,
    confidence,
    describe_candidates,
    expand_question,
    retrieve,
)
from bot.desk import open_desk
from storage.database import create_database_engine, session_factory
from storage.search import SearchIndex

ROOT = Path(__file__).resolve().parents[1]

FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared" / "data"
L2 = 0.01
STEPS = 3000
LEARNING_RATE = 0.5
TEMPERATURE = 10.0  # features are shares of 0-1; scores this many times larger are peaked enough


@dataclass(frozen=True)
class Question:
    """One answerable question's candidates: features, which are right, hand confidence."""

    set_name: str
    features: np.ndarray
    right: np.ndarray
    hand: np.ndarray


def question_sets() -> dict[str, tuple[list[Path], list[Path]]]:
    """Return set name -> (page files, question files)."""
    sets = {
        name: (sorted((FIXTURES / name).glob("*.txt")), [FIXTURES / name / "qa.jsonl"])
        for name in (
            "pages",
            "blind",
            "blind2",
            "blind3",
            "blind4",
            "blind5",
            "blind6",
            "blind7",
            "blind8",
            "blind9",
            "blind10",
            "blind11",
            "blind12",
            "blind13",
            "blind14",
            "blind15",
        )
    }
    if (SHARED / "pages").is_dir():
        pages = [*sorted((SHARED / "pages").glob("*.txt")), SHARED / "000_84385d725add12df.txt"]
        sets["sample"] = (pages, [SHARED / "pages" / "qa.jsonl", SHARED / "seed_qa.jsonl"])
    return sets


def describe_set(name: str, pages: list[Path], qa_files: list[Path]) -> list[Question]:
    """Store a set's pages and describe the candidates of each answerable question."""
    records = [json.loads(line) for path in qa_files for line in path.open() if line.strip()]
    described = []
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{scratch}/fit.db"
        with open_desk(url) as desk:
            desk.warm_up()
            for page in pages:
                desk.submit(page.read_text(encoding="utf-8"), source=page.name)
        engine = create_database_engine(url)
        with session_factory(engine)() as session:
            index = SearchIndex(session)
            for record in records:
                if record["kind"] == "none":
                    continue
                terms = expand_question(record["question"], index)
                hits = retrieve(terms, index, None)
                _, candidates = describe_candidates(hits, terms, record["question"], index)
                if not candidates:
                    continue
                described.append(
                    Question(
                        set_name=name,
                        features=np.array([c.features for c in candidates]),
                        right=np.array(
                            [record["answer_contains"] in c.hit.text for c in candidates]
                        ),
                        hand=np.array([confidence(c.features, c.missing) for c in candidates]),
                    )
                )
        engine.dispose()
    return described


def fit(questions: list[Question]) -> np.ndarray:
    """Return weights maximising the right passages' softmax share (gradient ascent)."""
    weights = np.zeros(len(FEATURES))
    usable = [q for q in questions if q.right.any()]
    for _ in range(STEPS):
        gradient = np.zeros_like(weights)
        for question in usable:
            scores = question.features @ (weights * TEMPERATURE)
            shares = np.exp(scores - scores.max())
            shares /= shares.sum()
            expected = question.features[question.right].mean(axis=0)
            gradient += TEMPERATURE * (expected - shares @ question.features)
        weights += LEARNING_RATE * (gradient / len(usable) - L2 * weights)
    return weights


def top_right(questions: list[Question], weights: np.ndarray | None) -> int:
    """Return how many questions have a right passage ranked first."""
    right = 0
    for question in questions:
        scores = question.hand if weights is None else question.features @ weights
        right += bool(question.right[int(np.argmax(scores))])
    return right


def main() -> None:
    """Print the cross-validated comparison and the weights fitted on every set."""
    questions = [q for name, files in question_sets().items() for q in describe_set(name, *files)]
    names = sorted({q.set_name for q in questions})
    print(f"{'left out':10} {'questions':>9} {'hand':>5} {'current':>7} {'fitted':>6}")
    totals = [0, 0, 0, 0]
    current = np.array(WEIGHTS)
    for name in names:
        held = [q for q in questions if q.set_name == name]
        weights = fit([q for q in questions if q.set_name != name])
        row = (
            len(held),
            top_right(held, None),
            top_right(held, current),
            top_right(held, weights),
        )
        totals = [t + r for t, r in zip(totals, row, strict=True)]
        print(f"{name:10} {row[0]:>9} {row[1]:>5} {row[2]:>7} {row[3]:>6}")
    print(f"{'all':10} {totals[0]:>9} {totals[1]:>5} {totals[2]:>7} {totals[3]:>6}")
    weights = fit(questions)
    print("WEIGHTS = (" + ", ".join(f"{w:.2f}" for w in weights) + ")  # " + ", ".join(FEATURES))


if __name__ == "__main__":
    main()
