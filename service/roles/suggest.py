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
from typing import TYPE_CHECKING

import numpy as np
from sqlmodel import Session

from indexing.types import unchecked
from models.roles import RolesSuggestIn
from service.caller_limits import CallerLimits
from service.deadline import Deadline
from service.matching import Gap, GapItem, LearnerProfile, compute_gap
from service.profiles.role import skill_labels
from service.recommend import answers
from service.recommend import ranking_answers as ra
from service.recommend.gap import gap_config, learner_of
from service.recommend.plan import constraints_of
from service.repo.records import decode_cursor, encode_cursor
from service.roles import matrix as rm
from service.roles import score as rs
from service.roles.close import to_close

if TYPE_CHECKING:
    from service.runtime import Runtime

NO_SKILLS = "no skill of the taxonomy was found in the learner's evidence: nothing to rank"
CARRIERS = 5  # skills listed per role as carrying the match


def suggest(
    runtime: Runtime,
    session: Session,
    body: RolesSuggestIn,
    *,
    limits: CallerLimits | None = None,
    deadline: Deadline | None = None,
) -> dict:
    """The page of occupations closest to the learner, as JSON data. limits: the caller's
    (checked first, 422); deadline: the work stops with TimedOut once it is cancelled."""
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
    config = gap_config(runtime.settings)
    matrix, pairs, _scores, order = ranking(runtime, session, learner.profile, body.majors())
    timings["rank"] = time.perf_counter() - t
    t = time.perf_counter()
    offset = decode_cursor(body.cursor)
    page = order[offset : offset + body.limit].tolist()
    rev = rm.reverse_pairs(pairs)
    constraints = constraints_of(body.constraints)
    items = []
    for position, row in enumerate(page, start=offset + 1):
        check()
        gap, nb = _role_gap(runtime, session, matrix, row, learner.profile, rev, config)
        carriers = _carriers(runtime, session, gap, learner.profile)
        closing = to_close(runtime, session, gap, learner.profile, nb, constraints, deadline)
        items.append(_role_item(matrix, row, gap, position, carriers, closing))
    timings["page"] = time.perf_counter() - t
    warnings = [] if learner.profile.skills else [{"field": "learner", "message": NO_SKILLS}]
    end = offset + body.limit
    nxt = encode_cursor(end) if len(order) > end else None
    learner_json = answers.learner_json(learner)
    out = ra.RolesSuggestJson(
        len(order), items, nxt, learner_json, warnings, answers.timings_ms(timings)
    )
    return answers.to_json(out)


def ranking(
    runtime: Runtime, session: Session, profile: LearnerProfile, majors=None
) -> tuple[rm.RoleMatrix, dict, rs.Scores, np.ndarray]:
    """Every occupation scored for the learner, and the rows in the answer's order (those of
    the ISCO major groups `majors`, when given)."""
    matrix = rm.role_matrix(runtime, session)
    pairs = rm.learner_pairs(runtime, session, matrix, profile)
    scores = rs.score(matrix, profile, pairs, gap_config(runtime.settings))
    return matrix, pairs, scores, rs.rank(matrix, scores, majors)


def _role_gap(runtime: Runtime, session, matrix, row, profile, rev, config) -> tuple[Gap, dict]:
    """An occupation's gap over its essential skills, and the partial credit it used."""
    essential = rm.role_profile(runtime, session, matrix, row, essential_only=True)
    nb = rm.role_neighbours(matrix, row, rev)
    return compute_gap(essential, profile, nb, config), nb


def _role_item(matrix, row, gap: Gap, position: int, carriers, closing) -> ra.SuggestedRoleJson:
    occupation = ra.OccupationJson(
        int(matrix.occ_ids[row]), matrix.uris[row], matrix.labels[row], matrix.isco[row]
    )
    counts = answers.gap_counts(gap.items)
    return ra.SuggestedRoleJson(
        position,
        occupation,
        round(gap.coverage, 4),
        round(gap.coverage_held, 4),
        len(gap.items),
        counts.partial + counts.missing,
        counts,
        round(gap.open_weight, 4),
        carriers,
        closing,
    )


def _carriers(runtime: Runtime, session, gap: Gap, profile: LearnerProfile) -> list[ra.CarrierJson]:
    """The essential skills that weigh most in the coverage, with the learner's evidence kinds
    of the skill that gives the credit (itself when held, else the neighbour)."""
    top = sorted(
        (it for it in gap.items if it.credit > 0), key=lambda it: (-it.weight * it.credit, it.label)
    )[:CARRIERS]
    via_ids = [it.via_skill_id for it in top if it.via_skill_id not in (None, it.skill_id)]
    labels = skill_labels(session, via_ids, runtime)
    return [_carrier(it, profile, labels) for it in top]


def _carrier(it: GapItem, profile: LearnerProfile, labels: dict[int, str]) -> ra.CarrierJson:
    giver = it.via_skill_id if it.via_skill_id is not None else it.skill_id
    via = None if giver == it.skill_id else ra.SkillRefJson(giver, labels.get(giver))
    kinds = list(profile.evidence_kinds.get(giver, ()))
    return ra.CarrierJson(
        it.skill_id, it.label, it.weight, round(it.credit, 4), it.status, it.held, kinds, via
    )
