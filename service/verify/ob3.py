"""Open Badges 3.0 (W3C Verifiable Credentials): VC-JWT, embedded Data Integrity proof, bare JSON.

The three share everything after the signature: issuer, validity window (VC 2.0 validFrom /
validUntil, VC 1.1 issuanceDate / expirationDate), credentialStatus and recipient. Only the VC-JWT
adds JWT claims, which must agree with the credential they wrap (OB 3.0 §8.2.4).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from service.verify.binding import bind, check_jws, supplied_candidates
from service.verify.context import Draft, Inputs
from service.verify.data_integrity import verify_proofs
from service.verify.dates import Window, check_window, from_numeric_date, parse_datetime
from service.verify.jws import CompactJws
from service.verify.keys import TrustedKey, key_from_did, key_from_jwk, same_key
from service.verify.recipient import check_recipient, ob3_identities
from service.verify.result import (
    CLAIM_MISMATCH,
    ISSUER_MISMATCH,
    NO_PROOF,
    JsonDict,
    ProofOutcome,
    fail,
    malformed,
)
from service.verify.revocation import check_ob3_status, id_of, types_of

CREDENTIAL_TYPES = {"VerifiableCredential", "OpenBadgeCredential", "AchievementCredential"}


def is_credential(doc: Mapping[str, Any]) -> bool:
    return bool(types_of(doc) & CREDENTIAL_TYPES)


# --- shared checks ---------------------------------------------------------------------------


def read_credential(credential: JsonDict, draft: Draft) -> str:
    """Record the credential's id, issuer and validity window; return the issuer id."""
    draft.document = credential
    draft.credential_id = credential.get("id") if isinstance(credential.get("id"), str) else None
    issuer = id_of(credential.get("issuer"))
    if not issuer:
        raise malformed("The credential has no issuer id.")
    draft.issuer = issuer
    if not isinstance(credential.get("credentialSubject"), dict | list):
        raise malformed("The credential has no credentialSubject.")
    start = credential.get("validFrom", credential.get("issuanceDate"))
    end = credential.get("validUntil", credential.get("expirationDate"))
    draft.window = Window(parse_datetime(start, "validFrom"), parse_datetime(end, "validUntil"))
    return issuer


def check_after_proof(credential: JsonDict, draft: Draft, inputs: Inputs) -> None:
    """Dates, then revocation, then recipient: the checks that follow the signature."""
    check_window(draft.window, inputs.now)
    draft.warnings += check_ob3_status(credential, inputs.revocations, draft.issuer)
    check_recipient(ob3_identities(credential), inputs.recipient_ids)


# --- JSON, with or without an embedded proof -------------------------------------------------


def verify_ob3_json(credential: JsonDict, draft: Draft, inputs: Inputs) -> ProofOutcome:
    issuer = read_credential(credential, draft)
    if "proof" in credential:
        outcome = verify_proofs(credential, issuer, inputs.keys, inputs.contexts)
    else:
        outcome = ProofOutcome(False, NO_PROOF, "The credential carries no proof.")
    draft.key_source = outcome.key_source
    check_after_proof(credential, draft, inputs)
    return outcome


# --- VC-JWT ----------------------------------------------------------------------------------


def credential_of_jwt(payload: JsonDict) -> JsonDict:
    """The credential inside a VC-JWT: the `vc` claim (VC 1.1 JWT, OB 3.0), or the payload
    itself when it is the credential (VC 2.0 JOSE, `typ: vc+jwt`).

    VC 1.1 lets an issuer leave out of `vc` what the registered claims already say (issuer in
    `iss`, id in `jti`, subject id in `sub`); those are put back so the caller gets a whole
    credential. Dates stay in the claims: the validity window reads them from there.
    """
    vc = payload.get("vc")
    if not isinstance(vc, dict):
        if is_credential(payload):
            return payload
        raise malformed("The JWT carries no verifiable credential.")
    credential = dict(vc)
    if "issuer" not in credential and isinstance(payload.get("iss"), str):
        credential["issuer"] = payload["iss"]
    if "id" not in credential and isinstance(payload.get("jti"), str):
        credential["id"] = payload["jti"]
    subject = credential.get("credentialSubject")
    if isinstance(subject, dict) and "id" not in subject and isinstance(payload.get("sub"), str):
        credential["credentialSubject"] = {**subject, "id": payload["sub"]}
    return credential


def verify_vc_jwt(jws: CompactJws, draft: Draft, inputs: Inputs) -> ProofOutcome:
    credential = credential_of_jwt(jws.payload)
    issuer = read_credential(credential, draft)
    outcome = _jwt_signature(jws, issuer, inputs)
    draft.key_source = outcome.key_source
    _check_claims(jws.payload, credential, issuer, draft)
    check_after_proof(credential, draft, inputs)
    return outcome


def _jwt_signature(jws: CompactJws, issuer: str, inputs: Inputs) -> ProofOutcome:
    """Find the key, check the signature, then the key's binding to the issuer."""
    outcome, key = check_jws(jws, _jwt_keys(jws.header, issuer, inputs), "token")
    return bind(outcome, key, issuer, inputs.keys)


def _jwt_keys(header: JsonDict, issuer: str, inputs: Inputs) -> list[TrustedKey]:
    """Keys the header points to: a did:key/did:jwk `kid` (which must agree with a `jwk` header
    if both are present), else a `jwk` header, else supplied keys by kid or issuer."""
    kid = header.get("kid") if isinstance(header.get("kid"), str) else None
    try:
        from_did = key_from_did(kid) if kid else None
        from_header = _header_jwk(header)
    except (ValueError, KeyError, TypeError) as exc:
        raise malformed(f"The token's key cannot be decoded: {exc}") from exc
    if from_did and from_header and not same_key(from_did.key, from_header.key):
        raise malformed("The token's jwk header and its did kid name different keys.")
    if from_did:
        return [from_did]
    if from_header:
        return [from_header]
    return supplied_candidates(inputs.keys, kid, issuer)


def _header_jwk(header: JsonDict) -> TrustedKey | None:
    jwk = header.get("jwk")
    if jwk is None:
        return None
    if not isinstance(jwk, dict) or "d" in jwk:
        raise ValueError("the jwk header is not a public JWK")
    return TrustedKey(key_from_jwk(jwk), header.get("kid"), None, "jwk-header")


def _check_claims(payload: JsonDict, credential: JsonDict, issuer: str, draft: Draft) -> None:
    """The registered claims must repeat the credential (iss, sub, jti, nbf, exp), and the
    validity window becomes the narrower of claims and credential."""
    if "iss" in payload and payload["iss"] != issuer:
        raise fail(ISSUER_MISMATCH, f"The token's iss {payload['iss']} is not the issuer {issuer}.")
    subject_ids = {id_of(s) for s in _as_list(credential.get("credentialSubject"))} - {None}
    if "sub" in payload and subject_ids and payload["sub"] not in subject_ids:
        raise fail(CLAIM_MISMATCH, "The token's sub is not the credential subject.")
    if "jti" in payload and draft.credential_id and payload["jti"] != draft.credential_id:
        raise fail(CLAIM_MISMATCH, "The token's jti is not the credential id.")
    nbf = from_numeric_date(payload.get("nbf"), "nbf")
    exp = from_numeric_date(payload.get("exp"), "exp")
    _same_second(nbf, draft.window.start, "nbf", "validFrom")
    _same_second(exp, draft.window.end, "exp", "validUntil")
    draft.window = Window(_latest(nbf, draft.window.start), _earliest(exp, draft.window.end))


def _same_second(claim: datetime | None, field: datetime | None, name: str, label: str) -> None:
    """NumericDate has whole seconds while validFrom may not, so compare whole seconds."""
    if claim and field and int(claim.timestamp()) != int(field.timestamp()):
        raise fail(CLAIM_MISMATCH, f"The token's {name} does not match the credential's {label}.")


def _latest(a: datetime | None, b: datetime | None) -> datetime | None:
    return max(a, b) if a and b else a or b


def _earliest(a: datetime | None, b: datetime | None) -> datetime | None:
    return min(a, b) if a and b else a or b


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]
