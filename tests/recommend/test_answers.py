"""The answers' typed objects become JSON data member by member, in declaration order; a member
left ABSENT is not in the answer (null is null)."""

from __future__ import annotations

import json

from service.matching import Cover, GapItem, Option
from service.recommend import answers
from service.recommend import ranking_answers as ra


def test_to_json_keeps_the_order_and_leaves_out_absent_members():
    detail = ra.MatchDetailJson(0.5, 0.25, [], [])
    assert list(answers.to_json(detail)) == ["coverage", "coverage_held", "matched",
                                             "missing_essential"]  # fmt: skip
    detail.plan = None
    assert answers.to_json(detail)["plan"] is None
    item = GapItem(1, "python", 1.0, True, "covered", 1.0, held=True, evidence_kinds=("declared",))
    out = answers.to_json(answers.GapJson(1.0, 1.0, 1.0, 0.0, 0.0, answers.gap_counts([item]),
                                          [item]))  # fmt: skip
    assert out["counts"] == {"covered": 1, "partial": 0, "missing": 0}
    assert out["items"][0]["evidence_kinds"] == ["declared"]
    assert list(out["items"][0])[:3] == ["skill_id", "label", "weight"]
    json.dumps(out)  # plain JSON data


def test_a_planned_option_states_an_estimate_only_for_an_unknown_value():
    stated = answers.option_json(Option(1, "x", "X", hours=3.0, hours_estimate=9.0))
    unknown = answers.option_json(Option(2, "y", "Y", hours=None, hours_estimate=9.0))
    assert (stated.hours, stated.hours_estimate) == (3.0, None)
    assert (unknown.hours, unknown.hours_estimate) == (None, 9.0)
    cover = Cover(1, "python", True, 1.0, 0.123456, 0.5, "partial", None)
    assert answers.to_json(cover)["gain"] == 0.123456  # rounding is the builder's, not to_json's
