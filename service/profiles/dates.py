"""A CV's dates are no skills: "(2020 - present)" read *present reports*, *promote ideas,
products, services* and *present exhibition*. `without_dates` blanks the word that ends a date
range ("present", "current", "now", "date", "today") after a year or a month, with spaces of
the same length, so what is read elsewhere keeps its place in the text."""

from __future__ import annotations

import re

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_OPEN_END = re.compile(
    rf"(?:\b(?:19|20)\d\d|\b{_MONTH})\s*(?:-|–|—|to|until|till)\s*"
    r"(present|current|now|date|today)\b",
    re.I,
)


def without_dates(text: str) -> str:
    """`text` with the open end of each date range blanked (module docstring)."""
    return _OPEN_END.sub(
        lambda m: m.group()[: m.start(1) - m.start()] + " " * len(m.group(1)), text
    )
