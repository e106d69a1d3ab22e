"""What a job posting offers is no skill it asks for: "We offer 28 days holiday, a pension scheme
and free parking" read *develop pension schemes*, *distribute pensions* and *parking
regulations* as the job's skills; the lines under a "Benefits" or "What we offer" heading
likewise.

`offered(text, sentences)`: the sentences (by start) that say what is offered: one that opens
with the words of an offer ("We offer", "We provide", "In return we offer", "Benefits include",
"Perks:"), or a short one ending "available" or "provided" ("Sponsorship available"), and names
a benefit (`_BENEFIT`: holiday, pension, salary, parking, sponsorship, ...; "We provide
personal care to residents" in a carer's CV is work), and every sentence under a heading of an
offer ("Benefits", "What we offer", "Perks", "What's in it for you", "In return") up to
the next heading, a line in capitals, a blank line, or a sentence with the words of what a job
asks for ("you", "your", "experience", "skills", "required", ...: postings run their
requirements on under headings no list knows, "The skills we're looking for are"). A sentence
that speaks of learning is read either way (`_TEACHES`: "We offer training in Excel", a course's
"We provide hands-on practice with SQL"). Only the opening words are read: "You will offer
advice" is no offer.
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
# "REQUIRED PROFILE": a heading in capitals (two searches: one pattern backtracked
# catastrophically on a long run of capitals)
_LOWER = re.compile(r"[a-z]")
_CAPITALS = re.compile(r"[A-Z]{3}")
# what an offer's opening sentence offers: a posting's benefits, not work ("We provide personal
# care to residents" in a carer's CV, "We offer bespoke software in React" of an employer)
_BENEFIT = re.compile(
    r"\b(?:holidays?|annual leave|leave|pension\w*|salary|salaries|pay|bonus\w*|parking"
    r"|discounts?|gym|perks?|benefits?|package|insurance|allowance|company (?:car|van|phone)"
    r"|car scheme"
    r"|uniforms?|flexible|remote|hybrid|wellbeing|well-being|sick pay|healthcare|life assurance"
    r"|cycle to work|childcare|vouchers?|lunch\w*|relocation|equity|shares|stock options"
    r"|days? off|overtime|career|progression|sponsorship)\b",
    re.I,
)
# a short sentence whose head is a benefit that is there to have: "Sponsorship available.",
# "Visa sponsorship provided", "Free parking on site available", "Uniform provided". The head
# comes right before the ending: "Pension advice provided", "Remote IT support provided",
# "Holiday cover provided" are work a CV or a service states, and are read
_PERK_HEAD = (
    r"(?:(?:free|paid|visa|full|onsite|on-site|staff|company)\s+)*"
    r"(?:sponsorship|parking|uniforms?|accommodation|pension\s+scheme|overtime|discounts?"
    r"|(?:car|van|phone|laptop)(?:\s+allowance)?|gym\s+membership)(?:\s+on\s+site)?"
)
_ON_OFFER = re.compile(
    rf"^\s*(?:[-*•·]\s*)?{_PERK_HEAD}(?:\s*(?:,|\band\b|&)\s*{_PERK_HEAD})*"
    r"\s+(?:is\s+|are\s+)?(?:available|provided|offered|included|on\s+offer)\s*[.!]?\s*$",
    re.I,
)


def _shouted(text: str) -> bool:
    return _LOWER.search(text) is None and _CAPITALS.search(text) is not None


def _offers(sentence: str) -> bool:
    """Whether one sentence offers a benefit: an offer's opening words, or a short sentence
    ending "available" or "provided" (`_ON_OFFER`), that names a benefit and no learning."""
    if _TEACHES.search(sentence) or not _BENEFIT.search(sentence):
        return False
    if _OFFER.match(sentence):
        return True
    return bool(_ON_OFFER.match(sentence)) and not _ASKS.search(sentence)


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
        elif _offers(s.text):
            out.add(s.start)
        elif is_heading(line) or s.text.split(":", 1)[0].strip().lower() in HEADINGS:
            under = False  # another section ("Requirements:", "Skills: Excel")
        elif under and (_ASKS.search(s.text) or _shouted(s.text)):
            under = False  # what the job asks for, under a heading not known as one
        elif under and not _TEACHES.search(s.text):
            out.add(s.start)
    return out
