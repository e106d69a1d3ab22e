"""Occupations named by code: an O*NET-SOC code ("onet:15-1252.00") through the shipped ESCO-O*NET
crosswalk (data/melo/crosswalk_esco_onet.csv.gz), an ISCO-08 unit group ("isco:2511") through the
ESCO occupations' ISCO codes. A code narrows the choice to its occupations; the record's title
only picks among them (it never leads outside the code, as a text search over all occupations
would: "2511" is no "ICT system analyst" because of words)."""

from __future__ import annotations

import csv
import gzip
import io
from functools import lru_cache
from pathlib import Path

import numpy as np
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation

CROSSWALK_FILE = Path("melo") / "crosswalk_esco_onet.csv.gz"
CROSSWALK_HEADER_LINES = 16  # the mapping project's description above the table
# the crosswalk's kinds of match, best first; the taxonomy links O*NET tools through the first 3
MATCH_KINDS = ("exactMatch", "closeMatch", "narrowMatch", "broadMatch")


@lru_cache(maxsize=4)
def read_crosswalk(path: Path) -> dict[str, list[str]]:
    """O*NET-SOC code -> ESCO occupation URIs, best kind of match first ({} without the file)."""
    if not path.is_file():
        return {}
    ranked: dict[str, list[tuple[int, str]]] = {}
    with gzip.open(path, "rb") as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="replace")
        for _ in range(CROSSWALK_HEADER_LINES):
            next(text, None)
        for row in csv.DictReader(text):
            kind = row.get("Type of Match") or ""
            uri = row.get("ESCO or ISCO URI") or ""
            if kind in MATCH_KINDS and "/occupation/" in uri:
                ranked.setdefault(row["O*NET Id"], []).append((MATCH_KINDS.index(kind), uri))
    return {code: [u for _k, u in sorted(found)] for code, found in ranked.items()}


def crosswalk_of(data_dir: Path) -> dict[str, list[str]]:
    return read_crosswalk(Path(data_dir) / CROSSWALK_FILE)


def esco_uris(refs: list[str], crosswalk: dict[str, list[str]], *, best_only: bool) -> list[str]:
    """ESCO occupation URIs of stated references: URIs as they are, O*NET-SOC codes through the
    crosswalk (the best kind of match only when best_only). ISCO codes give none here."""
    out: list[str] = []
    for ref in refs:
        if ref.startswith("http"):
            found = [ref]
        elif ref.startswith("onet:"):
            found = crosswalk.get(ref[5:], [])
            if best_only and found:
                found = found[:1]
        else:
            found = []
        out += [u for u in found if u not in out]
    return out


def coded_occupations(
    session: Session, code: str, crosswalk: dict[str, list[str]]
) -> list[tuple[int, str]]:
    """(id, preferred label) of the occupations a code names, [] when it names none."""
    if code.startswith("isco:"):
        q = select(Occupation.id, Occupation.preferred_label).where(
            Occupation.isco_code == code[5:]
        )
    elif code.startswith("onet:"):
        uris = crosswalk.get(code[5:], [])
        if not uris:
            return []
        q = select(Occupation.id, Occupation.preferred_label).where(Occupation.uri.in_(uris))
    else:
        return []
    return [tuple(r) for r in session.execute(q.order_by(Occupation.id)).all()]


def closest_by_title(encoder, title: str, candidates: list[tuple[int, str]]) -> int | None:
    """The candidate whose label is closest to the title (the first one on a tie)."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0][0]
    vecs = encoder.encode_queries([title] + [label for _id, label in candidates])
    vecs = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
    scores = vecs[1:] @ vecs[0]
    return candidates[int(np.argmax(scores))][0]


# A posting's occupation from its title (or stated occupation label), when no URI or code names
# it: the typed-title resolver's first reading when it reads the title confidently and with no
# warning (a title of a level or of several trades, a doubtful reading: none); the nearest ESCO
# label instead when it is this close to the title (the resolver's ranking can move past a label
# that all but equals the title: "Content Manager", *web content manager*, not *webmaster*).
# Chosen on the development half of tests/fixtures/posting_occupations.json (docs/employers.md).
NEAREST_LABEL_FIRST = 0.8


def best_occupations(occupations, queries: list[str]) -> dict[str, tuple[int | None, float]]:
    """query -> (occupation id, score) of its best label (LabelIndex.search_many: one encoder
    call for all the queries); (None, -inf) when the index returns nothing."""
    hits = occupations.search_many(queries, k=1)
    return {
        q: (h[0].entity_id, h[0].score) if h else (None, float("-inf"))
        for q, h in zip(queries, hits, strict=True)
    }


def occupations_by_title(occupations, titles, queries: list[str]) -> dict[str, int | None]:
    """Each distinct title's occupation (the rule above), None where it names none surely.
    `occupations`: the occupation LabelIndex; `titles`: the typed-title resolver (its
    `resolve(title)`: confident, warning, candidates)."""
    distinct = list(dict.fromkeys(q for q in queries if q.strip()))
    nearest = best_occupations(occupations, distinct) if distinct else {}
    out: dict[str, int | None] = {}
    for q in distinct:
        got = titles.resolve(q)
        if not (got.confident and got.warning is None and got.candidates):
            out[q] = None
            continue
        oid, score = nearest[q]
        near = oid is not None and score >= NEAREST_LABEL_FIRST
        out[q] = oid if near else got.candidates[0].occupation_id
    return out
