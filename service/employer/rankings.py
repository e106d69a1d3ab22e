"""Matching openings and candidates, both ways, with the gap analysis's partial credit.

Ranking 10k candidates must take milliseconds, so each tenant's candidates live in memory as
a sparse candidate x skill matrix of confidences (rebuilt when the tenant's candidates change in
any worker: the version is read from the database on each call). A required skill's credit for
every candidate at once is the max over the skill's column and its neighbours' columns, each
scaled by the relation's credit — the same rule as `matching.gap.best_credit`, vectorised.
Details (matched skills with their evidence, missing essentials, the plan) are computed for
the page only.

Held means held: a skill the candidate declares, or that a badge or the CV text evidences, is
covered (never a missing essential, never in the plan) whatever its trust; `coverage` (the
ranking's order) is trust-weighted, `coverage_held` the share of the weight held.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse
from sqlmodel import Session

from models.tables import ROLE_READING_SOURCE
from service.employer.candidates import get_candidate_row
from service.employer.explain import match_sentence
from service.matching import Constraints, LearnerProfile, RequiredSkill, RoleProfile, compute_gap
from service.matching.gap import best_credit
from service.matching.types import EVIDENCE_KINDS
from service.profiles.neighbours import neighbours, shown_by
from service.profiles.opening_prior import opening_requirements, prior_occupations
from service.profiles.role import role_from_posting, skill_labels
from service.profiles.synonyms import add_synonyms
from service.recommend import answers
from service.recommend import ranking_answers as ra
from service.recommend.gap import gap_config
from service.recommend.plan import plan_gap
from service.repo import candidates as repo
from service.repo import records
from service.repo import taxonomy as tax
from service.repo.identity import shown_external_id
from service.repo.records import decode_cursor, encode_cursor

if TYPE_CHECKING:
    from service.runtime import Runtime


@dataclass(frozen=True)
class Pool:
    version: tuple
    ids: np.ndarray  # candidate ids, ascending
    matrix: sparse.csc_matrix  # candidates x columns: confidence of the skill
    col_of: dict[int, int]  # skill id -> column
    skills: list[int] = field(default_factory=list)  # column -> skill id
    rows: sparse.csr_matrix | None = None  # the same matrix by rows (one candidate's skills)
    # required skill -> its partial-credit neighbours among the pool's skills; lives as long as
    # this version of the pool (an opening ranked again, or paged, reuses it)
    nb_cache: dict[int, dict[int, float]] = field(default_factory=dict)
    vecs: list = field(default_factory=list)  # [skill vectors of the columns], filled lazily
    # the CV readings for a role (source "text:role"): candidates x their own columns, counted
    # only for a skill an opening asks for, with full credit (no neighbours)
    readings: sparse.csc_matrix | None = None
    reading_col: dict[int, int] = field(default_factory=dict)
    reading_skills: list[int] = field(default_factory=list)
    reading_rows: sparse.csr_matrix | None = None


def candidate_pool(runtime: Runtime, session: Session, tenant_id: int) -> Pool:
    version = repo.pool_version(session, tenant_id=tenant_id)
    key = ("candidate_pool", tenant_id)
    cached = runtime.extras.get(key)
    if cached is not None and cached.version == version:
        return cached
    ids = np.array(repo.pool_ids(session, tenant_id=tenant_id), dtype=np.int64)
    m, skill_ids, col_of = _matrix(ids, repo.pool_confidences(session, tenant_id=tenant_id))
    reads = repo.pool_confidences(session, tenant_id=tenant_id, readings=True)
    rm, read_ids, read_col = _matrix(ids, reads)
    pool = Pool(
        version, ids, m, col_of, skill_ids, m.tocsr(),
        readings=rm, reading_col=read_col, reading_skills=read_ids, reading_rows=rm.tocsr(),
    )  # fmt: skip
    runtime.extras[key] = pool
    return pool


def _matrix(ids: np.ndarray, rows: list) -> tuple[sparse.csc_matrix, list[int], dict[int, int]]:
    """candidates x skills of (candidate, skill, confidence) rows, its skill per column and the
    column of each skill."""
    skill_ids = sorted({r[1] for r in rows})
    col_of = {s: j for j, s in enumerate(skill_ids)}
    if not rows:
        return sparse.csc_matrix((len(ids), 0), dtype=np.float32), skill_ids, col_of
    cid, sid, conf = (np.array(x) for x in zip(*rows, strict=True))
    r = np.searchsorted(ids, cid.astype(np.int64))
    c = np.array([col_of[s] for s in sid.tolist()], dtype=np.int64)
    shape = (len(ids), len(skill_ids))
    return sparse.csc_matrix((conf.astype(np.float32), (r, c)), shape=shape), skill_ids, col_of


def pool_neighbours(runtime: Runtime, session: Session, pool: Pool, required: list[int]) -> dict:
    """Partial credit between the required skills and the pool's skills, computed once per
    required skill and pool version."""
    missing = [r for r in required if r not in pool.nb_cache]
    if missing:
        if not pool.vecs:
            pool.vecs.append(runtime.linker.skill_vectors(pool.skills))
        found = neighbours(runtime, session, missing, (), others_vecs=(pool.skills, pool.vecs[0]))
        found = _with_shown(runtime, session, found, missing, pool.skills)
        for r in missing:
            pool.nb_cache[r] = found.get(r, {})
    return {r: pool.nb_cache[r] for r in required if pool.nb_cache[r]}


def _with_shown(runtime: Runtime, session: Session, nb, required, others) -> dict:
    """`nb` with what the others' skills show of the required ones (a near-synonym, a tool of a
    kind: service/profiles/neighbours.py `shown_by`) at `partial_synonym_credit`, as a learner's
    gap counts them."""
    credit = runtime.settings.partial_synonym_credit
    if credit <= 0:
        return nb
    return add_synonyms(nb, shown_by(runtime, session), required, others, credit)


def _credits(pool: Pool, required: list[int], nb: dict[int, dict[int, float]]) -> np.ndarray:
    """candidates x required skills: the best credit each candidate shows for each skill."""
    m = pool.matrix
    out = np.zeros((m.shape[0], len(required)), dtype=np.float32)
    for j, sid in enumerate(required):
        sources = [(sid, 1.0), *((o, rel) for o, rel in (nb.get(sid) or {}).items())]
        col = out[:, j]
        for skill, rel in sources:
            c = pool.col_of.get(skill)
            if c is None:
                continue
            lo, hi = m.indptr[c], m.indptr[c + 1]
            rows = m.indices[lo:hi]
            np.maximum.at(col, rows, np.minimum(m.data[lo:hi], 1.0) * float(rel))
        c = pool.reading_col.get(sid)
        if c is not None and pool.readings is not None:
            rm = pool.readings
            lo, hi = rm.indptr[c], rm.indptr[c + 1]
            np.maximum.at(col, rm.indices[lo:hi], np.minimum(rm.data[lo:hi], 1.0))
    return out


def _page(cursor: str | None) -> int:
    """The offset of the page a cursor names (a ranking is recomputed for every page)."""
    return decode_cursor(cursor)


def _profile_of(pool: Pool, row: int, asked: Collection[int] = ()) -> dict[int, float]:
    """A candidate's held skills, with the CV's readings of the skills in `asked` (those an
    opening asks for) where the candidate holds no evidence of them."""
    out = _row(pool.rows, row, pool.skills)
    if asked and pool.reading_rows is not None:
        reads = _row(pool.reading_rows, row, pool.reading_skills)
        out = _with_readings(out, reads, asked)
    return out


def _with_readings(held: dict[int, float], reads: dict[int, float], asked) -> dict[int, float]:
    """`held` with the readings of the skills in `asked`, each at the better of the two."""
    out = dict(held)
    for sid, v in reads.items():
        if sid in asked:
            out[sid] = max(v, out.get(sid, 0.0))
    return out


def _row(m: sparse.csr_matrix, row: int, skills: list[int]) -> dict[int, float]:
    lo, hi = m.indptr[row], m.indptr[row + 1]
    cols, vals = m.indices[lo:hi].tolist(), m.data[lo:hi].tolist()
    return {skills[j]: float(v) for j, v in zip(cols, vals, strict=True)}


def _evidence(
    session: Session, candidate_ids: list[int], skill_ids: Collection[int] | None = None
) -> dict[tuple[int, int], list[dict]]:
    """(candidate, skill) -> evidence, best first, with the badge and its verification."""
    rows = repo.evidence_rows(session, candidate_ids=candidate_ids, skill_ids=skill_ids)
    out: dict[tuple[int, int], list[dict]] = {}
    for cid, sid, source, conf, text, badge_id, title, status in rows:
        item = {"source": source, "confidence": conf, "text": text}
        if badge_id is not None:
            item["badge"] = {"id": badge_id, "title": title, "status": status}
        out.setdefault((cid, sid), []).append(item)
    for items in out.values():
        items.sort(key=lambda x: -x["confidence"])
    return out


def _reverse(nb: dict[int, dict[int, float]]) -> dict[int, list[tuple[int, float]]]:
    """neighbour skill -> [(required skill, credit)]: walk a candidate's few skills, not every
    required skill's many neighbours."""
    rev: dict[int, list[tuple[int, float]]] = {}
    for r, others in nb.items():
        for o, c in others.items():
            rev.setdefault(o, []).append((r, c))
    return rev


def _own_neighbours(held: dict[int, float], rev) -> dict[int, dict[int, float]]:
    """The part of the partial-credit map this candidate can use (same credits, fewer keys)."""
    out: dict[int, dict[int, float]] = {}
    for o in held:
        for r, c in rev.get(o, ()):
            out.setdefault(r, {})[o] = c
    return out


def _kind(item: dict) -> str:
    """The evidence kind of a stored evidence row (a badge's by its verification; a CV reading
    for a role is text)."""
    if item["source"] == ROLE_READING_SOURCE:
        return "text"
    if item["source"] == "badge":
        verified = (item.get("badge") or {}).get("status") == "verified"
        return "verified_badge" if verified else "unverified_badge"
    return item["source"]


def _held_profile(role: RoleProfile, held: dict[int, float], evidence, cid) -> LearnerProfile:
    """The candidate's skills with the evidence kinds of those the role asks for."""
    kinds = {}
    for r in role.skills:
        if r.skill_id in held:
            mine = {_kind(x) for x in evidence.get((cid, r.skill_id), ())}
            kinds[r.skill_id] = tuple(k for k in EVIDENCE_KINDS if k in mine)
    return LearnerProfile(held, evidence_kinds=kinds)


def _match_detail(
    runtime: Runtime,
    session: Session,
    role: RoleProfile,
    held: dict[int, float],
    nb,
    evidence,
    cid,
    *,
    with_plan: bool,
    own=None,
):
    """Matched skills with evidence, missing essentials, and the plan. `own` is the part of
    `nb` the candidate's held skills can use (the same gap, computed faster; a CV reading for
    the opening is never a neighbour of another skill)."""
    profile = _held_profile(role, held, evidence, cid)
    nb = nb if own is None else own
    gap = compute_gap(role, profile, nb, gap_config(runtime.settings))
    via_labels = skill_labels(
        session, [it.via_skill_id for it in gap.items if it.via_skill_id], runtime
    )
    out = ra.match_detail_json(gap, via_labels, lambda sid: evidence.get((cid, sid), []))
    out.summary = match_sentence(out, len({r.skill_id for r in role.skills if r.essential}))
    if with_plan:
        missing = out.missing_essential
        out.plan = _essential_plan(runtime, session, role, profile, nb) if missing else None
    return out


def _essential_plan(
    runtime: Runtime, session: Session, role: RoleProfile, profile: LearnerProfile, nb
) -> answers.EssentialPlanJson:
    """The shortest plan (fewest hours) that closes the missing essential skills (a held skill
    is never among them)."""
    essentials = RoleProfile(role.title, [r for r in role.skills if r.essential], role.source)
    gap = compute_gap(essentials, profile, nb, gap_config(runtime.settings))
    result = plan_gap(runtime, session, gap, profile, nb, Constraints())
    return answers.essential_plan_json(answers.plan_json(result))


def rank_candidates(
    runtime: Runtime,
    session: Session,
    tenant_id: int,
    posting_id: int,
    *,
    limit: int = 20,
    cursor: str | None = None,
    with_plan: bool = True,
    min_coverage: float = 0.0,
) -> dict:
    role = role_from_posting(
        session, posting_id, runtime.settings, tenant_id=tenant_id, field="posting_id"
    )
    required = list(role.skills)  # one per skill (opening_prior.opening_requirements)
    if not required:  # nothing to match on: an empty ranking, not an error
        opening = ra.OpeningRefJson(posting_id, role.title, 0)
        return answers.to_json(ra.CandidatesForOpeningJson(opening, 0, [], None))
    pool = candidate_pool(runtime, session, tenant_id)
    offset = _page(cursor)
    req_ids = [r.skill_id for r in required]
    nb = pool_neighbours(runtime, session, pool, req_ids)
    w = np.array([r.weight for r in required], dtype=np.float32)
    scores = _credits(pool, req_ids, nb) @ w / max(float(w.sum()), 1e-9)
    keep = np.nonzero(scores >= min_coverage)[0] if min_coverage > 0 else np.arange(len(scores))
    order = keep[np.lexsort((pool.ids[keep], -scores[keep]))]
    page = order[offset : offset + limit]
    cids = [int(pool.ids[i]) for i in page]
    names = repo.candidate_names(session, ids=cids) if cids else {}
    rev = _reverse(nb)
    req_set = set(req_ids)
    helds = [_profile_of(pool, int(i), req_set) for i in page]
    # evidence only for the skills that earn these candidates credit (a short IN list)
    wanted = {sid for held in helds for sid in held if sid in req_set or sid in rev}
    evidence = _evidence(session, cids, wanted) if cids else {}
    items = []
    for rank, i, held in zip(range(offset + 1, offset + 1 + len(page)), page, helds, strict=True):
        cid = int(pool.ids[i])
        own = _own_neighbours(_profile_of(pool, int(i)), rev)  # held skills, not readings
        detail = _match_detail(
            runtime, session, role, held, nb, evidence, cid, with_plan=with_plan, own=own
        )
        items.append(ra.ranked_candidate_json(rank, ra.NamedJson(cid, names.get(cid)), detail))
    nxt = encode_cursor(offset + limit) if len(order) > offset + limit else None
    opening = ra.OpeningRefJson(posting_id, role.title, len(required))
    return answers.to_json(ra.CandidatesForOpeningJson(opening, int(len(order)), items, nxt))


def _opening_roles(
    runtime: Runtime, session: Session, tenant_id: int, include_public: bool
) -> dict[int, dict[int, RequiredSkill]]:
    """Each visible open opening's requirements: its own skills and its occupation's essentials
    (service/profiles/opening_prior.py), three queries for all of them."""
    occupation_of = records.visible_posting_occupations(
        session, tenant_id=tenant_id, include_public=include_public
    )
    links: dict[int, list] = {}
    for link, label in records.visible_posting_skill_rows(
        session, tenant_id=tenant_id, include_public=include_public
    ):
        links.setdefault(link.posting_id, []).append((link, label))
    occs = prior_occupations(links, occupation_of)
    prior = tax.essential_skills_of(session, occupation_ids=occs)
    return opening_requirements(links, occupation_of, prior, runtime.settings)


def rank_openings(
    runtime: Runtime,
    session: Session,
    tenant_id: int,
    candidate_id: int,
    *,
    limit: int = 20,
    cursor: str | None = None,
    include_public: bool = True,
    with_plan: bool = False,
    min_coverage: float = 0.0,
) -> dict:
    """Openings ranked for a candidate by weighted skill coverage; those under `min_coverage`
    are left out (and out of the total)."""
    cand = get_candidate_row(session, tenant_id, candidate_id)
    pool = candidate_pool(runtime, session, tenant_id)
    row = int(np.searchsorted(pool.ids, cand.id))
    held = _profile_of(pool, row)
    reads = (
        _row(pool.reading_rows, row, pool.reading_skills) if pool.reading_rows is not None else {}
    )
    offset = _page(cursor)
    roles = _opening_roles(runtime, session, tenant_id, include_public)
    all_req = {sid for r in roles.values() for sid in r}
    nb = _with_shown(runtime, session, neighbours(runtime, session, all_req, held), all_req, held)
    scored = []
    for pid, reqs in roles.items():
        total = sum(r.weight for r in reqs.values())
        if total <= 0:
            continue
        mine = _with_readings(held, reads, reqs)
        got = sum(r.weight * best_credit(sid, mine, nb)[0] for sid, r in reqs.items())
        if got / total >= min_coverage:
            scored.append((got / total, pid))
    scored.sort(key=lambda x: (-x[0], x[1]))
    page = scored[offset : offset + limit]
    posts = records.postings_by_id(session, ids=[pid for _s, pid in page])
    evidence = _evidence(session, [cand.id])
    items = []
    for rank, (_score, pid) in enumerate(page, start=offset + 1):
        post = posts[pid]
        reqs = sorted(roles[pid].values(), key=lambda r: (-r.weight, r.label))
        role = RoleProfile(post.title, reqs, f"posting:{pid}")
        mine = _with_readings(held, reads, {r.skill_id for r in reqs})
        detail = _match_detail(
            runtime, session, role, mine, nb, evidence, cand.id, with_plan=with_plan
        )
        opening = ra.OpeningJson(
            pid, shown_external_id(post.external_id), post.title, post.employer,
            post.tenant_id is not None,
        )  # fmt: skip
        items.append(ra.ranked_opening_json(rank, opening, detail))
    nxt = encode_cursor(offset + limit) if len(scored) > offset + limit else None
    who = ra.NamedJson(cand.id, cand.name)
    return answers.to_json(ra.OpeningsForCandidateJson(who, len(scored), items, nxt))
