"""The page parser on the shared sample pages, on our own fixture pages and on bad input."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from bot.evaluation.parsing import evaluate_parsing, load_expected
from bot.news import NotAnArticle, ParsedArticle, published_iso
from bot.parsing import parse_body, parse_page
from bot.parsing_lines import byline_author, classify_line, looks_like_headline
from bot.text.sentences import split_sentences

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURE_PAGES = REPO_ROOT / "tests" / "fixtures" / "pages"
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
NEEDS_SHARED = pytest.mark.skipif(
    not (SHARED_DATA / "pages" / "expected.json").exists(),
    reason=f"shared sample data not found at {SHARED_DATA}",
)


def _records(directory: Path) -> list[tuple[Path, dict[str, Any]]]:
    if not (directory / "expected.json").exists():
        return []
    return [(directory / str(record["file"]), dict(record)) for record in load_expected(directory)]


def _shared_records() -> list[tuple[Path, dict[str, Any]]]:
    if not (SHARED_DATA / "seed_expected.json").exists():
        return []
    seed = json.loads((SHARED_DATA / "seed_expected.json").read_text(encoding="utf-8"))
    seed_records = [(SHARED_DATA / record["file"], record) for record in seed]
    return _records(SHARED_DATA / "pages") + seed_records


def _listed(article: ParsedArticle) -> list[dict[str, str | None]]:
    return [
        {
            "headline": item.headline,
            "published": published_iso(item.published),
            "list": item.list_kind,
        }
        for item in article.listed_headlines
    ]


def _assert_matches(path: Path, expected: dict[str, Any]) -> None:
    article = parse_page(path.read_text(encoding="utf-8"))
    assert article.language == expected["language"]
    assert article.headline == expected["headline"]
    assert published_iso(article.published) == expected["published"]
    assert article.author == expected["author"]
    assert article.category == expected["category"]
    assert article.sentences[0] == expected["body_first_sentence"]
    assert article.sentences[-1] == expected["body_last_sentence"]
    assert len(article.sentences) == expected["body_sentence_count"]
    body = "\n".join(article.paragraphs)
    assert [line for line in expected["boilerplate_lines"] if line in body] == []
    assert _listed(article) == expected["listed_headlines"]


@pytest.mark.parametrize(
    ("path", "expected"), _records(FIXTURE_PAGES), ids=lambda value: getattr(value, "name", "")
)
def test_fixture_pages_parse_as_labelled(path: Path, expected: dict[str, Any]) -> None:
    _assert_matches(path, expected)


@pytest.mark.corpus
@NEEDS_SHARED
@pytest.mark.parametrize(
    ("path", "expected"), _shared_records(), ids=lambda value: getattr(value, "name", "")
)
def test_shared_pages_parse_as_labelled(path: Path, expected: dict[str, Any]) -> None:
    _assert_matches(path, expected)


def _fixture(name: str) -> ParsedArticle:
    return parse_page((FIXTURE_PAGES / name).read_text(encoding="utf-8"))


def test_site_comes_from_brand_lines_or_url() -> None:
    assert _fixture("02_detik_timnas-futsal.txt").site == "detik.com"
    assert _fixture("03_kompas_jalur-sepeda-bandung.txt").site == "kompas.com"
    assert _fixture("06_bare_en_library-robot.txt").site is None
    page = (FIXTURE_PAGES / "06_bare_en_library-robot.txt").read_text(encoding="utf-8")
    article = parse_page(page, url="https://www.example.co.uk/news/robots")
    assert article.site == "example.co.uk"
    assert article.url == "https://www.example.co.uk/news/robots"


def test_boilerplate_lines_are_kept_aside() -> None:
    article = _fixture("02_detik_timnas-futsal.txt")
    assert "SCROLL TO CONTINUE WITH CONTENT" in article.boilerplate_lines
    assert "(rin/mod)" in article.boilerplate_lines
    assert article.headline not in article.boilerplate_lines


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n \t ",
        "Accept All\n\nCookie Settings",
        "We use cookies to improve your experience. Accept all cookies or manage settings.",
        "We use cookies\n\nWe use some essential cookies to make this service work.\n\n"
        "Accept analytics cookies\n\nReject analytics cookies\n\nView cookies",
        "Populer\n\nHarga Cabai Naik di Pasar Induk\n\nKamis, 02 Mei 2024 | 13:53\n\n"
        "Banjir Rendam Dua Desa\n\nKamis, 02 Mei 2024 | 12:10",
        "Home\n\nNews\n\nSport\n\nWeather",
        "Baca juga: Harga Cabai Naik di Pasar Induk",
    ],
)
def test_pages_without_an_article_are_refused(text: str) -> None:
    with pytest.raises(NotAnArticle) as refused:
        parse_page(text)
    assert 0 < len(str(refused.value)) < 200


def test_parse_body_splits_on_blank_lines_and_drops_furniture() -> None:
    text = (
        "Paragraf pertama di sini. Masih paragraf pertama.\n\n"
        "SCROLL TO CONTINUE WITH CONTENT\n\n"
        "Baca juga: Judul Berita Lain yang Menarik\n\n"
        "Paragraf kedua\nyang terbungkus baris."
    )
    article = parse_body(text, headline="Judul", language="id")
    assert article.headline == "Judul"
    assert article.paragraphs == (
        "Paragraf pertama di sini. Masih paragraf pertama.",
        "Paragraf kedua\nyang terbungkus baris.",
    )
    assert len(article.sentences) == 3
    assert [item.headline for item in article.listed_headlines] == [
        "Judul Berita Lain yang Menarik"
    ]


def test_parse_body_uses_single_newlines_when_there_are_no_blank_lines() -> None:
    article = parse_body("The first line is here.\nThe second line follows.")
    assert article.paragraphs == ("The first line is here.", "The second line follows.")
    assert article.language == "en"


def test_parse_body_refuses_empty_text() -> None:
    with pytest.raises(NotAnArticle):
        parse_body(" \n ")


def test_sentences_are_the_split_paragraphs_and_verbatim() -> None:
    for path in sorted(FIXTURE_PAGES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = parse_page(text)
        assert article.sentences == tuple(
            sentence for paragraph in article.paragraphs for sentence in split_sentences(paragraph)
        )
        assert all(sentence in text for sentence in article.sentences)


def test_evaluate_parsing_scores_every_field_on_the_fixtures() -> None:
    report = evaluate_parsing(FIXTURE_PAGES)
    pages = len(load_expected(FIXTURE_PAGES))
    assert report.pages == pages >= 12
    assert all(row.matched == row.total == pages for row in report.rows), report.to_table()
    table = report.to_table()
    assert table.splitlines()[0].split()[:3] == ["field", "matched", "rate"]
    assert "listed_headlines" in table
    data = report.to_json()
    assert data["fields"]["headline"] == {"matched": pages, "total": pages, "failed": []}
    json.dumps(data)


def test_evaluate_parsing_reports_failures_and_errors(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Judul Berita Hari Ini\n\nIsi berita singkat di sini.")
    (tmp_path / "empty.txt").write_text("")
    expected: list[dict[str, Any]] = [
        {
            "file": "good.txt",
            "language": "id",
            "headline": "Judul Lain",
            "published": None,
            "author": None,
            "category": None,
            "body_first_sentence": "Isi berita singkat di sini.",
            "body_last_sentence": "Isi berita singkat di sini.",
            "body_sentence_count": 1,
            "boilerplate_lines": [],
            "listed_headlines": [],
        },
        {
            "file": "empty.txt",
            "language": "id",
            "headline": None,
            "published": None,
            "author": None,
            "category": None,
            "body_first_sentence": "",
            "body_last_sentence": "",
            "body_sentence_count": 0,
            "boilerplate_lines": [],
            "listed_headlines": [],
        },
    ]
    (tmp_path / "seed_expected.json").write_text(json.dumps(expected))
    report = evaluate_parsing(tmp_path)
    rows = {row.field: row for row in report.rows}
    assert rows["headline"].failed == ("good.txt", "empty.txt")
    assert rows["language"].matched == 1
    assert "empty.txt" in report.errors


@NEEDS_SHARED
@pytest.mark.corpus
def test_evaluate_parsing_on_the_shared_pages_is_perfect() -> None:
    report = evaluate_parsing(SHARED_DATA / "pages")
    assert all(row.matched == row.total for row in report.rows), report.to_table()


def test_parsing_a_ten_kilobyte_page_is_fast() -> None:
    page = (FIXTURE_PAGES / "04_en_portal_coral-reef.txt").read_text(encoding="utf-8")
    body = "\n\n".join(["The reef survived another warm summer, divers said on Friday."] * 150)
    text = page.replace("Read more", body + "\n\nRead more")
    assert len(text.encode()) > 10_000
    parse_page(text)
    started = time.perf_counter()
    for _ in range(20):
        parse_page(text)
    per_page_ms = (time.perf_counter() - started) / 20 * 1000
    assert per_page_ms < 25  # generous for slow CI; about 3 ms on a laptop


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Harga Cabai Rawit di Pasar Induk Kramat Jati Tembus Rp95.000/Kg", "short"),
        ("Tarif Parkir Naik Jadi Rp5.000/Jam", "short"),
        ("Petugas memadamkan api di Kecamatan Liang Anggang, Banjarbaru/Net", "boilerplate"),
        ("Warga antre minyak goreng di Pasar Senen/RMOL", "boilerplate"),
    ],
)
def test_a_rate_ending_a_headline_is_no_photo_credit(line: str, kind: str) -> None:
    assert classify_line(line).kind == kind


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Penulis: Kontributor Pekalongan, Tri Wahyuningsih | Editor: Bambang", "Tri Wahyuningsih"),
        ("Penulis: Ahmad Faisal | Editor: Dewi", "Ahmad Faisal"),
        ("By Oliver Grant, Transport correspondent", "Oliver Grant"),
    ],
)
def test_a_bylines_role_is_not_the_authors_name(line: str, author: str) -> None:
    assert byline_author(line) == author


def test_a_listed_headline_may_close_on_a_clock_time() -> None:
    assert looks_like_headline("Seoul to cap cram school hours for primary pupils at 10 p.m.")
    assert not looks_like_headline("The meeting ended late.")


def test_a_regional_section_joined_by_an_ampersand_is_the_category() -> None:
    page = "\n\n".join(
        [
            "Home",
            "News",
            "NE Scotland, Orkney & Shetland",
            "Norovirus outbreak closes six wards at Aberdeen hospital",
            "2 February 2026",
            "By Fiona MacLeod, Health reporter",
            "Six wards at Aberdeen Royal Infirmary have been closed to new admissions after an "
            "outbreak of norovirus.",
            "Visitors have been asked to stay away unless their visit is essential.",
        ]
    )
    assert parse_page(page).category == "NE Scotland, Orkney & Shetland"
