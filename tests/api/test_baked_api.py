"""Baked badges and OB 2.0 bundles through the API: a learner's and a candidate's badges as
data: URLs of PNG / SVG images, a bundle in learner.badges, and a baked badge posted to ingest
(image/png, image/svg+xml); hostile images answer 422 naming `body`, never a 500."""

from __future__ import annotations

import base64

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Tenant
from service.employer.tenants import create_key, create_tenant
from tests.utils.errors import assert_error
from tests.utils.queries import essential_skills
from tests.verify.baking import baked_png, baked_svg, chunk, png

EMAIL = "baked@example.org"


def _assertion(uris: list[str], *, badge_id: str = "https://issuer.example/badges/baked") -> dict:
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "https://issuer.example/assertions/baked-1",
        "recipient": {"type": "email", "hashed": False, "identity": EMAIL},
        "issuedOn": "2024-01-01T00:00:00Z",
        "verification": {"type": "hosted"},
        "badge": {
            "type": "BadgeClass",
            "id": badge_id,
            "name": "Baked analytics",
            "description": "The holder analyses data.",
            "criteria": {"narrative": "Pass."},
            "issuer": {"type": "Profile", "id": "https://issuer.example", "name": "Issuer"},
            "alignment": [{"targetName": "skill", "targetUrl": u} for u in uris],
        },
    }


def _data_url(data: bytes, media: str) -> str:
    return f"data:{media};base64," + base64.b64encode(data).decode()


@pytest.fixture(scope="module")
def role(runtime):
    return essential_skills(runtime.engine, "data scientist")


def _gap(client, badges: list, oid: int) -> dict:
    body = {"learner": {"badges": badges, "identifiers": [EMAIL]}, "target": {"occupation_id": oid}}
    r = client.post("/v1/gap", json=body)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize("image", ["png", "svg"])
def test_a_learners_baked_badge_counts_like_the_json(client, role, image):
    oid, ess = role
    doc = _assertion(ess[:3])
    data = baked_png(doc) if image == "png" else baked_svg(doc)
    url = _data_url(data, "image/png" if image == "png" else "image/svg+xml")
    baked, plain = _gap(client, [url], oid), _gap(client, [doc], oid)
    assert baked["learner"]["badges"] == plain["learner"]["badges"]
    assert baked["learner"]["badges"][0]["status"] == "unverified"  # hosted: not offline
    assert baked["gap"]["counts"] == plain["gap"]["counts"]
    assert baked["gap"]["counts"]["covered"] >= 3


def test_a_bundle_in_learner_badges_counts_its_badge_class(client, role):
    oid, ess = role
    assertion = _assertion(ess[:3])
    badge_class = assertion["badge"] | {"issuer": "https://issuer.example"}
    issuer = assertion["badge"]["issuer"]
    assertion["badge"] = badge_class["id"]
    bundle = {"assertion": assertion, "badgeClass": badge_class, "issuer": issuer}
    out = _gap(client, [bundle], oid)
    assert out["learner"]["badges"][0]["status"] == "unverified"
    assert "cannot be checked offline" in out["learner"]["badges"][0]["message"]
    assert out["gap"]["counts"]["covered"] >= 3
    badge_class["issuer"] = "https://elsewhere.example"
    broken = _gap(client, [bundle], oid)
    assert broken["learner"]["badges"][0]["status"] == "failed"
    assert broken["gap"]["counts"]["covered"] < 3


DEEP_SVG = b"<svg xmlns:o='http://openbadges.org'>" + b"<g>" * 300 + b"<o:assertion>{}"


@pytest.mark.parametrize(
    ("data", "media", "words"),
    [
        (png(chunk(b"iTXt", b"openbadges\0\0\0\0\0{}", length=2**31)), "image/png",
         "more than the file"),
        (DEEP_SVG, "image/svg+xml", "deeper than 256"),
        (baked_svg("{}", prolog='<!DOCTYPE svg [<!ENTITY a "b">]>'), "image/svg+xml", "DTD"),
    ],
)  # fmt: skip
def test_a_hostile_image_in_learner_badges_is_a_failed_badge_not_an_error(
    client, role, data, media, words
):
    oid, _ess = role
    out = _gap(client, [_data_url(data, media)], oid)
    badge = out["learner"]["badges"][0]
    assert (badge["position"], badge["status"], badge["reason"]) == (0, "failed", "malformed")
    assert words in badge["message"]
    warning = out["learner"]["warnings"][0]
    assert warning["field"] == "learner.badges[0]" and words in warning["message"]


def test_a_candidates_baked_badge_is_verified_on_upload(app, runtime, role):
    _oid, ess = role
    with Session(runtime.engine) as s:
        tenant = s.execute(select(Tenant).where(Tenant.name == "bakery")).scalar_one_or_none()
        tenant = tenant or create_tenant(s, "bakery")
        _row, key = create_key(s, tenant.id, ["write"])
    t = TestClient(app, headers={"Authorization": f"Bearer {key}"})
    url = _data_url(baked_svg(_assertion(ess[:2])), "image/svg+xml")
    r = t.post("/v1/candidates", json={"name": "Baked", "identifiers": [EMAIL], "badges": [url]})
    assert r.status_code == 201, r.text
    badge = r.json()["badges"][0]
    assert badge["status"] == "unverified" and badge["title"] == "Baked analytics"


@pytest.mark.parametrize("media", ["image/png", "image/svg+xml"])
def test_ingest_takes_the_badge_class_out_of_a_baked_image(client, role, media):
    _oid, ess = role
    doc = _assertion(ess[:2], badge_id=f"https://issuer.example/badges/ingest-{media[6:9]}")
    data = baked_png(doc) if media == "image/png" else baked_svg(doc)
    r = client.post("/v1/credentials", content=data, headers={"content-type": media})
    assert r.status_code == 201, r.text
    got = client.get(f"/v1/credentials/{r.json()['items'][0]['id']}").json()
    assert got["title"] == "Baked analytics" and got["source_format"] == "ob2"
    assert set(ess[:2]) <= {s["uri"] for s in got["skills"]}


@pytest.mark.parametrize(
    ("data", "media"),
    [
        (png(), "image/png"),
        (b"not an image at all", "image/png"),
        (baked_svg("{}", prolog='<!DOCTYPE svg [<!ENTITY a "b">]>'), "image/svg+xml"),
        (png(chunk(b"iTXt", b"openbadges\0\0\0\0\0{}", crc=7)), "image/png"),
        (baked_png("this is not json nor a jws"), "image/png"),
        (DEEP_SVG, "image/svg+xml"),
    ],
)
def test_ingest_refuses_hostile_images_naming_the_body(client, data, media):
    r = client.post("/v1/credentials", content=data, headers={"content-type": media})
    assert_error(r, 422, "body")
    assert r.json()["code"] == "invalid_input"
    assert r.json()["detail"].startswith("not a baked badge: ")
