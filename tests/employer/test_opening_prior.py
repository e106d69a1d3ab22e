"""An opening read from its words asks, weakly, for what its trade needs: the essentials of the
occupation the posting was resolved to (service/profiles/opening_prior.py). A sparse opening
("Full time, immediate start") ranks candidates by its trade instead of no one; one that states
its skills asks for what it states."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from models.tables import PostingSkill
from service.config import Settings
from service.employer.tenants import create_key, create_tenant
from service.matching import RequiredSkill
from service.profiles.opening_prior import (
    opening_requirements,
    prior_weight,
    with_occupation_prior,
)
from tests.utils.queries import essential_skills

SETTINGS = Settings(opening_occupation_weight=2.0)


def _link(pid: int, sid: int, *, relation=None, source="extracted", confidence=0.5):
    return PostingSkill(
        posting_id=pid, skill_id=sid, relation=relation, source=source, confidence=confidence
    )


@pytest.mark.parametrize(
    ("strength", "named", "want"),
    [(2.0, 0.0, 2.0), (2.0, 1.0, 2 / 3), (2.0, 5.0, 2 / 11), (0.0, 0.0, 0.0), (2.0, -3.0, 2.0)],
)
def test_the_prior_gives_way_to_what_the_opening_names(strength, named, want):
    assert prior_weight(strength, named) == pytest.approx(want)


def test_the_prior_weighs_less_than_what_the_opening_reads_once_it_reads_a_skills_worth():
    for strength in (0.5, 2.0, 10.0, 1e6):
        for named in (1.0, 1.5, 3.0, 40.0):
            assert prior_weight(strength, named) < min(named, 1.0 + 1e-12)
    assert prior_weight(2.0, 0.5) == pytest.approx(1.0)  # a weak reading: the trade weighs more


def test_a_named_skill_keeps_its_weight_and_the_trades_share_the_rest():
    own = [RequiredSkill(1, "a", 0.5, False)]
    out = with_occupation_prior(own, [(1, "a"), (2, "b"), (3, "c")], SETTINGS)
    assert out[0] == own[0] and len(out) == 3
    extra = out[1:]
    assert {r.skill_id for r in extra} == {2, 3} and not any(r.essential for r in extra)
    assert sum(r.weight for r in extra) == pytest.approx(prior_weight(2.0, 0.5), abs=1e-5)
    off = Settings(opening_occupation_weight=0.0)
    assert with_occupation_prior(own, [(2, "b")], off) == own


def test_only_an_opening_read_from_its_words_gets_the_prior():
    links = {
        1: [(_link(1, 10), "read")],  # read from the text
        2: [(_link(2, 10, relation="essential", source="explicit", confidence=1.0), "said")],
        3: [(_link(3, 10, source="explicit", confidence=0.9), "said")],  # an explicit skill
    }
    occupation_of = {1: 7, 2: 7, 3: 7, 4: 7, 5: None}  # 4: reads nothing; 5: no trade
    essentials = {7: [(10, "x"), (11, "y"), (12, "z")]}
    got = opening_requirements(links, occupation_of, essentials, SETTINGS)
    assert set(got[1]) == {10, 11, 12} and got[1][10].weight == pytest.approx(0.5)
    assert set(got[2]) == {10} and set(got[3]) == {10}
    assert set(got[4]) == {10, 11, 12}
    assert sum(r.weight for r in got[4].values()) == pytest.approx(2.0, abs=1e-5)
    assert got[5] == {}


def test_a_trade_of_thousands_of_essentials_is_spread_thin():
    many = [(i, f"s{i}") for i in range(20_000)]
    out = with_occupation_prior([], many, SETTINGS)
    assert len(out) == 20_000
    assert sum(r.weight for r in out) == pytest.approx(2.0, rel=1e-3)


@pytest.fixture(scope="module")
def tenant_client(app, runtime):
    with Session(runtime.engine) as s:
        tenant = create_tenant(s, "sparse-openings")
        _row, key = create_key(s, tenant.id, ["write"])
    with TestClient(app, headers={"Authorization": f"Bearer {key}"}) as c:
        yield c


def test_a_sparse_opening_ranks_candidates_by_its_trade(tenant_client, runtime):
    c = tenant_client
    _oid, ess = essential_skills(runtime.engine, "data scientist")
    r = c.post("/v1/postings", json={"external_id": "sparse-1", "title": "data scientist",
                                      "description": "Full time. Immediate start."})  # fmt: skip
    assert r.status_code == 201, r.text
    post = r.json()["items"][0]["id"]
    read = c.get(f"/v1/postings/{post}/skills").json()
    own, own_ids = {sk["uri"] for sk in read}, {sk["id"] for sk in read}
    assert len(own) <= 2  # it reads little itself (the title: here "data mining")
    made = []
    for name, skills in (("Dee", ess[:6]), ("Eve", ess[:1]), ("Fay", [])):
        body = {"name": name, "skills": skills} if skills else {"name": name, "text": "Hello."}
        r = c.post("/v1/candidates", json=body)
        assert r.status_code == 201, r.text
        made.append(r.json()["id"])
    r = c.post(f"/v1/openings/{post}/candidates", json={"limit": 10, "plan": False})
    assert r.status_code == 200, r.text
    body = r.json()
    order = [(i["candidate"]["name"], i["coverage"]) for i in body["items"]]
    assert [n for n, _c in order[:2]] == ["Dee", "Eve"], order
    assert order[0][1] > order[1][1] > 0
    assert body["opening"]["n_skills"] == len(own | set(ess))
    # the candidate's side: the opening is among Dee's openings, asked for by its trade
    r = c.post(f"/v1/candidates/{made[0]}/openings", json={"include_public": False})
    assert r.status_code == 200, r.text
    assert [i["opening"]["id"] for i in r.json()["items"]] == [post]
    # a learner aiming at the opening sees the trade's skills, none of them essential
    r = c.post("/v1/gap", json={"target": {"posting_id": post}, "learner": {"skills": ess[:2]}})
    assert r.status_code == 200, r.text
    items = r.json()["gap"]["items"]
    assert len(items) == len(own | set(ess))
    assert not any(i["essential"] for i in items if i["skill_id"] not in own_ids)
