"""Item 8 of issue 19: the CTDL and schema.org fields once dropped. Parsers keep only what a
document states (no invented `remote: false`); a part-time programme is weekly hours x weeks;
codes choose occupations (O*NET-SOC through the crosswalk, ISCO by code, never by words); a
ceased credential is never planned and an expired opening never ranked, both shown as such."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation, Tenant
from service.employer.tenants import create_key, create_tenant
from service.ingest.occupations import crosswalk_of
from service.ingest.parsers import ParseError, parse_credential, parse_posting
from service.ingest.parsers.durations import part_time_hours, weekly_hours
from tests.utils.errors import assert_error
from tests.utils.queries import essential_skills

CTX = "https://credreg.net/ctdl/schema/context/json"
FUTURE = (dt.date.today() + dt.timedelta(days=60)).isoformat()


def _ctdl(**extra) -> dict:
    doc = {
        "@context": CTX,
        "@id": "https://ctdl.example.org/program/data-basics",
        "@type": "ceterms:LearningProgram",
        "ceterms:name": {"en-US": "Data basics, part time"},
        "ceterms:description": {"en-US": "Statistics and spreadsheets for analysts."},
        "ceterms:estimatedDuration": [
            {
                "@type": "ceterms:DurationProfile",
                "ceterms:description": {"en-US": "Part-time, 5-10 h/week"},
                "ceterms:exactDuration": "P9M",
            }
        ],
    }
    return doc | extra


def _job(**extra) -> dict:
    doc = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "identifier": "eco-job-1",
        "title": "Solutions designer",
        "description": "Design systems with stakeholders.",
        "jobLocation": {"@type": "Place", "address": {"addressLocality": "Lyon"}},
    }
    return doc | extra


# ------------------------------------------------------------------------------- parsers


@pytest.mark.parametrize(
    ("text", "weekly"),
    [
        ("Part-time, 5-10 h/week", 7.5),
        ("five to ten hours of student commitment per week", 7.5),
        ("about 8 hours a week", 8.0),
        ("2 hrs/wk", 2.0),
        ("40 hours in total", None),
        ("3 days per week", None),
        ("500 hours per week", None),  # not a part-time statement
        ("", None),
    ],
)
def test_weekly_hours_as_stated(text, weekly):
    assert weekly_hours(text) == weekly


def test_a_part_time_p9m_programme_is_weekly_hours_times_weeks():
    [rec] = parse_credential(_ctdl())
    assert rec.hours == part_time_hours("P9M", "5-10 h/week") == 292.5  # 7.5 h x 39 weeks
    assert rec.hours < 1440  # the full-time reading of P9M
    full = copy.deepcopy(_ctdl())
    del full["ceterms:estimatedDuration"][0]["ceterms:description"]
    assert parse_credential(full)[0].hours == 1440.0  # no weekly hours stated: full time


def test_reference_learning_program_is_part_time(shared_dir):
    path = shared_dir / "reference/ctdl/LearningProgram/1/LearningProgram-1.json"
    if not path.is_file():
        pytest.skip("../shared/reference is absent")
    [rec] = parse_credential(json.loads(path.read_text()))
    assert rec.hours == 292.5 and rec.life_cycle_status == "active"


def test_life_cycle_credits_and_occupation_codes():
    doc = _ctdl(**{
        "ceterms:lifeCycleStatusType": {"ceterms:targetNode": "lifeCycle:Ceased"},
        "ceterms:creditValue": [{
            "@type": "ceterms:ValueProfile", "ceterms:value": 12,
            "ceterms:creditUnitType": {"ceterms:targetNode": "creditUnit:DegreeCredit"},
        }],
        "ceterms:occupationType": [
            {"ceterms:codedNotation": "15-2051.00", "ceterms:frameworkName": "O*NET-SOC"},
            {"ceterms:targetNode": "https://data.europa.eu/esco/occupation/abc"},
            {"ceterms:codedNotation": "2511", "ceterms:frameworkName": {"en": "ISCO-08"}},
            {"ceterms:targetNodeName": {"en-US": "Data Analyst"}},  # a name: no code
        ],
    })  # fmt: skip
    [rec] = parse_credential(doc)
    assert rec.life_cycle_status == "ceased"
    assert (rec.credit_value, rec.credit_unit) == (12.0, "DegreeCredit")
    assert rec.occupations == [
        "onet:15-2051.00",
        "http://data.europa.eu/esco/occupation/abc",
        "isco:2511",
    ]


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        (
            "ceterms:creditValue",
            [{"ceterms:value": "lots"}],
            "ceterms:creditValue[0].ceterms:value",
        ),
        ("ceterms:creditValue", [{"ceterms:value": -3}], "ceterms:creditValue"),
        ("ceterms:creditValue", "12", "ceterms:creditValue[0]"),
        ("ceterms:occupationType", [7], "ceterms:occupationType[0]"),
        ("ceterms:lifeCycleStatusType", [3], "ceterms:lifeCycleStatusType[0]"),
    ],
)
def test_hostile_ctdl_values_name_the_field(field, value, path):
    with pytest.raises(ParseError) as err:
        parse_credential(_ctdl(**{field: value}))
    assert err.value.path == path


def test_posting_states_only_what_it_says():
    [rec] = parse_posting(_job())
    assert rec.remote is None  # an address does not say remote work is ruled out
    assert rec.valid_through is None and rec.salary is None and rec.employment_type == []
    [tele] = parse_posting(_job(jobLocationType="TELECOMMUTE"))
    assert tele.remote is True


def test_posting_closing_date_employment_salary_and_isco_code():
    [rec] = parse_posting(_job(**{
        "validThrough": "2025-03-31",
        "employmentType": ["FULL_TIME", "contractor"],
        "occupationalCategory": "2511",
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", "value": {
            "@type": "QuantitativeValue", "minValue": 42000, "maxValue": 50000,
            "unitText": "YEAR"}},
    }))  # fmt: skip
    assert rec.valid_through == dt.datetime(2025, 3, 31, 23, 59, 59, tzinfo=dt.UTC)
    assert rec.employment_type == ["FULL_TIME", "CONTRACTOR"]
    assert rec.occupation_code == "isco:2511" and rec.occupation_label is None
    assert rec.salary.model_dump(exclude_none=True) == {
        "currency": "EUR", "min_value": 42000.0, "max_value": 50000.0, "unit": "YEAR"
    }  # fmt: skip


def test_relevant_occupation_and_category_codes():
    coded = {"@type": "CategoryCode", "codeValue": "15-1252.00", "inCodeSet": "O*NET-SOC"}
    [a] = parse_posting(_job(occupationalCategory=coded))
    assert a.occupation_code == "onet:15-1252.00"
    [b] = parse_posting(_job(occupationalCategory="15-1252.00 Software Developers"))
    assert (b.occupation_code, b.occupation_label) == ("onet:15-1252.00", "Software Developers")
    rel = {"@type": "Occupation", "name": "Nurse", "occupationalCategory": "2221"}
    [c] = parse_posting(_job(relevantOccupation=rel))
    assert (c.occupation_code, c.occupation_label) == ("isco:2221", "Nurse")


@pytest.mark.parametrize(
    ("extra", "path"),
    [
        ({"validThrough": "next week"}, "validThrough"),
        ({"validThrough": 20250331}, "validThrough"),
        ({"employmentType": [1]}, "employmentType[0]"),
        ({"baseSalary": {"value": "a lot"}}, "baseSalary.value"),
        ({"baseSalary": {"value": -5}}, "baseSalary.value"),
        ({"baseSalary": "50k"}, "baseSalary"),
        ({"occupationalCategory": [5]}, "occupationalCategory[0]"),
    ],
)
def test_hostile_posting_values_name_the_field(extra, path):
    with pytest.raises(ParseError) as err:
        parse_posting(_job(**extra))
    assert err.value.path == path


# --------------------------------------------------------------------------- through the API


def _occupation(runtime, label: str) -> Occupation:
    with Session(runtime.engine) as s:
        return s.execute(select(Occupation).where(Occupation.preferred_label == label)).scalar_one()


def test_onet_code_of_a_credential_maps_through_the_crosswalk(client, runtime, settings):
    crosswalk = crosswalk_of(Path(settings.data_dir))
    code, uris = next(iter(sorted(crosswalk.items())))
    doc = _ctdl(**{"@id": "https://ctdl.example.org/onet-mapped",
                   "ceterms:occupationType": [{"ceterms:codedNotation": code,
                                               "ceterms:frameworkName": "O*NET-SOC"}]})  # fmt: skip
    r = client.post("/v1/credentials", json=doc)
    assert r.status_code in (200, 201), r.text
    got = client.get(f"/v1/credentials/{r.json()['items'][0]['id']}").json()
    assert got["occupations"] == uris and got["hours"] == 292.5


def test_isco_code_chooses_the_occupation_by_code_not_words(client, runtime):
    target = _occupation(runtime, "data scientist")
    assert target.isco_code
    # a title whose words name another occupation: the code wins
    doc = _job(identifier="eco-isco", title="Nurse", occupationalCategory=target.isco_code)
    r = client.post("/v1/postings?visibility=public", json=doc)
    assert r.status_code in (200, 201), r.text
    got = client.get(f"/v1/postings/{r.json()['items'][0]['id']}").json()
    with Session(runtime.engine) as s:
        occ = s.get(Occupation, got["occupation"]["id"])
    assert occ.isco_code == target.isco_code
    assert got["occupation_code"] == f"isco:{target.isco_code}" and got["remote"] is None


def test_an_unknown_code_is_a_warning_and_falls_back_to_the_title(client):
    r = client.post("/v1/postings?visibility=public", json=_job(
        identifier="eco-nocode", occupationalCategory="9999"))  # fmt: skip
    assert r.status_code in (200, 201), r.text
    assert r.json()["items"][0]["warnings"][0]["field"] == "occupation_code"


def test_a_ceased_credential_is_shown_but_never_planned(client, runtime):
    oid, ess = essential_skills(runtime.engine, "data scientist")
    base = {"kind": "course", "hours": 5, "cost": 10, "skills": [{"uri": u} for u in ess[:4]]}
    ceased = _ctdl(**{
        "@id": "https://ctdl.example.org/ceased",
        "ceterms:name": "Ceased data course",
        "ceterms:lifeCycleStatusType": {"ceterms:targetNode": "lifeCycle:Ceased"},
        "ceterms:teaches": [{"ceterms:targetNode": u} for u in ess[:4]],
        "ceterms:estimatedDuration": [{"ceterms:exactDuration": "PT2H"}],
    })  # fmt: skip
    live = {"external_id": "eco:live", "title": "Live data course", **base, "hours": 50}
    r = client.post("/v1/credentials", json=[ceased, live])
    assert r.status_code in (200, 201), r.text
    shown = client.get(f"/v1/credentials/{r.json()['items'][0]['id']}").json()
    assert shown["life_cycle_status"] == "ceased"
    body = {"target": {"occupation_id": oid}}
    steps = client.post("/v1/recommendations", json=body).json()["plan"]["steps"]
    planned = {s["credential"]["external_id"] for s in steps}
    assert "https://ctdl.example.org/ceased" not in planned
    ranked = client.get(f"/v1/occupations/{oid}/credentials", params={"limit": 100}).json()
    assert "https://ctdl.example.org/ceased" not in {c["external_id"] for c in ranked["items"]}


def test_an_expired_opening_is_shown_as_expired_and_never_ranked(app, client, runtime):
    _oid, ess = essential_skills(runtime.engine, "data scientist")
    with Session(runtime.engine) as s:
        tenant = s.execute(select(Tenant).where(Tenant.name == "eco")).scalar_one_or_none()
        tenant = tenant or create_tenant(s, "eco")
        _row, key = create_key(s, tenant.id, ["write"])
    t = TestClient(app, headers={"Authorization": f"Bearer {key}"})
    skills = [{"@type": "DefinedTerm", "url": u} for u in ess[:5]]
    old = _job(identifier="eco-old", validThrough="2020-01-31", skills=skills)
    new = _job(identifier="eco-new", validThrough=FUTURE, skills=skills)
    r = t.post("/v1/postings", json=[old, new])
    assert r.status_code in (200, 201), r.text
    old_id, new_id = (i["id"] for i in r.json()["items"])
    got = t.get(f"/v1/postings/{old_id}").json()
    assert got["expired"] is True and got["valid_through"] == "2020-01-31T23:59:59Z"
    assert t.get(f"/v1/postings/{new_id}").json()["expired"] is False
    cand = t.post("/v1/candidates", json={"name": "A", "skills": ["data science"]}).json()
    ranked = t.post(f"/v1/candidates/{cand['id']}/openings", json={"limit": 50}).json()
    ids = {i["opening"]["id"] for i in ranked["items"]}
    assert new_id in ids and old_id not in ids


def test_a_bad_closing_date_in_one_posting_is_refused_with_its_field(client):
    r = client.post("/v1/postings?visibility=public", json=_job(validThrough="soon"))
    assert_error(r, 422, "validThrough")


def test_records_without_the_new_fields_keep_their_content_hash():
    """An upgrade re-ingests nothing that did not change: the hash of a record that states none
    of the new fields is computed as before they existed."""
    import hashlib

    from models.records import LATER_FIELDS, CredentialRecord
    from service.repo.identity import content_hash

    rec = CredentialRecord(external_id="h:1", title="Hash me", hours=3, skills=[{"label": "SQL"}])
    before = rec.model_dump(mode="json", exclude={"original", *LATER_FIELDS})
    blob = json.dumps(before, sort_keys=True, ensure_ascii=False) + "\nm"
    assert content_hash(rec, "m") == hashlib.sha256(blob.encode()).hexdigest()
    ceased = rec.model_copy(update={"life_cycle_status": "ceased"})
    assert content_hash(ceased, "m") != content_hash(rec, "m")
