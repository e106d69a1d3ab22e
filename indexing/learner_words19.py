"""A learner's words, a nineteenth round (docs/quality.md): people a learner is responsible for
or in charge of, contractors managed and reports written (`ROUND19_PAIRS`), an office's admin
(`ROUND19_CONTEXT_ALIASES`), and advisers who advise no supervisor (`ROUND19_UNSAID`, read by
`indexing.unsaid`):

- "responsible for 25 colleagues", "in charge of 12 room attendants": the people are managed,
  as by the eighteenth round's managing verb (*manage staff*); "responsible for" and "in charge
  of" are one word each to `indexing.pair_search` ("responsible_for", "charge_of"), and a word
  of doing just after them is what the learner is responsible for (`doing=False`: "responsible
  for training new drivers" trains them);
- contractors managed or overseen are *monitor contractor performance* (ESCO: "manage
  contractor performance and assess whether they meet the agreed standard"), not staff;
- reports produced, written, prepared or typed are *write work-related reports* (the
  eighteenth round's "direct reports" are no people after such a verb: `learner_words18.MADE`);
- "admin" in a line about an office (a receptionist's, a clerk's) is the office's clerical work
  (*perform clerical duties*, *office administration*), not a system's administrator: "Admin
  and receptionist at a GP surgery" read no skill;
- *advise supervisors* is not read from a line that names no supervisor or manager ("Careers
  advisors", "contact centre advisors": the small model reads the plural so).

A pair's hit is a curated alias: it names its skills, is kept at the unit's floor and owns its
words.
"""

from __future__ import annotations

from indexing.learner_words18 import (
    CALL_CENTRE,
    CALL_CENTRE_WORDS,
    CALLS,
    PEOPLE,
    STAFF,
    WORKERS,
)
from indexing.word_pairs import WordPair

OFFICE = "office"  # the context of `indexing.context_aliases.CONTEXTS`
_IN_CHARGE = "responsible_for charge_of"  # `indexing.pair_search._JOINED`
_CONTRACTORS = ("monitor contractor performance",)
ROUND19_PAIRS: tuple[WordPair, ...] = (
    WordPair.of(_IN_CHARGE, f"{WORKERS} staff team", STAFF, doing=False, **PEOPLE),
    WordPair.of(
        _IN_CHARGE, CALLS, STAFF, CALL_CENTRE, within=CALL_CENTRE_WORDS, doing=False, **PEOPLE
    ),
    WordPair.of(
        f"manage supervise oversee oversaw overseen coordinate {_IN_CHARGE}",
        "contractor subcontractor",
        _CONTRACTORS,
        doing=False,
        **PEOPLE,
    ),
    WordPair.of(
        "produce write wrote written prepare compile draft type",
        "report",
        ("write work-related reports",),
    ),
)

_CLERICAL = ("perform clerical duties", "office administration")
# alias -> (context, the ESCO skills it names there)
ROUND19_CONTEXT_ALIASES: dict[str, tuple[str, tuple[str, ...]]] = {"admin": (OFFICE, _CLERICAL)}

# (the skills' labels, a regular expression; the words that say them): not read from a line
# that says none of these words (`indexing.unsaid.Unsaid`, against any line)
ROUND19_UNSAID: tuple[tuple[str, str], ...] = (
    (
        "advise supervisors",
        """supervisor supervisors manager managers management boss bosses superior superiors
        line""",
    ),
)
