"""Compact JWS parsing (RFC 7515): split, decode, and refuse what this verifier cannot honour."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from service.verify.encoding import b64url_decode, b64url_json
from service.verify.result import JsonDict, malformed

_COMPACT = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")
MAX_JWS_CHARS = 2 * 1024 * 1024


@dataclass(frozen=True)
class CompactJws:
    header: JsonDict
    payload: JsonDict
    signing_input: bytes
    signature: bytes


def looks_like_jws(text: str) -> bool:
    return len(text) <= MAX_JWS_CHARS and bool(_COMPACT.match(text))


def parse_jws(text: str) -> CompactJws:
    """Decode header, payload (which must be a JSON object) and signature of a compact JWS.

    A `crit` header names extensions the verifier must understand or reject; this verifier
    understands none, so such tokens are malformed for it (RFC 7515 §4.1.11).
    """
    if not looks_like_jws(text):
        raise malformed("The text is neither JSON nor a compact JWS.")
    head, body, sig = text.split(".")
    try:
        header: Any = b64url_json(head)
        payload: Any = b64url_json(body)
        signature = b64url_decode(sig)
    except (ValueError, RecursionError) as exc:
        raise malformed(f"The JWS cannot be decoded: {exc}") from exc
    if not isinstance(header, dict) or not isinstance(payload, dict):
        raise malformed("The JWS header or payload is not a JSON object.")
    if "crit" in header or header.get("b64") is False:
        raise malformed("The JWS uses critical header extensions this verifier does not support.")
    if not isinstance(header.get("alg"), str):
        raise malformed("The JWS header has no algorithm.")
    return CompactJws(header, payload, f"{head}.{body}".encode("ascii"), signature)


def parse_json_text(text: str) -> Any:
    """Parse a JSON document given as text ("malformed" when it is not JSON)."""
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise malformed(f"The text is not valid JSON: {exc}") from exc
