"""Which reading rules a stored record's skills and occupation came from: a digest of the code
that reads them (the linker and its rules in indexing/, the ingest pipeline, the title resolver
a posting's occupation comes from, and the settings' defaults). A threshold changed through the
environment (`SKILLMATCH_*`) is not in it: `skillmatch init --reread` reads the default data
again then.

A record's content hash holds it beside the model id (`Ingestor.ingest`), and so does the
fingerprint of the default data (`service.defaults`): after an upgrade that reads records
differently, the next `make run` reads the default catalog and postings again, and a record sent
again is read again (answered "updated") instead of keeping what an older version read. A change
to any file of that code counts, even one that reads nothing differently: a re-read costs a
minute on the default data (the vectors of unchanged texts are reused), a stale reading costs
wrong answers until someone notices.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# the settings' defaults (thresholds of extraction and of the title resolver) are read there
READING_CODE = ("indexing", "service/ingest", "service/titles", "service/config.py")


def code_digest(root: Path, folders: tuple[str, ...]) -> str:
    """A digest of the Python files under `folders` of `root` (a folder, or one file): their
    paths and their bytes."""
    h = hashlib.sha256()
    for folder in folders:
        where = root / folder
        paths = [where] if where.is_file() else sorted(where.rglob("*.py"))
        for path in paths:
            h.update(path.relative_to(root).as_posix().encode())
            h.update(b"\0")
            h.update(path.read_bytes())
            h.update(b"\0")
    return h.hexdigest()[:16]


@functools.cache
def reading_version() -> str:
    """This code's reading version (computed once per process)."""
    return code_digest(ROOT, READING_CODE)


def reader_id(model_id: str) -> str:
    """What a record was read with: the model and the reading version."""
    return f"{model_id}\nreading:{reading_version()}"
