"""A credential aimed at other work teaches no skill only in part (service.matching.focus.
drop_off_role): the SPARQL course that touches "supervise data entry" is no step for a call
centre supervisor, in both planning modes; what it teaches in full stays."""

import pytest

from service.matching import Constraints, plan
from service.matching.focus import option_focus
from tests.matching.test_planner import gap_of, ids, no_alts, option

MODES = ["greedy", "exact"]
ROLE = (1, 2, 3)  # the role's skills; 90+ are other work's


def _catalog(sparql_credit: float):
    # "sparql": mostly other work (91-93), teaches role skill 3 at `sparql_credit`
    return [
        option("course", {1: 1.0, 2: 1.0}, 10.0),
        option("sparql", {3: sparql_credit, 91: 1.0, 92: 1.0, 93: 1.0}, 2.0),
    ]


@pytest.mark.parametrize("mode", MODES)
def test_an_off_role_course_is_no_step_for_a_skill_it_teaches_in_part(mode):
    gap, cat = gap_of(*ROLE), _catalog(0.65)
    focus = option_focus(gap, cat)
    assert focus["sparql"] < 0.3
    before = plan(gap, cat, Constraints(max_hours=30), mode=mode, config=no_alts(), focus=focus)
    assert "sparql" in ids(before)  # the only way to skill 3: planned before
    cfg = no_alts(min_focus=0.35, off_role_focus=0.3)
    after = plan(gap, cat, Constraints(max_hours=30), mode=mode, config=cfg, focus=focus)
    assert ids(after) == ["course"]
    assert "teaches this role's skills only in part" in after.skipped["sparql"]


@pytest.mark.parametrize("mode", MODES)
def test_an_off_role_course_stays_for_a_skill_it_teaches_in_full(mode):
    gap, cat = gap_of(*ROLE), _catalog(1.0)
    focus = option_focus(gap, cat)
    cfg = no_alts(min_focus=0.35, off_role_focus=0.3)
    p = plan(gap, cat, Constraints(max_hours=30), mode=mode, config=cfg, focus=focus)
    assert sorted(ids(p)) == ["course", "sparql"]


@pytest.mark.parametrize("mode", MODES)
def test_a_course_at_the_floor_or_with_the_floor_off_keeps_its_partial_credit(mode):
    gap = gap_of(*ROLE)
    cat = [option("course", {1: 1.0, 2: 1.0}, 10.0), option("half", {3: 0.65, 91: 0.65}, 2.0)]
    focus = option_focus(gap, cat)
    assert focus["half"] == pytest.approx(0.5)
    for floor in (0.3, 0.0):  # 0.5 is above the floor; 0 is off
        cfg = no_alts(min_focus=0.35, off_role_focus=floor)
        p = plan(gap, cat, Constraints(max_hours=30), mode=mode, config=cfg, focus=focus)
        assert "half" in ids(p)
    low = {**focus, "half": 0.1}
    p = plan(
        gap,
        cat,
        Constraints(max_hours=30),
        mode=mode,
        config=no_alts(off_role_focus=0.3),
        focus=low,
    )
    assert "half" not in ids(p)
