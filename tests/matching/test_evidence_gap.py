"""When every essential skill is held on the learner's word alone (service.matching.gap.
evidence_gap), the plan evidences those skills instead of offering nothing essential; while a
real essential gap is open, weakly held skills are still not taught."""

from service.matching import Constraints, LearnerProfile, plan
from service.matching.gap import evidence_gap
from tests.matching.test_planner import gap_of, ids, no_alts, option


def _learner(kinds: tuple[str, ...], skills=(1, 2), confidence: float = 0.36) -> LearnerProfile:
    return LearnerProfile(
        dict.fromkeys(skills, confidence), evidence_kinds=dict.fromkeys(skills, kinds)
    )


def test_skills_held_on_ones_word_alone_are_reopened():
    gap = gap_of(1, 2, 3, essential={3: False}, learner=_learner(("text",)))
    assert not [it for it in gap.open_items if it.essential]  # all essential "covered"
    ev = evidence_gap(gap)
    assert ev is not None
    assert {it.skill_id: it.status for it in ev.items} == {1: "missing", 2: "missing", 3: "missing"}
    assert all(it.weak and it.held for it in ev.items if it.essential)
    assert ev.coverage == gap.coverage and ev.open_weight > gap.open_weight


def test_not_while_a_real_essential_gap_is_open_nor_for_strong_evidence():
    # skill 3 essential and not held: a real gap; the weak 1 and 2 stay held, not taught
    assert evidence_gap(gap_of(1, 2, 3, learner=_learner(("text",)))) is None
    # held on a verified badge: nothing to evidence
    assert evidence_gap(gap_of(1, 2, learner=_learner(("verified_badge",)))) is None
    # a weak skill held with full confidence (credit >= covered_min) is not reopened
    assert evidence_gap(gap_of(1, 2, learner=_learner(("declared",), confidence=0.9))) is None


def test_the_plan_evidences_them_and_says_so():
    gap = gap_of(1, 2, learner=_learner(("text",)))
    cat = [option("care-cert", [1, 2], 20.0), option("other", [9], 1.0)]
    before = plan(gap, cat, Constraints(max_hours=40), config=no_alts())
    assert before.steps == [] and "Held on weak evidence, not taught" in before.message
    ev = evidence_gap(gap)
    after = plan(ev, cat, Constraints(max_hours=40), config=no_alts())
    assert ids(after) == ["care-cert"]
    (step,) = after.steps
    assert step.explanation.startswith("Evidences all 2 essential skills you state but have not")
    assert after.message.startswith("By your own account you hold every essential skill")
    assert "not taught" not in after.message  # the weak skills are planned now
    assert after.coverage_after > after.coverage_before


def test_no_evidence_wording_when_essentials_are_held_strongly_or_the_role_has_none():
    # essentials held on a verified badge, one optional skill open: the usual message
    gap = gap_of(1, 2, 3, essential={3: False}, learner=_learner(("verified_badge",)))
    p = plan(gap, [option("opt", [3], 1.0)], Constraints(max_hours=40), config=no_alts())
    assert ids(p) == ["opt"] and "By your own account" not in p.message
    # a role of optional skills only
    gap = gap_of(1, 2, essential={1: False, 2: False})
    p = plan(gap, [option("o", [1, 2], 1.0)], Constraints(max_hours=40), config=no_alts())
    assert "By your own account" not in p.message


def test_no_evidence_wording_without_steps_and_held_skills_are_not_built_on():
    gap = evidence_gap(gap_of(1, 2, learner=_learner(("text",))))
    p = plan(gap, [option("too-long", [1, 2], 90.0)], Constraints(max_hours=40), config=no_alts())
    assert p.steps == [] and "By your own account" not in p.message
    p = plan(gap, [option("cert", [1, 2], 20.0)], Constraints(max_hours=40), config=no_alts())
    (step,) = p.steps
    assert step.builds_on_skills == []  # the evidenced skills are open, not "you have it"
