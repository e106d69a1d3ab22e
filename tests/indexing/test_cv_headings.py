"""A CV's section headings are no skills: "PROFILE" read *profile people*, "EXPERIENCE" *manage
the customer experience*, "Hobbies" *recreation activities* (indexing.text.HEADINGS)."""

from __future__ import annotations

import pytest

from indexing.extract import units
from indexing.text import is_heading

CV = """PROFILE
Reliable team player with 8 years in retail.

WORK EXPERIENCE
Assistant Store Manager, 2019-2024
- Managed a team of 12 staff

Education:
Hobbies and interests
Football, cooking"""


@pytest.mark.parametrize(
    "line",
    ["PROFILE", "Experience", "WORK EXPERIENCE", "Education:", "Hobbies and interests",
     "Key Skills", "Personal statement", "  References  ", "Employment history:"],
)  # fmt: skip
def test_a_cv_heading_line_is_a_heading(line):
    assert is_heading(line)


@pytest.mark.parametrize(
    "line",
    ["Experience with Python and SQL", "Training new staff", "Languages: English, Spanish",
     "Profile people for recruitment", "Education sector administrator"],
)  # fmt: skip
def test_a_line_that_goes_on_is_no_heading(line):
    assert not is_heading(line)


def test_the_headings_of_a_cv_are_not_read_its_lines_are():
    read = [CV[s.start : s.end] for s, u in units(CV) if s == u]
    assert not any(t.strip().lower() in {"profile", "work experience", "hobbies and interests"}
                   for t in read), read  # fmt: skip
    assert any("Managed a team of 12 staff" in t for t in read)
    assert any("Football, cooking" in t for t in read)


@pytest.mark.slow
def test_headings_read_no_skill_on_the_real_model(real_runtime):
    text = "PROFILE\nEXPERIENCE\nEDUCATION\nHobbies\nInterests\nCashier at a supermarket."
    found = real_runtime.linker.extract(text)
    quoted = {text[e.start : e.end] for x in found for e in x.evidence} if found else set()
    labels = {x.preferred_label for x in found}
    assert not labels & {"profile people", "manage the customer experience",
                         "education administration", "recreation activities"}, labels  # fmt: skip
    assert not quoted & {"PROFILE", "EXPERIENCE", "EDUCATION", "Hobbies", "Interests"}
