"""How much linking one request may ask for, by caller class: a caller with a valid API key, or
an anonymous one (smaller limits). The work of a recommendation or an extraction grows with the
characters it links (texts, declared skills, badges), so these limits bound it; the request
deadline (service/deadline.py) stops whatever still runs past the timeout.

Limits come from the settings and are declared in /openapi.json (service/api/schema_limits.py);
a request over them is refused with 422 naming the field, before any work is done.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.matching import LEARNER_BADGES, LEARNER_SKILLS
from service.config import Settings
from service.errors import InvalidInput


@dataclass(frozen=True)
class CallerLimits:
    keyed: bool
    text_chars: int  # longest text linked: an extraction's, CV text, a role's, a badge's
    learner_skills: int
    learner_badges: int
    keyed_text_chars: int  # what a key would allow, for the message

    @classmethod
    def of(cls, settings: Settings, *, keyed: bool) -> CallerLimits:
        s = settings
        if keyed:
            return cls(True, s.max_text_chars, LEARNER_SKILLS, LEARNER_BADGES, s.max_text_chars)
        return cls(
            False,
            min(s.anonymous_max_text_chars, s.max_text_chars),  # never more than with a key
            s.anonymous_max_learner_skills,
            s.anonymous_max_badges,
            s.max_text_chars,
        )

    def _whose(self, keyed_value: int) -> str:
        if self.keyed:
            return ""
        return f" without an API key ({keyed_value} with one)"

    def check_text(self, text: str, field: str, *, what: str | None = None) -> None:
        """422 naming `field` when `text` is longer than this caller may link."""
        if len(text) > self.text_chars:
            raise InvalidInput(
                f"{what or field} has {len(text)} characters; the limit is {self.text_chars}"
                f"{self._whose(self.keyed_text_chars)}",
                field=field,
            )

    def check_items(self, n: int, limit: int, keyed_limit: int, field: str) -> None:
        if n > limit:
            raise InvalidInput(
                f"{field} has {n} items; the limit is {limit}{self._whose(keyed_limit)}",
                field=field,
            )

    def check_learner(self, *, text: str, skills: int, badges: int) -> None:
        """The learner of a recommendation or gap request."""
        self.check_text(text, "learner.text")
        self.check_items(skills, self.learner_skills, LEARNER_SKILLS, "learner.skills")
        self.check_items(badges, self.learner_badges, LEARNER_BADGES, "learner.badges")
