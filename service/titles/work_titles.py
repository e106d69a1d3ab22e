"""Curated titles of other work (`WORK_TITLES`, part of `curated.CURATED_TITLES`): what the
taxonomy's labels and O*NET's known titles say wrongly about a factory's manager, a clinical
trial's monitor and an animal doctor (round h-titles13; docs/planning.md, "Titles, a thirteenth
round"). Pure data.

A plant manager runs a factory (ESCO's *industrial production manager*: "oversee the operations
and the resources needed in industrial plants and manufacturing sites"; *manufacturing manager*),
where ESCO gives "plant manager" to *mine manager*, *metal production manager* and *metal furnace
operator* alone, whose exact labels won (a mine's plan for a plastics factory's manager).

A clinical research associate (CRA) monitors a drug trial's sites for the sponsor: the protocol,
good clinical practice, the patients' data. ESCO has no occupation of clinical trials (its
"clinical research assistant" is *medical laboratory assistant*'s, samples and analysers; its
"clinical trials nurse" *advanced nurse practitioner*'s); O*NET files "Clinical Research Monitor"
and "Clinical Research Coordinator" under clinical research coordinators, whose crosswalk readings
are *pharmacologist* (drug development, pharmacovigilance legislation, research data; "assist
in clinical trials") and *research manager* ("coordinate work activities, and monitor staff and
research projects"), in that order here: ESCO's research manager is a museum's or an
institute's, a quarter of its 15 essentials exhibitions and collections (a nurse's plan toward
CRA work took "Project Information on Exhibitions"). The words read *biomedical scientist*, a
hospital laboratory's analyst, which follows as the third reading: O*NET lists "Clinical
Research Associate" under clinical laboratory technologists, whose crosswalk reading it is.

Round h-titles14: a UK environmental health officer (EHO) inspects food premises, housing, noise
and pollution for a council (ESCO's *environmental health inspector*: "environmental and public
health legislation", alternative label "public health inspector"), where ESCO gives the title's
own words to *occupational health and safety inspector* (workplace audits, accidents) and
*environmental programme coordinator*, whose exact labels won; the safety inspector follows as
the second reading. A parts advisor sells and orders a garage's or a dealer's parts (ESCO's
*motor vehicles parts advisor*, whose labels all say the vehicle: "bus parts advisor", "light
vehicle parts advisor"); O*NET's "Parts Manager" of shop managers won, with a warning. Dropping
the qualifier of labels in general was measured and rejected (docs/planning.md, "Titles, a
fourteenth round"). A US caregiver gives personal care at home as a UK carer does (`"carer"`
in `curated.py`: *home care aide*, ESCO's "live in caregiver", then *care at home worker*),
where ESCO gives the bare "caregiver" to *companion* (housekeeping, meals and company).

A customer service advisor (or adviser, assistant, agent; "customer services" too) is ESCO's
*customer service representative*, whose labels say "officer", "representative" and "person":
the words read it with a low-confidence warning (session of 2026-12-07).

A carer in a care home or a nursing home (a care or support worker there) is ESCO's
*residential care home worker* ("day-to-day care to clients ... in the care homes where
they work"), then a *healthcare assistant*; the words read *home care aide* (a carer in people's
own homes) by O*NET's "Home Care Giver" (session of 2026-12-07). A care assistant there stays
ESCO's "care assistant", a *healthcare assistant*: a care home worker's "team leader" is read
in the trade of the learner's job, and the learner's own job is no step
(`recommend.level_title`).

Round jobs-18 (docs/quality.md): a UK housing officer manages a council's or a housing
association's tenancies, rents, repairs and neighbour nuisance (ESCO's *housing manager*:
"collect rental fees ... neighbour nuisance issues"; then *public housing manager*), where ESCO
gives "housing officer" to three occupations (a *housing support worker* too), so it read no
job. A lab (or laboratory, or science) technician: round h-titles15 below.

A vet (`words.CLIPPED_WORDS`: "veterinarian") is ESCO's *general veterinarian* ("veterinary
surgeon"); no label says "veterinarian" alone, and the words read *veterinary technician* with a
warning.

Round h-titles15 (docs/planning.md, "Titles, a fifteenth round"): a clinical nurse specialist (CNS)
is ESCO's *specialist nurse* ("nurse specialist"), then *advanced nurse practitioner*, where O*NET's
"Nurse Consultant" (0.82) read a general nurse before the label (0.96). A digital skills trainer
teaches people to use computers (*digital literacy teacher*, "digital literacy trainer"; *ICT
trainer*): O*NET's "Manual Training Teacher" read a woodwork teacher. A laboratory technician is
a scientific laboratory technician first, then a chemistry, biology or (ESCO's label) bacteriology
technician; drafted as a title several trades share, read by the learner's trade, it read a
school's science technician's own job as *optical technician*. An administrator (a team's too) is an
office administrator (*administrative assistant*, *office clerk*), where O*NET's "Administrator
(Admin)" read a database administrator. A caseworker keeps a caseload of clients (ESCO's *community
care case worker*, *social worker*); a food and beverage assistant serves a hotel's or a venue's
food and drinks (*waiter/waitress*, *bartender*); a retail key holder opens and closes the shop and
runs the floor in the manager's absence (*shop supervisor*, *shop assistant*), where the words read
a locksmith; a sub editor checks and cuts copy (*copy editor*); an NHS clinical support worker is a
healthcare assistant (the words read a clinical social worker); a multi trade operative keeps
buildings in repair (*handyman*, *building caretaker*).

Round jobs-19 (docs/quality.md): a UK tenancy officer manages a housing association's or a
council's tenancies, as a housing officer does (*housing manager*, then *public housing
manager*); no label says "tenancy", and the words read no job. A herdsman (herdswoman,
herdsperson; a dairy's too) keeps a farm's herd of cattle, milking, calving, feeding (ESCO's
*livestock worker*, "stockman"; then *cattle breeder*, "day-to-day care of cattle"); no label
says "herdsman", and the words read no job or a slaughterer.

Round titles-17 (docs/quality.md, "Titles, a seventeenth round"): a GP practice manager runs a
GP surgery (*medical practice manager*, "general practice manager"), where "GP" said in full read
"general practitioner practice manager" as *healthcare institution manager* (the doctor second,
the practice manager third). A quality assurance (QA) manager runs a firm's quality system
(*quality services manager*, "quality assurance services manager"; then *industrial quality
manager*), where ESCO's "quality assurance engineer" read *quality engineer*, with a warning; the
typed person kept by a general rule was measured and dropped in round h-titles16. An optical
assistant serves an opticians' shop's customers, frames, repairs and fittings (*eyewear and
optical equipment specialised seller*, then *optician*), where ESCO's "optical technical" (sic)
read *optical technician*, who makes and mounts lenses in a laboratory, with a warning.
"""

from __future__ import annotations

ESCO = "http://data.europa.eu/esco/occupation/"
INDUSTRIAL_PRODUCTION_MANAGER = ESCO + "eb9479c6-5fdf-4f45-ace4-28b547b8c7e5"
MANUFACTURING_MANAGER = ESCO + "6426ada1-4d8c-4612-99e3-91bc569805ee"
RESEARCH_MANAGER = ESCO + "c02ee787-c30b-4f0d-9d7f-6eb36fc44a5d"
PHARMACOLOGIST = ESCO + "10291962-c0c7-4e5b-a7ed-0762b4d9b010"
BIOMEDICAL_SCIENTIST = ESCO + "2e8820ba-5b2d-4572-92a1-942dbd02a6d6"
GENERAL_VETERINARIAN = ESCO + "eb6efbb9-9216-4e86-bc3b-de2223cd4667"
SPECIALISED_VETERINARIAN = ESCO + "08984bec-31d8-4bb0-aa2f-d557761ff029"
RESEARCH_AND_DEVELOPMENT_MANAGER = ESCO + "73ceb2f9-18e3-4cfe-9c06-e9fb31ece440"
ENVIRONMENTAL_HEALTH_INSPECTOR = ESCO + "a092cb70-f3e3-4224-98a3-b97c0114de77"
OCCUPATIONAL_SAFETY_INSPECTOR = ESCO + "673f3266-ab1a-447d-9b28-fc5838dc07e3"
MOTOR_VEHICLES_PARTS_ADVISOR = ESCO + "099a901f-91a7-4d26-af2e-f385247dcf20"
HOME_CARE_AIDE = ESCO + "1391bdf9-bd61-4fb5-91ca-c29036ab2b60"
CARE_AT_HOME_WORKER = ESCO + "f4525ed8-54eb-4a3b-90db-55cc01b0d9fd"
CUSTOMER_SERVICE_REPRESENTATIVE = ESCO + "13d1b2b4-99dd-44da-9734-c9f74bae18f7"
RESIDENTIAL_CARE_HOME_WORKER = ESCO + "81309031-dad2-4a7a-bde6-7f6e518f89ff"
HEALTHCARE_ASSISTANT = ESCO + "d38c2107-98f2-47b7-8bb4-f69750d51082"
HOUSING_MANAGER = ESCO + "dd935705-d703-40ba-9ba7-2a8a2b7651b4"
PUBLIC_HOUSING_MANAGER = ESCO + "5cff1eee-9027-4064-8a26-35b1877e4eb3"
LIVESTOCK_WORKER = ESCO + "65bd2342-f7de-4932-9164-eb480e35a791"
CATTLE_BREEDER = ESCO + "b4ff30f8-073b-4dd8-9128-ecf9d0ff87ba"
QUALITY_SERVICES_MANAGER = ESCO + "109e0a5d-203d-4af6-8f70-692111335ec3"
INDUSTRIAL_QUALITY_MANAGER = ESCO + "fdb16700-109e-4d02-949e-3213f278df93"
EYEWEAR_SELLER = ESCO + "56a535ff-189b-45da-97d4-775f78744f83"
OPTICIAN = ESCO + "6e0e068b-cd5c-4400-8899-54056087fa14"

SPECIALIST_NURSE = ESCO + "18e14e61-495b-44cc-a7c6-df4c625934ba"
ADVANCED_NURSE_PRACTITIONER = ESCO + "36494988-69d2-4420-9db4-eb56605ac983"
DIGITAL_LITERACY_TEACHER = ESCO + "4588cd69-e6a5-4668-94c7-f02a3d86a649"
ICT_TRAINER = ESCO + "9e657046-67ce-4e16-ab2e-ddb918638910"
SCIENTIFIC_LABORATORY_TECHNICIAN = ESCO + "4fef1907-cf82-413b-841a-02ef57e299a6"
BIOLOGY_TECHNICIAN = ESCO + "31cc4199-703c-4f8a-9b46-a2070a6d35df"
CHEMISTRY_TECHNICIAN = ESCO + "87775d69-ae88-449e-ad71-6f9875711816"
BACTERIOLOGY_TECHNICIAN = ESCO + "f3b99acc-b212-45cf-bb4f-7b83cc6f0d71"
ADMINISTRATIVE_ASSISTANT = ESCO + "044d78cc-f62f-4532-83a5-8e04f2889652"
OFFICE_CLERK = ESCO + "6c999fc7-c6b7-4ef3-a4b9-af124a1783a2"
COMMUNITY_CARE_CASE_WORKER = ESCO + "85482504-c83d-4038-80d9-265198d18b48"
SOCIAL_WORKER = ESCO + "4b05bef2-ded4-4b09-ab94-f4c6a555a775"
WAITER = ESCO + "d5db9d5c-2ebf-4a54-a79a-1b7e7ff70471"
BARTENDER = ESCO + "2f5e38a0-6578-4665-bdbd-e2ab505be140"
SHOP_SUPERVISOR = ESCO + "bdfb48e0-79dc-4b63-8470-db2e03b37326"
SHOP_ASSISTANT = ESCO + "0b15375e-dfdd-4047-9efb-096e0aaee7d2"
COPY_EDITOR = ESCO + "8bd74371-1818-47d5-a253-d703c51c5f26"
NURSE_ASSISTANT = ESCO + "87d0795a-d41f-47ee-979f-0ab7d73836e7"
HANDYMAN = ESCO + "f4a25243-b06a-42a9-9c69-246853df63ad"
BUILDING_CARETAKER = ESCO + "1822bfc2-e735-449f-ba00-ca71eb5c062b"
MEDICAL_PRACTICE_MANAGER = ESCO + "8c8b5cba-14b2-4728-b22c-eb90f1786e00"

_CLINICAL_TRIALS = (PHARMACOLOGIST, RESEARCH_MANAGER, BIOMEDICAL_SCIENTIST)
WORK_TITLES: dict[str, tuple[str, ...]] = {
    "plant manager": (INDUSTRIAL_PRODUCTION_MANAGER, MANUFACTURING_MANAGER),
    **{
        f"{kind} {who}": _CLINICAL_TRIALS
        for kind in ("clinical research", "clinical trial", "clinical trials")
        for who in ("associate", "monitor")
    },
    "veterinarian": (GENERAL_VETERINARIAN, SPECIALISED_VETERINARIAN),
    # round h-titles14 (module docstring)
    "environmental health officer": (ENVIRONMENTAL_HEALTH_INSPECTOR, OCCUPATIONAL_SAFETY_INSPECTOR),
    "parts advisor": (MOTOR_VEHICLES_PARTS_ADVISOR,),
    "parts adviser": (MOTOR_VEHICLES_PARTS_ADVISOR,),
    "caregiver": (HOME_CARE_AIDE, CARE_AT_HOME_WORKER),
    # the UK's most common title of customer service ("officer", "representative" and
    # "person" are ESCO's labels): read with a low-confidence warning by "Customer Service
    # Consultant" at 0.85
    **{
        f"{who} {role}": (CUSTOMER_SERVICE_REPRESENTATIVE,)
        for who in ("customer service", "customer services")
        for role in ("advisor", "adviser", "assistant", "agent")
    },
    # a carer of a care home or a nursing home (ESCO: "care home worker", "care home assistant"),
    # not a carer in people's own homes (*home care aide*, whose "Home Care Giver" won)
    **{
        f"{home} {who}": (RESIDENTIAL_CARE_HOME_WORKER, HEALTHCARE_ASSISTANT)
        for home in ("care home", "nursing home", "residential home")
        for who in ("carer", "night carer", "care worker", "support worker")  # "senior": dropped
    },
    # round h-titles15 (module docstring)
    "clinical nurse specialist": (SPECIALIST_NURSE, ADVANCED_NURSE_PRACTITIONER),
    **{
        f"digital skills {who}": (DIGITAL_LITERACY_TEACHER, ICT_TRAINER)
        for who in ("trainer", "tutor", "teacher")
    },
    "administrator": (ADMINISTRATIVE_ASSISTANT, OFFICE_CLERK),
    "team administrator": (ADMINISTRATIVE_ASSISTANT, OFFICE_CLERK),
    "caseworker": (COMMUNITY_CARE_CASE_WORKER, SOCIAL_WORKER),
    "case worker": (COMMUNITY_CARE_CASE_WORKER, SOCIAL_WORKER),
    "food and beverage assistant": (WAITER, BARTENDER),
    "food beverage assistant": (WAITER, BARTENDER),  # "food & beverage", cleaned
    "key holder": (SHOP_SUPERVISOR, SHOP_ASSISTANT),
    "keyholder": (SHOP_SUPERVISOR, SHOP_ASSISTANT),
    **dict.fromkeys(("sub editor", "sub-editor", "subeditor"), (COPY_EDITOR,)),
    "clinical support worker": (HEALTHCARE_ASSISTANT, NURSE_ASSISTANT),
    **{
        f"{multi} {op}": (HANDYMAN, BUILDING_CARETAKER)
        for multi in ("multi trade", "multi-trade")
        for op in ("operative", "operator")
    },
    # round h-titles16: a vet's or a dentist's practice manager runs the practice (ESCO has no
    # such manager; its "practice manager" is *medical practice manager*'s): was the nurse;
    # "vet" is cleaned to "veterinary" before the title is looked up
    **{
        f"{practice} practice manager": (MEDICAL_PRACTICE_MANAGER,)
        for practice in ("veterinary", "vets", "dental", "dental surgery")
    },
    # round titles-17 (module docstring): a GP surgery's practice manager ("GP" is no doctor
    # here); a quality assurance (QA) manager runs a firm's quality system
    **{f"{gp} practice manager": (MEDICAL_PRACTICE_MANAGER,) for gp in ("gp", "gp surgery")},
    **{
        f"{qa} manager": (QUALITY_SERVICES_MANAGER, INDUSTRIAL_QUALITY_MANAGER)
        for qa in ("quality assurance", "qa")
    },
    # round titles-17 (module docstring): an opticians' shop's assistant, no lens maker
    **{
        f"{optical} assistant": (EYEWEAR_SELLER, OPTICIAN)
        for optical in ("optical", "optical retail", "opticians", "optician's")
    },
    # round jobs-18 (module docstring): a council's or a housing association's officer
    "housing officer": (HOUSING_MANAGER, PUBLIC_HOUSING_MANAGER),
    # round jobs-19 (module docstring): a tenancy officer is a housing officer by the work
    "tenancy officer": (HOUSING_MANAGER, PUBLIC_HOUSING_MANAGER),
    # round jobs-19 (module docstring): a herdsman keeps a farm's herd of cattle
    **{
        f"{kind}{herd}": (LIVESTOCK_WORKER, CATTLE_BREEDER)
        for kind in ("", "dairy ", "cattle ", "beef ")
        for herd in ("herdsman", "herdswoman", "herdsperson")
    },
    # rounds h-titles15 and jobs-18 (module docstring): a lab technician with no field works in
    # a school's, a college's or a company's lab, else a hospital's (ESCO's label)
    **{
        f"{lab} technician": (
            SCIENTIFIC_LABORATORY_TECHNICIAN,
            CHEMISTRY_TECHNICIAN,
            BIOLOGY_TECHNICIAN,
            BACTERIOLOGY_TECHNICIAN,
        )
        for lab in ("lab", "laboratory", "science", "science lab", "science laboratory")
    },
}
