"""The skill gap: held skills covered whatever their trust, statuses by threshold for the others,
partial credit via neighbours (max, never sum), and the options x gap-skills credit matrix."""

import numpy as np
import pytest

from service.matching import (
    GapConfig,
    LearnerProfile,
    Option,
    RequiredSkill,
    RoleProfile,
    compute_gap,
    credit_matrix,
)


def role(*skills: tuple[int, float, bool]) -> RoleProfile:
    return RoleProfile("Analyst", [RequiredSkill(s, f"s{s}", w, e) for s, w, e in skills], "text")


def test_held_skills_are_covered_whatever_their_confidence():
    # held means held: a weakly trusted skill (declared: 0.6, a weak link: 0.3) is covered, not
    # partial or missing; its confidence only weighs the trust-weighted coverage
    r = role((1, 2.0, True), (2, 1.0, True), (3, 1.0, False), (4, 1.0, False))
    gap = compute_gap(r, LearnerProfile({1: 0.9, 2: 0.6, 3: 0.3}))
    by = {it.skill_id: it for it in gap.items}
    assert [by[s].status for s in (1, 2, 3, 4)] == ["covered", "covered", "covered", "missing"]
    assert [by[s].held for s in (1, 2, 3, 4)] == [True, True, True, False]
    assert by[2].confidence == pytest.approx(0.6) and by[4].confidence == 0.0
    assert by[1].credit == pytest.approx(0.9) and by[1].via_skill_id == 1
    assert by[4].credit == 0.0 and by[4].via_skill_id is None
    assert gap.coverage == pytest.approx((2 * 0.9 + 0.6 + 0.3) / 5)  # trust-weighted
    assert gap.coverage_held == pytest.approx(4 / 5)  # held, whatever the trust
    assert gap.missing_weight == pytest.approx(1.0)  # skill 4
    assert gap.open_weight == pytest.approx(1.0)
    assert [it.skill_id for it in gap.open_items] == [4]


def test_statuses_of_skills_not_held_follow_thresholds():
    # skills 1..3 are only near held skills 11..13: their status follows the credit
    r = role((1, 2.0, True), (2, 1.0, True), (3, 1.0, False), (4, 1.0, False))
    nb = {1: {11: 0.9}, 2: {12: 0.6}, 3: {13: 0.3}}
    gap = compute_gap(r, LearnerProfile({11: 1.0, 12: 1.0, 13: 1.0}), nb)
    by = {it.skill_id: it for it in gap.items}
    assert [by[s].status for s in (1, 2, 3, 4)] == ["covered", "partial", "missing", "missing"]
    assert not any(it.held for it in gap.items)
    assert by[2].via_skill_id == 12 and by[2].confidence == 0.0
    assert gap.coverage == pytest.approx((2 * 0.9 + 0.6 + 0.3) / 5)
    assert gap.coverage_held == pytest.approx(2 / 5)
    assert gap.missing_weight == pytest.approx(2.0)  # skills 3 and 4
    assert gap.open_weight == pytest.approx(0.4 + 0.7 + 1.0)
    assert [it.skill_id for it in gap.open_items] == [2, 3, 4]


def test_thresholds_are_configurable_and_validated():
    nb = {1: {2: 0.6}}
    gap = compute_gap(role((1, 1.0, True)), LearnerProfile({2: 1.0}), nb, GapConfig(0.3, 0.6))
    assert gap.items[0].status == "covered"
    assert compute_gap(role((1, 1.0, True)), LearnerProfile({2: 1.0}), nb).items[0].status == (
        "partial"
    )
    with pytest.raises(ValueError):
        GapConfig(partial_min=0.9, covered_min=0.5)


def test_partial_credit_via_neighbours_takes_the_best_relation_not_the_sum():
    # required 10; learner shows 20 and 30 which are related to 10
    neighbours = {10: {20: 0.6, 30: 0.5}}
    gap = compute_gap(role((10, 1.0, True)), LearnerProfile({20: 1.0, 30: 1.0}), neighbours)
    item = gap.items[0]
    assert item.credit == pytest.approx(0.6)  # max(1.0*0.6, 1.0*0.5), not a sum
    assert item.via_skill_id == 20
    assert item.status == "partial" and not item.held
    # confidence scales the relation credit
    gap = compute_gap(role((10, 1.0, True)), LearnerProfile({20: 0.5}), neighbours)
    assert gap.items[0].credit == pytest.approx(0.3) and gap.items[0].status == "missing"
    # held weakly itself and strongly near: covered, the credit from the better source
    gap = compute_gap(role((10, 1.0, True)), LearnerProfile({10: 0.3, 20: 1.0}), neighbours)
    item = gap.items[0]
    assert (item.status, item.held, item.via_skill_id) == ("covered", True, 20)
    assert item.credit == pytest.approx(0.6) and item.confidence == pytest.approx(0.3)


def test_items_carry_the_evidence_kinds_and_flag_weak_evidence():
    r = role((1, 1.0, True), (2, 1.0, True), (3, 1.0, True), (4, 1.0, True), (5, 1.0, True))
    learner = LearnerProfile(
        {1: 0.6, 2: 0.95, 3: 0.42, 4: 0.7, 5: 0.6},
        evidence_kinds={
            1: ("declared",),
            2: ("declared", "verified_badge"),
            3: ("text",),
            4: ("unverified_badge",),
            5: ("declared", "text"),
        },
    )
    by = {it.skill_id: it for it in compute_gap(r, learner).items}
    assert all(it.status == "covered" and it.held for it in by.values())
    assert by[2].evidence_kinds == ("declared", "verified_badge")
    assert [by[s].weak for s in (1, 2, 3, 4, 5)] == [True, False, True, True, True]
    assert by[1].note == "declared, not evidenced"
    assert by[2].note == ""
    assert by[3].note == "read in the text, not evidenced"
    assert by[4].note == "on an unverified badge"
    assert by[5].note == "declared and read in the text, not evidenced"


def test_without_neighbours_related_skills_give_nothing():
    gap = compute_gap(role((10, 1.0, True)), LearnerProfile({20: 1.0}))
    assert gap.items[0].credit == 0.0 and gap.coverage == 0.0


def test_duplicate_required_skills_merge_and_empty_role_is_covered():
    r = role((1, 0.5, False), (1, 2.0, False), (2, 1.0, True), (2, 0.5, False))
    gap = compute_gap(r, LearnerProfile())
    assert [(it.skill_id, it.weight, it.essential) for it in gap.items] == [
        (1, 2.0, False),
        (2, 1.0, True),
    ]
    empty = compute_gap(RoleProfile("Nothing", [], "text"), LearnerProfile())
    assert empty.coverage == 1.0 and empty.coverage_held == 1.0 and empty.items == []


def test_credit_matrix_direct_neighbour_max_and_via():
    options = [
        Option(1, "a", "A", skills={1: 0.8, 99: 1.0}),
        Option(2, "b", "B", skills={20: 1.0, 30: 0.9}),  # both related to 2
        Option(3, "c", "C", skills={1: 1.5, 2: 0.2}),  # weight clipped to 1
        Option(4, "d", "D", skills={}),
    ]
    cm = credit_matrix([1, 2], options, {2: {20: 0.5, 30: 0.7}})
    assert cm.skill_ids == [1, 2]
    np.testing.assert_allclose(cm.credits, [[0.8, 0.0], [0.0, 0.63], [1.0, 0.2], [0.0, 0.0]])
    assert cm.via.tolist() == [[1, -1], [-1, 30], [1, 2], [-1, -1]]


def test_credit_matrix_from_gap_uses_open_skills():
    gap = compute_gap(role((1, 1.0, True), (2, 1.0, True)), LearnerProfile({1: 1.0}))
    cm = credit_matrix(gap, [Option(1, "a", "A", skills={1: 1.0, 2: 1.0})])
    assert cm.skill_ids == [2]
    assert cm.credits.tolist() == [[1.0]]


def test_a_skill_shown_by_a_held_near_synonym_is_covered_on_that_evidence():
    # round h-plans7: 'apply person-centred care' (2), held on a job's word, shows 'person
    # centred care' (1); covered as a held skill is, weak as its evidence is, at the credit the
    # neighbours give; not held itself
    r = role((1, 1.0, True), (3, 1.0, True))
    learner = LearnerProfile({2: 0.42, 4: 0.9}, evidence_kinds={2: ("text",), 4: ("badge",)})
    nb = {1: {2: 0.9}, 3: {4: 0.9}}
    plain = compute_gap(r, learner, nb)
    assert [it.status for it in plain.items] == ["missing", "covered"]  # 0.378; 0.81
    gap = compute_gap(r, learner, nb, synonyms={1: {2}})
    by = {it.skill_id: it for it in gap.items}
    assert by[1].status == "covered" and not by[1].held
    assert by[1].credit == pytest.approx(0.42 * 0.9) and by[1].via_skill_id == 2
    assert by[1].weak and by[1].evidence_kinds == ("text",) and by[1].note
    assert not by[3].weak and by[3].evidence_kinds == ()  # covered by credit alone, as before
    assert [it.skill_id for it in gap.open_items] == []
    unheld = compute_gap(r, LearnerProfile({4: 0.9}), nb, synonyms={1: {2}})
    assert unheld.items[0].status == "missing"  # the synonym is not held
