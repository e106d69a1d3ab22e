"""Baked badges on the learner page (issue 19: "from a Credly PNG export to a verified badge on
the web page"): an OB 2.0 assertion signed by its issuer (a did:key, so it verifies offline)
baked into a PNG, and an OB 3.0 VC-JWT baked into an SVG, picked in the page's badge file input.
The page sends each image as a data: URL; the answer shows both checked, and the skill each
aligns to among what the learner already has (nothing else brings those skills: no words, no
listed skill)."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from tests.browser.learner_page import add_from_search, look_up_title, requests_to, wait_for_plan

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EMAIL = "ada.baker@example.org"
LEARNER_DID = "did:example:baker-1"


def ob2_signed_assertion(skill: dict, issuer: str, public_pem: str) -> dict[str, Any]:
    """An OB 2.0 Assertion to EMAIL (hashed, as Credly and Badgr bake them) whose badge class
    aligns to `skill`; the issuer is a did:key and its embedded profile carries that key."""
    from tests.verify.badges import salted_sha256

    return {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "urn:uuid:2f7c1b0e-9d7a-4e55-a1f4-0c3b5d6e7f80",
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": "nacl",
            "identity": salted_sha256(EMAIL, "nacl"),
        },
        "issuedOn": "2024-05-01T09:00:00Z",
        "badge": {
            "type": "BadgeClass",
            "id": "https://badges.example.org/badges/baked-sql",
            "name": "Baked SQL",
            "description": "The holder writes SQL queries.",
            "criteria": {"narrative": "Pass the practical assessment."},
            "issuer": {
                "type": "Issuer",
                "id": issuer,
                "name": "Example Academy",
                "publicKey": {
                    "type": "CryptographicKey",
                    "id": f"{issuer}#key",
                    "owner": issuer,
                    "publicKeyPem": public_pem,
                },
            },
            "alignment": [{"targetName": skill["preferred_label"], "targetUrl": skill["uri"]}],
        },
        "verification": {"type": "SignedBadge", "creator": f"{issuer}#key"},
    }


@pytest.fixture(scope="module")
def baked(live_server):
    """The two image files and the essential skill each brings."""
    import httpx
    from cryptography.hazmat.primitives.asymmetric import ed25519

    from tests.browser.support import ob3_badge, occupation_skills, signed
    from tests.verify.baking import baked_png, baked_svg
    from tests.verify.signing import did_key, public_pem, sign_jws

    with httpx.Client(base_url=live_server.url, timeout=60) as http:
        _oid, essential, _optional = occupation_skills(http, "data analyst")
    png_skill, svg_skill = sorted(essential, key=lambda s: s["preferred_label"])[:2]
    signer = ed25519.Ed25519PrivateKey.generate()
    issuer = did_key(signer)
    assertion = sign_jws(ob2_signed_assertion(png_skill, issuer, public_pem(signer)), signer)
    credential = ob3_badge("Baked cleaning", [svg_skill], issuer=issuer, subject=LEARNER_DID)
    folder = live_server.root / "baked-badges"
    folder.mkdir(exist_ok=True)
    png, svg = folder / "credly-export.png", folder / "baked-cleaning.svg"
    png.write_bytes(baked_png(assertion, "ob2"))
    svg.write_bytes(baked_svg(signed(credential, signer), "ob3"))
    return {"png": (png, png_skill), "svg": (svg, svg_skill)}


def test_baked_images_are_checked_and_bring_their_skills(page, live_server, baked):
    (png, png_skill), (svg, svg_skill) = baked["png"], baked["svg"]
    page.goto(live_server.url + "/")
    sent = requests_to(page, "/v1/recommendations")
    look_up_title(page, "data analyst")
    page.click("#extras summary")
    page.set_input_files("#badge-files", [str(png), str(svg)])
    page.locator("#badge-list li").nth(1).wait_for()
    listed = page.inner_text("#badge-list")
    assert "credly-export.png: a baked badge (PNG)" in listed
    assert "baked-cleaning.svg: a baked badge (SVG)" in listed
    page.fill("#identifiers", f"{EMAIL}, {LEARNER_DID}")
    with page.expect_response("**/v1/recommendations") as answered:
        page.click("#learner-submit")
    wait_for_plan(page)

    # sent as they are: the image files' bytes in data: URLs, nothing else about the learner
    learner = sent[-1]["learner"]
    assert learner["skills"] == [] and "text" not in learner
    urls = learner["badges"]
    assert [u.split(",")[0] for u in urls] == ["data:image/png;base64", "data:image/svg+xml;base64"]
    assert base64.b64decode(urls[0].split(",")[1]) == png.read_bytes()
    assert base64.b64decode(urls[1].split(",")[1]) == svg.read_bytes()

    # both checked on the server, in the learner's words
    shown = page.locator("ul.badges > li")
    assert shown.count() == 2
    for i, name in enumerate(["credly-export.png", "baked-cleaning.svg"]):
        assert name in shown.nth(i).locator("strong").inner_text()
        assert shown.nth(i).locator(".tag").inner_text() == "checked"
        assert "its skills count fully" in shown.nth(i).inner_text()
    assert page.locator("ul.warnings").count() == 0  # nothing failed or was left out

    # the skill each brings: held on a verified badge, and what the page says you have
    data = answered.value.json()
    assert [b["status"] for b in data["learner"]["badges"]] == ["verified", "verified"]
    kinds = {s["uri"]: {e["kind"] for e in s["evidence"]} for s in data["learner"]["skills"]}
    assert kinds.get(png_skill["uri"]) == {"verified_badge"}
    assert kinds.get(svg_skill["uri"]) == {"verified_badge"}
    have = page.inner_text(".gap-words .words-have")
    assert png_skill["preferred_label"] in have and svg_skill["preferred_label"] in have
    covered = page.locator(".gap-covered li").all_text_contents()
    for skill in (png_skill, svg_skill):
        assert any(line.startswith(skill["preferred_label"]) for line in covered), covered
    partly = page.locator(".gap-words .words-partly")
    assert partly.count() == 0 or png_skill["preferred_label"] not in partly.inner_text()


def test_a_step_names_a_held_prerequisite_by_its_title(page, live_server):
    """The answer names held credentials beside their ids (learner.held_credential_items); a
    step that builds on a held credential names it by that title. The demo catalog's plans never
    build on a held credential (its prerequisites are advanced programmes no plan picks), so the
    real answer gets that one member added on its way to the page."""
    answers: list[dict] = []

    def answer(route) -> None:
        response = route.fetch()
        data = response.json()
        answers.append(data)
        held = data["learner"]["held_credential_items"]
        data["plan"]["steps"][0]["builds_on"]["credentials"] = [held[0]["external_id"]]
        route.fulfill(response=response, json=data)

    page.goto(live_server.url + "/")
    page.route("**/v1/recommendations", answer)
    look_up_title(page, "data analyst")
    page.click("#extras summary")
    title = "Certificate in Data Models and Mining"
    add_from_search(page, "cred", "Data Models and Mining", title)
    page.click("#learner-submit")
    wait_for_plan(page)
    learner = answers[-1]["learner"]
    (held,) = learner["held_credential_items"]
    assert held["title"] == title and learner["held_credentials"] == [held["id"]]
    first = page.locator("ol.plan > li").first.inner_text()
    assert f"{title} (held)" in first
    assert held["external_id"] not in first
