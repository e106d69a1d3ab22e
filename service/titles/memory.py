"""A memory of real job titles whose occupation is known, for resolving the titles people type.

O*NET 29.2 lists 56,560 alternate titles and 7,796 titles workers reported, each under an
O*NET-SOC code; the ESCO-O*NET crosswalk names the ESCO occupations that are an `exactMatch` of a
code. Together they say that "Hotel Maid" or "Data Mining Scientist" is a title of a given ESCO
occupation. The resolver looks a typed title up among them (nearest neighbours) beside the ESCO
labels themselves.

A stable hash splits these titles into a development part (80%) and a test part (20%). Only the
development part is shipped (`data/onet/title_memory.tsv.gz`, written by
`skillmatch data title-memory`), so the test part measures titles the memory has never seen.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from indexing.ann.factory import load_index, new_index
from indexing.ann.manifest import IndexMismatchError
from indexing.encoder import Encoder

log = logging.getLogger("skillmatch")

MEMORY_FILE = Path("onet") / "title_memory.tsv.gz"
NOISY_FILES = ("Alternate Titles.txt", "Sample of Reported Titles.txt")
SPLITS = ("dev", "test")


def title_split(title: str) -> str:
    """`test` for a fifth of the titles, `dev` for the rest, by a hash of the lowered title."""
    digest = hashlib.sha256(title.strip().lower().encode()).digest()
    return "test" if digest[0] % 5 == 0 else "dev"


def exact_matches(crosswalk_json: str | Path) -> dict[str, set[str]]:
    """O*NET-SOC code -> the ESCO occupation URIs the crosswalk calls an exact match."""
    with open(crosswalk_json, encoding="utf-8") as fh:
        data = json.load(fh)
    out: dict[str, set[str]] = {}
    for code, entry in data.items():
        uris = {u for u, kind in entry.get("matches", {}).items() if kind == "exactMatch"}
        if uris:
            out[code] = uris
    return out


def read_noisy(
    onet_dir: str | Path, crosswalk_json: str | Path, split: str | None = None
) -> list[tuple[str, set[str]]]:
    """(title, ESCO URIs) for the O*NET alternate and reported titles, one row per distinct
    title (case-insensitive; a title of several codes takes the union), in a stable order. A
    title whose code has no exact match is dropped. `split` keeps one part."""
    if split is not None and split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    gold_of = exact_matches(crosswalk_json)
    gold: dict[str, set[str]] = {}
    shown: dict[str, str] = {}
    for name in NOISY_FILES:
        with open(Path(onet_dir) / name, encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.reader(fh, delimiter="\t") if r][1:]
        for row in rows:
            code, title = row[0].strip(), row[1].strip()
            if not title or code not in gold_of:
                continue
            key = title.lower()
            shown.setdefault(key, title)
            gold.setdefault(key, set()).update(gold_of[code])
    out = [(shown[k], g) for k, g in sorted(gold.items())]
    return [r for r in out if split is None or title_split(r[0]) == split]


def write_memory(onet_dir: str | Path, crosswalk_json: str | Path, out: str | Path) -> int:
    """Write the development part as `title<TAB>uri uri ...` lines (gzip, no timestamp)."""
    rows = read_noisy(onet_dir, crosswalk_json, "dev")
    text = "".join(f"{t}\t{' '.join(sorted(g))}\n" for t, g in rows)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fh:
        fh.write(gzip.compress(text.encode("utf-8"), mtime=0))
    return len(rows)


def read_memory(path: str | Path) -> list[tuple[str, list[str]]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if line.strip()]
    return [(r[0], r[1].split()) for r in rows if len(r) == 2]


class TitleMemory:
    """Known titles (each with its occupation ids) and their vectors."""

    def __init__(self, titles: Sequence[str], occupations: Sequence[tuple[int, ...]], index):
        self.titles = list(titles)
        self.occupations = list(occupations)
        self.index = index
        self.words = {w for t in self.titles for w in t.lower().split()}

    def __len__(self) -> int:
        return len(self.titles)

    def neighbours(self, vectors: np.ndarray, k: int) -> list[dict[int, list[tuple[float, str]]]]:
        """Per query vector: occupation id -> (similarity, title) of its titles among the k
        nearest, best first."""
        scores, ids = self.index.search(np.asarray(vectors, np.float32), k=min(k, len(self)))
        out = []
        for row_s, row_i in zip(scores.tolist(), ids.tolist(), strict=True):
            found: dict[int, list[tuple[float, str]]] = defaultdict(list)
            for s, i in zip(row_s, row_i, strict=True):
                if i >= 0:
                    for occ in self.occupations[i]:
                        found[occ].append((float(s), self.titles[i]))
            out.append(dict(found))
        return out


def load_memory(
    tsv: Path, uri_to_id: dict[str, int], encoder: Encoder, index_path: Path, *, batch_size=64
) -> TitleMemory | None:
    """The memory of `tsv` with vectors loaded from `index_path` when its manifest fits, else
    encoded and saved. None when there is no file (a data folder without it)."""
    if not tsv.exists():
        return None
    rows = []
    for title, uris in read_memory(tsv):
        occ = tuple(uri_to_id[u] for u in uris if u in uri_to_id)
        if occ:
            rows.append((title, occ))
    titles = [t for t, _ in rows]
    try:
        index = load_index(index_path, model_id=encoder.model_id, dim=encoder.dim, count=len(rows))
    except (FileNotFoundError, IndexMismatchError) as exc:
        log.info("encoding %d known job titles (%s)", len(rows), exc)
        vecs = encoder.encode_documents(titles, batch_size=batch_size)
        index = new_index(encoder.dim, model_id=encoder.model_id)
        index.add(np.arange(len(rows), dtype=np.int64), np.asarray(vecs, np.float32))
        index.save(index_path)
    return TitleMemory(titles, [o for _, o in rows], index)
