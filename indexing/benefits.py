"""What a job posting offers is no skill it asks for: "We offer 28 days holiday, a pension scheme
and free parking" read *develop pension schemes*, *distribute pensions* and *parking
regulations* as the job's skills; the lines under a "Benefits" or "What we offer" heading
likewise.

`offered(text, sentences)`: the sentences (by start) that say what is offered: one that opens
with the words of an offer ("We offer", "We provide", "In return we offer", "Benefits include",
"Perks:") and says nothing of learning (`_TEACHES`: "We offer training in Excel" and a
course's "We provide hands-on practice with SQL" are read), and every sentence under a heading
of an offer ("Benefits", "What we offer", "Perks", "What's in it for you", "In return") up to
the next heading, a line in capitals, a blank line, or a sentence with the words of what a job
asks for ("you", "your", "experience", "skills", "required", ...: postings run their
requirements on under headings no list knows, "The skills we're looking for are"). Only the
opening words are read: "You will offer advice" is no offer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from indexing.text import HEADINGS, Span, is_heading

_OPENERS = (
    r"we (?:also )?(?:offer|provide)|we can offer|we will offer|we'll offer|we are offering"
    r"|in return,? (?:we|you)|benefits? (?:include|includes|are)|perks? (?:include|includes)"
    r"|what we offer|our offer"
    r"|our benefits|what's in it for you|what is in it for you"
)
_OFFER = re.compile(
    rf"^\s*(?:[-*•·]\s*)?(?:(?:{_OPENERS})\b|(?:benefits|perks|the package|package)\s*:)", re.I
)
_HEADING = re.compile(
    r"^\s*(?:what we offer|our offer|we offer|benefits(?: and perks)?|perks(?: and benefits)?"
    r"|what'?s in it for you|what is in it for you|in return|the package|package"
    r"|rewards(?: and benefits)?|why join us)\s*:?\s*$",
    re.I,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# the words of what a job asks for: an offer's list ends where they come ("The skills we're
# looking for are", "3+ years experience with JavaScript", "Your undivided passion ...")
_ASKS = re.compile(
    r"\b(?:you|your|you're|experience|skills?|knowledge|ability|able to|degree|required"
    r"|requirements?|looking for|we need|must|should|qualifications?|proficien\w*"
    r"|familiar\w*|candidate|profile)\b",
    re.I,
)
# an offer of learning names what is learnt: "We offer training in Excel", a course's "We
# provide hands-on practice with SQL" (extraction reads a credential's description too)
_TEACHES = re.compile(
    r"\b(?:train\w*|learn\w*|course\w*|teach\w*|practi[cs]e|certif\w*|qualification\w*)\b",
    re.I,
)
_SHOUTED = re.compile(r"^[^a-z]*[A-Z]{3,}[^a-z]*$")  # "REQUIRED PROFILE": a heading


def offered(text: str, sentences: Sequence[Span]) -> set[int]:
    """The starts of the `sentences` of `text` that say what the job offers (module docstring)."""
    out: set[int] = set()
    under = False
    last_end = 0
    for s in sentences:
        if under and _BLANK_LINE.search(text, last_end, s.start):
            under = False  # a blank line ends the section
        last_end = s.end
        line = text[s.start : s.end + 1]
        if _HEADING.match(line.strip().rstrip("?!")):  # "What's in it for you?" heads a list
            under = True
            out.add(s.start)
        elif _OFFER.match(s.text) and not _TEACHES.search(s.text):
            out.add(s.start)
        elif is_heading(line) or s.text.split(":", 1)[0].strip().lower() in HEADINGS:
            under = False  # another section ("Requirements:", "Skills: Excel")
        elif under and (_ASKS.search(s.text) or _SHOUTED.match(s.text)):
            under = False  # what the job asks for, under a heading not known as one
        elif under:
            out.add(s.start)
    return out
