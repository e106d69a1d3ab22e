"""POST /v1/roles/suggest: the learner (with some evidence) and the occupations ranked by how
close the learner is to each (reach and precision), with what closes each essential gap."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)

from models.common import NOT_BLANK, STRICT, BodyCursor, WarningOut, blank, integer
from models.matching import (
    COVERAGE,
    COVERAGE_HELD,
    CREDIT,
    HELD,
    ConstraintsIn,
    EvidenceKind,
    GapCountsOut,
    GapStatus,
    LearnerIn,
    LearnerOut,
    PlanCredentialOut,
    ShortfallOut,
    SkillRefLabelOut,
)

NO_EVIDENCE = (
    "learner gives no evidence: name held credentials, badges, declared skills, jobs or a text"
)
BAD_MAJOR = (
    'isco_major takes an ISCO-08 major group, one digit 0-9 (2 or "2"), or a list of 1 to 10 '
    "of them"
)
EVIDENCE_FIELDS = ("credentials", "credential_refs", "badges", "skills", "jobs")


def _some_evidence(schema: dict[str, Any]) -> None:
    """The schema says what the validator checks: at least one kind of evidence."""
    schema["anyOf"] = [
        *({"required": [f], "properties": {f: {"minItems": 1}}} for f in EVIDENCE_FIELDS),
        {"required": ["text"], "properties": {"text": {"pattern": NOT_BLANK}}},
    ]


class SuggestLearnerIn(LearnerIn):
    """The learner, as for POST /v1/gap, with some evidence: credentials, badges, declared skills,
    jobs held or a text that is not blank."""

    model_config = ConfigDict(strict=True, json_schema_extra=_some_evidence)

    @model_validator(mode="after")
    def _evidence(self) -> SuggestLearnerIn:
        if not any(getattr(self, f) for f in EVIDENCE_FIELDS) and blank(self.text):
            raise ValueError(NO_EVIDENCE)
        return self


IscoMajor = integer(0, 9) | Annotated[str, StringConstraints(pattern=r"^[0-9]$")]


class RolesSuggestIn(BaseModel):
    model_config = STRICT

    learner: SuggestLearnerIn
    constraints: ConstraintsIn = Field(
        default_factory=ConstraintsIn, description="of the plans that close each role's gap"
    )
    isco_major: (
        IscoMajor | Annotated[list[IscoMajor], Field(min_length=1, max_length=10)] | None
    ) = Field(
        default=None,
        description="only occupations of these ISCO-08 major groups (the code's first "
        'digit, 0-9): one, as 2 or "2", or a list',
    )
    limit: integer(1, 50) = 10
    cursor: BodyCursor = None

    @field_validator("isco_major", mode="wrap")
    @classmethod
    def _one_message(cls, value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        """One clear error for the field, not one per member of its union."""
        try:
            return handler(value)
        except ValidationError as exc:
            raise ValueError(BAD_MAJOR) from exc

    def majors(self) -> set[int] | None:
        if self.isco_major is None:
            return None
        given = self.isco_major if isinstance(self.isco_major, list) else [self.isco_major]
        return {int(m) for m in given}


# ---------------------------------------------------------------------------------------------
# the answer


class SuggestedOccupationOut(BaseModel):
    id: int
    uri: str
    preferred_label: str
    isco_code: str
    regulated: bool = Field(default=False, description="a regulated profession (ESCO)")


class CarrierSkillOut(BaseModel):
    skill_id: int
    label: str
    weight: float
    essential: bool = Field(description="essential to the occupation, else optional")
    credit: float = Field(description=CREDIT)
    status: GapStatus
    held: bool = Field(description=HELD)
    evidence_kinds: list[EvidenceKind] = Field(
        description="the kinds of the learner's evidence of the skill that gives the credit"
    )
    via: SkillRefLabelOut | None = Field(
        default=None, description="the held skill that gives the credit, when another one"
    )


class RoleClosingOut(BaseModel):
    planner: str = Field(description="how the hours and cost were found")
    feasible: bool
    message: str
    total_hours: float
    total_cost: float
    currency: str | None = None
    credentials: list[PlanCredentialOut] = Field(description="the plan's credentials, in order")
    coverage_after: float = Field(description="essential coverage after the plan")
    uncoverable: list[ShortfallOut] = Field(
        description="essential skills the catalog does not teach, even in part"
    )
    unmet: list[ShortfallOut] = Field(description="essential skills the constraints leave open")


class SuggestedRoleOut(BaseModel):
    rank: int
    occupation: SuggestedOccupationOut
    score: float = Field(
        description="the order: sqrt(reach x precision), reach the trust-weighted coverage of "
        "every requirement (essential and optional at their weights) shrunk for a small role, "
        "precision the share of the learner's skills the occupation requires, weighed by "
        "confidence and specificity; ties by coverage"
    )
    coverage: float = Field(description=COVERAGE + ", over the essential skills")
    coverage_held: float = Field(description=COVERAGE_HELD + ", over the essential skills")
    n_essential: int
    n_missing_essential: int = Field(description="essential skills not covered: the gap's size")
    counts: GapCountsOut = Field(description="the essential skills by status")
    open_weight: float = Field(description="sum(weight x (1 - credit)) of those not covered")
    carried_by: list[CarrierSkillOut] = Field(
        description="the requirements (essential or optional) that weigh most in the match: "
        "weight x credit, heaviest first"
    )
    to_close: RoleClosingOut
    level_step: int = Field(
        default=0,
        description="ISCO-08 skill levels the role lies above the job the learner's words name "
        "(0: not above, or no job named); from 2 the role usually needs a higher qualification "
        "and its score is lowered",
    )
    held_job: bool = Field(
        default=False,
        description="the learner's own job (read from learner.text or sent as learner.jobs): "
        "ranked as any role, it says where the learner stands, not a move",
    )


class RolesSuggestOut(BaseModel):
    total: int = Field(description="occupations with a score above 0 (and the filter)")
    items: list[SuggestedRoleOut]
    next_cursor: str | None = None
    learner: LearnerOut
    warnings: list[WarningOut]
    timings_ms: dict[str, float]
