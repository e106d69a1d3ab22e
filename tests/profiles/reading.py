"""What the tests of jobs read from a learner's words share."""

from __future__ import annotations

from collections import defaultdict

from sqlmodel import Session

from service.profiles.experience import experience_evidence


def jobs_read(runtime, text: str) -> list[str]:
    """The occupations (preferred labels) read from `text` as the learner's jobs, in order."""
    with Session(runtime.engine) as s:
        read = experience_evidence(runtime, s, text, defaultdict(list), trust=0.6)
    return [job.title for job in read]
