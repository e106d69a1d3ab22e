"""Extraction rules for short CV lines on the hashing encoder: curated trade words name their
skills (indexing.aliases.TRADE_ALIASES), and a phrase's runner-up is kept when its sentence
agrees (LinkerConfig.extract_agree_*). tests/indexing/test_fixtures_real.py checks the real
model on the CV-line fixture."""

from __future__ import annotations

import numpy as np
import pytest

from indexing.aliases import CURATED, AliasHit, AliasMatcher
from indexing.encoder import FakeEncoder
from indexing.extract import keep_in_unit
from indexing.linker import LinkerConfig, SkillLinker
from indexing.trade_aliases import TRADE_ALIASES
from indexing.types import SkillEntry


def _skill(i: int, label: str, alts: tuple[str, ...] = (), desc: str = "") -> SkillEntry:
    return SkillEntry(
        id=300 + i, uri=f"urn:test:{i}", preferred_label=label, alt_labels=alts, description=desc
    )


SKILLS = [
    _skill(0, "operate cash register", desc="Register and handle cash transactions."),
    _skill(1, "schedule shifts", desc="Plan the working time of staff."),
    _skill(2, "plan shifts of employees", desc="Plan the shifts of employees."),
    _skill(3, "manoeuvre heavy trucks", desc="Steer and park heavy trucks."),
    _skill(4, "drive vehicles", desc="Be able to drive vehicles."),
    _skill(5, "test electrical equipment", ("PAT testing",), "Test electrical equipment."),
    _skill(6, "merchandising techniques", desc="Techniques of merchandising in a shop."),
]
CURATED_HERE = {
    "tills": ("operate cash register",),
    "rotas": ("schedule shifts", "plan shifts of employees"),
    "HGV": ("manoeuvre heavy trucks", "drive vehicles"),
    "PAT testing": ("test electrical equipment",),
    "EPOS": ("no such skill here",),
}


def test_curated_aliases_are_found_with_the_case_rules_of_the_taxonomy():
    m = AliasMatcher(SKILLS, curated=CURATED_HERE)
    hits = {(h.alias, SKILLS[h.row].preferred_label, h.kind) for h in m.find("HGV driver, tills")}
    assert hits == {
        ("HGV", "manoeuvre heavy trucks", CURATED),
        ("HGV", "drive vehicles", CURATED),
        ("tills", "operate cash register", CURATED),
    }
    assert not m.find("an hgv driver")  # an acronym matches in capitals only
    assert not m.find("EPOS")  # a label that is no skill of this taxonomy is skipped
    # a skill that has the alias as its own label keeps its label
    assert [h.kind for h in m.exact("PAT testing")] == ["alternative"]
    assert all(h.ambiguity == 2 for h in m.exact("rotas"))  # shared by two skills


def test_the_trade_list_is_curated_words_with_their_skills():
    assert "till" not in TRADE_ALIASES  # a preposition ("till 5pm")
    for alias, labels in TRADE_ALIASES.items():
        assert alias.strip() == alias and labels, alias
        assert all(isinstance(x, str) and x for x in labels), alias


@pytest.fixture(scope="module")
def linker():
    lk = SkillLinker(SKILLS, FakeEncoder(dim=256))
    lk.build()
    return lk


def test_a_curated_trade_word_names_its_skills_in_a_cv_line(monkeypatch):
    import indexing.context_aliases as context_module

    monkeypatch.setattr(context_module, "TRADE_ALIASES", CURATED_HERE)
    lk = SkillLinker(SKILLS, FakeEncoder(dim=256))
    lk.build()
    found = {x.preferred_label: x for x in lk.extract("Sales assistant on the tills, staff rotas.")}
    assert {"operate cash register", "schedule shifts", "plan shifts of employees"} <= set(found)
    till = found["operate cash register"]
    assert till.matched_label == "tills" and till.label_kind == CURATED
    assert [e.text for e in till.evidence] == ["tills"]
    assert till.score >= lk.config.extract_min_score  # kept at least at its unit's floor
    off = SkillLinker(SKILLS, FakeEncoder(dim=256), LinkerConfig(curated_aliases=False))
    off.build()
    assert "operate cash register" not in {x.preferred_label for x in off.extract("On the tills.")}


def _hit(row: int, kind: str = CURATED) -> AliasHit:
    return AliasHit(row, 0, 5, "tills", kind, 1, 1)


def test_a_phrase_keeps_its_runner_up_when_the_sentence_agrees():
    cfg = LinkerConfig()
    score = np.array([0.97, 0.90, 0.88, 0.10])  # a phrase: nothing reaches its floor of 1.0
    assert keep_in_unit(cfg, score, {}, False, 0.75, agreed=set()) == {}
    kept = keep_in_unit(cfg, score, {}, False, 0.75, agreed={1, 2})
    assert set(kept) == {1}  # the best two of the phrase only, and only those agreed on
    assert set(keep_in_unit(cfg, score, {}, False, 0.75, agreed={0, 1})) == {0, 1}
    low = np.array([0.84, 0.80, 0.1, 0.1])  # below extract_agree_min_score
    assert keep_in_unit(cfg, low, {}, False, 0.75, agreed={0, 1}) == {}
    off = LinkerConfig(extract_agree_per_phrase=0)
    assert keep_in_unit(off, score, {}, False, 0.75, agreed={0, 1}) == {}


def test_agreement_is_for_phrases_and_curated_words_pass_the_floor():
    cfg = LinkerConfig()
    sentence = np.array([0.95, 0.80, 0.70, 0.30])  # floor: 0.95 - margin 0.1
    assert set(keep_in_unit(cfg, sentence, {}, True, 0.75, agreed={0, 1, 2})) == {0}
    kept = keep_in_unit(cfg, sentence, {3: _hit(3)}, True, 0.75, agreed=set())
    assert kept[3] == pytest.approx(0.85)  # at the unit's floor
    assert 3 not in keep_in_unit(cfg, sentence, {3: _hit(3, "alternative")}, True, 0.75, set())
    gated = np.array([0.95, 0.8, 0.7, -np.inf])  # a blocked skill stays out
    assert 3 not in keep_in_unit(cfg, gated, {3: _hit(3)}, True, 0.75, agreed=set())


def test_a_warehouse_scanner_reads_barcodes():
    """'use handheld scanners' in a warehouse CV or ad is barcode scanning, not ESCO's prepress
    'operate scanner' (the only scanner skill the model found before)."""
    skills = [
        _skill(0, "use barcode scanning equipment", desc="Use barcode scanning equipment."),
        _skill(1, "operate scanner", desc="Set up and operate image scanners."),
    ]
    m = AliasMatcher(skills, curated=TRADE_ALIASES)
    text = "I use handheld scanners every day; barcode scanner, RF scanners."
    found = {(h.alias, skills[h.row].preferred_label) for h in m.find(text)}
    assert found == {
        ("handheld scanners", "use barcode scanning equipment"),
        ("barcode scanner", "use barcode scanning equipment"),
        ("RF scanners", "use barcode scanning equipment"),
    }


def test_misleading_hidden_labels_are_not_views_of_their_skill():
    """ESCO's hidden label "care" of *attend to detail* read every care worker's "personal
    care" as attention to detail: it is neither embedded nor matched verbatim; the skill's
    other hidden labels, and "care" of another skill, still are."""
    from indexing.aliases import MISLEADING_LABELS, hidden_labels
    from indexing.skill_views import SkillViews

    uri = "http://data.europa.eu/esco/skill/83e6510b-ffeb-4aec-959c-4265fd0ff7b7"
    assert (uri, "care") in MISLEADING_LABELS
    detail = SkillEntry(900, uri, "attend to detail", hidden_labels=("accuracy", "Care"))
    other = SkillEntry(901, "x:other", "provide care", hidden_labels=("care",))
    assert hidden_labels(detail) == ("accuracy",) and hidden_labels(other) == ("care",)
    views = SkillViews([detail, other], use_hidden_labels=True)
    owned = {(views.label_owner[i], t) for i, t in enumerate(views.label_texts)}
    assert (0, "accuracy") in owned and (1, "care") in owned
    assert not {t for row, t in owned if row == 0} & {"care", "Care"}
    matcher = AliasMatcher([detail, other], hidden=True)
    found = {(h.alias.lower(), h.row) for h in matcher.find("care and accuracy")}
    assert found == {("care", 1), ("accuracy", 0)}


def test_misleading_alternative_labels_are_not_views_of_their_skill():
    """ESCO's alternative labels "packing" and "engineering" of *packaging engineering* read a
    packer's "packing orders" and any "BSc in engineering" as that discipline: neither is
    embedded nor matched verbatim; its other labels, and "packing" of another skill, still are."""
    from indexing.aliases import MISLEADING_LABELS, alt_labels
    from indexing.skill_views import SkillViews

    uri = "http://data.europa.eu/esco/skill/b8ac179c-4a29-4467-9177-031daf1321d6"
    assert {(uri, "packing"), (uri, "engineering")} <= MISLEADING_LABELS
    eng = SkillEntry(
        900,
        uri,
        "packaging engineering",
        alt_labels=("Packing", "engineering", "packaging production"),
    )
    other = SkillEntry(901, "x:pack", "pack goods", alt_labels=("packing",))
    assert alt_labels(eng) == ("packaging production",) and alt_labels(other) == ("packing",)
    views = SkillViews([eng, other], use_hidden_labels=True)
    owned = {(int(views.label_owner[i]), t.lower()) for i, t in enumerate(views.label_texts)}
    assert (0, "packaging production") in owned and (1, "packing") in owned
    assert not {t for row, t in owned if row == 0} & {"packing", "engineering"}
    matcher = AliasMatcher([eng, other], hidden=True)
    found = {h.row for h in matcher.find("Packing orders; BSc in engineering")}
    assert found == {1}


def test_a_carers_daily_living_and_fluid_charts_read_as_care_skills():
    """'helping residents wash, dress and eat' and 'recording fluid charts' read nothing right
    on the real model ('dress bodies', 'hydraulic fluid'): the curated care words name support
    with daily living and the resident's records, whatever the punctuation between them."""
    daily = "provide basic support to patients"
    records = "manage healthcare users' data"
    skills = [
        _skill(0, daily, desc="Support patients with activities of daily living."),
        _skill(1, records, desc="Keep accurate client records."),
        _skill(2, "dress bodies", desc="Dress deceased persons' bodies."),
        _skill(3, "hydraulic fluid", desc="Fluids used in hydraulic machines."),
    ]
    m = AliasMatcher(skills, curated=TRADE_ALIASES)

    def read(text):
        return {skills[h.row].preferred_label for h in m.find(text) if h.kind == CURATED}

    assert read("Helping residents wash, dress and eat.") == {daily}
    assert read("washing and dressing; activities of daily living") == {daily}
    assert read("Recording food and fluid charts") == {records}
    assert read("Changed the hydraulic fluid and dressed the window") == set()


def test_a_packers_orders_read_as_packing_goods():
    """'picking and packing orders' read as packaging engineering (ESCO's label 'packing', now
    left out) and then as packaging knowledge: the curated warehouse words name the work."""
    skills = [
        _skill(0, "pack goods", desc="Pack goods by hand in boxes."),
        _skill(1, "pick orders for dispatching", desc="Pick orders in a warehouse."),
        _skill(2, "packaging engineering", desc="The processes of packaging products."),
    ]
    m = AliasMatcher(skills, curated=TRADE_ALIASES)
    found = {
        skills[h.row].preferred_label
        for h in m.find("Picking and packing orders")
        if h.kind == CURATED
    }
    assert found == {"pack goods", "pick orders for dispatching"}
    assert not [h for h in m.find("packing the van") if h.kind == CURATED]


def test_a_decorators_painting_and_a_route_planning_read_no_art_and_no_bare_plan():
    """ESCO's alternative labels "paint" and "draw" of *express yourself creatively* read a
    decorator's "painting" and a phlebotomist's "order of draw" as fine arts, and the hidden label
    "planning" of *plan* any "route planning" as the bare transversal skill: none is a view of
    its skill; the same words of other skills still are."""
    from indexing.aliases import MISLEADING_LABELS, alt_labels, hidden_labels

    art = "http://data.europa.eu/esco/skill/93350886-a21b-4e61-a1b1-319a325c0f90"
    plan = "http://data.europa.eu/esco/skill/e49f4158-9d4c-425d-bf32-dfe89b19840a"
    assert {(art, "paint"), (art, "draw"), (plan, "planning")} <= MISLEADING_LABELS
    creative = SkillEntry(900, art, "express yourself creatively", alt_labels=("Paint", "sing"))
    planner = SkillEntry(901, plan, "plan", hidden_labels=("planning", "work planning"))
    surfaces = SkillEntry(902, "x:paint", "paint surfaces", alt_labels=("paint",))
    assert alt_labels(creative) == ("sing",) and alt_labels(surfaces) == ("paint",)
    assert hidden_labels(planner) == ("work planning",)
    matcher = AliasMatcher([creative, planner, surfaces], hidden=True)
    found = {h.row for h in matcher.find("paint the walls, planning, sing")}
    assert found == {0, 2}
