"""A stored credential's hours, cost and taught skills as the planner sees them.

- Hours and cost a document does not state are unknown (None), never 0 h or free. Where the
  catalog has enough credentials of the same kind that state them, an estimate is attached,
  labelled with how it was made ("estimate: median of 305 badges that state hours"); budgets
  count it or leave the credential out (Settings.plan_unknown_effort).
- Hours derived from what a document states say how: Open Badges 3.0 `creditsAvailable` at
  CREDIT_HOURS per credit, CTDL `estimatedDuration` read as full-time study
  (service/ingest/parsers/durations.py).
- The credit a credential gives for a skill weighs the link's confidence: a skill named by an
  exact id counts its stated weight; one linked from a label, its weight x the link's
  confidence; one found in the text, the link's confidence (the stored weight also folds in a
  flat discount for text, which the planner does not apply: a confident text link is not beaten
  by an exact id only because it came from text).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from service.ingest.parsers.ob3 import CREDIT_HOURS
from service.matching import Option
from service.matching.explain import num
from service.repo.stored_values import stored_weight

MIN_SAMPLE = 5  # credentials of a kind that state a value before their median is an estimate
DEMO_PREFIX = "demo:cred:"  # external ids of the generated demo catalog (data/catalog)


def is_demo(external_id: str) -> bool:
    return external_id.startswith(DEMO_PREFIX)


def hours_note(source_format: str, hours: float | None) -> str:
    """How stated hours were derived from the document ("" when stated as hours)."""
    if hours is None:
        return ""
    if source_format == "ob3":
        return f"{num(hours / CREDIT_HOURS)} credits x {num(CREDIT_HOURS)} h (creditsAvailable)"
    if source_format == "ctdl":
        return "estimatedDuration read as full-time study"
    return ""


def taught_credit(weight: object, source: str, confidence: object) -> float:
    """The planning credit of one credential skill link (see the module's docstring)."""
    conf = 1.0 if confidence is None else stored_weight(confidence)
    if source == "extracted":
        return conf
    return round(stored_weight(weight) * conf, 4)


def _plural(kind: str, n: int) -> str:
    word = kind.replace("_", " ")
    return word if n == 1 else (word[:-1] + "ies" if word.endswith("y") else word + "s")


class Estimates:
    """Medians of the stated hours and costs, per kind of credential (else over all kinds)."""

    def __init__(self, options: Sequence[Option], currency: str) -> None:
        self.currency = currency.upper()
        self.hours = self._medians([(c.kind, c.hours) for c in options if c.hours is not None])
        self.cost = self._medians(
            [
                (c.kind, c.cost)
                for c in options
                if c.cost is not None and c.currency == self.currency
            ]
        )

    @staticmethod
    def _medians(values: list[tuple[str, float]]) -> dict[str, tuple[float, int]]:
        by_kind: dict[str, list[float]] = defaultdict(list)
        for kind, v in values:
            by_kind[kind].append(v)
        out = {k: (statistics.median(vs), len(vs)) for k, vs in by_kind.items()}
        out = {k: mn for k, mn in out.items() if mn[1] >= MIN_SAMPLE}
        if len(values) >= MIN_SAMPLE:
            out["*"] = (statistics.median(v for _, v in values), len(values))
        return out

    def _pick(self, table: dict, kind: str) -> tuple[float, str] | None:
        if kind in table:
            value, n = table[kind]
            return round(value, 2), f"{n} {_plural(kind, n)}"
        if "*" in table:
            value, n = table["*"]
            return round(value, 2), f"{n} credentials"
        return None

    def apply(self, c: Option) -> Option:
        """c with estimates for its unknown hours and cost, where the catalog allows."""
        changes: dict = {}
        if c.hours is None and (h := self._pick(self.hours, c.kind)) is not None:
            changes |= dict(
                hours_estimate=h[0], hours_note=f"estimate: median of {h[1]} that state hours"
            )
        if c.cost is None and (k := self._pick(self.cost, c.kind)) is not None:
            changes |= dict(
                cost_estimate=k[0],
                currency=self.currency,
                cost_note=f"estimate: median of {k[1]} that state a price in {self.currency}",
            )
        return replace(c, **changes) if changes else c
