"""A CV's list: a mark, the years of a job or a length of service before the title at a line's
start ("- 5 yrs retail supervisor - cash up, rotas, stock", "2019-2021 Barista at Costa",
"• Kitchen porter"): the title is read after them (`experience._BULLET`); and a length of
service after it ends it ("Bricklayer 15 years, now bad back": `experience._YEARS_AFTER`).
Before, such a line named no job, and "stock" read *stock market* (`indexing.unsaid`: no line
without a word of shares or trading reads it)."""

from __future__ import annotations

import pytest

from service.profiles.experience import title_phrases
from tests.growth import assert_linear
from tests.profiles.reading import jobs_read


def _titles(text: str) -> list[str]:
    out = []
    for phrase, start, end in title_phrases(text):
        assert text[start:end] == phrase
        out.append(phrase)
    return out


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("- 5 yrs retail supervisor - cash up, rotas, stock", "retail supervisor"),
        ("• Retail supervisor (5 yrs)", "Retail supervisor"),
        ("* Chef de partie at the Hilton", "Chef de partie"),
        ("-Kitchen porter", "Kitchen porter"),
        ("10+ years HGV driver", "HGV driver"),
        ("2019-2021 Barista at Costa", "Barista"),
        ("- 2018 – 2020 Waiter", "Waiter"),
        ("Jan 2019 - Mar 2021 Chef", "Chef"),  # months and numbered lines (review)
        ("08/2019 - 03/2021 Barista", "Barista"),
        ("1) Kitchen porter", "Kitchen porter"),
        # "work as" said without "I" (review)
        ("I volunteered at a food bank and now work as a chef", "chef"),
        ("I live in a village and work as a cleaner", "cleaner"),
        ("5 years as a chef", "chef"),  # after its "as", as before
        ("Care assistant\n- 3 yrs nursing assistant", "nursing assistant"),  # a list's second line
        # a length of service after the title ends it (was "Bricklayer 15 years", no job)
        ("Bricklayer 15 years, now bad back", "Bricklayer"),
        ("Chef 10 yrs", "Chef"),
        ("Bricklayer fifteen years", "Bricklayer"),
        ("Class 1 HGV driver 20 years", "Class 1 HGV driver"),  # a class's number stays
        ("Level 3 electrician", "Level 3 electrician"),
    ],
)
def test_a_lists_mark_and_years_come_before_the_title(text, title):
    assert title in _titles(text)


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("2019-2021", []),
        ("- ", []),
        ("-\n•\n", []),
        ("5 years", []),  # the years alone are no title
    ],
)
def test_no_title_where_the_list_names_none(text, titles):
    assert _titles(text) == titles


def test_hostile_marks_and_years_grow_linearly():
    assert_linear(lambda t: _titles(t), lambda n: "- 5 yrs " * n + "chef", n=2_000)
    assert_linear(lambda t: _titles(t), lambda n: "Chef " + "10 " * n + "years", n=2_000)
    assert_linear(lambda t: _titles(t), lambda n: "-\n" * n, n=2_000)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "job"),
    [
        ("- 5 yrs retail supervisor - cash up, rotas, stock", "shop supervisor"),
        ("2019-2021 Barista at Costa", "barista"),
        ("• Kitchen porter, washing up", "kitchen porter"),
        ("Bricklayer 15 years, now bad back", "bricklayer"),
    ],
)
def test_the_lists_job_on_the_real_model(real_runtime, text, job):
    assert jobs_read(real_runtime, text)[:1] == [job]
