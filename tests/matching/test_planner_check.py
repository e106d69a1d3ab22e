"""The planner's cooperative checks: `check` runs at every step of the search and an exception
it raises stops the planning there."""

import pytest

from service.matching import Constraints, plan
from tests.matching.test_planner import MODES, gap_of, ids, option


class Stop(Exception):
    pass


def problem():
    """Forty overlapping credentials over forty-one skills, under an hour budget."""
    options = [option(f"c{i:02d}", [i, i + 1], hours=1 + i % 3, cost=i % 5) for i in range(40)]
    return gap_of(*range(41)), options, Constraints(max_hours=50)


@pytest.mark.parametrize("mode", MODES)
def test_a_check_that_never_stops_changes_nothing(mode):
    gap, options, limits = problem()
    calls = []
    checked = plan(gap, options, limits, mode=mode, check=lambda: calls.append(1))
    assert ids(checked) == ids(plan(gap, options, limits, mode=mode))
    assert len(calls) >= (len(checked.steps) if mode == "greedy" else 3)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("stop_at", [1, 3, 10])
def test_planning_stops_at_the_check_that_raises(mode, stop_at):
    gap, options, limits = problem()
    calls = []

    def check():
        calls.append(1)
        if len(calls) >= stop_at:
            raise Stop

    with pytest.raises(Stop):
        plan(gap, options, limits, mode=mode, check=check)
    assert len(calls) == stop_at
