"""An employer's ranking counts what a candidate's skills show, as a learner's gap does
(service/employer/rankings.py `_with_shown`): a tool held shows the kind of tool ESCO files it
under (*Adobe Photoshop*: *graphics editor software*), at `partial_synonym_credit`."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from service.employer.tenants import create_key, create_tenant
from service.profiles.neighbours import shown_by


@pytest.fixture(scope="module")
def kind_and_tool(runtime):
    with Session(runtime.engine) as s:
        shows = shown_by(runtime, s)
    for kind, tools in sorted(shows.items()):
        tech = sorted(t for t in tools if runtime.skills[t].technology)
        if runtime.skills[kind].technology and tech:
            return runtime.skills[kind], runtime.skills[tech[0]]
    pytest.skip("no tool under a kind of tool in this taxonomy")


def test_a_candidates_tool_counts_for_the_kind_an_opening_asks_for(app, runtime, kind_and_tool):
    kind, tool = kind_and_tool
    with Session(runtime.engine) as s:
        tenant = create_tenant(s, "shown-skills")
        _row, key = create_key(s, tenant.id, ["write"])
    with TestClient(app, headers={"Authorization": f"Bearer {key}"}) as c:
        opening = {"external_id": "shown-1", "title": "Kind work", "description": "",
                   "skills": [{"uri": kind.uri, "relation": "essential"}]}  # fmt: skip
        r = c.post("/v1/postings", json=opening)
        assert r.status_code == 201, r.text
        post = r.json()["items"][0]["id"]
        ids = {}
        for name, skills in (("Tia", [tool.uri]), ("Kit", [kind.uri])):
            r = c.post("/v1/candidates", json={"name": name, "skills": skills})
            assert r.status_code == 201, r.text
            ids[name] = r.json()["id"]
        r = c.post(f"/v1/openings/{post}/candidates", json={"limit": 10, "plan": False})
        assert r.status_code == 200, r.text
        got = {i["candidate"]["name"]: i["coverage"] for i in r.json()["items"]}
        r = c.post(f"/v1/candidates/{ids['Tia']}/openings", json={"include_public": False})
        assert r.status_code == 200, r.text
        theirs = {i["opening"]["id"]: i["coverage"] for i in r.json()["items"]}
    declared = runtime.settings.trust_declared
    assert got["Kit"] == pytest.approx(declared, abs=1e-4)  # the kind itself
    assert got["Tia"] == pytest.approx(declared * runtime.settings.partial_synonym_credit, abs=1e-3)
    assert theirs[post] == pytest.approx(got["Tia"], abs=1e-3)  # the other way round alike
