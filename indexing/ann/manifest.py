"""The manifest beside a saved index, the atomic write of the pair, and the checks a load makes:
a file made by another model, dim or type, holding another count, or torn, is refused."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path


class IndexMismatchError(RuntimeError):
    """A saved index does not fit what the caller expects (model, dim, normalisation, count)."""


@dataclass(frozen=True)
class IndexManifest:
    model_id: str
    dim: int
    normalized: bool
    count: int
    index_type: str
    faiss_version: str
    version: int = 1  # bumps on every save
    change_id: int = 0  # the caller's high-water mark of changes this index holds
    sha256: str = ""  # of the index file: a torn or mismatched pair is never loaded

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True)


def manifest_path(path: str | os.PathLike) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".manifest.json")


def read_manifest(path: str | os.PathLike) -> IndexManifest | None:
    mpath = manifest_path(path)
    if not mpath.exists():
        return None
    return IndexManifest(**json.loads(mpath.read_text()))


def atomic_write(path: Path, data: bytes | Iterable[bytes]) -> str:
    """Write `data` (bytes, or chunks of them) to `path` through a temporary file and
    os.replace (never half a file); returns the sha256 of what was written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in [data] if isinstance(data, bytes | bytearray) else data:
                fh.write(chunk)
                digest.update(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return digest.hexdigest()


def file_sha256(path: Path, block: int = 1 << 24) -> str:
    """The sha256 of a file, read a block at a time (a large file never sits in memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(block):
            digest.update(chunk)
    return digest.hexdigest()


def write_saved(
    path: Path, data: bytes | Iterable[bytes], manifest: IndexManifest
) -> IndexManifest:
    """Write the index file (bytes, or chunks streamed), then its manifest with the file's
    checksum; each atomically."""
    manifest = replace(manifest, sha256=atomic_write(path, data))
    atomic_write(manifest_path(path), manifest.to_json().encode())
    return manifest


def manifest_problems(
    m: IndexManifest,
    *,
    model_id: str,
    dim: int,
    count: int | None,
    index_type: str | None,
    known_types: Iterable[str],
) -> list[str]:
    """How a manifest disagrees with what the caller expects (empty: it fits)."""
    problems = []
    if m.model_id != model_id:
        problems.append(f"model {m.model_id!r} != expected {model_id!r}")
    if m.dim != dim:
        problems.append(f"dim {m.dim} != expected {dim}")
    if not m.normalized:
        problems.append("vectors are not normalised")
    if count is not None and m.count != count:
        problems.append(f"count {m.count} != expected {count}")
    if index_type is not None and m.index_type != index_type:
        problems.append(f"index type {m.index_type!r} != expected {index_type!r}")
    if m.index_type not in tuple(known_types):
        problems.append(f"unknown index type {m.index_type!r}")
    return problems


def read_saved(
    path: Path,
    *,
    model_id: str,
    dim: int,
    count: int | None = None,
    index_type: str | None = None,
    known_types: Iterable[str],
    mapped_types: Iterable[str] = (),
) -> tuple[IndexManifest, bytes | None]:
    """The manifest and the bytes of a saved index, when the manifest fits what is expected and
    the file is the one it describes; IndexMismatchError otherwise, FileNotFoundError if absent.
    For `mapped_types` (backends that memory-map their file) the checksum is read block by
    block and the bytes are None."""
    mpath = manifest_path(path)
    if not path.exists() or not mpath.exists():
        raise FileNotFoundError(f"no index at {path} (or its manifest {mpath.name})")
    m = IndexManifest(**json.loads(mpath.read_text()))
    expected = {"model_id": model_id, "dim": dim, "count": count, "index_type": index_type}
    problems = manifest_problems(m, **expected, known_types=known_types)
    if problems:
        raise IndexMismatchError(f"refusing index {path}: " + "; ".join(problems))
    if m.index_type in tuple(mapped_types):
        if m.sha256 and file_sha256(path) != m.sha256:
            raise IndexMismatchError(f"refusing index {path}: its checksum is not the manifest's")
        return m, None
    data = path.read_bytes()
    if m.sha256 and hashlib.sha256(data).hexdigest() != m.sha256:
        raise IndexMismatchError(f"refusing index {path}: its checksum is not the manifest's")
    return m, data
