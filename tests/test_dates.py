"""Dates as Indonesian and English news pages print them."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from bot.news import Published
from bot.text.dates import find_date, parse_date


def _at(year: int, month: int, day: int, hour: int, minute: int, offset: float) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=timezone(timedelta(hours=offset)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RABU, 12 JANUARI 2022 | 07:01 WIB | LAPORAN: RENI ERINA", _at(2022, 1, 12, 7, 1, 7)),
        ("Kamis, 23 Apr 2026 13:15 WIB", _at(2026, 4, 23, 13, 15, 7)),
        ("Kompas.com - 14/10/2025, 13:20 WIB", _at(2025, 10, 14, 13, 20, 7)),
        ("14/10/2025, 13:02 WIB", _at(2025, 10, 14, 13, 2, 7)),
        ("Kamis, 02 Mei 2024 | 13:53", _at(2024, 5, 2, 13, 53, 7)),
        ("JUMAT, 20 FEBRUARI 2026 | 10:30 WIT", _at(2026, 2, 20, 10, 30, 9)),
        ("SELASA, 12 AGT 2025 | 09:15 WITA", _at(2025, 8, 12, 9, 15, 8)),
        ("Jumat, 05 Des 2025 21:40 WIB", _at(2025, 12, 5, 21, 40, 7)),
        ("1 Agu 2025 08:00", _at(2025, 8, 1, 8, 0, 7)),
        ("3 ags 2025 08:00 wib", _at(2025, 8, 3, 8, 0, 7)),
        ("4 Nop 2025 | 08:00 WIB", _at(2025, 11, 4, 8, 0, 7)),
        ("9 Sept 2025 pukul 10.00 WIB", _at(2025, 9, 9, 10, 0, 7)),
        ("Senin, 6 Okt 2025", date(2025, 10, 6)),
        ("14 March 2026", date(2026, 3, 14)),
        ("27 November 2026", date(2026, 11, 27)),
        ("March 1, 2026 2:45 PM GMT+7", _at(2026, 3, 1, 14, 45, 7)),
        ("November 27, 2026 10:15 AM GMT+7", _at(2026, 11, 27, 10, 15, 7)),
        ("December 3, 2026 12:05 AM GMT", _at(2026, 12, 3, 0, 5, 0)),
        ("5 June 2026 09:30 BST", _at(2026, 6, 5, 9, 30, 1)),
        ("5 June 2026 09:30 UTC", _at(2026, 6, 5, 9, 30, 0)),
        ("2026-03-01T14:45:00+07:00", _at(2026, 3, 1, 14, 45, 7)),
        ("2026-03-01", date(2026, 3, 1)),
    ],
)
def test_parse_date(text: str, expected: Published) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Updated 1 hour ago",
        "31 Feb 2026",
        "31/02/2026, 10:00 WIB",
        "12 Januari 2026 25:61 WIB",
        "13 PM 2026",
        "kemarin sore",
    ],
)
def test_unreadable_or_impossible_dates_give_none(text: str) -> None:
    assert parse_date(text) is None


def test_time_without_zone_is_wib_and_offsets_print_in_iso() -> None:
    published = parse_date("Kamis, 02 Mei 2024 | 13:53")
    assert published is not None
    assert published.isoformat() == "2024-05-02T13:53:00+07:00"


def test_find_date_reports_where_the_date_is() -> None:
    text = "Kompas.com - 14/10/2025, 13:20 WIB"
    found = find_date(text)
    assert found is not None
    assert text[found.start : found.end] == "14/10/2025, 13:20 WIB"
