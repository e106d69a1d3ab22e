"""The languages a learner reads, for the credentials a plan may use
(service/profiles/language.py; applied in service/recommend/gap.py)."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from models.matching import RecommendIn
from service.profiles.language import (
    label_words,
    language_names,
    learner_languages,
    text_language,
    written_as,
)
from service.recommend.gap import compute
from tests.growth import assert_linear, seconds

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
    """Only the first 2,000 words are read: a text 100 times longer costs about the same."""
    read = lambda t: text_language(t, ENGLISH)  # noqa: E731
    assert_linear(read, lambda n: "the " * n, n=500)
    short, long = "the " * 2_000, "the " * 200_000
    assert seconds(lambda: read(long)) < 5 * seconds(lambda: read(short)) + 0.005
    assert read(long) == "en"


def test_a_language_the_catalog_lacks_is_not_taken_for_a_neighbours():
    italian = "Ho lavorato come cameriere in un ristorante per tre anni con la clientela."
    portuguese = "Trabalhei como empregada de mesa num restaurante durante tres anos."
    assert text_language(italian, ENGLISH) == "it"
    assert text_language(portuguese, ENGLISH) == "pt"


def test_the_ways_a_credential_writes_a_language():
    assert written_as({"en", "ur"}) == {"en", "eng", "english", "ur", "urdu"}
    assert language_names({"en", "ur", "xx"}) == "English, Urdu, Xx"


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
    assert "Only credentials taught in your languages (English" in plan["message"]
    asked = _plan(real_runtime, {"languages": ["en", "de", "fr"]})
    assert "Only credentials taught in your languages" not in asked["message"]
    assert asked["coverage_after"] >= plan["coverage_after"] - 1e-9  # more to choose from


@pytest.mark.slow
def test_a_cv_in_a_language_the_catalog_lacks_leaves_out_no_credential(real_runtime):
    text = "Ho lavorato come cameriere in un ristorante per tre anni."
    plan = _plan_of(real_runtime, text, "restaurant manager", 100)
    assert plan["steps"] and "Only credentials taught in your languages" not in plan["message"]


@pytest.mark.slow
def test_a_short_cv_in_the_words_of_job_titles_is_read_english(real_runtime):
    """ "Infantry soldier for 6 years" has two English small words and few skill-label words, but
    the words of occupations' labels ("infantry soldier", "early years teacher"): English, so no
    French course is planned to a security manager."""
    text = "Infantry soldier for 6 years, section second in command"
    plan = _plan_of(real_runtime, text, "security manager", 150)
    assert plan["steps"] and {s["credential"]["language"] for s in plan["steps"]} == {"en"}
    assert "Only credentials taught in your languages (English" in plan["message"]


def _plan_of(runtime, text: str, title: str, hours: float) -> dict:
    body = RecommendIn.model_validate(
        {"learner": {"text": text}, "target": {"title": title}, "constraints": {"max_hours": hours}}
    )
    with Session(runtime.engine) as session:
        return compute(runtime, session, body, with_plan=True)["plan"]


def test_the_open_skills_taught_only_in_other_languages_are_named():
    """A dental nurse's plan to a dental hygienist was empty, its message blaming the budget:
    the hygienist's own skills were taught only in French. The message names them and the
    languages; a skill also taught in the learner's language is not named."""
    from types import SimpleNamespace

    from service.matching.types import Option, Shortfall
    from service.recommend.gap import elsewhere_sentence

    def short(sid, label, essential=True):
        return Shortfall(sid, label, 1.0, essential, 0.0, 1.0)

    catalog = [
        Option(1, "fr1", "Hygiène dentaire", language="fr", skills={10: 1.0, 11: 1.0}),
        Option(2, "de1", "Zahnhygiene", language="de-DE", skills={10: 1.0}),
        Option(3, "en1", "Polishing", language="en", skills={11: 1.0}),
        Option(4, "fr2", "Nutrition", language="fr", skills={12: 1.0}),
    ]
    teaching = lambda ids: [c for c in catalog if set(ids) & c.skills.keys()]  # noqa: E731
    runtime = SimpleNamespace(catalog=SimpleNamespace(teaching=teaching))
    plan = SimpleNamespace(
        unmet=[
            short(10, "perform dental hygiene interventions"),
            short(11, "polish dental restorations"),
            short(12, "counsel on nutrition", essential=False),  # optional: not named
        ]
    )
    got = elsewhere_sentence(runtime, plan, frozenset({"en"}))
    assert got == (
        "1 essential skill you still need is taught only in French, German in this catalog: "
        "perform dental hygiene interventions."
    )
    assert elsewhere_sentence(runtime, plan, frozenset({"en", "fr"})) == ""
    # a credential whose language is written "English" is the learner's, as the plan's filter
    # reads it (not "taught only in English")
    catalog.append(Option(5, "en2", "Hygiene", language="English", skills={10: 1.0}))
    assert elsewhere_sentence(runtime, plan, frozenset({"en"})) == ""
    assert elsewhere_sentence(runtime, SimpleNamespace(unmet=[]), frozenset({"en"})) == ""


@pytest.mark.slow
def test_a_dental_nurses_plan_says_where_the_hygienists_skills_are_taught(real_runtime):
    text = "Dental nurse for 5 years, decontamination and chairside assisting"
    plan = _plan_of(real_runtime, text, "Dental hygienist", 300)
    assert "fits your budget" not in plan["message"], plan["message"]
    # the shipped catalog teaches the hygienist's own interventions in French only
    assert "perform dental hygiene interventions" in plan["message"], plan["message"]
    assert "taught only in French" in plan["message"], plan["message"]
