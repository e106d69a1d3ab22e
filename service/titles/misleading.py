"""ESCO labels that name another role than a title written so means: the resolver never matches
them (`resolver.TitleResolver`, `index.py`). Pure data."""

from __future__ import annotations

from service.titles.curated import ESCO

TELECOMMUNICATIONS_MANAGER = ESCO + "3ce4691e-ecea-4278-939e-b89ab01087b8"
ANIMAL_AI_TECHNICIAN = ESCO + "15cc27b1-7358-48ed-9fb8-69ffe9f1fc98"
HEARSE_DRIVER = ESCO + "af513bd8-4340-4452-aa30-05a073ecc49a"
WELDER = ESCO + "7aedaa07-3884-4c5b-88f9-80997b2aa54b"
LASER_BEAM_WELDER = ESCO + "c81af273-1112-4b3f-a2a5-b85b1290ae22"
POLITICS_LECTURER = ESCO + "c593ded7-2e97-44a5-a5f3-f6115ff98233"
LOTTERY_CASHIER = ESCO + "3f32394b-f1b1-48ef-96ee-74405fb7c6b6"
SECRETARY = ESCO + "5ac377d2-e1d0-4911-a299-b4ef2782a0ba"
PRIVATE_DETECTIVE = ESCO + "771a47c9-9cf4-4368-9752-2a1ea5a783d7"
ART_DIRECTOR = ESCO + "cb93fd23-1f51-4495-867a-936c1967066b"
AUCTIONEER = ESCO + "f1ecc3c4-8212-4386-871a-6fda1b5b4d91"
CONSUMER_ELECTRONICS_REPAIR_TECHNICIAN = ESCO + "f8ab2e08-d14e-4938-a2cd-c04821556db7"

# (occupation URI, lowered label) pairs of ESCO labels that name another role than a title written
# so means; the resolver never matches them (`resolver.TitleResolver`): "ICT manager" is an
# alternative label of *telecommunications manager* only, so "Head of IT" and "IT manager" went
# there (without it they read as ESCO's ICT managers); "AI engineer" is one of *animal artificial
# insemination technician*'s ("AI technician", "AI specialist" stay theirs), so "AI engineer" read
# as that technician's exact label; said in full it is an artificial intelligence engineer; a
# bare "driver" is one of *hearse driver*'s, so "driver" (and "Uber driver" read without the
# employer's name: `TitleResolver.without_names`) read as a hearse driver: a driver of no named
# vehicle is one of the family of drivers (`family.FAMILY_TITLE`); "maintenance technician" is
# *welder*'s and *laser beam welder*'s alone (a welder need not maintain anything), so a
# maintenance technician's alternatives offered two welders
MISLEADING_TITLE_LABELS = frozenset(
    {
        (TELECOMMUNICATIONS_MANAGER, "ict manager"),
        (ANIMAL_AI_TECHNICIAN, "ai engineer"),
        (HEARSE_DRIVER, "driver"),
        (WELDER, "maintenance technician"),
        (LASER_BEAM_WELDER, "maintenance technician"),
        # a trade's bare head word, ESCO's alternative label of one odd member of the family:
        # "Former teacher" read a politics lecturer's political campaigning
        (POLITICS_LECTURER, "teacher"),
        (LOTTERY_CASHIER, "clerk"),
        (SECRETARY, "assistant"),
        (PRIVATE_DETECTIVE, "inspector"),
        (ART_DIRECTOR, "designer"),
        (AUCTIONEER, "agent"),
        (CONSUMER_ELECTRONICS_REPAIR_TECHNICIAN, "technician"),
    }
)
