"""Hostile ingest bodies (issue 13, defects 4, 7, 8): each is refused in the documented error
shape (status, message, the field at fault, `X-Request-ID`) and stores nothing; a bad number
already in the database never breaks the answers of everyone who meets the record."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlmodel import Session

from models.tables import Credential, CredentialSkill, JobPosting
from service.ingest.pipeline import Ingestor
from tests.utils.errors import assert_error
from tests.utils.queries import essential_skills

FIXTURES = Path(__file__).resolve().parents[1] / "ingest" / "fixtures"
JSON = {"content-type": "application/json"}
CSV = {"content-type": "text/csv"}


def stored(runtime, table, external_id: str) -> int:
    with Session(runtime.engine) as s:
        where = table.external_id.like(f"%{external_id}")
        return s.execute(select(func.count()).select_from(table).where(where)).scalar_one()


# --- defect 4: non-finite and absurd numbers ---------------------------------------------------


@pytest.mark.parametrize(
    ("member", "field"),
    [
        ('"cost": Infinity', "cost"),
        ('"cost": NaN', "cost"),
        ('"cost": 1e999', "cost"),  # parses as infinity
        ('"cost": 1e300', "cost"),  # finite, but no course costs that
        ('"validity_months": 100000', "validity_months"),
        ('"skills": [{"label": "python", "weight": NaN}]', "skills[0].weight"),
    ],
)
def test_a_non_finite_or_absurd_number_is_refused_with_its_field(client, runtime, member, field):
    ext = f"nf-{abs(hash(member))}"
    body = f'{{"external_id": "{ext}", "title": "Odd course", {member}}}'
    r = client.post("/v1/credentials", content=body, headers=JSON)
    assert_error(r, 422, field)
    assert stored(runtime, Credential, ext) == 0


def test_a_non_finite_number_anywhere_in_a_document_is_refused(client, runtime):
    """The document is kept verbatim (`original`) and shown again: no member may be NaN."""
    doc = (FIXTURES / "ob3_achievement.json").read_text()
    text = doc.replace('"achievementType"', '"x-score": {"mean": NaN}, "achievementType"', 1)
    r = client.post("/v1/credentials", content=text, headers=JSON)
    assert_error(r, 422, "x-score.mean")


def test_a_non_finite_csv_cell_costs_its_row_only(client, runtime):
    csv_text = "external_id,title,cost\nnf-csv-ok,Fine course,10\nnf-csv-inf,Odd course,inf\n"
    r = client.post("/v1/credentials", content=csv_text, headers=CSV)
    assert r.status_code == 200, r.text
    ok, bad = r.json()["items"]
    assert ok["status"] in ("created", "unchanged") and bad["status"] == "error"
    assert bad["errors"][0]["field"] == "cost"
    assert stored(runtime, Credential, "nf-csv-inf") == 0


def test_a_batch_with_one_infinite_cost_stores_the_others(client, runtime):
    good = {"external_id": "nf-batch-ok", "title": "Fine course", "cost": 10}
    body = f'[{json.dumps(good)}, {{"external_id": "nf-batch-bad", "title": "x", "cost": 1e999}}]'
    r = client.post("/v1/credentials", content=body, headers=JSON)
    assert r.status_code == 200, r.text
    ok, bad = r.json()["items"]
    assert ok["status"] in ("created", "unchanged")
    assert bad["status"] == "error" and bad["errors"][0]["field"] == "cost"
    assert stored(runtime, Credential, "nf-batch-bad") == 0


def test_a_stored_non_finite_number_does_not_break_answers(client, anon, runtime, caplog):
    """A row written around the ingest checks (here: by hand) is read as unknown and logged."""
    oid, ess = essential_skills(runtime.engine, "data scientist")
    doc = {"external_id": "nf-stored", "title": "Odd course", "kind": "course", "hours": 1,
           "cost": 1, "skills": [{"uri": u} for u in ess]}  # fmt: skip
    r = client.post("/v1/credentials", json=doc)
    assert r.status_code in (200, 201), r.text
    cid = r.json()["items"][0]["id"]
    with Session(runtime.engine) as s:
        inf = float("inf")
        s.execute(update(Credential).where(Credential.id == cid).values(cost=inf, hours=inf))
        links = CredentialSkill.credential_id == cid
        s.execute(update(CredentialSkill).where(links).values(weight=-inf))
        s.commit()
    runtime.catalog.invalidate()
    try:
        with caplog.at_level(logging.WARNING, logger="skillmatch"):
            r = anon.post("/v1/recommendations", json={"target": {"occupation_id": oid}})
        assert r.status_code == 200, r.text
        steps = r.json()["plan"]["steps"]
        odd = [s["credential"] for s in steps if s["credential"]["id"] == cid]
        # a stored non-finite number is unknown (null, or an estimate labelled as such)
        assert all(c["cost"] is None and c["hours"] is None for c in odd)
        assert any(f"credential {cid} has cost=inf" in m for m in caplog.messages)
        one = anon.get(f"/v1/credentials/{cid}")
        assert one.status_code == 200 and one.json()["cost"] is None
        assert anon.get("/v1/credentials", params={"q": "odd course"}).status_code == 200
    finally:
        assert client.delete(f"/v1/credentials/{cid}").status_code == 204


# --- defect 7: malformed bodies ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "headers", "says"),
    [
        ("[" * 3000, JSON, "nested too deeply"),
        ('{"external_id": "n", "title": "t", "remote": ' + "9" * 5000 + "}", JSON, "digits"),
        ("title,description\nBig," + "a" * (128 * 1024 + 1) + "\n", CSV, "line 2"),
    ],
    ids=["nesting", "long-integer", "csv-cell"],
)
def test_a_malformed_body_is_refused_in_the_error_shape(client, content, headers, says):
    r = client.post("/v1/postings", content=content, headers={**headers, "X-Request-ID": "bad-1"})
    body = assert_error(r, 422, "body", request_id="bad-1")
    assert says in body["detail"]


def test_a_malformed_jsonl_line_costs_that_line_only(client, runtime):
    lines = [
        json.dumps({"external_id": "jl-ok", "title": "Fine opening"}),
        '{"external_id": "jl-bad", "title": "x", "remote": ' + "9" * 5000 + "}",
        "[" * 3000,
    ]
    r = client.post(
        "/v1/postings",
        params={"visibility": "public"},
        content="\n".join(lines),
        headers={"content-type": "application/x-ndjson"},
    )
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert [i["status"] for i in items][1:] == ["error", "error"]
    assert "digits" in items[1]["errors"][0]["message"]
    assert "nested too deeply" in items[2]["errors"][0]["message"]
    assert stored(runtime, JobPosting, "jl-bad") == 0


# --- defect 8: invalid UTF-8, control characters, internals --------------------------------------


@pytest.mark.parametrize(
    ("content", "headers"),
    [
        (b'{"external_id": "utf-1", "title": "caf\xe9 au lait"}', JSON),  # Latin-1, not UTF-8
        (b"external_id,title\nutf-1,caf\xff\n", CSV),
    ],
    ids=["json", "csv"],
)
def test_a_body_that_is_not_utf8_is_refused_not_mangled(client, runtime, content, headers):
    r = client.post("/v1/postings", content=content, headers=headers)
    body = assert_error(r, 422, "body")
    assert "UTF-8" in body["detail"]
    assert stored(runtime, JobPosting, "utf-1") == 0


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        ({"external_id": "ctl-\u0000", "title": "Opening"}, "external_id"),
        ({"external_id": "ctl-2", "title": "Open\u0000ing"}, "title"),
        ({"external_id": "ctl-3\u0007", "title": "Opening"}, "external_id"),
        ({"external_id": "ctl-4", "title": "Opening", "description": "a\u0000b"}, "description"),
    ],
)
def test_control_characters_in_identifiers_are_refused(client, runtime, doc, field):
    r = client.post("/v1/postings", json=doc)  # json escapes them: \u0000 on the wire
    assert_error(r, 422, field)
    with Session(runtime.engine) as s:
        ids = s.execute(select(JobPosting.external_id)).scalars().all()
    assert not [i for i in ids if "ctl-" in i]


def test_a_tab_or_a_line_break_in_a_description_is_text(client):
    doc = {"external_id": "tab-ok", "title": "Opening", "description": "Line one\n\tLine two"}
    assert client.post("/v1/postings", json=doc).status_code in (200, 201)


def test_an_oversized_integer_is_refused_by_its_field_not_the_database(client):
    r = client.post(
        "/v1/credentials",
        json={"external_id": "big-int", "title": "Course", "validity_months": 10**30},
    )
    body = assert_error(r, 422, "validity_months")
    assert "Error" not in body["detail"]


def test_a_database_refusal_shows_no_internals(client, runtime, monkeypatch, caplog):
    """Whatever the database says stays in the log; the answer names the record, not the
    exception (it once said `OverflowError: Python int too large to convert to SQLite ...`)."""
    row_values = Ingestor._row_values

    def overflowing(self, p):
        return row_values(self, p) | {"eqf_level": 2**70}  # no INTEGER column holds it

    monkeypatch.setattr(Ingestor, "_row_values", overflowing)
    with caplog.at_level(logging.WARNING, logger="skillmatch"):
        r = client.post("/v1/credentials", json={"external_id": "db-refused", "title": "Course"})
    body = assert_error(r, 422, "$")
    message = body["detail"]
    for internal in ("Error", "SQLite", "INTEGER", "int", "psycopg"):
        assert internal not in message, message
    assert any(r.exc_info for r in caplog.records if "db-refused" in r.getMessage())
    assert stored(runtime, Credential, "db-refused") == 0
