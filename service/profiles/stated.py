"""Stated skill names on the learner's side (declared skills, a badge's skills), linked as
`indexing.stated.link_stated` decides: a sure or doubtful link is evidence at its confidence
(a doubtful one with a warning); an unlinked name is no evidence, only a warning that names it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from indexing.stated import StatedLink, link_stated
from indexing.types import Check, unchecked

if TYPE_CHECKING:
    from service.runtime import Runtime


def link_names(
    runtime: Runtime, names: Sequence[str], context: str | None, *, check: Check = unchecked
) -> list[StatedLink]:
    """One decision per name, all read against one context (None: nothing is known of it)."""
    if not names:
        return []
    return link_stated(runtime.linker, list(names), contexts=[context] * len(names), check=check)


def names_context(names: Sequence[str], *texts: str) -> str | None:
    """The context of a list of names: the texts given and the names themselves; None for one
    name alone (it says nothing about itself)."""
    parts = [t for t in texts if t and t.strip()]
    if not parts and len(names) <= 1:
        return None
    return "\n".join([*parts, ", ".join(names)])


def warning(field: str, link: StatedLink) -> dict | None:
    """The learner answer's warning for a doubtful or unlinked name; None for a sure link."""
    message = link.warning()
    return {"field": field, "message": message} if message else None
