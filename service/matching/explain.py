"""Human explanations: why each step is in the plan, and what the plan achieves overall."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from service.matching.types import (
    STRONG_EVIDENCE,
    Cover,
    GapItem,
    Option,
    Shortfall,
    Stack,
    Step,
)

MAX_LABELS = 5
# the weak kinds of evidence, in words, in the order they are told
WEAK_WORDS = {
    "declared": "declared",
    # "read", not "stated": a job named in the text gives its occupation's essential skills too
    "text": "read in the text",
    "unverified_badge": "on an unverified badge",
}


def labels(names: Sequence[str], limit: int = MAX_LABELS) -> str:
    """'a, b, c' or 'a, b, c and 4 more'."""
    names = list(names)
    if len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])} and {len(names) - limit} more"


def is_weak(kinds: Sequence[str]) -> bool:
    """Held on known evidence of which none is strong (a verified badge, a held credential)."""
    return bool(kinds) and not STRONG_EVIDENCE & set(kinds)


def evidence_note(kinds: Sequence[str]) -> str:
    """'declared, not evidenced', 'declared and read in the text, not evidenced', 'on an
    unverified badge'; "" when the evidence is strong (or unknown)."""
    if not is_weak(kinds):
        return ""
    words = [w for k, w in WEAK_WORDS.items() if k in kinds]
    if not words:
        return ""
    return " and ".join(words) + ("" if "unverified_badge" in kinds else ", not evidenced")


def _cover_label(c: Cover) -> str:
    return c.label if c.status == "covered" else f"{c.label} (partly)"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _share(k: int, n: int, word: str) -> str:
    """'2 of the 5 essential skills', 'the essential skill', 'all 3 essential skills'."""
    if k >= n:
        return f"the {word}" if n == 1 else f"all {n} {word}s"
    return f"{k} of the {_plural(n, word)}"


def num(x: float) -> str:
    """1234.5 -> '1,234.5'; 12.0 -> '12'."""
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def money(hours: float, cost: float, currency: str | None) -> str:
    """'12 h, 300 EUR' or '3.5 h, free'."""
    price = "free" if cost <= 0 else f"{num(cost)} {currency or ''}".strip()
    return f"{num(hours)} h, {price}"


def effort(c: Option) -> str:
    """A credential's hours and price as known: '12 h, 300 EUR', 'about 12 h (estimate: ...),
    price not stated', 'hours not stated, free'. Unknown is never shown as 0 h or free."""
    if c.hours_state == "stated":
        hours = f"{num(c.hours_value)} h" + (f" ({c.hours_note})" if c.hours_note else "")
    elif c.hours_state == "estimate":
        hours = f"about {num(c.hours_value)} h ({c.hours_note or 'estimate'})"
    else:
        hours = "hours not stated"
    if c.cost_state == "stated":
        cost = "free" if c.cost_value <= 0 else f"{num(c.cost_value)} {c.currency}".strip()
    elif c.cost_state == "estimate":
        cost = f"about {num(c.cost_value)} {c.currency} ({c.cost_note or 'estimate'})"
    else:
        cost = "price not stated"
    return f"{hours}, {cost}"


def totals_text(totals: dict, currency: str | None) -> str:
    """'40 h, 300 EUR', with the estimated parts and the steps whose hours or price are
    unknown said: '40 h (10 h of it estimated), price not stated for 2 steps'."""
    text = money(totals["hours"], totals["cost"], currency)
    hours, cost = text.split(", ", 1)
    if totals["hours_estimated"] > 0:
        hours += f" ({num(totals['hours_estimated'])} h of it estimated)"
    if totals["hours_unknown"]:
        hours += f"; hours not stated for {_plural(len(totals['hours_unknown']), 'step')}"
    if totals["cost_estimated"] > 0:
        cost += f" ({num(totals['cost_estimated'])} of it estimated)"
    if totals["cost_unknown"]:
        unknown = f"price not stated for {_plural(len(totals['cost_unknown']), 'step')}"
        cost = f"{cost}; {unknown}" if totals["cost"] > 0 else unknown
    return f"{hours}, {cost}"


def explain_step(
    step: Step,
    open_items: Sequence[GapItem],
    titles: Mapping[str, str],
    stacks: Sequence[Stack] = (),
    other_work: bool = False,
) -> str:
    """'Covers 2 of the 3 essential skills you still need: a, b; also 1 more skill: c (partly).
    Needed before X. Part of program P. 10 h, 200 EUR.' other_work: the credential states an
    audience of other work (service.matching.aim), which the step says."""
    option: Option = step.option
    parts: list[str] = []
    essential = [c for c in step.covers if c.essential]
    other = [c for c in step.covers if not c.essential]
    n_essential = sum(1 for it in open_items if it.essential)
    weak = {it.skill_id for it in open_items if it.weak and it.held}
    if essential:
        share = _share(len(essential), n_essential, "essential skill")
        if all(c.skill_id in weak for c in essential):  # service.matching.gap.evidence_gap
            text = f"Evidences {share} you state but have not shown: "
        else:
            text = f"Covers {share} you still need: "
        text += labels([_cover_label(c) for c in essential])
        if other:
            text += f"; also {_plural(len(other), 'other skill')}: "
            text += labels([_cover_label(c) for c in other])
        parts.append(text + ".")
    elif other:
        n_other = len(open_items) - n_essential
        parts.append(
            f"Covers {_share(len(other), n_other, 'optional skill')} you still need: "
            f"{labels([_cover_label(c) for c in other])}."
        )
    if step.required_by:
        needed = labels([titles.get(e, e) for e in step.required_by])
        if step.covers:
            parts.append(f"Needed before {needed}.")
        else:
            parts.append(f"Prerequisite for {needed}; it adds none of the missing skills itself.")
    for st in stacks:
        if option.external_id in st.remaining:
            continue
        done = "completes it" if st.completed else f"{st.held + st.planned} of {st.total} parts"
        parts.append(f"Part of {st.title} ({done}).")
    if other_work:
        parts.append(
            "Written for other work (its stated audience); no credential for this work teaches "
            "this as well in about the same hours."
        )
    if step.optional:
        parts.insert(
            0,
            "Optional: it closes no essential skill; added because every essential skill the "
            "catalog covers is already planned.",
        )
    parts.append(effort(option) + ".")
    return " ".join(parts)


def plan_message(
    *,
    role_title: str,
    open_items: Sequence[GapItem],
    steps: Sequence[Step],
    totals: dict,
    currency: str | None,
    mixed_currency: bool,
    coverage_before: float,
    coverage_after: float,
    uncoverable: Sequence[Shortfall],
    unmet: Sequence[Shortfall],
    smallest_step: tuple[float, float, str] | None,
    any_admissible: bool,
    held_back_by: str = "under your budget or filters",
) -> str:
    """One paragraph on the whole plan, or why there is none. held_back_by: what keeps the
    skills the catalog could teach out of the plan, in words ("within the plan's limit of 8
    steps"). smallest_step: the cheapest useful step where the budget keeps every useful step
    out (None where one fits: then no step adds enough for its hours)."""
    role = role_title or "the role"
    if not open_items:
        return f"You already show every skill {role} needs; nothing to add."
    if len(uncoverable) == len(open_items):
        return (
            f"No credential in the catalog teaches any of the {len(open_items)} skills you still "
            f"need for {role}: {labels([s.label for s in uncoverable])}."
        )
    out: list[str] = []
    essential = [it for it in open_items if it.essential]
    if steps and essential and all(it.weak and it.held for it in essential):
        out.append(
            f"By your own account you hold every essential skill of {role}; the steps give "
            "evidence of those you state but have not shown."
        )
    change = f"coverage of {role} from {coverage_before:.0%} to {coverage_after:.0%}"
    if not steps:
        if not any_admissible:
            out.append(
                "None of the credentials that teach the skills you still need passes your filters "
                "(language, level, delivery, issuer, or a prerequisite that does not)."
            )
        elif smallest_step is not None:
            h, c, cur = smallest_step
            out.append(
                "No credential that teaches a missing skill fits your budget: the smallest useful "
                f"step needs {money(h, c, cur)}."
            )
        else:  # a useful step fits the budget: none adds enough for its hours
            out.append(
                "No credential you may take adds enough of what you still need for its hours."
            )
    else:
        verb = "raises" if len(steps) == 1 else "raise"
        optional = sum(1 for s in steps if s.optional)
        extra = f", {optional} of them optional" if optional else ""
        summary = (
            f"{_plural(len(steps), 'step')}{extra} ({totals_text(totals, currency)}) "
            f"{verb} {change}."
        )
        out.append(("Best plan within your limits: " + summary) if unmet else summary)
    if unmet:
        out.append(_open_sentence(unmet, held_back_by))
    if uncoverable:
        out.append(_untaught_sentence(uncoverable))
    if mixed_currency:
        out.append("Costs are in more than one currency; the total adds them as given.")
    return " ".join(out)


def _split(shortfalls: Sequence[Shortfall]) -> tuple[list[str], int]:
    """The essential skills' labels, and how many optional ones there are."""
    essential = [s.label for s in shortfalls if s.essential]
    return essential, len(shortfalls) - len(essential)


def _stay(n: int) -> str:
    return "stays" if n == 1 else "stay"


def _open_sentence(unmet: Sequence[Shortfall], held_back_by: str) -> str:
    """The skills a plan leaves open that the catalog could teach: the essential ones named,
    the optional ones counted (all named where none is essential)."""
    essential, optional = _split(unmet)
    if not essential:
        named = labels([s.label for s in unmet])
        what = _plural(optional, "optional skill")
        return f"{what} the catalog could teach {_stay(optional)} open {held_back_by}: {named}."
    more = f" (and {_plural(optional, 'optional skill')})" if optional else ""
    return (
        f"{_plural(len(essential), 'essential skill')} the catalog could teach "
        f"{_stay(len(essential))} open"
        f"{more} {held_back_by}: {labels(essential)}."
    )


def _untaught_sentence(uncoverable: Sequence[Shortfall]) -> str:
    """What no credential teaches: the essential skills named, the optional ones counted (an
    optional skill of ESCO's or a tool of O*NET's, such as "monitor sugar uniformity" or
    "Facebook" for a restaurant manager, is no news for a plan); all named where none is
    essential."""
    essential, optional = _split(uncoverable)
    if not essential:
        named = labels([s.label for s in uncoverable], limit=3)
        what = _plural(optional, "optional skill")
        return f"No credential in the catalog teaches {what} of the role ({named})."
    more = f", nor {_plural(optional, 'optional skill')} of the role" if optional else ""
    return f"No credential in the catalog teaches {labels(essential)}{more}."


def weak_sentence(weak: Sequence[GapItem]) -> str:
    """The held skills whose evidence is weak, which a plan counts as held and does not teach:
    'Held on weak evidence, not taught: a, b (declared, not evidenced); c (on an unverified
    badge).', each kind's note once ("" when none; the weak
    skills a plan evidences, service.matching.gap.evidence_gap, are open, not listed)."""
    weak = [it for it in weak if it.status == "covered"]
    if not weak:
        return ""
    by_note: dict[str, list[str]] = {}
    for it in weak:  # one note per kind of evidence, not one per skill
        by_note.setdefault(it.note or "", []).append(it.label)
    parts = [labels(names) + (f" ({note})" if note else "") for note, names in by_note.items()]
    return f"Held on weak evidence, not taught: {'; '.join(parts)}."
