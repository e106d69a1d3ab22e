"""Which keys may have signed a badge, and whether the key that did belongs to its issuer.

Finding a key that verifies a signature proves only that the holder of that key signed. The badge
is the issuer's only if the key is bound to the issuer: a did:key/did:jwk key is bound to its DID,
a supplied key to the issuer the caller recorded for it. A key that carries no binding (a JWK in
the token header, a key inside the badge's own issuer profile) is accepted as the OB specs allow,
unless the caller pinned keys for that issuer, in which case it must be one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from service.verify.jws import CompactJws
from service.verify.keys import TrustedKey, same_key
from service.verify.result import (
    BAD_SIGNATURE,
    ISSUER_MISMATCH,
    UNKNOWN_KEY,
    UNSUPPORTED_PROOF,
    ProofOutcome,
    fail,
)
from service.verify.signatures import SUPPORTED_JWS_ALGS, key_fits, verify_jws

Verifier = Callable[[TrustedKey], bool]

# Keys that come from the badge itself: anyone can put their own key there.
SELF_ASSERTED = frozenset({"jwk-header", "embedded-profile"})


def supplied_candidates(
    supplied: Sequence[TrustedKey], kid: str | None, issuer: str | None
) -> list[TrustedKey]:
    """Supplied keys worth trying: those with the requested id if any has it; otherwise those
    bound to the issuer and those the caller bound to nobody (trusted for any issuer)."""
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


def check_binding(key: TrustedKey, issuer: str | None, supplied: Sequence[TrustedKey]) -> None:
    """Fail with "issuer_mismatch" when the signing key belongs to someone other than the issuer,
    or came from the badge itself while the caller pinned other keys for this issuer."""
    if key.issuer is not None and issuer is not None and key.issuer != issuer:
        raise fail(
            ISSUER_MISMATCH,
            f"The badge names {issuer} as issuer but was signed by a key of {key.issuer}.",
        )
    if key.source in SELF_ASSERTED:
        pinned = [k for k in supplied if issuer and k.issuer == issuer]
        if pinned and not any(same_key(key.key, p.key) for p in pinned):
            raise fail(
                ISSUER_MISMATCH,
                f"The badge was signed by a key that is not among the known keys of {issuer}.",
            )


def check_jws(
    jws: CompactJws, candidates: Sequence[TrustedKey], what: str
) -> tuple[ProofOutcome, TrustedKey | None]:
    """Check a compact JWS against candidate keys: the outcome, and the key that verified it.

    `alg: none` fails outright (an unsigned token must never pass as signed); an algorithm or
    key this module does not know leaves the badge unverified rather than failed.
    """
    alg = jws.header["alg"]
    if alg.lower() == "none":
        raise fail(BAD_SIGNATURE, f"The {what} is not signed (alg none); it proves nothing.")
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
