"""What an opening's trade asks for besides its own words: the essential skills of the ESCO
occupation a posting was resolved to (its `occupation_id`, service/ingest/occupations.py), as
weak requirements beside the skills read from the posting.

Many real openings say little ("Sous Chef wanted for a busy gastro pub. Full time, 45 hours,
immediate start"): read alone, such an opening asks for nothing and ranks no one, and one that
reads a few incidental skills ranks a restaurant manager or a home cook beside a chef de partie.
The occupation's essentials are a prior that gives way to the posting's own words: with L =
`Settings.opening_occupation_weight` and m the weight of the skills the posting reads (in
essential skills; a skill read from text weighs its link's confidence), they weigh L / (1 + L m)
together, spread evenly over them: all of L where the posting reads nothing, and less than the
posting's own skills together once those weigh one essential skill or more (L / (1 + L m) < m
for m >= 1: 2/3 at m = 1, 2/11 at m = 5 with L = 2). It is not a tie-breaker: a posting's
reading of a sparse ad is often wrong ("Care Assistants wanted" read *babysitting*), and the
trade rightly outweighs one weak misreading. A skill the posting reads keeps its own weight; the
prior's skills are never essential (the "essential" counts and an employer's plan stay the
posting's), but they count in the opening's `n_skills` and in a candidate's `coverage` (one who
holds everything the ad reads and nothing of its trade covers m / (m + the prior)). Only an
opening read from its words gets the prior: one that states its skills (with a relation, or as
explicit skills) asks for what it states, and a candidate who holds all of it covers it in
full."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from models.tables import PostingSkill
from service.config import Settings
from service.matching import RequiredSkill


def posting_requirement(link: PostingSkill, label: str, settings: Settings) -> RequiredSkill:
    """How much a posting's skill weighs, and whether it is essential."""
    if link.relation == "essential":
        weight, essential = settings.weight_essential, True
    elif link.relation == "optional":
        weight, essential = settings.weight_optional, False
    else:  # stated without a relation, or extracted: as sure as the link
        weight = settings.weight_essential * (link.confidence if link.confidence else 0.8)
        essential = link.source == "explicit"
    return RequiredSkill(link.skill_id, label, round(weight, 4), essential)


def stated(link: PostingSkill) -> bool:
    """Whether the posting states this skill (a relation, or an explicit skill), not read it."""
    return bool(link.relation) or link.source == "explicit"


def with_occupation_prior(
    own: Sequence[RequiredSkill],
    essentials: Iterable[tuple[int, str]],
    settings: Settings,
) -> list[RequiredSkill]:
    """`own` with the occupation's `essentials` (skill id, label) it does not name, weighing
    together `prior_weight` x `weight_essential`, evenly."""
    named = {r.skill_id for r in own}
    extra = {sid: label for sid, label in essentials if sid not in named}
    unit = settings.weight_essential
    mass = sum(r.weight for r in own) / unit if unit > 0 else 0.0
    total = prior_weight(settings.opening_occupation_weight, mass) * unit
    if not extra or total <= 0:
        return list(own)
    w = round(total / len(extra), 6)
    return [*own, *(RequiredSkill(sid, label, w, False) for sid, label in extra.items())]


def prior_weight(strength: float, named: float) -> float:
    """What the occupation's essentials weigh together, in essential skills, beside a posting
    whose own skills weigh `named`: strength / (1 + strength x named)."""
    if strength <= 0:
        return 0.0
    return strength / (1.0 + strength * max(named, 0.0))


def prior_occupations(
    links: Mapping[int, Sequence[tuple[PostingSkill, str]]],
    occupation_of: Mapping[int, int | None],
) -> set[int]:
    """The occupations whose essentials the openings of `occupation_of` ask for: those of the
    openings that state no skill of their own."""
    return {
        occ
        for pid, occ in occupation_of.items()
        if occ is not None and not any(stated(link) for link, _label in links.get(pid, ()))
    }


def opening_requirements(
    links: Mapping[int, Sequence[tuple[PostingSkill, str]]],
    occupation_of: Mapping[int, int | None],
    essentials: Mapping[int, Sequence[tuple[int, str]]],
    settings: Settings,
) -> dict[int, dict[int, RequiredSkill]]:
    """Each opening's requirements, skill id -> requirement (the heavier where a skill comes
    twice), for the openings of `occupation_of` (posting id -> its occupation id or None), from
    their skill `links` (with labels) and, for one that states none, its occupation's
    `essentials`."""
    out: dict[int, dict[int, RequiredSkill]] = {}
    for pid, occ in occupation_of.items():
        wanted = prior_occupations({pid: links.get(pid, ())}, {pid: occ})
        merged: dict[int, RequiredSkill] = {}
        for link, label in links.get(pid, ()):
            r = posting_requirement(link, label, settings)
            if r.skill_id not in merged or r.weight > merged[r.skill_id].weight:
                merged[r.skill_id] = r
        prior = essentials.get(occ, ()) if occ in wanted else ()
        reqs = with_occupation_prior(list(merged.values()), prior, settings)
        out[pid] = {r.skill_id: r for r in reqs}
    return out
