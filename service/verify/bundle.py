"""An Open Badges 2.0 bundle: a hosted assertion sent together with its BadgeClass and issuer
Profile, as `{"assertion": {...}, "badgeClass": {...}, "issuer": {...}}`.

Hosted verification fetches the assertion from its own `id`, the BadgeClass from the
assertion's `badge` URL and the Profile from the BadgeClass's `issuer` URL. Offline none of
them can be fetched, so this checks what the supplied documents can show, and says so:

- checked: the assertion is hosted (`verification.type` hosted); its `badge` URL is the
  supplied BadgeClass's `id`, whose `issuer` URL is the supplied Profile's `id`; the
  assertion's `id` lies under an origin the issuer allows (its `verification.allowedOrigins`,
  else the origin of its own `id`; and its `verification.startsWith`, when given); then the
  dates, the revocation lists supplied and the recipient, as for any assertion.
- not checked: that the issuer still publishes this assertion (not revoked since), and that
  the supplied BadgeClass and Profile are what their URLs serve today. So a bundle is at best
  "unverified"; a mismatch between its parts is "failed".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from service.verify.context import Draft, Inputs
from service.verify.ob2 import check_after_proof, read_assertion
from service.verify.result import (
    CLAIM_MISMATCH,
    ISSUER_MISMATCH,
    NO_PROOF,
    JsonDict,
    ProofOutcome,
    fail,
    malformed,
)
from service.verify.revocation import id_of, types_of

PARTS = ("assertion", "badgeClass", "issuer")
NOT_CHECKED = (
    "The badge class and issuer supplied match the assertion's URLs and the issuer allows its "
    "origin; that the issuer still hosts this assertion (and has not revoked it) cannot be "
    "checked offline."
)


def is_bundle(doc: Mapping[str, Any]) -> bool:
    return isinstance(doc.get("assertion"), Mapping) and "badgeClass" in doc


def _part(doc: Mapping[str, Any], name: str, kinds: set[str]) -> JsonDict:
    part = doc.get(name)
    if not isinstance(part, Mapping):
        raise malformed(f"The bundle's {name} must be a JSON object.")
    if not types_of(part) & kinds:
        raise malformed(f"The bundle's {name} is not of type {' or '.join(sorted(kinds))}.")
    if not isinstance(part.get("id"), str):
        raise malformed(f"The bundle's {name} has no id.")
    return dict(part)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def _check_origin(assertion_id: str, profile: JsonDict) -> None:
    verification = profile.get("verification")
    verification = verification if isinstance(verification, Mapping) else {}
    allowed = verification.get("allowedOrigins") or [_origin(profile["id"])]
    allowed = [allowed] if isinstance(allowed, str) else allowed
    origins = {a if "://" in a else f"https://{a}" for a in allowed if isinstance(a, str)}
    origin = _origin(assertion_id)
    if not origin or origin not in {_origin(o) for o in origins}:
        raise fail(ISSUER_MISMATCH, "The assertion is not hosted at an origin its issuer allows.")
    starts = verification.get("startsWith")
    starts = [starts] if isinstance(starts, str) else starts or []
    if starts and not any(isinstance(s, str) and assertion_id.startswith(s) for s in starts):
        raise fail(ISSUER_MISMATCH, "The assertion's URL is not under one its issuer allows.")


def verify_ob2_bundle(doc: JsonDict, draft: Draft, inputs: Inputs) -> ProofOutcome:
    extra = set(doc) - set(PARTS)
    if extra:
        raise malformed(f"The bundle has unknown members: {', '.join(sorted(extra))}.")
    assertion = _part(doc, "assertion", {"Assertion"})
    badge_class = _part(doc, "badgeClass", {"BadgeClass"})
    profile = _part(doc, "issuer", {"Issuer", "Profile"})
    verification = assertion.get("verification")
    kind = verification.get("type") if isinstance(verification, Mapping) else None
    if str(kind).lower() not in ("hosted", "hostedbadge"):
        raise malformed("A bundle holds a hosted assertion (verification.type: hosted).")
    if id_of(assertion.get("badge")) != badge_class["id"]:
        raise fail(CLAIM_MISMATCH, "The assertion's badge is not the badge class supplied.")
    if id_of(badge_class.get("issuer")) != profile["id"]:
        raise fail(ISSUER_MISMATCH, "The badge class's issuer is not the issuer supplied.")
    _check_origin(assertion["id"], profile)
    # the assertion as hosted verification would have it: its documents embedded
    assertion["badge"] = badge_class | {"issuer": profile}
    read_assertion(assertion, draft)
    check_after_proof(assertion, draft, inputs)
    return ProofOutcome(False, NO_PROOF, NOT_CHECKED)
