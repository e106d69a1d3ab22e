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
