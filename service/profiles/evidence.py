"""A learner's evidence for a skill, as the service layer holds it (the API answers it as
models.matching.LearnerEvidenceOut)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Evidence:
    """Why a learner is credited with a skill: the source, its kind (an EvidenceKind: what the
    trust weight and the weak-evidence note go by) and, for text, the span. The service layer's;
    the API answers it as models.matching.LearnerEvidenceOut."""

    skill_id: int
    confidence: float
    source: str  # "credential:<id>", "badge:<external id>", "declared", "text", "text:role"
    text: str = ""
    start: int | None = None
    end: int | None = None
    link_confidence: float | None = None  # a stated name's link (indexing.stated), else None
    kind: str = ""


EvidenceMap = dict[int, list[Evidence]]


def drop_quoting(
    said: EvidenceMap, spans: list[tuple[int, int]], floor: float = float("inf")
) -> None:
    """Drop from `said` the evidence below `floor` that quotes words within any of `spans`
    (a job title's loose readings, an employer's name); a skill left with none goes."""
    if not spans:
        return
    for sid in list(said):
        kept = [e for e in said[sid] if e.confidence >= floor or not _within(e, spans)]
        if kept:
            said[sid] = kept
        else:
            del said[sid]


def _within(e: Evidence, spans: list[tuple[int, int]]) -> bool:
    if e.start is None or e.end is None:
        return False
    return any(a <= e.start and e.end <= b for a, b in spans)
