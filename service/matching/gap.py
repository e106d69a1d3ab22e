"""The skill gap: which required skills the learner shows, partly shows, or lacks, with partial
credit through neighbouring skills; and the credit each option (a credential) offers per gap skill.

Credit of a skill s from a skill k = confidence(k) (learner) or weight taught (credential) x
relation credit (1.0 when k == s, else neighbours[s][k]); the best k wins (max, never sum).

Held means held: a skill with direct evidence (declared, a badge, a held credential, CV text) is
covered whatever its confidence; the confidence (the evidence's trust weight) only weighs the
trust-weighted coverage, and weak evidence is flagged, not sent to be learnt. Thresholds on the
credit (GapConfig) decide only for the skills not held: partial credit through a neighbour.
A skill a held skill shows by ESCO's labels (a near-synonym, `service/profiles/synonyms.py`:
"apply person-centred care" shows *person centred care*) is covered as a held skill is, on that
skill's evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain

import numpy as np

from service.matching.explain import evidence_note, is_weak
from service.matching.types import (
    Gap,
    GapConfig,
    GapItem,
    LearnerProfile,
    Option,
    RequiredSkill,
    RoleProfile,
    SkillNeighbours,
)


def _clip01(x: float) -> float:
    return 0.0 if x <= 0.0 else 1.0 if x >= 1.0 else float(x)


def best_credit(
    skill_id: int, held: Mapping[int, float], neighbours: SkillNeighbours | None
) -> tuple[float, int | None]:
    """Best credit for skill_id from a skill -> strength map, and the skill that gives it."""
    best = _clip01(held.get(skill_id, 0.0))
    via = skill_id if best > 0 else None
    for other, rel in ((neighbours or {}).get(skill_id) or {}).items():
        strength = held.get(other)
        if strength:
            c = _clip01(strength) * _clip01(rel)
            if c > best:
                best, via = c, other
    return best, via


def shown_by(
    skill_id: int, learner: LearnerProfile, synonyms: Mapping[int, Iterable[int]] | None
) -> int | None:
    """The held skill that shows skill_id as its near-synonym (the most confident; the lower id
    on a tie), else None (`service/profiles/synonyms.py`)."""
    best, best_c = None, 0.0
    for other in sorted((synonyms or {}).get(skill_id, ())):
        c = learner.skills.get(other, 0.0)
        if c > best_c:
            best, best_c = other, c
    return best


def _merge(skills: Iterable[RequiredSkill]) -> list[RequiredSkill]:
    """One entry per skill id, in first-seen order: max weight, essential if any says so."""
    merged: dict[int, RequiredSkill] = {}
    for rs in skills:
        old = merged.get(rs.skill_id)
        if old is None:
            merged[rs.skill_id] = rs
        else:
            merged[rs.skill_id] = RequiredSkill(
                skill_id=rs.skill_id,
                label=old.label or rs.label,
                weight=max(old.weight, rs.weight),
                essential=old.essential or rs.essential,
            )
    return list(merged.values())


def compute_gap(
    role: RoleProfile,
    learner: LearnerProfile,
    neighbours: SkillNeighbours | None = None,
    config: GapConfig | None = None,
    synonyms: Mapping[int, Iterable[int]] | None = None,
) -> Gap:
    """Status and credit of every required skill of the role for this learner. `synonyms`:
    skill -> the skills that show it (near-synonyms); a skill shown by a held one is covered as
    a held skill is, on that skill's evidence (weak when it is weak), at the credit `neighbours`
    gives it."""
    config = config or GapConfig()
    items: list[GapItem] = []
    for rs in _merge(role.skills):
        weight = max(0.0, float(rs.weight))
        credit, via = best_credit(rs.skill_id, learner.skills, neighbours)
        held = learner.holds(rs.skill_id)
        source = rs.skill_id if held else shown_by(rs.skill_id, learner, synonyms)
        kinds = tuple(learner.evidence_kinds.get(source, ())) if source is not None else ()
        weak = source is not None and is_weak(kinds)
        items.append(
            GapItem(
                rs.skill_id,
                rs.label,
                weight,
                rs.essential,
                "covered" if source is not None else config.status(credit),
                credit,
                via,
                held=held,
                confidence=_clip01(learner.skills[rs.skill_id]) if held else 0.0,
                evidence_kinds=kinds,
                weak=weak,
                note=evidence_note(kinds) if weak else "",
            )
        )
    total = sum(it.weight for it in items)
    covered = sum(it.weight * it.credit for it in items)
    return Gap(
        role_title=role.title,
        items=items,
        coverage=covered / total if total > 0 else 1.0,
        total_weight=total,
        missing_weight=sum(it.weight for it in items if it.status == "missing"),
        open_weight=sum(it.weight * (1.0 - it.credit) for it in items if it.status != "covered"),
        config=config,
        role_isco=role.isco,
    )


def evidence_gap(gap: Gap) -> Gap | None:
    """The gap a plan closes when every essential skill is held but some only on the learner's
    word (declared, read in the text, an unverified badge): those skills reopened (partial or
    missing by their trust-weighted credit) so that credentials that evidence them are planned.
    None otherwise: while a real essential gap is open, weakly held skills are not taught.

    A care assistant who types "senior care assistant" resolves to the occupation her own job
    title names; every essential skill is then held on her word, and without this the plan
    had nothing essential to add (one optional step on dietetics)."""
    if any(it.essential for it in gap.open_items):
        return None
    weak = {
        it.skill_id
        for it in gap.items
        if it.essential and it.weak and it.credit < gap.config.covered_min
    }
    if not weak:
        return None
    items = [
        replace(it, status=gap.config.status(it.credit)) if it.skill_id in weak else it
        for it in gap.items
    ]
    return replace(
        gap,
        items=items,
        missing_weight=sum(it.weight for it in items if it.status == "missing"),
        open_weight=sum(it.weight * (1.0 - it.credit) for it in items if it.status != "covered"),
    )


@dataclass(frozen=True)
class CreditMatrix:
    """credits[i, j]: credit option i offers for skill_ids[j] (0..1); via[i, j]: the option's
    skill that gives it (-1 when none)."""

    skill_ids: list[int]
    credits: np.ndarray
    via: np.ndarray


def credit_matrix(
    skill_ids: Sequence[int] | Gap,
    options: Sequence[Option],
    neighbours: SkillNeighbours | None = None,
) -> CreditMatrix:
    """Options x skills credit matrix; given a Gap, its open (not covered) skills are used.

    Cost is linear in the total number of (option skill, related gap skill) pairs.
    """
    if isinstance(skill_ids, Gap):
        skill_ids = [it.skill_id for it in skill_ids.open_items]
    ids = list(skill_ids)
    m, n = len(ids), len(options)
    # relation table: option skill k -> (gap column j, relation credit r); direct r = 1
    pairs: dict[tuple[int, int], float] = {}
    for j, s in enumerate(ids):
        pairs[(s, j)] = 1.0
        for k, rel in ((neighbours or {}).get(s) or {}).items():
            r = _clip01(rel)
            if r > 0 and r > pairs.get((k, j), 0.0):
                pairs[(k, j)] = r
    credits = np.zeros((n, m), dtype=np.float64)
    via = np.full((n, m), -1, dtype=np.int64)
    if not pairs or not n:
        return CreditMatrix(ids, credits, via)
    rel = sorted((k, j, r) for (k, j), r in pairs.items())
    rel_k = np.array([x[0] for x in rel], dtype=np.int64)
    rel_j = np.array([x[1] for x in rel], dtype=np.int64)
    rel_r = np.array([x[2] for x in rel], dtype=np.float64)
    uniq_k, first = np.unique(rel_k, return_index=True)
    count = np.diff(np.r_[first, len(rel_k)])
    # every (option, skill, weight) taught, flattened at C speed
    sizes = np.fromiter((len(c.skills) for c in options), np.int64, n)
    skill = np.array(list(chain.from_iterable(c.skills for c in options)), dtype=np.int64)
    weight = np.array(
        list(chain.from_iterable(c.skills.values() for c in options)), dtype=np.float64
    )
    owner = np.repeat(np.arange(n), sizes)
    pos = np.searchsorted(uniq_k, skill)
    pos[pos == len(uniq_k)] = 0
    hit = (uniq_k[pos] == skill) & (weight > 0)
    owner, skill, weight, pos = owner[hit], skill[hit], np.minimum(weight[hit], 1.0), pos[hit]
    reps = count[pos]  # one row per (taught skill, related gap column)
    offset = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    starts = np.repeat(first[pos], reps) + offset
    i, k = np.repeat(owner, reps), np.repeat(skill, reps)
    v = np.repeat(weight, reps) * rel_r[starts]
    cell = i * m + rel_j[starts]
    order = np.lexsort((-v, cell))  # per cell, the best credit first
    best = order[np.r_[True, cell[order][1:] != cell[order][:-1]]] if order.size else order
    credits.reshape(-1)[cell[best]] = v[best]
    via.reshape(-1)[cell[best]] = k[best]
    return CreditMatrix(ids, credits, via)
