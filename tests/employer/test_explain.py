"""One sentence per ranked match (service.employer.explain): held, partly, missing, weak."""

from __future__ import annotations

from service.employer.explain import match_sentence
from service.recommend.ranking_answers import (
    MatchDetailJson,
    MatchedSkillJson,
    MissingSkillJson,
    SkillRefJson,
)


def held(label, *, essential=True, kinds=("text",), note="read in the text, not evidenced"):
    return MatchedSkillJson(
        1, label, 1.0, essential, "covered", 1.0, None, [], True, 0.5, list(kinds), bool(note),
        note,
    )  # fmt: skip


def partly(label, via):
    return MatchedSkillJson(
        2, label, 1.0, True, "partial", 0.5, SkillRefJson(3, via), [], False, 0.0, [], False, ""
    )


def test_holds_missing_and_weak_in_one_sentence():
    detail = MatchDetailJson(
        0.4, 0.6,
        [held("lead a team"), held("operate forklift", kinds=("verified_badge",), note=""),
         partly("plan shifts of employees", "schedule shifts")],
        [MissingSkillJson(4, "use a warehouse management system", "missing", 0.0),
         MissingSkillJson(2, "plan shifts of employees", "partial", 0.5)],
    )  # fmt: skip
    text = match_sentence(detail, 4)
    assert text == (
        "Holds 2 of 4 essential skills (lead a team and operate forklift); partly plan shifts "
        "of employees (through schedule shifts); missing use a warehouse management system; "
        "lead a team read in the text, not evidenced."
    )


def test_none_held_and_all_held():
    nothing = MatchDetailJson(
        0.0, 0.0, [], [MissingSkillJson(i, f"s{i}", "missing", 0.0) for i in range(5)]
    )
    assert (
        match_sentence(nothing, 5)
        == "Holds none of the 5 essential skills; missing s0, s1, s2 and 2 more."
    )
    everything = MatchDetailJson(1.0, 1.0, [held(f"s{i}") for i in range(5)], [])
    assert match_sentence(everything, 5).startswith(
        "Holds 5 of 5 essential skills (s0, s1, s2 and 2 more); nothing essential is missing; "
        "all 5 held skills read in the text"
    )
    no_essentials = MatchDetailJson(0.0, 0.0, [], [])
    assert match_sentence(no_essentials, 0) == "Matches none of the opening's skills."
