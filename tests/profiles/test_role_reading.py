"""A learner's own words read again for the target role's skills (indexing/role_reading.py,
service/profiles/role_reading.py): the mechanics on the mini taxonomy, then what a careers
adviser would read from real CV lines for real roles, on the real model (slow)."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from indexing.role_reading import plain_readings, read_for_skills
from service.profiles.learner import build_learner
from service.profiles.role_reading import SOURCE, read_for_role

LOOSE = {"min_score": 0.0, "max_rank": 10**6, "margin": 10.0}


def _by_label(runtime, label: str) -> int:
    return next(e.id for e in runtime.skills.values() if e.preferred_label == label)


def test_a_skill_named_in_the_text_is_read_with_its_span(runtime):
    skill = next(iter(runtime.skills.values()))
    text = f"Five years of work. I {skill.preferred_label} every day, and I like it."
    got = read_for_skills(runtime.linker, text, [skill.id], **LOOSE)
    assert [r.skill_id for r in got] == [skill.id]
    ev = got[0].evidence
    assert text[ev.start : ev.end] == ev.text and skill.preferred_label in ev.text


def test_the_floors_keep_a_reading_out(runtime):
    skill = next(iter(runtime.skills.values()))
    text = f"I {skill.preferred_label}."
    assert read_for_skills(runtime.linker, text, [skill.id], **{**LOOSE, "min_score": 5.0}) == []
    assert read_for_skills(runtime.linker, text, [skill.id], **{**LOOSE, "margin": -1.0}) == []
    others = [e.id for e in runtime.skills.values() if e.id != skill.id]
    # the rank: how many skills the unit reads better; none better than rank -1 exists
    assert read_for_skills(runtime.linker, text, [skill.id], **{**LOOSE, "max_rank": -1}) == []
    ranks = {r.skill_id: r.rank for r in read_for_skills(runtime.linker, text, others, **LOOSE)}
    assert all(rank >= 0 for rank in ranks.values())


@pytest.mark.parametrize("text", ["", "   ", ".,;", "the and of"])
def test_an_empty_text_or_unknown_skills_read_nothing(runtime, text):
    skill = next(iter(runtime.skills.values()))
    assert read_for_skills(runtime.linker, text, [skill.id], **LOOSE) == []
    assert read_for_skills(runtime.linker, "I cook.", [-1, 10**9], **LOOSE) == []


def test_the_learner_keeps_what_it_had_and_gains_only_wanted_skills(runtime):
    a, b = list(runtime.skills.values())[:2]
    text = f"I {a.preferred_label}. I {b.preferred_label}."
    with Session(runtime.engine) as s:
        learner = build_learner(runtime, s, skills=[a.preferred_label])
    before = {sid: list(evs) for sid, evs in learner.evidence.items()}
    loose = runtime.settings.model_copy(
        update={
            "role_reading_min_score": 0.0,
            "role_reading_margin": 10.0,
            "role_reading_max_rank": 10**6,
        }  # fmt: skip
    )
    rt = _with_settings(runtime, loose)
    got = read_for_role(rt, learner, text, [a.id, b.id], trust=0.5)
    for sid, evs in before.items():  # evidence the learner had is left as it was
        assert got.evidence[sid] == evs
    if b.id not in before:
        (ev,) = got.evidence[b.id]
        assert ev.source == SOURCE and ev.kind == "text" and 0 < ev.confidence <= 0.5
        assert got.profile.skills[b.id] == pytest.approx(ev.confidence, abs=1e-4)
    off = _with_settings(runtime, loose.model_copy(update={"role_reading_max_rank": -1}))
    assert read_for_role(off, learner, text, [a.id, b.id], trust=0.5) is learner
    assert read_for_role(rt, learner, "", [b.id], trust=0.5) is learner


def _with_settings(runtime, settings):
    from dataclasses import replace

    return replace(runtime, settings=settings)


# ---------------------------------------------------------------------------------------------
# the real model: a careers adviser's reading

CASES = [
    # (CV line, the role's skills that it says plainly, the role's skills it does not say)
    ("Barista for four years in a busy city cafe: espresso drinks, cash handling, opening and "
     "closing the shop, training new staff.", ["train employees"],
     ["recruit employees", "manage staff", "control of expenses"]),
    ("Office administrator: I keep personnel files, book interviews, answer phones and prepare "
     "contracts in Word.", [], ["document interviews", "interview people", "manage payroll"]),
    ("Waitress: took orders, served food and drinks, handled card and cash payments.",
     ["take payments for bills", "serve beverages"], ["prepare alcoholic beverages"]),
    ("Nurse aide on a hospital ward: taking patients' vital signs, helping with bathing and "
     "feeding, making beds.", ["monitor basic patients signs"],
     ["administer prescribed medication"]),
    ("Electrician's mate on building sites for two years: pulling cables, fitting sockets and "
     "light switches, reading wiring diagrams.", ["install electricity sockets"],
     ["cut wall chases", "splice cable"]),
    # an employer's candidate (tests/browser/test_employer_journey.py): the opening's ad reads
    # as "plan shifts of employees", her CV's words as "schedule shifts"
    ("Warehouse shift supervisor for five years at a distribution centre. I lead a team of ten "
     "pickers and packers, plan the weekly shifts, and use handheld scanners every day.",
     ["plan shifts of employees"], ["recruit employees", "manage payroll"]),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "said", "not_said"), CASES, ids=[c[0][:20] for c in CASES])
def test_real_cv_lines_read_for_a_role(real_runtime, text, said, not_said):
    rt = real_runtime
    s = rt.settings
    ids = {label: _by_label(rt, label) for label in said + not_said}
    got = read_for_skills(
        rt.linker, text, list(ids.values()), min_score=s.role_reading_min_score,
        max_rank=s.role_reading_max_rank, margin=s.role_reading_margin,
    )  # fmt: skip
    read = {rt.skills[r.skill_id].preferred_label for r in got}
    assert set(said) <= read and not read & set(not_said), read
    for r in got:
        assert text[r.evidence.start : r.evidence.end] == r.evidence.text
    # what a stored CV keeps for any role (an employer's candidate) agrees on these skills
    plain = plain_readings(
        rt.linker, text, min_score=s.role_reading_min_score, max_rank=s.role_reading_max_rank,
        margin=s.role_reading_margin,
    )  # fmt: skip
    kept = {rt.skills[r.skill_id].preferred_label for r in plain}
    assert kept & set(said + not_said) == read


@pytest.mark.slow
def test_a_recommendation_counts_what_the_cv_says_for_the_role(real_runtime):
    """The barista who trains new staff is not sent to learn 'train employees' for a cafe
    manager's role; the answer shows the span it was read from."""
    from fastapi.testclient import TestClient

    from service.api.app import create_app

    cv = ("Barista for four years in a busy city cafe: espresso drinks, cash handling, opening "
          "and closing the shop, training new staff.")  # fmt: skip
    body = {"learner": {"text": cv}, "target": {"title": "cafe manager"},
            "constraints": {"max_hours": 120}}  # fmt: skip
    with TestClient(create_app(real_runtime.settings, runtime=real_runtime)) as c:
        r = c.post("/v1/recommendations", json=body)
    assert r.status_code == 200, r.text
    out = r.json()
    train = _by_label(real_runtime, "train employees")
    item = next(i for i in out["gap"]["items"] if i["skill_id"] == train)
    assert item["status"] != "missing"
    (held,) = [x for x in out["learner"]["skills"] if x["skill_id"] == train]
    (ev,) = held["evidence"]
    # the extractor itself reads it now (the rule train + staff: source "text"), else the role's
    assert ev["source"] in {SOURCE, "text"} and ev["text"] == "training new staff"
    assert cv[ev["start"] : ev["end"]] == ev["text"]
    taught = {c["skill_id"] for st in out["plan"]["steps"] for c in st["covers"]}
    assert train not in taught
