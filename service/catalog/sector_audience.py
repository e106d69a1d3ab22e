"""Audiences that name a line of work ISCO has no label for: "laboratory and research staff",
"hospitality staff", "service and care staff", "tradespeople", "farmers, growers and farm
workers". Each is read as the ISCO-08 sub-major groups (two digits) of its sector, so a plan can
tell that a budgeting course "for laboratory and research staff" is written for other work than
a salon manager's (service.matching.aim), where before it read as open to anyone.

Two kinds of words are read, whole words, lower case:
- a field ("laboratory", "hospitality", "supply chain", "front-of-house") names an audience only
  before a word for people ("staff", "workers", "teams", "professionals" ...), alone or in a
  list ("laboratory and research staff", "kitchen and front-of-house teams"), so a course "in
  laboratories" or "about business plans" names no audience;
- a word for people of one line of work ("nurses", "farmers", "tradespeople", "teachers").
A sector's groups are the sub-major groups of the occupation families the demo catalog files
under it (service/datagen/esco.py SECTORS; tests/catalog/test_sector_audience.py keeps the two
in step); the words are read wherever a description says them, not only in the demo's phrases.
Audiences for anyone ("employees in any sector", "job seekers and career changers", "office and
knowledge workers" apart from "office") name no sector.
"""

from __future__ import annotations

import re

# sector -> ISCO-08 sub-major groups of its occupation families (SECTORS' prefixes, two digits;
# the armed forces' major group 0 left out: no audience word names them)
SECTOR_GROUPS: dict[str, tuple[str, ...]] = {
    "ict": ("13", "25", "35"),
    "health_care": ("13", "22", "26", "32", "33", "53"),
    "hospitality": ("14", "34", "42", "51", "94"),
    "construction": ("13", "21", "31", "71"),
    "finance": ("12", "13", "24", "33", "42", "43"),
    "agriculture": ("13", "21", "22", "31", "32", "61", "62", "92"),
    "education": ("13", "23", "24", "53"),
    "engineering": ("21", "31", "74"),
    "manufacturing": ("13", "31", "72", "74", "75", "81", "82", "83", "93"),
    "logistics": ("13", "31", "33", "43", "44", "83", "93", "96"),
    "retail": ("12", "14", "24", "33", "52", "95"),
    "arts": ("21", "26", "34", "73"),
    "science": ("21", "26", "31"),
    "business": ("11", "12", "13", "14", "24", "26", "33", "41", "42", "44"),
    "public_services": ("11", "24", "26", "33", "34", "54"),
    "personal_services": ("14", "34", "51", "91", "96"),
}

# sector -> fields of its work (comma-separated): an audience only before a word for people
FIELD_WORDS: dict[str, str] = {
    "ict": "it, ict, software, tech, data",
    "health_care": "health, health care, healthcare, allied health, clinical, medical, nursing, "
    "care, hospital",
    "hospitality": "hospitality, kitchen, front-of-house, front of house, catering, hotel, "
    "restaurant, bar, food service",
    "construction": "construction, building, site, trades",
    "finance": "finance, financial, accounting, accounts, banking, bank, insurance",
    "agriculture": "farm, agricultural, agriculture, forestry, fishery, fisheries, horticultural",
    "education": "education, teaching, school, childcare",
    "manufacturing": "production, manufacturing, factory, plant, machine, shop floor",
    "logistics": "warehouse, logistics, supply chain, transport, fleet, delivery, shipping",
    "retail": "sales, retail, store, shop, marketing",
    "arts": "creative, arts, cultural, media",
    "engineering": "engineering, electrical, electronics, maintenance",
    "science": "laboratory, lab, research, science, scientific",
    "business": "office, administrative, administration, business, clerical",
    "public_services": "public, public sector, social, security, protective, protective services, "
    "justice",
    "personal_services": "service, personal service, beauty, salon, cleaning, fitness, sports",
}
PEOPLE = (
    "staff, workers, teams, team members, professionals, employees, personnel, practitioners, "
    "specialists, supervisors, managers, technicians, assistants, operatives, operators, officers, "
    "leaders"
)
# sector -> people of its work, said alone
PERSON_WORDS: dict[str, str] = {
    "ict": "developers, programmers",
    "health_care": "nurses, carers, caregivers, clinicians, therapists, paramedics, midwives",
    "hospitality": "chefs, waiters, bartenders, baristas",
    "construction": "tradespeople, tradesmen, builders",
    "finance": "accountants, bankers, bookkeepers",
    "agriculture": "farmers, growers, gardeners, fishers, foresters",
    "education": "teachers, trainers, educators, tutors, lecturers",
    "logistics": "drivers, dispatchers, couriers",
    "retail": "salespeople, cashiers, shopkeepers",
    "arts": "artists, performers, musicians, designers, craftspeople",
    "engineering": "engineers, electricians",
    "science": "scientists, researchers",
    "business": "administrators, secretaries, clerks, receptionists",
    "public_services": "public servants, civil servants, social workers, guards",
    "personal_services": "hairdressers, beauticians, cleaners",
}


def _words(text: str) -> list[str]:
    return [w.strip() for w in text.split(",") if w.strip()]


FIELDS = {w: s for s, text in FIELD_WORDS.items() for w in _words(text)}
PERSONS = {w: s for s, text in PERSON_WORDS.items() for w in _words(text)}


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_FIELD = _alternatives(FIELDS)
_LIST = rf"(?:{_FIELD})(?:(?:,\s*|\s+and\s+|\s+or\s+|\s+)(?:{_FIELD}))*"
_FIELD_AUDIENCE = re.compile(rf"\b({_LIST})\s+(?:{_alternatives(_words(PEOPLE))})\b")
_FIELD_WORD = re.compile(rf"\b(?:{_FIELD})\b")
_PERSON = re.compile(rf"\b(?:{_alternatives(PERSONS)})\b")


def sector_audience(sentence: str) -> tuple[str, ...]:
    """The ISCO sub-major groups of the sectors a (lower-case) sentence names as its audience,
    in the order said, each once; () when it names none."""
    found: list[tuple[int, str]] = []
    for m in _FIELD_AUDIENCE.finditer(sentence):
        base = m.start(1)
        found += [(base + w.start(), FIELDS[w.group(0)]) for w in _FIELD_WORD.finditer(m[1])]
    found += [(m.start(), PERSONS[m.group(0)]) for m in _PERSON.finditer(sentence)]
    sectors = dict.fromkeys(s for _, s in sorted(found))
    return tuple(dict.fromkeys(g for s in sectors for g in SECTOR_GROUPS[s]))
