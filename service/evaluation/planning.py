"""`skillmatch eval planning`: plan quality on ESCO occupations with synthetic learners.

For each sampled occupation the role is its essential skills; a synthetic learner holds a random
half of them. The gap's candidates are the catalog credentials teaching its skills (directly or
through the partial-credit neighbours), capped at the exact solver's size limit; the same
candidates go to:
- the greedy planner (the default),
- the exact planner (integer programming, HiGHS): the optimum,
- a naive baseline: the top-k credentials by vector similarity to the occupation's description
  (a plain FAISS lookup), k = the greedy plan's number of steps (at least 3).
Figures: the share of the coverable essential gap each covers (credit reached / credit reachable)
and total hours against the optimum's hours. Both planners work under the rules the API plans
by (Settings.plan_max_steps, plan_min_gain_per_hour): the optimum is that of the same problem.
"""

from __future__ import annotations

import random
import statistics
import time

import numpy as np
from sqlalchemy import func, select
from sqlmodel import Session

from models.tables import Occupation, OccupationSkill, Skill
from service.matching import (
    Constraints,
    LearnerProfile,
    PlannerConfig,
    RequiredSkill,
    RoleProfile,
    compute_gap,
    credit_matrix,
    plan,
)
from service.matching.exact import PlanTooLargeError
from service.profiles.neighbours import neighbours


def _covered(cm, chosen: list[int], base: np.ndarray) -> np.ndarray:
    """Credit per gap skill after taking the chosen candidate rows."""
    if not chosen:
        return base
    return np.maximum(base, cm.credits[chosen].max(axis=0))


def run_planning_eval(
    runtime, *, n_roles: int = 200, seed: int = 11, max_candidates: int = 200
) -> dict:
    rng = random.Random(seed)
    st = runtime.settings
    config = PlannerConfig(
        money_weight=0.0,
        alternatives=False,
        max_exact_options=max_candidates,
        min_gain_per_hour=st.plan_min_gain_per_hour,
        step_overhead_hours=st.plan_step_overhead_hours,
        optional_min_gain_per_hour=st.plan_optional_min_gain_per_hour,
        unknown_effort=st.plan_unknown_effort,
    )
    limits = Constraints(max_steps=st.plan_max_steps)
    with Session(runtime.engine) as session:
        occ_ids = (
            session.execute(
                select(OccupationSkill.occupation_id)
                .where(OccupationSkill.relation == "essential", OccupationSkill.source == "esco")
                .group_by(OccupationSkill.occupation_id)
                .having(func.count() >= 6)
                .order_by(OccupationSkill.occupation_id)
            )
            .scalars()
            .all()
        )
        rng.shuffle(occ_ids)
        rows, skipped = [], {"no coverable gap": 0, "too large for exact": 0}
        t0 = time.perf_counter()
        for oid in occ_ids:
            if len(rows) >= n_roles:
                break
            row = _one_role(runtime, session, oid, rng, config, limits)
            if isinstance(row, str):
                skipped[row] += 1
                continue
            rows.append(row)
        seconds = time.perf_counter() - t0
    if not rows:
        raise RuntimeError("no occupation had a coverable gap: is the catalog loaded?")

    def mean(key):
        return round(statistics.fmean(r[key] for r in rows), 4)

    return {
        "coverage": mean("coverage"),
        "hours_ratio_vs_optimum": mean("hours_ratio"),
        "objective_vs_optimum": mean("objective_ratio"),
        "baseline_coverage": mean("baseline_coverage"),
        "baseline_hours_ratio": mean("baseline_hours_ratio"),
        "optimum_coverage": mean("optimum_coverage"),
        "steps_mean": mean("steps"),
        "optimum_steps_mean": mean("optimum_steps"),
        "max_steps": st.plan_max_steps,
        "min_gain_per_hour": st.plan_min_gain_per_hour,
        "step_overhead_hours": st.plan_step_overhead_hours,
        "optional_min_gain_per_hour": st.plan_optional_min_gain_per_hour,
        "n_roles": len(rows),
        "skipped_roles": skipped,
        "greedy_ms_mean": mean("greedy_ms"),
        "exact_ms_mean": mean("exact_ms"),
        "seconds": round(seconds, 1),
        "seed": seed,
    }


def _one_role(runtime, session, oid, rng, config, limits):
    ess = session.execute(
        select(Skill.id, Skill.preferred_label)
        .join(OccupationSkill, OccupationSkill.skill_id == Skill.id)
        .where(
            OccupationSkill.occupation_id == oid,
            OccupationSkill.relation == "essential",
            OccupationSkill.source == "esco",
        )
        .order_by(Skill.id)
    ).all()
    role = RoleProfile(str(oid), [RequiredSkill(i, lab, 1.0, True) for i, lab in ess])
    held = rng.sample([i for i, _ in ess], len(ess) // 2)
    learner = LearnerProfile(dict.fromkeys(held, 1.0))
    gap = compute_gap(role, learner)
    open_ids = [it.skill_id for it in gap.open_items]
    # the candidates the API would plan over (the in-memory catalog's selection)
    cands, lookup = runtime.catalog.options(
        {it.skill_id: it.weight * (1.0 - it.credit) for it in gap.open_items}
    )
    nb = neighbours(runtime, session, open_ids, {s for c in cands for s in c.skills})
    cm = credit_matrix(open_ids, cands, nb)
    reach = cm.credits.max(axis=0) if len(cands) else np.zeros(len(open_ids))
    if reach.sum() <= 0:
        return "no coverable gap"
    t = time.perf_counter()
    greedy = plan(gap, cands, limits, neighbours=nb, lookup=lookup, config=config)
    greedy_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    try:
        exact = plan(gap, cands, limits, neighbours=nb, lookup=lookup, config=config, mode="exact")
    except PlanTooLargeError:
        return "too large for exact"
    exact_ms = (time.perf_counter() - t) * 1000
    row_of = {c.id: i for i, c in enumerate(cands)}
    base = np.zeros(len(open_ids))

    def share(steps) -> float:
        chosen = [row_of[s.option.id] for s in steps if s.option.id in row_of]
        return float(np.minimum(_covered(cm, chosen, base), reach).sum() / reach.sum())

    occ = session.get(Occupation, oid)
    k = max(3, len(greedy.steps))
    hits = runtime.credentials.search(f"{occ.preferred_label}. {occ.description}", k=k)
    base_rows = [row_of[i] for i, _ in hits if i in row_of]
    # the stated hours of the baseline's credentials (unknown: 0)
    base_hours = sum(max(0.0, c.hours or 0.0) for c in runtime.catalog.get(i for i, _ in hits))
    opt_hours = max(exact.total_hours, 1e-9)
    lam = config.min_gain_per_hour

    def objective(p) -> float:  # what both planners maximise: gain - min_gain_per_hour x hours
        return (p.coverage_after - p.coverage_before) * gap.total_weight - lam * p.total_hours

    return {
        "coverage": share(greedy.steps),
        "optimum_coverage": share(exact.steps),
        "hours_ratio": greedy.total_hours / opt_hours if exact.total_hours else 1.0,
        "objective_ratio": objective(greedy) / objective(exact) if objective(exact) > 0 else 1.0,
        "baseline_coverage": float(
            np.minimum(_covered(cm, base_rows, base), reach).sum() / reach.sum()
        ),
        "baseline_hours_ratio": base_hours / opt_hours if exact.total_hours else 1.0,
        "steps": len(greedy.steps),
        "optimum_steps": len(exact.steps),
        "greedy_ms": greedy_ms,
        "exact_ms": exact_ms,
    }
