"""The jobs a learner names by ESCO occupation URI (learner.jobs): each counts as a job read
from their words does (experience.py): the occupation's essential skills become text evidence
at the text's trust x experience.CONFIDENCE, quoting the occupation's label. An occupation named
twice counts once; one also read from learner.text counts once, as named here. An unknown
occupation URI is a 404 naming learner.jobs[i] (what is no ESCO occupation URI at all, a
skill's URI included, the schema refuses: models.matching.OccupationUri)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlmodel import Session

from service.errors import NotFound
from service.profiles.experience import JobRead, job_of_occupation
from service.repo import taxonomy as tax

if TYPE_CHECKING:
    from service.runtime import Runtime


def named_jobs(runtime: Runtime, session: Session, uris: Sequence[str]) -> list[JobRead]:
    """The occupations of `uris`, each once, in order; 404 naming learner.jobs[i] for a URI no
    occupation has (like an unknown URI of learner.skills: the schema refuses what is no ESCO
    occupation URI, a skill's included, with a 422)."""
    out: list[JobRead] = []
    for i, uri in enumerate(uris):
        try:
            occupation_id = tax.occupation_id_of_uri(session, uri=uri)
        except NotFound:
            message = f"no ESCO occupation has the URI {uri!r}"
            raise NotFound(message, field=f"learner.jobs[{i}]") from None
        if all(job.occupation_id != occupation_id for job in out):
            out.append(job_of_occupation(session, runtime, occupation_id))
    return out
