"""What the tests of jobs read from a learner's words share."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from sqlmodel import Session

from service.profiles.experience import experience_evidence


def jobs_read(runtime, text: str) -> list[str]:
    """The occupations (preferred labels) read from `text` as the learner's jobs, in order."""
    with Session(runtime.engine) as s:
        read = experience_evidence(runtime, s, text, defaultdict(list), trust=0.6)
    return [job.title for job in read]


def round_lines(round_name: str, split: str = "dev") -> list[dict]:
    """The lines of tests/fixtures/cv_lines.json of one round and split."""
    path = Path(__file__).resolve().parents[1] / "fixtures" / "cv_lines.json"
    lines = json.loads(path.read_text())["lines"]
    return [x for x in lines if x.get("round") == round_name and x["split"] == split]
