"""Fit the news ranker on IndoSum dev.01 gold labels and write bot/data/ranker.json.

Usage: .venv/bin/python scripts/fit_ranker.py [--data PATH] [--out PATH] [--search]

Every article goes through the product's path (parse_body, then the parser's sentence split),
so the features seen here are the ones computed at run time. Gold labels belong to the
corpus's own sentences; each of our sentences takes the label of the corpus sentence it
overlaps most. A pseudo-headline from the URL slug trains the model used when a headline
is known; the plain model never sees one. Model choice is by ROUGE on held-out folds.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

from bot.evaluation.summaries import read_jsonl, rouge_f1
from bot.news import NotAnArticle
from bot.parsing import parse_body
from bot.summarizing import (
    FloatArray,
    analyse_sentences,
    paragraph_sentences,
    ranker_from_json,
    select_sentences,
)
from bot.text.sentences import split_sentences
from bot.text.words import plain_words

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "corpus" / "id_indosum_dev01.jsonl"
DEFAULT_OUT = REPO / "bot" / "data" / "ranker.json"
# Chosen by ablation (cross-validated ROUGE on IndoSum): dropping position_relative,
# sentences_log, lead_similarity, content_share, digits and term_weight cost under 0.15 R1
# each, and the fewer features the better the model should carry to unseen data.
FEATURES = (
    "position_inverse",
    "paragraph_inverse",
    "first_in_paragraph",
    "words_log",
    "document_similarity",
    "centrality",
    "luhn",
    "quote",
)
FOLDS = 5
SUMMARY_SENTENCES = 3


@dataclass(frozen=True)
class Document:
    """One article's features (without and with a headline), labels and reference."""

    plain: dict[str, FloatArray]
    headed: dict[str, FloatArray]
    similarity: FloatArray
    labels: FloatArray
    sentences: list[str]
    reference: str


@dataclass(frozen=True)
class Config:
    """One model configuration tried in cross-validation."""

    depth: int
    trees: int
    learning_rate: float
    redundancy_threshold: float


def main() -> None:
    """Fit, cross-validate and write the ranker."""
    arguments = _arguments()
    documents = [d for d in map(_document, read_jsonl(arguments.data)) if d is not None]
    print(f"{len(documents)} documents, {sum(len(d.labels) for d in documents)} sentences")
    configs = _search_space() if arguments.search else [_DEFAULT_CONFIG]
    results = [(_cross_validate(documents, config, "plain"), config) for config in configs]
    for scores, config in sorted(results, key=lambda item: -item[0][0]):
        print(f"{config}: R1 {scores[0]:.2f} R2 {scores[1]:.2f} RLsum {scores[2]:.2f}")
    best = max(results, key=lambda item: item[0][0])[1]
    lead = _lead_scores(documents)
    print(f"LEAD-3 on the same sentences: R1 {lead[0]:.2f} R2 {lead[1]:.2f} RLsum {lead[2]:.2f}")
    headed = _cross_validate(documents, best, "headed")
    print(f"with URL pseudo-headline: R1 {headed[0]:.2f} R2 {headed[1]:.2f} RLsum {headed[2]:.2f}")
    cross_validated = {
        "plain_rouge": _rounded(results, best),
        "headline_rouge": [round(float(v), 2) for v in headed],
        "lead3_rouge": lead,
    }
    ranker = _ranker_json(documents, best, cross_validated, arguments.data.name)
    arguments.out.write_text(json.dumps(ranker, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {arguments.out}")


def _ranker_json(
    documents: list[Document], best: Config, cross_validated: dict[str, Any], data_name: str
) -> dict[str, Any]:
    """Fit both final models on every document and put them in the shipped JSON form."""
    return {
        "version": 1,
        "fitted_on": data_name,
        "config": best.__dict__,
        "cross_validated": cross_validated,
        "redundancy_threshold": best.redundancy_threshold,
        "models": {
            kind: _serialise(
                _fit(documents, best, source),
                _names(source),
                _matrix(documents, source, _names(source)),
            )
            for kind, source in (("plain", "plain"), ("headline", "headed"))
        },
    }


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--search", action="store_true", help="try a small grid of configs")
    return parser.parse_args()


_DEFAULT_CONFIG = Config(depth=3, trees=100, learning_rate=0.05, redundancy_threshold=0.5)


def _search_space() -> list[Config]:
    return [
        Config(depth, trees, rate, threshold)
        for depth, trees, rate in ((1, 200, 0.1), (2, 150, 0.05), (3, 100, 0.05))
        for threshold in (0.5, 0.7, 1.01)
    ]


def _document(record: dict[str, Any]) -> Document | None:
    """Parse one record like the product and attach features, labels and reference."""
    try:
        article = parse_body(record["text"], language="id")
    except NotAnArticle:
        return None
    paragraphs = paragraph_sentences(article.paragraphs)
    sentences = [s for p in paragraphs for s in p]
    if not sentences:
        return None
    plain, similarity = analyse_sentences(paragraphs, language="id")
    headed, _ = analyse_sentences(paragraphs, language="id", headline=_slug_headline(record))
    return Document(
        plain=plain,
        headed=headed,
        similarity=similarity,
        labels=_labels(sentences, record["sentences"], record["gold_labels"]),
        sentences=sentences,
        reference="\n".join(split_sentences(record["summary"])),
    )


def _slug_headline(record: dict[str, Any]) -> str:
    """Turn the URL's last wordy path segment into a stand-in headline."""
    segments = [s for s in str(record.get("url") or "").split("/") if re.search(r"[a-z]{3}", s)]
    slug = segments[-1] if segments else str(record["id"])
    return " ".join(word for word in re.split(r"[-_]+", slug) if not word.isdigit())


def _labels(sentences: list[str], gold_sentences: list[str], gold: list[bool]) -> FloatArray:
    """Give each of our sentences the label of the gold sentence it overlaps most."""
    gold_sets = [set(plain_words(s)) for s in gold_sentences]
    labels = []
    for sentence in sentences:
        words = set(plain_words(sentence))
        overlaps = [len(words & g) / max(1, len(words)) for g in gold_sets]
        best = int(np.argmax(overlaps)) if overlaps else 0
        labels.append(1.0 if overlaps and overlaps[best] >= 0.5 and gold[best] else 0.0)
    return np.array(labels)


def _matrix(documents: list[Document], kind: str, names: tuple[str, ...]) -> FloatArray:
    rows = [np.column_stack([getattr(d, kind)[n] for n in names]) for d in documents]
    return np.vstack(rows)


def _names(kind: str) -> tuple[str, ...]:
    return (*FEATURES, "headline_similarity") if kind == "headed" else FEATURES


def _fit(documents: list[Document], config: Config, kind: str) -> GradientBoostingClassifier:
    model = GradientBoostingClassifier(
        max_depth=config.depth,
        n_estimators=config.trees,
        learning_rate=config.learning_rate,
        subsample=0.8,
        min_samples_leaf=20,
        random_state=0,
    )
    labels = np.concatenate([d.labels for d in documents])
    model.fit(_matrix(documents, kind, _names(kind)), labels)
    return model


def _cross_validate(documents: list[Document], config: Config, kind: str) -> list[float]:
    """Mean ROUGE of the model's summaries on held-out folds of documents."""
    totals = np.zeros(3)
    for fold in range(FOLDS):
        training = [d for i, d in enumerate(documents) if i % FOLDS != fold]
        held_out = [d for i, d in enumerate(documents) if i % FOLDS == fold]
        model = _fit(training, config, kind)
        for document in held_out:
            matrix = np.column_stack([getattr(document, kind)[n] for n in _names(kind)])
            scores = model.decision_function(matrix)
            chosen = select_sentences(
                scores,
                document.similarity,
                min(SUMMARY_SENTENCES, len(scores)),
                config.redundancy_threshold,
            )
            summary = [document.sentences[i] for i in chosen]
            totals += rouge_f1(summary, document.reference, "id")
    return list(totals / len(documents))


def _lead_scores(documents: list[Document]) -> list[float]:
    totals = np.zeros(3)
    for document in documents:
        totals += rouge_f1(document.sentences[:SUMMARY_SENTENCES], document.reference, "id")
    return [round(float(v), 2) for v in totals / len(documents)]


def _rounded(results: list[tuple[list[float], Config]], best: Config) -> list[float]:
    return next([round(float(v), 2) for v in scores] for scores, c in results if c == best)


def _serialise(
    model: GradientBoostingClassifier, names: tuple[str, ...], sample: FloatArray
) -> dict[str, Any]:
    """Write the ensemble as padded node arrays; leaves point to themselves."""
    trees = [estimator[0].tree_ for estimator in model.estimators_]
    width = max(tree.node_count for tree in trees)
    arrays: dict[str, list[list[Any]]] = {k: [] for k in ("feature", "threshold", "left", "right")}
    arrays["value"] = []
    for tree in trees:
        nodes = range(width)
        leaf = [n >= tree.node_count or tree.children_left[n] < 0 for n in nodes]
        arrays["feature"].append([0 if leaf[n] else int(tree.feature[n]) for n in nodes])
        arrays["threshold"].append([0.0 if leaf[n] else float(tree.threshold[n]) for n in nodes])
        arrays["left"].append([n if leaf[n] else int(tree.children_left[n]) for n in nodes])
        arrays["right"].append([n if leaf[n] else int(tree.children_right[n]) for n in nodes])
        arrays["value"].append(
            [
                _short(model.learning_rate * tree.value[n][0][0]) if n < tree.node_count else 0.0
                for n in nodes
            ]
        )
    serialised: dict[str, Any] = {
        "kind": "boosted_trees",
        "features": list(names),
        "base_score": 0.0,
        "depth": int(max(tree.max_depth for tree in trees)),
        **arrays,
    }
    return _with_checked_base_score(serialised, model, sample)


def _short(value: float) -> float:
    """Keep 6 significant digits: the file stays small, scores move by under 1e-5."""
    return float(f"{value:.6g}")


def _with_checked_base_score(
    serialised: dict[str, Any], model: GradientBoostingClassifier, sample: FloatArray
) -> dict[str, Any]:
    """Set the prior's log-odds and check that numpy scoring equals scikit-learn's."""
    trees = ranker_from_json(
        {"redundancy_threshold": 1, "models": {"plain": serialised, "headline": serialised}}
    ).without_headline
    names = serialised["features"]
    ours = trees.score({name: sample[:, i] for i, name in enumerate(names)})
    theirs = model.decision_function(sample)
    serialised["base_score"] = float(np.mean(theirs - ours))
    error = float(np.max(np.abs(theirs - ours - serialised["base_score"])))
    if error > 1e-4:
        raise SystemExit(f"numpy scoring differs from scikit-learn by {error}")
    return serialised


if __name__ == "__main__":
    main()
