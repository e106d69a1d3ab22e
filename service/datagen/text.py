"""Words for the demo catalog: fictional issuers, sector wording and descriptions."""

from __future__ import annotations

import random
import re
import unicodedata

from service.catalog.audience import clean_label
from service.datagen.esco import Skill

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
    ("Fulcrum Engineering College", "en", "GBP", ("engineering", "manufacturing")),
    ("Voltline Technical Institute", "en", "USD", ("engineering",)),
    ("Ingenieurschule Nordlicht", "de", "EUR", ("engineering",)),
    ("Fieldstone Science Academy", "en", "GBP", ("science", "green")),
    ("Laboratoire Horizon Formation", "fr", "EUR", ("science", "health_care")),
    ("Clearwater Business School", "en", "USD", ("business", "transversal")),
    ("Officeworks Skills Centre", "en", "GBP", ("business", "digital")),
    ("Centro de Negocios Alameda", "es", "EUR", ("business",)),
    ("Civic Service Training College", "en", "GBP", ("public_services",)),
    ("Commonweal Institute for Public Service", "en", "USD", ("public_services", "education")),
    ("Stadtakademie für Sicherheit und Recht", "de", "EUR", ("public_services",)),
    ("Velvet Comb Academy of Beauty", "en", "GBP", ("personal_services",)),
    ("Everyday Services Training Hub", "en", "USD", ("personal_services", "hospitality")),
    ("Vakschool Dienstverlening Utrecht", "nl", "EUR", ("personal_services", "retail")),
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
        "Manufacturing",
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
    "engineering": (
        "Engineering",
        "in engineering offices, plants and field service",
        ("engineers and technicians", "electricians and electronics technicians"),
    ),
    "science": (
        "Science & Research",
        "in laboratories, field work and research teams",
        ("scientists and researchers", "laboratory and research staff"),
    ),
    "business": (
        "Business & Administration",
        "in offices, agencies and administrative teams",
        ("office and administrative staff", "managers and business professionals"),
    ),
    "public_services": (
        "Public Services",
        "in public administration, justice, social and protective services",
        ("public servants and social workers", "security and protective services staff"),
    ),
    "personal_services": (
        "Personal Services",
        "in salons, homes, sports facilities and service businesses",
        ("personal service workers", "service and care staff"),
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
    "badge": "badge",
    "course": "course",
    "certificate": "certificate programme",
    "certification": "certification",
    "nano_degree": "nano degree",
    "stackable_program": "stackable programme",
}


def slugify(text: str, limit: int = 80) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def audience_of(family: str) -> str:
    """An ISCO group label as an audience: 'Cooks' -> 'cooks'; '' when it is too long."""
    family = clean_label(family)  # as the catalog reads an audience back (service.catalog)
    return family if len(family.split()) <= 6 and "," not in family else ""


def lower_phrase(text: str) -> str:
    """A title-case phrase in running text: 'Food Safety with SQL' -> 'food safety with SQL'."""
    return " ".join(w if w[1:] != w[1:].lower() else w.lower() for w in text.split())


def _first_sentence(text: str, limit: int = 200) -> str:
    safe = text.strip().replace("e.g.", "e\0g\0").replace("i.e.", "i\0e\0").replace("etc.", "etc\0")
    sentence = re.split(r"(?<=[a-z)])\. ", safe)[0].replace("\0", ".").rstrip(". '\"")
    if len(sentence) > limit:
        cut = max(sentence.rfind(", ", 0, limit), sentence.rfind(" and ", 0, limit))
        sentence = sentence[: cut if cut > 60 else limit].rstrip(" ,;:")
    if sentence.count("(") > sentence.count(")"):
        sentence = sentence[: sentence.rfind("(")].rstrip(" ,;:")
    return sentence


def _lower_first(text: str) -> str:
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


def join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def describe(
    rng: random.Random,
    kind: str,
    level: str,
    hours: float,
    topic: str,
    audience: str,
    sector: str,
    skills: list[Skill],
    extra: str = "",
) -> str:
    """Three or four sentences: who it is for and what about, what you practise, the outcome."""
    setting = SECTOR_TEXT[sector][1]
    what = f"{int(hours)}-hour {KIND_NAME[kind]}"
    article = "An" if re.match(r"(8|11|18)\b|8\d\b", what) else "A"
    topic = lower_phrase(topic)
    intro = {
        "beginner": (
            f"This {what} introduces {audience} and newcomers to {topic} {setting}.",
            f"{article} {what} for {audience} starting out with {topic} {setting}.",
        ),
        "intermediate": (
            f"This {what} helps {audience} build practical skills in {topic} {setting}.",
            f"Aimed at {audience} with some experience, this {what} covers {topic} {setting}.",
        ),
        "advanced": (
            f"This {what} takes experienced {audience} further into {topic}, with complex "
            f"cases {setting}.",
            f"Built for senior {audience}, this {what} treats {topic} in depth {setting}.",
        ),
    }[level]
    sentences = [rng.choice(intro)]
    acts = [s.label for s in skills if s.kind != "knowledge" and len(s.label) <= 60][:4]
    know = [s.label for s in skills if s.kind == "knowledge" and len(s.label) <= 60][:3]
    if acts:
        lead = rng.choice(("You will learn to", "Participants practise how to", "Learners"))
        lead = "Learners practise how to" if lead == "Learners" else lead
        sentences.append(f"{lead} {join(acts)}.")
    if know:
        lead = rng.choice(("It also covers", "Background units explain", "Knowledge units cover"))
        sentences.append(f"{lead} {join(know)}.")
    elif skills[0].description:
        desc = _first_sentence(skills[0].description)
        sentences.append(f"At its core: {_lower_first(desc)}.")
    sentences.append(extra or outcome(rng, kind))
    return " ".join(sentences)


def outcome(rng: random.Random, kind: str) -> str:
    return {
        "badge": rng.choice(
            (
                "Learners who pass a short practical assessment earn a verifiable digital badge.",
                "The badge is awarded after an online quiz and a short work-based task.",
            )
        ),
        "course": rng.choice(
            (
                "On completion, participants receive a record of achievement.",
                "Each unit ends with an exercise; a final assessment leads to a certificate of "
                "completion.",
            )
        ),
        "certificate": rng.choice(
            (
                "Assessment combines a portfolio of work tasks with a final review by an assessor.",
                "Graduates document their skills with an accredited certificate.",
            )
        ),
        "nano_degree": "The nano degree ends with a capstone project reviewed by industry mentors.",
    }.get(kind, "Successful candidates receive a certificate.")
