"""`verify_badge`: recognise the badge format, run its checks in order, and report one result.

The order is fixed (malformed, signature, issuer binding, dates, revocation, recipient) so that a
badge gets the most fundamental complaint: a forged badge is reported as forged, not as expired.
Any exception that escapes a check is turned into a "failed" result: a verifier that crashes on
hostile input is a denial of service, and one that swallows errors into "verified" is worse.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from service.verify.baked import looks_baked, unbake
from service.verify.bundle import is_bundle, verify_ob2_bundle
from service.verify.canonical import ContextStore
from service.verify.context import Draft, Inputs
from service.verify.dates import as_utc
from service.verify.jws import CompactJws, parse_json_text, parse_jws
from service.verify.keys import load_keys
from service.verify.ob2 import is_ob2_assertion, verify_ob2_json, verify_ob2_jws
from service.verify.ob3 import is_credential, verify_ob3_json, verify_vc_jwt
from service.verify.result import (
    MALFORMED,
    OK,
    CheckFailed,
    JsonDict,
    ProofOutcome,
    VerificationResult,
    malformed,
)

MAX_TEXT_CHARS = 4 * 1024 * 1024

ContextsArg = ContextStore | Mapping[str, JsonDict] | str | Path | None
KeysArg = Sequence[JsonDict | str] | JsonDict | str


def verify_badge(
    doc: JsonDict | str | bytes,
    *,
    now: datetime,
    recipient_ids: Sequence[str] = (),
    keys: KeysArg = (),
    revocations: Sequence[JsonDict] = (),
    contexts: ContextsArg = None,
) -> VerificationResult:
    """Verify one Open Badge (2.0 or 3.0) offline against the caller's keys and lists.

    `doc`: an Assertion / credential as a dict, its JSON text, or a compact JWS (OB 3.0 VC-JWT or
    OB 2.0 signed assertion). `now`: the moment to judge validity at (naive = UTC).
    `recipient_ids`: the learner's identities (e-mail, URL, DID...); empty skips the check.
    `keys`: public keys to trust, each a PEM string, a did:key/did:jwk string, a JWK dict
    (optional "kid" and "issuer"), an OB 2.0 CryptographicKey (id, owner, publicKeyPem) or a
    Multikey / JsonWebKey verification method (id, controller, ...). A key proves a badge is
    its issuer's only when pinned for that issuer (its "issuer", "owner" or "controller"); a key
    pinned for no issuer, like a key the badge carries itself, leaves it "unverified".
    `revocations`: OB 2.0 RevocationLists, OB 3.0 1EdTechRevocationList documents and
    Bitstring/StatusList2021 status list credentials, matched by their `id`.
    `contexts`: JSON-LD contexts for eddsa-rdfc-2022 / ecdsa-rdfc-2019 proofs: a ContextStore,
    a {url: context document} mapping, or a directory with an index.json (see ContextStore).

    Never raises for a bad badge (it is reported as "failed"/"malformed"); raises TypeError or
    OSError only for caller mistakes (`now` not a datetime, an unreadable contexts directory).
    """
    draft = Draft(format="unknown")
    inputs = _inputs(now, recipient_ids, keys, revocations, contexts, draft)
    try:
        outcome = _dispatch(doc, draft, inputs)
    except CheckFailed as stop:
        return _result(draft, stop.status, stop.reason, stop.message)
    except Exception as exc:  # the safety net described in the module docstring
        message = f"The badge could not be processed ({type(exc).__name__}: {exc})."
        return _result(draft, "failed", MALFORMED, message)
    if outcome.verified:
        return _result(draft, "verified", OK, _verified_message(draft, outcome))
    return _result(draft, "unverified", outcome.reason, outcome.message)


def _inputs(
    now: datetime,
    recipient_ids: Sequence[str],
    keys: KeysArg,
    revocations: Sequence[JsonDict],
    contexts: ContextsArg,
    draft: Draft,
) -> Inputs:
    if not isinstance(now, datetime):
        raise TypeError("now must be a datetime")
    trusted, warnings = load_keys(_one_or_many(keys))
    draft.warnings += warnings
    lists = [r for r in _one_or_many(revocations) if isinstance(r, dict)]
    recipients = tuple(_one_or_many(recipient_ids))
    return Inputs(as_utc(now), recipients, tuple(trusted), lists, _store(contexts))


def _one_or_many(value: Any) -> list[Any]:
    """Accept a single key, list or identity where a sequence is expected (a lone string or dict
    would otherwise be iterated character by character or key by key)."""
    if isinstance(value, str | bytes | Mapping):
        return [value]
    return list(value or ())


def _store(contexts: ContextsArg) -> ContextStore:
    if isinstance(contexts, ContextStore):
        return contexts
    if isinstance(contexts, str | Path):
        return ContextStore.from_directory(contexts)
    return ContextStore(contexts)


def _dispatch(doc: Any, draft: Draft, inputs: Inputs) -> ProofOutcome:
    """Unwrap the input (a baked PNG or SVG, bytes, JSON text, JWS, an OB 2.0 bundle) and hand
    it to the checks of its format."""
    if isinstance(doc, bytes | str) and looks_baked(doc):
        baked = unbake(doc)
        draft.warnings.append(f"baked in a {baked.image.upper()} image ({baked.version})")
        outcome = _dispatch(baked.text, draft, inputs)
        if not draft.format.startswith(baked.version):
            raise malformed(f"The image bakes it as {baked.version}, but it is {draft.format}.")
        return outcome
    if isinstance(doc, bytes):
        doc = doc.decode("utf-8", errors="strict")
    if isinstance(doc, str):
        doc = _parse_text(doc)
    if isinstance(doc, dict) and is_bundle(doc):
        draft.format = "ob2-bundle"
        return verify_ob2_bundle(doc, draft, inputs)
    if isinstance(doc, CompactJws):
        return _dispatch_jws(doc, draft, inputs)
    if not isinstance(doc, dict):
        raise malformed(f"A badge must be a JSON object or a JWS, not {type(doc).__name__}.")
    if is_credential(doc):
        draft.format = "ob3-data-integrity" if "proof" in doc else "ob3-json"
        return verify_ob3_json(doc, draft, inputs)
    if is_ob2_assertion(doc):
        draft.format = "ob2-json"
        return verify_ob2_json(doc, draft, inputs)
    raise malformed(_not_a_badge(doc))


def _parse_text(text: str) -> JsonDict | CompactJws:
    text = text.strip()
    if len(text) > MAX_TEXT_CHARS:
        raise malformed("The badge text is too large.")
    if text.startswith(("{", "[")):
        return parse_json_text(text)
    return parse_jws(text)


def _dispatch_jws(jws: CompactJws, draft: Draft, inputs: Inputs) -> ProofOutcome:
    payload = jws.payload
    if isinstance(payload.get("vc"), dict) or is_credential(payload):
        draft.format = "ob3-vc-jwt"
        return verify_vc_jwt(jws, draft, inputs)
    if is_ob2_assertion(payload):
        draft.format = "ob2-jws"
        return verify_ob2_jws(jws, draft, inputs)
    draft.format = "jws"
    raise malformed("The JWS payload is neither an Open Badges assertion nor a credential.")


def _not_a_badge(doc: JsonDict) -> str:
    kinds = doc.get("type", doc.get("@type"))
    if kinds:
        return f"The document is of type {kinds}, not an Assertion or a credential."
    return "The document is neither an Open Badges assertion nor a verifiable credential."


def _verified_message(draft: Draft, outcome: ProofOutcome) -> str:
    source = f" ({outcome.key_source} key)" if outcome.key_source else ""
    return (
        f"{outcome.message} Signed by {draft.issuer}{source}; within its validity dates; "
        "not revoked in the lists supplied."
    )


def _result(draft: Draft, status: Any, reason: str, message: str) -> VerificationResult:
    return VerificationResult(
        status=status,
        reason=reason,
        message=message,
        format=draft.format,
        issuer=draft.issuer,
        credential_id=draft.credential_id,
        document=draft.document,
        valid_from=draft.window.start,
        valid_until=draft.window.end,
        key_source=draft.key_source,
        warnings=tuple(draft.warnings),
    )
