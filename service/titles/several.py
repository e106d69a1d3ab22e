"""Titles that name several readings, each with a warning beside the first (the resolver's
`GENERIC_TITLE`, `SHARED_TITLE`). Pure data, split from `curated.py` (titles of one reading).

`GENERIC_TITLES`: a title that names a level and no trade ("team leader", "shift manager",
"supervisor") -> the ESCO occupations it most often names in a UK CV or job ad, the commonest
first. ESCO gives such a title as a label of one odd trade only ("team leader" of *zoo section
leader*, "shift manager" of *refinery shift manager*, "supervisor" of *oil refinery control room
operator*); the resolver names the readings in this order and warns that the title names no
trade, so the learner checks the role or picks another (`resolver.GENERIC_TITLE`).

`SHARED_TITLES`: a title several trades each give their own job ("service manager") -> its
readings, ESCO's own label first (`resolver.SHARED_TITLE`); the learner's trade chooses among
them (`service.recommend.level_title`).
"""

from __future__ import annotations

from service.titles.curated import (
    ACCOMMODATION_MANAGER,
    BRANCH_MANAGER,
    CALL_CENTRE_SUPERVISOR,
    ELDERLY_HOME_MANAGER,
    ESCO,
    EXCAVATOR_OPERATOR,
    FAST_FOOD_TEAM_LEADER,
    FIRE_COMMISSIONER,
    FOOD_PRODUCTION_PLANNER,
    FREIGHT_TRANSPORT_DISPATCHER,
    HEAD_CHEF,
    HEALTHCARE_INSTITUTION_MANAGER,
    INDUSTRIAL_ENGINEERING_TECHNICIAN,
    LEATHER_PRODUCTION_PLANNER,
    LIVESTOCK_WORKER,
    MAINTENANCE_AND_REPAIR_ENGINEER,
    MENTAL_HEALTH_SOCIAL_WORKER,
    MOBILE_CRANE_OPERATOR,
    MOTOR_VEHICLE_AFTERSALES_MANAGER,
    POWER_PLANT_OPERATOR,
    PRODUCTION_PLANT_CRANE_OPERATOR,
    PRODUCTION_SUPERVISOR,
    RESTAURANT_MANAGER,
    SERVICE_MANAGER,
    SHOP_MANAGER,
    SHOP_SUPERVISOR,
    SOCIAL_SERVICES_MANAGER,
    SPORT_FACILITY_MANAGER,
    TOWER_CRANE_OPERATOR,
    TRADE_REGIONAL_MANAGER,
    TRANSPORT_PLANNER,
    WAREHOUSE_MANAGER,
)
from service.titles.tech_titles import QUALITY_ENGINEER, SOFTWARE_MANAGER, SOFTWARE_TESTER
from service.titles.work_titles import CHEMISTRY_TECHNICIAN, RESEARCH_AND_DEVELOPMENT_MANAGER

CHEMICAL_MANUFACTURING_QUALITY_TECHNICIAN = ESCO + "dacaa18b-93f6-48b4-b4f2-cb33e21804e7"
PRODUCT_QUALITY_CONTROLLER = ESCO + "b0ad8659-0410-4b5b-9466-a90f8b3cdac9"
PHARMACEUTICAL_QUALITY_SPECIALIST = ESCO + "0f845e64-de8b-431e-9fe3-1bccf8e1c5b9"
CROP_PRODUCTION_WORKER = ESCO + "c9191f7f-28b5-4df8-991d-804c53009b83"

# titles several trades each give their own job (round h-titles9) -> the readings, ESCO's own
# label first: the resolver names them in this order and warns that several trades use the title
# (`resolver.SHARED_TITLE`); the learner's own trade or words choose among them as for a title of
# a level (`service.recommend.level_title`). A garage's service manager runs its workshop and
# customers (ESCO's "car aftersales manager", "van aftersales manager": *motor vehicle aftersales
# manager*), not ESCO's *service manager* (policing, library, legal services; its exact label
# also *advanced nurse practitioner*'s); a UK haulier's transport planner plans loads, routes and
# drivers (ESCO's *freight transport dispatcher*: "structure routes", "planning operations of
# dispatching"), not ESCO's *transport planner* (transport policy, traffic data)
SHARED_TITLES: dict[str, tuple[str, ...]] = {
    "service manager": (SERVICE_MANAGER, MOTOR_VEHICLE_AFTERSALES_MANAGER),
    "transport planner": (TRANSPORT_PLANNER, FREIGHT_TRANSPORT_DISPATCHER),
    # round h-titles10: a registered manager runs a care home (*elderly home manager*), a care
    # service or a home care agency; a crane (plant) operator a site's crane (digger) or a plant's
    # (ESCO's "plant operator" is a gas plant's); a production planner a factory's lines or, ESCO's
    # label, production studies; a care coordinator ESCO's mental health social worker's, or not
    "registered manager": (
        ELDERLY_HOME_MANAGER,
        SOCIAL_SERVICES_MANAGER,
        HEALTHCARE_INSTITUTION_MANAGER,
    ),
    "crane operator": (
        MOBILE_CRANE_OPERATOR,
        TOWER_CRANE_OPERATOR,
        PRODUCTION_PLANT_CRANE_OPERATOR,
    ),
    "production planner": (
        INDUSTRIAL_ENGINEERING_TECHNICIAN,
        FOOD_PRODUCTION_PLANNER,
        LEATHER_PRODUCTION_PLANNER,
    ),
    "care coordinator": (MENTAL_HEALTH_SOCIAL_WORKER, HEALTHCARE_INSTITUTION_MANAGER),
    "plant operator": (EXCAVATOR_OPERATOR, POWER_PLANT_OPERATOR),
    # round h-titles13: an engineering manager in a job ad most often manages a software team
    # (*software manager*: "oversee the acquisition and development of software systems"), else
    # a factory's engineering (maintenance) department, ESCO's own label of *maintenance and
    # repair engineer* (and of *foundry manager*), or a product's engineers (*research and
    # development manager*); a QA engineer most often tests software (*software tester*), else
    # products against quality standards, ESCO's own label of *quality engineer*, which won
    "engineering manager": (
        SOFTWARE_MANAGER,
        MAINTENANCE_AND_REPAIR_ENGINEER,
        RESEARCH_AND_DEVELOPMENT_MANAGER,
    ),
    "qa engineer": (SOFTWARE_TESTER, QUALITY_ENGINEER),
    # round h-titles14: a quality control (QC) analyst most often tests raw materials and
    # products in a laboratory (O*NET's Quality Control Analysts, 19-4099.01, whose titles the
    # memory lacks: its crosswalk has no exact match), ESCO's *chemical manufacturing quality
    # technician* (good laboratory and manufacturing practice, "chemistry quality control
    # technician"), *chemistry technician*, a pharmaceutical one; else a factory's (*product
    # quality controller*). O*NET's industrial engineering technologists' "Quality Control
    # Analyst" won (production studies and layouts); ESCO's "quality control analyst" labels are
    # a footwear's or a textile's alone. "QC analyst" says it (`words.ABBREVIATIONS`)
    "quality control analyst": (
        CHEMICAL_MANUFACTURING_QUALITY_TECHNICIAN,
        CHEMISTRY_TECHNICIAN,
        PRODUCT_QUALITY_CONTROLLER,
        PHARMACEUTICAL_QUALITY_SPECIALIST,
    ),
    # round jobs-19 (docs/quality.md): a UK farm worker or farm hand works an arable farm's
    # crops (ESCO gives both titles to *crop production worker* alone) or a livestock farm's
    # animals (*livestock worker*: "stockman", "farm animal worker"); the line's work says which
    **dict.fromkeys(("farm worker", "farm hand"), (CROP_PRODUCTION_WORKER, LIVESTOCK_WORKER)),
}

# the readings of a title of a level, the commonest first (module docstring): a UK team leader or
# supervisor is most often a shop's ("shop staff supervisor"; ESCO's "till team leader" is a
# checkout's), then a call centre's, a warehouse's, a production line's ("production team
# leader"); a shift manager or leader most often a fast food restaurant's ("fast food shift team
# leader"), then a shop's or a restaurant's; an assistant manager most often a shop's or a
# restaurant's deputy (ESCO gives "assistant manager" to *executive assistant*); a kitchen's
# shift is run by a sous chef (ESCO's "sous chef", "kitchen manager" are *head chef*'s); a UK duty
# manager runs a pub's or restaurant's shift ("bar manager"), a hotel's ("hotel manager") or a
# leisure centre's ("sport venue manager"): ESCO's only "duty manager" is an airport director's
# and O*NET's "On-Duty Manager" sent the title to *gambling manager*. A kitchen's team leader is
# a sous chef too (`CURATED_TITLES`' "kitchen supervisor")
_TEAM_LEADER = (
    SHOP_SUPERVISOR,
    CALL_CENTRE_SUPERVISOR,
    WAREHOUSE_MANAGER,
    PRODUCTION_SUPERVISOR,
    HEAD_CHEF,
)
# a UK area or district manager runs a chain's shops (or branches) in a region: ESCO's *trade
# regional manager* ("activities and staff in an assigned region for a specific chain of
# stores"), then *branch manager* ("regional manager", "area office manager"); ESCO's only "area
# manager" is *fire commissioner*'s (a fire service's rank), which read a retail manager's plan as
# fire safety, and O*NET's "Area Manager" and "District Manager" are chief operating officers'
_AREA_MANAGER = (TRADE_REGIONAL_MANAGER, BRANCH_MANAGER, FIRE_COMMISSIONER)
_SHIFT_MANAGER = (FAST_FOOD_TEAM_LEADER, SHOP_SUPERVISOR, RESTAURANT_MANAGER, HEAD_CHEF)
GENERIC_TITLES: dict[str, tuple[str, ...]] = {
    "team leader": _TEAM_LEADER,
    "team lead": _TEAM_LEADER,
    "supervisor": _TEAM_LEADER,
    "shift manager": _SHIFT_MANAGER,
    "shift supervisor": _SHIFT_MANAGER,
    "shift leader": _SHIFT_MANAGER,
    "assistant manager": (SHOP_MANAGER, RESTAURANT_MANAGER),
    # a deputy manager runs a shop, a restaurant or a care home beside its manager; O*NET's
    # "Police Chief Deputy" read *police commissioner* (2026-12-07)
    "deputy manager": (SHOP_MANAGER, RESTAURANT_MANAGER, ELDERLY_HOME_MANAGER),
    "duty manager": (RESTAURANT_MANAGER, ACCOMMODATION_MANAGER, SPORT_FACILITY_MANAGER),
    "area manager": _AREA_MANAGER,
    "district manager": _AREA_MANAGER[:2],
}
