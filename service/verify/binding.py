"""Which keys may have signed a badge, and whether the key that did belongs to its issuer.

Finding a key that verifies a signature proves only that the holder of that key signed. The badge
is the issuer's only if the key is bound to the issuer, and there are exactly two ways to know:

- the issuer is a did:key / did:jwk that *is* the key (the DID carries the key itself);
- the key is pinned for the issuer: a supplied key recorded with that issuer (JWK `issuer`,
  CryptographicKey `owner`, verification method `controller`).

A key that comes from the badge itself (a JWK in the token header, a key in the badge's embedded
issuer profile) proves nothing by being there: anyone can put their own key there, whatever the
badge says about its owner. A key whose binding cannot be established offline (a did:key
verification method of an https: issuer, a supplied key recorded for no issuer) leaves the badge
`unverified` with reason "unbound_key", never "verified" and never "failed": a genuine badge may
be signed that way. It is "failed"/"issuer_mismatch" only when the key is known to belong to
someone else: the issuer's own DID names another key, the caller recorded the key for another
issuer, or the caller pinned keys for this issuer and the signing key is not one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from service.verify.jws import CompactJws
from service.verify.keys import PublicKey, TrustedKey, key_from_did, same_key
from service.verify.result import (
    BAD_SIGNATURE,
    ISSUER_MISMATCH,
    UNBOUND_KEY,
    UNKNOWN_KEY,
    UNSUPPORTED_PROOF,
    ProofOutcome,
    fail,
    malformed,
)
from service.verify.signatures import SUPPORTED_JWS_ALGS, key_fits, verify_jws

Verifier = Callable[[TrustedKey], bool]

# Keys that come from the badge itself: anyone can put their own key there.
SELF_ASSERTED = frozenset({"jwk-header", "embedded-profile"})

# Shared-secret MACs: whoever can check one can make one, so it shows nothing about an issuer.
_SYMMETRIC_ALGS = frozenset({"HS256", "HS384", "HS512"})


def supplied_candidates(
    supplied: Sequence[TrustedKey], kid: str | None, issuer: str | None
) -> list[TrustedKey]:
    """Supplied keys worth trying: those with the requested id if any has it; otherwise those
    bound to the issuer and those the caller bound to nobody (a signature by one of those is
    checked, but proves the issuer only if the key is also pinned for it, see `bind`)."""
    if kid:
        exact = [k for k in supplied if k.kid == kid]
        if exact:
            return exact
    return [k for k in supplied if k.issuer is None or (issuer and k.issuer == issuer)]


def first_verifying(candidates: Sequence[TrustedKey], verify: Verifier) -> TrustedKey:
    """The first candidate whose signature check passes; "bad_signature" when none does."""
    for key in candidates:
        if verify(key):
            return key
    raise fail(BAD_SIGNATURE, "The signature does not match the badge: it was altered or forged.")


def bind(
    outcome: ProofOutcome,
    key: TrustedKey | None,
    issuer: str | None,
    supplied: Sequence[TrustedKey],
) -> ProofOutcome:
    """A checked signature counts as the issuer's only if `key` is bound to `issuer`.

    Returns `outcome` when it is (or when no signature was checked), an "unbound_key" outcome
    when the binding cannot be established offline; raises "issuer_mismatch" when the key is
    known to belong to someone else. `issuer` None (an OB 2.0 assertion whose BadgeClass is a
    URL) is answered by the key: a key bound to an issuer names it."""
    if key is None or not outcome.verified:
        return outcome
    problem = _unbound(key, issuer, supplied)
    if problem is None:
        return outcome
    return ProofOutcome(False, UNBOUND_KEY, f"{outcome.message} But {problem}", key.source)


def _unbound(key: TrustedKey, issuer: str | None, supplied: Sequence[TrustedKey]) -> str | None:
    """None when `key` is bound to `issuer`; why not, when that cannot be known offline."""
    owner = None if key.source in SELF_ASSERTED else key.issuer
    origin = _ORIGINS.get(key.source, f"the {key.source} key")
    if issuer is None:
        if owner is not None:
            return None
        return f"the badge names no issuer and {origin} is bound to none."
    if owner == issuer or _pinned(key.key, issuer, supplied):
        return None
    own = _issuer_key(issuer)
    if own is not None:
        if same_key(own, key.key):
            return None
        message = f"The badge names {issuer} as issuer, but {origin} is not that DID's key."
        raise fail(ISSUER_MISMATCH, message)
    recorded = sorted({k.issuer for k in supplied if k.issuer and same_key(k.key, key.key)})
    if recorded:
        message = f"The badge names {issuer} as issuer but was signed by a key recorded for "
        raise fail(ISSUER_MISMATCH, message + ", ".join(recorded) + ".")
    if any(k.issuer == issuer for k in supplied):
        raise fail(
            ISSUER_MISMATCH,
            f"The badge was signed by a key that is not among the known keys of {issuer}.",
        )
    return (
        f"{origin} is not bound to the issuer {issuer}: it is neither the issuer's own did:key "
        "/ did:jwk nor a key pinned for that issuer, so who signed cannot be established offline."
    )


_ORIGINS = {
    "jwk-header": "the key in the token's jwk header",
    "embedded-profile": "the key in the badge's own issuer profile",
    "did:key": "the did:key key",
    "did:jwk": "the did:jwk key",
    "supplied": "the supplied key",
}


def _pinned(key: PublicKey, issuer: str, supplied: Sequence[TrustedKey]) -> bool:
    return any(k.issuer == issuer and same_key(k.key, key) for k in supplied)


def _issuer_key(issuer: str) -> PublicKey | None:
    """The key a did:key / did:jwk issuer is; None for any other issuer."""
    try:
        resolved = key_from_did(issuer)
    except (ValueError, KeyError, TypeError) as exc:
        raise malformed(f"The issuer's DID {issuer} cannot be decoded: {exc}") from exc
    return resolved.key if resolved else None


def check_jws(
    jws: CompactJws, candidates: Sequence[TrustedKey], what: str
) -> tuple[ProofOutcome, TrustedKey | None]:
    """Check a compact JWS against candidate keys: the outcome, and the key that verified it.

    `alg: none` and the shared-secret HS* MACs fail outright (neither can show who made the
    badge); an algorithm or key this module does not know leaves the badge unverified.
    """
    alg = jws.header["alg"]
    if alg.lower() == "none":
        raise fail(BAD_SIGNATURE, f"The {what} is not signed (alg none); it proves nothing.")
    if alg.upper() in _SYMMETRIC_ALGS:
        message = f"The {what} carries a shared-secret MAC ({alg}), which proves no issuer."
        raise fail(BAD_SIGNATURE, message)
    if alg not in SUPPORTED_JWS_ALGS:
        message = f"JWS algorithm {alg!r} is not supported."
        return ProofOutcome(False, UNSUPPORTED_PROOF, message), None
    fitting = [k for k in candidates if key_fits(alg, k.key)]
    if not fitting and any(k.source != "supplied" for k in candidates):
        raise fail(BAD_SIGNATURE, f"The key the {what} names cannot make {alg} signatures.")
    if not fitting:
        return ProofOutcome(False, UNKNOWN_KEY, f"No known key fits the {what}'s signature."), None
    key = first_verifying(
        fitting, lambda k: verify_jws(alg, k.key, jws.signing_input, jws.signature)
    )
    return ProofOutcome(True, "ok", f"The {what}'s signature ({alg}) is valid.", key.source), key
