"""Open Badges 3.0: an Achievement, or an OpenBadgeCredential / AchievementCredential whose
credentialSubject.achievement is the Achievement (one record per subject's achievement).

Mapping: name -> title; description, "Criteria: <criteria.narrative>", "Field of study: ...",
"Specialization: ...", "Tags: ..." and alignment contexts -> description; achievementType -> kind
and EQF level (see kinds); alignment and resultDescription[].alignment -> skills (see ob_common);
creditsAvailable -> hours at CREDIT_HOURS per credit; inLanguage -> language; creator (else the
credential's issuer) -> issuer; criteria.id (else the achievement id, when a URL) -> url.
external_id is the achievement id, else a hash of the achievement (never the credential id: one
achievement is awarded in many credentials).

Credits: OB3 says "credit hours" without a system. 1 credit = 30 h of learning (one ECTS credit is
25-30 h; a US semester credit is ~15 contact hours plus ~30 h of own work, so this is a low
estimate there). The stated value is kept as credit_value ("credit hours").

`skillmatch:offer` (this service's own export, service/catalog/exports.py): hours, cost,
currency, level, delivery mode, validity, life cycle, EQF level, credit unit and occupations,
which OB 3.0 has no terms for; stated hours there win over hours from credits.
"""

from __future__ import annotations

from typing import Any

from models.records import CredentialRecord
from service.ingest.parsers._common import (
    ParseError,
    TextBuilder,
    as_dict,
    as_list,
    build,
    http_url,
    join_path,
    language_tag,
    opt_number,
    opt_str,
    req_str,
    stable_id,
    types_of,
)
from service.ingest.parsers.kinds import eqf_level, local_name, ob3_kind
from service.ingest.parsers.ob_common import alignment_skills, ob_criteria, ob_issuer, ob_tags

CREDIT_HOURS = 30.0
OFFER_TERM = "skillmatch:offer"
_OFFER_FIELDS = ("hours", "cost", "currency", "language", "level", "delivery_mode")
_OFFER_FIELDS += ("validity_months", "life_cycle_status", "eqf_level", "credit_unit")
_OFFER_FIELDS += ("occupations", "url")
_CREDENTIAL_TYPES = {"OpenBadgeCredential", "AchievementCredential"}


def parse_ob3(doc: dict) -> list[CredentialRecord]:
    names = {local_name(t) for t in types_of(doc)}
    if not names:
        raise ParseError("type", "is required (expected Achievement or OpenBadgeCredential)")
    if names & _CREDENTIAL_TYPES or ("VerifiableCredential" in names and _has_achievement(doc)):
        return _credential(doc)
    if "Achievement" in names:
        return [_achievement(doc, "", doc, None)]
    shown = ", ".join(sorted(names))
    raise ParseError(
        "type",
        f"an Open Badges 3.0 {shown} is not a credential "
        "(expected an Achievement, or an OpenBadgeCredential with credentialSubject.achievement)",
    )


def _has_achievement(doc: dict) -> bool:
    return any(
        isinstance(s, dict) and "achievement" in s for s in as_list(doc.get("credentialSubject"))
    )


def _credential(doc: dict) -> list[CredentialRecord]:
    subjects = doc.get("credentialSubject")
    if subjects is None:
        raise ParseError("credentialSubject", "is required in an OpenBadgeCredential")
    many = isinstance(subjects, list)
    records = []
    for i, subject in enumerate(as_list(subjects)):
        sp = f"credentialSubject[{i}]" if many else "credentialSubject"
        subject = as_dict(subject, sp)
        achievement = subject.get("achievement")
        if achievement is None:
            raise ParseError(f"{sp}.achievement", "is required")
        ap = f"{sp}.achievement"
        records.append(_achievement(as_dict(achievement, ap), ap, doc, doc.get("issuer")))
    if not records:
        raise ParseError("credentialSubject", "holds no achievement")
    return records


def _achievement(a: dict, path: str, original: Any, issuer: Any) -> CredentialRecord:
    def p(key: str) -> str:
        return join_path(path, key)

    text = TextBuilder(opt_str(a, "description", path))
    criteria_url, narrative = ob_criteria(a.get("criteria"), p("criteria"))
    text.add(narrative, "Criteria")
    text.add(opt_str(a, "fieldOfStudy", path), "Field of study")
    text.add(opt_str(a, "specialization", path), "Specialization")
    text.add(", ".join(ob_tags(a.get("tag"), p("tag"))), "Tags")
    title = req_str(a, "name", path)

    seen: set[str] = set()
    skills = alignment_skills(a.get("alignment"), p("alignment"), text, seen)
    for i, rd in enumerate(as_list(a.get("resultDescription"))):
        rp = p(f"resultDescription[{i}]")
        rd = as_dict(rd, rp)
        skills += alignment_skills(rd.get("alignment"), f"{rp}.alignment", text, seen)

    achievement_type = opt_str(a, "achievementType", path)
    credits = opt_number(a, "creditsAvailable", path)
    external_id = opt_str(a, "id", path) or stable_id(a)
    creator = a.get("creator")
    data = {
        "external_id": external_id,
        "kind": ob3_kind(achievement_type),
        "title": title,
        "description": text.text,
        "issuer": ob_issuer(creator, p("creator"))
        if creator is not None
        else ob_issuer(issuer, "issuer"),
        "url": http_url(criteria_url) or http_url(external_id),
        "language": language_tag(a.get("inLanguage")) or "en",
        "eqf_level": eqf_level(local_name(achievement_type)) if achievement_type else None,
        "hours": round(credits * CREDIT_HOURS, 2) if credits is not None else None,
        "credit_value": credits,
        "credit_unit": "credit hours" if credits is not None else None,
        "skills": skills,
        "source_format": "ob3",
        "original": original,
    }
    data |= _offer(a.get(OFFER_TERM), p(OFFER_TERM))
    paths = {
        "external_id": p("id"),
        "title": p("name"),
        "description": p("description"),
        "hours": p("creditsAvailable"),
        "credit_value": p("creditsAvailable"),
    }
    paths |= {k: p(f"{OFFER_TERM}.{k}") for k in _OFFER_FIELDS if k not in ("hours",)}
    if isinstance(a.get(OFFER_TERM), dict) and "hours" in a[OFFER_TERM]:
        paths["hours"] = p(f"{OFFER_TERM}.hours")
    return build(CredentialRecord, data, paths)


def _offer(value: Any, path: str) -> dict[str, Any]:
    """The record fields an OB 3.0 export of this service carries in `skillmatch:offer` (the
    record's own validation checks each value; unknown members are ignored)."""
    if value is None:
        return {}
    offer = as_dict(value, path)
    found = {k: offer[k] for k in _OFFER_FIELDS if offer.get(k) is not None}
    return found | ({"url": None} if "url" in offer and offer["url"] is None else {})
