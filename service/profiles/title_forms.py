"""Forms a CV gives a job title that name no occupation as written (docs/quality.md, a
seventeenth round): a licence class before a driver, a ledger's clerk, an adviser said in a
call centre.

- **A licence class before the trade** (`without_class`): "Class 1 HGV driver", "C+E driver",
  "7.5 tonne driver", "Cat C driver" read no job ("HGV driver" alone is *cargo vehicle
  driver*'s label). The class (the UK's Class 1 / Class 2, a category C, C1, C+E, D, D1, a
  vehicle's weight in tonnes) says which vehicle the driver holds a licence for; the title is
  read without it, and a bare "driver" after it as the class's vehicle: a lorry's (C, a weight
  in tonnes, Class 1 / 2) or a bus's (D).
- **A ledger's clerk** (`books_clerk`): "Purchase ledger clerk", "Sales ledger assistant",
  "Accounts payable administrator" name the part of the books the clerk keeps (ESCO's
  *bookkeeper* is an "accounts clerk"); read as "accounts clerk" where the title as written
  names no occupation.
- **A trade at another's practice** (`at_owners`): "Optician's receptionist", "Dentist's
  receptionist", "Solicitor's secretary" name the receptionist's or secretary's trade at a
  practice its owner's trade names; read as the trade alone where the title as written names no
  occupation. A helper of the owner's trade ("Electrician's mate", "Chef's assistant") or a
  relation ("Farmer's wife") is none (`experience._HELPER` keeps the helper unread).
- **A title said in a call centre** (`call_centre_title`): "Customer adviser in a bank call
  centre" (a workplace of three words: `workplace.place_titles` reads two) is a call centre's
  agent where the title's last word is one of an agent's (adviser, advisor, agent, operator,
  representative, rep, handler, executive; not an officer's or a consultant's: "Training officer
  in a call centre" trains agents).

Each is tried only where the title as written names no occupation (`experience._job_of`,
`experience.read_jobs`); the resolver decides whether the new title names one.
"""

from __future__ import annotations

import re

# a licence class said before the trade: "Class 1", "Class 2", "Cat C", "Category C+E", "C+E",
# "C1", "CE", "HGV 1", "LGV 2", "7.5 tonne", "7.5t", "18-tonne", "3.5 ton"; group `bus` a bus's
_CLASS = re.compile(
    r"(?:(?:class|cat|category)\s*(?:[123](?!\d)|(?P<bus>d1?(?:\s*\+\s*e)?)|c1?(?:\s*\+\s*e)?|c1?e)"
    r"|(?:c1?\s*\+\s*e|c1e|ce|c1)(?=\s)|[hl]gv\s*[123](?!\d)"
    r"|\d{1,2}(?:\.\d)?\s*(?:-\s*)?(?:tonnes?|tons?|t)(?![\w]))\s+",
    re.I,
)
_DRIVER = re.compile(r"drivers?", re.I)


def class_length(title: str) -> int:
    """The length of the licence class `title` begins with (its following spaces too); 0 where
    it begins with none. One anchored match: linear in the title."""
    m = _CLASS.match(title)
    return m.end() if m is not None and m.end() < len(title) else 0


def without_class(title: str) -> str | None:
    """`title` without the licence class it begins with ("Class 1 HGV driver": "HGV driver"),
    a bare driver as the class's vehicle's ("C+E driver": "lorry driver", "Cat D driver": "bus
    driver", "3.5t driver": "van driver"); None where it begins with none."""
    m = _CLASS.match(title)
    if m is None or m.end() >= len(title):
        return None
    rest = title[m.end() :].strip()
    if _DRIVER.fullmatch(rest):
        if m.group("bus"):
            return "bus driver"
        tonnes = _TONNES.match(m.group(0))
        return "van driver" if tonnes and float(tonnes.group(1)) < 7.5 else "lorry driver"
    return rest


# the weight of a class said in tonnes: up to 3.5 t a van (a car licence), from 7.5 t a lorry
_TONNES = re.compile(r"(\d{1,2}(?:\.\d)?)\s*(?:-\s*)?(?:tonnes?|tons?|t)\b", re.I)


# the part of the books a clerk keeps, then the clerk: "purchase ledger clerk", "sales ledger
# assistant", "accounts payable administrator", "bought ledger officer"
_BOOKS_CLERK = re.compile(
    r"(?:(?:purchase|purchases|sales|nominal|bought|sold|general)\s+ledger"
    r"|accounts?\s+(?:payable|payables|receivable|receivables)|ap|ar)"
    r"\s+(?:clerk|assistant|administrator|officer|executive|controller|supervisor|coordinator)",
    re.I,
)


# "optician's receptionist": the owner (a trade's word), its "'s", the trade (one or two words)
_OWNERS = re.compile(r"[a-z]{3,20}['’]s\s+(?P<trade>[a-z]{3,20}(?:\s+[a-z]{3,20})?)", re.I)
_NOT_OWN_TRADE = frozenset(
    """assistant assistants mate mates helper helpers apprentice apprentices labourer laborer
    runner boy girl wife husband son daughter partner friend""".split()
)


def at_owners(title: str) -> str | None:
    """The trade of `title` said at its owner's practice ("Optician's receptionist":
    "receptionist"), or None (module docstring)."""
    m = _OWNERS.fullmatch(title.strip())
    if m is None or m.group("trade").split()[0].lower() in _NOT_OWN_TRADE:
        return None
    return m.group("trade")


def books_clerk(title: str) -> str | None:
    """ "accounts clerk" where `title` is a clerk of a part of the books; else None."""
    return "accounts clerk" if _BOOKS_CLERK.fullmatch(title.strip()) else None


# after the title: "in a (bank) call centre", "at the council's contact centre", "for a busy
# call center" (at most three words before the centre)
_IN_CALL_CENTRE = re.compile(
    r"[ \t]+(?:in|at|for|with)[ \t]+(?:(?:an?|the)[ \t]+)?(?:[\w'’-]+[ \t]+){0,3}?"
    r"(?:call|contact|customer[ \t]+contact|customer[ \t]+service)[ \t]+cent(?:re|er)s?\b",
    re.I,
)
# an agent's word, not any officer's or consultant's ("Training officer in a call centre")
_AGENT_HEADS = frozenset(
    "adviser advisor agent operator representative rep handler executive".split()
)


def call_centre_title(text: str, end: int, title: str) -> tuple[str, int] | None:
    """("call centre agent", where the place ends) where `title` (ending at `end` in `text`)
    is an agent's and a call centre is said right after it; else None."""
    words = title.split()
    if not words or words[-1].lower() not in _AGENT_HEADS:
        return None
    m = _IN_CALL_CENTRE.match(text, end, min(len(text), end + 120))
    return ("call centre agent", m.end()) if m is not None else None


# a kitchen's deputy, as a learner's own job: ESCO files "sous chef" under *head chef* (and
# "sous-chef" under *chef*), so a sous chef's CV held every essential of the head chef the
# learner aims at, and the plan "evidenced" them with a 55 h cooking course; read as the chef the
# job shows, the head chef's own skills (budgets, shifts, recruiting) are left to learn. Only a
# CV's job: a typed target "sous chef" stays ESCO's head chef.
_DEPUTY_OF_KITCHEN = re.compile(
    r"(?:(?:junior|senior|executive|relief|acting)\s+)?(?:sous[\s-]+chef|second\s+chef)", re.I
)


def held_as(title: str) -> str | None:
    """The title a learner's own job is read as where ESCO files it one level up ("Sous chef":
    "chef"); None for any other."""
    return "chef" if _DEPUTY_OF_KITCHEN.fullmatch(title.strip()) else None
