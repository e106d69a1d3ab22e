"""The technology gate: a software tool is linked only where the text is about technology.

Technology skills are the O*NET technology skills and ESCO's digital knowledge (tools and
languages such as "Chef (tools for software configuration management)" or "Scala"). Such a skill
is linked from a text only when

- the text has technology cues: a cue word ("software", "database", "cloud", "IT", ...) or an
  unambiguous name of a technology skill written in it ("PostgreSQL", "Docker"); or
- the skill's own name is written in the text and is unambiguous (`indexing.aliases`: "Chef" is
  ambiguous, "Microsoft Excel" and "Excel" are not).

So "Line cook, grill and sauce station" does not give the configuration-management tool Chef
or the recipe software ChefTec, while "deployed with Chef and Terraform" gives Chef.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from indexing.aliases import AliasHit, tokens
from indexing.types import SkillEntry

# Lower-case words that say a text is about computing (matched as whole tokens, any case).
CUE_WORDS = frozenset(
    """
    software computer computers computing computerised computerized programming programmer
    programmers coding coder developer developers devops database databases serverless cloud
    app apps digital data dataset datasets scripting web website websites webpage online
    internet intranet spreadsheet spreadsheets api apis backend frontend fullstack deploy
    deployed deploying deployment deployments automation configuration dashboards analytics
    algorithm algorithms technology technologies tech saas paas iaas crm erp cms cybersecurity
    sysadmin linux unix microsoft helpdesk firmware virtualisation virtualization kubernetes
    microservices repository repositories ide compiler sdk
    """.split()
)
# Words left out on purpose: they are as often about something else ("code" of conduct,
# restaurant "servers", training "programs", film "scripts", shipping "containers", "hardware"
# stores, business "networking").
# Acronyms that are cues only in capitals ("IT", not "it").
CUE_ACRONYMS = frozenset({"IT", "ICT", "AI", "ML", "BI", "QA", "UX", "UI", "SQL", "ETL"})


def is_technology(s: SkillEntry) -> bool:
    """An O*NET technology skill or an ESCO digital knowledge skill (a tool, a language)."""
    return s.technology or s.skill_type == "technology"


class TechnologyGate:
    """Which technology skills a text may be linked to (module docstring)."""

    def __init__(self, skills: Sequence[SkillEntry]) -> None:
        self.rows = np.asarray([is_technology(s) for s in skills], dtype=bool)

    def has_cues(self, text: str, lexical: Mapping[int, AliasHit]) -> bool:
        """Does `text` (whose alias hits are `lexical`) speak of technology?"""
        for start, end, tok in tokens(text):
            if tok in CUE_WORDS or text[start:end] in CUE_ACRONYMS:
                return True
        return any(self.rows[row] and not hit.ambiguous for row, hit in lexical.items())

    def blocked(self, lexical: Mapping[int, AliasHit], cues: bool) -> np.ndarray | None:
        """Mask of the skills `text` may not be linked to (None: every skill may be): without
        cues, the technology skills other than those named unambiguously in the text."""
        if cues or not self.rows.any():
            return None
        mask = self.rows.copy()
        for row, hit in lexical.items():
            if not hit.ambiguous:
                mask[row] = False
        return mask

    def allows(self, row: int, hit: AliasHit | None, cues: bool) -> bool:
        """May a text with (cues) link skill `row`, named there by `hit` (or not named)?"""
        if cues or not self.rows[row]:
            return True
        return hit is not None and not hit.ambiguous
