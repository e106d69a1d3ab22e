"""Pure parsers: a document in one of the ingest formats -> normalised records (models.records).

No database and no model: skills are what the document states, as SkillRef(uri=...) for an ESCO
skill URI (or the taxonomy's urn:onet: URN) and SkillRef(label=...) otherwise; the ingest pipeline
resolves labels and adds skills extracted from the description text with the SkillLinker.

    parse_credential(doc, fmt=None) -> list[CredentialRecord]   native | ob2 | ob3 | ctdl
    parse_posting(doc, fmt=None)    -> list[JobPostingRecord]   native | schema_org
    parse_csv(text, "credentials" | "postings") -> [(line, record | ParseError)]
    iter_jsonl(text) -> [(line, dict | ParseError)]
    detect_format(doc) -> "native" | "ob2" | "ob3" | "ctdl" | "schema_org"

Every record keeps `original` (the source document verbatim; for CSV the row as a dict),
`source_format`, and a stable external_id (the document's id / @id, else "sha256:<hex>" of its
canonical JSON). Bad input raises ParseError with the path of the field at fault. The mapping of
each format is described in its module (ob2, ob3, ob_common, ctdl, ctdl_values, kinds,
durations, schema_org, native, csv_format.md).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from models.records import CredentialRecord, JobPostingRecord
from models.safe_values import non_finite_path
from service.ingest.parsers._common import ParseError, validation_error
from service.ingest.parsers.csv_table import parse_csv
from service.ingest.parsers.ctdl import parse_ctdl
from service.ingest.parsers.detect import FORMATS, Format, detect_format
from service.ingest.parsers.native import iter_jsonl, json_refusal, parse_native
from service.ingest.parsers.ob2 import parse_ob2
from service.ingest.parsers.ob3 import parse_ob3
from service.ingest.parsers.schema_org import parse_schema_org

__all__ = [
    "FORMATS",
    "Format",
    "ParseError",
    "detect_format",
    "iter_jsonl",
    "json_refusal",
    "parse_credential",
    "parse_csv",
    "parse_posting",
]

_CREDENTIAL_PARSERS = {"ob2": parse_ob2, "ob3": parse_ob3, "ctdl": parse_ctdl}


def parse_credential(doc: Any, fmt: str | None = None) -> list[CredentialRecord]:
    """Credential records of one document (a CTDL @graph or a list may hold several)."""
    if isinstance(doc, list):
        return [r for i, d in enumerate(doc) for r in _nested(parse_credential, d, fmt, i)]
    fmt = _format(doc, fmt)
    if fmt == "native":
        return [parse_native(doc, CredentialRecord)]
    if fmt not in _CREDENTIAL_PARSERS:
        raise ParseError("$", f"a {fmt} document holds job postings, not credentials")
    try:
        return _CREDENTIAL_PARSERS[fmt](doc)
    except ValidationError as exc:  # a nested model built directly (SkillRef, Prerequisite)
        raise validation_error(exc, {}) from None


def parse_posting(doc: Any, fmt: str | None = None) -> list[JobPostingRecord]:
    """Job-posting records of one document (a schema.org @graph or a list may hold several)."""
    if isinstance(doc, list):
        return [r for i, d in enumerate(doc) for r in _nested(parse_posting, d, fmt, i)]
    fmt = _format(doc, fmt)
    if fmt == "native":
        return [parse_native(doc, JobPostingRecord)]
    if fmt != "schema_org":
        raise ParseError("$", f"a {fmt} document holds credentials, not job postings")
    try:
        return parse_schema_org(doc)
    except ValidationError as exc:
        raise validation_error(exc, {}) from None


def _format(doc: Any, fmt: str | None) -> str:
    if not isinstance(doc, dict):
        raise ParseError("$", f"expected a JSON object, got {type(doc).__name__}")
    bad = non_finite_path(doc)  # the document is kept verbatim (`original`) and shown again
    if bad is not None:
        raise ParseError(bad, "numbers must be finite (no NaN or Infinity)")
    if fmt is None:
        return detect_format(doc)
    if fmt not in FORMATS:
        raise ParseError("$", f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    return fmt


def _nested(parse: Any, doc: Any, fmt: str | None, i: int) -> list[Any]:
    try:
        return parse(doc, fmt)
    except ParseError as exc:
        raise exc.under(f"[{i}]") from None
