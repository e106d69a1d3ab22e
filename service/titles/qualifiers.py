"""The first word of a typed title that says the learner's level or how the work is employed, not
the occupation: "student nurse", "night care assistant", "assistant store manager".

`words.normalise_title` drops the qualifiers that never name an occupation ("junior", "trainee",
"apprentice"). The ones here sometimes do ("student counsellor", "bank manager", "night
watchman", "assistant accountant" are ESCO labels), so the resolver drops one only when the title
as written names no occupation (no ESCO label equals it, no curated title:
`TitleResolver._resolve_title`), the rest still names work (`unqualified`) and reading the rest
is surer than reading the whole (`choice.surer`: "Night Filler", a known title, stays whole).
A learner's level said last, after the field ("nursing student", "law graduate": `LEARNER_LAST`),
is dropped by the same rules ("nursing" reads as *nurse responsible for general care*). A title of
level words alone ("junior trainee", "Senior Intern") names no occupation (`only_level`).

What a learner's level word says is said back (`level_note`): a student nurse trains to be a nurse,
so the plan is a nurse's, and the answer says that the level was read as the learner's, not the
role's.
"""

from __future__ import annotations

from service.titles.words import (
    DROP_ANYWHERE,
    normalise_title,
    title_words,
    without_markers,
)

# the learner's level: what the learner is on the way to being ("student nurse", "trainee
# accountant", "apprentice electrician"); "trainee" and "apprentice" are dropped anywhere already.
# "student" before a head word of student services stays ("Student Affairs Dean", "Student Loan
# Counselor", "Student Recruiter": O*NET titles)
LEARNER_LEVEL = frozenset({"student", "trainee", "apprentice", "intern", "graduate"})
# the learner's level said last, after the field ("nursing student", "law graduate"); the others
# ("electrical apprentice", "accountancy trainee") `normalise_title` drops anywhere already
LEARNER_LAST = frozenset({"student", "graduate"})
STUDENT_SERVICES = frozenset(
    """dean director manager counselor counsellor adviser advisor officer coordinator
    co-ordinator recruiter guide assistant president vp administrator ambassador representative
    services support""".split()
)
# when the work is done ("night porter", "relief chef", "locum pharmacist"): dropped as the first
# word when the title names nothing as written
EMPLOYMENT_FIRST = frozenset({"night", "relief", "locum", "weekend"})
# how the work is done or what else the worker brings, not the trade ("Bilingual receptionist",
# "multi-skilled maintenance technician", "Mobile hairdresser", "Self-employed plasterer"):
# dropped as the first word by the same rules ("mobile crane operator" is an ESCO label, kept)
DESCRIPTIVE_FIRST = frozenset(
    {"bilingual", "multilingual", "trilingual", "multi-skilled", "multiskilled", "mobile"}
    | {"self-employed"}
)
# "mobile" before a thing names the trade ("Mobile Home Park Manager", "Mobile Equipment
# Mechanic", "mobile phone repairer": O*NET titles and ESCO labels), before a person how it works
MOBILE_THINGS = frozenset(
    """home homes equipment electronics heavy crane phone phones app apps application
    applications network networks device devices plant machinery data communications""".split()
)
# a staff bank's or an agency's shifts are care, hospitality, driving or teaching work ("bank
# nurse", "agency support worker"); "Bank Examiner", "Agency Legal Counsel" name the bank's work
STAFFING_FIRST = frozenset({"bank", "agency"})
STAFFED_HEADS = frozenset(
    """nurse midwife carer worker assistant porter cleaner driver chef cook teacher
    practitioner therapist pharmacist""".split()
)
# a manager's deputy is read as the manager ("assistant store manager", "deputy nursery manager"):
# these before a managerial head word only, since "assistant accountant" is another occupation
DEPUTY_FIRST = frozenset({"assistant", "deputy", "acting", "interim"})
MANAGERIAL = frozenset({"manager", "director", "head", "supervisor", "leader", "controller"})
# words that never name work: a title of these alone names no occupation ("junior trainee")
# ("graduate" alone: O*NET's "Graduate Student" is a university teaching assistant, which a CV's
# "I'm a graduate with a degree in biology" is not)
LEVEL_ONLY = DROP_ANYWHERE | {"student", "graduate"}
# the rest must name work: a bare level word ("night manager" -> "manager") does not
BARE_LEVEL = frozenset(
    {"manager", "supervisor", "director", "head", "officer", "assistant", "worker", "staff"}
    | {"operative", "leader", "lead"}
)


def only_level(title: str) -> bool:
    """Whether every word of the title says a level or an employment and none a trade ("junior
    trainee", "Senior Intern (m/f/d)", "Trainee - London"); False for a title with no word."""
    words = title_words(without_markers(title))
    return bool(words) and all(w in LEVEL_ONLY for w in words)


def unqualified(cleaned: str) -> tuple[str, str]:
    """(the title without its qualifying first word, or its learner's level said last, that
    word) of a cleaned title (`words.normalise_title`): "student nurse" -> ("nurse",
    "student"), "assistant store manager" -> ("store manager", "assistant"), "nursing student"
    -> ("nursing", "student"); (cleaned, "") when no word qualifies or the rest would name no
    work."""
    words = cleaned.split()
    if len(words) < 2:
        return cleaned, ""
    first, rest = words[0], words[1:]
    if first in DEPUTY_FIRST and rest[-1] in MANAGERIAL and len(rest) >= 2:
        return " ".join(rest), first
    if len(rest) == 1 and rest[0] in BARE_LEVEL:
        return cleaned, ""
    staffed = first in STAFFING_FIRST and rest[-1] in STAFFED_HEADS
    learner = first in LEARNER_LEVEL and rest[-1] not in STUDENT_SERVICES
    described = first in DESCRIPTIVE_FIRST and not (first == "mobile" and rest[0] in MOBILE_THINGS)
    if staffed or learner or described or first in EMPLOYMENT_FIRST:
        return " ".join(rest), first
    if words[-1] in LEARNER_LAST and words[-2] not in BARE_LEVEL:  # "nursing student"
        return " ".join(words[:-1]), words[-1]
    return cleaned, ""


def level_said_last(title: str) -> str:
    """The learner's level said last, after a trade, that `normalise_title` drops anywhere
    ("plumbing apprentice", "electrical trainee" -> "apprentice", "trainee"), else ""."""
    words = title_words(without_markers(title))
    if len(words) >= 2 and words[-1] in LEARNER_LEVEL - LEARNER_LAST:
        return words[-1] if words[-2] not in LEVEL_ONLY | BARE_LEVEL else ""
    return ""


def level_note(title: str, dropped: str = "") -> str | None:
    """What the level words left out of the title say ("student nurse": the role read is the
    occupation a student nurse trains for): those the cleaning dropped (`normalise_title`) and
    the qualifier `unqualified` dropped; None when none was left out ("student counsellor")."""
    kept = set(normalise_title(title).split())
    said = [w for w in title_words(title) if w in LEARNER_LEVEL and w not in kept]
    if dropped in DEPUTY_FIRST | LEARNER_LEVEL and dropped not in said:
        said.append(dropped)
    if not said:
        return None
    words = " ".join(dict.fromkeys(said))
    return (
        f"'{words}' says your level, not the occupation: the role read is the occupation itself,"
        " the one you are training or stepping up towards"
    )


# the person of a field ("law" -> "lawyer", "pharmacy" -> "pharmacist", "translation" ->
# "translator"): a one-word name that shares the field's word less at most its last 3 letters
# ("pharmac-y"), and adds at most 3 letters of its own ("-ist", "-yer", "-ian", "-er")
FIELD_ENDING = 3
PERSON_ENDING = 3


def practitioner(field: str, names) -> str:
    """The one-word occupation name (`names`: ESCO preferred labels of one word) of the one who
    practises a one-word field: "law" -> "lawyer", "pharmacy" -> "pharmacist" (not
    "pharmacologist": "-ologist" adds more), the longest shared beginning first, then the
    shortest name; "" when none, or when the field is more than one word. A "law student" trains
    to be a lawyer; read as "law", the title went to *law lecturer*."""
    if " " in field or len(field) < 3:
        return ""
    best: tuple[int, int, str] | None = None
    for name in names:
        shared = len(_common_start(field, name))
        if name == field or shared < max(3, len(field) - FIELD_ENDING):
            continue
        if len(name) - shared > PERSON_ENDING:
            continue
        key = (-shared, len(name), name)
        best = key if best is None or key < best else best
    return best[2] if best else ""


def _common_start(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
