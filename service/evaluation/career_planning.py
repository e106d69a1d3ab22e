"""`skillmatch eval planning --set career-change`: plans for real career moves, three ways.

Each pair (service/evaluation/career_change.py) is a learner who holds the essential skills of
one occupation (confidence 1.0) and targets a related one with an hour budget. As the API does
for a target occupation: the role is the occupation's whole profile (role_from_occupation), the
gap uses the partial-credit neighbours and the gap thresholds of the settings, the options are
the in-memory catalog's selection for the gap (runtime.catalog.options), and the planner works
under the settings' rules (plan_max_steps, plan_min_gain_per_hour, plan_unknown_effort), the
budget as max_hours. On those options:
- greedy: today's planner (the default);
- optimum: the exact planner (HiGHS) on the same problem (same budget, step limit and rules);
- baseline: the top-k credentials by vector similarity to the target's label and description
  (service/evaluation/planning.py's baseline), k = the greedy plan's steps (at least 3), taken
  in rank order among the 50 nearest, skipping those whose hours no longer fit the budget.
`reachable` (essential_coverage's denominator, service/evaluation/plan_scores.py) is the
exact planner's essential credit on the same options within the hour budget alone: no step limit
and no gain-per-hour threshold (those are the planner's rules, not the learner's). A step's
hours are its stated hours, else the catalog's labelled estimate (0 when neither).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sqlmodel import Session

from service.evaluation.career_change import BUDGET_RANGES, CareerPair, sample_pairs
from service.evaluation.plan_scores import (
    Columns,
    PlanScore,
    hours_ratio,
    score_plan,
    summarise,
)
from service.matching import (
    Constraints,
    Gap,
    LearnerProfile,
    Option,
    PlannerConfig,
    PlanTooLargeError,
    compute_gap,
    credit_matrix,
    plan,
)
from service.matching.focus import option_focus
from service.profiles.generic import generic_skills
from service.profiles.neighbours import learner_neighbours, neighbours
from service.profiles.role import role_from_occupation
from service.recommend.centrality import role_centrality
from service.recommend.gap import gap_config
from service.recommend.plan import planner_config
from service.repo import taxonomy as tax

BASELINE_POOL = 50
METHODS = ("greedy", "optimum", "baseline")


@dataclass
class Move:
    """One pair made ready to plan: the gap, the planner's options and partial credit."""

    pair: CareerPair
    gap: Gap
    options: list[Option]
    lookup: dict[str, Option]
    nb: dict[int, dict[int, float]]
    limits: Constraints

    @property
    def open_ids(self) -> list[int]:
        return [it.skill_id for it in self.gap.open_items]


def prepare(runtime, session: Session, pair: CareerPair) -> Move | None:
    """The gap and the options as the API builds them; None when nothing of the essential gap
    is open."""
    st = runtime.settings
    role = role_from_occupation(session, pair.target.id, st)
    learner = LearnerProfile(dict.fromkeys(sorted(pair.source.essentials), 1.0))
    required = [r.skill_id for r in role.skills]
    nb, synonyms = learner_neighbours(runtime, session, required, learner.skills)  # as the API
    gap = compute_gap(role, learner, nb, gap_config(st), synonyms)
    if not any(it.essential for it in gap.open_items):
        return None
    weights = {it.skill_id: it.weight * (1.0 - it.credit) for it in gap.open_items}
    options, lookup = runtime.catalog.options(weights)
    open_ids = [it.skill_id for it in gap.open_items]
    nb_c = neighbours(runtime, session, open_ids, {s for c in options for s in c.skills})
    for k, v in nb.items():
        nb_c.setdefault(k, {}).update(v)
    limits = Constraints(max_hours=pair.budget_hours, max_steps=st.plan_max_steps)
    return Move(pair, gap, options, lookup, nb_c, limits)


def columns(gap: Gap) -> Columns:
    items = gap.open_items
    ess = [it for it in gap.items if it.essential]
    return Columns(
        residual=np.array([1.0 - it.credit for it in items]),
        weights=np.array([it.weight for it in items]),
        essential=np.array([it.essential for it in items], dtype=bool),
        essential_total=sum(it.weight for it in ess),
        essential_before=sum(it.weight * it.credit for it in ess),
    )


def baseline(runtime, session: Session, move: Move, k: int) -> list[Option]:
    """Top-k by vector similarity to the target occupation that fit the budget, in rank order."""
    occ = tax.occupation_by_id(session, occupation_id=move.pair.target.id)
    hits = runtime.credentials.search(f"{occ.preferred_label}. {occ.description}", k=BASELINE_POOL)
    left, out = move.pair.budget_hours, []
    for c in runtime.catalog.get(i for i, _ in hits):
        if len(out) >= k:
            break
        if c.hours_value <= left + 1e-9:
            out.append(c)
            left -= c.hours_value
    return out


def score_move(runtime, session, move: Move, config: PlannerConfig) -> dict | str:
    """Scores of the three plans for one move, or why the move was left out."""
    args = dict(
        neighbours=move.nb,
        lookup=move.lookup,
        focus=option_focus(move.gap, move.options, move.nb),
        generic=generic_skills(runtime, session),
        central=role_centrality(runtime, move.gap),
    )
    t = time.perf_counter()
    greedy = plan(move.gap, move.options, move.limits, config=config, **args)
    greedy_ms = (time.perf_counter() - t) * 1000
    try:
        exact = plan(move.gap, move.options, move.limits, config=config, mode="exact", **args)
        ceiling = replace(
            config,
            min_gain_per_hour=0.0,
            min_focus=0.0,
            aim_hours_ratio=0.0,
            taught_min=0.0,
            fair_share=0.0,
            study_share=0.0,
            generic_weight=1.0,
        )
        budget = Constraints(max_hours=move.pair.budget_hours)
        reach = plan(move.gap, move.options, budget, config=ceiling, mode="exact", **args)
    except PlanTooLargeError:
        return "too large for exact"
    chosen = {
        "greedy": [s.option for s in greedy.steps],
        "optimum": [s.option for s in exact.steps],
        "baseline": baseline(runtime, session, move, max(3, len(greedy.steps))),
        "reach": [s.option for s in reach.steps],
    }
    rows = _credit_rows(runtime, session, move, chosen)
    cols = columns(move.gap)
    reachable = score_plan(rows["reach"], _hours(chosen["reach"]), cols, 0.0).essential_credit
    if reachable <= 1e-9:
        return "nothing coverable within budget"
    scores = {m: score_plan(rows[m], _hours(chosen[m]), cols, reachable) for m in METHODS}
    core = [not s.optional for s in greedy.steps]  # the greedy plan less its optional steps
    scores["core"] = score_plan(
        rows["greedy"][core], _hours(chosen["greedy"], core), cols, reachable
    )
    every = {c.external_id: c for steps in chosen.values() for c in steps}
    fmap = option_focus(move.gap, list(every.values()), move.nb)
    return {
        "pair": move.pair,
        "scores": scores,
        "focus": {m: plan_focus(chosen[m], fmap) for m in (*METHODS, "reach")},
        "reachable_share": reachable / max(1e-9, float(cols.weights[cols.essential].sum())),
        "greedy_ms": greedy_ms,
        "unproven": not (exact.optimal and reach.optimal),
        "plans": chosen,
    }


def plan_focus(steps: Sequence[Option], focus: dict[str, float]) -> float | None:
    """The plan's hours-weighted mean focus on the role (service.matching.focus: the share of
    a step's teaching the role uses); the plain mean when no step states hours; None: no step."""
    if not steps:
        return None
    hours = np.array([c.hours_value for c in steps])
    f = np.array([focus.get(c.external_id, 0.0) for c in steps])
    return float(f @ hours / hours.sum()) if hours.sum() > 0 else float(f.mean())


def _hours(options: Sequence[Option], keep: Sequence[bool] | None = None) -> list[float]:
    return [c.hours_value for c, k in zip(options, keep or [True] * len(options), strict=True) if k]


def _credit_rows(runtime, session, move: Move, chosen: dict[str, list[Option]]) -> dict:
    """Per method, its steps' credits over the open gap skills (partial credit for the skills
    of steps outside the planner's options added to its neighbours)."""
    known = {s for c in move.options for s in c.skills}
    extra = {s for steps in chosen.values() for c in steps for s in c.skills} - known
    nb = {k: dict(v) for k, v in move.nb.items()}
    for k, v in (neighbours(runtime, session, move.open_ids, extra) if extra else {}).items():
        nb.setdefault(k, {}).update(v)
    every = list({c.id: c for steps in chosen.values() for c in steps}.values())
    cm = credit_matrix(move.open_ids, every, nb)
    row = {c.id: i for i, c in enumerate(every)}
    width = len(move.open_ids)
    return {
        m: cm.credits[[row[c.id] for c in steps]] if steps else np.zeros((0, width))
        for m, steps in chosen.items()
    }


def run_career_change_eval(
    runtime,
    data_dir: str | Path,
    *,
    n_pairs: int = 300,
    seed: int = 11,
    max_exact_options: int = 400,
    details: list | None = None,
) -> dict:
    """The figures for the greedy planner (top level), the optimum and the baseline on the
    first n_pairs usable pairs of the seeded order. details: gets each pair's row."""
    st = runtime.settings
    config = planner_config(
        st, PlannerConfig(alternatives=False, max_exact_options=max_exact_options)
    )
    rows: list[dict] = []
    skipped: Counter[str] = Counter()
    t0 = time.perf_counter()
    with Session(runtime.engine) as session:
        for pair in sample_pairs(session, data_dir, seed=seed):
            if len(rows) >= n_pairs:
                break
            move = prepare(runtime, session, pair)
            row = score_move(runtime, session, move, config) if move else "no essential gap"
            if isinstance(row, str):
                skipped[row] += 1
            else:
                rows.append(row)
    if not rows:
        raise RuntimeError("no pair had a coverable gap: is the catalog loaded?")
    if details is not None:
        details.extend(rows)
    return _report(rows, skipped, st, seed, time.perf_counter() - t0)


def _report(rows: list[dict], skipped: Counter, st, seed: int, seconds: float) -> dict:
    by = {m: [r["scores"][m] for r in rows] for m in (*METHODS, "core")}
    opt_hours = [s.hours for s in by["optimum"]]

    def figures(scores: list[PlanScore], opt: list[float] = opt_hours) -> dict:
        return summarise(
            scores, [hours_ratio(s.hours, o) for s, o in zip(scores, opt, strict=True)]
        )

    out = figures(by["greedy"])
    out["baseline"] = figures(by["baseline"])
    out["optimum"] = figures(by["optimum"])
    out["without_optional"] = figures(by["core"])
    for m, part in (("greedy", out), ("baseline", out["baseline"]), ("optimum", out["optimum"])):
        values = [r["focus"][m] for r in rows if r["focus"][m] is not None]
        part["focus"] = round(float(np.mean(values)), 4) if values else None
    halves = {h: [k for k, r in enumerate(rows) if r["pair"].half == h] for h in ("dev", "test")}
    out["halves"] = {  # the greedy plan's figures on each half of the pairs
        h: figures([by["greedy"][k] for k in ks], [opt_hours[k] for k in ks])
        for h, ks in halves.items()
    }
    budgets = sorted(r["pair"].budget_hours for r in rows)
    out |= {
        "set": "career-change",
        "reachable_share_mean": round(float(np.mean([r["reachable_share"] for r in rows])), 4),
        "pairs_by_source": dict(Counter(r["pair"].via.split(":")[0] for r in rows)),
        "budget_hours": {"min": budgets[0], "median": budgets[len(budgets) // 2]}
        | {"max": budgets[-1], "ranges": [list(b) for b in BUDGET_RANGES]},
        "skipped_pairs": dict(skipped),
        "exact_not_proven": sum(r["unproven"] for r in rows),
        "max_steps": st.plan_max_steps,
        "min_gain_per_hour": st.plan_min_gain_per_hour,
        "step_overhead_hours": st.plan_step_overhead_hours,
        "optional_min_gain_per_hour": st.plan_optional_min_gain_per_hour,
        "min_focus": st.plan_min_focus,
        "off_role_focus": st.plan_off_role_focus,
        "aim_hours_ratio": st.plan_aim_hours_ratio,
        "taught_min": st.plan_taught_min,
        "fair_share": st.plan_fair_share,
        "study_share": st.plan_study_share,
        "generic_weight": st.plan_generic_weight,
        "greedy_ms_mean": round(float(np.mean([r["greedy_ms"] for r in rows])), 2),
        "seconds": round(seconds, 1),
        "seed": seed,
    }
    return out


def format_career_change(result: dict) -> str:
    """The figures as a table: one row per planner, one column per figure (and the goals)."""
    keys = (
        ("essential_coverage", "coverage", ">= 0.9"),
        ("hours_ratio_vs_optimum", "hours/opt", "<= 1.1"),
        ("relevance", "relevance", ">= 0.95"),
        ("median_steps", "med steps", "<= 6"),
        ("reach_80", "reach 80%", ""),
        ("focus", "focus", ""),
    )
    head = f"{'':<10}" + "".join(f"{name:>11}" for _, name, _ in keys)
    lines = [
        f"{result['n_pairs']} career moves ({result['pairs_by_source']}), seed "
        f"{result['seed']}, budgets {result['budget_hours']['min']:.0f}-"
        f"{result['budget_hours']['max']:.0f} h",
        head,
    ]
    for name, fig in (
        ("greedy", result),
        ("optimum", result["optimum"]),
        ("baseline", result["baseline"]),
    ):
        cells = "".join(f"{_cell(fig.get(k)):>11}" for k, _, _ in keys)
        lines.append(f"{name:<10}{cells}")
    for half, fig in result.get("halves", {}).items():  # the greedy plans of each half
        cells = "".join(f"{_cell(fig.get(k)):>11}" for k, _, _ in keys)
        lines.append(f"{'  ' + half:<10}{cells}")
    lines.append(f"{'goal':<10}" + "".join(f"{g:>11}" for _, _, g in keys))
    lines.append(
        f"the catalog can teach {result['reachable_share_mean']:.3f} of the essential gap within "
        f"the budgets (mean); skipped {result['skipped_pairs']}; {result['seconds']} s"
    )
    return "\n".join(lines)


def _cell(v) -> str:
    return "-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)
