"""`skillmatch vectors`: write the shipped vectors (`<data_dir>/vectors/`) for every text a first
run embeds: the taxonomy's labels and descriptions, the occupations' labels and descriptions,
the known job titles, the default catalog and postings."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
from sqlalchemy import select
from sqlmodel import Session

from indexing.vector_pack import write_pack
from models.tables import Credential, JobPosting, Vector
from service.repo.taxonomy import occupation_title_rows
from service.titles.index import description_text
from service.vectors.record_index import record_text
from service.vectors.shipped import vectors_dir

log = logging.getLogger("skillmatch")


def _record_rows(runtime, kind: str, table) -> tuple[list[str], list[int]]:
    with Session(runtime.engine) as s:
        rows = s.execute(select(table.id, table.title, table.description).order_by(table.id))
        ids, texts = [], []
        for i, title, description in rows.all():
            ids.append(int(i))
            texts.append(record_text(title, description))
    return texts, ids


def shipped_texts(runtime, *, catalog: bool = True) -> dict[str, list[str]]:
    """Every text a first run embeds, by source, in a fixed order."""
    with Session(runtime.engine) as s:
        occ = occupation_title_rows(s)
    out = {
        "skill_labels": runtime.linker.label_texts,
        "skill_descriptions": list(runtime.linker.views.desc_texts),
        "occupation_labels": [
            runtime.occupations.label(i)[1] for i in range(len(runtime.occupations))
        ],
        "occupation_descriptions": [description_text(r[1], r[2] or "") for r in occ],
        "job_titles": list(runtime.titles.memory.titles) if runtime.titles.memory else [],
    }
    if catalog:
        out["credentials"] = _record_rows(runtime, "credential", Credential)[0]
        out["postings"] = _record_rows(runtime, "posting", JobPosting)[0]
    return out


def _stored_vectors(runtime, kind: str, table) -> np.ndarray:
    """The vectors the database holds for the records of `kind`, in id order."""
    _texts, ids = _record_rows(runtime, kind, table)
    with Session(runtime.engine) as s:
        got = dict(
            s.execute(
                select(Vector.ref_id, Vector.vector).where(
                    Vector.kind == kind, Vector.model_id == runtime.encoder.model_id
                )
            ).all()
        )
    dim = runtime.encoder.dim
    return np.stack([np.frombuffer(got[i], np.float32) for i in ids]).reshape(len(ids), dim)


def indexed_vectors(runtime, *, catalog: bool = True) -> dict[str, np.ndarray]:
    """The vectors the runtime holds for `shipped_texts`, source by source, in the same order."""
    labels, descriptions = runtime.linker.vectors()
    ids, occ = runtime.occupations.index.vectors()
    memory = runtime.titles.memory
    out = {
        "skill_labels": labels,
        "skill_descriptions": descriptions,
        "occupation_labels": occ[np.argsort(ids)],
        "occupation_descriptions": runtime.titles.descriptions,
        "job_titles": memory.index.vectors()[1] if memory else np.zeros((0, runtime.encoder.dim)),
    }
    if catalog:
        out["credentials"] = _stored_vectors(runtime, "credential", Credential)
        out["postings"] = _stored_vectors(runtime, "posting", JobPosting)
    return out


RECORDS = ("credentials", "postings")


def write_shipped(
    runtime, out: Path, *, encode_records: bool, catalog: bool = True, part: str | None = None
) -> dict:
    """Write the pack of `shipped_texts` with the vectors the runtime holds; the records' texts
    are encoded now (`encode_records`) or taken as the database stores them. part: write only
    the records' texts (encoded now) as that part of the pack (indexing.vector_pack)."""
    texts = shipped_texts(runtime, catalog=catalog)
    if part is not None:
        texts = {k: texts[k] for k in RECORDS}
        encode_records = True
    vecs = indexed_vectors(runtime, catalog=catalog and not encode_records)
    for source in RECORDS if catalog and encode_records else ():
        log.info("encoding %d %s", len(texts[source]), source)
        vecs[source] = runtime.encoder.encode_documents(
            texts[source], batch_size=runtime.settings.encode_batch_size
        )
    for source, items in texts.items():
        if len(vecs[source]) != len(items):
            raise ValueError(f"{source}: {len(items)} texts but {len(vecs[source])} vectors")
    all_texts = [t for items in texts.values() for t in items]
    all_vecs = np.concatenate([np.asarray(vecs[s], np.float32) for s in texts])
    sources = {s: len(items) for s, items in texts.items()}
    return write_pack(out, runtime.encoder, all_texts, all_vecs, sources=sources, part=part)


def cmd_vectors(args, settings) -> int:
    """Build the runtime without shipped vectors (into a fresh index folder unless
    --reuse-indexes), then write what it holds."""
    import shutil
    import tempfile

    from service.defaults import load_default_data
    from service.runtime import build_runtime

    out = Path(args.out) if args.out else vectors_dir(settings)
    if args.part is not None and args.no_catalog:
        raise SystemExit("--part writes the catalog's and postings' texts: not with --no-catalog")
    settings = settings.model_copy(update={"shipped_vectors": False})  # the model's own only
    reuse = args.reuse_indexes or args.part is not None  # a part encodes only the records
    scratch = None if reuse else Path(tempfile.mkdtemp(prefix="skillmatch-vec-"))
    if scratch is not None:
        settings = settings.model_copy(update={"index_dir": scratch})
    try:
        runtime = build_runtime(settings)
        if not args.no_catalog:
            load_default_data(runtime)
        meta = write_shipped(
            runtime,
            out,
            encode_records=scratch is not None,
            catalog=not args.no_catalog,
            part=args.part,
        )
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps({"out": str(out), **meta}, indent=2))
    return 0


def add_vectors_command(sub) -> None:
    s = sub.add_parser(
        "vectors",
        help="write the shipped vectors (<data_dir>/vectors) of every text a first run embeds",
    )
    s.add_argument("--out", default=None, help="default: <data_dir>/vectors")
    s.add_argument(
        "--reuse-indexes",
        action="store_true",
        help="take the vectors of the saved indexes and stored records instead of encoding "
        "(only when those were built by the model itself, not from shipped vectors)",
    )
    s.add_argument("--no-catalog", action="store_true", help="leave out the catalog and postings")
    s.add_argument(
        "--part",
        default=None,
        help="write only the catalog's and postings' texts, encoded now by the model, as this "
        "part beside the pack (<model>.<part>.npz): a remade demo catalog ships small",
    )
    s.set_defaults(func=cmd_vectors)
