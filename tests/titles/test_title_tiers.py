"""What ranks an occupation before the scores (`resolution.name_tier`): a curated title, an exact
label (among several occupations' alternative labels: confirmed by an equal known title, preferred,
alternative). Hashing encoder."""

from __future__ import annotations

import numpy as np

from indexing.ann.factory import new_index
from indexing.encoder import FakeEncoder
from indexing.label_index import LabelIndex
from service.titles.memory import TitleMemory
from service.titles.resolver import GENERIC_TITLE, OccupationInfo, TitleConfig, TitleResolver

OCCUPATIONS = [
    # (id, isco, preferred, alternatives, description); the alternative-label holders come
    # first and have the longer descriptions the hashing encoder may favour
    (1, "4312", "back office administrator", ["operations manager"], "Operations manager work."),
    (2, "1213", "business manager", ["operations manager"], "Runs business operations."),
    (3, "1321", "operations manager", ["division operations manager"], "Runs operations."),
    (4, "3434", "head chef", ["kitchen manager", "sous chef"], "Runs a kitchen."),
    (5, "3122", "production supervisor", ["production lead"], "Supervises kitchen production."),
    (6, "5321", "healthcare assistant", ["resident care assistant"], "Cares for residents."),
    (7, "5321", "nurse assistant", ["nursing aide"], "Assists nurses with care."),
    (8, "3151", "aircraft pilot", ["helicopter pilot"], "Flies aircraft."),
    (9, "3153", "helicopter pilot", ["rotorcraft pilot"], "Flies helicopters."),
]


def _resolver(memory_rows=(), curated=None, generic=None) -> TitleResolver:
    enc = FakeEncoder(dim=64)
    labels = LabelIndex([(i, p, a) for i, _g, p, a, _d in OCCUPATIONS], enc)
    labels.build()
    info = [OccupationInfo(i, g, (p, *a)) for i, g, p, a, _d in OCCUPATIONS]
    desc = np.asarray(enc.encode_documents([f"{p}: {d}" for _i, _g, p, _a, d in OCCUPATIONS]))
    memory = None
    if memory_rows:
        titles = [t for t, _ in memory_rows]
        index = new_index(enc.dim, model_id=enc.model_id)
        index.add(np.arange(len(titles), dtype=np.int64), np.asarray(enc.encode_documents(titles)))
        memory = TitleMemory(titles, [o for _, o in memory_rows], index)
    return TitleResolver(
        labels,
        info,
        desc,
        TitleConfig(min_score=0.3),
        memory=memory,
        curated=curated,
        generic=generic,
    )


def first(resolver: TitleResolver, title: str) -> int:
    return resolver.resolve(title).candidates[0].occupation_id


def test_a_preferred_label_comes_before_other_occupations_alternative_labels():
    # known titles near the title (not equal to it) speak for the alternative label's holder,
    # as O*NET's "Operations Specialist" did for the back office administrator
    near = [(t, (1,)) for t in ("Operations Specialist", "Operations Coordinator", "Ops Clerk")]
    r = _resolver(memory_rows=near)
    got = r.resolve("Head of Operations")  # "operations manager"
    assert got.candidates[0].occupation_id == 3 and got.candidates[0].tier == 1
    assert {c.occupation_id for c in got.candidates[1:3]} == {1, 2}  # exact, alternative
    assert all(c.tier == 3 for c in got.candidates[1:3])
    assert got.warning is None


def test_a_preferred_label_comes_before_one_other_occupations_alternative_label():
    # O*NET's "Helicopter Pilot" is an aircraft pilot's title and ESCO's alternative label of
    # it; ESCO's own *helicopter pilot* comes first all the same (until 2026-12-07 the scores
    # decided, the memory's weight: "library assistant" read *librarian*); the noisy titles'
    # MRR 70.74 -> 70.72 (two of 4,202, crosswalk gold)
    memory = [("Helicopter Pilot", (8,)), ("Airline Pilot", (8,))]
    got = _resolver(memory_rows=memory).resolve("helicopter pilot")
    assert got.candidates[0].occupation_id == 9 and got.candidates[0].tier == 3
    assert got.candidates[1].occupation_id == 8 and got.candidates[1].tier == 4


def test_the_preferred_label_then_an_equal_known_title_among_several_alternative_labels():
    # ESCO's own name of an occupation first ("library assistant" was a librarian's by O*NET's
    # "Library Assistant"), then the alternative label a known title equal to the title names
    memory = [("Operations Manager", (2,))]  # O*NET names the business manager
    got = _resolver(memory_rows=memory).resolve("operations manager")
    assert got.candidates[0].occupation_id == 3 and got.candidates[0].tier == 1
    assert got.candidates[1].occupation_id == 2 and got.candidates[1].tier == 2
    assert got.candidates[2].tier == 3  # the other alternative label


def test_a_curated_title_names_its_occupation_first():
    memory = [("Health Care Assistant", (7,))]
    plain = _resolver(memory_rows=memory)
    curated = _resolver(memory_rows=memory, curated={"care assistant": [6]})
    got = curated.resolve("Senior Care Assistant")  # "senior" is dropped before the lookup
    assert got.candidates[0].occupation_id == 6 and got.candidates[0].exact
    assert got.candidates[0].label_kind == "curated title" and got.warning is None
    assert first(curated, "nurse assistant") == 7  # other titles as before
    assert plain.resolve("care assistant").candidates[0].label_kind != "curated title"


def test_a_title_of_a_level_names_its_readings_in_order_and_warns():
    # "kitchen manager" names a level and no trade here: its readings come first in their curated
    # order (not by score), confident, with the warning that the trade is the learner's to check
    generic = {"kitchen manager": [5, 3]}
    got = _resolver(generic=generic).resolve("Senior Kitchen Manager")
    assert [c.occupation_id for c in got.candidates[:2]] == [5, 3]
    assert all(c.tier == 0 and c.label_kind == "curated title" for c in got.candidates[:2])
    assert got.confident and got.warning == GENERIC_TITLE
    assert _resolver(generic=generic).resolve("kitchen manager", k=1).warning == GENERIC_TITLE
    # a title of a trade keeps no such warning; without the list the exact label names it
    assert _resolver(generic=generic).resolve("sous chef").warning is None
    assert first(_resolver(), "kitchen manager") == 4
