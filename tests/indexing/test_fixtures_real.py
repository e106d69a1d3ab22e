"""The behaviour fixtures (tests/fixtures/*.json) on the real model: CV lines give the skills a
careers adviser reads from them, stated names link, doubt or stay unlinked as expected.

To stay near a minute (about 45 s of CPU), the taxonomy is a subset: every skill the fixtures
name (expected or forbidden) and every SAMPLE_EVERY-th other skill of ESCO and O*NET, so that
each line and name meets unrelated competitors too; ordinary words are counted on the full
taxonomy. The README's numbers come from the full taxonomy (`skillmatch eval extraction
tests/fixtures/cv_lines.json`); the floors here guard the rules (gate, thresholds) against
regressions, they are not the model's quality.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from service.evaluation.fixtures import read_fixture, score_cv_lines, score_stated_names

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DATA = Path(__file__).resolve().parents[2] / "data"
SAMPLE_EVERY = 500
CHEF_TOOL = "Chef (tools for software configuration management)"


def _options(entry) -> list[str]:
    return list(entry) if isinstance(entry, list) else [entry]


def _named(cv: list[dict], names: list[dict]) -> set[str]:
    out: set[str] = set()
    for line in cv:
        for entry in line["must"]:
            out.update(entry if isinstance(entry, list) else [entry])
        out.update(line["must_not"])
    for n in names:
        expect = n["expect"] if isinstance(n["expect"], list) else [n["expect"]]
        out.update(x for x in expect if x)
        out.update(n.get("not", []))
    return out


@pytest.fixture(scope="module")
def fixtures():
    return (
        read_fixture(FIXTURES / "cv_lines.json")["lines"],
        read_fixture(FIXTURES / "stated_names.json")["names"],
    )


@pytest.fixture(scope="module")
def taxonomy(tmp_path_factory):
    """The full taxonomy's skill entries and occupation titles."""
    from sqlmodel import SQLModel

    from service.db import make_engine
    from service.taxonomy.load import load_taxonomy, occupation_titles, skill_entries

    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('taxonomy') / 'full.db'}")
    SQLModel.metadata.create_all(engine)
    load_taxonomy(engine, DATA, include_onet=True)
    entries, titles = skill_entries(engine), occupation_titles(engine)
    engine.dispose()
    return entries, titles


def test_every_curated_trade_word_names_skills_of_the_taxonomy(taxonomy):
    from indexing.context_aliases import curated_aliases

    esco = {s.preferred_label for s in taxonomy[0] if s.source == "esco"}
    # a named program may name O*NET's tool ("Word" beside Excel: *Microsoft Word*)
    tools = {s.preferred_label for s in taxonomy[0] if s.source == "onet" and s.technology}
    curated = curated_aliases()  # the trade words and the words of a context
    missing = {a: x for a, labels in curated.items() for x in labels if x not in esco}
    assert missing == {"Word": "Microsoft Word"} and "Microsoft Word" in tools, missing
    from indexing.trade_pairs import PAIRS  # the verb-object rules' skills too

    assert not {x for rule in PAIRS for x in rule.skills if x not in esco}


@pytest.fixture(scope="module")
def linker(taxonomy, fixtures):
    from indexing.encoder import SentenceTransformerEncoder
    from indexing.linker import SkillLinker
    from indexing.trade_pairs import PAIRS

    entries, titles = taxonomy
    # the fixtures' skills and the verb-object rules' (a rule whose skill the subset lacks owns
    # no words: "supporting families" read *family therapy*, "emptying bins" a council's bins)
    named = _named(*fixtures) | {x for rule in PAIRS for x in rule.skills}
    subset = [
        s for i, s in enumerate(entries) if s.preferred_label in named or i % SAMPLE_EVERY == 0
    ]
    assert named <= {s.preferred_label for s in subset}, "a fixture names no taxonomy skill"
    # ordinary words as in the full taxonomy ("salt" is one there, not in a subset of it)
    words = titles + [f"{s.preferred_label} {s.description}" for s in entries]
    lk = SkillLinker(subset, SentenceTransformerEncoder(), vocabulary=words)
    lk.build(batch_size=256)
    return lk


def test_cv_lines_yield_the_skills_an_adviser_reads(linker, fixtures):
    cv, _ = fixtures
    got = score_cv_lines(linker, cv)
    assert got["recall"] >= 78.0, got["failures"]  # 92.8 on this subset, 91.2 on the full one
    assert got["must_not_found"] <= 8, got["failures"]  # 8 here, 3 on the full taxonomy (9
    # before the subset held the rules' skills: "emptying bins" read a council's bins, the rule's
    # "dispose of non-hazardous waste" missing; a whole CV's second round: "supporting families"
    # reads no *family therapy* on the full taxonomy, 1 line of it here; a fourteenth round's
    # held-out "Store mgr ... running a team of volunteers" reads *support volunteers*, before
    # its rules too, the seventh; round words-19's held-out "Transport manager responsible for
    # 40 HGV drivers" reads *drive vehicles*, before the round's rules too, the eighth)
    by_text = {line["text"]: line for line in cv}
    cook = next(t for t in by_text if t.startswith("Line cook"))
    found = {x.preferred_label for x in linker.extract(cook)}
    assert "food hygiene rules" in found
    assert not found & {CHEF_TOOL, "Culinary Software Services ChefTec"}
    excel = {x.preferred_label for x in linker.extract(next(t for t in by_text if "Excel" in t))}
    assert "use spreadsheets software" in excel
    devops = {x.preferred_label for x in linker.extract("Deployed services with Chef and AWS.")}
    assert CHEF_TOOL in devops
    shop = {x.preferred_label for x in linker.extract(next(t for t in by_text if "tills" in t))}
    assert "operate cash register" in shop  # a curated trade word (indexing.aliases)


def test_stated_names_link_doubt_or_stay_unlinked_as_expected(linker, fixtures):
    _, names = fixtures
    got = score_stated_names(linker, names)
    assert got["accuracy"] >= 82.0, got["failures"]  # 86.8 on this subset, 84.2 on the full one
    assert got["wrong_sure_links"] <= 2, got["failures"]
    assert got["links_to_not"] <= 2, got["failures"]
    wrong = {(f["name"], f["got"]) for f in got["failures"]}
    for name, skill in [
        ("DAX", "Catalan"),
        ("pandas", "digital game creation systems"),
        ("Order of draw", "express yourself creatively"),
        ("matplotlib", "Gnuplot"),
        ("help desk ticketing", "monitor ticketing"),
        ("personal care", "attend to detail"),
        ("dementia care", "attend to detail"),
        ("Chef", CHEF_TOOL),
    ]:
        assert (name, skill) not in wrong


def test_candidate_scoring_keeps_the_skills_of_scoring_every_skill(linker, fixtures):
    """indexing/unit_scores.py with the real model: a unit's n-grams scored on its best 8
    skills (of the subset's) keep what scoring them on every skill keeps, with those 8 chosen
    by a float32 pass over every label or by the bfloat16 first pass."""
    import dataclasses

    cv, _ = fixtures
    texts = [line["text"] for line in cv] + ["Deployed services with Chef and AWS."]
    before = linker.config
    assert len(linker.skills) > 8 * 8
    try:
        got = {}
        for k, first in ((0, "exact"), (8, "exact"), (8, "bf16")):
            linker.config = dataclasses.replace(  # float32 spans: the same vectors in any batch
                before,
                extract_candidates=k,
                extract_first_pass=first,
                extract_short_precision="fp32",
            )
            got[k, first] = [[(x.skill_id, x.score) for x in linker.extract(t)] for t in texts]
    finally:
        linker.config = before

    def same(a, b) -> bool:  # the same skills in the same order, scores within float noise
        return [i for i, _ in a] == [i for i, _ in b] and all(
            abs(x - y) < 1e-5 for (_, x), (_, y) in zip(a, b, strict=True)
        )

    # indexing/first_pass.py: the bfloat16 pass gives the float32 pass's candidates (proved)
    assert all(same(x, y) for x, y in zip(got[8, "bf16"], got[8, "exact"], strict=True))
    # 8 candidates of this subset's skills approximate scoring every skill: a skill named only
    # by an n-gram can fall outside a unit's best 8 (the service's 64 of all skills lose none
    # of these lines, docs/quality.md); it may miss a skill, and add one only where a phrase's
    # runner-up is confirmed by a sentence whose best 3 lost a skill outside its 8: then one
    # the line expects ("distribute meals to patients" of the healthcare assistant's line, with
    # the 77 lines' subset), and at most two others: with the 197 lines' subset (the postings'
    # "manage staff" in it), a store supervisor's "staff rotas" also read *manage staff*; with
    # the 217 lines' subset (the tenth round's skills in it, before any of its rules), a kitchen
    # porter's "keeping the kitchen clean" also reads *clean rooms*
    agree = [same(x, y) for x, y in zip(got[8, "exact"], got[0, "exact"], strict=True)]
    assert sum(agree) >= 0.95 * len(texts)
    label = {s.id: s.preferred_label for s in linker.skills}
    expected = [{lab for e in line["must"] for lab in _options(e)} for line in cv] + [set()]
    unexpected = [
        (t, extra)
        for x, y, ok, t in zip(got[8, "exact"], got[0, "exact"], expected, texts, strict=True)
        if (extra := {label[i] for i, _ in x} - {label[i] for i, _ in y} - ok)
    ]
    assert len(unexpected) <= 2, unexpected
