"""ISO 8601 durations (P3M, PT40H, P2W, P1Y6M, PT90M) to study hours and to months.

A calendar duration is read as full-time study:
1 day = 8 h, 1 week = 5 days = 40 h, 1 month = 4 weeks = 160 h,
1 year = one academic year = 1,600 h (60 ECTS at ~27 h each; deliberately less than 12 x 160 h,
because a year of study has breaks). Minutes and seconds count as fractions of an hour.
A part-time offer that states its weekly hours ("5-10 h/week", "five to ten hours per week")
is estimated as those hours (the midpoint of a range) times the calendar weeks of the duration
(`part_time_hours`): P9M at 7.5 h a week is 293 h, not 1,440.
"""

from __future__ import annotations

import re

from service.ingest.parsers._common import ParseError

HOURS_PER_DAY = 8.0
HOURS_PER_WEEK = 40.0
HOURS_PER_MONTH = 160.0
HOURS_PER_YEAR = 1600.0

_NUM = r"(\d+(?:[.,]\d+)?)"
_ISO = re.compile(
    rf"^P(?!$)(?:{_NUM}Y)?(?:{_NUM}M)?(?:{_NUM}W)?(?:{_NUM}D)?"
    rf"(?:T(?=\d)(?:{_NUM}H)?(?:{_NUM}M)?(?:{_NUM}S)?)?$"
)


def _parts(value: str, path: str) -> list[float]:
    if not isinstance(value, str):
        raise ParseError(path, f"expected an ISO 8601 duration string, got {type(value).__name__}")
    m = _ISO.match(value.strip().upper())
    if not m:
        raise ParseError(path, f"not an ISO 8601 duration: {value!r} (expected e.g. P3M, PT40H)")
    return [float(g.replace(",", ".")) if g else 0.0 for g in m.groups()]


def duration_hours(value: str, path: str = "$") -> float:
    """Study hours of an ISO 8601 duration under the full-time convention above."""
    y, mo, w, d, h, mi, s = _parts(value, path)
    hours = (
        y * HOURS_PER_YEAR
        + mo * HOURS_PER_MONTH
        + w * HOURS_PER_WEEK
        + d * HOURS_PER_DAY
        + h
        + mi / 60
        + s / 3600
    )
    return round(hours, 2)


def duration_months(value: str, path: str = "$") -> int:
    """Calendar months of an ISO 8601 duration (for validity / renewal periods), rounded."""
    y, mo, w, d, h, _mi, _s = _parts(value, path)
    return round(y * 12 + mo + w * 7 / 30.44 + d / 30.44 + h / 730.5)


WEEKS_PER_YEAR = 52.0
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40,
}  # fmt: skip
_N = r"(\d+(?:[.,]\d+)?|" + "|".join(_WORDS) + ")"
_WEEKLY = re.compile(
    rf"\b{_N}(?:\s*(?:-|–|to)\s*{_N})?\s*(?:h|hrs?|hours?)\b"
    r"[^.;\d]{0,40}?(?:/\s*|\bper\s+|\ba\s+|\beach\s+)(?:wk|week)\b",
    re.I,
)
MAX_WEEKLY_HOURS = 60.0  # more in a week is not a part-time statement


def _number(word: str) -> float:
    return float(_WORDS.get(word.lower(), 0) or word.replace(",", "."))


def weekly_hours(text: str | None) -> float | None:
    """Hours a week a text states ("5-10 h/week": 7.5, the midpoint), None when it states none."""
    m = _WEEKLY.search(text or "")
    if not m:
        return None
    low = _number(m.group(1))
    high = _number(m.group(2)) if m.group(2) else low
    hours = (low + high) / 2
    return hours if 0 < hours <= MAX_WEEKLY_HOURS else None


def duration_weeks(value: str, path: str = "$") -> float:
    """Calendar weeks of an ISO 8601 duration (a month is 52/12 weeks, a day 1/7)."""
    y, mo, w, d, h, mi, _s = _parts(value, path)
    return y * WEEKS_PER_YEAR + mo * WEEKS_PER_YEAR / 12 + w + d / 7 + (h + mi / 60) / 168


def part_time_hours(duration: str, text: str | None, path: str = "$") -> float | None:
    """Study hours of a duration whose text states weekly hours (weekly hours x calendar weeks);
    None when the text states none (then `duration_hours` applies)."""
    weekly = weekly_hours(text)
    if weekly is None:
        return None
    return round(weekly * duration_weeks(duration, path), 2)
