"""Words for the demo catalog: fictional issuers, sector wording, titles and descriptions."""

from __future__ import annotations

import random
import re
import unicodedata

from service.datagen.esco import SECTORS, Skill

# (name, language, currency, sectors). All fictional; URLs are made under example.org.
ISSUERS: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("Northbridge Health Academy", "en", "GBP", ("health_care", "education")),
    ("Meridian Institute of Care", "en", "USD", ("health_care",)),
    ("Harbourview Hospitality School", "en", "GBP", ("hospitality",)),
    ("Silver Fork Culinary Institute", "en", "USD", ("hospitality",)),
    ("Keystone Construction Skills Centre", "en", "GBP", ("construction",)),
    ("Ironclad Trades Alliance", "en", "USD", ("construction", "manufacturing")),
    ("Ledgerwise Finance Academy", "en", "GBP", ("finance",)),
    ("Capital Lane Institute of Banking", "en", "USD", ("finance",)),
    ("Greenfield Agricultural College", "en", "EUR", ("agriculture", "green")),
    ("Prairie Roots Extension Network", "en", "USD", ("agriculture",)),
    ("Brightpath Teachers' College", "en", "GBP", ("education",)),
    ("Open Classroom Collective", "en", "USD", ("education", "transversal")),
    ("Forgeworks Engineering Institute", "en", "USD", ("manufacturing",)),
    ("Precision Works Technical College", "en", "GBP", ("manufacturing",)),
    ("Crossdock Logistics Academy", "en", "EUR", ("logistics",)),
    ("Waypoint Transport Training", "en", "GBP", ("logistics",)),
    ("Storefront Retail Academy", "en", "USD", ("retail",)),
    ("Marketline Sales Institute", "en", "GBP", ("retail",)),
    ("Limelight Arts Conservatory", "en", "GBP", ("arts",)),
    ("Canvas & Stage Creative School", "en", "USD", ("arts",)),
    ("Bytecraft Academy", "en", "USD", ("ict", "digital")),
    ("CloudNorth Tech Institute", "en", "EUR", ("ict", "digital")),
    ("Datapoint Learning Labs", "en", "GBP", ("ict", "digital")),
    ("Evergreen Sustainability Institute", "en", "EUR", ("green",)),
    ("Circular Futures Academy", "en", "GBP", ("green", "manufacturing")),
    ("SkillBridge Open University", "en", "EUR", ("transversal", "digital", "education")),
    ("Civic Learning Commons", "en", "USD", ("transversal",)),
    ("Atlas Professional Standards Board", "en", "USD", ("ict", "finance", "construction")),
    ("Akademie für Handwerk und Technik", "de", "EUR", ("construction", "manufacturing")),
    ("Rheintal Gesundheitsakademie", "de", "EUR", ("health_care",)),
    ("Digitalwerk Bildungszentrum", "de", "EUR", ("ict", "digital")),
    ("Alpenblick Hotelfachschule", "de", "EUR", ("hospitality",)),
    ("Institut Lumière de Formation", "fr", "EUR", ("arts", "education")),
    ("École des Métiers de la Santé", "fr", "EUR", ("health_care",)),
    ("Campus Vert Agro-Formation", "fr", "EUR", ("agriculture", "green")),
    ("Escuela Mediterránea de Hostelería", "es", "EUR", ("hospitality",)),
    ("Instituto Ibérico de Logística", "es", "EUR", ("logistics", "retail")),
    ("Academia Sol de Finanzas", "es", "EUR", ("finance",)),
    ("Deltaport Opleidingscentrum", "nl", "EUR", ("logistics", "manufacturing")),
    ("Polder Tech Academie", "nl", "EUR", ("ict", "digital", "construction")),
]

# sector -> (display name, where the work happens, audiences)
SECTOR_TEXT: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "ict": ("ICT", "in software and IT teams", ("IT professionals", "developers and analysts")),
    "health_care": (
        "Health Care",
        "in hospitals, clinics and care settings",
        ("nurses, carers and allied health staff", "health care workers"),
    ),
    "hospitality": (
        "Hospitality",
        "in hotels, restaurants and catering",
        ("hospitality staff", "kitchen and front-of-house teams"),
    ),
    "construction": (
        "Construction",
        "on building sites and renovation projects",
        ("construction workers and site supervisors", "tradespeople"),
    ),
    "finance": (
        "Finance",
        "in banks, insurers and finance departments",
        ("finance and accounting staff", "banking professionals"),
    ),
    "agriculture": (
        "Agriculture",
        "on farms, in forestry and in fisheries",
        ("farmers, growers and farm workers", "agricultural technicians"),
    ),
    "education": (
        "Education",
        "in schools, colleges and training centres",
        ("teachers and trainers", "educators and teaching assistants"),
    ),
    "manufacturing": (
        "Manufacturing & Engineering",
        "on the shop floor and in engineering teams",
        ("machine operators and technicians", "engineers and production staff"),
    ),
    "logistics": (
        "Logistics & Transport",
        "in warehouses, fleets and supply chains",
        ("drivers, dispatchers and warehouse staff", "supply chain professionals"),
    ),
    "retail": (
        "Retail & Sales",
        "in shops, showrooms and sales teams",
        ("sales staff and store managers", "retail and marketing teams"),
    ),
    "arts": (
        "Arts & Culture",
        "in studios, stages and cultural venues",
        ("artists, performers and makers", "creative professionals"),
    ),
    "digital": (
        "Digital Skills",
        "in any digital workplace",
        ("office and knowledge workers", "anyone moving into a digital role"),
    ),
    "green": (
        "Green Skills",
        "in organisations moving towards sustainability",
        ("sustainability champions", "workers in green jobs"),
    ),
    "transversal": (
        "Transversal Skills",
        "in every kind of workplace",
        ("job seekers and career changers", "employees in any sector"),
    ),
}

KIND_NAME = {
    "badge": "digital badge",
    "course": "course",
    "certificate": "certificate programme",
    "certification": "certification",
    "nano_degree": "nano degree",
    "stackable_program": "stackable programme",
}

TITLES: dict[str, dict[str, tuple[str, ...]]] = {
    "badge": {
        "beginner": ("{p} Essentials", "Foundations of {p}", "{p}: First Steps"),
        "intermediate": ("Applied {p}", "{p} in Practice", "Practitioner Badge in {p}"),
        "advanced": ("Advanced {p}", "{p}: Expert Badge"),
    },
    "course": {
        "beginner": ("Introduction to {p}", "Getting Started with {p}", "{p} for Beginners"),
        "intermediate": ("Hands-on {p}", "Practical {p}", "{p} Workshop"),
        "advanced": ("Mastering {p}", "Masterclass in {p}"),
    },
    "certificate": {
        "beginner": ("Foundation Certificate in {p}",),
        "intermediate": ("Certificate in {p}", "Professional Certificate in {p}"),
        "advanced": ("Advanced Certificate in {p}", "Professional Certificate in {p}"),
    },
    "certification": {
        "knowledge": ("Certified {p} Practitioner", "Certified {p} Specialist"),
        "skill": ("Certified Specialist in {p}", "{p} Professional Certification"),
    },
    "nano_degree": {"any": ("Nano Degree in {p}", "{p} Nano Degree")},
    "stackable_program": {
        "any": ("{s} Pathway for {f}", "Career Track for {f}", "Stackable Programme for {f}")
    },
}

_DOUBLE = set(
    "admit ban char chat clip confer control cut debug degum dig drip drop fit get knit log lop "
    "map patrol pin plan plot preset program put refer rig run scan set ship shop sit skin snap "
    "spot stir stop strip stun submit swim tip transfer trap trim wrap".split()
)
_SMALL = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or"}
_SMALL |= {"the", "to", "with", "via"}
_VERB_FIRST: set[str] = set()  # first words of skill labels, filled by remember_verbs()


def remember_verbs(skills: list[Skill]) -> None:
    _VERB_FIRST.update(s.label.split()[0].lower() for s in skills if s.kind != "knowledge")
    _VERB_FIRST.update("know gain collate dispose mow conceive outline compose instruct".split())


def gerund(verb: str) -> str:
    v = verb.lower()
    if v in ("be", "see", "free", "agree", "oversee", "guarantee", "flee"):
        return v + "ing"
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v in _DOUBLE:
        return v + v[-1] + "ing"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")):
        return v[:-1] + "ing"
    return v + "ing"


def activity(s: Skill) -> str:
    """The skill as a noun phrase, lower case: 'manage staff' -> 'managing staff'."""
    label = s.label
    if s.kind == "knowledge":
        m = re.match(r"types of (.+)$", label)
        return f"{m.group(1)} types" if m else label
    first, _, rest = label.partition(" ")
    if "-" in first:  # set-up, follow-up
        first, _, tail = first.partition("-")
        rest = f"{tail} {rest}".strip()
    return f"{gerund(first)} {rest}".strip()


def title_case(text: str) -> str:
    out = []
    for i, w in enumerate(text.split(" ")):
        if any(c.isupper() for c in w) or (i and w in _SMALL):
            out.append(w)
        else:
            out.append(re.sub(r"(^|[-(/])([a-z])", lambda m: m.group(1) + m.group(2).upper(), w))
    return " ".join(out)


def audience_of(family: str) -> str:
    """An ISCO group label as an audience: 'Engineering professionals (excluding x)' -> lower."""
    family = re.sub(r"\s*\(.*?\)|,? not elsewhere classified|,? excluding .*$", "", family)
    return family.strip().lower()


def slugify(text: str, limit: int = 80) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def make_title(
    rng: random.Random, kind: str, level: str, s: Skill, sector: str, family: str
) -> list[str]:
    """Candidate titles, best first; the caller keeps the first that is not taken."""
    tool = re.match(r"(use|apply|utilise) (\w+ \w.*)$", s.label)  # "use X" -> "X"
    phrase = title_case(tool.group(2) if tool else activity(s))
    table = TITLES[kind]
    if kind == "certification":
        options = table["knowledge" if s.kind == "knowledge" or tool else "skill"]
    else:
        options = table.get(level) or table["any"]
    options = list(options)
    rng.shuffle(options)
    fam = title_case(audience_of(family))
    if sector not in SECTORS:  # a collection's skill area, not an occupation family
        options = [t.replace(" for ", " in ") for t in options]
    titles = [t.format(p=phrase, s=SECTOR_TEXT[sector][0], f=fam) for t in options]
    audience = fam if sector in SECTORS else SECTOR_TEXT[sector][0]
    return titles + [f"{t} for {audience}" for t in titles]


def _first_sentence(text: str, limit: int = 230) -> str:
    safe = text.strip().replace("e.g.", "e\0g\0").replace("i.e.", "i\0e\0").replace("etc.", "etc\0")
    sentence = re.split(r"(?<=[a-z)])\. ", safe)[0].replace("\0", ".").rstrip(". ")
    if len(sentence) > limit:
        cut = max(sentence.rfind(", ", 0, limit), sentence.rfind(" and ", 0, limit))
        sentence = sentence[: cut if cut > 60 else limit].rstrip(" ,;:")
    if sentence.count("(") > sentence.count(")"):
        sentence = sentence[: sentence.rfind("(")].rstrip(" ,;:")
    return sentence


def _lower_first(text: str) -> str:
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def describe(
    rng: random.Random,
    kind: str,
    level: str,
    skills: list[Skill],
    sector: str,
    family: str | None,
    extra: str = "",
) -> str:
    """Two to four sentences: audience and topic, what the main skill is, what else, the outcome."""
    _, setting, audiences = SECTOR_TEXT[sector]
    audience = audience_of(family) if family and rng.random() < 0.6 else rng.choice(audiences)
    what = KIND_NAME[kind]
    main = skills[0]
    topic = _lower_first(activity(main))
    intro = {
        "beginner": (
            f"This {what} introduces {audience} to {topic} {setting}.",
            f"Designed for newcomers and {audience}, this {what} builds a solid grounding "
            f"in {topic}.",
        ),
        "intermediate": (
            f"Aimed at {audience} with some experience, this {what} deepens practical skills "
            f"in {topic} {setting}.",
            f"This {what} helps {audience} get better at {topic} {setting}.",
        ),
        "advanced": (
            f"This {what} takes experienced {audience} further into {topic}, with a focus on "
            f"complex cases {setting}.",
            f"Built for senior {audience}, the {what} treats {topic} at an expert level.",
        ),
    }[level]
    sentences = [rng.choice(intro)]
    desc = _first_sentence(main.description) if main.description else ""
    if desc:
        first, second = (re.sub(r"[^a-z ]", "", desc.lower()).split() + [""])[:2]
        if (first in _VERB_FIRST and second != "of") or first.endswith("ly"):
            lead = rng.choice(
                ("Participants learn to", "You will practise how to", "Learners find out how to")
            )
            sentences.append(f"{lead} {_lower_first(desc)}.")
        else:
            lead = rng.choice(("It covers", "The core material deals with", "It explains"))
            sentences.append(f"{lead} {_lower_first(desc)}.")
    others = [_lower_first(activity(s)) for s in skills[1:4]]
    if others:
        lead = rng.choice(("Further units address", "Along the way, learners also work on"))
        sentences.append(f"{lead} {_join(others)}.")
    sentences.append(extra or outcome(rng, kind, main))
    return " ".join(sentences)


def outcome(rng: random.Random, kind: str, main: Skill) -> str:
    can = (
        f"apply their knowledge of {_lower_first(main.label)} at work"
        if main.kind == "knowledge"
        else f"{main.label} on their own"
    )
    return {
        "badge": rng.choice(
            (
                "Learners who pass a short practical assessment earn a verifiable digital badge.",
                f"The badge is awarded to those who show they can {can}.",
            )
        ),
        "course": f"On completion, participants can {can} and receive a record of achievement.",
        "certificate": rng.choice(
            (
                "Assessment combines a portfolio of work tasks with a final review by an assessor.",
                f"Graduates can {can} and document it with an accredited certificate.",
            )
        ),
        "nano_degree": "The nano degree ends with a capstone project reviewed by industry mentors.",
    }.get(kind, f"Successful candidates can {can}.")
