"""The words of a typed job title that do not name the occupation, and the abbreviations people use.

`normalise_title` drops seniority and employment words ("Senior", "Trainee", "II", "(m/f/d)",
"part-time", "remote") so that "Junior Data Analyst (m/w/d) - remote" and "data analyst" resolve
alike; `expand_abbreviations` spells out the abbreviations common in titles ("QA", "HR", "UX",
"DBA", "SRE"). Both are pure string functions.
"""

from __future__ import annotations

import re

# Words that say how senior, how employed or where, never which occupation. "lead" and
# "principal" only as the first word ("Lead Developer"), since "team lead" names a role.
DROP_ANYWHERE = frozenset(
    """junior jr jnr senior sr snr trainee intern internship apprentice apprenticeship
    experienced entry-level mid-level remote hybrid onsite on-site part-time full-time
    fulltime parttime temporary temp seasonal permanent freelance casual contract fixed-term
    i ii iii iv v vi""".split()
)
DROP_FIRST = frozenset({"lead", "principal", "graduate", "assistant-level"})
DROP_PHRASES = (
    "entry level",
    "mid level",
    "part time",
    "full time",
    "work from home",
    "all genders",
    "fixed term",
    "level 1",
    "level 2",
    "level 3",
    "level 4",
    "weekend",
    "nights",
)
# words written apart or joined ("multi skilled", "self employed"): said as one, so that the
# qualifier rules read them (`qualifiers.DESCRIPTIVE_FIRST`)
JOINED_PHRASES = {"multi skilled": "multi-skilled", "self employed": "self-employed"}
# IT support's tiers ("1st line support", "2nd line IT support engineer", "third-line analyst"):
# the line is the service desk's, so the title is an ICT one (ESCO's "electricity distribution
# technician" won "2nd line support engineer"); the third line is the systems and networks behind
# the desk. Only before IT support's words: "first line manager", "First-Line Production
# Supervisor" are no IT support
_IT_WORD = "it|ict|support|help|helpdesk|service|desk|technical|analyst|engineer|technician"
_LINE = rf"[- ]line\s+(?=(?:{_IT_WORD})\b)"
LINE_SUPPORT = re.compile(r"\b(?:1st|2nd|first|second)" + _LINE)
THIRD_LINE = re.compile(r"\b(?:3rd|third)" + _LINE)
# when the work is done, not what it is: each becomes "shift", which DROP_INSIDE then drops
# ("Warehouse Night Shift Supervisor" is a warehouse supervisor; "Night Shift Supervisor" a
# shift supervisor)
SHIFT_PHRASES = ("night shift", "day shift", "late shift", "early shift", "weekend shift")
# "Shop Floor Assistant", "sales floor colleague": the floor is the shop's, where its assistants
# serve ("shop assistant"); O*NET's "Floor Clerk", "Floor Manager" sent the titles to *specialised
# seller* and shop managers. Only before a shop assistant's words: a factory's "shop floor
# operative", "shop floor supervisor" are production work
SHOP_FLOOR = re.compile(
    r" (?:shop|sales|retail) floor (?=(?:assistant|colleague|associate|advisor|adviser|staff"
    r"|team member)s? )"
)
# "shift" says when, not what, inside a title ("Warehouse Shift Supervisor"); as its first word
# it is part of the name ("Shift Manager")
DROP_INSIDE = frozenset({"shift"})
# "Head of Marketing" is a marketing manager, "Director of Nursing" a nursing director: the
# department after "of" names the occupation, the head word its level
HEAD_OF = re.compile(r"^(head|director|manager|supervisor|chief) of (?:the )?(.+)$")
HEAD_WORD = {"head": "manager"}  # the others name their level themselves
# Gender markers of European job ads: (m/f/d), m/w/d, (f/m/x), h/f, (all genders).
GENDER = re.compile(r"\(?\b(?:[mwfhdx]\s*/\s*){1,3}[mwfhdx]\b\)?", re.IGNORECASE)
PAREN = re.compile(r"\(([^()]*)\)")
# A location or team after a separator: "Data Analyst - London", "Nurse | Night shifts".
TAIL = re.compile(r"\s+[-|\u2013\u2014:]\s+.*$")


def without_markers(title: str) -> str:
    """The title without its gender marker ("(m/f/d)") and its tail (" - London"), stripped."""
    return TAIL.sub("", GENDER.sub(" ", title)).strip()


ABBREVIATIONS = {
    "qa": "quality assurance",
    "qc": "quality control",
    "hr": "human resources",
    "ux": "user experience",
    "ui": "user interface",
    "pm": "project manager",
    "dba": "database administrator",
    "sre": "site reliability engineer",
    "it": "ICT",
    "ict": "ICT",
    "ai": "artificial intelligence",
    "ml": "machine learning",
    "bi": "business intelligence",
    "seo": "search engine optimisation",
    "pr": "public relations",
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "cto": "chief technology officer",
    "cio": "chief information officer",
    "coo": "chief operating officer",
    "vp": "vice president",
    "rn": "registered nurse",
    "lpn": "licensed practical nurse",
    "cna": "certified nursing assistant",
    "hca": "healthcare assistant",
    "emt": "emergency medical technician",
    "gp": "general practitioner",
    "ot": "occupational therapist",
    "hgv": "heavy goods vehicle",
    "lgv": "large goods vehicle",
    "flt": "forklift",  # a fork-lift truck ("FLT driver", "FLT operator")
    "ev": "electric vehicle",  # "EV technician", "EV charge point installer"
    "csr": "customer service representative",
    "pa": "personal assistant",
    # a UK contraction, said as ESCO says it ("telephone sales agent" of *call centre agent*):
    # "telesales executive" read *chief executive officer* by O*NET's "Business Executive"
    "telesales": "telephone sales",
    "ea": "executive assistant",
    "ba": "business analyst",
    "hvac": "heating, ventilation and air conditioning",
    "cnc": "computer numerical control",
    "sdr": "sales development representative",
    "qs": "quantity surveyor",
    "ta": "teaching assistant",
    "bsl": "sign language",  # British Sign Language ("BSL interpreter")
    "asl": "sign language",  # American Sign Language
    "senco": "special educational needs coordinator",  # a UK school's SEN co-ordinator
    "pcso": "police community support officer",  # a UK police force's
    "lsa": "learning support assistant",  # a UK school's teaching assistant for pupils with SEN
    "devops": "DevOps",
}
WORD = re.compile(r"[^\W_][\w'.+#-]*", re.UNICODE)
# abbreviations of two letters joined by "&", which the words of a title would split ("H&S
# advisor": "h", "s"), said in full before the words are read
AMPERSAND_ABBREVIATIONS = {"h&s": "health and safety", "r&d": "research and development"}
AMPERSAND = re.compile(r"\b([a-z])\s?&\s?([a-z])\b", re.IGNORECASE)


def _ampersands_said(text: str) -> str:
    """ "H&S advisor" -> "health and safety advisor" (AMPERSAND_ABBREVIATIONS)."""

    def said(m: re.Match) -> str:
        return AMPERSAND_ABBREVIATIONS.get(f"{m.group(1)}&{m.group(2)}".lower(), m.group())

    return AMPERSAND.sub(said, text)


# Shortened words of titles ("Asst. Office Mgr", "social media exec", "ops manager"), said in full
# before anything else reads the title: unlike ABBREVIATIONS, no label or known title uses the
# short form, and the qualifier rules read the full word ("assistant office manager" -> "office
# manager", `qualifiers.unqualified`)
SHORT_WORDS = {
    "mgr": "manager",
    "mngr": "manager",
    "asst": "assistant",
    "exec": "executive",
    "coord": "coordinator",
    "co-ord": "coordinator",
    "supvr": "supervisor",
    "ops": "operations",
    "dept": "department",
    "mgmt": "management",
    "engr": "engineer",
    "rep": "representative",
}
# Clipped words of spoken UK titles ("vet nurse", "physio", "postie"), said in full as SHORT_WORDS
# are: the person when the word stands alone ("vet" -> "veterinarian"), the field before another
# word ("vet nurse" -> "veterinary nurse", ESCO's preferred label; O*NET's "Vet Nurse" is a
# veterinary technologist's, which won). No ESCO label uses these forms (O*NET's "Dev Ops
# Engineer" alone uses "dev")
CLIPPED_WORDS = {
    "vet": ("veterinarian", "veterinary"),
    "physio": ("physiotherapist", "physiotherapy"),
    "postie": ("postman", "postal"),
    # a developer last ("software dev", "web dev"); before a word it may be development ("business
    # dev manager") or DevOps ("dev ops engineer"), so it is left as written
    "dev": ("developer", "dev"),
    # a technician last ("IT tech", "lab tech", "vet tech"); before a word ("tech lead", "tech
    # support") it may be technology or technical, so it is left as written
    "tech": ("technician", "tech"),
}


def _said_in_full(words: list[str]) -> list[str]:
    """SHORT_WORDS and CLIPPED_WORDS said in full: a clipped word alone as the person, before
    another word as the field."""
    out = [SHORT_WORDS.get(w, w) for w in words]
    for i, w in enumerate(out):
        if w in CLIPPED_WORDS:
            out[i] = CLIPPED_WORDS[w][i + 1 < len(out)]
    return out


def title_words(title: str) -> list[str]:
    """The lowered words of a title ("C++", "front-end" and ".NET"-like words kept whole)."""
    return [w.strip(".-").lower() for w in WORD.findall(title) if w.strip(".-")]


def normalise_title(title: str) -> str:
    """The title without seniority, employment and gender words, lowered; the title itself
    (lowered) when nothing would be left."""
    text = without_markers(title) or title
    text = _ampersands_said(_one_of_paired_forms(text))
    low = " " + " ".join(_said_in_full(title_words(text))) + " "
    low = LINE_SUPPORT.sub("it ", THIRD_LINE.sub("it infrastructure ", low))
    low = low.replace(" it it ", " it ").replace(" it infrastructure it ", " it infrastructure ")
    for phrase in SHIFT_PHRASES:
        low = low.replace(f" {phrase} ", " shift ")
    for phrase in DROP_PHRASES:
        low = low.replace(f" {phrase} ", " ")
    for phrase, word in JOINED_PHRASES.items():
        low = low.replace(f" {phrase} ", f" {word} ")
    low = SHOP_FLOOR.sub(" shop ", low)
    words = [w for w in low.split() if w not in DROP_ANYWHERE]
    words = [w for i, w in enumerate(words) if i == 0 or w not in DROP_INSIDE]
    while words and words[0] in DROP_FIRST and len(words) > 1:
        words = words[1:]
    text = " ".join(words)
    head_of = HEAD_OF.match(text)
    if head_of:  # "head of ict" -> "ict manager"
        level = head_of.group(1)
        text = f"{head_of.group(2)} {HEAD_WORD.get(level, level)}"
    return text or " ".join(title_words(title))


def _one_of_paired_forms(text: str) -> str:
    """ "Registered Nurse (RN)" -> "Registered Nurse"; "CNA (Certified Nursing Assistant)" ->
    "Certified Nursing Assistant": an abbreviation beside its spelled-out form is said once."""
    inner = " ".join(PAREN.findall(text))
    outer = PAREN.sub(" ", text).strip()
    if not inner:
        return text
    if len(inner.split()) == 1 and len(outer.split()) >= 2:
        return outer
    if len(outer.split()) == 1 and len(inner.split()) >= 2:
        return inner
    return f"{outer} {inner}".strip()


# Words of the same level that titles use and the taxonomy does not: a "team leader" in a
# warehouse, a shop or a contact centre is its supervisor (ESCO: "warehouse supervisor",
# "customer service supervisor"), as a "head of" is a manager (HEAD_OF).
LEVEL_SYNONYMS = (("team leader", "supervisor"), ("team lead", "supervisor"))
# ESCO often names a supervisor's role by its manager's occupation ("bar manager" and "beverage
# supervisor" are labels of *restaurant manager*): a doubtful title ending in the first word,
# which no label equals, is also read with the second (`TitleResolver._add_next_level`)
NEXT_LEVEL = (("supervisor", "manager"),)
# ESCO names a title's "X executive" by its manager's occupation 22 times in 35 ("marketing
# executive", "advertising executive", "brand executive": *marketing*, *advertising*, *brand
# manager*), as O*NET does a function's ("Training Executive"; a sector's executive, "Media
# Executive", is its chief executive): a title ending in the first word that no label equals is
# also read with the second when doubtful or when its nearest name is that form ("social media
# executive": the known title "Social Media Manager"; `TitleResolver._resolve`)
SAME_LEVEL = (("executive", "manager"),)


def expand_abbreviations(title: str) -> str:
    """Each known abbreviation spelled out ("qa engineer" -> "quality assurance engineer"), and
    "team leader" said as the taxonomy says it ("supervisor") after another word."""
    text = " ".join(ABBREVIATIONS.get(w, w) for w in title.split())
    for said, meant in LEVEL_SYNONYMS:
        if text.endswith(f" {said}"):  # "warehouse team leader"; "team leader" alone stays
            return text[: -len(said)] + meant
    return text


# "duty manager at a leisure centre", "team leader in a contact centre", "driver for a courier":
# the place after the preposition and its article names the trade, which a title says first
# ("leisure centre duty manager"); without an article ("nurse in training", "Developer at
# Google") it is no place
CONTEXT = re.compile(r"^(.+?)\s+(?:at|in|for|within)\s+(?:a|an|the)\s+(.+)$", re.IGNORECASE)
MAX_CONTEXT_WORDS = 6  # a longer "place" is a sentence, not a trade


def split_context(title: str) -> tuple[str, str]:
    """(the title, the place it names) of "X at a Y" (CONTEXT): ("duty manager", "leisure
    centre"); (title, "") when it names none, or when either part would have no word."""
    got = CONTEXT.match(title.strip())
    if not got:
        return title, ""
    role, place = got.group(1), got.group(2)
    place_words = title_words(TAIL.sub("", place))
    if not title_words(role) or not place_words or len(place_words) > MAX_CONTEXT_WORDS:
        return title, ""
    return role, " ".join(place_words)


def next_level(title: str, table=NEXT_LEVEL) -> str:
    """The title with its closing level word said one level up ("bar supervisor" ->
    "bar manager", NEXT_LEVEL), or as ESCO says it (`table` SAME_LEVEL: "social media
    executive" -> "social media manager"); "" when it has none or is only that word."""
    for said, meant in table:
        if title.endswith(f" {said}"):
            return title[: -len(said)] + meant
    return ""


def level_to_read(query: str, first: str, doubtful: bool) -> str:
    """The title's level said as ESCO says it (NEXT_LEVEL, SAME_LEVEL), when it should be read
    so: a `doubtful` "X supervisor" or "X executive" ("bar supervisor": "bar manager"), or an "X
    executive" whose nearest name (`first`, the first reading's label) is "X manager" ("social
    media executive": the known title "Social Media Manager"); "" otherwise."""
    same = next_level(query, SAME_LEVEL)
    first = normalise_title(first) if first else ""
    # its nearest name says less than it ("marketing executive" for "digital marketing
    # executive"): the manager's label that says it all reads it
    broader = bool(first) and first != query and query.endswith(f" {first}")
    if same and (doubtful or first == same or broader):
        return same
    return next_level(query) if doubtful else ""


# A department's name said plural in UK titles ("Customer Services Manager", "Guest Services
# Agent") and singular in ESCO's labels ("customer service manager"). Only these: other plural
# modifiers name other work ("grounds worker" is no "ground worker", "communications equipment" no
# "communication equipment"; on the noisy set's development part every other plural lost)
DEPARTMENT_PLURALS = {"services": "service"}


def singular_modifiers(title: str) -> str:
    """The title with its departments' plural names said singular ("customer services manager"
    -> "customer service manager", DEPARTMENT_PLURALS), for an exact label only; the head word
    kept; "" when nothing changes."""
    words = title.split()
    said = [DEPARTMENT_PLURALS.get(w, w) for w in words[:-1]]
    return " ".join([*said, *words[-1:]]) if said != words[:-1] else ""


# "careers adviser": ESCO spells a word one way in one label ("careers advisor" of *career guidance
# advisor*) and the other in another ("credit adviser"); a title spelt the other way equalled no
# label and went by O*NET's "Personnel Advisor" (round h-titles15). Read for an exact label only.
OTHER_SPELLINGS = {"adviser": "advisor", "advisor": "adviser", "advisers": "advisors"}


def other_spelling(title: str) -> str:
    """The title with its words spelt the other way ("careers adviser" -> "careers advisor",
    OTHER_SPELLINGS); "" when nothing changes."""
    words = title.split()
    said = [OTHER_SPELLINGS.get(w, w) for w in words]
    return " ".join(said) if said != words else ""


# "construction site supervisor", "building site manager": the site is where the trade works, and
# ESCO's labels say the trade without it ("construction supervisor", an alternative label of
# *construction general supervisor*; the title went to *production supervisor*). Inside a title
# only, and read only for an exact label of one occupation (`TitleResolver._exact`): "security
# supervisor", a label of a guard and a consultant, is no reading of "Security Site Supervisor"
SITE_WORDS = frozenset({"site"})


def without_site(title: str) -> str:
    """The title without its site word between its trade and its head ("construction site
    supervisor" -> "construction supervisor", SITE_WORDS); "" when it has none."""
    words = title.split()
    kept = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and w in SITE_WORDS)]
    return " ".join(kept) if len(kept) < len(words) else ""


# "Welder/Fabricator", "Groundsman / Greenkeeper": two titles in one, either of which names the work
SLASH = re.compile(r"\s*/\s*")


def slash_parts(title: str) -> list[str]:
    """The titles of a title written "X/Y" (its gender marker and tail left out), in order:
    ["Welder", "Fabricator"]; [] when it has no slash or a part has no word."""
    text = without_markers(title)
    parts = [p.strip() for p in SLASH.split(text)] if "/" in text else []
    return parts if len(parts) >= 2 and all(title_words(p) for p in parts) else []


# a field said at the end of a title for the one who works in it ("Software Engineering" typed
# for a software engineer): no ESCO label ends in the field's name, and "software engineering"
# read *software tester* (round h-titles13). Read only where no label or curated title is equal
# to the title (`TitleResolver._resolve_title`)
FIELD_WORKERS = {"engineering": "engineer"}
# words that make the field a department's ("director of engineering", "VP engineering")
_DEPARTMENT_WORDS = frozenset(
    {"of", "and", "in", "for", "to", "director", "vp", "head", "chief", "president"}
    # a person of the field, not one who works in it ("Manager, Software Engineering",
    # "Lecturer Engineering", "Technical Recruiter Engineering")
    | set(
        """manager managers lead leader lecturer professor teacher tutor instructor dean svp evp
        coordinator administrator recruiter assistant""".split()
    )
)


def field_worker(title: str) -> str:
    """The title with its last word, a field, said as the one who works in it ("software
    engineering" -> "software engineer"); "" when it ends in no field, is the field alone, or
    names a department's head ("director of engineering")."""
    words = title.split()
    if len(words) < 2 or words[-1] not in FIELD_WORKERS:
        return ""
    if _DEPARTMENT_WORDS.intersection(words):
        return ""
    return " ".join([*words[:-1], FIELD_WORKERS[words[-1]]])
