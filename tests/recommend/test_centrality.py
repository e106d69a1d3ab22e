"""How central a role's skills are (service.recommend.centrality): the cosine of each skill's
vector with the role's title, and its occupation's description when the title is one's."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from service.recommend.centrality import role_centrality


class _Linker:
    def __init__(self, vecs: dict[int, list[float]]):
        self.ids = list(vecs)
        self.vecs = {k: np.array(v, float) / np.linalg.norm(v) for k, v in vecs.items()}

    def row_of(self, sid: int) -> int:
        return {k: i for i, k in enumerate(self.ids)}[sid]  # KeyError, as the linker's

    def skill_vectors(self, ids):
        return np.stack([self.vecs[i] for i in ids])


class _Encoder:
    def encode_queries(self, texts):
        return np.array([[1.0, 0.0, 0.0] for _ in texts])  # every title points along x


def _runtime(descriptions=None):
    titles = SimpleNamespace(
        info={7: SimpleNamespace(labels=("restaurant manager", "bistro manager"))},
        row={7: 0},
        descriptions=descriptions,
    )
    extras: dict = {}

    def once(key, build):
        return extras.setdefault(key, build())

    linker = _Linker({1: [1, 0.2, 0], 2: [0, 1, 0], 3: [0.3, 0, 1]})
    return SimpleNamespace(encoder=_Encoder(), titles=titles, linker=linker, once=once)


def _gap(title, skill_ids):
    return SimpleNamespace(role_title=title, items=[SimpleNamespace(skill_id=s) for s in skill_ids])


def test_a_skill_near_the_role_is_more_central_and_unknown_skills_are_left_out():
    c = role_centrality(_runtime(), _gap("Restaurant manager", [1, 2, 3, 99]))
    assert set(c) == {1, 2, 3}
    assert c[1] > c[3] > c[2]


def test_an_occupations_description_counts_with_its_title():
    desc = np.array([[0.0, 1.0, 0.0]])  # the description is about skill 2
    with_desc = role_centrality(_runtime(desc), _gap("Restaurant manager", [1, 2, 3]))
    assert with_desc[2] > role_centrality(_runtime(), _gap("Restaurant manager", [1, 2, 3]))[2]
    # a title that is no occupation's preferred label takes the title alone
    other = role_centrality(_runtime(desc), _gap("Bistro manager", [1, 2, 3]))
    assert other[1] > other[2]


def test_no_title_no_centrality():
    assert role_centrality(_runtime(), _gap("  ", [1, 2])) == {}
