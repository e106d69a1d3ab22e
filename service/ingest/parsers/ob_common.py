"""Shared by OB 2.0 and OB 3.0: alignments -> SkillRef, criteria, tags, issuer profiles.

Alignments (OB 2.0 AlignmentObject, OB 3.0 Alignment) -> SkillRef.

Convention, shared by OB2 and OB3:
- an ESCO skill URI (or the taxonomy's urn:onet: URN) in targetUrl or targetCode, or an ESCO UUID in
  targetCode with an ESCO targetFramework -> SkillRef(uri=..., label=targetName);
- otherwise SkillRef(label=targetName) (targetCode when there is no name). When the alignment has a
  targetDescription, "targetName: targetDescription" is appended to the record's description text
  under "Alignment:" and the SkillRef carries that text as `evidence` (a Span into `description`),
  so the pipeline can link the label with its context and the text linker sees it too.
- OB3 alignments whose targetType is ceterms:Credential (another credential) or a CASE rubric
  (CFRubric, CFRubricCriterion, CFRubricCriterionLevel) are not skills and are skipped.
Duplicates (same URI, or same label without URI) are kept once.
"""

from __future__ import annotations

from typing import Any

from models.records import Issuer, SkillRef
from service.ingest.parsers._common import (
    ParseError,
    TextBuilder,
    as_dict,
    as_list,
    http_url,
    join_path,
    opt_str,
    skill_uri,
)

NOT_SKILL_TARGET_TYPES = {"ceterms:credential", "cfrubric", "cfrubriccriterion"}
NOT_SKILL_TARGET_TYPES |= {"cfrubriccriterionlevel"}


def alignment_skills(
    alignments: Any, path: str, text: TextBuilder, seen: set[str] | None = None
) -> list[SkillRef]:
    """SkillRefs for a list of alignment objects found at `path` (e.g. "badge.alignment")."""
    seen = set() if seen is None else seen
    out: list[SkillRef] = []
    for i, item in enumerate(as_list(alignments)):
        p = f"{path}[{i}]"
        obj = as_dict(item, p)
        target_type = (opt_str(obj, "targetType", p) or "").lower()
        if target_type in NOT_SKILL_TARGET_TYPES:
            continue
        name = opt_str(obj, "targetName", p)
        url = opt_str(obj, "targetUrl", p)
        code = opt_str(obj, "targetCode", p)
        framework = opt_str(obj, "targetFramework", p)
        description = opt_str(obj, "targetDescription", p)
        uri = skill_uri(url) or skill_uri(code, framework)
        label = name or (code if not uri else None)
        if not uri and not label:
            raise ParseError(p, "an alignment needs a targetName, or an ESCO/O*NET targetUrl")
        key = uri or f"label:{(label or '').lower()}"
        if key in seen:
            continue
        seen.add(key)
        evidence = []
        if not uri and description:
            span = text.add(f"{label}: {description}", heading="Alignment")
            if span:
                evidence.append(span)
        out.append(SkillRef(uri=uri, label=label, evidence=evidence))
    return out


def ob_criteria(criteria: Any, path: str) -> tuple[str | None, str | None]:
    """(criteria URL, narrative) from an OB criteria value: an IRI or {id, narrative}."""
    if criteria is None:
        return None, None
    if isinstance(criteria, str):
        return criteria.strip() or None, None
    obj = as_dict(criteria, path)
    return opt_str(obj, "id", path), opt_str(obj, "narrative", path)


def ob_tags(tags: Any, path: str) -> list[str]:
    out = []
    for i, tag in enumerate(as_list(tags)):
        if not isinstance(tag, str):
            raise ParseError(join_path(path, f"[{i}]"), "expected a string")
        if tag.strip():
            out.append(tag.strip())
    return out


def ob_issuer(value: Any, path: str) -> Issuer:
    """An OB issuer / creator: an embedded Profile (name, url, id) or just its IRI."""
    if value is None:
        return Issuer()
    if isinstance(value, str):
        return Issuer(name="", url=http_url(value.strip()) or value.strip() or None)
    obj = as_dict(value, path)
    url = opt_str(obj, "url", path) or http_url(obj.get("id"))
    return Issuer(name=opt_str(obj, "name", path) or "", url=url)
