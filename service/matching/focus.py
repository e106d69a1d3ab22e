"""Credentials aimed at the role first: an option's *focus* is the share of what it teaches that
the target role uses, and a credential aimed at other work counts only for what no credential
aimed at the role teaches as well.

A careers adviser does not send a future shop manager to a cleaning techniques badge for its
side lessons on ordering supplies when a purchasing course teaches them, even though the cleaning
badge is shorter: most of its hours go to work the learner is not heading for, and what it
teaches is taught for that other work. Coverage alone (gain per hour) prefers the short badge.

focus(option) = sum over its skills s of taught(s) x on_role(s) / sum of taught(s), where
taught(s) is the credit the option gives s (the catalog's weight times link confidence) and
on_role(s) is 1 for a skill of the role (essential or not, held or not), else the best partial
credit between s and a skill of the role (`SkillNeighbours`, the same partial credit the gap
and the plan use), else 0.

`prefer_focused`: an option with focus under `min_focus` keeps its credit for an open skill
only where no option of higher focus gives that skill as much credit itself, among options
that fit the limits alone (with their prerequisites), earn their hours at the planner's floor,
and are no programme (a programme teaches its parts' skills and must not take them from its own
parts). So an off-focus course is still planned for a skill only it teaches (or teaches better,
or within the budget), never displaces one aimed at the role, and of two off-focus courses
teaching a skill as well, the one closer to the role is kept. Options the caller gave no focus
for count as aimed at the role; `plan` computes one for prerequisites found by lookup.

`drop_off_role`: an option with focus under `off_role_focus` (far below `min_focus`) is no step
for a skill it teaches only in part. A database course that touches "supervise data entry" is
no step for a call centre supervisor even when nothing else teaches that skill: an adviser
leaves the skill open rather than hand out a SPARQL course. Such an option keeps the skills it
teaches in full ("Copyright Legislation and Employment Law" for *employment law*).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from service.matching.problem import GAIN_EPS, Problem, bundle_of
from service.matching.types import Gap, Option, SkillNeighbours

FULL_CREDIT = 1.0  # an option teaches a skill in full (`drop_off_role`)


def option_focus(
    gap: Gap, options: Sequence[Option], neighbours: SkillNeighbours | None = None
) -> dict[str, float]:
    """External id -> the option's focus on the role of `gap` (module docstring)."""
    role = {it.skill_id for it in gap.items}
    near: dict[int, float] = {}
    for g, row in (neighbours or {}).items():
        if g in role:
            for s, credit in row.items():
                if credit > near.get(s, 0.0):
                    near[s] = credit
    out: dict[str, float] = {}
    for o in options:
        total = sum(max(0.0, w) for w in o.skills.values())
        on = sum(
            max(0.0, w) * (1.0 if s in role else min(1.0, near.get(s, 0.0)))
            for s, w in o.skills.items()
        )
        out[o.external_id] = on / total if total > 0 else 0.0
    return out


def prefer_focused(
    pb: Problem, focus: Mapping[str, float], min_focus: float, lam: float = 0.0
) -> Problem:
    """pb where units of focus under min_focus keep credit only where no unit of higher focus
    that fits the limits alone gives as much (module docstring); pb itself when none lose any.
    Units that lose all their credit get a reason in `skipped`."""
    if min_focus <= 0 or not pb.units:
        return pb
    f = np.array([focus.get(u.external_id, 1.0) for u in pb.units])
    off = f < min_focus
    if not off.any():
        return pb
    best = _best_of_more_focused(pb.credits, f, sources(pb, lam))
    lose = off[:, None] & (pb.credits > GAIN_EPS) & (best >= pb.credits - GAIN_EPS)
    return without(pb, lose, f, _why)


def drop_off_role(pb: Problem, focus: Mapping[str, float], off_role_focus: float) -> Problem:
    """pb where units of focus under off_role_focus give no partial credit (module docstring);
    pb itself when none lose any. Units that lose all their credit get a reason in `skipped`."""
    if off_role_focus <= 0 or not pb.units:
        return pb
    f = np.array([focus.get(u.external_id, 1.0) for u in pb.units])
    full = np.clip(FULL_CREDIT - pb.base, 0.0, 1.0)[None, :]  # the residual, as credits are
    partial = (pb.credits > GAIN_EPS) & (pb.credits < full - GAIN_EPS)
    lose = (f < off_role_focus)[:, None] & partial
    return without(pb, lose, f, _why_off_role)


def without(pb: Problem, lose: np.ndarray, f: np.ndarray, why) -> Problem:
    """pb without the credits marked in `lose` (units x skills); a unit left with none gets
    `why(its focus)` in `skipped`. pb itself when nothing is lost."""
    if not lose.any():
        return pb
    credits = np.where(lose, 0.0, pb.credits)
    via = np.where(lose, -1, pb.via)
    skipped = dict(pb.skipped)
    for i in np.flatnonzero(lose.any(axis=1) & ~(credits > GAIN_EPS).any(axis=1)):
        skipped.setdefault(pb.units[i].external_id, why(float(f[i])))
    return replace(
        pb, credits=credits, via=via, bundle=bundle_of(credits, pb.closure), skipped=skipped
    )


def sources(pb: Problem, lam: float) -> np.ndarray:
    """Units that may take credit from a less focused one: valid, within the limits alone (with
    their prerequisites), earning their charged hours at the floor `lam` (else the planner would
    drop them and the skill be lost), and no programme (it teaches its parts' skills: it must
    not strip them from its own parts)."""
    return (
        pb.fits_alone()
        & (pb.bundle_gain0 >= lam * pb.bundle_charged0() - GAIN_EPS)
        & np.array([not u.has_part for u in pb.units], dtype=bool)
    )


def _best_of_more_focused(credits: np.ndarray, f: np.ndarray, fits: np.ndarray) -> np.ndarray:
    """Per unit i and skill: the best credit a fitting unit of focus above f[i] gives itself
    (its own credit, not its prerequisites': a prefix maximum over the fitting units, most
    focused first)."""
    rows = np.flatnonzero(fits)
    rows = rows[np.argsort(-f[rows], kind="stable")]
    prefix = np.zeros((len(rows) + 1, credits.shape[1]))
    if len(rows):
        prefix[1:] = np.maximum.accumulate(credits[rows], axis=0)
    above = np.searchsorted(-f[rows], -f, side="left")  # fitting units of focus > f[i]
    return prefix[above]


def _why_off_role(focus: float) -> str:
    return (
        f"aimed at other work ({focus:.0%} of what it teaches is used in this role), "
        "and it teaches this role's skills only in part"
    )


def _why(focus: float) -> str:
    return (
        f"aimed at other work ({focus:.0%} of what it teaches is used in this role): "
        "credentials closer to the role teach what it would add as well"
    )
