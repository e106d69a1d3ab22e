"""A title's job read from part of its words or with the place said after it: its trade by its
tool or after a place's words ("Java developer", "Supermarket checkout operator"), the closer
reading of its words after a place's ("Retail banking cashier": a bank's cashier), the title
with its workplace ("Porter in a hotel kitchen") and with what it works on ("Mechanic servicing
cars": a car mechanic). Each takes `job_of`, the reader's remembered
reading of a title (`experience._job_of`), and returns a job or None. Moved from
service/profiles/experience.py."""

from __future__ import annotations

import re

from service.profiles.title_doing import object_title
from service.profiles.title_tails import after_place, placed_form, title_tails, tool_trade
from service.profiles.workplace import place_titles, place_titles_before

_TAIL_WORD = re.compile(r"[A-Za-z][\w'-]*")


def trade_in(job_of, title: str, tools):
    """The job a title names by its tool ("Java developer": a software developer) or by its
    words after a place's or an object's ("Supermarket checkout operator": "checkout operator",
    a label of *cashier*; only an exact label, of two words or more unless after a workplace:
    "School caretaker": `title_tails`, `after_place`), or None."""
    if (trade := tool_trade(title, tools)) is not None:
        return job_of(trade)
    placed = after_place(title)
    for tail in title_tails(title):
        if len(tail.split()) < 2 and tail != placed:
            break  # a word alone may be another thing: "Civil servant" is no *servant*
        job = job_of(tail)
        if job is not None and job.exact:
            return job
    return None


# how much more closely the trade after a place's words must match a label than the whole
# title does, to be read instead ("banking cashier" 0.96 by "bank cashier", a *bank teller*;
# "Retail banking cashier" 0.88 by "Retail Cashier", a *cashier*)
CLOSER = 0.05


def closer_tail(job_of, title: str, best, labels: tuple[str, ...]):
    """The job the words of `title` after a place's or an object's (`title_tails`, two words
    or more) name more closely (CLOSER) than the whole does by its loose reading `best` (whose
    occupation's labels are `labels`, its name first), unless the words dropped are the name's
    own; the trade after a workplace where `best` is another trade's (`_another_trade`); else
    `best`."""
    said = {w.lower() for w in _TAIL_WORD.findall(labels[0])}  # the occupation `best` reads

    def keeps(tail: str) -> bool:  # "Pharmacy counter assistant": *pharmacy assistant* says it
        return not {w.lower() for w in _TAIL_WORD.findall(title[: len(title) - len(tail)])} & said

    placed = after_place(title)  # "Nursing home care assistant": "care assistant" first
    two = placed is not None and len(placed.split()) >= 2 and keeps(placed)  # not "Surgery ..."
    if two and (job := job_of(placed)) and job.label_score >= best.label_score + CLOSER:
        return job
    if placed is not None and keeps(placed) and _another_trade(best, labels, placed):
        if (job := job_of(placed)) is not None and job.exact:
            return job  # "School cook": a *cook*, not O*NET's "School Cafeteria Cook"'s
    for tail in title_tails(title):
        if len(tail.split()) < 2 or not keeps(tail):
            break
        for form in filter(None, (tail, placed_form(tail))):  # "banking cashier": a bank's
            job = job_of(form)
            if job is not None and job.label_score >= best.label_score + CLOSER:
                return job
    return best


def at_place(job_of, text: str, end: int, title: str, best, start: int | None = None):
    """The job `title` names with the workplace said after it (`workplace.place_titles`) and
    where its words end: the first such title that names a job by one of its labels exactly
    (more surely than the bare title does: "Porter" is a *hospital porter*'s label, "kitchen
    porter" a kitchen porter's; where the bare title is a label, a place's last word is read
    into it only where the title shares no word with the place: "Care assistant in a care
    home" is no "home care assistant", a *care at home worker*), else (where the bare title
    named none) the first that names one; else (best, end). With no place after it, the place
    said before "as (a)" and the title (`start`) is read so: "I have worked in a care home for 6
    years as a senior carer" (`workplace.place_titles_before`)."""
    is_label = best is not None and best.exact
    placed, place_end = place_titles(text, end, title, bare_is_label=is_label)
    if not placed and start is not None:
        placed = place_titles_before(text, start, title, bare_is_label=is_label)
    found = [job for p in placed if (job := job_of(p)) is not None]
    pick = next((job for job in found if job.exact), None)
    if pick is None and best is None and found:
        pick = found[0]
    return (pick, place_end) if pick is not None else (best, end)


def _another_trade(best, labels: tuple[str, ...], trade: str) -> bool:
    """Whether the loose reading `best` of a title that ends in `trade` after a workplace is
    another trade's: read by a known title (O*NET's, filed by its crosswalk), of an occupation
    none of whose `labels` says the trade's word ("School cook" read *quick service restaurant
    crew member* by "School Cafeteria Cook", "Hotel cook" *baker* by "Hotel and Restaurant
    Cook"; "Clinic receptionist" stays *medical administrative assistant*, a "medical
    receptionist")."""
    if best.label_kind != "known title":
        return False
    words = _TAIL_WORD.findall(trade.lower())
    if not words:
        return False
    head = words[-1]
    return not any(head in _TAIL_WORD.findall(label.lower()) for label in labels)


def object_trade(job_of, text: str, end: int, title: str):
    """The job `title` (ending at `end` in `text`) names with what its word of doing is done to
    said as its kind (`title_doing.object_title`: "Mechanic servicing cars" a "car mechanic", a
    *vehicle technician*; "Farm worker feeding cattle" a "cattle farm worker"), by a label
    exactly; else None ("Nurse helping patients": no label says "patient nurse")."""
    kind = object_title(text, end, title)
    job = job_of(kind) if kind is not None else None
    return job if job is not None and job.exact else None
