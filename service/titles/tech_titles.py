"""Curated titles of software work (`TECH_TITLES`, part of `curated.CURATED_TITLES`): what the
taxonomy's labels and O*NET's known titles say wrongly about titles of job ads for developers.

"Full Stack Engineer" read *alternative fuels engineer* by O*NET's "Stack Engineer" (0.93, a
smokestack's), "Android Engineer" *microsystem engineer* by "Mobile Engineer", "iOS Developer"
*web developer*: a full-stack developer builds a web application's front and back ends (ESCO
*web developer*: "develop, implement and document web-accessible software"; *software
developer* beside it), an Android or iOS developer builds phone apps (ESCO *mobile application
developer*: "implement application software for mobile devices"). Pure data.
"""

from __future__ import annotations

ESCO = "http://data.europa.eu/esco/occupation/"
WEB_DEVELOPER = ESCO + "c40a2919-48a9-40ea-b506-1f34f693496d"
SOFTWARE_DEVELOPER = ESCO + "f2b15a0e-e65a-438a-affb-29b9d50b77d1"
MOBILE_APPLICATION_DEVELOPER = ESCO + "2ed56c3f-61d6-4f7e-9ef8-8849eb102e4c"

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
}
