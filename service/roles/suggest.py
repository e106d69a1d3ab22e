"""POST /v1/roles/suggest: the occupations ranked by how close a learner already is to each.

The learner is built as for POST /v1/gap (same evidence, trust weights, held-means-held). Every
occupation is scored at once (service/roles/matrix.py): its essential coverage with the gap's
partial credit. Only the page's occupations get the details: their essential gap from
`compute_gap`, the skills that carry the match, and the hours and cost that close the gap under
the constraints, from the planner of POST /v1/recommendations in its cheap setting (greedy, without
local search or alternatives: the hours and cost are an upper bound on the full planner's).
"""

from __future__ import annotations

import time
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
from sqlmodel import Session

from indexing.types import unchecked
from models.schemas import NOT_BLANK, STRICT, BodyCursor, blank, integer
from service.caller_limits import CallerLimits
from service.deadline import Deadline
from service.matching import Gap, GapConfig, compute_gap
from service.profiles.role import skill_labels
from service.recommend import ConstraintsIn, LearnerIn, _learner_out, learner_of
from service.repo.records import decode_cursor, encode_cursor
from service.roles import matrix as rm
from service.roles.close import to_close
from service.runtime import Runtime

NO_EVIDENCE = "learner gives no evidence: name held credentials, badges, declared skills or a text"
NO_SKILLS = "no skill of the taxonomy was found in the learner's evidence: nothing to rank"
BAD_MAJOR = (
    'isco_major takes an ISCO-08 major group, one digit 0-9 (2 or "2"), or a list of 1 to 10 '
    "of them"
)
CARRIERS = 5  # skills listed per role as carrying the match
EVIDENCE_FIELDS = ("credentials", "badges", "skills")


def _some_evidence(schema: dict[str, Any]) -> None:
    """The schema says what the validator checks: at least one kind of evidence."""
    schema["anyOf"] = [
        *({"required": [f], "properties": {f: {"minItems": 1}}} for f in EVIDENCE_FIELDS),
        {"required": ["text"], "properties": {"text": {"pattern": NOT_BLANK}}},
    ]


class SuggestLearnerIn(LearnerIn):
    """The learner, as for POST /v1/gap, with some evidence: credentials, badges, declared skills
    or a text that is not blank."""

    model_config = ConfigDict(strict=True, json_schema_extra=_some_evidence)

    @model_validator(mode="after")
    def _evidence(self) -> SuggestLearnerIn:
        if not any(getattr(self, f) for f in EVIDENCE_FIELDS) and blank(self.text):
            raise ValueError(NO_EVIDENCE)
        return self


IscoMajor = integer(0, 9) | Annotated[str, StringConstraints(pattern=r"^[0-9]$")]
Cursor = BodyCursor


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
    cursor: Cursor = None

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


def _gap_config(settings) -> GapConfig:
    return GapConfig(partial_min=settings.gap_partial_min, covered_min=settings.gap_covered_min)


def suggest(
    runtime: Runtime,
    session: Session,
    body: RolesSuggestIn,
    *,
    limits: CallerLimits | None = None,
    deadline: Deadline | None = None,
) -> dict:
    """The page of occupations closest to the learner. limits: the caller's (checked first,
    422); deadline: the work stops with TimedOut once it is cancelled."""
    lr = body.learner
    if limits is not None:
        limits.check_learner(text=lr.text, skills=len(lr.skills), badges=len(lr.badges))
    check = deadline.check if deadline is not None else unchecked
    timings: dict[str, float] = {}
    t = time.perf_counter()
    learner = learner_of(runtime, session, lr, limits=limits, check=check)
    timings["learner"] = time.perf_counter() - t
    check()
    t = time.perf_counter()
    matrix = rm.role_matrix(runtime, session)
    pairs = rm.learner_pairs(runtime, session, matrix, learner.profile)
    config = _gap_config(runtime.settings)
    order = rm.rank(matrix, rm.score(matrix, learner.profile, pairs, config), body.majors())
    timings["rank"] = time.perf_counter() - t
    t = time.perf_counter()
    offset = decode_cursor(body.cursor)
    page = order[offset : offset + body.limit].tolist()
    rev = rm.reverse_pairs(pairs)
    constraints = body.constraints.to_core()
    items = []
    for position, row in enumerate(page, start=offset + 1):
        check()
        gap, nb = _role_gap(runtime, session, matrix, row, learner.profile, rev, config)
        item = _role_item(runtime, session, matrix, row, gap, learner, position)
        item["to_close"] = to_close(
            runtime, session, gap, learner.profile, nb, constraints, deadline
        )
        items.append(item)
    timings["page"] = time.perf_counter() - t
    warnings = [] if learner.profile.skills else [{"field": "learner", "message": NO_SKILLS}]
    return {
        "total": len(order),
        "items": items,
        "next_cursor": encode_cursor(offset + body.limit)
        if len(order) > offset + body.limit
        else None,
        "learner": _learner_out(learner),
        "warnings": warnings,
        "timings_ms": {k: round(v * 1000, 2) for k, v in timings.items()},
    }


def _role_gap(runtime: Runtime, session, matrix, row, profile, rev, config) -> tuple[Gap, dict]:
    """An occupation's gap over its essential skills, and the partial credit it used."""
    essential = rm.role_profile(runtime, session, matrix, row, essential_only=True)
    nb = rm.role_neighbours(matrix, row, rev)
    return compute_gap(essential, profile, nb, config), nb


def _role_item(runtime: Runtime, session, matrix, row, gap, learner, position: int) -> dict:
    counts = {
        k: sum(1 for i in gap.items if i.status == k) for k in ("covered", "partial", "missing")
    }
    return {
        "rank": position,
        "occupation": {
            "id": int(matrix.occ_ids[row]),
            "uri": matrix.uris[row],
            "preferred_label": matrix.labels[row],
            "isco_code": matrix.isco[row],
        },
        "coverage": round(gap.coverage, 4),
        "coverage_held": round(gap.coverage_held, 4),
        "n_essential": len(gap.items),
        "n_missing_essential": counts["partial"] + counts["missing"],
        "counts": counts,
        "open_weight": round(gap.open_weight, 4),
        "carried_by": _carriers(runtime, session, gap, learner.profile),
    }


def _carriers(runtime: Runtime, session, gap, profile) -> list[dict]:
    """The essential skills that weigh most in the coverage, with the learner's evidence kinds
    of the skill that gives the credit (itself when held, else the neighbour)."""
    top = sorted(
        (it for it in gap.items if it.credit > 0), key=lambda it: (-it.weight * it.credit, it.label)
    )[:CARRIERS]
    via_ids = [it.via_skill_id for it in top if it.via_skill_id not in (None, it.skill_id)]
    labels = skill_labels(session, via_ids, runtime)
    out = []
    for it in top:
        giver = it.via_skill_id if it.via_skill_id is not None else it.skill_id
        out.append(
            {
                "skill_id": it.skill_id,
                "label": it.label,
                "weight": it.weight,
                "credit": round(it.credit, 4),
                "status": it.status,
                "held": it.held,
                "evidence_kinds": list(profile.evidence_kinds.get(giver, ())),
                "via": None
                if giver == it.skill_id
                else {"skill_id": giver, "label": labels.get(giver)},
            }
        )
    return out
