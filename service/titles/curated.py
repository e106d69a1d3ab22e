"""Curated title data: what the taxonomy's labels and O*NET's known titles say wrongly about a few
everyday (mostly UK) job titles. Pure data; the resolver applies it (`service/titles/resolver.py`).

`CURATED_TITLES`: a title people write, cleaned as `words.normalise_title` cleans it, -> the ESCO
occupation(s) a careers adviser reads it as. A curated title names its occupation before any
label or known title. A title goes on the list only where the taxonomy or O*NET names it
otherwise and the reading is the word's ordinary one in a UK CV or job ad, with the ESCO label
that says so given beside it.

`MISLEADING_KNOWN_TITLES`: (known title, ESCO occupation URI) pairs of the title memory that
misname the title: O*NET lists "Systems Administrator (Systems Admin)", "Administrator (Admin)",
"IS Admin" and "IT Administrator" under Database Administrators (its own code for systems
administrators, 15-1244, has no exact ESCO match, so *ICT system administrator* has no known
title at all), and a typed "system administrator" went to *database administrator*. The title
stays in the memory; it no longer speaks for that occupation.
"""

from __future__ import annotations

ESCO = "http://data.europa.eu/esco/occupation/"
HEALTHCARE_ASSISTANT = ESCO + "d38c2107-98f2-47b7-8bb4-f69750d51082"
SOCIAL_CARE_WORKER = ESCO + "8d703e8f-1e57-4246-8a6b-cb87a760d4ab"
BUILDING_CONSTRUCTION_WORKER = ESCO + "fb7e2f4f-1545-42f1-972e-94082e49c6dc"
CARPENTER = ESCO + "2a22ff9e-de3b-408d-b312-5034896cc4f4"
SECURITY_GUARD = ESCO + "31808988-fc0a-4bc3-9e47-27216d6759f5"
SHOP_ASSISTANT = ESCO + "0b15375e-dfdd-4047-9efb-096e0aaee7d2"
BUILDING_CLEANER = ESCO + "303a1e34-cb16-4054-b323-81e5eec17397"
DATABASE_ADMINISTRATOR = ESCO + "8c57af09-719c-42b3-be40-6ed4946236cc"
ICT_SYSTEM_ADMINISTRATOR = ESCO + "9e2e6e1e-363b-4e1b-a673-7bc0f7343300"

CURATED_TITLES: dict[str, tuple[str, ...]] = {
    # a care home's or a ward's assistant: ESCO's labels "resident care assistant", "elderly care
    # assistant" are *healthcare assistant*'s; O*NET's "Health Care Assistant" sent it to *nurse
    # assistant*
    "care assistant": (HEALTHCARE_ASSISTANT,),
    # a support worker in social care (supported living, care homes); the memory's "Support
    # Specialist" sent it to *ICT help desk agent*
    "support worker": (SOCIAL_CARE_WORKER,),
    # a building site's labourer: ESCO's "construction labourer" (was *labour relations officer*)
    "labourer": (BUILDING_CONSTRUCTION_WORKER,),
    # UK joinery is carpentry: "joiner" is an alternative label of *carpenter* and of *sewing
    # machine operator* (which won)
    "joiner": (CARPENTER,),
    # a UK security officer guards premises: ESCO gives the label to *security manager*
    "security officer": (SECURITY_GUARD,),
    # a shop's assistant (was *specialised seller*)
    "retail assistant": (SHOP_ASSISTANT,),
    # ESCO's labels say "IT system(s) administrator", people drop the "IT"; the memory knows no
    # title of *ICT system administrator* (O*NET's 15-1244 has no exact match), so its nearest
    # known titles sent it to *database administrator* or *webmaster*
    "system administrator": (ICT_SYSTEM_ADMINISTRATOR,),
    "systems administrator": (ICT_SYSTEM_ADMINISTRATOR,),
    # an office or building cleaner ("office cleaner" is its label; was *vehicle cleaner*)
    "cleaner": (BUILDING_CLEANER,),
}

MISLEADING_KNOWN_TITLES = frozenset(
    (title, DATABASE_ADMINISTRATOR)
    for title in (
        "systems administrator (systems admin)",
        "administrator (admin)",
        "is admin (information systems administrator)",
        "information technology administrator (it administrator)",
    )
)
