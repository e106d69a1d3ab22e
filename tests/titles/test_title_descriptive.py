"""Round h-titles8 (docs/planning.md, "Closer labels, supervisors' titles and descriptive
words"): a first word that says how the work is done or what the worker brings ("Bilingual
receptionist", "Mobile hairdresser") is dropped as a qualifier is. Hashing encoder: similarity is
shared words."""

from __future__ import annotations

import numpy as np
import pytest

from indexing.ann.factory import new_index
from indexing.encoder import FakeEncoder
from indexing.label_index import LabelIndex
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


@pytest.mark.parametrize(
    ("cleaned", "rest", "dropped"),
    [
        ("bilingual receptionist", "receptionist", "bilingual"),
        ("multi-skilled maintenance technician", "maintenance technician", "multi-skilled"),
        ("mobile hairdresser", "hairdresser", "mobile"),
        ("self-employed plasterer", "plasterer", "self-employed"),
        ("mobile", "mobile", ""),
        # "mobile" before a thing names the trade (O*NET's "Mobile Home Park Manager")
        ("mobile home park manager", "mobile home park manager", ""),
        ("mobile equipment mechanic", "mobile equipment mechanic", ""),
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
