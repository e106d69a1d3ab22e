"""What a job implies that ESCO's list for it leaves out: the skills its near kin all hold.

ESCO's lists differ between neighbouring jobs: a *taxi driver*'s holds no "drive vehicles",
"road traffic laws" nor "interpret traffic signals", which the other car drivers' (a delivery
van's, a hearse's, an armoured car's, a patient transport driver's) all do, so a chauffeur of
ten years was sent on "Vehicle Driving Basics" (13 h) and a road traffic laws course; a *chef*'s
holds no "food storage", which the head chef, pastry chef and private chef all hold. A careers
adviser strikes such steps: the job plainly shows them.

The job's near kin are the occupations of its ISCO unit group whose name ends in the same word
(*taxi driver*: the four other "... driver"s of unit 8322; a chef's: the chefs of 3434), in its
last two words where its last is one of a level or of work in general (`_GENERIC`: "manager",
"worker", "engineer"), from MIN_KIN to MAX_KIN of them. A skill is implied where it is
essential to at least SHARE of the kin and not to the job itself. Kin of one unit but another
trade's word share no such ground (a *barber* has no other barber, where the hairdressers' unit
would have him dye hair); a unit of many kin is a template's, no trade's. Measured over ESCO
(2026-12-07, twelfth session): 155 of the 3,007 occupations imply 564 skills in all; by the
last word alone and no limit of kin 405 implied 1,363 (a *sales account manager* held 48 shop
managers' licences and displays, a *youth information worker* 57 social work skills: the
review); at 2/3 of 2 or more kin 3,203 (a product quality controller held its footwear kin's
skills). The learner holds an implied skill as weaker evidence of the job
(`experience.add_job_evidence`, IMPLIED)."""

from __future__ import annotations

import re
from collections import Counter

from sqlmodel import Session

from service.repo import taxonomy as tax

MIN_KIN = 3
MAX_KIN = 12  # a unit of more is a template's (48 specialised shop managers of 1420)
SHARE = 0.75
_LAST_WORDS = re.compile(r"(?:[\w'-]+[ /])?[\w'-]+$")
# a word of a level or of work in general: kin by it alone share no trade (a *sales account
# manager*'s kin were shop managers, a *youth information worker*'s social workers, a *language
# engineer*'s engineers): such a name's kin end in its last two words
_GENERIC = frozenset(
    """manager worker engineer technician operator assistant teacher officer specialist analyst
    consultant clerk inspector supervisor director designer agent representative coordinator
    administrator scientist lecturer instructor attendant controller planner adviser advisor
    expert professional researcher""".split()
)


def _head(label: str) -> str:
    """The last word of an occupation's name ("taxi driver": "driver"; "waiter/waitress":
    "waitress"), its last two where that word is generic ("housing manager")."""
    m = _LAST_WORDS.search(label.strip().lower())
    if m is None:
        return ""
    words = re.split(r"[ /]", m.group())
    return m.group() if words[-1] in _GENERIC and len(words) == 2 else words[-1]


def implied_skills(
    session: Session, occupation_id: int, isco_code: str, label: str, own: frozenset[int]
) -> tuple[int, ...]:
    """The skills (ids, ascending) essential to at least SHARE of the job's near kin (the
    occupations of its ISCO unit whose name ends in its word or words, `_head`; MIN_KIN to
    MAX_KIN of them) and not in `own` (the job's essentials)."""
    if len(isco_code) < 4 or not (head := _head(label)):
        return ()
    kin = [
        oid
        for oid, name in tax.occupations_of_unit(session, isco_code=isco_code)
        if oid != occupation_id and _head(name) == head
    ]
    if not MIN_KIN <= len(kin) <= MAX_KIN:
        return ()
    held = Counter(
        sid
        for skills in tax.essential_skills_of(session, occupation_ids=kin).values()
        for sid, _ in skills
    )
    need = SHARE * len(kin)
    return tuple(sorted(sid for sid, n in held.items() if n >= need and sid not in own))
