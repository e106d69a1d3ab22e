"""The role to reach, as the matching core's RoleProfile, built one of five ways: from an
occupation (its ESCO skills), a posting (its skills), a typed title (resolved to occupations),
a free-text description (the skills found in it), or demand (what the visible postings of an
occupation ask for)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlmodel import Session

from indexing.types import Check, unchecked
from service.config import Settings
from service.errors import NotFound
from service.matching import RequiredSkill, RoleProfile
from service.profiles.opening_prior import opening_requirements, prior_occupations
from service.profiles.title_tails import tool_names, tool_trade
from service.repo import records
from service.repo import taxonomy as tax
from service.repo.identity import score_confidence
from service.titles.resolver import TitleResolution

if TYPE_CHECKING:
    from service.runtime import Runtime


def skill_labels(
    session: Session, ids: Iterable[int], runtime: Runtime | None = None
) -> dict[int, str]:
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
        out.update(tax.skill_labels(session, ids=rest))
    return out


def role_from_occupation(
    session: Session, occupation_id: int, settings: Settings, *, field: str = "target.occupation_id"
) -> RoleProfile:
    occ = tax.occupation_by_id(session, occupation_id=occupation_id)
    if occ is None:
        raise NotFound(f"no occupation with id {occupation_id}", field=field)
    rows = tax.occupation_skill_rows(session, occupation_id=occupation_id)
    skills = [
        req
        for sid, relation, source, label, hot in rows
        if (req := occupation_requirement(sid, label, relation, source, hot, settings))
    ]
    skills.sort(key=lambda r: (-r.weight, r.label))
    return RoleProfile(
        occ.preferred_label,
        skills,
        f"occupation:{occ.uri}",
        regulated=occ.regulated,
        isco=occ.isco_code or "",
    )


def occupation_requirement(
    skill_id: int, label: str, relation: str, source: str, hot: bool, settings: Settings
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


def role_from_posting(
    session: Session,
    posting_id: int,
    settings: Settings,
    *,
    tenant_id: int | None = None,
    field: str = "target.posting_id",
) -> RoleProfile:
    """The posting's skills as a role (with its occupation's essentials as weak requirements
    where it states none: service/profiles/opening_prior.py); another tenant's private opening
    is a 404."""
    post = records.posting_by_id(session, posting_id=posting_id)
    if post is None or post.tenant_id not in (None, tenant_id):
        raise NotFound(f"no posting with id {posting_id}", field=field)
    rows = records.posting_skill_rows(session, posting_id=posting_id)
    links, occupation_of = {post.id: rows}, {post.id: post.occupation_id}
    prior = tax.essential_skills_of(
        session, occupation_ids=prior_occupations(links, occupation_of)
    )  # none for an opening that states its skills
    reqs = opening_requirements(links, occupation_of, prior, settings)[post.id]
    skills = sorted(reqs.values(), key=lambda r: (-r.weight, r.label))
    return RoleProfile(post.title, skills, f"posting:{post.id}")


def role_from_text(
    runtime: Runtime, text: str, *, title: str = "free-text role", check: Check = unchecked
) -> RoleProfile:
    found = runtime.linker.extract(
        text, max_skills=runtime.settings.extract_max_skills, check=check
    )
    skills = [
        RequiredSkill(x.skill_id, x.preferred_label, score_confidence(x.score), True) for x in found
    ]
    return RoleProfile(title, skills, "text")


def resolve_title(runtime: Runtime, session: Session, title: str, k: int = 5) -> TitleResolution:
    """The occupations a typed title names, best first, with how sure the answer is
    (service/titles/resolver.py). A title no label says exactly that names a tool's developer
    ("Python Developer", "React developer": `title_tails.tool_trade`) is read as that developer,
    and the answer says so (it read *web developer* by "Salesforce Developer" at 0.63)."""
    got = runtime.titles.resolve(title, k=k)
    if got.candidates and (got.candidates[0].exact or got.candidates[0].label_score >= 0.999):
        return got  # a label, or a known title said in full ("ML engineer": data scientist)
    trade = tool_trade(title, lambda: tool_names(runtime, session))
    if trade is None:
        return got
    read = runtime.titles.resolve(trade, k=k)
    if not read.confident or not read.candidates:
        return got
    return replace(read, note=f"read as {trade}: a developer of the tool the title names")


def role_from_demand(
    session: Session, occupation_id: int, settings: Settings, *, tenant_id: int | None = None
) -> RoleProfile:
    """Skills the postings of one occupation the caller may see (the public ones and its own
    tenant's) ask for, weighted by how often they do."""
    occ = tax.occupation_by_id(session, occupation_id=occupation_id)
    if occ is None:
        raise NotFound(f"no occupation with id {occupation_id}", field="target.occupation_id")
    posts = records.visible_posting_ids(session, occupation_id=occupation_id, tenant_id=tenant_id)
    if not posts:  # no demand is known for the occupation
        raise NotFound(
            f"no stored posting is resolved to occupation {occupation_id}",
            field="target.demand_occupation_id",
        )
    counts = Counter(records.posting_skill_ids(session, posting_ids=posts))
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
