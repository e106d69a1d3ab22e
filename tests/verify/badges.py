"""Badge documents for the tests: OB 3.0 credentials, VC-JWTs and OB 2.0 assertions, made here
(shapes follow the Open Badges specs; no example document is copied)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from tests.verify.signing import PrivateKey, did_jwk, did_key, public_jwk, sign_jws

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
ISSUER = "https://badges.example.org/issuers/42"
LEARNER_DID = "did:example:learner-7"
LEARNER_EMAIL = "Ada.Learner@example.org"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


def ob3_credential(
    *,
    issuer: str = ISSUER,
    subject_id: str | None = LEARNER_DID,
    valid_from: str = "2024-01-01T00:00:00Z",
    valid_until: str | None = None,
    status: Any = None,
    identifier: list[dict[str, Any]] | None = None,
    context: list[str] | None = None,
) -> dict[str, Any]:
    """A small OpenBadgeCredential (VC 2.0) for a "Data analysis" achievement."""
    subject: dict[str, Any] = {
        "type": ["AchievementSubject"],
        "achievement": {
            "id": "https://badges.example.org/achievements/data-analysis",
            "type": ["Achievement"],
            "name": "Data analysis",
            "criteria": {"narrative": "Analysed three data sets."},
        },
    }
    if subject_id:
        subject["id"] = subject_id
    if identifier is not None:
        subject["identifier"] = identifier
    credential: dict[str, Any] = {
        "@context": context or [VC_V2, OB3_CONTEXT],
        "id": "urn:uuid:2f6b2e1e-4a57-4c43-9d7e-0d3c1b2a9f10",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Example Academy"},
        "name": "Data analysis badge",
        "validFrom": valid_from,
        "credentialSubject": subject,
    }
    if valid_until:
        credential["validUntil"] = valid_until
    if status is not None:
        credential["credentialStatus"] = status
    return credential


def _timestamp(text: str) -> int:
    return int(datetime.fromisoformat(text).timestamp())


def jwt_claims(credential: dict[str, Any]) -> dict[str, Any]:
    """VC-JWT payload as OB 3.0 §8.2 lays it out: registered claims repeating the credential."""
    claims: dict[str, Any] = {
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": _timestamp(credential["validFrom"]),
        "vc": credential,
    }
    if "id" in credential["credentialSubject"]:
        claims["sub"] = credential["credentialSubject"]["id"]
    if "validUntil" in credential:
        claims["exp"] = _timestamp(credential["validUntil"])
    return claims


def vc_jwt(
    credential: dict[str, Any], private: PrivateKey, key_in: str = "jwk", **extra: Any
) -> str:
    """Sign a credential as a VC-JWT, naming the key the way `key_in` says: "jwk" (header),
    "did:key" / "did:jwk" (kid), "kid" (an opaque kid the caller must know), "none"."""
    header: dict[str, Any] = {"typ": "JWT"}
    if key_in == "jwk":
        header["jwk"] = public_jwk(private)
    elif key_in == "did:key":
        header["kid"] = f"{did_key(private)}#{did_key(private).removeprefix('did:key:')}"
    elif key_in == "did:jwk":
        header["kid"] = f"{did_jwk(private)}#0"
    elif key_in == "kid":
        header["kid"] = "https://badges.example.org/keys/1"
    return sign_jws({**jwt_claims(credential), **extra}, private, **header)


def salted_sha256(identity: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((identity + salt).encode()).hexdigest()


def ob2_assertion(
    *,
    issuer: str = ISSUER,
    expires: str | None = None,
    public_key_pem: str | None = None,
    creator: str = "https://badges.example.org/keys/ob2-key.json",
) -> dict[str, Any]:
    """An OB 2.0 signed Assertion with an embedded BadgeClass and issuer Profile; with
    `public_key_pem` the Profile carries the issuer's CryptographicKey."""
    profile: dict[str, Any] = {"id": issuer, "type": "Issuer", "name": "Example Academy"}
    if public_key_pem:
        profile["publicKey"] = {
            "type": "CryptographicKey",
            "id": creator,
            "owner": issuer,
            "publicKeyPem": public_key_pem,
        }
    assertion: dict[str, Any] = {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "urn:uuid:7d1f0c9e-35aa-4c1b-8f2e-6a1d2b3c4d5e",
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": "pepper",
            "identity": salted_sha256(LEARNER_EMAIL.lower(), "pepper"),
        },
        "issuedOn": "2024-03-01T10:00:00Z",
        "badge": {
            "id": "https://badges.example.org/badges/sql",
            "type": "BadgeClass",
            "name": "SQL basics",
            "issuer": profile,
        },
        "verification": {"type": "SignedBadge", "creator": creator},
    }
    if expires:
        assertion["expires"] = expires
    return assertion
