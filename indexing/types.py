"""Plain data passed between the taxonomy (service/) and the linker (indexing/)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# Called between units of work (a batch of queries, a sentence); raises to stop the work, e.g.
# when the request it serves has run out of time. The exception propagates to the caller.
Check = Callable[[], None]


def unchecked() -> None:
    """A Check that never stops the work."""


@dataclass(frozen=True)
class SkillEntry:
    """One taxonomy skill as the linker sees it. `id` is the database id (int64)."""

    id: int
    uri: str
    preferred_label: str
    alt_labels: tuple[str, ...] = ()
    hidden_labels: tuple[str, ...] = ()
    description: str = ""
    skill_type: str = ""  # ESCO: "skill/competence" | "knowledge"; O*NET: "technology"
    reuse_level: str = (
        ""  # ESCO: transversal | cross-sector | sector-specific | occupation-specific
    )
    source: str = "esco"  # "esco" | "onet"
    # a tool or a language: O*NET technology, ESCO digital knowledge (indexing.technology)
    technology: bool = False

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels a text may write it by: preferred, then alternative (not hidden)."""
        return (self.preferred_label, *self.alt_labels)


@dataclass(frozen=True)
class SkillMatch:
    """A ranked skill for a query text: `matched_label` is the label that matched best."""

    skill_id: int
    uri: str
    preferred_label: str
    score: float
    matched_label: str
    label_kind: str  # "preferred" | "alternative" | "hidden" | "description"
    source: str = "esco"


@dataclass(frozen=True)
class Evidence:
    """A span of the input text, by character offsets [start, end). The linker's (indexing
    layer); the API answers it as models.taxonomy.EvidenceOut."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ExtractedSkill:
    """A skill found in a longer text, with the spans that support it (best first)."""

    skill_id: int
    uri: str
    preferred_label: str
    score: float
    matched_label: str
    label_kind: str
    source: str
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
