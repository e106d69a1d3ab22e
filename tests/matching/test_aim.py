"""Credentials written for the learner's kind of work first (service/matching/aim.py): a
credential whose stated audience is other work counts for a skill only where none not aimed
elsewhere teaches it as well in about the same hours, in both planning modes."""

from dataclasses import replace

import pytest

from service.matching import Constraints, plan
from service.matching.aim import option_aim, related
from tests.matching.test_planner import gap_of, ids, no_alts, option

MODES = ["greedy", "exact"]
SALON = "1431"  # the role's ISCO unit group (a beauty salon manager's)


def _gap():
    return replace(gap_of(1, 2, 3), role_isco=SALON)


def test_an_audience_is_the_roles_work_when_it_shares_its_sub_major_group():
    assert related("1431", SALON) and related("1420", SALON) and related("14", SALON)
    assert not related("2431", SALON) and not related("51", SALON)
    assert not related("1", SALON)  # a major group alone says too little


def test_aim_is_none_where_nothing_is_stated_or_the_role_is_unknown():
    opts = [
        option("here", [1], audience=("1420",)),
        option("elsewhere", [1], audience=("2431",)),
        option("mixed", [1], audience=("2431", "1439")),
        option("broad", [1], audience=("2",)),
        option("open", [1]),
    ]
    aim = option_aim(opts, SALON)
    assert aim == {"here": True, "elsewhere": False, "mixed": True, "broad": None, "open": None}
    assert set(option_aim(opts, "").values()) == {None}


def _catalog(general_hours: float = 25.0):
    # "advertising": staff management written for advertising professionals (2431);
    # "general": the same lessons for anyone, a little longer
    return [
        option("course", {1: 1.0}, 10.0),
        option("advertising", {2: 1.0, 3: 0.7}, 20.0, audience=("2431",)),
        option("general", {2: 1.0, 3: 0.7}, general_hours),
    ]


@pytest.mark.parametrize("mode", MODES)
def test_a_course_for_other_work_gives_way_to_one_for_anyone_of_about_its_hours(mode):
    gap, cat = _gap(), _catalog()
    before = plan(gap, cat, Constraints(max_hours=100), mode=mode, config=no_alts())
    assert sorted(ids(before)) == ["advertising", "course"]  # shorter: it won on hours
    cfg = no_alts(aim_hours_ratio=1.5)
    after = plan(gap, cat, Constraints(max_hours=100), mode=mode, config=cfg)
    assert sorted(ids(after)) == ["course", "general"]
    assert after.coverage_after == pytest.approx(before.coverage_after)
    assert after.skipped["advertising"].startswith("written for other work")


@pytest.mark.parametrize("mode", MODES)
def test_it_stays_when_the_other_takes_far_longer_or_the_role_is_unknown(mode):
    cfg = no_alts(aim_hours_ratio=1.5)
    far = plan(_gap(), _catalog(40.0), Constraints(max_hours=100), mode=mode, config=cfg)
    assert "advertising" in ids(far)  # 40 h is more than 1.5 x 20 h
    unknown = plan(gap_of(1, 2, 3), _catalog(), Constraints(max_hours=100), mode=mode, config=cfg)
    assert "advertising" in ids(unknown)


@pytest.mark.parametrize("mode", MODES)
def test_it_keeps_what_only_it_teaches(mode):
    cat = _catalog()
    cat[1] = option("advertising", {2: 1.0, 3: 1.0}, 20.0, audience=("2431",))
    cat[2] = option("general", {2: 1.0}, 20.0)
    cfg = no_alts(aim_hours_ratio=1.5)
    p = plan(_gap(), cat, Constraints(max_hours=100), mode=mode, config=cfg)
    step = next(s for s in p.steps if s.option.external_id == "advertising")
    assert [c.skill_id for c in step.covers] == [3]  # skill 2 went to the general course
    assert sorted(ids(p)) == ["advertising", "course", "general"]


@pytest.mark.parametrize("mode", MODES)
def test_a_step_written_for_other_work_says_so(mode):
    cfg = no_alts(aim_hours_ratio=1.5)
    far = plan(_gap(), _catalog(40.0), Constraints(max_hours=100), mode=mode, config=cfg)
    said = {s.option.external_id: s.explanation for s in far.steps}
    assert "Written for other work (its stated audience)" in said["advertising"]
    assert "other work" not in said["course"]  # open to anyone: nothing to say
    off = plan(_gap(), _catalog(40.0), Constraints(max_hours=100), mode=mode, config=no_alts())
    assert all("other work" not in s.explanation for s in off.steps)  # the rule off


@pytest.mark.parametrize("mode", MODES)
def test_a_course_for_other_work_never_gives_way_to_another_for_other_work(mode):
    cat = _catalog()
    cat[2] = replace(cat[2], audience=("5142",))
    cfg = no_alts(aim_hours_ratio=1.5)
    p = plan(_gap(), cat, Constraints(max_hours=100), mode=mode, config=cfg)
    assert sorted(ids(p)) == ["advertising", "course"]


def test_the_gap_carries_the_roles_isco_group():
    from service.matching import LearnerProfile, RequiredSkill, RoleProfile, compute_gap

    role = RoleProfile("beauty salon manager", [RequiredSkill(1, "s", 1.0, True)], isco=SALON)
    assert compute_gap(role, LearnerProfile()).role_isco == SALON
    assert gap_of(1).role_isco == ""
