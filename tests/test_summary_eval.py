"""ROUGE evaluation, batch summaries and the speed bench."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.evaluation.summaries import (
    SummaryReport,
    bench_summaries,
    evaluate_summaries,
    read_jsonl,
    summarize_batch,
    synthetic_article,
)
from bot.summary_model import ALGORITHMS

FIXTURES = Path(__file__).parent / "fixtures" / "summaries"
TINY = FIXTURES / "tiny.jsonl"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
INDOSUM = SHARED_DATA / "corpus" / "id_indosum_dev01.jsonl"


def test_report_scores_every_algorithm_side_by_side() -> None:
    report = evaluate_summaries(TINY, sentences=3)
    assert isinstance(report, SummaryReport)
    assert [score.algorithm for score in report.scores] == list(ALGORITHMS)
    assert report.articles == 2
    assert report.skipped == 1
    for score in report.scores:
        assert 0.0 < score.rouge2 <= score.rouge1 <= 100.0
        assert 0.0 < score.rouge_lsum <= 100.0
        assert score.median_ms >= 0.0


def test_report_renders_as_table_and_json() -> None:
    report = evaluate_summaries(TINY, algorithms=["lead", "ringkas"], limit=2)
    table = report.to_table()
    assert "tiny.jsonl" in table
    assert "lead" in table
    assert "ringkas" in table
    data = report.to_json()
    json.dumps(data)
    assert [row["algorithm"] for row in data["scores"]] == ["lead", "ringkas"]
    assert set(data["scores"][0]) == {"algorithm", "rouge1", "rouge2", "rougeLsum", "median_ms"}


def test_batch_keeps_order_and_shape() -> None:
    records = [*read_jsonl(TINY), {"id": "empty", "text": "   "}]
    results = list(summarize_batch(records, sentences=2, algorithm="lead"))
    assert [r["id"] for r in results] == ["id-1", "en-1", "no-summary", "empty"]
    assert all(r["algorithm"] == "lead" for r in results)
    assert all(r["elapsed_ms"] >= 0 for r in results)
    assert [len(r["summary"]) for r in results] == [2, 2, 2, 0]
    assert results[0]["summary"][0].startswith("Pemerintah Kota Bandung")
    assert "error" in results[-1]


def test_bench_reports_median_and_p95() -> None:
    bench = bench_summaries(algorithms=["ringkas", "lead"], repeats=2, long_repeats=1)
    assert [(row.algorithm, row.article, row.sentences) for row in bench.rows] == [
        ("ringkas", "short", 30),
        ("ringkas", "long", 500),
        ("lead", "short", 30),
        ("lead", "long", 500),
    ]
    assert all(0.0 <= row.median_ms <= row.p95_ms for row in bench.rows)
    assert "median ms" in bench.to_table()
    assert json.loads(json.dumps(bench.to_json()))["rows"][0]["algorithm"] == "ringkas"


def test_bench_draws_articles_from_a_corpus() -> None:
    bench = bench_summaries(corpus=TINY, algorithms=["lead"], repeats=1, long_repeats=1)
    assert bench.source == "tiny.jsonl"
    assert [row.sentences for row in bench.rows] == [10, 500]


def test_synthetic_article_has_the_asked_length() -> None:
    assert sum(len(p) for p in synthetic_article(30)) == 30


@pytest.mark.corpus
@pytest.mark.skipif(not INDOSUM.exists(), reason="needs ../shared/data (IndoSum dev.01)")
def test_default_beats_lead_on_an_indosum_slice() -> None:
    report = evaluate_summaries(INDOSUM, algorithms=["lead", "ringkas"], limit=150)
    lead, ringkas = report.scores
    assert report.articles == 150
    assert ringkas.rouge1 > lead.rouge1
    assert ringkas.rouge2 > lead.rouge2
