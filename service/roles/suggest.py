"""POST /v1/roles/suggest: the occupations ranked by how close a learner already is to each.

The learner is built as for POST /v1/gap (same evidence, trust weights, held-means-held). Every
occupation is scored at once (service/roles/score.py over the matrix of service/roles/matrix.py):
how much of the role the learner covers and how much of the learner the role uses, with the
gap's partial credit. Only the page's occupations get the details: their gap from `compute_gap`
(the essential one for the figures, the whole role's for the skills that carry the match), and
the hours and cost that close the essential gap under the constraints, from the planner of POST
/v1/recommendations in its cheap setting (greedy, without local search or alternatives: the hours
and cost are an upper bound on the full planner's).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
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
from service.recommend.gap import gap_config, learner_of, plan_constraints
from service.repo.records import decode_cursor, encode_cursor
from service.roles import matrix as rm
from service.roles import score as rs
from service.roles.close import to_close
from service.roles.levels import learner_level, level_steps, majors_of, step_factors

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
    matrix, pairs, scores, order = ranking(
        runtime, session, learner.profile, body.majors(), jobs=learner.jobs
    )
    timings["rank"] = time.perf_counter() - t
    t = time.perf_counter()
    offset = decode_cursor(body.cursor)
    page = order[offset : offset + body.limit].tolist()
    constraints, _languages = plan_constraints(runtime, body, learner.profile)  # as a plan's
    ctx = _Page(runtime, session, matrix, learner.profile, pairs, constraints)
    items = [
        ctx.item(
            row, float(scores.score[row]), int(scores.level_step[row]), position, gaps, deadline
        )
        for position, (row, gaps) in enumerate(ctx.gaps(page, check), start=offset + 1)
    ]
    own = set(learner.jobs)
    for it in items:  # where the learner stands, not a move: a page says so
        it.held_job = it.occupation.id in own
    timings["page"] = time.perf_counter() - t
    warnings = [] if learner.profile.skills else [{"field": "learner", "message": NO_SKILLS}]
    end = offset + body.limit
    nxt = encode_cursor(end) if len(order) > end else None
    learner_json = answers.learner_json(learner, runtime.skills)
    out = ra.RolesSuggestJson(
        len(order), items, nxt, learner_json, warnings, answers.timings_ms(timings)
    )
    return answers.to_json(out)


def ranking(
    runtime: Runtime,
    session: Session,
    profile: LearnerProfile,
    majors=None,
    *,
    jobs: Sequence[int] = (),
) -> tuple[rm.RoleMatrix, dict, rs.Scores, np.ndarray]:
    """Every occupation scored for the learner, and the rows in the answer's order (those of
    the ISCO major groups `majors`, when given). jobs: the occupations the learner names as
    their own jobs; a role two or more ISCO skill levels above them scores less (levels.py)."""
    matrix = rm.role_matrix(runtime, session)
    pairs = rm.learner_pairs(runtime, session, matrix, profile)
    scores = rs.score(matrix, profile, pairs, gap_config(runtime.settings))
    steps = level_steps_of(matrix, jobs)
    factor = step_factors(steps, runtime.settings.roles_level_step_factor)
    scores = replace(scores, score=scores.score * factor, level_step=steps)
    return matrix, pairs, scores, rs.rank(matrix, scores, majors)


def level_steps_of(matrix: rm.RoleMatrix, jobs: Sequence[int]) -> np.ndarray:
    """Per row: the ISCO skill levels it lies above the learner's jobs (levels.py)."""
    rows = np.searchsorted(matrix.occ_ids, np.asarray(list(jobs), dtype=np.int64))
    rows = [int(r) for r, j in zip(rows, jobs, strict=True) if r < len(matrix.occ_ids)
            and int(matrix.occ_ids[r]) == j]  # fmt: skip
    return level_steps(matrix.major, learner_level(majors_of(matrix.major, rows)))


class _Page:
    """What the page's roles share: the matrix, the learner, the partial credit both ways."""

    def __init__(self, runtime: Runtime, session, matrix, profile, pairs, constraints) -> None:
        self.runtime, self.session, self.matrix = runtime, session, matrix
        self.profile, self.constraints = profile, constraints
        self.rev = rm.reverse_pairs(pairs)
        self.config = gap_config(runtime.settings)

    def gaps(self, rows: list[int], check) -> list[tuple[int, tuple]]:
        """Each row's gaps (`role_gaps`)."""
        out = []
        for row in rows:
            check()
            out.append((row, self.role_gaps(row)))
        return out

    def role_gaps(self, row: int) -> tuple[Gap, Gap, dict]:
        """An occupation's gap over every requirement and over its essential skills, and the
        partial credit the essential gap used."""
        role = rm.role_profile(self.runtime, self.session, self.matrix, row)
        essential = replace(role, skills=[r for r in role.skills if r.essential])
        nb = rm.role_neighbours(self.matrix, row, self.rev, essential_only=False)
        nb_ess = {r.skill_id: nb[r.skill_id] for r in essential.skills if r.skill_id in nb}
        whole = compute_gap(role, self.profile, nb, self.config)
        return whole, compute_gap(essential, self.profile, nb_ess, self.config), nb_ess

    def item(
        self, row: int, score: float, step: int, position: int, gaps, deadline
    ) -> ra.SuggestedRoleJson:
        whole, gap, nb = gaps
        rt, s, profile = self.runtime, self.session, self.profile
        carriers = _carriers(rt, s, whole, profile)
        closing = to_close(rt, s, gap, profile, nb, self.constraints, deadline)
        out = _role_item(self.matrix, row, score, gap, position, carriers, closing)
        out.level_step = step
        return out


def _role_item(
    matrix, row, score: float, gap: Gap, position: int, carriers, closing
) -> ra.SuggestedRoleJson:
    occupation = ra.OccupationJson(
        int(matrix.occ_ids[row]),
        matrix.uris[row],
        matrix.labels[row],
        matrix.isco[row],
        bool(matrix.regulated[row]),
    )
    counts = answers.gap_counts(gap.items)
    return ra.SuggestedRoleJson(
        position,
        occupation,
        round(score, 4),
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
    """The requirements (essential or optional) that weigh most in the match, weight x credit,
    with the learner's evidence kinds of the skill that gives the credit (itself when held, else
    the neighbour)."""
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
    credit = round(it.credit, 4)
    return ra.CarrierJson(
        it.skill_id, it.label, it.weight, it.essential, credit, it.status, it.held, kinds, via
    )
