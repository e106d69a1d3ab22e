"""Load the default demo catalog and the SkillSpan postings shipped in data/ (issue 3)."""

from __future__ import annotations


def load_default_data(runtime) -> None:  # filled in by the catalog/postings ingest
    return None
