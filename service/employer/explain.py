"""One plain sentence per ranked match: what matches, what is missing, which evidence is weak.

Built from the match detail the ranking already computed (no extra queries), so an employer
reads why a candidate ranks where they do without opening the details."""

from __future__ import annotations

from collections.abc import Sequence

from service.recommend.ranking_answers import MatchDetailJson

SHOWN = 3  # skills named per part; the rest are counted


def _names(labels: Sequence[str]) -> str:
    """'a, b and c', or 'a, b, c and 2 more'."""
    shown = list(labels[:SHOWN])
    rest = len(labels) - len(shown)
    if rest > 0:
        return f"{', '.join(shown)} and {rest} more"
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def match_sentence(detail: MatchDetailJson, n_essential: int) -> str:
    """E.g. 'Holds 5 of 7 essential skills (lead a team, operate scanner and plan shifts); missing
    operate forklift; keep stock records declared, not evidenced.'"""
    held = [m for m in detail.matched if m.essential and m.status == "covered"]
    partly = [m for m in detail.matched if m.essential and m.status != "covered"]
    extra = [m for m in detail.matched if not m.essential and m.credit > 0]
    rank = lambda m: -m.weight * m.credit  # noqa: E731
    parts = []
    if n_essential:
        if held:
            names = _names([m.label for m in sorted(held, key=rank)])
            parts.append(f"Holds {len(held)} of {n_essential} essential skills ({names})")
        else:
            parts.append(f"Holds none of the {n_essential} essential skills")
    elif extra:
        parts.append(f"Matches {_names([m.label for m in sorted(extra, key=rank)])}")
    else:
        parts.append("Matches none of the opening's skills")
    if partly:
        near = [f"{m.label} (through {m.via.label})" if m.via else m.label for m in partly]
        parts.append(f"partly {_names(near)}")
    missing = [m.label for m in detail.missing_essential if m.credit == 0]
    if missing:
        parts.append(f"missing {_names(missing)}")
    elif n_essential and not detail.missing_essential:
        parts.append("nothing essential is missing")
    by_note: dict[str, list[str]] = {}
    for m in detail.matched:
        if m.held and m.weak and m.note:
            by_note.setdefault(m.note, []).append(m.label)
    held_total = sum(1 for m in detail.matched if m.held)
    for note, names in by_note.items():
        if len(names) == held_total and held_total > SHOWN:
            parts.append(f"all {held_total} held skills {note}")
        else:
            parts.append(f"{_names(names)} {note}")
    return "; ".join(parts) + "."
