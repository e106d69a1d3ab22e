"""ESCO labels that name another role than a title written so means: the resolver never matches
them (`resolver.TitleResolver`, `index.py`). Pure data; a family's head word alone is left out
by a computed rule as well (`heads.family_head_labels`)."""

from __future__ import annotations

from service.titles.curated import ESCO

TELECOMMUNICATIONS_MANAGER = ESCO + "3ce4691e-ecea-4278-939e-b89ab01087b8"
ANIMAL_AI_TECHNICIAN = ESCO + "15cc27b1-7358-48ed-9fb8-69ffe9f1fc98"
WELDER = ESCO + "7aedaa07-3884-4c5b-88f9-80997b2aa54b"
LASER_BEAM_WELDER = ESCO + "c81af273-1112-4b3f-a2a5-b85b1290ae22"

# (occupation URI, lowered label) pairs of ESCO labels that name another role than a title written
# so means; the resolver never matches them (`resolver.TitleResolver`): "ICT manager" is an
# alternative label of *telecommunications manager* only, so "Head of IT" and "IT manager" went
# there (without it they read as ESCO's ICT managers); "AI engineer" is one of *animal artificial
# insemination technician*'s ("AI technician", "AI specialist" stay theirs), so "AI engineer" read
# as that technician's exact label; said in full it is an artificial intelligence engineer;
# "maintenance technician" is *welder*'s and *laser beam welder*'s alone (a welder need not
# maintain anything), so a maintenance technician's alternatives offered two welders. A trade's
# bare head word given to one odd member of its family ("teacher" of *politics lecturer*,
# "driver" of *hearse driver*: a "Former teacher" read political campaigning) is left out by a
# rule over the taxonomy, not listed here (`heads.family_head_labels`)
MISLEADING_TITLE_LABELS = frozenset(
    {
        (TELECOMMUNICATIONS_MANAGER, "ict manager"),
        (ANIMAL_AI_TECHNICIAN, "ai engineer"),
        (WELDER, "maintenance technician"),
        (LASER_BEAM_WELDER, "maintenance technician"),
    }
)
