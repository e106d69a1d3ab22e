"""How central each of a role's skills is to what the role is about: the cosine of the skill's
vector ("label: description", the linker's) with the role's, the mean of its title's query
vector and, for an ESCO occupation, its description's vector (the title resolver's). For a
restaurant manager *manage restaurant service* 0.79, *manage staff* 0.43, *ensure
infrastructure accessibility* 0.11; for a data scientist *manage research data* 0.58, *apply
for research funding* 0.25. The planner orders steps by it
(service.matching.order)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from service.runtime import Runtime


def role_vector(runtime: Runtime, title: str) -> np.ndarray | None:
    """The role's vector (normalised), None without a title or a vector for it."""
    if not title.strip():
        return None
    vecs = [runtime.encoder.encode_queries([title])[0]]
    occupation = _occupation_rows(runtime).get(title.strip().lower())
    descriptions = runtime.titles.descriptions
    if occupation is not None and descriptions is not None:
        vecs.append(descriptions[occupation])
    vecs = [v / n for v in vecs if (n := float(np.linalg.norm(v))) > 0]
    if not vecs:
        return None
    v = np.mean(vecs, axis=0)
    return v / float(np.linalg.norm(v))


def _occupation_rows(runtime: Runtime) -> dict[str, int]:
    """An occupation's preferred label (lower case) -> its row in the resolver's descriptions."""

    def build() -> dict[str, int]:
        titles = runtime.titles
        return {
            info.labels[0].lower(): titles.row[oid]
            for oid, info in titles.info.items()
            if info.labels
        }

    return runtime.once("occupation_description_rows", build)  # type: ignore[return-value]


def role_centrality(runtime: Runtime, gap) -> dict[int, float]:
    """Skill id -> its cosine with the role (the gap's items the linker has vectors for)."""
    v = role_vector(runtime, gap.role_title)
    if v is None:
        return {}
    ids = []
    for it in gap.items:
        try:
            runtime.linker.row_of(it.skill_id)
        except KeyError:
            continue
        ids.append(it.skill_id)
    if not ids:
        return {}
    sims = runtime.linker.skill_vectors(ids) @ v
    return {sid: float(s) for sid, s in zip(ids, sims, strict=True)}
