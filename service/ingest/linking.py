"""The skills of a batch of records: stated ones (by URI, or by name through
`indexing.stated.link_stated`) and, by policy, those extracted from the text.

Every stated name is kept with what it became, as a label row (CredentialLabel, PostingLabel):
`linked` and `doubtful` names give an explicit skill whose confidence is the link's (a doubtful
one with a warning in the ingest answer); an `unlinked` name gives no skill, only its label and a
warning. The context of a name is the record's title, description and other stated names, so
"Chef" on a cookery course is not the configuration tool.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlmodel import Session

from indexing.stated import StatedLink, link_stated
from models.records import Span
from models.tables import Skill
from service.repo.identity import score_confidence

if TYPE_CHECKING:
    from service.ingest.pipeline import Prepared

EXTRACTED_WEIGHT = 0.7  # a skill found in the text teaches less surely than a stated one
NOTE_CHARS = 500


def record_context(p: Prepared) -> str:
    """What a record's stated names are read against: title, description, every stated name."""
    names = ", ".join(sk.label for sk in p.record.skills if sk.label)
    return f"{p.text}\n{names}"


def link_skills(runtime, todo: Sequence[Prepared]) -> None:
    """Fill `skills` and `labels` of each prepared record, and its warnings."""
    linker = runtime.linker
    uris = {sk.uri for p in todo for sk in p.record.skills if sk.uri}
    by_uri: dict[str, int] = {}
    if uris:
        with Session(runtime.engine) as s:
            by_uri = dict(s.execute(select(Skill.uri, Skill.id).where(Skill.uri.in_(uris))).all())
    where, names, contexts = [], [], []
    for n, p in enumerate(todo):
        context = record_context(p)
        for i, sk in enumerate(p.record.skills):
            if sk.label and not (sk.uri and sk.uri in by_uri):
                where.append((n, i))
                names.append(sk.label)
                contexts.append(context)
    # distinct names are linked once for the batch (link_spans), each decided in its context
    links = link_stated(linker, names, contexts=contexts) if names else []
    stated = dict(zip(where, links, strict=True))
    for n, p in enumerate(todo):
        rows: dict[int, dict] = {}
        for i, sk in enumerate(p.record.skills):
            sid, conf = _resolve(p, i, by_uri, stated.get((n, i)))
            if sid is None:
                continue
            row = rows.get(sid)
            if row is None or row["weight"] < sk.weight:
                rows[sid] = dict(
                    skill_id=sid,
                    weight=sk.weight,
                    source="explicit",
                    confidence=conf,
                    evidence=[e.model_dump() for e in sk.evidence],
                    relation=sk.relation,
                )
        _extracted(runtime, p, rows)
        p.skills = list(rows.values())


def _resolve(p: Prepared, i: int, by_uri: dict[str, int], link: StatedLink | None):
    """(skill id, confidence) of skill i of the record, or (None, None); records its label row
    and warnings."""
    sk = p.record.skills[i]
    if sk.uri and sk.uri in by_uri:
        return by_uri[sk.uri], sk.confidence if sk.confidence is not None else 1.0
    if link is None:
        p.result.warnings.append(_warning(f"skills[{i}].uri", f"unknown skill URI {sk.uri!r}"))
        return None, None
    p.labels.append(label_row(i, link))
    message = link.warning()
    if message:
        p.result.warnings.append(_warning(f"skills[{i}].label", message))
    if link.skill is None:
        return None, None
    return link.skill.skill_id, link.confidence


def label_row(position: int, link: StatedLink) -> dict[str, Any]:
    """The stored form of a stated name (CredentialLabel / PostingLabel without the key)."""
    return dict(
        position=position,
        label=link.label,
        status=link.status,
        skill_id=link.skill.skill_id if link.skill else None,
        confidence=link.confidence,
        note=(link.warning() or "")[:NOTE_CHARS],
    )


def _warning(path: str, message: str):
    from service.ingest.pipeline import FieldError

    return FieldError(path, message)


def _extracted(runtime, p: Prepared, rows: dict[int, dict]) -> None:
    """Skills found in the record's text, by the ingest_extract policy, added to `rows`
    (if_no_explicit: when no stated skill became a skill, e.g. all were left unlinked)."""
    policy = runtime.settings.ingest_extract
    if policy == "never" or (policy == "if_no_explicit" and rows):
        return
    found = runtime.linker.extract(p.text, max_skills=runtime.settings.extract_max_skills)
    for x in found:
        if x.skill_id in rows:
            continue
        conf = score_confidence(x.score)
        rows[x.skill_id] = dict(
            skill_id=x.skill_id,
            weight=round(EXTRACTED_WEIGHT * conf, 3),
            source="extracted",
            confidence=conf,
            evidence=[_span(e, p) for e in x.evidence[:3]],
            relation=None,
        )


def _span(e, p: Prepared) -> dict:
    """Evidence offsets in the linked text (title + description) mapped back to their field."""
    if e.start < len(p.record.title):
        end = min(e.end, len(p.record.title))
        return Span(field="title", start=e.start, end=end, text=p.text[e.start : end]).model_dump()
    start, end = max(0, e.start - p.desc_offset), e.end - p.desc_offset
    return Span(
        field="description", start=start, end=end, text=p.record.description[start:end]
    ).model_dump()
