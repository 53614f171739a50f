"""Parser evaluation: parse each page of a directory and compare it with expected.json."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.news import NotAnArticle, ParsedArticle, published_iso
from bot.parsing import parse_page

Expected = Mapping[str, Any]
_SENTENCE_COUNT_TOLERANCE = 1


@dataclass(frozen=True)
class FieldRow:
    """How one field fared: pages matched out of pages checked, and which failed."""

    field: str
    matched: int
    total: int
    failed: tuple[str, ...]

    @property
    def rate(self) -> float:
        """Return the share of pages matched (1.0 for no pages)."""
        return self.matched / self.total if self.total else 1.0


@dataclass(frozen=True)
class ParsingReport:
    """Per-field results of parsing a directory of labelled pages."""

    pages: int
    rows: tuple[FieldRow, ...]
    errors: Mapping[str, str]

    def to_table(self) -> str:
        """Return the rows as a plain, aligned text table."""
        header = ("field", "matched", "rate", "failed pages")
        cells = [header] + [
            (row.field, f"{row.matched}/{row.total}", f"{row.rate:.0%}", ", ".join(row.failed))
            for row in self.rows
        ]
        widths = [max(len(cell[column]) for cell in cells) for column in range(3)]
        lines = [
            "  ".join(cell[column].ljust(widths[column]) for column in range(3)) + "  " + cell[3]
            for cell in cells
        ]
        return "\n".join(line.rstrip() for line in lines)

    def to_json(self) -> dict[str, Any]:
        """Return the report as JSON-ready data."""
        return {
            "pages": self.pages,
            "fields": {
                row.field: {"matched": row.matched, "total": row.total, "failed": list(row.failed)}
                for row in self.rows
            },
            "errors": dict(self.errors),
        }


def _listed(article: ParsedArticle) -> list[dict[str, str | None]]:
    return [
        {
            "headline": item.headline,
            "published": published_iso(item.published),
            "list": item.list_kind,
        }
        for item in article.listed_headlines
    ]


def _no_boilerplate(article: ParsedArticle, expected: Expected) -> bool:
    body = "\n".join(article.paragraphs)
    return not any(line in body for line in expected.get("boilerplate_lines") or ())


def _count_close(article: ParsedArticle, expected: Expected) -> bool:
    difference = len(article.sentences) - int(expected["body_sentence_count"])
    return abs(difference) <= _SENTENCE_COUNT_TOLERANCE


def _equals(field: str, value: Callable[[ParsedArticle], object]) -> Callable[..., bool]:
    return lambda article, expected: value(article) == expected.get(field)


_CHECKS: dict[str, Callable[[ParsedArticle, Expected], bool]] = {
    "language": _equals("language", lambda article: article.language),
    "headline": _equals("headline", lambda article: article.headline),
    "published": _equals("published", lambda article: published_iso(article.published)),
    "author": _equals("author", lambda article: article.author),
    "category": _equals("category", lambda article: article.category),
    "body_first_sentence": _equals("body_first_sentence", lambda article: article.sentences[0]),
    "body_last_sentence": _equals("body_last_sentence", lambda article: article.sentences[-1]),
    "body_sentence_count": _count_close,
    "boilerplate": _no_boilerplate,
    "listed_headlines": _equals("listed_headlines", _listed),
}


def load_expected(directory: Path) -> list[Expected]:
    """Read expected.json (or a seed_expected.json) of a directory: a list of page records."""
    path = directory / "expected.json"
    if not path.exists():
        candidates = sorted(directory.glob("*expected.json"))
        if not candidates:
            raise FileNotFoundError(f"no expected.json in {directory}")
        path = candidates[0]
    data = json.loads(path.read_text(encoding="utf-8"))
    records = data.get("pages", [data]) if isinstance(data, dict) else data
    return [record for record in records if isinstance(record, dict) and "file" in record]


def evaluate_parsing(directory: Path) -> ParsingReport:
    """Parse every page listed in DIR/expected.json and score each field against it."""
    records = load_expected(directory)
    failed: dict[str, list[str]] = {field: [] for field in _CHECKS}
    errors: dict[str, str] = {}
    for expected in records:
        name = str(expected["file"])
        try:
            article = parse_page((directory / name).read_text(encoding="utf-8"))
        except (NotAnArticle, OSError, UnicodeDecodeError) as error:
            errors[name] = str(error)
            for field in _CHECKS:
                failed[field].append(name)
            continue
        for field, check in _CHECKS.items():
            if not check(article, expected):
                failed[field].append(name)
    total = len(records)
    rows = tuple(
        FieldRow(field, total - len(names), total, tuple(names)) for field, names in failed.items()
    )
    return ParsingReport(pages=total, rows=rows, errors=errors)
