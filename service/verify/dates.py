"""Validity windows: parse the date fields of OB 2.0 / OB 3.0 / JWT and compare them with `now`.

All datetimes are made timezone-aware (UTC when the text has no offset) so that comparisons never
mix naive and aware values, which Python refuses at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from service.verify.result import EXPIRED, NOT_YET_VALID, fail, malformed


@dataclass(frozen=True)
class Window:
    """When a badge is valid: from `start` (inclusive) until `end` (exclusive); None = open."""

    start: datetime | None = None
    end: datetime | None = None


def as_utc(moment: datetime) -> datetime:
    """Aware datetime in UTC; a naive one is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def parse_datetime(value: Any, field: str) -> datetime | None:
    """Parse an ISO 8601 date or datetime field; None when absent; "malformed" when unreadable."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise malformed(f"{field} is not a date string")
    text = value.strip()
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), datetime.min.time(), tzinfo=UTC)
        return as_utc(datetime.fromisoformat(text.replace("z", "Z")))
    except ValueError as exc:
        raise malformed(f"{field} is not an ISO 8601 date: {value!r}") from exc


def from_numeric_date(value: Any, claim: str) -> datetime | None:
    """Parse a JWT NumericDate claim (seconds since the epoch); None when absent."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise malformed(f"JWT claim {claim} is not a number")
    try:
        return datetime.fromtimestamp(value, tz=UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise malformed(f"JWT claim {claim} is out of range") from exc


def check_window(window: Window, now: datetime) -> None:
    """Fail with "not_yet_valid" before the start and "expired" at or after the end."""
    now = as_utc(now)
    if window.start is not None and now < window.start:
        raise fail(NOT_YET_VALID, f"The badge is not valid before {window.start.isoformat()}.")
    if window.end is not None and now >= window.end:
        raise fail(EXPIRED, f"The badge expired on {window.end.isoformat()}.")
