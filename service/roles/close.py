"""What closes one occupation's essential gap, for POST /v1/roles/suggest: the planner of POST
/v1/recommendations (recommend.plan.plan_gap: options from the catalog cache, partial credit, the
one planner) in its cheap setting, greedy without local search or alternatives. The hours and
cost are those of a plan that closes the gap, an upper bound on the full planner's. The partial
credit between the gap's skills and those the options teach comes from the skill graph
(service/roles/graph.py): what `neighbours` would compute, looked up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import Session

from service.deadline import Deadline
from service.matching import Constraints, Gap, LearnerProfile, PlannerConfig
from service.recommend import answers
from service.recommend.plan import plan_gap
from service.roles.graph import between, skill_graph

if TYPE_CHECKING:
    from service.runtime import Runtime

CHEAP_PLANNER = PlannerConfig(local_search=False, alternatives=False)
PLANNER = "greedy (the planner of POST /v1/recommendations without local search or alternatives)"


def to_close(
    runtime: Runtime,
    session: Session,
    gap: Gap,
    profile: LearnerProfile,
    nb: dict,
    constraints: Constraints,
    deadline: Deadline | None = None,
) -> answers.ClosingJson | answers.ClosedJson:
    """The hours and cost of the catalog's credentials that close the essential gap under the
    constraints, the credentials in order, and what stays open."""
    if not gap.open_items:
        message = "Nothing to close: every essential skill is covered."
        cur = runtime.settings.currency
        return answers.ClosedJson(
            PLANNER, True, message, 0.0, 0.0, cur, [], round(gap.coverage, 4), [], []
        )
    graph = skill_graph(runtime, session)

    def taught(open_ids, option_skills):
        return between(graph, open_ids, option_skills)

    result = plan_gap(
        runtime, session, gap, profile, nb, constraints, deadline=deadline, config=CHEAP_PLANNER,
        option_neighbours=taught,
    )  # fmt: skip
    return answers.closing_json(PLANNER, answers.plan_json(result))
