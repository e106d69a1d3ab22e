"""Curated titles of software work (`TECH_TITLES`, part of `curated.CURATED_TITLES`): what the
taxonomy's labels and O*NET's known titles say wrongly about titles of job ads for developers.

"Full Stack Engineer" read *alternative fuels engineer* by O*NET's "Stack Engineer" (0.93, a
smokestack's), "Android Engineer" *microsystem engineer* by "Mobile Engineer", "iOS Developer"
*web developer*: a full-stack developer builds a web application's front and back ends (ESCO
*web developer*: "develop, implement and document web-accessible software"; *software
developer* beside it), an Android or iOS developer builds phone apps (ESCO *mobile application
developer*: "implement application software for mobile devices"). Pure data.

Round h-titles13 (docs/planning.md, "Titles, a thirteenth round"): O*NET's "Site Reliability
Engineer" is a validation engineer's too (*quality engineer*, by the crosswalk), which won; an
SRE keeps a service's production systems running (monitoring, incidents, automation: ESCO *cloud
engineer*, "respond to incidents in cloud", "cloud monitoring and reporting", "automate cloud
tasks"; *ICT system administrator*, "reliable operation of computer and network systems...
automate routine tasks"). A platform engineer builds the cloud platform and pipelines the
developers deploy on (*cloud engineer*; *ICT change and configuration manager*, whose label
"devops engineer" and essential DevOps and software releases are the pipelines'); the words read
*computer hardware engineer*. A UK or US IT manager runs an organisation's IT (ESCO's *ICT
operations manager*: "oversee the day-to-day tasks involving infrastructure components, ICT
systems and software"; *chief information officer* in a small firm), where ESCO's "ICT manager"
is *telecommunications manager*'s (`misleading.py`) and the words read *ICT project manager*; a
software development manager manages the developers (*software manager*: "oversee the
acquisition and development of software systems"), which the words read as *ICT project
manager*. A BI (business intelligence) developer builds the reports and the data they read
(*data warehouse designer*: "develop, monitor and maintain ETL processes, reporting applications
and data warehouse design"; *data analyst*: "reports in the form of... dashboards"), read
*business analyst* with a warning. A PMO (project management office) analyst keeps a
programme's plans, logs and reports (ESCO's "PMO" of *project support officer*); the words read
*budget analyst*. A scrum master runs an agile software team's sprints, ESCO has none: O*NET
files "Scrum Master" under IT project managers (the crosswalk's *ICT project manager*), which the
words reached at 0.79 only, below what a CV's job line needs (`profiles.experience`).

Round jobs-19 (docs/quality.md): a developer with no other word ("Junior developer") writes
software (*software developer*, then *web developer*); no label says "developer" alone, and the
title read several trades' ("Salesforce Developer", "app developer"), so a learner's line of
Python and unit tests read no job.
"""

from __future__ import annotations

ESCO = "http://data.europa.eu/esco/occupation/"
WEB_DEVELOPER = ESCO + "c40a2919-48a9-40ea-b506-1f34f693496d"
SOFTWARE_DEVELOPER = ESCO + "f2b15a0e-e65a-438a-affb-29b9d50b77d1"
MOBILE_APPLICATION_DEVELOPER = ESCO + "2ed56c3f-61d6-4f7e-9ef8-8849eb102e4c"
CLOUD_ENGINEER = ESCO + "349ee6f6-c295-4c38-9b98-48765b55280e"
ICT_SYSTEM_ADMINISTRATOR = ESCO + "9e2e6e1e-363b-4e1b-a673-7bc0f7343300"
ICT_CHANGE_AND_CONFIGURATION_MANAGER = ESCO + "3b1ea27c-781c-41eb-821f-214285260dd2"
ICT_OPERATIONS_MANAGER = ESCO + "f0ca39a8-1e30-487c-95f9-ef2d5e734adc"
CHIEF_INFORMATION_OFFICER = ESCO + "82f90e87-de92-4678-adae-61d3e5f7e1e4"
SOFTWARE_MANAGER = ESCO + "f31f487b-4ce2-40f3-90e8-7d0011b4ef1d"
SOFTWARE_TESTER = ESCO + "106f79e4-6264-45f1-9e7a-297435cd684b"
QUALITY_ENGINEER = ESCO + "30c0943c-caa1-411d-b273-26f475971273"
PROJECT_SUPPORT_OFFICER = ESCO + "5ccb2c34-e860-43a5-9869-342487518115"
DATA_WAREHOUSE_DESIGNER = ESCO + "1562c7a3-c7d9-419d-b9b6-db26610bcf84"
DATA_ANALYST = ESCO + "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2"
ICT_PROJECT_MANAGER = ESCO + "8b6388a4-4904-471b-9331-d3b1211f5525"

_FULL_STACK = (WEB_DEVELOPER, SOFTWARE_DEVELOPER)
_MOBILE = (MOBILE_APPLICATION_DEVELOPER,)
TECH_TITLES: dict[str, tuple[str, ...]] = {
    **{
        f"{full} {who}": _FULL_STACK
        for full in ("full stack", "full-stack", "fullstack")
        for who in ("engineer", "developer", "software engineer", "software developer")
    },
    **{
        f"{os} {who}": _MOBILE
        for os in ("android", "ios")
        for who in ("engineer", "developer", "software engineer", "app developer")
    },
    "site reliability engineer": (CLOUD_ENGINEER, ICT_SYSTEM_ADMINISTRATOR),
    "platform engineer": (CLOUD_ENGINEER, ICT_CHANGE_AND_CONFIGURATION_MANAGER),
    **dict.fromkeys(
        ("it manager", "ict manager"), (ICT_OPERATIONS_MANAGER, CHIEF_INFORMATION_OFFICER)
    ),
    **dict.fromkeys(
        ("software development manager", "software engineering manager"), (SOFTWARE_MANAGER,)
    ),
    "business intelligence developer": (DATA_WAREHOUSE_DESIGNER, DATA_ANALYST),
    **{f"pmo {who}": (PROJECT_SUPPORT_OFFICER,) for who in ("analyst", "officer", "coordinator")},
    "scrum master": (ICT_PROJECT_MANAGER,),
    # round jobs-19 (module docstring): a developer with no other word writes software
    "developer": (SOFTWARE_DEVELOPER, WEB_DEVELOPER),
}
