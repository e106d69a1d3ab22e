"""Credentials aimed at the role first (service/matching/focus.py): an off-focus credential
counts only for what no more focused credential that fits the limits teaches as well, in both
planning modes; its focus is the share of its teaching the role uses."""

import pytest

from service.matching import Constraints, plan
from service.matching.focus import option_focus
from tests.matching.test_planner import gap_of, ids, no_alts, option

MODES = ["greedy", "exact"]
ROLE = (1, 2, 3)  # the role's skills; 90+ are other work's


def test_focus_is_the_share_of_teaching_the_role_uses():
    gap = gap_of(*ROLE)
    opts = [
        option("aimed", {1: 1.0, 2: 1.0}),
        option("half", {1: 1.0, 91: 1.0}),
        option("weighted", {1: 0.5, 91: 1.0, 92: 0.5}),  # 0.5 of 2.0
        option("near", {94: 1.0, 95: 1.0}),
        option("none", {91: 1.0}),
        option("empty", {}),
    ]
    nb = {2: {94: 0.6}, 99: {95: 1.0}}  # 99 is no skill of the role: it does not count
    f = option_focus(gap, opts, nb)
    assert f["aimed"] == 1.0 and f["half"] == 0.5 and f["weighted"] == 0.25
    assert f["near"] == pytest.approx(0.3)  # 94 is 0.6 of the role's skill 2; 95 is nothing
    assert f["none"] == 0.0 and f["empty"] == 0.0


def _catalog():
    # "cleaning": a short badge mostly about other work (skills 91-93) that also teaches skill 3;
    # "purchasing": aimed at the role, longer, teaches skill 3 as well
    return [
        option("course", {1: 1.0, 2: 1.0}, 10.0),
        option("cleaning", {3: 1.0, 91: 1.0, 92: 1.0, 93: 1.0}, 2.0),
        option("purchasing", {3: 1.0, 2: 0.5}, 8.0),
    ]


@pytest.mark.parametrize("mode", MODES)
def test_an_off_focus_course_never_displaces_one_aimed_at_the_role(mode):
    gap, cat = gap_of(*ROLE), _catalog()
    focus = option_focus(gap, cat)
    assert focus["cleaning"] == 0.25 and focus["purchasing"] == 1.0
    before = plan(gap, cat, Constraints(max_hours=30), mode=mode, config=no_alts())
    assert "cleaning" in ids(before)  # the code before: the shorter badge wins
    after = plan(
        gap, cat, Constraints(max_hours=30), mode=mode, config=no_alts(min_focus=0.35), focus=focus
    )
    assert sorted(ids(after)) == ["course", "purchasing"]
    assert after.coverage_after == pytest.approx(before.coverage_after)
    assert after.skipped["cleaning"].startswith("aimed at other work (25% of what it teaches")


@pytest.mark.parametrize("mode", MODES)
def test_an_off_focus_course_stays_for_what_only_it_teaches_or_the_budget_allows(mode):
    gap, cat = gap_of(*ROLE), _catalog()
    focus = option_focus(gap, cat)
    cfg = no_alts(min_focus=0.35)
    # purchasing alone is over the budget left for skill 3: the cleaning badge keeps its credit
    p = plan(gap, cat, Constraints(max_hours=7), mode=mode, config=cfg, focus=focus)
    assert "cleaning" in ids(p) and "purchasing" not in ids(p)
    # without purchasing in the catalog the cleaning badge is the only way to skill 3
    p = plan(gap, cat[:2], Constraints(max_hours=30), mode=mode, config=cfg, focus=focus)
    assert sorted(ids(p)) == ["cleaning", "course"]


@pytest.mark.parametrize("mode", MODES)
def test_of_two_off_focus_courses_the_one_closer_to_the_role_is_kept(mode):
    gap = gap_of(*ROLE)
    cat = [
        option("course", {1: 1.0, 2: 1.0}, 10.0),
        option("far", {3: 1.0, 91: 1.0, 92: 1.0, 93: 1.0}, 2.0),  # 0.25
        option("nearer", {3: 1.0, 91: 1.0, 92: 1.0}, 4.0),  # 0.33
    ]
    focus = option_focus(gap, cat)
    cfg = no_alts(min_focus=0.35)
    p = plan(gap, cat, Constraints(max_hours=30), mode=mode, config=cfg, focus=focus)
    assert sorted(ids(p)) == ["course", "nearer"]
    # off (min_focus 0), or without focus given: the shorter, farther badge wins on hours
    for kw in ({"config": no_alts(min_focus=0.0), "focus": focus}, {"config": cfg}):
        p = plan(gap, cat, Constraints(max_hours=30), mode=mode, **kw)
        assert sorted(ids(p)) == ["course", "far"]


@pytest.mark.parametrize("mode", MODES)
def test_an_off_focus_prerequisite_keeps_the_credit_only_it_gives(mode):
    # "prep" (focus 0.25) alone teaches skill 3 and is required by the focused "main": main's
    # bundle holds prep's credit, but main itself does not teach skill 3, so prep keeps it
    gap = gap_of(*ROLE)
    prep = option("prep", {3: 1.0, 91: 1.0, 92: 1.0, 93: 1.0}, 2.0)
    cat = [prep, option("main", {1: 1.0, 2: 1.0}, 10.0, prerequisites=["prep"])]
    focus = option_focus(gap, cat)
    cfg = no_alts(min_focus=0.35)
    p = plan(gap, cat, Constraints(max_hours=30), mode=mode, config=cfg, focus=focus)
    assert sorted(ids(p)) == ["main", "prep"] and p.coverage_after == pytest.approx(1.0)
    assert p.feasible


@pytest.mark.parametrize("mode", MODES)
def test_a_programme_takes_no_credit_from_its_own_parts(mode):
    gap = gap_of(*ROLE)
    a = option("a", {1: 1.0, 2: 1.0}, 10.0, is_part_of=["prog"])
    b = option("b", {3: 1.0, 91: 1.0, 92: 1.0, 93: 1.0}, 10.0, is_part_of=["prog"])
    prog = option("prog", {1: 1.0, 2: 1.0, 3: 1.0, 91: 1.0, 92: 1.0, 93: 1.0}, 140.0)
    prog = type(prog)(**{**prog.__dict__, "has_part": ["a", "b"]})
    cat = [a, b, prog]
    focus = option_focus(gap, cat)
    assert focus["prog"] > focus["b"]
    cfg = no_alts(min_focus=0.35)
    p = plan(gap, cat, Constraints(max_hours=200), mode=mode, config=cfg, focus=focus)
    assert sorted(ids(p)) == ["a", "b"] and p.total_hours == 20.0
    assert "aimed at other work" not in p.skipped.get("b", "")


@pytest.mark.parametrize("mode", MODES)
def test_a_focused_course_the_floor_would_drop_takes_nothing_away(mode):
    # "long" is aimed at the role but, 400 h for one skill, earns too little per hour: the
    # planner would not take it, so the short off-focus badge keeps skill 3
    gap = gap_of(*ROLE)
    cat = [
        option("course", {1: 1.0, 2: 1.0}, 10.0),
        option("cleaning", {3: 1.0, 91: 1.0, 92: 1.0, 93: 1.0}, 2.0),
        option("long", {3: 1.0}, 400.0),
    ]
    focus = option_focus(gap, cat)
    cfg = no_alts(min_focus=0.35, min_gain_per_hour=0.01)
    p = plan(gap, cat, Constraints(max_hours=500), mode=mode, config=cfg, focus=focus)
    assert sorted(ids(p)) == ["cleaning", "course"] and p.coverage_after == pytest.approx(1.0)


def test_a_prerequisite_found_by_lookup_gets_its_own_focus():
    # "prep" is not among the options (found by lookup): counted as aimed at the role before,
    # it took skill 3 from the focused-enough "nearer"; now its own focus (0.25) is used
    gap = gap_of(*ROLE)
    prep = option("prep", {3: 1.0, 91: 1.0, 92: 1.0, 93: 1.0}, 1.0)
    cat = [
        option("main", {1: 1.0, 2: 1.0}, 10.0, prerequisites=["prep"]),
        option("nearer", {3: 1.0, 91: 1.0}, 3.0),
    ]
    focus = option_focus(gap, cat)
    cfg = no_alts(min_focus=0.6)
    p = plan(gap, cat, Constraints(max_hours=30), config=cfg, focus=focus, lookup={"prep": prep})
    assert "prep" in ids(p)  # main needs it
    (step,) = [s for s in p.steps if s.option.external_id == "prep"]
    assert not step.covers  # its skill 3 is credited to "nearer", closer to the role
    assert "nearer" in ids(p) and p.coverage_after == pytest.approx(1.0)
