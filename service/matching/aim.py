"""Credentials written for the learner's kind of work first: of two credentials that teach a gap
skill as well in about the same hours, one stated for other work gives way.

A careers adviser does not hand a future salon manager "Staff Management for Advertising and
Marketing Professionals" when a staff management course for anyone teaches the same for about
the same hours: the course's cases, examples and peers are another trade's. Coverage alone
cannot tell them apart (both teach *manage staff* in full), nor can focus (service.matching.focus:
most of what the advertising course teaches a salon manager also uses).

A credential's audience is what its record states (Option.audience: ISCO-08 groups, read by
service.catalog.audience from the occupations it names or its description). Against the role's
ISCO unit group (Gap.role_isco) it is:
- aimed here (True): an audience group shares the role's ISCO sub-major group (the first two
  digits: a restaurant manager 1412 and "retail and wholesale trade managers" 1420 are both
  hospitality, retail and other services managers);
- aimed at other work (False): it states audiences and none is here ("advertising and marketing
  professionals" 2431 for a beauty salon manager 1431);
- open (None): it states none, or the role's group is unknown. Nothing changes for it.

`prefer_aimed`: a credential aimed at other work keeps its credit for an open skill only where
no credential not aimed elsewhere (aimed here, or open to anyone) gives that skill as much
credit itself within `hours_ratio` times its hours (with prerequisites, both), among those that
fit the limits alone, earn their hours at the planner's floor and are no programme (as for
focus). So it is still planned for what only it teaches, or teaches in far fewer hours; one
that loses all its credit says so in `skipped`. An audience of a line of work ISCO has no
label for ("laboratory and research staff") reads as its sector's groups
(service.catalog.sector_audience); one for anyone ("employees in any sector") reads as none:
such a credential is open, and may take the place of one aimed at other work.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from service.matching.focus import sources, without
from service.matching.problem import GAIN_EPS, Problem
from service.matching.types import Option

SUB_MAJOR = 2  # digits of an ISCO code that name its sub-major group


def related(audience: str, role_isco: str) -> bool:
    """Whether an audience ISCO group is the role's work or related work (same sub-major
    group); a major group alone (one digit) is too broad to say."""
    n = min(SUB_MAJOR, len(audience))
    return n >= SUB_MAJOR and audience[:n] == role_isco[:n]


def option_aim(options: Sequence[Option], role_isco: str) -> dict[str, bool | None]:
    """External id -> True (aimed at the role or related work), False (at other work), None
    (it states no audience, or the role's group is unknown)."""
    out: dict[str, bool | None] = {}
    for o in options:
        said = [a for a in o.audience if len(a) >= SUB_MAJOR]
        if not said or len(role_isco) < SUB_MAJOR:
            out[o.external_id] = None
        else:
            out[o.external_id] = any(related(a, role_isco) for a in said)
    return out


def prefer_aimed(
    pb: Problem, aim: Mapping[str, bool | None], hours_ratio: float, lam: float = 0.0
) -> Problem:
    """pb where units aimed at other work keep credit only where no unit not aimed elsewhere
    gives as much within hours_ratio x their hours (module docstring); pb itself when none
    loses any."""
    if hours_ratio <= 0 or not pb.units:
        return pb
    state = [aim.get(u.external_id) for u in pb.units]
    off = np.array([a is False for a in state], dtype=bool)
    ok = sources(pb, lam) & np.array([a is not False for a in state], dtype=bool)
    if not off.any() or not ok.any():
        return pb
    rows = np.flatnonzero(ok)
    lose = np.zeros_like(pb.credits, dtype=bool)
    for i in np.flatnonzero(off):
        near = rows[pb.bundle_hours0[rows] <= hours_ratio * pb.bundle_hours0[i] + GAIN_EPS]
        if len(near):
            best = pb.credits[near].max(axis=0)
            lose[i] = (pb.credits[i] > GAIN_EPS) & (best >= pb.credits[i] - GAIN_EPS)
    return without(pb, lose, np.zeros(len(pb.units)), _why)


def _why(_focus: float) -> str:
    return (
        "written for other work (its stated audience): a credential for this kind of work or "
        "for anyone teaches what it would add as well in about the same hours"
    )
