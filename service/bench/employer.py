"""Ranking a tenant's candidates for one opening (issue goal: 10,000 candidates, p99 < 200 ms).

A throwaway tenant gets N synthetic candidates drawn from real ESCO occupations (each holds
40-80% of one occupation's skills at confidences 0.5-0.95, plus a few unrelated skills) and one
private opening made of another occupation's skills. Requests go through the FastAPI app
in-process. The reference is the same ranking done the plain way — `compute_gap` per candidate,
as the gap analysis does for one learner — timed in the same run. The tenant is deleted after.
"""

from __future__ import annotations

import os
import random
import statistics
import time
import uuid

from sqlalchemy import delete, insert, select
from sqlmodel import Session

from models.tables import (
    Candidate,
    CandidateSkill,
    JobPosting,
    Occupation,
    OccupationSkill,
    PostingSkill,
    Tenant,
)
from service.config import Settings


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _occupation_skills(session: Session) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for oid, sid in session.execute(
        select(OccupationSkill.occupation_id, OccupationSkill.skill_id).where(
            OccupationSkill.source == "esco"
        )
    ).all():
        out.setdefault(oid, []).append(sid)
    return {k: v for k, v in out.items() if len(v) >= 15}


def _populate(runtime, n: int, rng: random.Random) -> tuple[int, int, int]:
    """A tenant with n candidates and one opening: (tenant id, opening id, occupation id)."""
    with Session(runtime.engine) as s:
        occ = _occupation_skills(s)
        occ_ids = sorted(occ)
        all_skills = sorted({x for v in occ.values() for x in v})
        labels = dict(s.execute(select(Occupation.id, Occupation.preferred_label)).all())
        # a software developer's opening when the taxonomy has one, else the richest occupation
        target = max(occ_ids, key=lambda o: ("developer" in labels[o], len(occ[o]), -o))
        tenant = Tenant(name=f"bench-{uuid.uuid4().hex[:8]}")
        s.add(tenant)
        s.commit()
        s.refresh(tenant)
        tid = tenant.id
        post = JobPosting(
            external_id=f"tenant:{tid}:bench-opening",
            title=s.get(Occupation, target).preferred_label,
            source_format="native",
            content_hash="bench",
            tenant_id=tid,
        )
        s.add(post)
        s.commit()
        s.refresh(post)
        rels = s.execute(
            select(OccupationSkill.skill_id, OccupationSkill.relation).where(
                OccupationSkill.occupation_id == target, OccupationSkill.source == "esco"
            )
        ).all()
        s.execute(
            insert(PostingSkill),
            [
                {"posting_id": post.id, "skill_id": sid, "relation": rel, "source": "explicit",
                 "confidence": 1.0, "evidence": []}
                for sid, rel in rels
            ],
        )  # fmt: skip
        near = [o for o in occ_ids if set(occ[o]) & {r[0] for r in rels}]
        cands = [
            {"tenant_id": tid, "name": f"c{i}", "identifiers": [], "declared": []} for i in range(n)
        ]
        ids = s.execute(insert(Candidate).returning(Candidate.id), cands).scalars().all()
        rows = []
        for cid in ids:
            o = rng.choice(near if rng.random() < 0.5 else occ_ids)
            skills = rng.sample(occ[o], int(len(occ[o]) * rng.uniform(0.4, 0.8)))
            skills += rng.sample(all_skills, 3)
            for sid in set(skills):
                rows.append(
                    {"candidate_id": cid, "skill_id": sid, "source": "badge",
                     "confidence": round(rng.uniform(0.5, 0.95), 3), "evidence": ""}
                )  # fmt: skip
        for i in range(0, len(rows), 20_000):
            s.execute(insert(CandidateSkill), rows[i : i + 20_000])
        s.commit()
        return tid, post.id, target


def _cleanup(runtime, tid: int) -> None:
    with Session(runtime.engine) as s:
        cids = select(Candidate.id).where(Candidate.tenant_id == tid)
        s.execute(delete(CandidateSkill).where(CandidateSkill.candidate_id.in_(cids)))
        s.execute(delete(Candidate).where(Candidate.tenant_id == tid))
        pids = select(JobPosting.id).where(JobPosting.tenant_id == tid)
        s.execute(delete(PostingSkill).where(PostingSkill.posting_id.in_(pids)))
        s.execute(delete(JobPosting).where(JobPosting.tenant_id == tid))
        s.execute(delete(Tenant).where(Tenant.id == tid))
        s.commit()
    runtime.extras.pop(("candidate_pool", tid), None)


def _naive_ms(runtime, tid: int, posting_id: int) -> float:
    """The reference: the gap analysis run per candidate (what one learner's request does)."""
    from service.employer.rankings import candidate_pool
    from service.matching import LearnerProfile, compute_gap
    from service.profiles.neighbours import neighbours
    from service.profiles.role import role_from_posting
    from service.recommend.gap import gap_config

    t = time.perf_counter()
    with Session(runtime.engine) as s:
        role = role_from_posting(s, posting_id, runtime.settings, tenant_id=tid)
        pool = candidate_pool(runtime, s, tid)
        req = [r.skill_id for r in role.skills]
        nb = neighbours(runtime, s, req, pool.col_of)
        inv = {j: sid for sid, j in pool.col_of.items()}
        csr = pool.matrix.tocsr()
        cfg = gap_config(runtime.settings)
        scores = []
        for i in range(csr.shape[0]):
            lo, hi = csr.indptr[i], csr.indptr[i + 1]
            held = {inv[j]: float(v) for j, v in zip(csr.indices[lo:hi], csr.data[lo:hi])}  # noqa: B905
            scores.append(compute_gap(role, LearnerProfile(held), nb, cfg).coverage)
        sorted(range(len(scores)), key=lambda i: -scores[i])[:20]
    return (time.perf_counter() - t) * 1000


def run_employer_bench(
    settings: Settings, *, n_candidates: int = 10_000, n_requests: int = 200, runtime=None
) -> dict:
    from fastapi.testclient import TestClient

    from service.api.app import create_app
    from service.employer.tenants import create_key
    from service.runtime import build_runtime

    runtime = runtime or build_runtime(settings)
    rng = random.Random(7)
    t = time.perf_counter()
    tid, posting_id, occupation_id = _populate(runtime, n_candidates, rng)
    populate_s = time.perf_counter() - t
    try:
        with Session(runtime.engine) as s:
            _row, key = create_key(s, tid, ["read"])
        client = TestClient(
            create_app(settings.model_copy(update={"rate_limit_per_minute": 0}), runtime=runtime),
            headers={"Authorization": f"Bearer {key}"},
        )
        url = f"/v1/openings/{posting_id}/candidates"
        t = time.perf_counter()
        first = client.post(url, json={"limit": 20, "plan": False})
        first_ms = (time.perf_counter() - t) * 1000
        assert first.status_code == 200, first.text
        times, cpu = [], []
        for _ in range(n_requests):
            t, c = time.perf_counter(), time.process_time()
            r = client.post(url, json={"limit": 20, "plan": False})
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
            assert r.status_code == 200, r.text
        planned = []
        for _ in range(max(3, n_requests // 20)):
            t = time.perf_counter()
            r = client.post(url, json={"limit": 20, "plan": True})
            planned.append((time.perf_counter() - t) * 1000)
        naive = [_naive_ms(runtime, tid, posting_id) for _ in range(3)]
        out = first.json()
        p99 = _pct(times, 0.99)
        return {
            "candidates": n_candidates,
            "requests": n_requests,
            "opening_skills": out["opening"]["n_skills"],
            "occupation_id": occupation_id,
            "populate_s": round(populate_s, 1),
            "first_request_ms (builds the in-memory pool)": round(first_ms, 1),
            "p50_ms": round(statistics.median(times), 2),
            "p99_ms": round(p99, 2),
            "goal_p99_ms": 200,
            # CPU time of this process per request (server and in-process client): what the
            # request costs, whatever else the machine runs
            "cpu_p50_ms": round(statistics.median(cpu), 2),
            "cpu_p99_ms": round(_pct(cpu, 0.99), 2),
            "load_average_1min": round(os.getloadavg()[0], 2),
            "with_plans_for_20_p50_ms": round(statistics.median(planned), 1),
            "reference_per_candidate_gap_ms": round(statistics.median(naive), 1),
            "speedup_vs_reference_p50": round(
                statistics.median(naive) / statistics.median(times), 1
            ),
            "top_coverage": out["items"][0]["coverage"] if out["items"] else None,
        }
    finally:
        _cleanup(runtime, tid)
