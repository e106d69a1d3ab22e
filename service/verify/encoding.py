"""Byte encodings used by badges: base64url (JWS, JWK), base58btc and multibase (did:key, proofs).

Hand-written because each is a few lines and a dependency per codec would cost more than it
saves. Every decoder raises ValueError on bad input so that callers map it to "malformed".
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

_B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {c: i for i, c in enumerate(_B58_ALPHABET)}


def b64url_decode(text: str) -> bytes:
    """Decode unpadded base64url (RFC 7515 §2); reject characters outside the alphabet.

    The standard library silently skips invalid characters unless told otherwise, which would let
    two different strings decode to the same bytes; `validate=True` on the translated text stops it.
    """
    if not isinstance(text, str):
        raise ValueError("base64url value is not a string")
    if "=" in text or "+" in text or "/" in text:
        raise ValueError("not base64url (padding or standard alphabet)")
    padded = text + "=" * (-len(text) % 4)
    try:
        return base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
    except binascii.Error as exc:
        raise ValueError(f"bad base64url: {exc}") from exc


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_json(text: str) -> Any:
    """Decode a base64url segment that holds JSON (a JWS header or payload, a did:jwk)."""
    try:
        return json.loads(b64url_decode(text))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"base64url segment is not JSON: {exc}") from exc


def base58btc_decode(text: str) -> bytes:
    """Decode Bitcoin-alphabet base58; leading '1's are leading zero bytes."""
    number = 0
    for char in text:
        if char not in _B58_INDEX:
            raise ValueError(f"not base58btc: {char!r}")
        number = number * 58 + _B58_INDEX[char]
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    zeros = len(text) - len(text.lstrip("1"))
    return b"\x00" * zeros + body


def multibase_decode(text: str) -> bytes:
    """Decode a multibase string: 'z' base58btc or 'u' base64url, the two that credentials use."""
    if not isinstance(text, str) or not text:
        raise ValueError("empty multibase value")
    prefix, body = text[0], text[1:]
    if prefix == "z":
        return base58btc_decode(body)
    if prefix == "u":
        return b64url_decode(body)
    raise ValueError(f"unsupported multibase prefix {prefix!r}")


def read_varint(data: bytes) -> tuple[int, int]:
    """Read an unsigned LEB128 varint (a multicodec code); return (value, bytes consumed)."""
    value = 0
    for i, byte in enumerate(data[:9]):
        value |= (byte & 0x7F) << (7 * i)
        if not byte & 0x80:
            return value, i + 1
    raise ValueError("truncated or oversized varint")
