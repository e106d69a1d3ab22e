"""Curated titles: what the taxonomy's labels and O*NET's known titles say wrongly about a few
everyday (mostly UK) job titles. Pure data; the resolver applies it (`service/titles/resolver.py`).

`CURATED_TITLES`: a title people write, cleaned as `words.normalise_title` cleans it, -> the ESCO
occupation(s) a careers adviser reads it as. A curated title names its occupation before any
label or known title. A title goes on the list only where the taxonomy or O*NET names it
otherwise and the reading is the word's ordinary one in a UK CV or job ad, with the ESCO label
that says so given beside it.
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
ICT_SYSTEM_ADMINISTRATOR = ESCO + "9e2e6e1e-363b-4e1b-a673-7bc0f7343300"
HEAD_CHEF = ESCO + "01484951-15e6-4b88-a20f-1201868d36a0"
RECEPTIONIST = ESCO + "f7b04542-d8c7-42db-8475-e63b507cce82"
ACCOUNTING_ASSISTANT = ESCO + "bfe142b9-a049-4d41-89c4-fd2f34ac56b6"
PRIMARY_TEACHING_ASSISTANT = ESCO + "00674f21-2f8f-4a41-9896-133f7cbe2a6e"

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
    # title of *ICT system administrator* (O*NET's 15-1244 has no exact match) and lists
    # "Systems Administrator (Systems Admin)" under Database Administrators, so the title went
    # to *database administrator*
    "system administrator": (ICT_SYSTEM_ADMINISTRATOR,),
    "systems administrator": (ICT_SYSTEM_ADMINISTRATOR,),
    # a kitchen's supervisor (a "kitchen team leader" is said so, `words.LEVEL_SYNONYMS`): the
    # memory's "Kitchen Supervisor" and ESCO's "sous chef", "kitchen manager" are *head chef*'s;
    # near known titles ("Cooking Supervisor") sent it to *production supervisor*
    "kitchen supervisor": (HEAD_CHEF,),
    # ESCO's preferred label; as an alternative label of *telephone switchboard operator* alone
    # it is no shared label (the resolver's tiers), and that operator's near known titles
    # ("Switchboard Receptionist") won
    "receptionist": (RECEPTIONIST,),
    # an office or building cleaner ("office cleaner" is its label; was *vehicle cleaner*)
    "cleaner": (BUILDING_CLEANER,),
    # an accounts department's assistant: ESCO's "assistant accountant", "accounting assistant"
    # are *accounting assistant*'s; near known titles sent it to *sales support assistant*
    "accounts assistant": (ACCOUNTING_ASSISTANT,),
    # "IT system administrator" is a label of *ICT system administrator*; the memory's generic
    # administrator titles sent it to *database administrator* (as "system administrator")
    "it administrator": (ICT_SYSTEM_ADMINISTRATOR,),
    # a UK teaching assistant works in a school, most often a primary one: ESCO's "teaching
    # assistant in primary schools", "primary school TA"; the label alone went to *university
    # teaching assistant* (a graduate tutor)
    "teaching assistant": (PRIMARY_TEACHING_ASSISTANT,),
}
