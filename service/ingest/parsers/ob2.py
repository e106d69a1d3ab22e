"""Open Badges 2.0: a BadgeClass, or an Assertion whose `badge` is an embedded BadgeClass.

Mapping: name -> title; description, then "Criteria: <narrative>", "Tags: a, b" and the alignment
contexts (see ob_common) -> description; criteria URL (else the BadgeClass id when it is a URL)
-> url; issuer (embedded Profile or IRI) -> issuer; @language -> language; alignment -> skills.
external_id is the BadgeClass id (the same for all its Assertions), else a hash of the BadgeClass.
The record is the credential, not the award: recipient, evidence, issuedOn and expires of an
Assertion are not mapped (they stay in `original`).

A document without `type` is read as a BadgeClass when it has a name and no Assertion, Endorsement,
key or revocation fields; any other type (Issuer, Profile, CryptographicKey, RevocationList,
Endorsement, Evidence, ...) and an Assertion that only references its BadgeClass by IRI are
ParseErrors: they hold no credential to catalogue.
"""

from __future__ import annotations

from models.records import CredentialRecord
from service.ingest.parsers._common import (
    ParseError,
    TextBuilder,
    as_dict,
    build,
    http_url,
    join_path,
    language_tag,
    opt_str,
    req_str,
    stable_id,
    types_of,
)
from service.ingest.parsers.kinds import local_name
from service.ingest.parsers.ob_common import alignment_skills, ob_criteria, ob_issuer, ob_tags

_NOT_BADGECLASS_KEYS = ("recipient", "claim", "publicKeyPem", "revokedAssertions", "revoked")


def ob2_type(doc: dict) -> str:
    """ "BadgeClass", "Assertion", or the document's other type; inferred when `type` is absent."""
    names = [local_name(t) for t in types_of(doc)]
    for wanted in ("BadgeClass", "Assertion"):
        if wanted in names:
            return wanted
    if names:
        return names[0]
    if "badge" in doc and "recipient" in doc:
        return "Assertion"
    if "name" in doc and not any(k in doc for k in _NOT_BADGECLASS_KEYS):
        return "BadgeClass"
    keys = ", ".join(sorted(k for k in doc if not k.startswith("@"))) or "nothing"
    raise ParseError(
        "type", f"missing, and the document is no BadgeClass (it has no name; it has {keys})"
    )


def parse_ob2(doc: dict) -> list[CredentialRecord]:
    kind = ob2_type(doc)
    if kind == "BadgeClass":
        return [_badge_class(doc, "", doc)]
    if kind == "Assertion":
        badge = doc.get("badge")
        if badge is None:
            raise ParseError("badge", "is required in an Assertion")
        if isinstance(badge, str):
            raise ParseError(
                "badge",
                f"references its BadgeClass by IRI ({badge}); embed the BadgeClass "
                "or ingest the BadgeClass document itself",
            )
        badge = as_dict(badge, "badge")
        inner = [local_name(t) for t in types_of(badge)]
        if inner and "BadgeClass" not in inner:
            raise ParseError("badge.type", f"expected BadgeClass, got {inner[0]}")
        return [_badge_class(badge, "badge", doc)]
    raise ParseError(
        "type",
        f"an Open Badges 2.0 {kind} is not a credential "
        "(expected a BadgeClass, or an Assertion with an embedded BadgeClass)",
    )


def _badge_class(bc: dict, path: str, original: dict) -> CredentialRecord:
    def p(key: str) -> str:
        return join_path(path, key)

    text = TextBuilder(opt_str(bc, "description", path))
    criteria_url, narrative = ob_criteria(bc.get("criteria"), p("criteria"))
    text.add(narrative, "Criteria")
    text.add(", ".join(ob_tags(bc.get("tags"), p("tags"))), "Tags")
    title = req_str(bc, "name", path)
    skills = alignment_skills(bc.get("alignment"), p("alignment"), text)
    external_id = opt_str(bc, "id", path) or stable_id(bc)
    lang = bc.get("@language") or original.get("@language")
    data = {
        "external_id": external_id,
        "kind": "badge",
        "title": title,
        "description": text.text,
        "issuer": ob_issuer(bc.get("issuer"), p("issuer")),
        "url": http_url(criteria_url) or http_url(external_id),
        "language": language_tag(lang) or "en",
        "skills": skills,
        "source_format": "ob2",
        "original": original,
    }
    paths = {"external_id": p("id"), "title": p("name"), "description": p("description")}
    return build(CredentialRecord, data, paths)
