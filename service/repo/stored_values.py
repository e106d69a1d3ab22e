"""Numbers read back from the database, used only when sane. Ingest refuses NaN, Infinity and
absurd values, but a row written around it (by hand, by an older version, by another tool)
must not break the answers of everyone whose request meets it: such a value counts as unknown,
and a warning names the row."""

from __future__ import annotations

import logging
import math
from typing import Any

log = logging.getLogger("skillmatch")


def stored_number(row: Any, column: str, upper: float) -> float | None:
    """`row.<column>` when it is a number in [0, upper]; None (unknown) otherwise."""
    value = getattr(row, column)
    if value is None:
        return None
    if isinstance(value, (int, float)) and math.isfinite(value) and 0 <= value <= upper:
        return value
    table = getattr(row, "__tablename__", type(row).__name__)
    log.warning("%s %s has %s=%r: taken as unknown", table, getattr(row, "id", "?"), column, value)
    return None


def stored_weight(value: Any) -> float:
    """A stored skill weight or confidence in [0, 1] (rounded); 0 when it is not a number there."""
    if isinstance(value, (int, float)) and math.isfinite(value) and 0 <= value:
        return round(min(1.0, value), 4)
    log.warning("a stored skill weight of %r taken as 0", value)
    return 0.0
