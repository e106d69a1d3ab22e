"""The plan's message on what it leaves open: the essential skills named, the optional ones
counted (an optional skill nobody teaches is no news for a plan), all named where none is
essential."""

import pytest

from service.matching import Constraints, LearnerProfile, plan
from tests.matching.test_planner import gap_of, no_alts, option

MODES = ("greedy", "exact")


@pytest.mark.parametrize("mode", MODES)
def test_untaught_optional_skills_are_counted_not_named_beside_essential_ones(mode):
    gap = gap_of(1, 2, 3, 4, 5, essential={3: False, 4: False, 5: False})
    p = plan(gap, [option("a", [1], 2.0)], mode=mode, config=no_alts())
    assert {s.skill_id for s in p.uncoverable} == {2, 3, 4, 5}
    assert "No credential in the catalog teaches skill 2, nor 3 optional skills of the role." in (
        p.message
    )
    assert "skill 3" not in p.message and "skill 5" not in p.message


@pytest.mark.parametrize("mode", MODES)
def test_only_optional_skills_untaught_are_named_briefly(mode):
    gap = gap_of(1, 3, 4, 5, 6, essential={3: False, 4: False, 5: False, 6: False})
    p = plan(gap, [option("a", [1], 2.0)], mode=mode, config=no_alts())
    assert "No credential in the catalog teaches 4 optional skills of the role (" in p.message
    assert "skill 3, skill 4, skill 5 and 1 more)." in p.message


@pytest.mark.parametrize("mode", MODES)
def test_open_essential_skills_are_named_and_optional_ones_counted(mode):
    gap = gap_of(1, 2, 3, 4, essential={3: False, 4: False})
    catalog = [option("a", [1], 4.0), option("b", [2], 9.0), option("c", [3, 4], 9.0)]
    p = plan(gap, catalog, Constraints(max_hours=5), mode=mode, config=no_alts())
    assert [s.option.external_id for s in p.steps] == ["a"]
    assert (
        "1 essential skill the catalog could teach stays open (and 2 optional skills) under your "
        "hours: skill 2." in p.message
    )


@pytest.mark.parametrize("mode", MODES)
def test_only_optional_skills_open_are_all_named(mode):
    gap = gap_of(1, 3, 4, essential={3: False, 4: False})
    catalog = [option("a", [1], 4.0), option("c", [3, 4], 9.0)]
    p = plan(gap, catalog, Constraints(max_hours=5), mode=mode, config=no_alts())
    assert "2 optional skills the catalog could teach stay open under your hours: skill 3, " in (
        p.message
    )


@pytest.mark.parametrize("mode", MODES)
def test_weak_evidence_is_told_once_per_kind_not_once_per_skill(mode):
    kinds = {1: ("declared",), 3: ("declared",), 4: ("text",)}
    learner = LearnerProfile({1: 0.6, 3: 0.6, 4: 0.42}, evidence_kinds=kinds)
    gap = gap_of(1, 2, 3, 4, learner=learner)
    p = plan(gap, [option("teach2", [2], 5.0)], mode=mode, config=no_alts())
    assert [s.option.external_id for s in p.steps] == ["teach2"]
    assert (
        "Held on weak evidence, not taught: skill 1, skill 3 (declared, not evidenced); skill 4 "
        "(read in the text, not evidenced)." in p.message
    )
    assert p.message.count("not evidenced") == 2
