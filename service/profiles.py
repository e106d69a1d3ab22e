"""From the database and the linker to the matching core's plain data: role and learner profiles,
partial-credit neighbours between skills, and candidate credentials."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import func, select
from sqlmodel import Session

from indexing.types import Check, unchecked
from models.matching import EvidenceTrustIn
from models.records import MAX_COST, MAX_HOURS
from models.tables import (
    Credential,
    CredentialSkill,
    JobPosting,
    Occupation,
    OccupationSkill,
    PostingSkill,
    Skill,
    SkillBroader,
)
from service.caller_limits import CallerLimits
from service.errors import InvalidInput, NotFound
from service.evidence_trust import trust_weights
from service.ingest.pipeline import score_confidence
from service.matching import LearnerProfile, Option, RequiredSkill, RoleProfile
from service.matching.types import EVIDENCE_KINDS
from service.recommend.effort import hours_note, taught_credit
from service.repo.records import visible
from service.repo.stored_values import stored_number
from service.stated_names import link_names, names_context
from service.stated_names import warning as stated_warning
from service.titles.resolver import TitleResolution


@dataclass
class Evidence:
    """Why a learner is credited with a skill: the source, its kind (an EvidenceKind: what the
    trust weight and the weak-evidence note go by) and, for text, the span. The service layer's;
    the API answers it as models.matching.LearnerEvidenceOut."""

    skill_id: int
    confidence: float
    source: str  # "credential:<id>", "badge:<external id>", "declared", "text"
    text: str = ""
    start: int | None = None
    end: int | None = None
    link_confidence: float | None = None  # a stated name's link (indexing.stated), else None
    kind: str = ""


@dataclass
class Learner:
    profile: LearnerProfile
    evidence: dict[int, list[Evidence]] = field(default_factory=dict)
    warnings: list[dict] = field(default_factory=list)
    badges: list[dict] = field(default_factory=list)  # verification outcome of each awarded one


def skill_labels(session: Session, ids: Iterable[int], runtime=None) -> dict[int, str]:
    """Preferred labels of skills: from the runtime's taxonomy when given (no query), the
    database for any it lacks."""
    out, rest = {}, []
    for sid in set(ids):
        entry = runtime.skills.get(sid) if runtime is not None else None
        if entry is not None:
            out[sid] = entry.preferred_label
        else:
            rest.append(sid)
    if rest:
        q = select(Skill.id, Skill.preferred_label).where(Skill.id.in_(rest))
        out.update(dict(session.execute(q).all()))
    return out


# ------------------------------------------------------------------------------ role profiles


def role_from_occupation(
    session: Session, occupation_id: int, settings, *, field: str = "target.occupation_id"
) -> RoleProfile:
    occ = session.get(Occupation, occupation_id)
    if occ is None:
        raise NotFound(f"no occupation with id {occupation_id}", field=field)
    rows = session.execute(
        select(
            OccupationSkill.skill_id,
            OccupationSkill.relation,
            OccupationSkill.source,
            Skill.preferred_label,
            Skill.hot,
        )
        .join(Skill, Skill.id == OccupationSkill.skill_id)
        .where(OccupationSkill.occupation_id == occupation_id)
    ).all()
    skills = [
        req
        for sid, relation, source, label, hot in rows
        if (req := occupation_requirement(sid, label, relation, source, hot, settings))
    ]
    skills.sort(key=lambda r: (-r.weight, r.label))
    return RoleProfile(occ.preferred_label, skills, f"occupation:{occ.uri}")


def occupation_requirement(
    skill_id: int, label: str, relation: str, source: str, hot: bool, settings
) -> RequiredSkill | None:
    """How much an occupation's skill weighs, and whether it is essential; None for an O*NET
    tool through the crosswalk that is not in demand (left out of the role)."""
    if source == "onet":
        if not hot:
            return None
        weight = settings.weight_onet_tool
    else:
        weight = settings.weight_essential if relation == "essential" else settings.weight_optional
    return RequiredSkill(skill_id, label, weight, relation == "essential")


def posting_requirement(link: PostingSkill, label: str, settings) -> RequiredSkill:
    """How much a posting's skill weighs, and whether it is essential."""
    if link.relation == "essential":
        weight, essential = settings.weight_essential, True
    elif link.relation == "optional":
        weight, essential = settings.weight_optional, False
    else:  # stated without a relation, or extracted: as sure as the link
        weight = settings.weight_essential * (link.confidence if link.confidence else 0.8)
        essential = link.source == "explicit"
    return RequiredSkill(link.skill_id, label, round(weight, 4), essential)


def role_from_posting(
    session: Session,
    posting_id: int,
    settings,
    *,
    tenant_id: int | None = None,
    field: str = "target.posting_id",
) -> RoleProfile:
    """The posting's skills as a role; another tenant's private opening is a 404."""
    post = session.get(JobPosting, posting_id)
    if post is None or post.tenant_id not in (None, tenant_id):
        raise NotFound(f"no posting with id {posting_id}", field=field)
    rows = session.execute(
        select(PostingSkill, Skill.preferred_label)
        .join(Skill, Skill.id == PostingSkill.skill_id)
        .where(PostingSkill.posting_id == posting_id)
    ).all()
    skills = [posting_requirement(link, label, settings) for link, label in rows]
    skills.sort(key=lambda r: (-r.weight, r.label))
    return RoleProfile(post.title, skills, f"posting:{post.id}")


def role_from_text(
    runtime, text: str, *, title: str = "free-text role", check: Check = unchecked
) -> RoleProfile:
    found = runtime.linker.extract(
        text, max_skills=runtime.settings.extract_max_skills, check=check
    )
    skills = [
        RequiredSkill(x.skill_id, x.preferred_label, score_confidence(x.score), True) for x in found
    ]
    return RoleProfile(title, skills, "text")


def resolve_title(runtime, session: Session, title: str, k: int = 5) -> TitleResolution:
    """The occupations a typed title names, best first, with how sure the answer is
    (service/titles/resolver.py)."""
    return runtime.titles.resolve(title, k=k)


def title_hits(session: Session, resolution: TitleResolution) -> list[dict]:
    """The resolution's occupations as answer dicts (id, uri, label, ISCO code, score)."""
    ids = [c.occupation_id for c in resolution.candidates]
    occ = {
        o.id: o for o in session.execute(select(Occupation).where(Occupation.id.in_(ids))).scalars()
    }
    return [
        {
            "id": c.occupation_id,
            "uri": occ[c.occupation_id].uri,
            "preferred_label": occ[c.occupation_id].preferred_label,
            "isco_code": occ[c.occupation_id].isco_code,
            "score": round(c.label_score, 4),
            "rank_score": round(c.score, 4),
            "matched_label": c.matched_label,
        }
        for c in resolution.candidates
        if c.occupation_id in occ
    ]


def role_from_demand(
    session: Session, occupation_id: int, settings, *, tenant_id: int | None = None
) -> RoleProfile:
    """Skills the postings of one occupation the caller may see (the public ones and its own
    tenant's) ask for, weighted by how often they do."""
    occ = session.get(Occupation, occupation_id)
    if occ is None:
        raise NotFound(f"no occupation with id {occupation_id}", field="target.occupation_id")
    q = select(JobPosting.id).where(JobPosting.occupation_id == occupation_id, visible(tenant_id))
    posts = session.execute(q).scalars().all()
    if not posts:  # no demand is known for the occupation
        raise NotFound(
            f"no stored posting is resolved to occupation {occupation_id}",
            field="target.demand_occupation_id",
        )
    counts = Counter(
        session.execute(
            select(PostingSkill.skill_id).where(PostingSkill.posting_id.in_(posts))
        ).scalars()
    )
    labels = skill_labels(session, counts)
    n = len(posts)
    skills = [
        RequiredSkill(sid, labels[sid], round(c / n, 4), c / n >= 0.5)
        for sid, c in counts.most_common()
        if c / n >= settings.demand_min_share
    ]
    return RoleProfile(
        f"{occ.preferred_label} (demand across {n} postings)", skills, f"demand:{occ.uri}"
    )


# -------------------------------------------------------------------------- learner profile


def build_learner(
    runtime,
    session: Session,
    *,
    credential_ids: Sequence[int] = (),
    badges: Sequence[dict | str] = (),
    skills: Sequence[str] = (),
    text: str = "",
    identifiers: Sequence[str] = (),
    limits: CallerLimits | None = None,
    check: Check = unchecked,
    trust: EvidenceTrustIn | Mapping[str, float] | None = None,
) -> Learner:
    """The learner's skills with their evidence. limits: the caller's (a badge's text over them
    is refused, or not counted for a badge description); check: called between units of work,
    it raises to stop them; trust: this request's trust weights per evidence kind (the settings'
    where it sets none)."""
    w = trust_weights(runtime.settings, trust)
    kw = {"limits": limits, "check": check}
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    warnings: list[dict] = []
    held: set[int] = set()
    if credential_ids:
        found = set(
            session.execute(
                select(Credential.id).where(Credential.id.in_(credential_ids))
            ).scalars()
        )
        for i, cid in enumerate(credential_ids):
            if cid not in found:
                raise NotFound(f"no credential with id {cid}", field=f"learner.credentials[{i}]")
        held = found
        for link in session.execute(
            select(CredentialSkill).where(CredentialSkill.credential_id.in_(found))
        ).scalars():
            conf = w["credential"] * link.weight * (link.confidence or 1.0)
            evidence[link.skill_id].append(
                Evidence(link.skill_id, conf, f"credential:{link.credential_id}", kind="credential")
            )
    outcomes = []
    for i, doc in enumerate(badges):
        if not is_awarded(doc):  # a BadgeClass, an Achievement, a CTDL credential: a claim
            try:
                badge_skills(runtime, doc, i, evidence, warnings, trust=w["unverified_badge"], **kw)
            except InvalidInput as exc:  # unreadable: not counted, like a failed badge
                warnings.append({"field": exc.field, "message": f"not counted: {exc.message}"})
            continue
        check()
        res = verify_awarded(doc, identifiers=identifiers)
        outcomes.append(
            {"position": i, "status": res.status, "reason": res.reason, "message": res.message}
        )
        if res.status == "failed":
            warnings.append(
                {"field": f"learner.badges[{i}]", "message": f"not counted: {res.message}"}
            )
            continue
        src = skill_source(res.document)
        if src is None:
            warnings.append(
                {"field": f"learner.badges[{i}]", "message": "the badge's skills are not embedded"}
            )
            continue
        kind = "verified_badge" if res.status == "verified" else "unverified_badge"
        badge_skills(runtime, src, i, evidence, warnings, trust=w[kind], kind=kind, **kw)
    if skills:
        _declared(runtime, session, skills, evidence, warnings, w["declared"], check=check)
    if text and text.strip():
        _text_evidence(runtime, text, evidence, check, w["text"])
    conf = {
        sid: round(min(1.0, max(e.confidence for e in evs)), 4) for sid, evs in evidence.items()
    }
    kinds = {
        sid: tuple(k for k in EVIDENCE_KINDS if any(e.kind == k for e in evs))
        for sid, evs in evidence.items()
    }
    profile = LearnerProfile(conf, frozenset(held), kinds)
    return Learner(profile, dict(evidence), warnings, outcomes)


def _text_evidence(runtime, text: str, evidence, check: Check, trust: float) -> None:
    """Skills found in the learner's CV text, as evidence at the text's trust, with the span."""
    s = runtime.settings
    if len(text) > s.max_text_chars:
        raise InvalidInput(
            f"learner.text has {len(text)} characters; the limit is {s.max_text_chars}",
            field="learner.text",
        )
    for x in runtime.linker.extract(text, max_skills=s.extract_max_skills, check=check):
        ev = x.evidence[0] if x.evidence else None
        evidence[x.skill_id].append(
            Evidence(
                x.skill_id,
                trust * score_confidence(x.score),
                "text",
                ev.text if ev else "",
                ev.start if ev else None,
                ev.end if ev else None,
                kind="text",
            )
        )


def is_awarded(doc) -> bool:
    """An awarded badge (someone holds it: it can be verified), not a badge's description."""
    if isinstance(doc, str):
        return True  # a JWT
    if not isinstance(doc, dict):
        return False
    types = doc.get("type") or doc.get("@type") or []
    types = [types] if isinstance(types, str) else list(types)
    return bool(
        {"Assertion", "VerifiableCredential", "OpenBadgeCredential", "AchievementCredential"}
        & set(types)
    ) or any(k in doc for k in ("recipient", "credentialSubject", "proof"))


def verify_awarded(doc, *, identifiers=(), keys=(), revocations=()):
    from datetime import UTC, datetime

    from service.verify import verify_badge

    return verify_badge(
        doc,
        now=datetime.now(UTC),
        recipient_ids=list(identifiers),
        keys=list(keys),
        revocations=list(revocations),
    )


def skill_source(document) -> dict | None:
    """The part of an awarded badge that names its skills, for the parsers: an OB 2.0
    assertion's embedded BadgeClass, or the OB 3.0 credential itself."""
    if not isinstance(document, dict):
        return None
    badge = document.get("badge")
    if badge is not None:
        return badge if isinstance(badge, dict) else None
    return document


def badge_skills(
    runtime,
    doc,
    i: int,
    evidence,
    warnings,
    *,
    trust: float | None = None,
    kind: str = "unverified_badge",
    source: str | None = None,
    where: str = "learner.badges",
    limits: CallerLimits | None = None,
    check: Check = unchecked,
) -> None:
    """Skills a badge document teaches, as evidence of `kind` at `trust` (an unverified badge,
    at its setting's trust, by default). limits: a badge whose name and description are longer
    than the caller's text limit is refused (InvalidInput) before anything is linked; check:
    called between units of work."""
    from service.ingest.parsers import ParseError, parse_credential

    try:
        records = parse_credential(doc)
    except ParseError as exc:
        raise InvalidInput(
            f"{where}[{i}]: {exc.path}: {exc.message}",
            field=f"{where}[{i}].{exc.path}",
        ) from exc
    if trust is None:
        trust = runtime.settings.trust_badge_unverified
    if limits is not None:
        for rec in records:
            text = f"{rec.title}. {rec.description}"
            limits.check_text(text, f"{where}[{i}]", what=f"{where}[{i}] (name and description)")
    for rec in records:
        check()
        src = source or f"badge:{rec.external_id}"
        labels = [sk.label for sk in rec.skills if sk.label and not sk.uri]
        context = names_context(labels, rec.title, rec.description)
        by_label = dict(zip(labels, link_names(runtime, labels, context, check=check), strict=True))
        uris = [sk.uri for sk in rec.skills if sk.uri]
        with Session(runtime.engine) as session:
            ids = (
                dict(session.execute(select(Skill.uri, Skill.id).where(Skill.uri.in_(uris))).all())
                if uris
                else {}
            )
        for sk in rec.skills:
            sid = ids.get(sk.uri) if sk.uri else None
            link = by_label.get(sk.label) if sid is None and sk.label else None
            if link is not None:  # a stated name: linked, doubtful or kept unlinked
                note = stated_warning(f"{where}[{i}]", link)
                warnings += [note] if note else []
                sid = link.skill.skill_id if link.skill else None
                if sid is not None:
                    conf, lc = trust * sk.weight * link.confidence, link.confidence
                    evidence[sid].append(Evidence(sid, conf, src, sk.label, link_confidence=lc))
                continue
            if sid is None:
                warnings.append(
                    {
                        "field": f"{where}[{i}]",
                        "message": f"skill {sk.uri or sk.label!r} not in the taxonomy",
                    }
                )
                continue
            evidence[sid].append(
                Evidence(sid, trust * sk.weight, src, sk.label or rec.title, kind=kind)
            )
        text = f"{rec.title}. {rec.description}"
        for x in runtime.linker.extract(text, max_skills=10, check=check):
            ev = x.evidence[0] if x.evidence else None
            evidence[x.skill_id].append(
                Evidence(
                    x.skill_id,
                    trust * 0.8 * score_confidence(x.score),
                    src,
                    ev.text if ev else rec.title,
                    kind=kind,
                )
            )


def _declared(
    runtime, session: Session, refs: Sequence[str], evidence, warnings, trust, *, check=unchecked
) -> None:
    uris = [r for r in refs if r.startswith(("http://", "https://", "urn:"))]
    ids = (
        dict(session.execute(select(Skill.uri, Skill.id).where(Skill.uri.in_(uris))).all())
        if uris
        else {}
    )
    labels = [r for r in refs if r not in ids]
    for i, r in enumerate(refs):
        if r in uris and r not in ids:
            raise NotFound(f"unknown skill URI {r!r}", field=f"learner.skills[{i}]")
    links = link_names(runtime, labels, names_context(labels), check=check)
    for label, link in zip(labels, links, strict=True):
        note = stated_warning(f"learner.skills[{refs.index(label)}]", link)
        warnings += [note] if note else []
        if link.skill is not None:  # sure or doubtful: evidence at the link's confidence
            sid = link.skill.skill_id
            conf = link.confidence
            evidence[sid].append(
                Evidence(
                    sid, trust * conf, "declared", label, link_confidence=conf, kind="declared"
                )
            )
    for uri, sid in ids.items():
        evidence[sid].append(Evidence(sid, trust, "declared", uri, kind="declared"))


# ------------------------------------------------------------------------ partial credit


def skill_hierarchy(runtime, session: Session) -> dict[int, set[int]]:
    """Skill id -> the skills directly broader or narrower (ESCO), read once per runtime."""
    cached = runtime.extras.get("skill_hierarchy")
    if cached is None:
        from sqlalchemy.orm import aliased

        a, b = aliased(Skill), aliased(Skill)
        pairs = session.execute(
            select(a.id, b.id)
            .join(SkillBroader, SkillBroader.uri == a.uri)
            .join(b, b.uri == SkillBroader.broader_uri)
        ).all()
        cached = defaultdict(set)
        for x, y in pairs:
            cached[x].add(y)
            cached[y].add(x)
        runtime.extras["skill_hierarchy"] = cached = dict(cached)
    return cached


def neighbours(
    runtime,
    session: Session,
    required: Iterable[int],
    others: Iterable[int],
    *,
    others_vecs: tuple[list[int], np.ndarray] | None = None,
    keep_required: bool = False,
) -> dict[int, dict[int, float]]:
    """Partial credit between each required skill and other skills (the learner's, the
    candidates'): direct broader/narrower in the ESCO hierarchy, or embedding similarity.
    `others_vecs` (ids, vectors) saves gathering the vectors of a large, reused set of others.
    An other skill that is also required is left out, unless `keep_required` (then the credit
    between two different required skills is given too; never a skill's credit for itself).
    The credit between a and b is the one between b and a (up to float rounding)."""
    s = runtime.settings
    required = sorted(set(required))
    if others_vecs is not None and keep_required:
        others, vo = list(others_vecs[0]), others_vecs[1]
    elif others_vecs is not None:
        ids, vecs = others_vecs
        req_set = set(required)
        keep = [j for j, o in enumerate(ids) if o not in req_set]
        others, vo = [ids[j] for j in keep], vecs[keep] if len(keep) < len(ids) else vecs
    else:
        others = sorted(set(others) - (set() if keep_required else set(required)))
        vo = None
    out: dict[int, dict[int, float]] = defaultdict(dict)
    if not required or not others:
        return {}
    related = skill_hierarchy(runtime, session)
    other_set = set(others)
    for r in required:
        for o in related.get(r, ()):
            if o in other_set and o != r:
                out[r][o] = s.partial_hierarchy_credit
    vr = runtime.linker.skill_vectors(required)
    if vo is None:
        vo = runtime.linker.skill_vectors(others)
    sims = vr @ vo.T
    rows, cols = np.nonzero(sims >= s.partial_similarity_min)
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        credit = float(sims[r, c]) * s.partial_similarity_scale
        rid, oid = required[r], others[c]
        if rid != oid and credit > out[rid].get(oid, 0.0):
            out[rid][oid] = round(min(credit, 0.95), 4)
    return {k: v for k, v in out.items() if v}


# -------------------------------------------------------------------------------- options


def options(
    session: Session,
    skill_ids: Iterable[int],
    *,
    limit: int = 2000,
    rates: dict[str, float] | None = None,
    currency: str = "EUR",
) -> tuple[list[Option], dict[str, Option]]:
    """Credentials teaching any of the skills, and a lookup by external id that also holds their
    prerequisites and the parts of the programs they belong to."""
    skill_ids = list(set(skill_ids))
    ids = (
        session.execute(
            select(CredentialSkill.credential_id)
            .where(CredentialSkill.skill_id.in_(skill_ids))
            .group_by(CredentialSkill.credential_id)
            .order_by(func.sum(CredentialSkill.weight).desc())
            .limit(limit)
        )
        .scalars()
        .all()
        if skill_ids
        else []
    )
    cands = load_options(session, ids, rates, currency)
    lookup = {c.external_id: c for c in cands}
    expand_lookup(session, lookup, cands, rates=rates, currency=currency)
    return cands, lookup


def expand_lookup(
    session: Session,
    lookup: dict[str, Option],
    start: Iterable[Option],
    *,
    rates: dict[str, float] | None = None,
    currency: str = "EUR",
    depth: int = 3,
) -> None:
    """Add to `lookup` the prerequisites and programs of `start`, and the programs' parts."""
    wanted = {e for c in start for e in (*c.prerequisites, *c.is_part_of)} - set(lookup)
    for _ in range(depth):
        if not wanted:
            break
        more_ids = (
            session.execute(select(Credential.id).where(Credential.external_id.in_(wanted)))
            .scalars()
            .all()
        )
        extra = load_options(session, more_ids, rates, currency)
        lookup.update({c.external_id: c for c in extra})
        wanted = {e for c in extra for e in (*c.prerequisites, *c.has_part)} - set(lookup)


def load_options(
    session: Session,
    ids: Sequence[int],
    rates: dict[str, float] | None = None,
    currency: str = "EUR",
) -> list[Option]:
    """Credentials as planner options; costs converted to `currency` where `rates` know the
    credential's currency (rates: units of `currency` per unit of the other)."""
    if not ids:
        return []
    rows = session.execute(select(Credential).where(Credential.id.in_(ids))).scalars().all()
    skills: dict[int, dict[int, float]] = defaultdict(dict)
    evid: dict[int, dict[int, str]] = defaultdict(dict)
    for link in session.execute(
        select(CredentialSkill).where(CredentialSkill.credential_id.in_(ids))
    ).scalars():
        skills[link.credential_id][link.skill_id] = taught_credit(
            link.weight, link.source, link.confidence
        )
        if link.evidence:
            evid[link.credential_id][link.skill_id] = link.evidence[0].get("text", "")[:200]
    return [to_option(r, skills.get(r.id, {}), evid.get(r.id, {}), rates, currency) for r in rows]


def to_option(
    r: Credential,
    skills: dict[int, float],
    evidence: dict[int, str],
    rates: dict[str, float] | None,
    currency: str,
) -> Option:
    """A stored credential as a planner option, its cost in `currency` where rates allow."""
    cost, cur = _convert(stored_number(r, "cost", MAX_COST), r.currency, rates, currency)
    hours = stored_number(r, "hours", MAX_HOURS)
    return Option(
        id=r.id,
        external_id=r.external_id,
        title=r.title,
        kind=r.kind,
        hours=hours,  # None: not stated (unknown, not 0)
        hours_note=hours_note(r.source_format, hours),
        cost=cost,
        currency=cur,
        language=r.language,
        level=r.level,
        eqf_level=r.eqf_level,
        delivery_mode=r.delivery_mode,
        issuer=r.issuer_name,
        skills=skills,
        evidence=evidence,
        prerequisites=[
            p["ref"]
            for p in r.prerequisites
            if p.get("kind") == "credential" and p.get("required", True)
        ],
        is_part_of=list(r.is_part_of),
        has_part=list(r.has_part),
    )


def _convert(cost: float | None, cur: str | None, rates, target: str) -> tuple[float | None, str]:
    cur = (cur or target).upper()
    if cost is None or cur == target.upper() or not rates or cur not in rates:
        return cost, cur
    return round(cost * rates[cur], 2), target.upper()
