"""The role a request targets (`target`): an occupation by id or URI, a posting, the demand of an
occupation, a job title resolved to an occupation, or a description's skills."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlmodel import Session

from indexing.types import unchecked
from models.matching import TargetIn
from service.errors import InvalidInput, NotFound
from service.profiles.role import (
    resolve_title,
    role_from_demand,
    role_from_occupation,
    role_from_posting,
    role_from_text,
)
from service.recommend.level_title import READ_IN_TRADE, read_in_trade
from service.repo.taxonomy import occupation_id_by_uri
from service.taxonomy.search import title_hits
from service.titles.resolver import ONLY_LEVEL

if TYPE_CHECKING:
    from service.runtime import Runtime


def build_role(
    runtime: Runtime,
    session: Session,
    target: TargetIn,
    *,
    tenant_id: int | None = None,
    check=unchecked,
    jobs: Callable[[], Mapping[int, str]] | None = None,
    text: str = "",
) -> tuple[object, dict]:
    """The role and what building it found (`info`); `jobs`: gives the learner's own jobs
    (occupation id -> the job as written), in whose trade a title of a level is read, else in
    the words of the learner's CV `text` (level_title.py). It is called only for such a title,
    so that any other target is checked, and refused if bad, before the learner is read."""
    s = runtime.settings
    info: dict = {}
    if target.occupation_uri:
        oid = occupation_id_by_uri(session, uri=target.occupation_uri)
        if oid is None:
            raise NotFound(
                f"unknown occupation {target.occupation_uri!r}", field="target.occupation_uri"
            )
        return role_from_occupation(session, oid, s), info
    if target.occupation_id:
        return role_from_occupation(session, target.occupation_id, s), info
    if target.posting_id:
        return role_from_posting(session, target.posting_id, s, tenant_id=tenant_id), info
    if target.demand_occupation_id:
        oid = target.demand_occupation_id
        return role_from_demand(session, oid, s, tenant_id=tenant_id), info
    if target.title:
        resolution = resolve_title(runtime, session, target.title)
        level = resolution.warning in READ_IN_TRADE and jobs is not None
        reading = read_in_trade(runtime, session, resolution, jobs(), text) if level else None
        if reading is not None:  # the chosen reading first, the others its alternatives
            rest = [c for c in resolution.candidates if c.occupation_id != reading.occupation_id]
            resolution = replace(
                resolution, candidates=[reading.candidate, *rest], warning=reading.warning()
            )
            info["title_reading"] = reading.sentence()
        hits = title_hits(session, resolution=resolution)
        if not hits or not resolution.confident:
            raise NotFound(_no_match(resolution, hits), field="target.title")
        info["title_resolution"] = hits
        said = [m for m in (resolution.warning, resolution.note) if m]
        if said:
            info["warnings"] = [{"field": "target.title", "message": m} for m in said]
        return role_from_occupation(session, hits[0]["id"], s), info
    text = target.description or ""
    if len(text) > s.max_text_chars:
        raise InvalidInput(
            f"target.description has {len(text)} characters; the limit is {s.max_text_chars}",
            field="target.description",
        )
    return role_from_text(runtime, text, check=check), info


def _no_match(resolution, hits: list[dict]) -> str:
    """The 404's words for a title that names no occupation surely: why (a title of level words
    alone says so: "junior trainee"), the closest occupations, and what to send instead."""
    closest = "; ".join(f"{h['preferred_label']} ({h['score']:.2f})" for h in hits)
    why = f"{ONLY_LEVEL}. " if resolution.warning == ONLY_LEVEL else ""
    return (
        f"{why}no occupation matches this title confidently; closest: {closest or 'none'}."
        " Name one with target.occupation_id, or search GET /v1/occupations?q="
    )
