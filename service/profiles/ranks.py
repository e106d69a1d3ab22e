"""A rank of the armed forces said after its service and unit: "Army signals corporal", "Royal
Navy marine engineering petty officer". The whole title names no occupation surely (the unit's
words, "signals", pull it towards a railway signaller or a police commissioner), nor does it
without the service's name ("signals corporal"); a careers adviser reads the rank, and ESCO
names the forces' jobs by their rank (*army corporal*, *sergeant*, *lieutenant*: ISCO major
group 0). `rank_job` reads the title's last one or two words alone where they name an occupation
of the forces surely; any other reading of them (a "captain" of aircraft) is not taken."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from service.runtime import Runtime

# a service of the forces that opens a title
_SERVICE = re.compile(
    r"^(?:british\s+)?(?:army|navy|royal\s+navy|raf|royal\s+air\s+force|royal\s+marines?"
    r"|(?:us\s+)?marine\s+corps|us\s+marines?|territorial\s+army|army\s+reserve)\s+\S",
    # not "marine" alone: "Marine engineering officer" is a ship's engineer
    re.I,
)
FORCES_ISCO = "0"  # ISCO major group 0: armed forces occupations


def rank_job(runtime: Runtime, title: str, sure_job: Callable):
    """The occupation of the forces the last one or two words of `title` (a title that opens
    with a service of the forces and has words between it and them) surely name, or None.
    `sure_job`: the reading of a title (`experience._sure_job`)."""
    if _SERVICE.match(title) is None:
        return None
    words = title.split()
    for n in (2, 1):
        if len(words) < n + 2:  # the service, a unit's word, the rank
            continue
        best = sure_job(runtime, " ".join(words[-n:]))
        info = runtime.titles.info.get(best.occupation_id) if best is not None else None
        if info is not None and (info.isco_code or "").startswith(FORCES_ISCO):
            return best
    return None
