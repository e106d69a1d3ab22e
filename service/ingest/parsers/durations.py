"""ISO 8601 durations (P3M, PT40H, P2W, P1Y6M, PT90M) to study hours and to months.

A calendar duration is read as full-time study:
1 day = 8 h, 1 week = 5 days = 40 h, 1 month = 4 weeks = 160 h,
1 year = one academic year = 1,600 h (60 ECTS at ~27 h each; deliberately less than 12 x 160 h,
because a year of study has breaks). Minutes and seconds count as fractions of an hour.
Part-time offers (a few hours a week) are therefore over-estimated: the figure is an upper bound.
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
