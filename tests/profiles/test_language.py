"""The languages a learner reads, for the credentials a plan may use
(service/profiles/language.py; applied in service/recommend/gap.py)."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from models.matching import RecommendIn
from service.profiles.language import label_words, learner_languages, text_language
from service.recommend.gap import compute
from tests.growth import assert_linear

ENGLISH = label_words(["personal care", "administer prescribed medication", "care plans",
                       "health and social care", "operate forklift", "Python"])  # fmt: skip


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I have worked as a care assistant for six years in a home.", "en"),
        ("Care Assistant (2015 - 2023)\nPersonal care, medication, care plans", "en"),  # a list
        ("Ich arbeite seit fünf Jahren als Pflegehelferin in einem Altenheim.", "de"),
        ("Je travaille comme aide-soignante dans une maison de retraite.", "fr"),
        ("Trabajé como camarera en un restaurante durante tres años.", "es"),
        ("Ik werk als verpleegkundige in een ziekenhuis.", "nl"),
        ("Pflegehelferin, Altenheim Sonnenschein, Körperpflege", None),  # no small word, no label
        ("Python", None),  # too few words to say
        ("", None),
    ],
)
def test_the_language_of_a_learners_words(text, language):
    assert text_language(text, ENGLISH) == language


def test_the_learners_languages_are_their_words_and_the_languages_they_hold():
    text = "I have worked as a driver for the council for ten years."
    assert learner_languages(text, ["English", "Urdu", "operate forklift"]) == {"en", "ur"}
    assert learner_languages(text, []) == {"en"}
    assert learner_languages("", ["French"]) is None  # no words: no filter
    assert learner_languages("Python, SQL", ["French"]) is None


def test_hostile_texts_are_read_in_bounded_time():
    assert_linear(lambda t: text_language(t, ENGLISH), lambda n: "the " * n, n=500)
    assert text_language("the " * 1_000_000, ENGLISH) == "en"  # the first 2,000 words only


CV = (
    "Care Assistant, Sunrise Care Home (2015 - 2023)\nPersonal care, medication rounds, "
    "care plans, end of life care\nQualifications: NVQ Level 3 Health and Social Care"
)


def _plan(runtime, constraints: dict) -> dict:
    body = RecommendIn.model_validate(
        {
            "learner": {"text": CV},
            "target": {"title": "nursing associate"},
            "constraints": {"max_hours": 250, **constraints},
        }  # fmt: skip
    )
    with Session(runtime.engine) as session:
        return compute(runtime, session, body, with_plan=True)["plan"]


@pytest.mark.slow
def test_an_english_cv_is_planned_credentials_in_english_unless_asked(real_runtime):
    plan = _plan(real_runtime, {})
    assert plan["steps"] and {s["credential"]["language"] for s in plan["steps"]} == {"en"}
    assert "Only credentials taught in your languages (en" in plan["message"]
    asked = _plan(real_runtime, {"languages": ["en", "de", "fr"]})
    assert "Only credentials taught in your languages" not in asked["message"]
    assert asked["coverage_after"] >= plan["coverage_after"] - 1e-9  # more to choose from
