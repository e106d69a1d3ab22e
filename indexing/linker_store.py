"""Saving and loading a SkillLinker's vectors: two flat vector index files with manifests and
linker.json (counts and a fingerprint of the embedded texts); loading refuses files made by
another model, dim, or taxonomy."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from indexing.ann.contract import VectorIndex
from indexing.ann.factory import load_index, new_index
from indexing.ann.manifest import IndexMismatchError

if TYPE_CHECKING:
    from indexing.linker import SkillLinker

LABELS_FILE = "labels.faiss"
DESCRIPTIONS_FILE = "descriptions.faiss"
META_FILE = "linker.json"


def save_vectors(linker: SkillLinker, directory: str | os.PathLike) -> None:
    """Write the linker's label and description vectors and linker.json to `directory`."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    model_id, dim = linker.encoder.model_id, linker.encoder.dim
    label_vecs, desc_vecs = linker.vectors()
    for name, vecs in ((LABELS_FILE, label_vecs), (DESCRIPTIONS_FILE, desc_vecs)):
        index = new_index(dim, model_id=model_id, index_type="flat")
        index.add(np.arange(len(vecs), dtype=np.int64), vecs)
        index.save(d / name)
    meta = {
        "model_id": model_id,
        "dim": dim,
        "n_skills": len(linker.skills),
        "n_labels": linker.n_labels,
        "fingerprint": linker.fingerprint(),
        "use_hidden_labels": linker.config.use_hidden_labels,
    }
    tmp = d / (META_FILE + ".tmp")
    tmp.write_text(json.dumps(meta, indent=2, sort_keys=True))
    os.replace(tmp, d / META_FILE)


def load_vectors(
    linker: SkillLinker, directory: str | os.PathLike
) -> tuple[np.ndarray, np.ndarray]:
    """The (label, description) vectors saved in `directory` for this linker's taxonomy, model
    and config; IndexMismatchError when they do not fit, FileNotFoundError when absent."""
    encoder = linker.encoder
    d = Path(directory)
    meta_path = d / META_FILE
    if not meta_path.exists():
        raise FileNotFoundError(f"no linker vectors in {d}")
    meta = json.loads(meta_path.read_text())
    expected = {
        "model_id": encoder.model_id,
        "dim": encoder.dim,
        "n_skills": len(linker.skills),
        "n_labels": linker.n_labels,
    }
    problems = [
        f"{k} {meta.get(k)!r} != expected {v!r}" for k, v in expected.items() if meta.get(k) != v
    ]
    if not problems and meta.get("fingerprint") != linker.fingerprint():
        problems.append("label/description texts differ from the taxonomy given")
    if problems:
        raise IndexMismatchError(f"refusing linker vectors in {d}: " + "; ".join(problems))
    vecs = []
    for name, count in ((LABELS_FILE, linker.n_labels), (DESCRIPTIONS_FILE, len(linker.skills))):
        index = load_index(d / name, model_id=encoder.model_id, dim=encoder.dim, count=count)
        vecs.append(_all_vectors(index, count))
    return vecs[0], vecs[1]


def _all_vectors(index: VectorIndex, count: int) -> np.ndarray:
    """All vectors of a flat index saved with ids 0..count-1, as a (count, dim) matrix."""
    ids, vecs = index.vectors()
    if len(ids) != count or set(ids.tolist()) != set(range(count)):
        raise IndexMismatchError(f"index holds ids that are not 0..{count - 1}")
    out = np.empty((count, index.dim), dtype=np.float32)
    out[np.asarray(ids)] = vecs
    return out
