"""Generic skills (service.profiles.generic): an attitude ESCO files only under its transversal
groups of a positive attitude or teamwork is generic; a skill also filed under the skills or
knowledge pillar, under a core transversal group, or called sector-specific is not."""

import pytest

from service.profiles.generic import ancestor_codes, is_generic


@pytest.mark.parametrize(
    ("codes", "reuse", "generic"),
    [
        # handle stressful situations: cope with stress < T3.3 < T3 < T
        ({"T3.3", "T3", "T"}, "cross-sector", True),
        ({"T4.3", "T4", "T"}, "transversal", True),  # show intercultural awareness
        ({"T3.3", "T3", "T"}, "sector-specific", False),
        ({"T3.1", "T3", "T"}, "cross-sector", False),  # working efficiently: quality work too
        ({"T4.3", "T4.4", "T4", "T"}, "cross-sector", False),  # leading others: manage staff
        ({"T3.3", "T1.2", "T"}, "cross-sector", False),  # numbers: a core skill
        ({"T4.3", "S1.2.5", "S1", "S", "T"}, "cross-sector", False),  # liaise with colleagues
        ({"S3.3.1", "S3", "S"}, "cross-sector", False),  # work with respect for own safety
        ({"T4.3", "K"}, "cross-sector", False),  # teamwork principles: knowledge
        (set(), "transversal", False),
    ],
)
def test_is_generic(codes, reuse, generic):
    assert is_generic(codes, reuse) is generic


def test_ancestor_codes_walks_skills_and_groups_and_survives_a_cycle():
    broader = {
        "skill:stress": ["skill:cope"],
        "skill:cope": ["group:T3.3", "skill:stress"],  # a cycle back
        "group:T3.3": ["group:T3"],
        "group:T3": ["group:T"],
    }
    codes = {"group:T3.3": "T3.3", "group:T3": "T3", "group:T": "T"}
    assert ancestor_codes("skill:stress", broader, codes) == {"T3.3", "T3", "T"}
    assert ancestor_codes("skill:other", broader, codes) == set()
