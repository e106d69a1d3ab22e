"""Roles that fit now: a role two or more ISCO-08 skill levels above the learner's own job
scores less in POST /v1/roles/suggest (service/roles/levels.py), and its answer says how many
levels up it is."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from sqlmodel import Session

from service.profiles.learner import build_learner
from service.roles import matrix as rm
from service.roles.levels import learner_level, level_of_major, level_steps, step_factors
from service.roles.suggest import ranking


def test_skill_levels_of_the_major_groups():
    assert [level_of_major(m) for m in range(10)] == [0, 3, 4, 3, 2, 2, 2, 2, 2, 1]
    assert level_of_major(-1) == 0 and learner_level([]) == 0
    assert learner_level([9, 5]) == 2 and learner_level([5, 2]) == 4


def test_steps_and_factors_count_levels_past_the_first():
    majors = np.array([2, 3, 1, 5, 9, 0, -1])
    steps = level_steps(majors, learner=2)
    assert steps.tolist() == [2, 1, 1, 0, 0, 0, 0]
    assert level_steps(majors, learner=0).tolist() == [0] * 7  # no job named: no step
    assert level_steps(majors, learner=1).tolist() == [3, 2, 2, 1, 0, 0, 0]
    assert step_factors(np.array([0, 1, 2, 3]), 0.5).tolist() == [1.0, 1.0, 0.5, 0.25]
    assert step_factors(np.array([3]), 1.0).tolist() == [1.0]


def _job_and_learner(runtime, session):
    """A level-2 job of the mini taxonomy named in a CV line, and the learner built from it."""
    matrix = rm.role_matrix(runtime, session)
    for row in np.flatnonzero(np.isin(matrix.major, [4, 5, 6, 7, 8])).tolist():
        text = f"{matrix.labels[row].capitalize()} for six years: long shifts."
        learner = build_learner(runtime, session, text=text)
        if learner.jobs == [int(matrix.occ_ids[row])]:
            return matrix, learner
    pytest.skip("no level-2 job of the mini taxonomy is read from a CV line")


def _with_factor(runtime, factor: float):
    settings = runtime.settings.model_copy(update={"roles_level_step_factor": factor})
    return replace(runtime, settings=settings)


def test_a_role_two_levels_up_scores_less_by_the_factor(runtime):
    with Session(runtime.engine) as s:
        matrix, learner = _job_and_learner(runtime, s)
        _m, _p, plain, _o = ranking(
            _with_factor(runtime, 1.0), s, learner.profile, jobs=learner.jobs
        )
        _m, _p, lowered, order = ranking(
            _with_factor(runtime, 0.5), s, learner.profile, jobs=learner.jobs
        )
        _m, _p, none, _o = ranking(runtime, s, learner.profile)  # no job: no step
    steps = lowered.level_step
    assert (matrix.major == 2).any()
    assert steps is not None and (steps[matrix.major == 2] == 2).all()
    assert (steps[np.isin(matrix.major, [4, 5, 6, 7, 8, 9])] == 0).all()
    expect = plain.score * np.where(steps >= 2, 0.5 ** (steps - 1), 1.0)
    assert np.allclose(lowered.score, expect)
    assert (none.level_step == 0).all() and np.allclose(none.score, plain.score)
    ranked = lowered.score[order]
    assert (np.diff(ranked) <= 1e-9).all()  # the order follows the lowered score


def test_the_answer_says_how_many_levels_up_a_role_is(client, runtime):
    with Session(runtime.engine) as s:
        matrix, learner = _job_and_learner(runtime, s)
    job = matrix.labels[int(np.searchsorted(matrix.occ_ids, learner.jobs[0]))]
    r = client.post(
        "/v1/roles/suggest",
        json={"learner": {"text": f"{job.capitalize()} for six years."}, "limit": 50},
    )
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert items
    for it in items:
        major = int(it["occupation"]["isco_code"][0]) if it["occupation"]["isco_code"] else -1
        assert it["level_step"] == int(level_steps(np.array([major]), learner=2)[0])


def test_the_answer_marks_the_learners_own_job(client, runtime):
    """The job the words name is ranked as any role, and marked: where the learner stands."""
    with Session(runtime.engine) as s:
        matrix, learner = _job_and_learner(runtime, s)
    job = matrix.labels[int(np.searchsorted(matrix.occ_ids, learner.jobs[0]))]
    body = {"learner": {"text": f"{job.capitalize()} for six years."}, "limit": 50}
    items = client.post("/v1/roles/suggest", json=body).json()["items"]
    held = [it["occupation"]["id"] for it in items if it["held_job"]]
    assert held == learner.jobs  # the one job, ranked on the page, marked
    body = {"learner": {"skills": [s.uri for s in runtime.skills.values()][:3]}, "limit": 50}
    r = client.post("/v1/roles/suggest", json=body)
    assert r.status_code == 200 and not any(it["held_job"] for it in r.json()["items"])
