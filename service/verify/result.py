"""The outcome of a verification, and the one exception the checks use to stop early.

Every check either returns quietly or raises `CheckFailed` carrying the final status and reason;
the dispatcher turns that into a `VerificationResult`. One exception type (rather than results
threaded through every helper) keeps each check a small function that reads top to bottom.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

Status = Literal["verified", "unverified", "failed"]

# Machine codes for `VerificationResult.reason`. Callers branch on these; the message is for people.
OK = "ok"
NO_PROOF = "no_proof"
BAD_SIGNATURE = "bad_signature"
UNKNOWN_KEY = "unknown_key"
UNBOUND_KEY = "unbound_key"  # the signature is good, but the key is not bound to the issuer
ISSUER_MISMATCH = "issuer_mismatch"
CLAIM_MISMATCH = "claim_mismatch"
EXPIRED = "expired"
NOT_YET_VALID = "not_yet_valid"
REVOKED = "revoked"
SUSPENDED = "suspended"
RECIPIENT_MISMATCH = "recipient_mismatch"
MALFORMED = "malformed"
UNSUPPORTED_PROOF = "unsupported_proof"

JsonDict = dict[str, Any]


@dataclass(frozen=True)
class VerificationResult:
    """What `verify_badge` found out about one badge.

    `status` is "verified" only when a signature was checked with a key bound to the issuer and
    every other check passed; "unverified" when nothing contradicts the badge but its origin
    could not be proven offline (no proof, unknown key, a key not bound to the issuer,
    unsupported proof type); "failed" when something is wrong. `document` is the unwrapped
    credential (JWT payload, assertion...) so that a caller can read skills from it even when it
    is not verified; trust it only as far as `status` says.
    """

    status: Status
    reason: str
    message: str
    format: str
    issuer: str | None = None
    credential_id: str | None = None
    document: JsonDict | None = None
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    key_source: str | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def verified(self) -> bool:
        return self.status == "verified"


class CheckFailed(Exception):
    """Stops verification with a final status: raised by any check, caught by the dispatcher."""

    def __init__(self, status: Status, reason: str, message: str) -> None:
        super().__init__(message)
        self.status: Status = status
        self.reason = reason
        self.message = message


def fail(reason: str, message: str) -> CheckFailed:
    """A "failed" stop: something about the badge is wrong."""
    return CheckFailed("failed", reason, message)


def malformed(message: str) -> CheckFailed:
    """A "failed"/"malformed" stop: the input is not a badge this module can read."""
    return CheckFailed("failed", MALFORMED, message)


@dataclass(frozen=True)
class ProofOutcome:
    """What the signature step concluded, before the date, revocation and recipient checks.

    A bad signature raises instead; an outcome is either a checked signature (`verified`) or a
    proof that could not be checked offline (no proof, unknown key, unsupported suite), in which
    case the remaining checks still run and can still fail the badge.
    """

    verified: bool
    reason: str
    message: str
    key_source: str | None = None
