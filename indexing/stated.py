"""Stated skill names (a badge's or a posting's skill list, a learner's declared skills): link,
link with a doubt, or keep unlinked.

A short name is where a silent error costs most ("DAX" is not Catalan, "Chef" on a cookery badge
is not the configuration tool), so every name gets a `StatedLink` that says what it became:

- `linked`: the name is a label or alias of the skill (exact, `indexing.aliases` case rules), or
  it scores at least `stated_link_min` with a lead of `stated_margin_min` over the next skill;
- `doubtful`: it scores at least `stated_doubt_min` (but less than a sure link, or with too
  small a lead), or it is exactly an ambiguous name of a technology skill and nothing says what
  the record is about. The caller stores it with a warning;
- `unlinked`: anything less. A short name (one word or an acronym) that is no label needs
  `stated_short_min` to link at all. The caller keeps the name as a label, never as a skill.

Technology skills (`indexing.technology`) are candidates only when the context (the record's
title, description and other stated names) speaks of technology, or the name is exactly an
unambiguous name of the tool. Without a context, they are candidates.

`confidence` of a dense link is linear in the score: 0.5 at `stated_doubt_min`, 0.8 at
`stated_link_min`, within 0..1; an exact label is 1.0; a doubtful link is at most
DOUBTFUL_MAX_CONFIDENCE. Thresholds were chosen on the annotated spans of TECH and HOUSE
validation (service/evaluation/extraction.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from indexing.aliases import AliasHit, is_acronym, span_key
from indexing.types import Check, SkillMatch, unchecked

if TYPE_CHECKING:
    from indexing.linker import SkillLinker

Status = Literal["linked", "doubtful", "unlinked"]
DOUBTFUL_MAX_CONFIDENCE = 0.7
CANDIDATES = 5  # skills looked at per name


@dataclass(frozen=True)
class StatedLink:
    """What a stated name became. `skill`: the skill linked (None when unlinked); `nearest`:
    the best candidate, also when unlinked; `reason`: why a link is doubtful or missing."""

    label: str
    status: Status
    skill: SkillMatch | None
    nearest: SkillMatch | None
    confidence: float
    exact: bool = False
    reason: str = ""

    def warning(self) -> str | None:
        """A message for the record's answer, None for a sure link."""
        if self.status == "linked":
            return None
        if self.status == "doubtful" and self.skill is not None:
            return (
                f"{self.label!r} linked to {self.skill.preferred_label!r} with a doubt "
                f"(confidence {self.confidence:.2f}): {self.reason}"
            )
        near = f"; nearest {self.nearest.preferred_label!r}" if self.nearest else ""
        return f"{self.label!r} kept as an unlinked label: {self.reason}{near}"


def is_short(name: str) -> bool:
    """One word, or an acronym ("DAX", "MS SQL")."""
    return len(span_key(name)) <= 1 or is_acronym(name)


def link_stated(
    linker: SkillLinker,
    names: Sequence[str],
    *,
    contexts: Sequence[str | None] | None = None,
    sources: Iterable[str] | None = None,
    check: Check = unchecked,
) -> list[StatedLink]:
    """One StatedLink per name (module docstring). contexts: per name, the text it was stated in
    (None: unknown). Distinct names are linked once (`SkillLinker.link_spans`)."""
    if contexts is not None and len(contexts) != len(names):
        raise ValueError(f"{len(contexts)} contexts for {len(names)} names")
    check()
    hits = linker.link_spans(names, k=CANDIDATES, sources=sources) if names else []
    cues: dict[str, bool] = {}
    out = []
    for i, (name, cands) in enumerate(zip(names, hits, strict=True)):
        context = contexts[i] if contexts is not None else None
        if context is not None and context not in cues:
            check()
            cues[context] = linker.gate.has_cues(context, linker.lexical(context))
        out.append(
            decide(
                linker, name, cands, linker.exact(name), None if context is None else cues[context]
            )
        )
    return out


def decide(
    linker: SkillLinker,
    name: str,
    cands: Sequence[SkillMatch],
    exact: Sequence[AliasHit],
    cues: bool | None,
) -> StatedLink:
    """The decision for one name: its candidates (best first), the aliases it equals, and
    whether its context speaks of technology (None: no context)."""
    cfg = linker.config
    label = name.strip()
    by_id = {linker.skills[h.row].id: h for h in exact}
    allowed = [m for m in cands if _allowed(linker, m, by_id.get(m.skill_id), cues)]
    nearest = allowed[0] if allowed else (cands[0] if cands else None)
    if not allowed:
        why = "only software tools are close, and the record is not about technology"
        return StatedLink(label, "unlinked", None, nearest, 0.0, reason=why if cands else "")
    named = [m for m in allowed if m.skill_id in by_id]
    if named:
        m = named[0]
        if by_id[m.skill_id].ambiguous and _is_tech(linker, m) and cues is None:
            why = f"{label!r} is also an ordinary word; nothing says the record is about software"
            return StatedLink(label, "doubtful", m, m, DOUBTFUL_MAX_CONFIDENCE, True, why)
        return StatedLink(label, "linked", m, m, 1.0, exact=True)
    top = allowed[0]
    conf = _confidence(top.score, cfg.stated_doubt_min, cfg.stated_link_min)
    if is_short(label) and top.score < cfg.stated_short_min:
        why = "a short name that is no label of the taxonomy, and no skill is close enough"
        return StatedLink(label, "unlinked", None, top, conf, reason=why)
    if top.score < cfg.stated_doubt_min:
        return StatedLink(label, "unlinked", None, top, conf, reason="no skill is close enough")
    lead = top.score - allowed[1].score if len(allowed) > 1 else float("inf")
    if top.score >= cfg.stated_link_min and lead >= cfg.stated_margin_min:
        return StatedLink(label, "linked", top, top, conf)
    if top.score < cfg.stated_link_min:
        why = "close, but not close enough to be sure"
    else:
        why = f"{allowed[1].preferred_label!r} is almost as close"
    return StatedLink(label, "doubtful", top, top, min(conf, DOUBTFUL_MAX_CONFIDENCE), reason=why)


def _is_tech(linker: SkillLinker, m: SkillMatch) -> bool:
    return bool(linker.gate.rows[linker.row_of(m.skill_id)])


def _allowed(linker: SkillLinker, m: SkillMatch, hit: AliasHit | None, cues: bool | None) -> bool:
    """Is `m` a candidate: not a technology skill, or the context allows it (module docstring)."""
    if cues is None or not _is_tech(linker, m):
        return True
    return cues or (hit is not None and not hit.ambiguous)


def _confidence(score: float, doubt_min: float, link_min: float) -> float:
    """0.5 at doubt_min, 0.8 at link_min, linear, within 0..1."""
    slope = 0.3 / max(link_min - doubt_min, 1e-6)
    return round(min(1.0, max(0.0, 0.5 + slope * (score - doubt_min))), 4)
