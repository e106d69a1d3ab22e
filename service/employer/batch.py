"""Several candidates in one request: each item checked, verified and saved on its own, so a bad
item is answered with its errors and never costs the good ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ValidationError
from sqlmodel import Session

from models.employer import CandidateIn
from service.employer.candidates import candidate_out, get_candidate_row, save_candidate
from service.errors import DomainError

if TYPE_CHECKING:
    from service.runtime import Runtime

MAX_ERRORS = 10  # per item


def _field(i: int, field: str | None) -> str:
    """'items[2].text' from a save's 'body.text' (or a learner's 'learner.skills[0]')."""
    name = (field or "").removeprefix("body.").removeprefix("body").removeprefix("learner.")
    return f"items[{i}].{name}" if name else f"items[{i}]"


def _failed(i: int, errors: list[dict]) -> dict:
    return {"position": i, "status": "failed", "errors": errors[:MAX_ERRORS]}


def _validated(i: int, doc: dict) -> tuple[CandidateIn | None, list[dict]]:
    try:
        body = CandidateIn.model_validate(doc)
    except ValidationError as exc:
        errors = [
            {"field": _field(i, ".".join(str(p) for p in e["loc"])), "message": e["msg"]}
            for e in exc.errors(include_url=False)
        ]
        return None, errors
    if not (body.text.strip() or body.skills or body.badges):
        return None, [{"field": _field(i, None), "message": "give CV text, skills or badges"}]
    return body, []


def import_candidates(runtime: Runtime, tenant_id: int, items: list[dict]) -> dict:
    """Save each good item (its own transaction) and answer per item, in the order given."""
    out = []
    for i, doc in enumerate(items):
        body, errors = _validated(i, doc)
        if body is None:
            out.append(_failed(i, errors))
            continue
        with Session(runtime.engine) as s:
            try:
                cid = save_candidate(runtime, s, tenant_id, body)
            except DomainError as exc:
                s.rollback()
                out.append(_failed(i, [{"field": _field(i, exc.field), "message": exc.message}]))
                continue
            cand = candidate_out(s, get_candidate_row(s, tenant_id, cid), runtime)
        out.append(
            {
                "position": i, "status": "created", "id": cid, "name": cand["name"],
                "skills": [sk["label"] for sk in cand["skills"]],
                "warnings": cand["warnings"][:MAX_ERRORS],
            }
        )  # fmt: skip
    created = sum(1 for o in out if o["status"] == "created")
    return {"summary": {"created": created, "failed": len(out) - created}, "items": out}
