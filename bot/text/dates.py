"""Dates as news pages print them (Indonesian and English), read into aware datetimes.

Hand-rolled regexes rather than dateparser: the formats are few and fixed, and dateparser
costs tens of milliseconds per call where these take microseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from bot.news import Published

_MONTHS: dict[str, int] = {
    **dict.fromkeys(("januari", "january", "jan"), 1),
    **dict.fromkeys(("februari", "pebruari", "february", "feb", "peb"), 2),
    **dict.fromkeys(("maret", "march", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "june", "jun"), 6),
    **dict.fromkeys(("juli", "july", "jul"), 7),
    **dict.fromkeys(("agustus", "august", "agu", "agt", "ags", "aug"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nov", "nop"), 11),
    **dict.fromkeys(("desember", "december", "des", "dec"), 12),
}
_ZONE_HOURS: dict[str, float] = {
    "WIB": 7,
    "WITA": 8,
    "WIT": 9,
    "GMT": 0,
    "UTC": 0,
    "Z": 0,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "EST": -5,
    "EDT": -4,
    "SGT": 8,
    "AEST": 10,
}
_WEEKDAYS = (
    "senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "sen|sel|rab|kam|jum|sab|min|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
)
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = rf"(?:(?:{_WEEKDAYS})\.?,?\s+)?"
_TIME = (
    r"(?:[\s,|]*(?:pukul\s+|at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?(?!\d)"
    r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?"
    r"(?:\s*(?P<zone>WITA|WIB|WIT|GMT|UTC|BST|CEST|CET|EST|EDT|SGT|AEST|Z)"
    r"(?:\s*(?P<sign>[+-])(?P<offset_hours>\d{1,2})(?::?(?P<offset_minutes>\d{2}))?)?)?)?"
)
_DAY_MONTH_YEAR = rf"(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})"
_MONTH_DAY_YEAR = rf"{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
_NUMERIC = r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})"
_ISO = r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
_ISO_TIME = (
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\.\d+)?"
    r"(?:(?P<zone>Z)|(?P<sign>[+-])(?P<offset_hours>\d{2}):?(?P<offset_minutes>\d{2}))?)?"
)
_PATTERNS = (
    *(
        re.compile(rf"\b{_WEEKDAY}{body}\b{_TIME}", re.IGNORECASE)
        for body in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC)
    ),
    re.compile(rf"\b{_ISO}{_ISO_TIME}"),
)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: where it is and what it means."""

    start: int
    end: int
    published: Published


def find_date(text: str) -> DateMatch | None:
    """Return the earliest readable date in text, or None."""
    found: list[DateMatch] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            published = _from_match(match)
            if published is not None:
                found.append(DateMatch(match.start(), match.end(), published))
                break
    return min(found, key=lambda item: (item.start, -item.end), default=None)


def parse_date(text: str) -> Published | None:
    """Return the first date in text as an aware datetime (or a bare date), else None."""
    match = find_date(text)
    return None if match is None else match.published


def _from_match(match: re.Match[str]) -> Published | None:
    """Turn one regex match into a date or datetime; None when it is impossible."""
    parts = match.groupdict()
    month_text = parts["month"].lower()
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
    try:
        day = date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None
    if parts.get("hour") is None:
        return day
    hour = _hour_24(int(parts["hour"]), parts.get("ampm"))
    minute, second = int(parts["minute"]), int(parts.get("second") or 0)
    if hour is None or minute > 59 or second > 59:
        return None
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=_zone(parts))


def _hour_24(hour: int, ampm: str | None) -> int | None:
    """Return the hour on a 24-hour clock, or None when it cannot be one."""
    if ampm is None:
        return hour if hour <= 23 else None
    if not 1 <= hour <= 12:
        return None
    return hour % 12 + (12 if ampm.lower().startswith("p") else 0)


def _zone(parts: dict[str, str | None]) -> timezone:
    """Return the fixed offset a match names; a time printed without a zone is WIB."""
    hours = _ZONE_HOURS.get((parts.get("zone") or "WIB").upper(), 7)
    if parts.get("sign"):
        sign = -1 if parts["sign"] == "-" else 1
        extra = int(parts.get("offset_hours") or 0) + int(parts.get("offset_minutes") or 0) / 60
        hours = hours + sign * extra if parts.get("zone") else sign * extra
    return timezone(timedelta(hours=hours))
