"""Stackable programmes: 3-6 badges and courses of one occupation family, 120-400 hours in all.

A programme teaches the union of its parts' skills; its hours are their sum and its cost 10-20%
below theirs. A badge or course is part of at most one programme.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from service.datagen.bundles import Bundle
from service.datagen.offers import PROGRAM_HOURS

if TYPE_CHECKING:
    from service.datagen.catalog import Spec

LEVELS = ("beginner", "intermediate", "advanced")
P_PROGRAM = 0.6  # share of the families with enough badges and courses that get one
MAX_SKILLS = 40


def make_programs(
    rng: random.Random, specs: list[Spec], name: Callable[[Spec], None]
) -> list[Spec]:
    from service.datagen.catalog import Spec

    by_family: dict[str, list[Spec]] = {}
    for s in specs:
        if s.kind in ("badge", "course") and s.bundle.family[:1].isdigit():
            by_family.setdefault(s.bundle.family, []).append(s)
    out = []
    for family in sorted(by_family):
        pool = sorted(by_family[family], key=lambda s: s.id)
        if len(pool) < 3 or rng.random() > P_PROGRAM:
            continue
        rng.shuffle(pool)
        parts = _pick_parts(pool)
        if not parts:
            continue
        parts.sort(key=lambda p: (LEVELS.index(p.level), p.id))
        skills = list(dict.fromkeys(u for p in parts for u in p.skills))
        weight: dict[str, float] = {}
        for p in parts:
            for u in p.skills:
                weight[u] = max(weight.get(u, 0.0), p.bundle.weight.get(u, 0.0))
        bundle = Bundle(f"{family}|program", parts[0].bundle.sector, family, skills, weight)
        level = max((p.level for p in parts), key=LEVELS.index)
        prog = Spec(bundle, "stackable_program", level, skills, "program", parts=parts)
        prog.hours = sum(p.hours for p in parts)
        prog.cost = float(int(sum(p.cost for p in parts) * rng.uniform(0.8, 0.9)))
        prog.eqf = max(p.eqf for p in parts)
        prog.delivery = Counter(p.delivery for p in parts).most_common(1)[0][0]
        name(prog)
        for p in parts:
            p.part_of.append(prog.id)
        out.append(prog)
    return out


def _pick_parts(pool: list[Spec]) -> list[Spec]:
    """Greedily 3-6 parts until the hours reach the programme range (or nothing)."""
    lo, hi = PROGRAM_HOURS
    parts: list[Spec] = []
    for s in pool:
        n_skills = len({u for p in [*parts, s] for u in p.skills})
        if s.part_of or sum(p.hours for p in parts) + s.hours > hi or n_skills > MAX_SKILLS:
            continue
        parts.append(s)
        if len(parts) >= 3 and sum(p.hours for p in parts) >= lo:
            return parts
        if len(parts) == 6:
            break
    return []
