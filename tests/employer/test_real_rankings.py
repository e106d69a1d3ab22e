"""An employer's ranking read as the employer would, on the real model: a warehouse team
leader's opening puts the shift supervisor who leads a team and holds a reach truck licence
before the operative, and both before a barista and a lorry driver (docs/quality.md, "An
employer's words, a second round": the opening's "Run our night shift of 12 operatives" read no
leading, and "reach truck licence" no forklift, so the operative came first)."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from service.employer.tenants import create_key, create_tenant

OPENING = {
    "external_id": "wh-tl-real",
    "title": "Warehouse Team Leader",
    "description": (
        "We are looking for a Warehouse Team Leader to run our night shift of 12 operatives. "
        "You will allocate work, monitor pick rates and accuracy, train new starters, and make "
        "sure health and safety rules are followed. You must hold a counterbalance or reach "
        "forklift licence and be confident using a WMS and Excel. Experience of stock control "
        "and goods-in is essential. We offer 28 days holiday and a pension."
    ),
}
CANDIDATES = {
    "Maria": "Warehouse shift supervisor at DHL for 3 years, leading a team of 10, pick rates, "
    "inductions, reach truck licence, SAP WMS.",
    "Tom": "Warehouse operative, picking and packing, RF scanner, counterbalance forklift licence.",
    "Dave": "HGV class 1 driver, 10 years, tachograph, multi-drop deliveries.",
    "Sam": "Barista, latte art, cash handling, training new baristas.",
}


@pytest.fixture
def employer(real_runtime):
    """A tenant's client on the real model's app; its opening and candidates are deleted after."""
    from service.api.app import create_app

    with Session(real_runtime.engine) as s:
        tenant = create_tenant(s, f"real-rankings-{uuid.uuid4().hex[:8]}")
        _row, key = create_key(s, tenant.id, ["write"])
    app = create_app(real_runtime.settings, runtime=real_runtime)
    made: list[str] = []
    with TestClient(app, headers={"Authorization": f"Bearer {key}"}) as c:
        yield c, made
        for path in made:
            c.delete(path)


@pytest.mark.slow
def test_a_team_leaders_opening_ranks_the_supervisor_first(employer):
    c, made = employer
    r = c.post("/v1/postings", json=OPENING)
    assert r.status_code == 201, r.text
    opening = r.json()["items"][0]["id"]
    made.append(f"/v1/postings/{opening}")
    skills = {s["preferred_label"] for s in c.get(f"/v1/postings/{opening}/skills").json()}
    assert {"lead a team", "operate forklift"} <= skills, skills
    for name, text in CANDIDATES.items():
        r = c.post("/v1/candidates", json={"name": name, "text": text})
        assert r.status_code == 201, r.text
        made.append(f"/v1/candidates/{r.json()['id']}")
    r = c.post(f"/v1/openings/{opening}/candidates", json={"limit": 10, "plan": False})
    assert r.status_code == 200, r.text
    order = [it["candidate"]["name"] for it in r.json()["items"]]
    assert order[:2] == ["Maria", "Tom"], order


ELECTRICIAN = "electrician"  # a dev case of tests/fixtures/employer_rankings.json


@pytest.mark.slow
def test_an_electricians_opening_ranks_the_approved_electrician_first(employer):
    """The third round's dev case (docs/quality.md, "An employer's words, a third round"): the
    approved electrician's CV line read only *drive vehicles* ("Approved electrician" named no
    job, "fault finding", "EICRs", "18th Edition" nothing), so the apprentice came first."""
    from tests.employer.rank_cases import load_cases, rank_case

    c, _made = employer
    (case,) = [k for k in load_cases("dev") if k["id"] == ELECTRICIAN]
    res = rank_case(c, case)
    assert {"troubleshoot", "electrical safety regulations"} <= set(res["opening"]), res
    assert {"troubleshoot", "inspect electrical supplies"} <= set(res["candidates"]["Ryan"])
    assert [name for name, _ in res["order"][:2]] == ["Ryan", "Leah"], res["order"]
