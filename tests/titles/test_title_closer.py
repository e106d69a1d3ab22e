"""Round h-titles8 (docs/planning.md, "Closer labels, supervisors' titles and descriptive
words"): a known title that says a level the typed title does not ("Assembly Line Supervisor"
near "assembly line worker") speaks for no occupation; among the first five, an occupation whose
own label is closer than the first's evidence by a margin comes first ("heavy vehicle
technician" for "HGV technician", `TitleConfig.closer_label`); a first word
that says how the work is done or what the worker brings ("Bilingual receptionist", "Mobile
hairdresser") is dropped as a qualifier is. Hashing encoder: similarity is shared words."""

from __future__ import annotations

import numpy as np
import pytest

from indexing.ann.factory import new_index
from indexing.encoder import FakeEncoder
from indexing.label_index import LabelIndex
from service.titles.evidence import same_level
from service.titles.memory import TitleMemory
from service.titles.qualifiers import unqualified
from service.titles.resolver import OccupationInfo, TitleConfig, TitleResolver
from service.titles.words import normalise_title

ROWS = [
    # (id, isco, preferred, alternatives, description)
    (1, "7233", "construction equipment technician", ["plant mechanic"], "Repairs plant."),
    (2, "7231", "vehicle technician", ["heavy vehicle technician", "motor mechanic"],
     "Repairs vehicles."),
    (3, "8219", "automated assembly line operator", ["automated assembly line worker"],
     "Runs an assembly line."),
    (4, "3122", "production supervisor", ["production lead"], "Supervises production."),
    (5, "7412", "electricity distribution technician", ["line technician"], "Power lines."),
    (6, "4226", "receptionist", ["front desk clerk"], "Greets visitors."),
    (7, "8342", "mobile crane operator", ["crane driver"], "Drives cranes."),
]  # fmt: skip
KNOWN = [
    ("heavy goods equipment shop tech", (1,)),
    ("equipment shop tech", (1,)),
    ("assembly line supervisor", (4,)),
    ("overhead line worker", (5,)),
    ("shop tech", (1,)),
    ("supervisor", (4,)),
]


def _resolver(**flags) -> TitleResolver:
    enc = FakeEncoder(dim=64)
    labels = LabelIndex([(i, p, a) for i, _g, p, a, _d in ROWS], enc)
    labels.build()
    info = [OccupationInfo(i, g, (p, *a)) for i, g, p, a, _d in ROWS]
    desc = np.asarray(enc.encode_documents([f"{p}: {d}" for _i, _g, p, _a, d in ROWS]))
    titles = [t for t, _ in KNOWN]
    index = new_index(enc.dim, model_id=enc.model_id)
    index.add(np.arange(len(titles), dtype=np.int64), np.asarray(enc.encode_documents(titles)))
    memory = TitleMemory(titles, [o for _, o in KNOWN], index)
    return TitleResolver(labels, info, desc, TitleConfig(min_score=0.3, **flags), memory=memory)


def _first(resolver: TitleResolver, title: str) -> int:
    return resolver.resolve(title).candidates[0].occupation_id


def test_a_closer_label_outranks_a_looser_known_title():
    # "heavy vehicle technician" (a label) is closer to the title than any known title of the
    # construction equipment technician, whose known titles alone carried it first
    assert _first(_resolver(closer_label=None), "heavy goods vehicle technician") == 1
    out = _resolver().resolve("heavy goods vehicle technician")
    got = out.candidates[0]
    assert got.occupation_id == 2 and got.matched_label == "heavy vehicle technician"
    assert out.candidates[1].score > got.score  # put first by its label, not its score
    assert out.warning is None  # and no close call for that


def test_a_label_closer_by_less_than_the_margin_leaves_the_order():
    plain = _resolver(closer_label=None).resolve("heavy goods vehicle technician")
    wide = _resolver(closer_label=0.99).resolve("heavy goods vehicle technician")
    assert [c.occupation_id for c in wide.candidates] == [c.occupation_id for c in plain.candidates]


def test_a_known_title_of_a_level_the_title_does_not_say_speaks_for_nothing():
    known = {4: [(0.8, "assembly line supervisor")], 5: [(0.7, "overhead line worker")]}
    assert same_level(["assembly line worker"], known) == {5: known[5]}
    # a title that says a level keeps them all ("kitchen team leader" -> "Kitchen Supervisor")
    assert same_level(["kitchen team leader", "kitchen supervisor"], known) == known
    off = _resolver(same_level_memory=False, closer_label=None).resolve("assembly line worker")
    on = _resolver(closer_label=None).resolve("assembly line worker")
    said = {c.occupation_id: c.matched_label for c in off.candidates}
    assert said[4] == "assembly line supervisor"  # the supervisor's known title spoke for it
    assert {c.occupation_id: c.matched_label for c in on.candidates}.get(4) != said[4]
    rank = [c.occupation_id for c in on.candidates]
    assert 4 not in rank or rank.index(4) > [c.occupation_id for c in off.candidates].index(4)


@pytest.mark.parametrize(
    ("cleaned", "rest", "dropped"),
    [
        ("bilingual receptionist", "receptionist", "bilingual"),
        ("multi-skilled maintenance technician", "maintenance technician", "multi-skilled"),
        ("mobile hairdresser", "hairdresser", "mobile"),
        ("self-employed plasterer", "plasterer", "self-employed"),
        ("mobile", "mobile", ""),
    ],
)
def test_a_descriptive_first_word_is_a_qualifier(cleaned, rest, dropped):
    assert unqualified(cleaned) == (rest, dropped)


def test_descriptive_words_written_apart_are_said_as_one():
    assert normalise_title("Multi skilled Maintenance Technician") == (
        "multi-skilled maintenance technician"
    )
    assert normalise_title("Self employed plasterer") == "self-employed plasterer"


def test_a_descriptive_word_is_dropped_only_where_the_title_names_nothing_as_written():
    r = _resolver()
    got = r.resolve("Bilingual receptionist")
    assert got.query == "receptionist" and got.candidates[0].occupation_id == 6
    assert got.note is None  # no learner's level to say
    assert _first(r, "mobile crane operator") == 7  # an ESCO label: kept whole
