"""The coverage line of the learner's gap in a real browser: the share held, then the
trust-weighted share with only the reasons that make it differ (a skill held on weak evidence
counts less; a skill lacked counts in part through a related one held), one number when the two
read the same. The answer is the server's own for a real role, with the gap's figures set."""

from __future__ import annotations

import pytest

from tests.browser.learner_page import plan_reshaped

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def plan_with_gap(page, live_server, shape) -> str:
    """Ask for a plan for "data analyst"; the answer's gap reshaped by `shape(gap)`; the
    coverage line shown."""
    plan_reshaped(page, live_server, lambda data: shape(data["gap"]))
    return page.inner_text("#learner-output .coverage-line")


def nothing_held(gap, *, related=0.0):
    for it in gap["items"]:
        it.update(held=False, status="missing", credit=0.0, weak=False, evidence_kinds=[])
    gap["items"][0]["credit"] = related
    gap["coverage_held"] = 0.0
    gap["coverage"] = 0.012 if related else 0.0


def test_related_credit_is_the_reason_the_weighted_share_is_higher(page, live_server):
    line = plan_with_gap(page, live_server, lambda gap: nothing_held(gap, related=0.5))
    assert line == (
        "You hold 0% of what the role asks for, by weight. Counting part credit for skills you "
        "lack that are close to ones you have, that is 1.2%."
    )
    assert "badge" not in line  # no skill is held on weak evidence: that reason is not said


def test_weak_evidence_is_the_reason_the_weighted_share_is_lower(page, live_server):
    def weak(gap):
        nothing_held(gap)
        gap["items"][0].update(held=True, status="covered", credit=0.5, weak=True)
        gap["coverage_held"], gap["coverage"] = 0.02, 0.01

    line = plan_with_gap(page, live_server, weak)
    assert line.startswith("You hold 2% of what the role asks for, by weight. Counting how well")
    assert line.endswith("that is 1%.") and "close to ones you have" not in line


def test_one_number_when_the_two_shares_read_the_same(page, live_server):
    line = plan_with_gap(page, live_server, nothing_held)
    assert line == "You hold 0% of what the role asks for, by weight."
