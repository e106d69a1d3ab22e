"""The technology gate, ambiguous and vendor-less aliases, and extraction by phrase (hashing
encoder: these check the rules, tests/indexing/test_fixtures_real.py checks the real model)."""

from __future__ import annotations

import pytest

from indexing.aliases import AliasMatcher
from indexing.encoder import FakeEncoder
from indexing.extract import units
from indexing.linker import LinkerConfig, SkillLinker
from indexing.technology import TechnologyGate
from indexing.types import SkillEntry


def _skill(i, label, alts=(), desc="", skill_type="skill/competence", source="esco", tech=False):
    return SkillEntry(
        id=200 + i,
        uri=f"urn:test:{i}",
        preferred_label=label,
        alt_labels=tuple(alts),
        description=desc,
        skill_type=skill_type,
        source=source,
        technology=tech,
    )


SKILLS = [
    _skill(0, "Chef (tools for software configuration management)", ["Chef"],
           "Chef is a tool for configuration management.", "knowledge", tech=True),
    _skill(1, "Culinary Software Services ChefTec", [],
           "ChefTec: recipe and kitchen management software.", "technology", "onet"),
    _skill(2, "use cooking techniques", ["cook food", "grill food"],
           "Use cooking techniques such as grilling, frying and boiling.", tech=False),
    _skill(3, "food hygiene rules", ["rules of food hygiene"],
           "Rules of food hygiene and food safety.", "knowledge"),
    _skill(4, "Microsoft Excel", [], "Microsoft Excel: spreadsheets.", "technology", "onet"),
    _skill(5, "use spreadsheets software", ["Microsoft Office Excel"],
           "Use software tools to create and edit tabular data."),
    _skill(6, "Microsoft Word", [], "Microsoft Word: word processing software.", "technology",
           "onet"),
    _skill(7, "health and safety in the workplace", ["health and safety"],
           "Rules of health and safety at work.", "knowledge"),
    _skill(8, "IBM Terraform", [], "IBM Terraform: configuration management software.",
           "technology", "onet"),
    _skill(9, "write reports", [], "Find the right word, word by word, in reports."),
]  # fmt: skip
COOKS = ["chef", "head chef", "sous chef", "pastry chef", "cook"]  # occupation titles


@pytest.fixture(scope="module")
def linker():
    lk = SkillLinker(SKILLS, FakeEncoder(dim=256), vocabulary=COOKS)
    lk.build()
    return lk


def _labels(found):
    return {x.preferred_label for x in found}


def test_a_one_word_alias_that_occupations_use_as_a_word_is_ambiguous():
    with_titles = AliasMatcher(SKILLS, vocabulary=COOKS)
    (hit,) = with_titles.exact("Chef")
    assert hit.row == 0 and hit.ambiguous
    assert not AliasMatcher(SKILLS).exact("Chef")[0].ambiguous  # no titles: not a known word
    assert with_titles.exact("chef") == []  # now a capitalised ordinary word: case matters
    assert not with_titles.exact("IBM Terraform")[0].ambiguous


def test_a_product_is_also_named_without_its_vendor_unless_only_ordinary_words_are_left():
    m = AliasMatcher(SKILLS)
    assert {h.row for h in m.exact("Excel")} == {4, 5}  # Microsoft Excel, Microsoft Office Excel
    assert {h.row for h in m.find("reports in Excel")} == {4, 5}
    assert {h.row for h in m.exact("Terraform")} == {8}
    assert m.exact("Word") == []  # "word" is an ordinary word of the taxonomy: not a product


def test_cues_and_the_mask_of_blocked_technology_skills(linker):
    gate = TechnologyGate(SKILLS)
    assert list(gate.rows.nonzero()[0]) == [0, 1, 4, 6, 8]
    for text in ("we deploy to the cloud", "IT support", "Built dashboards", "uses Terraform"):
        assert gate.has_cues(text, linker.lexical(text)), text
    for text in ("grill and sauce station", "it is a busy kitchen", "Chef de partie"):
        assert not gate.has_cues(text, linker.lexical(text)), text
    blocked = gate.blocked(linker.lexical("Chef and Excel"), cues=False)
    assert list(blocked.nonzero()[0]) == [0, 1, 6, 8]  # "Excel" is named unambiguously
    assert gate.blocked({}, cues=True) is None


def test_a_cook_is_not_given_the_configuration_tool_but_a_devops_engineer_is(linker):
    cook = linker.extract("Chef de partie, grill and sauce station.", min_score=0.0)
    assert not _labels(cook) & {SKILLS[0].preferred_label, SKILLS[1].preferred_label}
    assert "use cooking techniques" in _labels(cook)
    devops = linker.extract("Deployed services with Chef and Terraform.", min_score=0.0)
    assert {SKILLS[0].preferred_label, "IBM Terraform"} <= _labels(devops)
    off = _with(linker, technology_gate=False, extract_margin=9.0)
    assert SKILLS[0].preferred_label in _labels(off.extract("Chef de partie.", min_score=0.0))


def _with(linker, **config):
    """The same linker (vectors, vocabulary) with other settings."""
    other = SkillLinker(SKILLS, linker.encoder, LinkerConfig(**config), vocabulary=COOKS)
    other.set_vectors(*linker.vectors())
    return other


def test_a_tool_named_unambiguously_needs_no_cue(linker):
    wide = _with(linker, extract_margin=9.0)  # the hashing encoder's scores: keep every name
    found = wide.extract("I build weekly sales reports in Excel.", min_score=0.0)
    assert {"Microsoft Excel", "use spreadsheets software"} <= _labels(found)


def test_extraction_reads_sentences_and_phrases_with_aliases_across_phrases(linker):
    text = "Food hygiene, health and safety.\nGrill food"
    pairs = units(text)
    assert [(s.text, u.text) for s, u in pairs] == [
        ("Food hygiene, health and safety", "Food hygiene, health and safety"),
        ("Food hygiene, health and safety", "Food hygiene"),
        ("Food hygiene, health and safety", "health"),
        ("Food hygiene, health and safety", "safety"),
        ("Grill food", "Grill food"),  # one phrase: the sentence alone
    ]
    found = {x.preferred_label: x for x in _with(linker, extract_margin=9.0).extract(text)}
    hs = found["health and safety in the workplace"]  # the alias spans two phrases
    assert hs.evidence[0].text == "health and safety"
    assert found["use cooking techniques"].evidence[0].start == text.index("Grill food")
    for x in found.values():
        for ev in x.evidence:
            assert text[ev.start : ev.end] == ev.text


def test_a_unit_keeps_its_best_skills_within_the_margin_and_the_ones_it_names(linker):
    cfg = linker.config
    assert (cfg.extract_per_sentence, cfg.extract_per_phrase) == (3, 1)
    text = "reports in Excel"
    found = linker.extract(text, min_score=0.0)
    best = max(linker.score_texts([text])[0].score)
    assert found and all(x.score >= best - cfg.extract_margin - 1e-6 for x in found)
    wide = _with(linker, extract_margin=9.0).extract(text, min_score=0.0)
    assert {"Microsoft Excel", "use spreadsheets software"} <= _labels(wide)
    assert len(wide) >= len(found)


def test_an_alias_shared_by_an_esco_skill_and_an_onet_tool_is_not_split_between_them():
    m = AliasMatcher(SKILLS)
    assert {h.row: h.ambiguity for h in m.exact("Excel")} == {4: 1, 5: 1}
    pooled = AliasMatcher(SKILLS, by_source=False)
    assert {h.row: h.ambiguity for h in pooled.exact("Excel")} == {4: 2, 5: 2}
