"""Which parser a JSON document needs, from its @context and type / @type.

- ob3: an Open Badges 3.0 context (purl.imsglobal.org/spec/ob/v3p0), or, without one, a type of
  OpenBadgeCredential / AchievementCredential / Achievement.
- ob2: the Open Badges 2.0 context (w3id.org/openbadges/v2, openbadgespec.org), or, without
  one, a type of BadgeClass / Assertion.
- ctdl: a Credential Engine context (credreg.net, purl.org/ctdl) or ceterms:/ceasn: types
  (also inside @graph).
- schema_org: a schema.org context or a JobPosting type (also inside @graph).
- native: no @context and no type, with a `title` or `external_id` key.
Anything else (and Open Badges 1.x) is ParseError("$", ...).
"""

from __future__ import annotations

from typing import Any, Literal

from service.ingest.parsers._common import ParseError, as_list, types_of
from service.ingest.parsers.kinds import local_name

Format = Literal["native", "ob2", "ob3", "ctdl", "schema_org"]
FORMATS: tuple[Format, ...] = ("native", "ob2", "ob3", "ctdl", "schema_org")


def _contexts(doc: dict) -> str:
    """All context IRIs and @vocab values, lowercased and joined, for substring tests."""
    found: list[str] = []
    for ctx in as_list(doc.get("@context")):
        if isinstance(ctx, str):
            found.append(ctx)
        elif isinstance(ctx, dict):
            found += [v for v in ctx.values() if isinstance(v, str)]
    return " ".join(found).lower()


def _all_types(doc: dict) -> set[str]:
    nodes: list[Any] = [doc] + [n for n in as_list(doc.get("@graph")) if isinstance(n, dict)]
    return {t for n in nodes for t in types_of(n)}


def detect_format(doc: Any) -> Format:
    if not isinstance(doc, dict):
        raise ParseError("$", f"expected a JSON object, got {type(doc).__name__}")
    ctx = _contexts(doc)
    types = _all_types(doc)
    local = {local_name(t) for t in types}
    if "ob/v3p0" in ctx or local & {"OpenBadgeCredential", "AchievementCredential"}:
        return "ob3"
    if "openbadges/v1" in ctx or "openbadges/v0" in ctx:
        raise ParseError("@context", "Open Badges 1.x is not supported; convert to 2.0 first")
    if "openbadges" in ctx or "openbadgespec" in ctx:
        return "ob2"
    if "credreg.net" in ctx or "purl.org/ctdl" in ctx:
        return "ctdl"
    if any(t.startswith(("ceterms:", "ceasn:")) for t in types):
        return "ctdl"
    if "schema.org" in ctx or "JobPosting" in local:
        return "schema_org"
    if not ctx and local & {"BadgeClass", "Assertion"}:
        return "ob2"
    if not ctx and "Achievement" in local:
        return "ob3"
    if not ctx and not types and ("title" in doc or "external_id" in doc):
        return "native"
    shown = f"@context {ctx!r}" if ctx else "no @context"
    kinds = ", ".join(sorted(types)) or "no type"
    raise ParseError("$", f"unknown document format ({shown}, {kinds})")
