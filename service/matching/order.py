"""The order a learner takes a plan's steps in, as an adviser hands a plan out.

Prerequisites first (a topological order). Among the steps that are ready:
1. a *side step* last: one that adds to a single skill and is written for other work
   (service.matching.aim); a plan never opens with a one-skill course for other work;
2. a long step (over LONG_STEP_HOURS, a week of full-time study) after the shorter ones: an
   army veteran's operations manager plan opened with a 70-hour "Foundation Certificate in
   Company Standards", a care assistant's with a 49-hour advanced nursing course;
3. the step whose skills are most central to the role first: the gain-weighted mean of
   `central` (skill id -> how close the skill is to what the role is about, e.g. the cosine
   of its vector with the role's title and description; service.recommend.centrality) over the
   skills it adds; a waitress becoming a restaurant manager starts with managing the service
   and its staff, not with infrastructure accessibility;
4. then beginner before intermediate (or an unknown level) before advanced, the larger gain
   first, the shorter first, the title.
A prerequisite ranks with the best step that needs it (its centrality and gain the largest of
theirs, a side step only when they all are). Without `central` every step ranks the same on 3.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping

import numpy as np

# foundations before advanced ones (an unknown level in the middle)
LEVEL_ORDER = {"beginner": 0, "intermediate": 1, "advanced": 2}
LONG_STEP_HOURS = 40.0  # a week of full-time study (the catalog reads "P1W" as 40 h)


def step_centrality(pb, i: int, central: Mapping[int, float]) -> float:
    """The gain-weighted mean of `central` over the skills unit i teaches (0 without any)."""
    gain = pb.credits[i] * pb.weights
    cols = np.flatnonzero(gain > 0)
    total = float(gain[cols].sum())
    if total <= 0 or not central:
        return 0.0
    vals = np.array([central.get(pb.items[j].skill_id, 0.0) for j in cols])
    return float(vals @ gain[cols]) / total


def side_step(pb, i: int, aim: Mapping[str, bool | None]) -> bool:
    """Unit i adds to a single skill and is written for other work."""
    n = int(np.count_nonzero(pb.credits[i] * pb.weights > 0))
    return n <= 1 and aim.get(pb.units[i].external_id) is False


def order_steps(
    pb,
    chosen: list[int],
    central: Mapping[int, float] | None = None,
    aim: Mapping[str, bool | None] | None = None,
) -> list[int]:
    """chosen (unit indexes of pb) in the order above."""
    central, aim = central or {}, aim or {}
    members = set(chosen)
    before = {i: {q for q in pb.closure[i] if q in members} for i in chosen}
    after: dict[int, list[int]] = {i: [] for i in chosen}
    standalone = pb.credits @ pb.weights
    rank = {i: float(standalone[i]) for i in chosen}
    own_core = {i: step_centrality(pb, i, central) for i in chosen}
    own_side = {i: side_step(pb, i, aim) for i in chosen}
    core, side = dict(own_core), dict(own_side)
    for i, qs in before.items():  # closure: every prerequisite, direct or not
        for q in qs:
            after[q].append(i)
            rank[q] = max(rank[q], float(standalone[i]))
            core[q] = max(core[q], own_core[i])
            side[q] = side[q] and own_side[i]

    def key(i: int) -> tuple:
        level = LEVEL_ORDER.get((pb.units[i].level or "").lower(), 1)
        long = float(pb.hours[i]) > LONG_STEP_HOURS
        return (side[i], long, -round(core[i], 6), level, -rank[i], float(pb.hours[i]),
                pb.units[i].title, i)  # fmt: skip

    ready = [key(i) for i in chosen if not before[i]]
    heapq.heapify(ready)
    order: list[int] = []
    while ready:
        i = heapq.heappop(ready)[-1]
        order.append(i)
        for t in after[i]:
            before[t].discard(i)
            if not before[t]:
                heapq.heappush(ready, key(t))
    return order
