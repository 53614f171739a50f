"""The `ringkas` command through its entry point: ingest, show, lists, summarize, ask, eval."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, make_url, text

from bot.cli import main
from bot.config import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
RMOL_PAGE = FIXTURES / "rmol_pelabuhan.txt"
ENGLISH_PAGE = FIXTURES / "en_bridge.txt"
REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


def run_cli(
    capsys: pytest.CaptureFixture[str], database: str, *arguments: str
) -> tuple[int, str, str]:
    """Run `ringkas` in process against a database and return (status, stdout, stderr)."""
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    status = main([*arguments, "--database", database], settings=settings)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def json_lines(output: str) -> list[Any]:
    """Parse one JSON value per non-empty line."""
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture
def database(tmp_path: Path) -> str:
    """A fresh SQLite file for one test."""
    return f"sqlite:///{tmp_path / 'cli.db'}"


def test_ingest_prints_the_article_object(
    capsys: pytest.CaptureFixture[str], database: str
) -> None:
    status, out, err = run_cli(capsys, database, "ingest", "--json", str(RMOL_PAGE))
    assert (status, err) == (0, "")
    [article] = json_lines(out)
    assert article["duplicate"] is False
    assert article["source"] == "rmol_pelabuhan.txt"
    assert article["headline"] == (
        "Pelabuhan Tanjung Emas Tambah Dua Dermaga untuk Kapal Kontainer Besar"
    )
    assert article["published"] == "2026-11-17T09:45:00+07:00"
    assert article["author"] == "DIMAS PRASETYO"
    assert article["category"] == "Ekonomi"
    assert article["language"] == "id"
    assert len(article["sentences"]) == 5
    assert [item["list"] for item in article["listed_headlines"]] == [
        "popular",
        "popular",
        "latest",
        "latest",
    ]
    assert article["listed_headlines"][0]["published"] == "2026-11-16T14:20:00+07:00"


def test_the_same_page_twice_is_one_article(
    capsys: pytest.CaptureFixture[str], database: str
) -> None:
    _, first_out, _ = run_cli(capsys, database, "ingest", "--json", str(RMOL_PAGE))
    _, second_out, _ = run_cli(capsys, database, "ingest", "--json", str(RMOL_PAGE))
    [first], [second] = json_lines(first_out), json_lines(second_out)
    assert second["id"] == first["id"]
    assert second["duplicate"] is True
    _, shown, _ = run_cli(capsys, database, "show", str(first["id"]), "--json")
    assert json_lines(shown)[0] == {**first, "duplicate": False}


def test_latest_and_popular_order(capsys: pytest.CaptureFixture[str], database: str) -> None:
    run_cli(capsys, database, "ingest", str(RMOL_PAGE), str(ENGLISH_PAGE))
    _, latest_out, _ = run_cli(capsys, database, "latest", "--limit", "3", "--json")
    latest = json.loads(latest_out)
    assert [row["headline"] for row in latest] == [
        "Pelabuhan Tanjung Emas Tambah Dua Dermaga untuk Kapal Kontainer Besar",
        "Wali Kota Semarang Resmikan Taman Baca di Kampung Pelangi",
        "Ribuan Pelari Ikuti Semarang Night Run 2026",
    ]
    assert latest[0]["article_id"] is not None
    assert latest[1]["article_id"] is None
    _, popular_out, _ = run_cli(capsys, database, "popular", "--json")
    popular = json.loads(popular_out)
    assert popular[0]["headline"] == "Harga Cabai Rawit di Pasar Johar Tembus Rp90 Ribu per Kilo"
    assert popular[1]["headline"] == "Banjir Rob Genangi Kawasan Kota Lama Semarang"


def test_jsonl_bulk_import(
    capsys: pytest.CaptureFixture[str], database: str, tmp_path: Path
) -> None:
    records = [
        {
            "id": f"r{number}",
            "title": f"Judul berita nomor {number}",
            "published": "2026-11-20T10:00:00+07:00",
            "text": f"Kalimat pertama berita {number} tentang pasar. Kalimat kedua menyebut "
            f"harga naik {number} persen.\n\nParagraf kedua berisi kutipan pejabat.",
        }
        for number in range(5)
    ]
    jsonl = tmp_path / "bulk.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    status, out, _ = run_cli(capsys, database, "ingest", "--jsonl", str(jsonl), "--json")
    assert status == 0
    stored = json_lines(out)
    assert [a["source"] for a in stored] == [f"r{n}" for n in range(5)]
    assert stored[2]["headline"] == "Judul berita nomor 2"
    assert stored[2]["published"] == "2026-11-20T10:00:00+07:00"
    assert len(stored[2]["sentences"]) == 3
    with sqlite3.connect(tmp_path / "cli.db") as connection:  # the index merged after import
        (segments,) = connection.execute(
            "SELECT count(DISTINCT segid) FROM passage_fts_idx"
        ).fetchone()
    assert segments == 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n\t  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("Berita dengan ejaan lama".encode("utf-16"), "binary"),
        ("Harga naik tajam sekali.".encode("latin-1") + b"\xe9\xff\xfe", "UTF-8"),
        (b"Populer\n\nSelengkapnya\n", "sentences"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(
    capsys: pytest.CaptureFixture[str], database: str, tmp_path: Path, content: bytes, reason: str
) -> None:
    page = tmp_path / "bad.txt"
    page.write_bytes(content)
    status, out, err = run_cli(capsys, database, "ingest", str(page))
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    _, latest_out, _ = run_cli(capsys, database, "latest", "--json")
    assert json.loads(latest_out) == []


def test_a_file_over_two_megabytes_is_refused(
    capsys: pytest.CaptureFixture[str], database: str, tmp_path: Path
) -> None:
    page = tmp_path / "huge.txt"
    page.write_text("Kalimat berita yang panjang sekali. " * 70_000, encoding="utf-8")
    status, _, err = run_cli(capsys, database, "ingest", str(page))
    assert status == 2
    assert "bytes" in err


def test_usage_errors_exit_two(capsys: pytest.CaptureFixture[str], database: str) -> None:
    assert run_cli(capsys, database, "show", "999")[0] == 2
    assert run_cli(capsys, database, "ingest", "missing.txt")[0] == 2
    assert run_cli(capsys, database, "ask", "  ")[0] == 2
    with pytest.raises(SystemExit) as raised:
        main(["latest", "--limit", "0"])
    assert raised.value.code == 2


def test_summarize_json_without_storing(capsys: pytest.CaptureFixture[str], database: str) -> None:
    status, out, _ = run_cli(
        capsys, database, "summarize", str(ENGLISH_PAGE), "--json", "--no-store", "--sentences", "2"
    )
    assert status == 0
    [result] = json_lines(out)
    assert result["article"]["id"] is None
    assert result["sentences_total"] == 5
    assert len(result["summary"]) == 2
    assert all(sentence in result["article"]["sentences"] for sentence in result["summary"])
    assert result["keywords"]
    _, latest_out, _ = run_cli(capsys, database, "latest", "--json")
    assert json.loads(latest_out) == []


def test_summarize_batch_keeps_order(
    capsys: pytest.CaptureFixture[str], database: str, tmp_path: Path
) -> None:
    texts = [ENGLISH_PAGE.read_text(encoding="utf-8"), RMOL_PAGE.read_text(encoding="utf-8")]
    batch = tmp_path / "in.jsonl"
    batch.write_text(
        "\n".join(json.dumps({"id": f"doc{n}", "text": t}) for n, t in enumerate(texts)),
        encoding="utf-8",
    )
    status, out, _ = run_cli(capsys, database, "summarize", "--batch", str(batch))
    assert status == 0
    results = json_lines(out)
    assert [r["id"] for r in results] == ["doc0", "doc1"]
    assert all(len(r["summary"]) == 3 and r["elapsed_ms"] >= 0 for r in results)


def test_ask_quotes_a_stored_sentence(capsys: pytest.CaptureFixture[str], database: str) -> None:
    run_cli(capsys, database, "ingest", str(RMOL_PAGE), str(ENGLISH_PAGE))
    status, out, _ = run_cli(capsys, database, "ask", "Berapa biaya pembangunan dermaga?", "--json")
    assert status == 0
    [answer] = json_lines(out)
    assert answer["kind"] == "sentence"
    assert "Rp1,2 triliun" in answer["answer"]
    assert answer["headline"].startswith("Pelabuhan Tanjung Emas")
    _, out, _ = run_cli(capsys, database, "ask", "Who won the chess olympiad in Oslo?", "--json")
    assert json_lines(out)[0]["answer"] is None


def test_entry_point_reads_stdin_and_reports_without_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'entry.db'}"}
    command = [sys.executable, "-m", "bot"]
    stored = subprocess.run(
        [*command, "ingest", "-", "--json"],
        input=RMOL_PAGE.read_bytes(),
        capture_output=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert stored.returncode == 0, stored.stderr
    assert json.loads(stored.stdout)["source"] is None
    refused = subprocess.run(
        [*command, "ingest", "-"], input=b"", capture_output=True, env=env, check=False, timeout=60
    )
    assert refused.returncode == 2
    assert b"Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1


@pytest.mark.corpus
@pytest.mark.skipif(not SHARED_DATA.exists(), reason="../shared/data is not beside the repo")
def test_eval_parsing_on_the_shared_pages(
    capsys: pytest.CaptureFixture[str], database: str
) -> None:
    status, out, _ = run_cli(
        capsys, database, "eval", "parsing", str(SHARED_DATA / "pages"), "--json"
    )
    assert status == 0
    report = json.loads(out)
    assert report["pages"] == 8
    assert all(row["matched"] == row["total"] == 8 for row in report["fields"].values())


@pytest.mark.corpus
@pytest.mark.skipif(not SHARED_DATA.exists(), reason="../shared/data is not beside the repo")
def test_seed_page_matches_its_expected_parse(
    capsys: pytest.CaptureFixture[str], database: str
) -> None:
    expected = json.loads((SHARED_DATA / "seed_expected.json").read_text(encoding="utf-8"))[0]
    seed = SHARED_DATA / expected["file"]
    _, out, _ = run_cli(capsys, database, "ingest", "--json", str(seed))
    [article] = json_lines(out)
    for field in ("language", "headline", "published", "author", "category"):
        assert article[field] == expected[field], field
    assert article["sentences"][0] == expected["body_first_sentence"]
    assert article["sentences"][-1] == expected["body_last_sentence"]
    assert len(article["sentences"]) == expected["body_sentence_count"]
    assert article["listed_headlines"] == expected["listed_headlines"]
    body = "\n".join(article["paragraphs"])
    assert not [line for line in expected["boilerplate_lines"] if line in body]


def test_bench_answers_builds_one_store_per_size(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    texts = [RMOL_PAGE.read_text(encoding="utf-8"), ENGLISH_PAGE.read_text(encoding="utf-8")]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "\n".join(json.dumps({"id": n, "text": text}) for n, text in enumerate(texts * 20)),
        encoding="utf-8",
    )
    template = f"sqlite:///{tmp_path}/bench-{{n}}.db"
    status, out, err = run_cli(
        capsys,
        template,
        "bench",
        "answers",
        "--sentences",
        "40",
        "80",
        "--corpus",
        str(corpus),
        "--questions",
        "10",
        "--no-scan",
        "--json",
    )
    assert status == 0, err
    reports = json_lines(out)
    assert len(reports) == 2
    assert (tmp_path / "bench-40.db").exists()
    assert (tmp_path / "bench-80.db").exists()


def test_bench_answers_refuses_one_store_for_several_sizes(
    capsys: pytest.CaptureFixture[str], database: str
) -> None:
    status, _, err = run_cli(
        capsys, database, "bench", "answers", "--sentences", "10", "20", "--corpus", __file__
    )
    assert status == 2
    assert "{n}" in err


def test_an_unreachable_database_is_one_line_and_exit_two(
    capsys: pytest.CaptureFixture[str],
) -> None:
    refused = "postgresql://ringkas:secret@127.0.0.1:1/nowhere"  # nothing listens on port 1
    status, _, err = run_cli(capsys, refused, "ingest", str(RMOL_PAGE))
    assert status == 2
    assert err.startswith("ringkas: cannot open the database postgresql+psycopg://ringkas:***@")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert "secret" not in err


def test_a_missing_postgresql_database_is_created(
    capsys: pytest.CaptureFixture[str], postgres_admin_engine: Engine, postgres_server_url: str
) -> None:
    name = f"ringkas_new_{uuid.uuid4().hex[:12]}"
    url = make_url(postgres_server_url).set(database=name).render_as_string(hide_password=False)
    try:
        status, _, err = run_cli(capsys, url, "ingest", str(RMOL_PAGE))
        assert (status, err) == (0, "")
        assert run_cli(capsys, url, "latest", "--json")[0] == 0
    finally:
        with postgres_admin_engine.connect().execution_options(
            isolation_level="AUTOCOMMIT"
        ) as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
