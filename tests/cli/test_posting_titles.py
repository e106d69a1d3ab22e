"""The titles of the shipped SkillSpan postings: the scraped first line runs on into the address
block and the page's metadata ("Date posted: ... Likes: 0 Dislikes: 0"); the house postings'
first line is a sentence. What the posting list shows must read as a job title."""

from __future__ import annotations

import re

import pytest

from service.defaults import POSTINGS, posting_title, read_jsonl_gz
from tests.utils.mini_data import DATA

JUNK = re.compile(r"<[A-Z]+>|Date posted|Likes:|Dislikes|\(\s*\)|\bm/f/d\b|[-|]\s*$|^\s*[-|]", re.I)


@pytest.mark.parametrize(
    ("scraped", "title"),
    [
        (
            "Principal Engineer eCommerce ( <ORGANIZATION> ) <ADDRESS> <ADDRESS> <LOCATION> - "
            "<LOCATION> Date posted: 2021-05-05 Likes: 0 Dislikes: 0 Love: 0",
            "Principal Engineer eCommerce",
        ),
        ("Senior QA Engineer ( m/f/d ) <ORGANIZATION>", "Senior QA Engineer"),
        (
            "iOS Developer <ORGANIZATION> <ADDRESS> 02000 <LOCATION> Date posted: 2021",
            "iOS Developer",
        ),
        (
            "Backend Engineer ( Python ) <ORGANIZATION> <LOCATION> - <LOCATION> Date posted: 2021",
            "Backend Engineer (Python)",
        ),
        (
            "Android Engineer ( m/f/x ) onsite or remote ( in <LOCATION> ) <ORGANIZATION>",
            "Android Engineer onsite or remote",
        ),
        (
            "We are looking for a Partner Success Manager ( PSM ) to manage our resellers and "
            "partners across Europe",
            "Partner Success Manager",
        ),
        ("The <ORGANIZATION> <ORGANIZATION> is recruiting", "Job posting"),
        (
            "<ORGANIZATION> <ORGANIZATION> is looking for a Warehouse Team Lead to run",
            "Warehouse Team Lead",
        ),
    ],
)
def test_scraped_titles_are_cleaned(scraped, title):
    assert posting_title({"title_guess": scraped, "text": scraped}) == title


def test_no_shipped_posting_title_carries_scraped_junk():
    titles = [posting_title(d) for d in read_jsonl_gz(DATA / POSTINGS)]
    bad = [t for t in titles if JUNK.search(t)]
    assert not bad, bad[:5]
    assert all(0 < len(t) <= 91 for t in titles)
