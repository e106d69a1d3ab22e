"""Plain data for the matching core: role and learner profiles, the skill gap, options (the
credentials a plan may choose among), constraints, and the plan. No web, database or model
types: the caller builds these from its own records and the core only computes over them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Literal

GapStatus = Literal["covered", "partial", "missing"]
# Kinds of direct evidence that a learner or candidate holds a skill. Any of them makes the skill
# held (covered in the gap, never taught by a plan); the kind sets the confidence (trust weight),
# and only the strong kinds count as evidenced: the others are the person's word.
EvidenceKind = Literal["credential", "verified_badge", "unverified_badge", "declared", "text"]
EVIDENCE_KINDS: tuple[EvidenceKind, ...] = (
    "credential",
    "verified_badge",
    "unverified_badge",
    "declared",
    "text",
)
STRONG_EVIDENCE: frozenset[str] = frozenset({"credential", "verified_badge"})
StepReason = Literal["gap", "prerequisite"]
PlanMode = Literal["greedy", "exact"]
# How a budget treats hours or a cost a credential does not state: "estimate" counts the
# caller's labelled estimate (Option.hours_estimate / cost_estimate); "exclude" leaves the
# credential out of a plan under that budget. Where there is no estimate, both exclude.
UnknownEffort = Literal["estimate", "exclude"]
# How a credential's hours or cost are known: stated (or derived from what the document states),
# an estimate (labelled, with how it was made), or unknown.
EffortState = Literal["stated", "estimate", "unknown"]
# Called between planner steps; raises to stop the planning (e.g. the request ran out of time).
Check = Callable[[], None]


def unchecked() -> None:
    """A Check that never stops the work."""


# required skill id -> {learner or credential skill id -> partial credit in 0..1}.
# The caller builds it from the ESCO hierarchy (broader/narrower) and embedding similarity.
SkillNeighbours = dict[int, dict[int, float]]


@dataclass(frozen=True)
class RequiredSkill:
    skill_id: int
    label: str
    weight: float = 1.0
    essential: bool = True


@dataclass(frozen=True)
class RoleProfile:
    """A target role and its weighted required skills.
    source: "occupation:<uri>", "posting:<id>" or "text". regulated: an occupation ESCO marks
    as a regulated profession. isco: the occupation's ISCO-08 unit group code ("" unknown)."""

    title: str
    skills: list[RequiredSkill]
    source: str = "text"
    regulated: bool = False
    isco: str = ""


@dataclass(frozen=True)
class LearnerProfile:
    """Skill id -> confidence in 0..1 (trust-weighted), and the credential ids already held.
    Every skill with a confidence above 0 is held: there is direct evidence of it, whatever its
    trust. evidence_kinds: skill id -> the kinds of that evidence (EvidenceKind), when known."""

    skills: dict[int, float] = field(default_factory=dict)
    held_credentials: AbstractSet[int] = frozenset()
    evidence_kinds: Mapping[int, tuple[str, ...]] = field(default_factory=dict)

    def holds(self, skill_id: int) -> bool:
        return self.skills.get(skill_id, 0.0) > 0.0


@dataclass(frozen=True)
class GapConfig:
    """Status of a skill the learner does not hold (credit from a neighbouring skill, or from a
    planned credential): credit >= covered_min: covered; >= partial_min: partly covered; below:
    missing. A skill the learner holds is covered whatever its credit (see compute_gap)."""

    partial_min: float = 0.5
    covered_min: float = 0.8

    def __post_init__(self) -> None:
        if not 0.0 <= self.partial_min <= self.covered_min <= 1.0:
            raise ValueError("need 0 <= partial_min <= covered_min <= 1")

    def status(self, credit: float) -> GapStatus:
        if credit >= self.covered_min:
            return "covered"
        return "partial" if credit >= self.partial_min else "missing"


@dataclass(frozen=True)
class GapItem:
    """One required skill with the learner's best credit for it and the skill that gave it.
    held: the learner has direct evidence of the skill itself (then status is "covered");
    confidence: that evidence's trust-weighted confidence (0 when not held); evidence_kinds: its
    kinds; weak: held, but on none of the strong kinds (declared, text, an unverified badge);
    note: says so in words ("declared, not evidenced"), else ""."""

    skill_id: int
    label: str
    weight: float
    essential: bool
    status: GapStatus
    credit: float
    via_skill_id: int | None = None
    held: bool = False
    confidence: float = 0.0
    evidence_kinds: tuple[str, ...] = ()
    weak: bool = False
    note: str = ""


@dataclass(frozen=True)
class Gap:
    """All required skills with their status. coverage = sum(weight*credit) / sum(weight): the
    trust-weighted share; coverage_held: the share of the weight covered (held, whatever the
    trust); missing_weight = weight of the "missing" items; open_weight = sum(weight*(1-credit))
    over the items not covered (what a plan can still close)."""

    role_title: str
    items: list[GapItem]
    coverage: float
    total_weight: float
    missing_weight: float
    open_weight: float
    config: GapConfig = GapConfig()
    role_isco: str = ""  # the role's ISCO-08 unit group, "" when unknown (RoleProfile.isco)

    @property
    def coverage_held(self) -> float:
        """Share of the role's weight that is covered: held skills (any evidence, any trust),
        skills a held near-synonym shows, and skills a neighbour covers (credit >=
        covered_min); 1.0 for a role without weight."""
        if self.total_weight <= 0:
            return 1.0
        return sum(it.weight for it in self.items if it.status == "covered") / self.total_weight

    @property
    def weak_items(self) -> list[GapItem]:
        """Held skills whose evidence is only the person's word or an unverified badge."""
        return [it for it in self.items if it.weak]

    @property
    def open_items(self) -> list[GapItem]:
        """The items a plan should close: partial and missing, in the role's order."""
        return [it for it in self.items if it.status != "covered"]


@dataclass(frozen=True)
class Option:
    """A credential the planner may choose (an option; a job seeker is a candidate:
    models.tables.Candidate). skills: skill id -> credit taught in 0..1 (the caller weighs link
    confidence in); evidence: skill id -> short text; prerequisites / is_part_of / has_part:
    external ids.

    hours / cost: as the document states them (or derives them: hours_note says how), None when
    it does not. hours_estimate / cost_estimate: the caller's estimate for an unknown value, with
    how it was made in hours_note / cost_note (see UnknownEffort)."""

    id: int
    external_id: str
    title: str
    kind: str = "badge"
    hours: float | None = 0.0
    cost: float | None = 0.0
    currency: str = "EUR"
    language: str = "en"
    level: str | None = None
    eqf_level: int | None = None
    delivery_mode: str | None = None
    issuer: str = ""
    skills: dict[int, float] = field(default_factory=dict)
    evidence: dict[int, str] = field(default_factory=dict)
    prerequisites: list[str] = field(default_factory=list)
    is_part_of: list[str] = field(default_factory=list)
    has_part: list[str] = field(default_factory=list)
    audience: tuple[str, ...] = ()  # ISCO-08 groups it is aimed at, () when it states none
    hours_estimate: float | None = None
    cost_estimate: float | None = None
    hours_note: str = ""
    cost_note: str = ""

    @property
    def hours_state(self) -> EffortState:
        return _state(self.hours, self.hours_estimate)

    @property
    def cost_state(self) -> EffortState:
        return _state(self.cost, self.cost_estimate)

    @property
    def hours_value(self) -> float:
        """Stated hours, else the estimate, else 0 (ranking only: see hours_state)."""
        return _value(self.hours, self.hours_estimate)

    @property
    def cost_value(self) -> float:
        return _value(self.cost, self.cost_estimate)


def _state(stated: float | None, estimate: float | None) -> EffortState:
    if stated is not None:
        return "stated"
    return "unknown" if estimate is None else "estimate"


def _value(stated: float | None, estimate: float | None) -> float:
    v = stated if stated is not None else estimate
    return max(0.0, float(v)) if v is not None else 0.0


@dataclass(frozen=True)
class Constraints:
    """Budgets and filters. Costs are compared as given: the caller converts to one currency.
    An option whose level / EQF level / delivery mode is unknown passes those filters only
    when allow_unknown is True. Languages match on the primary subtag ("en" matches "en-GB");
    issuers match case-insensitively."""

    max_hours: float | None = None
    max_cost: float | None = None
    levels: AbstractSet[str] | None = None
    min_eqf_level: int | None = None
    max_eqf_level: int | None = None
    languages: AbstractSet[str] | None = None
    delivery_modes: AbstractSet[str] | None = None
    include_issuers: AbstractSet[str] | None = None
    exclude_issuers: AbstractSet[str] | None = None
    allow_unknown: bool = True
    max_steps: int | None = None  # steps in the plan, prerequisites included; None: no limit


@dataclass(frozen=True)
class PlannerConfig:
    """Tuning of the planner.

    effort = hours + money_weight * cost: money_weight 0.1 means 10 currency units weigh as much
    as one hour of study. stack_bonus: relative score bonus (greedy) for progress towards completing
    a stackable program; the exact mode uses it as a strict tie-break instead.
    min_gain_per_hour: a step must add at least this much of the gap's weight per hour of study
    (with its missing prerequisites): both modes maximise gain - min_gain_per_hour x hours.
    step_overhead_hours: each step is charged this many hours on top of its own, in that
    objective and in effort (fewer, larger credentials win when they teach as much).
    optional_min_gain_per_hour: the floor of an optional step (stage 2), never below
    min_gain_per_hour.
    unknown_effort: how budgets treat hours and costs a credential does not state.
    min_focus: a credential with less of its teaching on the role (service.matching.focus)
    counts only for what no credential aimed at the role teaches as well; 0: off.
    off_role_focus: a credential with less focus than this teaches no skill only in part (it
    keeps what it teaches in full; service.matching.focus.drop_off_role); 0: off.
    aim_hours_ratio: a credential stated for other work counts for a skill only where none
    not aimed elsewhere teaches it as well within this many times its hours (service.matching.
    aim); 0: off.
    taught_min: a step's gain on a skill the plan's other steps already teach to this credit
    does not count towards its floor (stages.prune: no step only to top up); 0: off.
    fair_share: an essential step must add this share of its plan's gain per charged hour
    (service.matching.fair_share); 0: off.
    study_share: an essential step adding less than this share of its plan's gain per hour of
    study gives way to a shorter credential that teaches one of its skills as well (service.
    matching.fair_share.shorter_steps); 0: off.
    generic_weight: what a generic skill (plan(generic=...); service.profiles.generic) is
    worth in choosing steps, as a share of its weight; the plan's coverage counts it in full.
    1: off.
    """

    money_weight: float = 0.1
    stack_bonus: float = 0.02
    min_gain_per_hour: float = 0.0
    step_overhead_hours: float = 0.0
    optional_min_gain_per_hour: float = 0.0
    unknown_effort: UnknownEffort = "estimate"
    min_focus: float = 0.0
    off_role_focus: float = 0.0
    aim_hours_ratio: float = 0.0
    taught_min: float = 0.0
    fair_share: float = 0.0
    study_share: float = 0.0
    generic_weight: float = 1.0
    local_search: bool = True
    alternatives: bool = True
    max_exact_options: int = 200
    exact_time_limit_s: float = 20.0


@dataclass(frozen=True)
class Cover:
    """A gap skill a step closes: gain is the credit it adds (0..1), credit the learner's credit
    for the skill after the step; via_skill_id is the credential skill that teaches it."""

    skill_id: int
    label: str
    essential: bool
    weight: float
    gain: float
    credit: float
    status: GapStatus
    via_skill_id: int | None
    evidence: str = ""


@dataclass(frozen=True)
class Step:
    """One credential of the plan. optional: it closes no essential gap skill (added only once
    every coverable essential skill is planned). builds_on: the credentials it needs (held or
    earlier steps), then the role's skills the learner holds that it also names, as labels.
    stacks_into: the programs it is part of (external ids)."""

    option: Option
    covers: list[Cover]
    reason: StepReason
    required_by: list[str] = field(default_factory=list)  # external ids of later steps
    explanation: str = ""
    optional: bool = False
    needs: list[str] = field(default_factory=list)  # external ids of its direct prerequisites
    builds_on_skills: list[str] = field(default_factory=list)
    stacks_into: list[str] = field(default_factory=list)

    @property
    def closes(self) -> list[Cover]:
        """The essential gap skills this step covers (credit reaches covered_min); the ones it
        covers only partly are among covers."""
        return [c for c in self.covers if c.essential and c.status == "covered"]


@dataclass(frozen=True)
class Shortfall:
    """A gap skill the plan leaves open: credit after the plan and the most the catalog offers."""

    skill_id: int
    label: str
    weight: float
    essential: bool
    credit: float
    reachable: float


@dataclass(frozen=True)
class Stack:
    """A stackable program that a held or planned credential is part of."""

    program_external_id: str
    title: str
    held: int
    planned: int
    total: int
    completed: bool
    remaining: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PlanSummary:
    name: str
    external_ids: list[str]
    titles: list[str]
    total_hours: float
    total_cost: float
    coverage_after: float


@dataclass(frozen=True)
class Plan:
    """An ordered plan. uncoverable: gap skills no option teaches even via neighbours;
    unmet: gap skills the plan leaves below what the catalog could reach (budget, filters).
    feasible: the plan reaches everything the catalog can offer (unmet is empty) and the catalog
    covers something of the gap (or there is no gap)."""

    steps: list[Step]
    total_hours: float
    total_cost: float
    currency: str | None
    coverage_before: float
    coverage_after: float
    uncoverable: list[Shortfall]
    unmet: list[Shortfall]
    stacks_into: list[Stack]
    alternatives: dict[str, PlanSummary]
    feasible: bool
    message: str
    mode: PlanMode = "greedy"
    optimal: bool | None = None  # exact mode: proven optimal by the solver
    skipped: dict[str, str] = field(default_factory=dict)  # external id -> why it was left out
    # the part of total_hours / total_cost that is estimated, and the steps whose hours / cost
    # are unknown with no estimate (not in the totals)
    hours_estimated: float = 0.0
    cost_estimated: float = 0.0
    hours_unknown: list[str] = field(default_factory=list)
    cost_unknown: list[str] = field(default_factory=list)

    def summary(self, name: str = "plan") -> PlanSummary:
        return PlanSummary(
            name=name,
            external_ids=[s.option.external_id for s in self.steps],
            titles=[s.option.title for s in self.steps],
            total_hours=self.total_hours,
            total_cost=self.total_cost,
            coverage_after=self.coverage_after,
        )
