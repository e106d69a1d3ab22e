"""A language named as an adjective of another thing is no language skill (indexing.languages);
alone, in a list, before a word of language or after a word of using one, it is."""

import pytest

from indexing.languages import as_adjective, language_rows
from indexing.types import SkillEntry


def _at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.mark.parametrize(
    ("text", "said_of_another_thing"),
    [
        ("Waitress in a busy Italian restaurant, taking orders", True),
        ("Delivery driver for an Italian takeaway", True),
        ("I worked for an Italian car maker", True),
        ("I speak Italian and French", False),  # a list of languages
        ("Languages: Italian, Spanish", False),
        ("Italian", False),
        ("Italian speaker with good English", False),
        ("Secondary school Italian teacher", False),
        ("fluent Italian customers service", False),  # a word of using one before it
        ("native Italian restaurant owner", False),
        ("Italian\nrestaurant", False),  # the next line is another item
        ("Italian (native)", False),
        ("Italian restaurants and cafes", True),
    ],
)
def test_a_language_said_of_another_thing(text, said_of_another_thing):
    assert as_adjective(text, *_at(text, "Italian")) is said_of_another_thing


def test_a_phrase_is_no_one_word_reading():
    text = "busy Italian restaurant kitchen"
    assert as_adjective(text, 5, 23) is False  # "Italian restaurant": not the one word


def test_a_long_run_of_letters_before_a_language_is_no_quadratic_search():
    import time

    for n in (20_000, 200_000):
        text = "a" * n + ", Italian restaurant"
        start = text.index("Italian")
        t0 = time.perf_counter()
        assert as_adjective(text, start, start + 7) is True
        assert time.perf_counter() - t0 < 0.5  # was 4.6 s at 20k, quadratic


def test_hostile_long_input_is_read_in_linear_time():
    text = "Italian " + "a" * 200_000 + " " * 100_000
    assert as_adjective(text, 0, 7) is True
    text = " " * 100_000 + "Italian restaurant"
    start = text.index("Italian")
    assert as_adjective(text, start, start + 7) is True


def test_languages_are_esco_skills_of_one_capitalised_word_not_tools():
    skills = [
        SkillEntry(1, "u1", "Italian", skill_type="knowledge"),
        SkillEntry(2, "u2", "Python", skill_type="knowledge", technology=True),
        SkillEntry(3, "u3", "plan", skill_type="skill/competence"),
        SkillEntry(4, "u4", "food safety", skill_type="knowledge"),
        SkillEntry(5, "u5", "speak Italian", skill_type="skill/competence"),
        SkillEntry(6, "u6", "Chinese", skill_type="skill/competence"),  # so ESCO files it
        SkillEntry(7, "u7", "Excel", skill_type="", source="onet", technology=True),
    ]
    assert language_rows(skills) == frozenset({0, 5})
