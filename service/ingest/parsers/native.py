"""Native JSON / JSONL: objects whose keys are CredentialRecord / JobPostingRecord field names.

A missing external_id becomes a hash of the object; source_format defaults to "native" and
original to the object itself. An object that already carries source_format and original (a
record exported by this service) keeps them, so an export re-imports unchanged. Validation errors
become a ParseError at the field path ("skills[1].uri").
"""

from __future__ import annotations

import json
from typing import TypeVar

from models.records import CredentialRecord, JobPostingRecord
from service.ingest.parsers._common import ParseError, build, stable_id

R = TypeVar("R", CredentialRecord, JobPostingRecord)


def parse_native(doc: dict, model: type[R]) -> R:
    data = dict(doc)
    if not data.get("external_id"):
        data["external_id"] = stable_id(doc)
    data.setdefault("source_format", "native")
    data.setdefault("original", doc)
    return build(model, data)


def iter_jsonl(text: str) -> list[tuple[int, dict | ParseError]]:
    """(line number, object or ParseError) per non-blank line; a bad line loses only itself."""
    out: list[tuple[int, dict | ParseError]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append((lineno, ParseError("$", f"line {lineno}: invalid JSON: {exc.msg}")))
            continue
        except (ValueError, RecursionError) as exc:
            out.append((lineno, ParseError("$", f"line {lineno}: {json_refusal(exc)}")))
            continue
        if isinstance(value, dict):
            out.append((lineno, value))
        else:
            kind = type(value).__name__
            out.append((lineno, ParseError("$", f"line {lineno}: expected an object, got {kind}")))
    return out


def json_refusal(exc: ValueError | RecursionError) -> str:
    """Why json.loads refused a text that is JSON by its grammar, in the caller's terms (the
    exception's own text names interpreter internals)."""
    if isinstance(exc, RecursionError):
        return "arrays or objects are nested too deeply"
    if "digits" in str(exc):
        return "an integer has too many digits"
    return "a value cannot be read"
