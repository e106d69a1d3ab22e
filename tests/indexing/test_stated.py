"""Stated names: linked, doubtful or unlinked (indexing/stated.py). The decision rules are checked
on hand-made candidate lists (the scores are the test's), the wiring on the hashing encoder."""

from __future__ import annotations

import pytest

from indexing.encoder import FakeEncoder
from indexing.linker import SkillLinker
from indexing.stated import DOUBTFUL_MAX_CONFIDENCE, decide, is_short, link_stated
from indexing.types import SkillMatch
from tests.indexing.test_technology import COOKS, SKILLS

EXTRA = [
    ("Catalan", "knowledge", "esco", False),
    ("arrange tables", "skill/competence", "esco", False),
    ("manage accounts", "skill/competence", "esco", False),
    ("manage account department", "skill/competence", "esco", False),
]


@pytest.fixture(scope="module")
def linker():
    from tests.indexing.test_technology import _skill

    skills = SKILLS + [
        _skill(20 + i, label, (), f"{label}.", kind, source, tech)
        for i, (label, kind, source, tech) in enumerate(EXTRA)
    ]
    lk = SkillLinker(skills, FakeEncoder(dim=256), vocabulary=COOKS)
    lk.build()
    return lk


def _match(linker, label: str, score: float) -> SkillMatch:
    s = next(s for s in linker.skills if s.preferred_label == label)
    return SkillMatch(
        s.id, s.uri, s.preferred_label, score, s.preferred_label, "preferred", s.source
    )


def _decide(linker, name, cands, cues=None):
    ranked = sorted((_match(linker, lab, sc) for lab, sc in cands), key=lambda m: -m.score)
    return decide(linker, name, ranked, linker.exact(name), cues)


def test_short_names_are_one_word_or_an_acronym():
    assert is_short("DAX") and is_short("pandas") and is_short("MS SQL") and is_short("C++")
    assert not is_short("Power BI") and not is_short("order of draw")


def test_a_short_name_that_is_no_label_links_only_from_the_short_threshold(linker):
    cfg = linker.config
    low = _decide(linker, "DAX", [("Catalan", cfg.stated_short_min - 0.01)])
    assert low.status == "unlinked" and low.skill is None
    assert low.nearest.preferred_label == "Catalan" and "unlinked label" in low.warning()
    high = _decide(linker, "DAX", [("Catalan", cfg.stated_short_min + 0.2)])
    assert high.status == "linked" and high.skill.preferred_label == "Catalan"


def test_bands_of_a_longer_name_sure_doubtful_unlinked(linker):
    cfg = linker.config
    name = "user account management"
    sure = _decide(linker, name, [("manage accounts", cfg.stated_link_min + 0.01),
                                  ("arrange tables", cfg.stated_link_min - 0.2)])  # fmt: skip
    assert sure.status == "linked" and sure.warning() is None
    assert sure.confidence == pytest.approx(0.8 + 0.03, abs=1e-3)
    tie = _decide(linker, name, [("manage accounts", cfg.stated_link_min + 0.02),
                                 ("manage account department", cfg.stated_link_min)])  # fmt: skip
    assert tie.status == "doubtful" and "almost as close" in tie.reason
    assert tie.confidence <= DOUBTFUL_MAX_CONFIDENCE
    doubt = _decide(linker, name, [("manage accounts", cfg.stated_doubt_min + 0.01)])
    assert doubt.status == "doubtful" and doubt.skill.preferred_label == "manage accounts"
    assert doubt.confidence == pytest.approx(0.5 + 0.03, abs=1e-3)
    assert "with a doubt" in doubt.warning()
    none = _decide(linker, name, [("manage accounts", cfg.stated_doubt_min - 0.01)])
    assert none.status == "unlinked" and none.skill is None and none.confidence < 0.5


def test_an_exact_label_links_surely_whatever_its_score(linker):
    got = _decide(linker, "food hygiene rules", [("food hygiene rules", 0.5)])
    assert got.status == "linked" and got.exact and got.confidence == 1.0


def test_an_ambiguous_tool_name_depends_on_its_context(linker):
    chef = "Chef (tools for software configuration management)"
    cands = [(chef, 1.35), ("Culinary Software Services ChefTec", 0.9),
             ("use cooking techniques", 0.7)]  # fmt: skip
    alone = _decide(linker, "Chef", cands, cues=None)
    assert alone.status == "doubtful" and alone.skill.preferred_label == chef
    assert "ordinary word" in alone.reason
    cook = _decide(linker, "Chef", cands, cues=False)  # a cookery badge
    assert cook.status == "unlinked" and cook.nearest.preferred_label == "use cooking techniques"
    devops = _decide(linker, "Chef", cands, cues=True)
    assert devops.status == "linked" and devops.skill.preferred_label == chef
    only_tools = _decide(linker, "ChefTec app", cands[:2], cues=False)
    assert only_tools.status == "unlinked" and "not about technology" in only_tools.reason


def test_an_unambiguous_tool_name_links_without_cues(linker):
    got = _decide(linker, "IBM Terraform", [("IBM Terraform", 1.3)], cues=False)
    assert got.status == "linked" and got.exact


def test_link_stated_decides_each_name_in_its_context_linking_distinct_names_once(linker):
    names = ["Chef", "food hygiene rules", "Chef", "xqzv"]
    contexts = ["Cookery level 2: kitchen, grill", None, "Chef, Terraform and cloud servers", None]
    calls = linker.encoder.calls
    got = link_stated(linker, names, contexts=contexts)
    assert linker.encoder.calls - calls <= 1  # the distinct names that are no label, one call
    chef = "Chef (tools for software configuration management)"
    assert [x.label for x in got] == names
    assert got[0].skill is None or got[0].skill.preferred_label != chef
    assert got[1].status == "linked" and got[1].exact
    assert got[2].status == "linked" and got[2].skill.preferred_label == chef
    assert got[3].status == "unlinked"
    assert link_stated(linker, []) == []
    with pytest.raises(ValueError):
        link_stated(linker, ["a"], contexts=[None, None])


def test_an_alias_inside_a_longer_name_adds_no_bonus_to_it(linker):
    from dataclasses import replace

    partial = SkillLinker(linker.skills, linker.encoder, replace(linker.config,
                          span_partial_aliases=True), vocabulary=COOKS)  # fmt: skip
    partial.set_vectors(*linker.vectors())

    def score(lk, name):
        return {m.preferred_label: m.score for m in lk.link_spans([name], k=len(lk.skills))[0]}

    cooking, cfg = "use cooking techniques", linker.config
    inside = "grill food station"  # "grill food" is an alias of cooking, not the whole name
    assert score(partial, inside)[cooking] - score(linker, inside)[cooking] == pytest.approx(
        cfg.lexical_bonus
    )
    whole = "grill food"  # the whole name: the bonus stays
    assert score(partial, whole)[cooking] == pytest.approx(score(linker, whole)[cooking])
    assert score(linker, whole)[cooking] > score(linker, "grill")[cooking]
