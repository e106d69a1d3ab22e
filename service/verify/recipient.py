"""Recipient checks: does the badge name one of the identities the caller says the learner has?

OB 2.0 names the recipient in `recipient` (an IdentityObject); OB 3.0 in `credentialSubject.id`
and/or `credentialSubject.identifier[]` (IdentityObjects). Hashed identities are `sha256$<hex>` or
`md5$<hex>` of identity + salt, which is how issuers avoid publishing e-mail addresses.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from service.verify.result import RECIPIENT_MISMATCH, fail

_HASHES = {"sha256": hashlib.sha256, "md5": hashlib.md5}
_EMAIL_TYPES = {"email", "emailaddress"}


@dataclass(frozen=True)
class Identity:
    """One recipient identity as written in a badge."""

    value: str
    kind: str  # "email", "url", "telephone", "id", "did"... as the badge spells it, lower-cased
    hashed: bool = False
    salt: str = ""


def _normalise(value: str, kind: str) -> str:
    """Comparable form: e-mail addresses ignore case and a leading mailto:, nothing else does."""
    value = value.strip()
    if kind in _EMAIL_TYPES or value.lower().startswith("mailto:"):
        return value.lower().removeprefix("mailto:")
    return value


def _hash_matches(identity: Identity, candidate: str) -> bool:
    """Compare `<alg>$<hex>` with the hash of candidate + salt (as given and, for e-mail,
    lower-cased, since issuers differ on whether they normalise before hashing)."""
    algorithm, _, expected = identity.value.partition("$")
    digest = _HASHES.get(algorithm.lower())
    if digest is None or not expected:
        return False
    variants = {candidate.strip()}
    if identity.kind in _EMAIL_TYPES:
        variants.add(_normalise(candidate, identity.kind))
    for variant in variants:
        actual = digest((variant + identity.salt).encode("utf-8")).hexdigest()
        if hmac.compare_digest(actual, expected.strip().lower()):
            return True
    return False


def _matches(identity: Identity, candidate: str) -> bool:
    if identity.hashed:
        return _hash_matches(identity, candidate)
    return _normalise(identity.value, identity.kind) == _normalise(candidate, identity.kind)


def _identity(obj: Mapping[str, Any], value_key: str, kind_key: str) -> Identity | None:
    """Read an IdentityObject (OB 2.0 `identity`/`type`, OB 3.0 `identityHash`/`identityType`)."""
    value = obj.get(value_key)
    if not isinstance(value, str) or not value:
        return None
    salt = obj.get("salt")
    return Identity(
        value=value,
        kind=str(obj.get(kind_key) or "").lower(),
        hashed=obj.get("hashed") is True,
        salt=salt if isinstance(salt, str) else "",
    )


def ob2_identities(assertion: Mapping[str, Any]) -> list[Identity]:
    recipient = assertion.get("recipient")
    if not isinstance(recipient, Mapping):
        return []
    identity = _identity(recipient, "identity", "type")
    return [identity] if identity else []


def ob3_identities(credential: Mapping[str, Any]) -> list[Identity]:
    identities: list[Identity] = []
    for subject in _subjects(credential.get("credentialSubject")):
        if isinstance(subject.get("id"), str) and subject["id"]:
            identities.append(Identity(subject["id"], "id"))
        for obj in _as_list(subject.get("identifier")):
            if isinstance(obj, Mapping):
                identity = _identity(obj, "identityHash", "identityType")
                if identity:
                    identities.append(identity)
    return identities


def _subjects(value: Any) -> Iterable[Mapping[str, Any]]:
    return (s for s in _as_list(value) if isinstance(s, Mapping))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def check_recipient(identities: Sequence[Identity], recipient_ids: Sequence[str]) -> None:
    """Fail with "recipient_mismatch" when the caller named identities, the badge names a
    recipient, and none of the badge's identities matches any of the caller's."""
    candidates = [c for c in recipient_ids if isinstance(c, str) and c.strip()]
    if not candidates or not identities:
        return
    if any(_matches(identity, c) for identity in identities for c in candidates):
        return
    raise fail(RECIPIENT_MISMATCH, "The badge was issued to someone else.")
