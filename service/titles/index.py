"""Build or load what the title resolver needs: the occupations' label index (already built by the
runtime) and one vector per occupation description, saved beside the other indexes."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import numpy as np
from sqlalchemy.engine import Engine
from sqlmodel import Session

from indexing.ann.factory import load_index, new_index
from indexing.ann.manifest import IndexMismatchError
from indexing.encoder import Encoder
from indexing.label_index import LabelIndex
from service.config import Settings
from service.repo.taxonomy import occupation_title_rows
from service.titles.curated import CURATED_TITLES
from service.titles.heads import family_head_labels, family_heads
from service.titles.memory import MEMORY_FILE, load_memory
from service.titles.misleading import MISLEADING_TITLE_LABELS
from service.titles.resolver import OccupationInfo, TitleResolver
from service.titles.several import GENERIC_TITLES, SHARED_TITLES

log = logging.getLogger("skillmatch")


def description_text(preferred: str, description: str) -> str:
    return f"{preferred}: {description}".strip(": ")


def texts_key(texts) -> str:
    """A short hash of exact texts: a saved vector file is named by it, so changed texts are
    never served stale vectors."""
    h = hashlib.sha256()
    for t in texts:
        h.update(t.encode("utf-8") + b"\0")
    return h.hexdigest()[:16]


def occupation_descriptions(
    rows, encoder: Encoder, index_dir: Path, *, batch_size: int = 64
) -> np.ndarray:
    """One vector per row (id, preferred, description), loaded from the file of these exact
    texts when its manifest fits (model, dimension, count, ids), else encoded and saved."""
    ids = np.asarray([r[0] for r in rows], np.int64)
    texts = [description_text(r[1], r[2]) for r in rows]
    path = Path(index_dir) / f"occupation_descriptions-{texts_key(texts)}.faiss"
    try:
        index = load_index(path, model_id=encoder.model_id, dim=encoder.dim, count=len(rows))
        got_ids, vecs = index.vectors()
        if np.array_equal(got_ids, ids):
            return vecs
        reason = "occupation ids differ"
    except FileNotFoundError:
        reason = "no saved vectors"
    except IndexMismatchError as exc:
        reason = str(exc)
    log.info("encoding occupation descriptions (%s)", reason)
    vecs = encoder.encode_documents(texts, batch_size=batch_size)
    index = new_index(encoder.dim, model_id=encoder.model_id)
    index.add(ids, np.asarray(vecs, np.float32))
    index.save(path)
    return np.asarray(vecs, np.float32)


def build_title_resolver(
    engine: Engine,
    labels: LabelIndex,
    index_dir: Path,
    settings: Settings,
    *,
    encoder: Encoder | None = None,
) -> TitleResolver:
    """The resolver over `labels`, with description vectors and the memory of known titles
    (`<data_dir>/onet/title_memory.tsv.gz`, when present), each loaded or built once;
    `encoder` embeds what is built (default: the labels' own; shipped vectors at a build)."""
    data_dir, batch_size = Path(settings.data_dir), settings.encode_batch_size
    with Session(engine) as s:
        rows = occupation_title_rows(s)
    info = [OccupationInfo(r[0], r[3] or "", (r[1], *(r[4] or ()))) for r in rows]
    enc = encoder or labels.encoder
    desc = occupation_descriptions(
        [(r[0], r[1], r[2] or "") for r in rows], enc, index_dir, batch_size=batch_size
    )
    tsv = Path(data_dir) / MEMORY_FILE
    id_of = {r[5]: r[0] for r in rows}
    memory = None
    if tsv.exists():
        key = hashlib.sha256(tsv.read_bytes()).hexdigest()[:16]
        memory = load_memory(
            tsv, id_of, enc, Path(index_dir) / f"title_memory-{key}.faiss", batch_size=batch_size
        )
    curated, generic, shared = (
        {title: [id_of[u] for u in uris if u in id_of] for title, uris in table.items()}
        for table in (CURATED_TITLES, GENERIC_TITLES, SHARED_TITLES)
    )
    excluded = frozenset(
        (r[0], label.lower())
        for r in rows
        for label in (r[1], *(r[4] or ()))
        if (r[5], label.lower()) in MISLEADING_TITLE_LABELS
    )
    # a family's head word alone is no one member's label (`heads.family_head_labels`)
    heads = family_heads(r[1] for r in rows)
    excluded |= family_head_labels(((r[0], (r[1], *(r[4] or ()))) for r in rows), heads)
    return TitleResolver(
        labels,
        info,
        desc,
        memory=memory,
        excluded=excluded,
        curated=curated,
        generic=generic,
        shared=shared,
    )
