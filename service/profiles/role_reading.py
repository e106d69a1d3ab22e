"""The learner's own words read again for the target role (indexing.role_reading): a phrase of
the CV that extraction read as one skill may say a skill the role needs just as plainly
("training new staff": "train crew members" for extraction, "train employees" for a cafe
manager). Each such skill is added to the learner as text evidence with its span, source
"text:role", at the text's trust times the reading's confidence; a skill the learner already
has evidence of is left as it is.

A stored CV (an employer's candidate) is read once for every such skill (`readings_to_store`):
the role is not known when it is stored, so ranking counts a stored reading only for a skill
the opening asks for (service/employer/rankings.py), as the learner path does."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from indexing.role_reading import plain_readings
from indexing.types import Check, unchecked
from models.tables import ROLE_READING_SOURCE
from service.profiles.evidence import Evidence
from service.profiles.learner import Learner, profile_of
from service.repo.identity import score_confidence

if TYPE_CHECKING:
    from service.runtime import Runtime

SOURCE = ROLE_READING_SOURCE


def read_for_role(
    runtime: Runtime,
    learner: Learner,
    text: str,
    required: Sequence[int],
    *,
    trust: float,
    check: Check = unchecked,
) -> Learner:
    """`learner` with the role's skills that `text` says plainly added as evidence (module
    docstring); the same learner when the text is empty or nothing is added."""
    wanted = set(required)
    if not wanted.difference(learner.evidence):
        return learner
    found = readings_to_store(runtime, text, learner.evidence, trust=trust, check=check)
    found = [ev for ev in found if ev.skill_id in wanted]
    if not found:
        return learner
    evidence = {sid: list(evs) for sid, evs in learner.evidence.items()}
    for ev in found:
        evidence[ev.skill_id] = [ev]
    profile = profile_of(evidence, learner.profile.held_credentials)
    return replace(learner, profile=profile, evidence=evidence)


def readings_to_store(
    runtime: Runtime, text: str, held: Collection[int], *, trust: float, check: Check = unchecked
) -> list[Evidence]:
    """Evidence (source `SOURCE`) of each skill a role could read in `text` that `held` (the
    skills already evidenced) lacks: the readings `read_for_role` would add for any role."""
    s = runtime.settings
    if not text or not text.strip() or s.role_reading_max_rank < 0:
        return []
    readings = plain_readings(
        runtime.linker,
        text,
        min_score=s.role_reading_min_score,
        max_rank=s.role_reading_max_rank,
        margin=s.role_reading_margin,
        exclude=held,
        check=check,
    )
    out = []
    for r in readings:
        ev = r.evidence
        conf = trust * score_confidence(r.score)
        out.append(Evidence(r.skill_id, conf, SOURCE, ev.text, ev.start, ev.end, kind="text"))
    return out
