"""A stored credential given back as a standard document a portal or wallet can store: an Open
Badges 3.0 Achievement (skills as `alignment` to their ESCO / O*NET URIs) or a CTDL JSON-LD
credential or learning opportunity (skills as `ceterms:teaches`). Each ingests back as the same
record: same external id, title, description, kind, skills, hours, cost, currency, language,
level, delivery mode, validity, life cycle, credits and occupations (tests/api/test_exports.py).

OB 3.0 has no place for hours, price or delivery: they travel in `skillmatch:offer`, a term of
the `urn:skillmatch:` vocabulary declared in the document's own @context (ignored by readers
that do not know it; read back by service/ingest/parsers/ob3.py)."""

from __future__ import annotations

from typing import Any

from models.catalog import CredentialOut

OB3_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    {"skillmatch": "urn:skillmatch:"},
]
CTDL_CONTEXT = "https://credreg.net/ctdl/schema/context/json"
OFFER_TERM = "skillmatch:offer"
# our kind -> OB 3.0 achievementType and CTDL class (each parses back to the same kind)
OB3_TYPES = {
    "badge": "Badge",
    "certificate": "Certificate",
    "nano_degree": "MicroCredential",
    "course": "Course",
    "certification": "Certification",
    "stackable_program": "LearningProgram",
}
CTDL_CLASSES = {
    "badge": "ceterms:Badge",
    "certificate": "ceterms:Certificate",
    "nano_degree": "ceterms:MicroCredential",
    "course": "ceterms:Course",
    "certification": "ceterms:Certification",
    "stackable_program": "ceterms:LearningProgram",
}
_LEVELS = {"beginner": "BeginnerLevel", "intermediate": "IntermediateLevel"}
_LEVELS |= {"advanced": "AdvancedLevel"}
_DELIVERY = {"online": "OnlineOnly", "in_person": "InPersonOnly", "blended": "BlendedDelivery"}
_LIFE_CYCLE = {"active": "Active", "ceased": "Ceased", "suspended": "Suspended"}
_LIFE_CYCLE |= {"under_development": "UnderDevelopment"}


def _framework(uri: str) -> str:
    return "O*NET" if uri.startswith("urn:onet:") else "ESCO"


def _offer(c: CredentialOut) -> dict[str, Any]:
    fields = ("hours", "cost", "currency", "language", "level", "delivery_mode")
    fields += ("validity_months", "life_cycle_status", "eqf_level", "credit_unit")
    found = {k: getattr(c, k) for k in fields if getattr(c, k) is not None}
    # the url always (null too): without it, a reader takes an http(s) id for the url
    return found | {"url": c.url} | ({"occupations": c.occupations} if c.occupations else {})


def ob3_achievement(c: CredentialOut) -> dict[str, Any]:
    """The credential as an Open Badges 3.0 Achievement."""
    doc: dict[str, Any] = {
        "@context": OB3_CONTEXT,
        "id": c.external_id,
        "type": ["Achievement"],
        "achievementType": OB3_TYPES.get(c.kind, "Badge"),
        "name": c.title,
        "description": c.description,
        "criteria": {"id": c.url or c.external_id},
        "inLanguage": c.language,
        "alignment": [
            {
                "type": ["Alignment"],
                "targetName": s.preferred_label,
                "targetUrl": s.uri,
                "targetFramework": _framework(s.uri),
                "targetType": "ceasn:Competency",
            }
            for s in c.skills or []
        ],
        OFFER_TERM: _offer(c),
    }
    if c.credit_value is not None:
        doc["creditsAvailable"] = c.credit_value
    if c.issuer.get("name") or c.issuer.get("url"):
        creator = {"type": ["Profile"], "name": c.issuer.get("name") or ""}
        if c.issuer.get("url"):
            creator |= {"id": c.issuer["url"], "url": c.issuer["url"]}
        doc["creator"] = creator
    return doc


def _term(framework: str, node: str) -> dict[str, Any]:
    return {
        "@type": "ceterms:CredentialAlignmentObject",
        "ceterms:targetNode": f"{framework}:{node}",
    }


def ctdl_document(c: CredentialOut) -> dict[str, Any]:
    """The credential as a CTDL JSON-LD node."""
    doc: dict[str, Any] = {
        "@context": CTDL_CONTEXT,
        "@id": c.external_id,
        "@type": CTDL_CLASSES.get(c.kind, "ceterms:Credential"),
        "ceterms:name": {c.language: c.title},
        "ceterms:description": {c.language: c.description},
        "ceterms:inLanguage": [c.language],
        "ceterms:teaches": [
            {
                "@type": "ceterms:CredentialAlignmentObject",
                "ceterms:targetNode": s.uri,
                "ceterms:targetNodeName": {"en": s.preferred_label},
                "ceterms:frameworkName": {"en": _framework(s.uri)},
            }
            for s in c.skills or []
        ],
    }
    if c.url:
        doc["ceterms:subjectWebpage"] = c.url
    if c.issuer.get("name") or c.issuer.get("url"):
        org = {"@type": "ceterms:CredentialOrganization", "ceterms:name": c.issuer.get("name")}
        if c.issuer.get("url"):
            org["ceterms:subjectWebpage"] = c.issuer["url"]
        doc["ceterms:ownedBy"] = [org]
    if c.hours is not None:
        exact = f"PT{c.hours:g}H"
        doc["ceterms:estimatedDuration"] = [
            {"@type": "ceterms:DurationProfile", "ceterms:exactDuration": exact}
        ]
    if c.cost is not None:
        cost = {"@type": "ceterms:CostProfile", "ceterms:price": c.cost}
        doc["ceterms:estimatedCost"] = [cost | {"ceterms:currency": c.currency or ""}]
    if c.level in _LEVELS:
        doc["ceterms:audienceLevelType"] = [_term("audLevel", _LEVELS[c.level])]
    if c.delivery_mode in _DELIVERY:
        doc["ceterms:deliveryType"] = [_term("deliveryType", _DELIVERY[c.delivery_mode])]
    if c.life_cycle_status in _LIFE_CYCLE:
        doc["ceterms:lifeCycleStatusType"] = _term("lifeCycle", _LIFE_CYCLE[c.life_cycle_status])
    if c.validity_months is not None:
        doc["ceterms:renewalFrequency"] = f"P{c.validity_months}M"
    if c.credit_value is not None:
        value = {"@type": "ceterms:ValueProfile", "ceterms:value": c.credit_value}
        if c.credit_unit:
            value["ceterms:creditUnitType"] = _term("creditUnit", c.credit_unit)
        doc["ceterms:creditValue"] = [value]
    if c.occupations:
        doc["ceterms:occupationType"] = [
            {"@type": "ceterms:CredentialAlignmentObject", "ceterms:targetNode": u}
            for u in c.occupations
        ]
    if c.is_part_of:
        doc["ceterms:isPartOf"] = list(c.is_part_of)
    if c.has_part:
        doc["ceterms:hasPart"] = list(c.has_part)
    return doc
