"""A workplace or a field said by another of its names: a UK building society, a US credit union
is a bank to the taxonomy ("bank cashier", "bank clerk": *bank teller*). "Building society
cashier" read *cashier* loosely (0.77, a shop's till) and no job; said as the bank, it names the
bank's teller. A UK social landlord's tenancies are its housing (round jobs-20): a "tenancy
manager" is a *housing manager* (no ESCO label says "tenancy", and "Tenancy manager" read *real
estate manager* loosely, 0.79, and no job); a title that names a job surely as written keeps it
("Tenancy support worker" stays *social care worker*). The reader tries the title so said
where the title as written names no job surely (`experience._job_of`)."""

from __future__ import annotations

import re

# a workplace's other name -> the workplace the taxonomy's labels say
_OTHER_NAMES = {
    "building society": "bank",
    "building societies": "bank",
    "credit union": "bank",
    "credit unions": "bank",
    "tenancy": "housing",
    "tenancies": "housing",
}
_NAMED = re.compile(r"\b(?:" + "|".join(sorted(_OTHER_NAMES, key=len, reverse=True)) + r")\b", re.I)
_SPACES = re.compile(r"\s+")


def as_known_place(title: str) -> str | None:
    """`title` with a workplace said by its other name said as the workplace ("Building society
    cashier": "bank cashier"), or None where it says none."""
    said = _SPACES.sub(" ", title)
    if _NAMED.search(said) is None:
        return None
    return _NAMED.sub(lambda m: _OTHER_NAMES[m.group().lower()], said)
