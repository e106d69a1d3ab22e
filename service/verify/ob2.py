"""Open Badges 2.0 Assertions: signed (a compact JWS around the Assertion) or hosted (plain JSON).

A hosted assertion is verified by fetching it again from its own URL, which an offline verifier
cannot do, so plain JSON is at best "unverified". A signed assertion names its key in
`verification.creator`; the key is found among the caller's keys (a PEM, a JWK or an OB 2.0
CryptographicKey document whose `owner` is the issuer) or in an issuer Profile embedded in the
assertion (`badge.issuer.publicKey`). An embedded key is the badge's own say-so: its signature is
checked, but it proves the issuer only when the caller pinned that key for the issuer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from service.verify.binding import bind, check_jws, supplied_candidates
from service.verify.context import Draft, Inputs
from service.verify.dates import Window, check_window, parse_datetime
from service.verify.jws import CompactJws
from service.verify.keys import TrustedKey, key_from_pem
from service.verify.recipient import check_recipient, ob2_identities
from service.verify.result import (
    NO_PROOF,
    JsonDict,
    ProofOutcome,
    malformed,
)
from service.verify.revocation import check_ob2_revocation, id_of, types_of

OB2_CONTEXT = "https://w3id.org/openbadges/v2"


def is_ob2_assertion(doc: Mapping[str, Any]) -> bool:
    """An OB 2.0 Assertion, including the bare `{"revoked": true}` answer a host gives for a
    revoked hosted assertion (it has the OB 2.0 context and an id, but no type). A typed
    document of another type (a revoked Endorsement looks alike) is not an assertion."""
    kinds = types_of(doc)
    if kinds:
        return "Assertion" in kinds
    context = doc.get("@context")
    contexts = context if isinstance(context, list) else [context]
    return OB2_CONTEXT in contexts and ("recipient" in doc or "revoked" in doc)


def read_assertion(assertion: JsonDict, draft: Draft) -> None:
    """Record id, issuer (when the BadgeClass is embedded) and the issuedOn..expires window."""
    draft.document = assertion
    draft.credential_id = id_of(assertion.get("id"))
    badge = assertion.get("badge")
    draft.issuer = id_of(badge.get("issuer")) if isinstance(badge, Mapping) else None
    start = parse_datetime(assertion.get("issuedOn"), "issuedOn")
    draft.window = Window(start, parse_datetime(assertion.get("expires"), "expires"))


def check_after_proof(assertion: JsonDict, draft: Draft, inputs: Inputs) -> None:
    check_window(draft.window, inputs.now)
    check_ob2_revocation(assertion, inputs.revocations, draft.issuer)
    check_recipient(ob2_identities(assertion), inputs.recipient_ids)


def verify_ob2_json(assertion: JsonDict, draft: Draft, inputs: Inputs) -> ProofOutcome:
    read_assertion(assertion, draft)
    check_after_proof(assertion, draft, inputs)
    message = "A hosted badge can only be checked against its issuer's server, not offline."
    return ProofOutcome(False, NO_PROOF, message)


def verify_ob2_jws(jws: CompactJws, draft: Draft, inputs: Inputs) -> ProofOutcome:
    assertion = jws.payload
    read_assertion(assertion, draft)
    candidates = _keys(jws.header, assertion, draft.issuer, inputs)
    outcome, key = check_jws(jws, candidates, "assertion")
    outcome = bind(outcome, key, draft.issuer, inputs.keys)
    if outcome.verified and key is not None:
        draft.issuer = draft.issuer or key.issuer
    draft.key_source = outcome.key_source
    check_after_proof(assertion, draft, inputs)
    return outcome


def _keys(
    header: JsonDict, assertion: JsonDict, issuer: str | None, inputs: Inputs
) -> list[TrustedKey]:
    """Supplied keys named by `verification.creator` (or a `kid` header) first, then keys of
    the embedded issuer profile, then supplied keys bound to the issuer or to nobody."""
    verification = assertion.get("verification")
    creator = verification.get("creator") if isinstance(verification, Mapping) else None
    kid = creator if isinstance(creator, str) else header.get("kid")
    kid = kid if isinstance(kid, str) else None
    named = [k for k in inputs.keys if kid and k.kid == kid]
    embedded = _profile_keys(assertion, issuer)
    others = [k for k in supplied_candidates(inputs.keys, None, issuer) if k not in named]
    return named + embedded + others


def _profile_keys(assertion: JsonDict, issuer: str | None) -> list[TrustedKey]:
    """CryptographicKeys inside an embedded issuer Profile: self-asserted (see binding)."""
    badge = assertion.get("badge")
    profile = badge.get("issuer") if isinstance(badge, Mapping) else None
    if not isinstance(profile, Mapping):
        return []
    found: list[TrustedKey] = []
    for item in _as_list(profile.get("publicKey")):
        if not isinstance(item, Mapping) or not isinstance(item.get("publicKeyPem"), str):
            continue
        try:
            key = key_from_pem(item["publicKeyPem"])
        except ValueError as exc:
            raise malformed(f"The issuer profile's public key cannot be read: {exc}") from exc
        owner = item.get("owner") if isinstance(item.get("owner"), str) else issuer
        found.append(TrustedKey(key, id_of(item.get("id")), owner, "embedded-profile"))
    return found


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
