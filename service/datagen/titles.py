"""Titles a person would recognise, made from a bundle's most salient short skill labels.

An ESCO skill label is an imperative ("manage kitchen staff"); a title wants noun phrases
("Kitchen Staff Management"). Generic verbs are dropped ("perform data analysis" -> "Data
Analysis"), common ones become nouns ("maintain equipment" -> "Equipment Maintenance"), the
rest are left out of titles. The one to three most salient phrases of a bundle are joined by a
few patterns ("A and B", "A with T1 and T2", "A: B and C", "A for <audience>").
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from service.datagen.esco import REUSE_ORDER, Skill

CENTRE = 2.0  # weight of a skill's closeness to the rest of its bundle in picking the title
GENERIC = (
    "use", "apply", "utilise", "utilize", "perform", "conduct", "carry out", "undertake",
    "execute", "follow", "ensure", "practise", "practice", "employ", "exercise", "implement",
    "provide", "adhere to", "comply with", "observe", "apply knowledge of", "work with",
    "have knowledge of", "demonstrate", "keep up with", "understand",
)  # fmt: skip
NOUN = {
    "manage": "Management", "maintain": "Maintenance", "install": "Installation",
    "inspect": "Inspection", "prepare": "Preparation", "repair": "Repair",
    "monitor": "Monitoring", "develop": "Development", "design": "Design",
    "analyse": "Analysis", "analyze": "Analysis", "plan": "Planning", "assess": "Assessment",
    "test": "Testing", "clean": "Cleaning", "control": "Control", "administer": "Administration",
    "calibrate": "Calibration", "diagnose": "Diagnosis", "evaluate": "Evaluation",
    "train": "Training", "supervise": "Supervision", "negotiate": "Negotiation",
    "handle": "Handling", "process": "Processing", "measure": "Measurement",
    "assemble": "Assembly", "coordinate": "Coordination", "write": "Writing",
    "organise": "Organisation", "schedule": "Scheduling", "store": "Storage",
    "estimate": "Estimation", "sell": "Sales", "purchase": "Purchasing", "cook": "Cooking",
    "cut": "Cutting", "weld": "Welding", "paint": "Painting", "record": "Recording",
    "document": "Documentation", "treat": "Treatment", "examine": "Examination",
    "identify": "Identification", "collect": "Collection", "select": "Selection",
    "promote": "Promotion", "teach": "Teaching", "audit": "Auditing", "configure": "Configuration",
    "program": "Programming", "draft": "Drafting", "forecast": "Forecasting",
    "interpret": "Interpretation", "investigate": "Investigation", "produce": "Production",
    "package": "Packaging", "load": "Loading", "drive": "Driving", "replace": "Replacement",
    "adjust": "Adjustment", "verify": "Verification", "mix": "Mixing", "sort": "Sorting",
    "dispose of": "Disposal", "build": "Building", "construct": "Construction",
    "edit": "Editing", "translate": "Translation", "market": "Marketing", "recruit": "Recruitment",
    "invoice": "Invoicing", "mould": "Moulding", "polish": "Polishing", "grind": "Grinding",
    "harvest": "Harvesting", "prune": "Pruning", "plant": "Planting", "feed": "Feeding",
    "serve": "Service", "brew": "Brewing", "bake": "Baking", "distribute": "Distribution",
    "protect": "Protection", "prevent": "Prevention", "report": "Reporting",
    "advise on": "Advice on", "create": "Creation", "calculate": "Calculation",
    "model": "Modelling", "simulate": "Simulation", "coach": "Coaching", "mentor": "Mentoring",
    "counsel": "Counselling", "supply": "Supply", "transport": "Transport",
    "survey": "Surveying", "map": "Mapping", "finish": "Finishing", "operate": "Operation",
    "tend": "Operation",
}  # fmt: skip
VAGUE = {
    "information", "support", "assistance", "advice", "guidance", "services", "care", "work",
    "tasks", "activities", "procedures", "duties", "instructions", "standards", "equipment",
    "operations", "materials", "data", "documents", "records", "policies", "products",
}  # fmt: skip
PLURAL_KEEP = ("ss", "us", "is", "ics", "sales", "goods", "premises", "series", "species")
PLURAL_KEEP += ("clothes", "news", "means", "arms", "customs", "glasses", "arts", "hands")
_SMALL = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or"}
_SMALL |= {"the", "to", "with", "via", "per"}
_WHEN = re.compile(r"\b(when|while|during|whilst|if|whether)\b")
_BAD = re.compile(r"\b(own|their|his|her|one's|oneself|yourself|etc|e\.g|i\.e)\b|[(),;/']")
_PREP = re.compile(
    r"\b(of|for|to|in|on|at|from|with|into|by|during|under|when|while|according|using|through"
    r"|via|as|about|against|between|within|without|after|before|around|across|per|like|such)\b"
)


def title_case(text: str) -> str:
    out = []
    for i, w in enumerate(text.split(" ")):
        if any(c.isupper() for c in w) or (i and w in _SMALL):
            out.append(w)
        else:
            out.append(re.sub(r"(^|[-/])([a-z])", lambda m: m.group(1) + m.group(2).upper(), w))
    return " ".join(out)


def singular(word: str) -> str:
    if word.endswith(PLURAL_KEEP) or not word.endswith("s"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]


# Everyday skills whose labels the rules below cannot turn into a title phrase (a bare verb, a
# manner, a preposition after the verb): what a course about them is called.
NAMED = {
    "troubleshoot": "Troubleshooting", "listen actively": "Active Listening",
    "think critically": "Critical Thinking", "think analytically": "Analytical Thinking",
    "think creatively": "Creative Thinking", "think holistically": "Holistic Thinking",
    "create solutions to problems": "Problem Solving",
    "address problems critically": "Critical Problem Analysis",
    "adapt to changing situations": "Adaptability", "accept own accountability": "Accountability",
    "meet deadlines": "Deadline Management", "follow work schedule": "Work Scheduling",
    "assist customers": "Customer Assistance", "relate empathetically": "Empathy",
    "cooperate with colleagues": "Teamwork", "liaise with colleagues": "Working with Colleagues",
    "liaise with managers": "Working with Managers", "work ergonomically": "Ergonomics",
    "work with respect for own safety": "Personal Safety at Work",
    "perform multiple tasks at the same time": "Multitasking",
    "present reports": "Report Presentation", "read standard blueprints": "Blueprint Reading",
    "read engineering drawings": "Engineering Drawings", "process data": "Data Processing",
    "memorise information": "Memory Techniques", "lead a team": "Team Leadership",
    "resolve equipment malfunctions": "Equipment Fault Finding",
    "consider economic criteria in decision making": "Economic Decision Making",
    "communicate with customers": "Customer Communication",
    "empathise with the healthcare user": "Empathy in Health Care",
    "interact with healthcare users": "Working with Patients",
    "work in multidisciplinary health teams": "Multidisciplinary Health Teams",
    "finish project within budget": "Project Budget Control",
}  # fmt: skip


def phrase(s: Skill, named: bool = False) -> str | None:
    """The skill as a short title phrase (title case), or None when it makes no good title.
    named: everyday skills get their NAMED phrase (offers of shared skills only: elsewhere such a
    skill is a side lesson and would crowd the trade's own topic out of the title)."""
    label = s.label.strip()
    if named and label.lower() in NAMED:
        return NAMED[label.lower()]
    if _BAD.search(label) or len(label) > 42:
        return None
    if s.kind == "knowledge":
        text = re.sub(r"^(types|kinds|categories) of ", "", label)
        return title_case(text) if len(text.split()) <= 4 else None
    low = label.lower()
    for verb in sorted(GENERIC, key=len, reverse=True):
        if low.startswith(verb + " "):
            obj = re.sub(r"^(the|a|an) ", "", label[len(verb) + 1 :])
            words = obj.split()
            if _PREP.match(obj) or words[0].lower() in _SMALL | VAGUE or _WHEN.search(obj):
                return None
            if len(words) > 4 or (len(words) == 1 and obj.lower() in VAGUE):
                return None
            return title_case(obj)
    for verb in sorted(NOUN, key=len, reverse=True):
        if low.startswith(verb + " "):
            return _nominal(NOUN[verb], re.sub(r"^(the|a|an) ", "", label[len(verb) + 1 :]))
    return None


def _nominal(noun: str, obj: str) -> str | None:
    words = obj.split()
    if not words or len(words) > 4 or obj.lower() in VAGUE:
        return None
    if _WHEN.search(obj):
        return None
    if len(words) <= 3 and not _PREP.search(obj) and " and " not in obj and noun != "Advice on":
        if len(words) == 1:
            words[0] = singular(words[0])
        return title_case(" ".join(words)) + f" {noun}"
    if _PREP.search(obj):
        return None
    if noun == "Advice on":
        return f"Advice on {title_case(obj)}"
    return f"{noun} of {title_case(obj)}" if len(words) <= 3 else None


def is_tool(s: Skill, text: str) -> bool:
    """A tool, method or body of knowledge: the "with X and Y" of a title."""
    return s.kind == "knowledge" or s.label.lower().startswith(("use ", "utilise ", "apply "))


def salient(
    skills: list[Skill],
    weight: dict[str, float],
    named: bool = False,
    centre: dict[str, float] | None = None,
) -> list[tuple[Skill, str]]:
    """(skill, phrase) pairs, most salient first: central to the family and to the bundle's
    topic (centre: a skill's mean label cosine to the others), specific, short."""
    centre = centre or {}
    scored = []
    for i, s in enumerate(skills):
        text = phrase(s, named)
        if not text:
            continue
        spec = REUSE_ORDER.get(s.reuse, 1) / 3
        short = -0.12 * len(text.split())
        order = -0.03 * i  # the bundle's seed and its nearest neighbours come first
        topic = CENTRE * centre.get(s.uri, 0.0)
        scored.append((weight.get(s.uri, 0.3) + 0.6 * spec + short + order + topic, s.uri, s, text))
    scored.sort(key=lambda x: (-x[0], x[1]))
    out, seen_words = [], set()
    for _, _, s, text in scored:
        key = set(text.lower().split()) - _SMALL
        if key and key <= seen_words:
            continue  # adds nothing the phrases before did not say
        seen_words |= key
        out.append((s, text))
    return out


def _pair(a: str, b: str) -> str:
    """'Food Safety' + 'Food Hygiene' -> 'Food Safety and Hygiene'."""
    wa, wb = a.split(), b.split()
    if len(wa) > 1 and len(wb) > 1 and wa[0] == wb[0] and wb[1] not in _SMALL:
        b = " ".join(wb[1:])
    return f"{a} and {b}"


def _words(text: str) -> set[str]:
    return {w.lower().removesuffix("s") for w in text.split()} - _SMALL


def compatible(a: str, b: str) -> bool:
    """Two phrases that can share a title: no repeated word, unless it leads both."""
    wa, wb = a.split(), b.split()
    if len(wa) > 1 and len(wb) > 1 and wa[0] == wb[0] and wb[1] not in _SMALL:
        return not _words(" ".join(wa[1:])) & _words(" ".join(wb[1:]))
    return not _words(a) & _words(b)


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def topic_phrases(
    picked: list[tuple[Skill, str]], related: Callable[[str, str], bool]
) -> list[str]:
    """Candidate topic phrases over the salient phrases, most natural first: a phrase joins
    the head only when the two skills are related (one occupation needs both, or one group)."""
    head_skill, head = picked[0]
    rest = [(s, t) for s, t in picked[1:] if compatible(head, t) and related(head_skill.uri, s.uri)]
    tools = [t for s, t in rest if is_tool(s, t) and len(t.split()) <= 3]
    tools = [t for t in tools if not _words(head) & _words(t)]
    out = []
    if tools and not is_tool(head_skill, head):
        pair = [tools[0], *[t for t in tools[1:2] if compatible(tools[0], t)]]
        out.append(f"{head} with {_join(pair)}")
    texts = [t for _, t in rest]
    if texts:
        out.append(_pair(head, texts[0]))
        third = [t for t in texts[1:] if compatible(texts[0], t)]
        if third and len(f"{head} {texts[0]} {third[0]}".split()) <= 8:
            out.append(f"{head}: {_pair(texts[0], third[0])}")
    out.append(head)
    out += [_pair(head, other) for other in texts[1:4]]
    return [t for t in out if len(t) <= 70 and t.count(" and ") <= 1]


def make_titles(
    rng: random.Random, kind: str, level: str, topics: list[str], audience: str
) -> list[tuple[str, str]]:
    """Candidate (title, topic) pairs, best first; the caller keeps the first one not taken."""
    frames = {
        "badge": ("{t}", "{t} Essentials", "{t} in Practice"),
        "course": ("{t}", "{t} for {a}", "Practical {t}"),
        "certificate": ("Certificate in {t}", "Professional Certificate in {t}", "{t} Certificate"),
        "certification": ("{t} Certification", "Certified {t} Specialist"),
        "nano_degree": ("{t} Nano Degree", "Nano Degree in {t}"),
        "stackable_program": ("{a} Pathway: {t}", "Career Track: {t}", "{t} Pathway for {a}"),
    }[kind]
    if level == "beginner" and kind == "certificate":
        frames = ("Foundation Certificate in {t}", "Certificate in {t}")
    if level == "beginner" and kind in ("badge", "course"):
        frames = ("Introduction to {t}", "{t} Basics", "Foundations of {t}", *frames)
    elif level == "advanced" and kind in ("badge", "course", "certificate"):
        frames = ("Advanced {t}", *frames)
    first = list(frames[:2])
    rng.shuffle(first)
    frames = (*first, *frames[2:])
    out: list[tuple[str, str]] = []
    for t in topics:
        simple = not re.search(r" and | with |: ", t)
        for f in frames:
            if " for " in t and not f.endswith("{t}"):
                continue  # "Core Skills for Cooks Essentials"
            if (simple or "Specialist" not in f) and (f != "{t}" or len(t.split()) > 1):
                out.append((f.format(t=t, a=audience), t))
    out += [(f"{f.format(t=t, a=audience)} for {audience}", t) for t in topics for f in frames]
    ok = [(t, p) for t, p in dict.fromkeys(out) if t.count(" for ") <= 1 and len(t) <= 100]
    return sorted(ok, key=lambda tp: len(tp[0]) > 64)  # stable: short titles first
