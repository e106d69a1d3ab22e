"""What can evidence skills a learner holds on their word (service.recommend.plan.evidencing):
no beginner credential, none written for other work; one for this work or for anyone can; and
none whose teaching is mostly for other work (`about_the_role`)."""

from service.recommend.plan import NOT_EVIDENCE, about_the_role, evidencing
from tests.matching.test_planner import option

ELECTRICIAN = "7411"


def _ids(options):
    return [o.external_id for o in options]


def test_evidence_comes_from_above_the_basics_and_from_this_kind_of_work():
    options = [
        option("basics", [1], 5.0, level="beginner"),
        option("basics-caps", [1], 5.0, level="Beginner"),
        option("wiring", [1], 20.0, level="intermediate", audience=("7411",)),
        option("building-trades", [1], 20.0, level="advanced", audience=("7126",)),
        option("firearms", [1], 15.0, level="intermediate", audience=("7222",)),
        option("anyone", [1], 10.0, level="intermediate"),
        option("no-level", [1], 10.0),
    ]
    kept = evidencing(options, ELECTRICIAN, NOT_EVIDENCE)
    # 7126 plumbers share nothing with 74 electricians at two digits: other work
    assert _ids(kept) == ["wiring", "anyone", "no-level"]


def test_without_the_roles_group_only_the_level_decides():
    options = [
        option("basics", [1], 5.0, level="beginner"),
        option("firearms", [1], 15.0, level="intermediate", audience=("7222",)),
    ]
    assert _ids(evidencing(options, "", NOT_EVIDENCE)) == ["firearms"]


def test_evidence_comes_from_a_course_about_the_roles_work():
    options = [
        option("food-hygiene", [1], 13.0, level="intermediate"),
        option("plant-disease", [1, 2, 3], 13.0, level="intermediate"),
        option("unscored", [1], 13.0),
    ]
    focus = {"food-hygiene": 0.8, "plant-disease": 0.28}
    assert _ids(about_the_role(options, focus, 0.35)) == ["food-hygiene", "unscored"]
    assert _ids(about_the_role(options, focus, 0.0)) == _ids(options)
