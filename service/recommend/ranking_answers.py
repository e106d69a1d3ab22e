"""The JSON answers that rank: candidates for an opening and openings for a candidate (the
employer's, models.employer), and the roles suggested to a learner (models.roles). Typed objects
turned into JSON data by answers.to_json, as the answers of recommend and gap are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from service.matching import Gap, GapItem
from service.recommend.answers import (
    ABSENT,
    ClosedJson,
    ClosingJson,
    EssentialPlanJson,
    GapCountsJson,
    LearnerJson,
)

# ---------------------------------------------------------------------------------------------
# a person's match with a role: the employer's rankings


@dataclass(slots=True)
class SkillRefJson:
    skill_id: int
    label: str | None


@dataclass(slots=True)
class MatchedSkillJson:
    skill_id: int
    label: str
    weight: float
    essential: bool
    status: str
    credit: float
    via: SkillRefJson | None
    evidence: list[dict]
    held: bool
    confidence: float
    evidence_kinds: list[str]
    weak: bool
    note: str


@dataclass(slots=True)
class MissingSkillJson:
    skill_id: int
    label: str
    status: str
    credit: float


@dataclass(slots=True)
class MatchDetailJson:
    """plan: ABSENT when not asked for; None when nothing is missing."""

    coverage: float
    coverage_held: float
    matched: list[MatchedSkillJson]
    missing_essential: list[MissingSkillJson]
    plan: EssentialPlanJson | None | Any = ABSENT
    summary: str | Any = ABSENT


def _via(it: GapItem, labels: dict[int, str]) -> SkillRefJson | None:
    if it.via_skill_id in (None, it.skill_id):
        return None
    return SkillRefJson(it.via_skill_id, labels.get(it.via_skill_id))


def matched_skill_json(
    it: GapItem, labels: dict[int, str], evidence: list[dict]
) -> MatchedSkillJson:
    """A required skill the person gets credit for. labels: of the skills giving credit;
    evidence: of the skill that gives it, best first (3 at most are shown)."""
    return MatchedSkillJson(
        it.skill_id,
        it.label,
        it.weight,
        it.essential,
        it.status,
        round(it.credit, 4),
        _via(it, labels),
        evidence[:3],
        it.held,
        round(it.confidence, 4),
        list(it.evidence_kinds),
        it.weak,
        it.note,
    )


def match_detail_json(gap: Gap, labels: dict[int, str], evidence_of) -> MatchDetailJson:
    """Matched skills (credit, or held) and the missing essentials. evidence_of(skill id): the
    evidence of the skill, best first."""
    matched = [
        matched_skill_json(it, labels, evidence_of(it.via_skill_id))
        for it in gap.items
        if it.credit > 0 or it.held
    ]
    missing = [
        MissingSkillJson(it.skill_id, it.label, it.status, round(it.credit, 4))
        for it in gap.items
        if it.essential and it.status != "covered"
    ]
    return MatchDetailJson(round(gap.coverage, 4), round(gap.coverage_held, 4), matched, missing)


@dataclass(slots=True)
class NamedJson:
    id: int
    name: str | None


@dataclass(slots=True)
class OpeningRefJson:
    id: int
    title: str
    n_skills: int


@dataclass(slots=True)
class OpeningJson:
    id: int
    external_id: str
    title: str
    employer: str | None
    private: bool


@dataclass(slots=True)
class RankedCandidateJson:
    rank: int
    candidate: NamedJson
    coverage: float
    coverage_held: float
    matched: list[MatchedSkillJson]
    missing_essential: list[MissingSkillJson]
    plan: EssentialPlanJson | None | Any = ABSENT
    summary: str | Any = ABSENT


@dataclass(slots=True)
class RankedOpeningJson:
    rank: int
    opening: OpeningJson
    coverage: float
    coverage_held: float
    matched: list[MatchedSkillJson]
    missing_essential: list[MissingSkillJson]
    plan: EssentialPlanJson | None | Any = ABSENT
    summary: str | Any = ABSENT


def _detail(d: MatchDetailJson) -> tuple:
    return d.coverage, d.coverage_held, d.matched, d.missing_essential, d.plan, d.summary


def ranked_candidate_json(rank: int, who: NamedJson, d: MatchDetailJson) -> RankedCandidateJson:
    return RankedCandidateJson(rank, who, *_detail(d))


def ranked_opening_json(rank: int, opening: OpeningJson, d: MatchDetailJson) -> RankedOpeningJson:
    return RankedOpeningJson(rank, opening, *_detail(d))


@dataclass(slots=True)
class CandidatesForOpeningJson:
    opening: OpeningRefJson
    total: int
    items: list[RankedCandidateJson]
    next_cursor: str | None


@dataclass(slots=True)
class OpeningsForCandidateJson:
    candidate: NamedJson
    total: int
    items: list[RankedOpeningJson]
    next_cursor: str | None


# ---------------------------------------------------------------------------------------------
# roles suggested to a learner


@dataclass(slots=True)
class OccupationJson:
    id: int
    uri: str
    preferred_label: str
    isco_code: str
    regulated: bool


@dataclass(slots=True)
class CarrierJson:
    skill_id: int
    label: str
    weight: float
    essential: bool
    credit: float
    status: str
    held: bool
    evidence_kinds: list[str]
    via: SkillRefJson | None


@dataclass(slots=True)
class SuggestedRoleJson:
    rank: int
    occupation: OccupationJson
    score: float
    coverage: float
    coverage_held: float
    n_essential: int
    n_missing_essential: int
    counts: GapCountsJson
    open_weight: float
    carried_by: list[CarrierJson]
    to_close: ClosingJson | ClosedJson
    level_step: int = 0
    held_job: bool = False  # the learner's own job (read from their words or sent)


@dataclass(slots=True)
class RolesSuggestJson:
    total: int
    items: list[SuggestedRoleJson]
    next_cursor: str | None
    learner: LearnerJson
    warnings: list[dict]
    timings_ms: dict[str, float]
