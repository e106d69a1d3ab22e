"""What closes one occupation's essential gap, for POST /v1/roles/suggest: the planner of POST
/v1/recommendations (recommend.plan_gap: candidates from the catalog cache, partial credit, the
one planner) in its cheap setting, greedy without local search or alternatives. The hours and
cost are those of a plan that closes the gap, an upper bound on the full planner's."""

from __future__ import annotations

from sqlmodel import Session

from service.deadline import Deadline
from service.matching import Constraints, Gap, LearnerProfile, PlannerConfig
from service.recommend import _candidate_out, _plan_out, plan_gap
from service.runtime import Runtime

CHEAP_PLANNER = PlannerConfig(local_search=False, alternatives=False)
PLANNER = "greedy (the planner of POST /v1/recommendations without local search or alternatives)"
KEPT = ("feasible", "message", "total_hours", "total_cost", "currency", "coverage_after",
        "uncoverable", "unmet")  # fmt: skip


def to_close(
    runtime: Runtime,
    session: Session,
    gap: Gap,
    profile: LearnerProfile,
    nb: dict,
    constraints: Constraints,
    deadline: Deadline | None = None,
) -> dict:
    """The hours and cost of the catalog's credentials that close the essential gap under the
    constraints, the credentials in order, and what stays open."""
    head = {"planner": PLANNER}
    if not gap.open_items:
        return head | {
            "feasible": True,
            "message": "Nothing to close: every essential skill is covered.",
            "total_hours": 0.0,
            "total_cost": 0.0,
            "currency": runtime.settings.currency,
            "credentials": [],
            "coverage_after": round(gap.coverage, 4),
            "uncoverable": [],
            "unmet": [],
        }
    result = plan_gap(
        runtime, session, gap, profile, nb, constraints, deadline=deadline, config=CHEAP_PLANNER
    )
    out = _plan_out(result)
    steps = [_candidate_out(s.candidate) for s in result.steps]
    return head | {k: out[k] for k in KEPT} | {"credentials": steps}
