"""Generic skills: the attitudes ESCO files under its transversal skills and competences only,
as maintaining a positive attitude (T3.3: "handle stressful situations", "react to events in
time-critical environments", "exercise patience") or collaborating in teams (T4.3: "show
intercultural awareness"). A careers adviser does not send a learner on a course for one of
these to get a trade or an office role; the planner weighs them less in what a step is worth
(PlannerConfig.generic_weight).

ESCO files much specific work under its transversal groups too ("monitor manufacturing quality
standards" under working efficiently, "manage staff" under leading others, "prepare lesson
content" under thinking), so a skill is generic only when all its groups are transversal (no
skills or knowledge pillar group above it), it sits under one of the two groups above and none
of the core ones (languages, numbers and digital T1, leading others T4.4, physical and manual
work T5), and ESCO calls it transversal or cross-sector (not sector- or occupation-specific).
On the real taxonomy: 15 skills, 6 of them essential to some occupation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from sqlmodel import Session

from service.repo.taxonomy import group_codes, hierarchy_links, skill_reuse

if TYPE_CHECKING:
    from service.runtime import Runtime

SOFT_GROUPS = ("T3.3", "T4.3")
CORE_GROUPS = ("T1", "T4.4", "T5")
GENERIC_REUSE = frozenset({"transversal", "cross-sector"})


def _under(code: str, groups: Iterable[str]) -> bool:
    return any(code == g or code.startswith(g + ".") for g in groups)


def is_generic(codes: Iterable[str], reuse_level: str) -> bool:
    """Whether a skill of this reuse level, under groups of these codes (all its ancestors'),
    is generic: under a soft transversal group and no core one, and not sector-specific."""
    codes = list(codes)
    if reuse_level not in GENERIC_REUSE:
        return False
    if any(c.startswith(("S", "K")) for c in codes):
        return False  # also filed under the skills or knowledge pillar: work of some trade
    return any(_under(c, SOFT_GROUPS) for c in codes) and not any(
        _under(c, CORE_GROUPS) for c in codes
    )


def ancestor_codes(
    uri: str, broader: Mapping[str, list[str]], codes: Mapping[str, str]
) -> set[str]:
    """The codes of every skill group above uri in the hierarchy (through skills too)."""
    seen, todo, out = {uri}, [uri], set()
    while todo:
        for up in broader.get(todo.pop(), ()):
            if up in seen:
                continue
            seen.add(up)
            todo.append(up)
            if code := codes.get(up):
                out.add(code)
    return out


def generic_skills(runtime: Runtime, session: Session) -> frozenset[int]:
    """The ids of the generic skills (above), read once per runtime."""
    cached = runtime.extras.get("generic_skills")
    if cached is None:
        broader: dict[str, list[str]] = defaultdict(list)
        for uri, up in hierarchy_links(session):
            broader[uri].append(up)
        codes = group_codes(session)
        cached = frozenset(
            sid
            for sid, uri, reuse in skill_reuse(session)
            if reuse in GENERIC_REUSE and is_generic(ancestor_codes(uri, broader, codes), reuse)
        )
        runtime.extras["generic_skills"] = cached
    return cached
