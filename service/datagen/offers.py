"""What a demo offer takes and costs: hours by kind and size, prices per hour, delivery, EQF.

The ranges are orders of magnitude of public offers, not copied prices: self-paced online badges
and MOOC-style courses are often free or a few units of currency per learning hour; instructor-led
vocational courses and certificates cost tens per hour (more in person than online); nano degrees
sit between; certifications add an exam fee. See data/catalog/README.md.
"""

from __future__ import annotations

import random

HOURS = {  # kind -> (min, max, hours per skill taught (low, high))
    "badge": (4, 20, (1.5, 3.5)),
    "course": (15, 60, (3.0, 6.5)),
    "certificate": (60, 200, (8.0, 15.0)),
    "certification": (20, 120, (4.0, 9.0)),
    "nano_degree": (120, 400, (12.0, 24.0)),
}
PROGRAM_HOURS = (120, 400)  # a stackable programme: the sum of its parts' hours
FREE_SHARE = {"badge": 0.3, "course": 0.12}  # online only: audit tracks, open badges
RATE = {  # kind -> price per learning hour online (low, high), in the issuer's currency
    "badge": (2.0, 8.0),
    "course": (3.0, 12.0),
    "certificate": (8.0, 20.0),
    "certification": (6.0, 15.0),
    "nano_degree": (5.0, 12.0),
}
DELIVERY_FACTOR = {"online": 1.0, "blended": 1.6, "in_person": 2.2}
EXAM_FEE = (150, 450)  # certifications: a proctored exam on top of the preparation
EQF = {"beginner": (2, 3, 3, 4), "intermediate": (4, 4, 5), "advanced": (5, 6, 6, 7)}
ONLINE_FIRST = {"ict", "digital", "finance", "business", "transversal", "green", "science"}
HANDS_ON = (
    "handling and moving", "working with machinery and specialised equipment", "constructing",
    "assisting and caring", "physical and manual skills and competences",
)  # fmt: skip


def hours_for(rng: random.Random, kind: str, n_skills: int) -> float:
    lo, hi, (per_lo, per_hi) = HOURS[kind]
    raw = n_skills * rng.uniform(per_lo, per_hi)
    step = 1 if hi <= 60 else 5
    return float(min(hi, max(lo, step * round(raw / step))))


def delivery_for(rng: random.Random, sector: str, hands_on_share: float) -> str:
    """Online first for desk sectors, in person or blended for hands-on skills."""
    if sector in ONLINE_FIRST and hands_on_share < 0.5:
        mix = {"online": 60, "blended": 25, "in_person": 15}
    elif hands_on_share >= 0.5:
        mix = {"online": 10, "blended": 35, "in_person": 55}
    else:
        mix = {"online": 35, "blended": 35, "in_person": 30}
    keys = sorted(mix)
    return rng.choices(keys, [mix[k] for k in keys])[0]


def price(rng: random.Random, kind: str, hours: float, delivery: str) -> float:
    """A price-like figure (49, 390, 1490) from a per-hour rate; some online offers are free."""
    if delivery == "online" and rng.random() < FREE_SHARE.get(kind, 0.0):
        return 0.0
    lo, hi = RATE[kind]
    raw = hours * rng.uniform(lo, hi) * DELIVERY_FACTOR[delivery]
    if kind == "certification":
        raw += rng.randint(*EXAM_FEE)
    return float(nice(raw))


def nice(amount: float) -> int:
    """Round to a shop price: 19, 49, 190, 1490."""
    if amount < 15:
        return 9
    if amount < 200:
        return int(round(amount / 10) * 10 - 1)
    if amount < 2000:
        return int(round(amount / 50) * 50 - 10)
    return int(round(amount / 100) * 100 - 10)


def eqf_for(rng: random.Random, level: str) -> int:
    return rng.choice(EQF[level])
