"""Revocation: OB 2.0 RevocationList, OB 3.0 1EdTechRevocationList and Bitstring status lists.

Nothing is fetched: the caller supplies the list documents it has (in `revocations`) and each
credential is matched against the lists that name it. A list published by a different issuer is
ignored (anyone can publish a list that "revokes" someone else's badge). A status that points to
a list the caller did not supply is not a failure, only a warning: it is simply not known.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from service.verify.encoding import b64url_decode, multibase_decode
from service.verify.result import REVOKED, SUSPENDED, JsonDict, fail

# Bitstring status lists are at least 16 KiB of bits; 16 MiB bounds a hostile "gzip bomb".
_MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024
_LIST_ENTRY_TYPES = ("BitstringStatusListEntry", "StatusList2021Entry")
_EDTECH_LIST_TYPES = ("1EdTechRevocationList", "RevocationList")


def types_of(doc: Mapping[str, Any]) -> set[str]:
    """The `type` of a JSON-LD node as a set, whether written as a string or a list."""
    value = doc.get("type", doc.get("@type"))
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {t for t in value if isinstance(t, str)}
    return set()


def id_of(value: Any) -> str | None:
    """The id of a node written either as a bare string or as an object with `id`."""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping) and isinstance(value.get("id"), str):
        return value["id"]
    return None


def _revoked_message(what: str, reason: Any) -> str:
    if isinstance(reason, str) and reason.strip():
        return f"The issuer revoked this {what}: {reason.strip()}"
    return f"The issuer revoked this {what}."


def _issuer_conflicts(list_doc: Mapping[str, Any], issuer: str | None) -> bool:
    """True when the list names an issuer and it is not the badge's issuer."""
    list_issuer = id_of(list_doc.get("issuer"))
    return bool(list_issuer and issuer and list_issuer != issuer)


# --- Open Badges 2.0 -------------------------------------------------------------------------


def check_ob2_revocation(
    assertion: Mapping[str, Any], lists: Sequence[JsonDict], issuer: str | None
) -> None:
    """Fail with "revoked" when the assertion says so itself or a supplied RevocationList names it
    (by `id`, or by `uid` for lists that identify assertions that way)."""
    if assertion.get("revoked") is True:
        raise fail(REVOKED, _revoked_message("badge", assertion.get("revocationReason")))
    assertion_id, uid = assertion.get("id"), assertion.get("uid")
    for list_doc in lists:
        if "revokedAssertions" not in list_doc or _issuer_conflicts(list_doc, issuer):
            continue
        for entry in list_doc.get("revokedAssertions") or ():
            if _ob2_entry_matches(entry, assertion_id, uid):
                reason = entry.get("revocationReason") if isinstance(entry, Mapping) else None
                raise fail(REVOKED, _revoked_message("badge", reason))


def _ob2_entry_matches(entry: Any, assertion_id: Any, uid: Any) -> bool:
    if isinstance(entry, str):
        return entry == assertion_id
    if not isinstance(entry, Mapping):
        return False
    if assertion_id and entry.get("id") == assertion_id:
        return True
    return bool(uid) and entry.get("uid") == uid


# --- Open Badges 3.0 -------------------------------------------------------------------------


def check_ob3_status(
    credential: Mapping[str, Any], lists: Sequence[JsonDict], issuer: str | None
) -> list[str]:
    """Check every `credentialStatus` entry; fail on a revocation, return warnings for the
    statuses that could not be checked (list not supplied, unknown status type...)."""
    warnings: list[str] = []
    for status in _status_entries(credential.get("credentialStatus")):
        kinds = types_of(status)
        if kinds & set(_EDTECH_LIST_TYPES):
            warnings += _check_edtech_list(status, credential.get("id"), lists, issuer)
        elif kinds & set(_LIST_ENTRY_TYPES):
            warnings += _check_bitstring(status, lists, issuer)
        else:
            warnings.append(f"credentialStatus of type {sorted(kinds)} is not checked")
    return warnings


def _status_entries(value: Any) -> Iterator[Mapping[str, Any]]:
    if isinstance(value, Mapping):
        yield value
    elif isinstance(value, list):
        yield from (v for v in value if isinstance(v, Mapping))


def _check_edtech_list(
    status: Mapping[str, Any], credential_id: Any, lists: Sequence[JsonDict], issuer: str | None
) -> list[str]:
    """1EdTechRevocationList: the list at `status.id` names revoked credentials by id."""
    list_id = status.get("id")
    matching = [d for d in lists if "revokedCredentials" in d and d.get("id") == list_id]
    usable = [d for d in matching if not _issuer_conflicts(d, issuer)]
    if not usable:
        why = "is from another issuer" if matching else "was not supplied"
        return [f"revocation list {list_id} {why}; revocation not checked"]
    for list_doc in usable:
        for entry in list_doc.get("revokedCredentials") or ():
            if credential_id and id_of(entry) == credential_id:
                reason = entry.get("revocationReason") if isinstance(entry, Mapping) else None
                raise fail(REVOKED, _revoked_message("credential", reason))
    return []


def _check_bitstring(
    status: Mapping[str, Any], lists: Sequence[JsonDict], issuer: str | None
) -> list[str]:
    """BitstringStatusListEntry / StatusList2021Entry: one bit at `statusListIndex` in the
    supplied status list credential's `encodedList`; set means revoked (or suspended)."""
    url = status.get("statusListCredential")
    list_vc = next((d for d in lists if d.get("id") == url and "credentialSubject" in d), None)
    if list_vc is None:
        return [f"status list {url} was not supplied; revocation not checked"]
    if _issuer_conflicts(list_vc, issuer):
        return [f"status list {url} is from another issuer; ignored"]
    subject = list_vc["credentialSubject"]
    subject = subject[0] if isinstance(subject, list) and subject else subject
    purpose = status.get("statusPurpose") or "revocation"
    list_purpose = subject.get("statusPurpose") if isinstance(subject, Mapping) else None
    if list_purpose is not None and purpose not in _as_list(list_purpose):
        return [f"status list {url} is for {list_purpose!r}, not {purpose!r}; ignored"]
    try:
        if int(status.get("statusSize", 1)) != 1:
            return [f"status list {url} uses multi-bit statuses; not checked"]
        bit = _status_bit(subject.get("encodedList"), int(status.get("statusListIndex")))
    except (ValueError, TypeError, AttributeError, zlib.error) as exc:
        return [f"status list {url} could not be read ({exc}); revocation not checked"]
    if bit and purpose == "revocation":
        raise fail(REVOKED, "The issuer revoked this credential (status list).")
    if bit and purpose == "suspension":
        raise fail(SUSPENDED, "The issuer has suspended this credential (status list).")
    return []


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _status_bit(encoded: Any, index: int) -> int:
    """Bit `index` of a GZIP'd bitstring, counted from the most significant bit of byte 0.

    `encodedList` is multibase base64url ('u' prefix) in Bitstring Status List v1.0 and bare
    base64url in the older StatusList2021; both decode to a GZIP stream (which starts "H4sI").
    """
    if not isinstance(encoded, str):
        raise ValueError("encodedList is missing")
    compressed = multibase_decode(encoded) if encoded.startswith("u") else b64url_decode(encoded)
    inflater = zlib.decompressobj(wbits=31)
    bits = inflater.decompress(compressed, _MAX_STATUS_LIST_BYTES)
    if inflater.unconsumed_tail:
        raise ValueError("status list is larger than allowed")
    if not 0 <= index < len(bits) * 8:
        raise ValueError(f"statusListIndex {index} is outside the list")
    return (bits[index // 8] >> (7 - index % 8)) & 1
