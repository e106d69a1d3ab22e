"""A baked badge (PNG or SVG) posted to ingest: the document inside it, as the parsers read it.
A signed one (a JWS / VC-JWT) gives its payload: the catalog takes the badge's description from
an operator's key, not its signature (which learners' and candidates' badges get checked by)."""

from __future__ import annotations

from typing import Any

from service.errors import InvalidInput
from service.verify.baked import unbake
from service.verify.jws import parse_json_text, parse_jws
from service.verify.result import CheckFailed

BAKED_TYPES = ("image/png", "image/svg+xml")


def baked_document(raw: bytes) -> Any:
    """The JSON document baked into the image; 422 naming `body` when there is none."""
    try:
        text = unbake(raw).text
        if text.startswith(("{", "[")):
            return parse_json_text(text)
        payload = parse_jws(text).payload
    except CheckFailed as exc:
        raise InvalidInput(f"not a baked badge: {exc.message}", field="body") from exc
    vc = payload.get("vc")
    return vc if isinstance(vc, dict) else payload
