"""CSV with the documented columns (csv_format.md): one record per row, row-wise errors."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import ValidationError

from models.records import CredentialRecord, JobPostingRecord, Prerequisite, SkillRef
from service.ingest.parsers._common import (
    ParseError,
    build,
    skill_uri,
    stable_id,
    validation_error,
)

CREDENTIAL_COLUMNS = (
    "external_id", "title", "kind", "description", "issuer_name", "issuer_url", "url", "language",
    "level", "eqf_level", "delivery_mode", "hours", "cost", "currency", "validity_months",
    "skills", "prerequisites", "is_part_of", "has_part",
)  # fmt: skip
POSTING_COLUMNS = (
    "external_id", "title", "description", "employer", "location", "remote", "date_posted",
    "occupation_uri", "skills_essential", "skills_optional",
)  # fmt: skip
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}

Record = CredentialRecord | JobPostingRecord


def parse_csv(
    text: str, kind: Literal["credentials", "postings"]
) -> list[tuple[int, Record | ParseError]]:
    """(line number where the row starts, record or ParseError) per data row.

    A header that lacks `title` or names an unknown column raises ParseError("header", ...):
    then no row can be read right.
    """
    if kind not in ("credentials", "postings"):
        raise ParseError("$", f"kind must be 'credentials' or 'postings', not {kind!r}")
    columns = CREDENTIAL_COLUMNS if kind == "credentials" else POSTING_COLUMNS
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    header = [h.strip() for h in reader.fieldnames or []]
    if not header:
        raise ParseError("header", "the file is empty")
    reader.fieldnames = header
    unknown = [h for h in header if h not in columns]
    if unknown:
        raise ParseError("header", f"unknown column(s) {', '.join(map(repr, unknown))}")
    if "title" not in header:
        raise ParseError("header", "the column 'title' is required")
    out: list[tuple[int, Record | ParseError]] = []
    line = reader.line_num + 1
    for row in _rows(reader):
        if None in row:
            out.append((line, ParseError("$", f"row has {len(header) + len(row[None])} cells, "
                                               f"the header {len(header)}")))  # fmt: skip
        elif any((v or "").strip() for v in row.values()):
            cells = {k: (v or "").strip() for k, v in row.items()}
            try:
                rec = _credential(cells, row) if kind == "credentials" else _posting(cells, row)
                out.append((line, rec))
            except ParseError as exc:
                out.append((line, exc))
            except ValidationError as exc:
                out.append((line, validation_error(exc, {})))
        line = reader.line_num + 1
    return out


def _rows(reader: csv.DictReader) -> Iterator[dict]:
    """The reader's rows; a file the csv module cannot read on (a cell over its size limit)
    is refused whole, at the line where it stopped: what follows cannot be read right."""
    while True:
        start = reader.line_num + 1
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                reason = f"a cell is longer than {csv.field_size_limit()} characters"
            else:
                reason = "the CSV cannot be read on from here"
            raise ParseError(f"line {start}", reason) from None


def _items(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _skill(item: str, relation: Literal["essential", "optional"] | None = None) -> SkillRef:
    uri = skill_uri(item)
    return SkillRef(uri=uri, label=None if uri else item, relation=relation)


def _drop_empty(cells: dict[str, str], keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: cells[k] for k in keys if cells.get(k)}


def _credential(cells: dict[str, str], row: dict) -> CredentialRecord:
    data: dict[str, Any] = _drop_empty(
        cells,
        ("title", "kind", "description", "url", "language", "level", "eqf_level", "delivery_mode",
         "hours", "cost", "validity_months"),
    )  # fmt: skip
    if cells.get("currency"):
        data["currency"] = cells["currency"].upper()
    if cells.get("issuer_name") or cells.get("issuer_url"):
        data["issuer"] = {
            "name": cells.get("issuer_name", ""),
            "url": cells.get("issuer_url") or None,
        }
    data["skills"] = [_skill(s) for s in _items(cells.get("skills", ""))]
    data["prerequisites"] = [
        Prerequisite(kind="skill" if skill_uri(p) else "credential", ref=p)
        for p in _items(cells.get("prerequisites", ""))
    ]
    data["is_part_of"] = _items(cells.get("is_part_of", ""))
    data["has_part"] = _items(cells.get("has_part", ""))
    data["external_id"] = cells.get("external_id") or stable_id(row)
    data.update(source_format="csv", original=dict(row))
    paths = {"issuer": "issuer_name"}
    return build(CredentialRecord, data, paths)


def _posting(cells: dict[str, str], row: dict) -> JobPostingRecord:
    data: dict[str, Any] = _drop_empty(
        cells, ("title", "description", "employer", "location", "date_posted", "occupation_uri")
    )
    remote = cells.get("remote", "").lower()
    if remote in _TRUE | _FALSE:
        data["remote"] = remote in _TRUE
    elif remote:
        raise ParseError("remote", f"expected true/false (or yes/no, 1/0), got {remote!r}")
    data["skills"] = [_skill(s, "essential") for s in _items(cells.get("skills_essential", ""))]
    data["skills"] += [_skill(s, "optional") for s in _items(cells.get("skills_optional", ""))]
    data["external_id"] = cells.get("external_id") or stable_id(row)
    data.update(source_format="csv", original=dict(row))
    return build(JobPostingRecord, data)
