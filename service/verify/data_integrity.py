"""Embedded Data Integrity proofs (W3C VC Data Integrity): eddsa-/ecdsa- rdfc and jcs suites.

All four suites sign `hash(canonical proof options) || hash(canonical document without proof)`
and differ only in the canonical form (RDFC-1.0 over JSON-LD, or JCS over plain JSON) and in the
signature (Ed25519, or ECDSA with r||s). RDFC needs the JSON-LD contexts offline (see canonical).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from service.verify.binding import bind, first_verifying, supplied_candidates
from service.verify.canonical import ContextStore, ContextUnavailable, jcs, rdfc
from service.verify.encoding import multibase_decode
from service.verify.keys import PublicKey, TrustedKey, key_from_did
from service.verify.result import (
    UNKNOWN_KEY,
    UNSUPPORTED_PROOF,
    JsonDict,
    ProofOutcome,
    malformed,
)
from service.verify.signatures import verify_raw

# cryptosuite -> (canonicalization, key family)
SUITES: dict[str, tuple[str, str]] = {
    "eddsa-rdfc-2022": ("rdfc", "eddsa"),
    "eddsa-jcs-2022": ("jcs", "eddsa"),
    "ecdsa-rdfc-2019": ("rdfc", "ecdsa"),
    "ecdsa-jcs-2019": ("jcs", "ecdsa"),
}


def proofs_of(document: Mapping[str, Any]) -> list[JsonDict]:
    """The document's proofs, whether `proof` holds one object or a list (a proof set)."""
    value = document.get("proof")
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(p, dict) for p in items):
        raise malformed("The proof is not a JSON object.")
    return items


def verify_proofs(
    document: JsonDict,
    issuer: str,
    keys: Sequence[TrustedKey],
    contexts: ContextStore,
) -> ProofOutcome:
    """Verify every proof; one bad proof fails the badge, one good one verifies it, and proofs
    that cannot be checked (unknown suite or key, missing context) leave it unverified."""
    proofs = proofs_of(document)
    outcomes = [_verify_one(document, proof, issuer, keys, contexts) for proof in proofs]
    good = [o for o in outcomes if o.verified]
    return good[0] if good else outcomes[0]


def _verify_one(
    document: JsonDict,
    proof: JsonDict,
    issuer: str,
    keys: Sequence[TrustedKey],
    contexts: ContextStore,
) -> ProofOutcome:
    suite = proof.get("cryptosuite")
    if proof.get("type") != "DataIntegrityProof" or suite not in SUITES:
        label = suite or proof.get("type")
        return ProofOutcome(False, UNSUPPORTED_PROOF, f"Proof type {label!r} is not supported.")
    if proof.get("proofPurpose") != "assertionMethod":
        raise malformed("The proof's purpose is not assertionMethod.")
    signature = _proof_value(proof)
    candidates = _candidate_keys(proof.get("verificationMethod"), issuer, keys, suite)
    if not candidates:
        method = proof.get("verificationMethod")
        return ProofOutcome(False, UNKNOWN_KEY, f"The signing key {method} is not known offline.")
    try:
        hash_for: Callable[[PublicKey], bytes] = _hasher(document, proof, suite, contexts)
        key = first_verifying(candidates, lambda k: verify_raw(k.key, hash_for(k.key), signature))
    except ContextUnavailable as exc:
        return ProofOutcome(False, UNSUPPORTED_PROOF, f"Cannot check the {suite} proof: {exc}.")
    return bind(ProofOutcome(True, "ok", f"{suite} proof verified.", key.source), key, issuer, keys)


def _proof_value(proof: Mapping[str, Any]) -> bytes:
    value = proof.get("proofValue")
    try:
        return multibase_decode(value)
    except ValueError as exc:
        raise malformed(f"The proofValue cannot be decoded: {exc}") from exc


def _candidate_keys(
    method: Any, issuer: str, keys: Sequence[TrustedKey], suite: str
) -> list[TrustedKey]:
    """Keys for a verificationMethod: a did:key/did:jwk resolves itself, anything else must
    be among the supplied keys; keys of the wrong family for the suite are left out."""
    if not isinstance(method, str) or not method:
        raise malformed("The proof has no verificationMethod.")
    try:
        resolved = key_from_did(method)
    except (ValueError, KeyError) as exc:
        raise malformed(f"The verificationMethod cannot be decoded: {exc}") from exc
    candidates = [resolved] if resolved else supplied_candidates(keys, method, issuer)
    family = SUITES[suite][1]
    wanted = ed25519.Ed25519PublicKey if family == "eddsa" else ec.EllipticCurvePublicKey
    return [k for k in candidates if isinstance(k.key, wanted)]


def _hasher(
    document: JsonDict, proof: JsonDict, suite: str, contexts: ContextStore
) -> Callable[[PublicKey], bytes]:
    """Build `key -> hashData`; the canonical forms are computed once, only the hash function
    depends on the key (SHA-384 for P-384, SHA-256 otherwise)."""
    config, unsecured = _proof_config(document, proof, suite)
    canonical = _canonicalizer(suite, contexts)
    try:
        config_bytes, document_bytes = canonical(config), canonical(unsecured)
    except ValueError as exc:
        raise malformed(f"The credential cannot be canonicalized for {suite}: {exc}") from exc

    def hash_data(key: PublicKey) -> bytes:
        p384 = isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == "secp384r1"
        digest = hashlib.sha384 if p384 else hashlib.sha256
        return digest(config_bytes).digest() + digest(document_bytes).digest()

    return hash_data


def _canonicalizer(suite: str, contexts: ContextStore) -> Callable[[JsonDict], bytes]:
    if SUITES[suite][0] == "jcs":
        return jcs
    return lambda doc: rdfc(doc, contexts).encode("utf-8")


def _proof_config(document: JsonDict, proof: JsonDict, suite: str) -> tuple[JsonDict, JsonDict]:
    """The two things that are signed: the proof options (the proof minus its value) and the
    document minus its proof, with @context handled as each suite family prescribes.

    RDFC: the options take the document's @context (they are interpreted in it). JCS: options
    may carry their own @context, which must be a prefix of the document's and then replaces it.
    """
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    config = {k: v for k, v in proof.items() if k != "proofValue"}
    if SUITES[suite][0] == "rdfc":
        config["@context"] = unsecured.get("@context")
    elif "@context" in config:
        ours, theirs = _as_list(config["@context"]), _as_list(unsecured.get("@context"))
        if theirs[: len(ours)] != ours:
            raise malformed("The proof's @context is not a prefix of the credential's @context.")
        unsecured["@context"] = config["@context"]
    return config, unsecured


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]
