"""CTDL JSON-LD (Credential Engine): credential classes (ceterms:Badge, Certificate, Certification,
MicroCredential, *Degree, ...) and learning opportunities (ceterms:Course, LearningProgram,
LearningOpportunityProfile), as plain documents or @graph documents (one record per credential
or learning-opportunity node; other nodes only resolve references such as a blank-node issuer).

Mapping: ceterms:name / description (language maps) -> title / description (+ "Keywords: ...");
@type -> kind and EQF level (see kinds); subjectWebpage -> url; inLanguage -> language;
ownedBy, else offeredBy -> issuer; deliveryType, audienceLevelType, estimatedDuration,
estimatedCost -> delivery_mode, level, hours, cost/currency (see ctdl_values);
renewalFrequency -> validity_months; isPartOf / hasPart -> is_part_of / has_part.
Competencies: ceterms:teaches, ceterms:assesses and requires[].targetCompetency -> skills
(a competency a credential *requires* is one its earner demonstrates, i.e. what it certifies);
targetCompetency of entryCondition / recommends -> skill prerequisites.
ConditionProfiles: targetCredential / targetAssessment / targetLearningOpportunity of requires and
entryCondition -> credential prerequisites (required), of recommends -> required=False.
lifeCycleStatusType, creditValue, occupationType -> life_cycle_status, credit_value /
credit_unit, occupations (see ctdl_values). Free-text conditions stay in `original`.
`original` is the whole document, also for each record of a @graph.
"""

from __future__ import annotations

from typing import Any

from models.records import CredentialRecord, Issuer, Prerequisite, SkillRef
from service.ingest.parsers._common import (
    ParseError,
    TextBuilder,
    as_dict,
    as_list,
    build,
    http_url,
    join_path,
    language_tag,
    opt_str,
    skill_uri,
    stable_id,
    types_of,
)
from service.ingest.parsers.ctdl_values import (
    audience_level,
    cost_profiles,
    credit_value,
    delivery_mode,
    duration_profile_hours,
    lang_text,
    life_cycle,
    occupation_types,
)
from service.ingest.parsers.durations import duration_months
from service.ingest.parsers.kinds import credential_kind, eqf_level, local_name

_TARGETS = ("ceterms:targetCredential", "ceterms:targetAssessment")
_TARGETS += ("ceterms:targetLearningOpportunity",)
_CONDITIONS = (("ceterms:requires", True), ("ceterms:entryCondition", True))
_CONDITIONS += (("ceterms:recommends", False),)


def ctdl_class(node: dict) -> str | None:
    """The local name of the node's ceterms credential / learning-opportunity class, if any."""
    for t in types_of(node):
        if t.startswith("ceterms:") or "purl.org/ctdl/terms/" in t:
            local = local_name(t)
            if credential_kind(local):
                return local
    return None


def parse_ctdl(doc: dict) -> list[CredentialRecord]:
    if "@graph" not in doc:
        local = ctdl_class(doc)
        if local is None:
            shown = ", ".join(types_of(doc)) or "none"
            raise ParseError(
                "@type", f"{shown} is not a CTDL credential or learning opportunity class"
            )
        return [_node(doc, "", local, doc, {})]
    graph = doc["@graph"]
    if not isinstance(graph, list):
        raise ParseError("@graph", "expected a list of nodes")
    index = {n["@id"]: n for n in graph if isinstance(n, dict) and isinstance(n.get("@id"), str)}
    records = []
    for i, node in enumerate(graph):
        node = as_dict(node, f"@graph[{i}]")
        local = ctdl_class(node)
        if local is not None:
            records.append(_node(node, f"@graph[{i}]", local, doc, index))
    if not records:
        shown = ", ".join(sorted({t for n in graph if isinstance(n, dict) for t in types_of(n)}))
        raise ParseError(
            "@graph", f"holds no credential or learning opportunity (types: {shown or 'none'})"
        )
    return records


def _node(node: dict, path: str, local: str, original: Any, index: dict) -> CredentialRecord:
    def p(key: str) -> str:
        return join_path(path, key)

    def at(key: str) -> tuple[Any, str]:
        return node.get(key), p(key)

    title = lang_text(*at("ceterms:name"))
    if not title:
        raise ParseError(p("ceterms:name"), "is required")
    text = TextBuilder(lang_text(*at("ceterms:description")))
    text.add(lang_text(*at("ceterms:keyword")), "Keywords")

    seen: set[str] = set()
    skills: list[SkillRef] = []
    for key in ("ceterms:teaches", "ceterms:assesses", "ceterms:targetCompetency"):
        skills += _competencies(*at(key), index, text, seen)
    prerequisites: list[Prerequisite] = []
    for key, required in _CONDITIONS:
        # a competency a credential *requires* is one it certifies: a skill of the record;
        # those of entryCondition / recommends are needed first (kept out of the linking text)
        certifies = key == "ceterms:requires"
        for i, cond in enumerate(as_list(node.get(key))):
            cp = f"{p(key)}[{i}]"
            ctx = (text, seen) if certifies else (TextBuilder(None), set())
            found, prereqs = _condition(as_dict(cond, cp), cp, required, index, *ctx)
            prerequisites += prereqs
            if certifies:
                skills += found
            else:
                prerequisites += [_skill_prerequisite(s, required) for s in found]

    cost, currency = cost_profiles(*at("ceterms:estimatedCost"))
    renewal, renewal_path = at("ceterms:renewalFrequency")
    external_id = opt_str(node, "@id", path) or opt_str(node, "ceterms:ctid", path)
    credits, credit_unit = credit_value(*at("ceterms:creditValue"))
    data = {
        "external_id": external_id or stable_id(node),
        "kind": credential_kind(local),
        "title": title,
        "description": text.text,
        "issuer": _issuer(node, path, index),
        "url": http_url(node.get("ceterms:subjectWebpage")),
        "language": language_tag(node.get("ceterms:inLanguage")) or "en",
        "eqf_level": eqf_level(local),
        "level": audience_level(*at("ceterms:audienceLevelType")),
        "delivery_mode": delivery_mode(*at("ceterms:deliveryType")),
        "hours": duration_profile_hours(*at("ceterms:estimatedDuration")),
        "cost": cost,
        "currency": currency,
        "validity_months": duration_months(renewal, renewal_path) if renewal else None,
        "life_cycle_status": life_cycle(*at("ceterms:lifeCycleStatusType")),
        "credit_value": credits,
        "credit_unit": credit_unit,
        "occupations": occupation_types(*at("ceterms:occupationType")),
        "skills": skills,
        "prerequisites": prerequisites,
        "is_part_of": [r for r, _ in _refs(*at("ceterms:isPartOf"), index)],
        "has_part": [r for r, _ in _refs(*at("ceterms:hasPart"), index)],
        "source_format": "ctdl",
        "original": original,
    }
    paths = {
        "external_id": p("@id"),
        "title": p("ceterms:name"),
        "description": p("ceterms:description"),
        "hours": p("ceterms:estimatedDuration"),
        "cost": p("ceterms:estimatedCost"),
        "currency": p("ceterms:estimatedCost"),
        "credit_value": p("ceterms:creditValue"),
        "occupations": p("ceterms:occupationType"),
    }
    return build(CredentialRecord, data, paths)


def _condition(
    cond: dict, path: str, required: bool, index: dict, text: TextBuilder, seen: set[str]
) -> tuple[list[SkillRef], list[Prerequisite]]:
    """A ConditionProfile: its target competencies, and its target credentials, assessments and
    learning opportunities as credential prerequisites."""
    prereqs = [
        Prerequisite(kind="credential", ref=ref, label=label, required=required)
        for target in _TARGETS
        for ref, label in _refs(cond.get(target), f"{path}.{target}", index)
    ]
    target = cond.get("ceterms:targetCompetency")
    found = _competencies(target, f"{path}.ceterms:targetCompetency", index, text, seen)
    return found, prereqs


def _skill_prerequisite(skill: SkillRef, required: bool) -> Prerequisite:
    ref = skill.uri or skill.label or ""
    return Prerequisite(kind="skill", ref=ref, label=skill.label, required=required)


def _refs(value: Any, path: str, index: dict) -> list[tuple[str, str | None]]:
    """(ref, label) for IRIs or embedded nodes; a node's ref is its @id, ctid, else its name."""
    out = []
    for i, item in enumerate(as_list(value)):
        if isinstance(item, str):
            if item.strip():
                label = lang_text(index.get(item, {}).get("ceterms:name"), path)
                out.append((item.strip(), label))
            continue
        obj = as_dict(item, f"{path}[{i}]")
        label = lang_text(obj.get("ceterms:name"), f"{path}[{i}].ceterms:name")
        ref = opt_str(obj, "@id", path) or opt_str(obj, "ceterms:ctid", path) or label
        if not ref:
            raise ParseError(f"{path}[{i}]", "a reference needs an @id, a ctid or a name")
        out.append((ref, label))
    return out


def _issuer(node: dict, path: str, index: dict) -> Issuer:
    for key in ("ceterms:ownedBy", "ceterms:offeredBy"):
        for i, item in enumerate(as_list(node.get(key))):
            ip = join_path(path, f"{key}[{i}]")
            org = index.get(item) if isinstance(item, str) else as_dict(item, ip)
            if org is None:  # an IRI outside this document (a blank node has no URL)
                return Issuer(name="", url=None if item.startswith("_:") else item)
            name = lang_text(org.get("ceterms:name"), join_path(path, key)) or ""
            url = http_url(org.get("ceterms:subjectWebpage")) or http_url(org.get("@id"))
            return Issuer(name=name, url=url)
    return Issuer()


def _competencies(
    value: Any, path: str, index: dict, text: TextBuilder, seen: set[str]
) -> list[SkillRef]:
    """CredentialAlignmentObjects, ceasn:Competency nodes or IRIs -> SkillRefs. An IRI that is
    neither a taxonomy URI nor a node of the graph cannot be named and is skipped."""
    out = []
    for i, item in enumerate(as_list(value)):
        p = f"{path}[{i}]"
        if isinstance(item, str):
            item = index.get(item, {"ceterms:targetNode": item})
        obj = as_dict(item, p)
        node_iri = obj.get("ceterms:targetNode") or obj.get("@id")
        node_iri = node_iri if isinstance(node_iri, str) else None
        framework = lang_text(obj.get("ceterms:frameworkName"), f"{p}.ceterms:frameworkName")
        code = opt_str(obj, "ceterms:codedNotation", p) or opt_str(obj, "ceasn:codedNotation", p)
        label = None
        for key in ("ceterms:targetNodeName", "ceasn:competencyLabel", "ceasn:competencyText"):
            label = label or lang_text(obj.get(key), f"{p}.{key}")
        if not label and node_iri in index:
            target = index[node_iri]
            label = lang_text(target.get("ceasn:competencyText"), p) or lang_text(
                target.get("ceterms:name"), p
            )
        uri = skill_uri(node_iri) or skill_uri(code, framework)
        if not uri and not label:
            continue
        key = uri or f"label:{(label or '').lower()}"
        if key in seen:
            continue
        seen.add(key)
        desc = lang_text(obj.get("ceterms:targetNodeDescription"), p)
        span = text.add(f"{label}: {desc}", "Competency") if desc and label and not uri else None
        out.append(SkillRef(uri=uri, label=label, evidence=[span] if span else []))
    return out
