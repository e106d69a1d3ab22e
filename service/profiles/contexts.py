"""The JSON-LD context store of a running service: what operators imported into the database
(`skillmatch contexts import DIR`, or the folder of `SKILLMATCH_JSONLD_CONTEXTS` at `init`),
read by the verification of `eddsa-rdfc-2022` / `ecdsa-rdfc-2019` proofs. Never fetched.

Why the database and not the folder: the database is the source of truth every worker and
every instance shares; a folder would have to be copied to each host and kept in step. The
folder is only what an operator imports from. Each process keeps the store in memory and
re-reads it when the table has changed (checked at most every `check_s` seconds), so an import
is seen by running workers without a restart.

An import folder holds an `index.json` mapping each context URL to a file name in the folder
(`{"https://www.w3.org/ns/credentials/v2": "credentials-v2.json"}`: URLs end in bare versions
that would collide as names). Every file must be a JSON object with an `@context` member; the
whole import is refused, nothing stored, if any entry is bad.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.engine import Engine
from sqlmodel import Session

from service.errors import InvalidInput
from service.repo import contexts as repo
from service.verify.canonical import INDEX_FILE, ContextStore

MAX_CONTEXT_BYTES = 1_000_000
MAX_CONTEXTS = 500


def read_folder(folder: Path) -> dict[str, dict]:
    """{url: document} of an import folder, every entry checked (InvalidInput naming it)."""
    index_path = folder / INDEX_FILE
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"{index_path}: {exc}", field=INDEX_FILE) from exc
    if not isinstance(index, dict) or not index:
        raise InvalidInput(f"{index_path} must map context URLs to file names", field=INDEX_FILE)
    if len(index) > MAX_CONTEXTS:
        raise InvalidInput(f"{len(index)} contexts; at most {MAX_CONTEXTS}", field=INDEX_FILE)
    root = folder.resolve()
    return {url: _read_one(root, url, name) for url, name in index.items()}


def _read_one(root: Path, url: Any, name: Any) -> dict:
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidInput(f"{url!r} is not an http(s) URL", field=f"{INDEX_FILE}.{url}")
    if len(url) > 2000 or any(ord(c) < 33 for c in url):
        raise InvalidInput(f"{url!r}: not a plain URL", field=f"{INDEX_FILE}.{url}")
    path = (root / name).resolve() if isinstance(name, str) and name else None
    if path is None or not path.is_relative_to(root) or not path.is_file():
        raise InvalidInput(f"{name!r}: no such file in the folder", field=f"{INDEX_FILE}.{url}")
    if path.stat().st_size > MAX_CONTEXT_BYTES:
        raise InvalidInput(f"{name}: over {MAX_CONTEXT_BYTES} bytes", field=f"{INDEX_FILE}.{url}")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise InvalidInput(f"{name}: not JSON ({exc})", field=f"{INDEX_FILE}.{url}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("@context"), dict | list):
        raise InvalidInput(
            f"{name}: not a JSON-LD context (no @context object)", field=f"{INDEX_FILE}.{url}"
        )
    return document


def import_folder(engine: Engine, folder: Path) -> dict[str, list[str]]:
    """Store every context of an import folder (in one transaction); the URLs by outcome."""
    documents = read_folder(Path(folder))
    out: dict[str, list[str]] = {"created": [], "updated": [], "unchanged": []}
    with Session(engine) as session:
        for url, document in documents.items():
            out[repo.put_context(session, url=url, document=document)].append(url)
        session.commit()
    return out


class ContextCache:
    """The imported contexts as a ContextStore, re-read when the table changes."""

    def __init__(self, engine: Engine, *, check_s: float = 5.0) -> None:
        self.engine = engine
        self.check_s = check_s
        self._lock = threading.Lock()
        self._checked = float("-inf")
        self._stamp: tuple[int, str] | None = None
        self._store = ContextStore()

    def store(self) -> ContextStore:
        with self._lock:
            now = time.monotonic()
            if now - self._checked < self.check_s:
                return self._store
            self._checked = now
            with Session(self.engine) as session:
                stamp = repo.contexts_stamp(session)
                if stamp != self._stamp:
                    self._store = ContextStore(repo.all_contexts(session))
                    self._stamp = stamp
            return self._store
