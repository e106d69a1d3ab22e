"""The planning problem in arrays: constraint filtering, prerequisite closure, the
options x gap-skills credit matrix, and stackable programs. Built once per query; the greedy
and exact planners only read it.

Objective hours: each step is charged its hours plus `step_hours` (a fixed effort per credential:
enrolling, an assessment, another provider; PlannerConfig.step_overhead_hours), so that between
plans that teach as much, the one of fewer, larger credentials wins. `charged` sums that.

Gain of a set of credentials = sum over open gap skills s of weight_s x min(1 - credit_s, best
credit any chosen credential offers for s): coverage saturates, and overlapping credentials count
once (max, not sum). `credits` is stored already clipped to the residual 1 - credit_s.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from service.matching.gap import credit_matrix
from service.matching.types import (
    Constraints,
    Gap,
    GapItem,
    Option,
    SkillNeighbours,
    UnknownEffort,
)

GAIN_EPS = 1e-9


def _lang(code: str) -> str:
    return code.strip().lower().split("-")[0].split("_")[0]


def _norm(values: Iterable[str]) -> set[str]:
    return {v.strip().lower() for v in values}


class Filter:
    """The non-budget constraints, normalised once per query; `why(c)` tests one option."""

    def __init__(self, k: Constraints) -> None:
        self.k = k
        self.languages = {_lang(x) for x in k.languages} if k.languages is not None else None
        self.levels = _norm(k.levels) if k.levels is not None else None
        self.modes = _norm(k.delivery_modes) if k.delivery_modes is not None else None
        self.include = _norm(k.include_issuers) if k.include_issuers is not None else None
        self.exclude = _norm(k.exclude_issuers) if k.exclude_issuers is not None else None

    def why(self, c: Option) -> str | None:
        """None when the option passes (budgets are the planners' business), else why not."""
        k, unknown_ok = self.k, self.k.allow_unknown
        if self.languages is not None and _lang(c.language) not in self.languages:
            return f"language {c.language} not in {sorted(self.languages)}"
        if self.levels is not None:
            if c.level is None and not unknown_ok:
                return "level unknown"
            if c.level is not None and c.level.lower() not in self.levels:
                return f"level {c.level} not in {sorted(self.levels)}"
        if k.min_eqf_level is not None or k.max_eqf_level is not None:
            if c.eqf_level is None:
                if not unknown_ok:
                    return "EQF level unknown"
            elif (k.min_eqf_level is not None and c.eqf_level < k.min_eqf_level) or (
                k.max_eqf_level is not None and c.eqf_level > k.max_eqf_level
            ):
                return f"EQF level {c.eqf_level} outside the allowed range"
        if self.modes is not None:
            if c.delivery_mode is None and not unknown_ok:
                return "delivery mode unknown"
            if c.delivery_mode is not None and c.delivery_mode.lower() not in self.modes:
                return f"delivery mode {c.delivery_mode} not allowed"
        issuer = c.issuer.strip().lower()
        if self.include is not None and issuer not in self.include:
            return f"issuer {c.issuer!r} not included"
        if self.exclude is not None and issuer in self.exclude:
            return f"issuer {c.issuer!r} excluded"
        return None


def effort_why(c: Option, k: Constraints, unknown: UnknownEffort) -> str | None:
    """Why a budget leaves c out for hours or a cost it does not state, else None."""
    for what, limit, state, note, unit in (
        ("hours", k.max_hours, c.hours_state, c.hours_note, "max_hours"),
        ("cost", k.max_cost, c.cost_state, c.cost_note, "max_cost"),
    ):
        if limit is None or state == "stated":
            continue
        if state == "unknown":
            return f"{what} unknown (not stated, no estimate): cannot be counted against {unit}"
        if unknown == "exclude":
            return (
                f"{what} unknown (not stated; {note or 'an estimate'} is not counted under "
                f"unknown_effort=exclude): cannot be counted against {unit}"
            )
    return None


def admissible(c: Option, k: Constraints) -> str | None:
    """None when the option passes the filters of k (not the budgets), else why not."""
    return Filter(k).why(c)


class Catalog:
    """External id -> credential: the options first, then the caller's lookup (read by key
    only, so a lookup over the whole catalog costs nothing extra)."""

    def __init__(self, options: Sequence[Option], lookup: Mapping[str, Option] | None):
        self.local = {c.external_id: c for c in options}
        self.lookup = lookup or {}

    def get(self, ext: str) -> Option | None:
        c = self.local.get(ext)
        if c is None:
            c = self.lookup.get(ext)
            if c is not None:
                self.local[ext] = c
        return c


@dataclass
class Problem:
    """Arrays over the planning universe ("units": admissible, not-held options plus the
    prerequisites they need). closure[i]: the not-held prerequisite units of i, transitively."""

    gap: Gap
    items: list[GapItem]  # the open gap skills, one column each
    weights: np.ndarray  # (m,)
    base: np.ndarray  # (m,) the learner's credit per open skill
    units: list[Option]
    index: dict[str, int]  # external id -> unit
    closure: list[tuple[int, ...]]
    direct_prereqs: list[tuple[int, ...]]
    valid: np.ndarray  # (n,) bool: every prerequisite resolvable and admissible
    credits: np.ndarray  # (n, m) clipped to the residual
    via: np.ndarray  # (n, m) option skill id giving the credit, -1 none
    bundle: np.ndarray  # (n, m) max of credits over the unit and its closure
    hours: np.ndarray
    cost: np.ndarray
    reachable: np.ndarray  # (m,) best offered credit over all given options, unfiltered
    max_hours: float
    max_cost: float
    max_steps: float  # inf: no limit
    held_ext: set[str]
    catalog: Catalog  # external id -> credential (options, then the caller's lookup)
    programs: dict[str, frozenset[str]]  # program external id -> part external ids
    unit_programs: list[tuple[str, ...]]
    skipped: dict[str, str] = field(default_factory=dict)  # external id -> why it was left out
    considered: list[str] = field(default_factory=list)  # the not-held options, in order
    step_hours: float = 0.0  # hours-equivalent charged per step on top of its hours
    essential: np.ndarray = field(init=False)  # (m,) bool: the open skill is essential
    bundle_size0: np.ndarray = field(init=False)  # steps of each unit with its whole closure
    with_prereqs: list[int] = field(init=False)  # units that have a closure
    program_units: list[int] = field(init=False)  # units that are part of a program
    dependants: dict[int, np.ndarray] = field(init=False)  # unit -> units whose closure has it
    bundle_hours0: np.ndarray = field(init=False)  # hours of each unit with its whole closure
    bundle_cost0: np.ndarray = field(init=False)
    bundle_t: np.ndarray = field(init=False)  # bundle transposed, contiguous: fast column reads
    bundle_gain0: np.ndarray = field(init=False)  # gain of each bundle from nothing
    col_units: list[np.ndarray] = field(init=False)  # per skill: units offering credit for it
    special: np.ndarray = field(init=False)  # units with prerequisites or in a program

    def __post_init__(self) -> None:
        self.essential = np.array([it.essential for it in self.items], dtype=bool)
        self.bundle_size0 = np.array([1.0 + len(cl) for cl in self.closure])
        self.with_prereqs = [i for i, cl in enumerate(self.closure) if cl]
        self.program_units = [i for i, progs in enumerate(self.unit_programs) if progs]
        deps: dict[int, list[int]] = {}
        for i in self.with_prereqs:
            for q in self.closure[i]:
                deps.setdefault(q, []).append(i)
        self.dependants = {q: np.array(ts, dtype=np.int64) for q, ts in deps.items()}
        self.bundle_t = np.ascontiguousarray(self.bundle.T)
        self.bundle_gain0 = self.bundle @ self.weights
        self.col_units = [(col > 0).nonzero()[0] for col in self.bundle_t]
        self.special = np.array(
            sorted(set(self.with_prereqs) | set(self.program_units)), dtype=np.int64
        )
        self.bundle_hours0, self.bundle_cost0 = self.hours.copy(), self.cost.copy()
        for i in self.with_prereqs:
            cl = list(self.closure[i])
            self.bundle_hours0[i] += self.hours[cl].sum()
            self.bundle_cost0[i] += self.cost[cl].sum()

    def charged(self, selected: np.ndarray) -> float:
        """The objective's hours of a selection: its hours plus step_hours per step."""
        return float(self.hours[selected].sum()) + self.step_hours * float(selected.sum())

    def bundle_charged0(self) -> np.ndarray:
        """Charged hours of each unit with its whole closure."""
        return self.bundle_hours0 + self.step_hours * self.bundle_size0

    def fits_alone(self) -> np.ndarray:
        """Per unit: valid, and within the hours, cost and step limits with its prerequisites."""
        return (
            self.valid
            & (self.bundle_hours0 <= self.max_hours + 1e-9)
            & (self.bundle_cost0 <= self.max_cost + 1e-9)
            & (self.bundle_size0 <= self.max_steps)
        )

    def with_weights(self, weights: np.ndarray) -> Problem:
        """The same problem scoring the skills by other weights (e.g. the essential ones only)."""
        return replace(self, weights=np.asarray(weights, dtype=np.float64))

    def essential_weights(self) -> np.ndarray:
        return np.where(self.essential, self.weights, 0.0)

    def gain(self, selected: np.ndarray) -> float:
        if not selected.any():
            return 0.0
        return float(self.credits[selected].max(axis=0) @ self.weights)

    def offered(self, selected: np.ndarray) -> np.ndarray:
        if not selected.any():
            return np.zeros(len(self.items))
        return self.credits[selected].max(axis=0)

    def bundle_totals(self, selected: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Hours and cost of adding each unit with its prerequisites not yet selected."""
        h, c = self.bundle_hours0.copy(), self.bundle_cost0.copy()
        for q, ts in self.dependants.items():
            if selected[q]:
                h[ts] -= self.hours[q]
                c[ts] -= self.cost[q]
        return h, c

    def add(self, selected: np.ndarray, i: int) -> None:
        selected[i] = True
        for q in self.closure[i]:
            selected[q] = True


def _programs(
    catalog: Catalog, members: Sequence[Option], is_held: Callable[[str], bool]
) -> dict[str, frozenset[str]]:
    """Program external id -> its parts, for every program one of members is part of (or is):
    the program's own has_part plus every member that says it is part of it."""
    parts: dict[str, set[str]] = {}
    for c in members:
        if c.has_part:
            parts.setdefault(c.external_id, set()).update(c.has_part)
        for p in c.is_part_of:
            parts.setdefault(p, set()).add(c.external_id)
    for p, s in parts.items():
        prog = catalog.get(p)
        if prog is not None:
            s.update(prog.has_part)
        for e in s:
            is_held(e)  # records held parts in held_ext
    return {p: frozenset(s) for p, s in parts.items() if s}


class _Held:
    """The learner's credentials, as ids and external ids. Called with an external id, says
    whether it is held, learning the external ids of held records found in the catalog."""

    def __init__(
        self,
        held: Collection[int | str | Option],
        options: Sequence[Option],
        catalog: Catalog,
    ) -> None:
        self.catalog = catalog
        self.ids = {h for h in held if isinstance(h, int)}
        self.records = [h for h in held if isinstance(h, Option)]
        self.ext = {h for h in held if isinstance(h, str)} | {h.external_id for h in self.records}
        self.ids |= {h.id for h in self.records}
        self.ext |= {c.external_id for c in options if c.id in self.ids}

    def __call__(self, ext: str) -> bool:
        if ext in self.ext:
            return True
        c = self.catalog.get(ext)
        if c is not None and c.id in self.ids:
            self.ext.add(ext)
            return True
        return False


def _pool(options: Sequence[Option], held_ext: set[str]) -> list[Option]:
    """The options not held, each external id once, in order."""
    pool: list[Option] = []
    seen: set[str] = set()
    for c in options:
        if c.external_id not in seen and c.external_id not in held_ext:
            seen.add(c.external_id)
            pool.append(c)
    return pool


class _Prerequisites:
    """Whether each credential may be taken (filters and budgets, decided once per external id)
    and its transitive not-held prerequisites; why a credential is left out goes to skipped."""

    def __init__(
        self,
        k: Constraints,
        unknown: UnknownEffort,
        catalog: Catalog,
        is_held: Callable[[str], bool],
    ) -> None:
        self.k, self.unknown, self.filter = k, unknown, Filter(k)
        self.catalog, self.is_held = catalog, is_held
        self.skipped: dict[str, str] = {}
        self.verdict: dict[str, str | None] = {}
        self.closure_ext: dict[str, tuple[str, ...] | None] = {}

    def check(self, c: Option) -> str | None:
        if c.external_id not in self.verdict:
            self.verdict[c.external_id] = self.filter.why(c) or effort_why(c, self.k, self.unknown)
        return self.verdict[c.external_id]

    def resolve(self, c: Option, trail: tuple[str, ...]) -> tuple[str, ...] | None:
        """Transitive not-held prerequisites of c, or None (and a reason) if unresolvable."""
        ext = c.external_id
        if ext in self.closure_ext:
            return self.closure_ext[ext]
        out: list[str] = []
        why = None
        for p in c.prerequisites:
            if self.is_held(p):
                continue
            q = self.catalog.get(p)
            if p in trail or p == ext:
                why = f"prerequisite cycle through {p}"
            elif q is None:
                why = f"prerequisite {p} is not in the catalog"
            elif (bad := self.check(q)) is not None:
                why = f"prerequisite {p} is not allowed: {bad}"
            elif (sub := self.resolve(q, (*trail, ext))) is None:
                why = f"prerequisite {p} cannot be taken"
            else:
                out.extend(x for x in (p, *sub) if x not in out)
                continue
            self.skipped.setdefault(ext, why)
            break
        self.closure_ext[ext] = None if why else tuple(out)
        return self.closure_ext[ext]


@dataclass
class _Units:
    """The planning universe: the admissible pool, then the prerequisites they need that are
    not options themselves (extra). rows: each unit's row in the credit matrix over pool +
    extra."""

    units: list[Option] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)  # external id -> unit
    extra: list[Option] = field(default_factory=list)


def _units(pool: list[Option], prereqs: _Prerequisites, catalog: Catalog) -> _Units:
    u = _Units()
    for r, c in enumerate(pool):
        why = prereqs.check(c)
        if why is not None:
            prereqs.skipped[c.external_id] = why
            continue
        u.index[c.external_id] = len(u.units)
        u.units.append(c)
        u.rows.append(r)
    for c in [x for x in u.units if x.prerequisites]:
        for q in prereqs.resolve(c, ()) or ():
            if q not in u.index:
                u.index[q] = len(u.units)
                u.units.append(catalog.get(q))  # type: ignore[arg-type]  # resolved above
                u.rows.append(len(pool) + len(u.extra))
                u.extra.append(u.units[-1])
    return u


def _credit_arrays(
    items: list[GapItem],
    matrix_rows: list[Option],
    rows: list[int],
    neighbours: SkillNeighbours | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """base (the learner's credit per open skill), the units' credits clipped to the residual,
    the skill giving each credit, and the best credit any row offers per skill (reachable)."""
    m = len(items)
    cm = credit_matrix([it.skill_id for it in items], matrix_rows, neighbours)
    base = np.array([it.credit for it in items], dtype=np.float64)
    all_credits = np.minimum(cm.credits, np.clip(1.0 - base, 0.0, 1.0))
    reachable = all_credits.max(axis=0) if len(all_credits) else np.zeros(m)
    if rows == list(range(len(all_credits))):
        credits, via = all_credits, cm.via
    else:
        credits, via = all_credits[rows].reshape(-1, m), cm.via[rows].reshape(-1, m)
    return base, credits, via, reachable


def _closures(
    units: list[Option],
    index: dict[str, int],
    closure_ext: dict[str, tuple[str, ...] | None],
) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]], np.ndarray]:
    """Each unit's closure and direct prerequisites as units, and whether it can be taken."""
    closure: list[tuple[int, ...]] = [()] * len(units)
    direct: list[tuple[int, ...]] = [()] * len(units)
    valid = np.ones(len(units), dtype=bool)
    for i, u in enumerate(units):
        if not u.prerequisites:
            continue
        cl = closure_ext.get(u.external_id, ())
        if cl is None:
            valid[i] = False
        elif cl:
            closure[i] = tuple(index[q] for q in cl)
            direct[i] = tuple(index[p] for p in u.prerequisites if p in index)
    return closure, direct, valid


def bundle_of(credits: np.ndarray, closure: list[tuple[int, ...]]) -> np.ndarray:
    """Per unit: the max of the credits over the unit and its closure."""
    bundle = credits.copy()
    for i, cl in enumerate(closure):
        if cl:
            bundle[i] = np.max(credits[[i, *cl]], axis=0)
    return bundle


def _unit_programs(
    programs: dict[str, frozenset[str]], units: list[Option]
) -> list[tuple[str, ...]]:
    """Per unit: the programs it is part of."""
    part_of: dict[str, list[str]] = {}
    for p, parts in programs.items():
        for e in parts:
            part_of.setdefault(e, []).append(p)
    return [tuple(part_of.get(u.external_id, ())) for u in units]


def _limit(value: float | None) -> float:
    return math.inf if value is None else float(value)


def build_problem(
    gap: Gap,
    options: Sequence[Option],
    constraints: Constraints | None = None,
    *,
    neighbours: SkillNeighbours | None = None,
    held: Collection[int | str | Option] = (),
    lookup: Mapping[str, Option] | None = None,
    unknown: UnknownEffort = "estimate",
    step_hours: float = 0.0,
) -> Problem:
    """Filter, resolve prerequisites against options and lookup (external id -> credential),
    and build the arrays. held: the learner's credentials as ids, external ids or records.
    Options that are held, inadmissible, whose hours or cost a budget cannot count (see
    effort_why), or whose prerequisites are missing from the catalog or inadmissible are left out
    (see Problem.skipped). Unknown hours and costs enter the arrays as their estimate (else 0):
    under a budget only counted ones remain. step_hours: see Problem.charged."""
    k = constraints or Constraints()
    catalog = Catalog(options, lookup)
    is_held = _Held(held, options, catalog)
    pool = _pool(options, is_held.ext)
    prereqs = _Prerequisites(k, unknown, catalog, is_held)
    u = _units(pool, prereqs, catalog)
    units, items = u.units, gap.open_items
    base, credits, via, reachable = _credit_arrays(items, [*pool, *u.extra], u.rows, neighbours)
    closure, direct, valid = _closures(units, u.index, prereqs.closure_ext)
    programs = _programs(catalog, [*units, *is_held.records], is_held)
    return Problem(
        gap=gap,
        items=items,
        weights=np.array([it.weight for it in items], dtype=np.float64),
        base=base,
        units=units,
        index=u.index,
        closure=closure,
        direct_prereqs=direct,
        valid=valid,
        credits=credits,
        via=via,
        bundle=bundle_of(credits, closure),
        hours=np.fromiter((x.hours_value for x in units), np.float64, len(units)),
        cost=np.fromiter((x.cost_value for x in units), np.float64, len(units)),
        reachable=reachable,
        max_hours=_limit(k.max_hours),
        max_cost=_limit(k.max_cost),
        max_steps=_limit(k.max_steps),
        held_ext=is_held.ext,
        catalog=catalog,
        programs=programs,
        unit_programs=_unit_programs(programs, units),
        skipped=prereqs.skipped,
        considered=[c.external_id for c in pool],
        step_hours=float(step_hours),
    )
