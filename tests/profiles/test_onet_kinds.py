"""An O*NET tool is filed under the ESCO kind its commodity's ESCO tools are filed under
(service/taxonomy/onet_kinds.py): held, React shows *web programming* as ESCO's AJAX does."""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from pathlib import Path

import pytest
from sqlmodel import Session

from service.profiles.neighbours import learner_neighbours
from service.taxonomy.load import onet_uri
from service.taxonomy.onet_kinds import (
    KIND_OF_COMMODITY,
    NOT_OF_THE_KIND,
    commodity_of,
    commodity_votes,
    kind_pairs,
)

DATA = Path(__file__).resolve().parents[2] / "data"


def _rows(name: str, delimiter: str = ","):
    with gzip.open(DATA / name, "rt", encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter=delimiter)


def test_each_kind_is_what_its_commodity_s_esco_tools_agree_on():
    digital = {r["conceptUri"] for r in _rows("esco/digitalSkillsCollection_en.csv.gz")}
    knowledge = {
        r["conceptUri"] for r in _rows("esco/skills_en.csv.gz") if r["skillType"] == "knowledge"
    }
    tools_by_label: dict[str, set[str]] = defaultdict(set)
    for r in _rows("esco/skills_en.csv.gz"):
        if r["conceptUri"] in digital:
            for label in [r["preferredLabel"], *(r["altLabels"] or "").split("\n")]:
                if label.strip():
                    tools_by_label[label.strip().lower()].add(r["conceptUri"])
    one = {k: next(iter(v)) for k, v in tools_by_label.items() if len(v) == 1}
    kinds_of: dict[str, list[str]] = defaultdict(list)
    for r in _rows("esco/broaderRelationsSkillPillar.csv.gz"):
        if r["broaderUri"] in digital and r["broaderUri"] in knowledge:
            kinds_of[r["conceptUri"]].append(r["broaderUri"])
    examples = [
        (r["Commodity Code"], r["Example"])
        for r in _rows("onet/technology_skills.txt.gz", delimiter="\t")
    ]
    votes = commodity_votes(examples, one, kinds_of)
    assert KIND_OF_COMMODITY
    for code, kind in KIND_OF_COMMODITY.items():
        count, filed = votes[code]
        assert count.most_common(1)[0][0] == kind, code
        assert count[kind] >= 3 and 3 * count[kind] >= 2 * filed, (code, count[kind], filed)


def test_only_tools_of_a_named_commodity_get_its_kind():
    web, other = "43232408", "43231604"
    kind = KIND_OF_COMMODITY[web]
    uris = {
        1: kind,
        2: onet_uri(web, "React"),
        3: onet_uri(other, "Some finance tool"),
        4: "http://data.europa.eu/esco/skill/not-a-tool",
        5: "urn:onet:technology:",  # no commodity
        6: "urn:onet:technology::x",
        7: "urn:onet:technology:" + "9" * 10_000 + ":x",
    }
    assert kind_pairs(uris) == [(2, 1)]
    assert kind_pairs({2: onet_uri(web, "React")}) == []  # its kind is not in the taxonomy
    assert commodity_of(onet_uri(web, "Vue.js")) == web
    assert commodity_of("urn:onet:technology:") is None
    assert commodity_of("React") is None


def test_many_tools_are_filed_in_linear_time():
    from tests.growth import assert_linear

    web = "43232408"

    def build(n: int) -> dict[int, str]:
        uris = {0: KIND_OF_COMMODITY[web]}
        uris.update({i: onet_uri(web, f"tool {i}") for i in range(1, n + 1)})
        return uris

    assert_linear(kind_pairs, build)
    assert len(kind_pairs(build(3_000))) == 3_000


def _skill(runtime, label: str) -> int:
    return next(e.id for e in runtime.skills.values() if e.preferred_label == label)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("tool", "kind"),
    [
        ("React", "web programming"),
        ("Django", "web programming"),
        ("MongoDB", "database management systems"),
        ("GNU Image Manipulation Program GIMP", "graphics editor software"),
    ],
)
def test_a_held_onet_tool_shows_its_kind_in_a_learners_gap(real_runtime, tool, kind):
    rt = real_runtime
    tool_id, kind_id = _skill(rt, tool), _skill(rt, kind)
    with Session(rt.engine) as s:
        nb, shown = learner_neighbours(rt, s, [kind_id], [tool_id])
    assert tool_id in shown[kind_id]
    assert nb[kind_id][tool_id] == rt.settings.partial_synonym_credit
    with Session(rt.engine) as s:
        nb, _shown = learner_neighbours(rt, s, [tool_id], [kind_id])  # a kind shows no tool
    assert nb.get(tool_id, {}).get(kind_id, 0.0) < rt.settings.partial_synonym_credit


def test_a_tool_of_a_commodity_that_is_no_kind_of_it_is_left_out():
    graphics = "43232102"
    kind = KIND_OF_COMMODITY[graphics]
    uris = {1: kind, 2: onet_uri(graphics, "JamBoard"), 3: onet_uri(graphics, "GIMP")}
    assert kind_pairs(uris) == [(3, 1)]
    assert "Open Graphics Library OpenGL" in NOT_OF_THE_KIND
