"""Why each credential that was considered is not in the plan, in words (Plan.skipped).

Every option that is not held and not planned gets one reason, the first that applies: a
filter or a prerequisite (found while building the problem), hours or a cost a budget cannot
count, no open gap skill taught, over a budget (or the step limit) on its own, nothing new,
optional while essential skills are open, below min_gain_per_hour, the step limit reached, the
budget left too small; else a better-value combination was chosen.
"""

from __future__ import annotations

import numpy as np

from service.matching.explain import labels, num
from service.matching.problem import GAIN_EPS, Problem
from service.matching.stages import open_essentials, optional_floor
from service.matching.types import Option, PlannerConfig


def hours_text(c: Option, hours: float) -> str:
    """'1,200 h (40 credits x 30 h)', '12 h (estimate: ...)' or '12 h'."""
    note = c.hours_note if c.hours_state != "unknown" else ""
    return f"{num(hours)} h ({note})" if note else f"{num(hours)} h"


def left_out(pb: Problem, sel: np.ndarray, s1: np.ndarray, config: PlannerConfig) -> dict:
    """External id -> why it is not in the plan, for every considered option."""
    lam = config.min_gain_per_hour
    planned = {pb.units[i].external_id for i in np.flatnonzero(sel)}
    offered = pb.offered(sel)
    bh, bc = pb.bundle_totals(sel)
    steps = int(sel.sum())
    essentials_open = len(open_essentials(pb, s1, lam))
    out: dict[str, str] = {}
    ctx = _Context(pb, sel, offered, bh, bc, steps, essentials_open, lam)
    ctx.lam2 = optional_floor(config)
    for ext in pb.considered:
        if ext in planned:
            continue
        if ext in pb.skipped:
            out[ext] = pb.skipped[ext]
            continue
        i = pb.index.get(ext)
        if i is None or not pb.valid[i]:
            out[ext] = "a prerequisite cannot be taken"
            continue
        out[ext] = ctx.why(i)
    return out


class _Context:
    def __init__(self, pb, sel, offered, bh, bc, steps, essentials_open, lam) -> None:
        self.pb, self.sel, self.offered = pb, sel, offered
        self.bh, self.bc, self.steps = bh, bc, steps
        self.essentials_open, self.lam, self.lam2 = essentials_open, lam, lam
        self.own = pb.credits @ pb.weights  # all units at once: the loop only words them
        left = np.maximum(pb.bundle - offered, 0.0)
        self.marginal = left @ pb.weights
        self.adds_essential = (left[:, pb.essential] > GAIN_EPS).any(axis=1)

    def bundle_steps(self, i: int) -> int:
        return 1 + sum(1 for q in self.pb.closure[i] if not self.sel[q])

    def why(self, i: int) -> str:
        pb, c = self.pb, self.pb.units[i]
        if self.own[i] <= GAIN_EPS:
            return "teaches none of the open gap skills (directly or through a close skill)"
        with_prereqs = " with its prerequisites" if pb.closure[i] else ""
        if (why := self.over_alone(i, c, with_prereqs)) is not None:
            return why
        marginal = float(self.marginal[i])
        if marginal <= GAIN_EPS:
            return "adds nothing the plan lacks: its skills are covered as well by the plan's steps"
        if not self.adds_essential[i] and self.essentials_open:
            return (
                "optional (it closes no essential skill of the role): added only once every "
                f"coverable essential skill is planned, and {self.essentials_open} are not"
            )
        hours = float(self.bh[i])
        if (why := self.below_floor(i, c, marginal, hours, with_prereqs)) is not None:
            return why
        if self.steps + self.bundle_steps(i) > pb.max_steps:
            return f"the plan already has {self.steps} steps (max_steps {num(pb.max_steps)})"
        hours_total = float(pb.hours[self.sel].sum())
        if hours_total + hours > pb.max_hours + 1e-9:
            left = max(0.0, pb.max_hours - hours_total)
            return (
                f"does not fit the hours left: needs {hours_text(c, hours)}{with_prereqs}, "
                f"{num(left)} h of max_hours {num(pb.max_hours)} left"
            )
        cost_total = float(pb.cost[self.sel].sum())
        if cost_total + self.bc[i] > pb.max_cost + 1e-9:
            left = max(0.0, pb.max_cost - cost_total)
            return (
                f"does not fit the budget left: costs {num(float(self.bc[i]))}{with_prereqs}, "
                f"{num(left)} of max_cost {num(pb.max_cost)} left"
            )
        return "a better-value combination of credentials covers the same skills"

    def below_floor(self, i: int, c: Option, marginal: float, hours: float, with_prereqs: str):
        """Why i earns too little per charged hour (stage 2's floor for an optional step)."""
        optional = not self.adds_essential[i] and not self.essentials_open
        lam, name = (self.lam, "min_gain_per_hour")
        if optional:
            lam, name = (self.lam2, "optional_min_gain_per_hour")
        overhead = self.pb.step_hours * self.bundle_steps(i)
        charged = hours + overhead
        if lam <= 0 or marginal >= lam * charged - GAIN_EPS:
            return None
        plus = f" + {num(overhead)} h per step" if overhead else ""
        return (
            f"adds {marginal / max(charged, 1e-9):.3f} of the role's weight per hour{with_prereqs} "
            f"({hours_text(c, hours)}{plus}), below {name} {num(lam)}"
        )

    def over_alone(self, i: int, c: Option, with_prereqs: str) -> str | None:
        pb = self.pb
        hours, cost = float(pb.bundle_hours0[i]), float(pb.bundle_cost0[i])
        if hours > pb.max_hours + 1e-9:
            return (
                f"over the hours budget on its own: needs {hours_text(c, hours)}{with_prereqs}; "
                f"max_hours is {num(pb.max_hours)}"
            )
        if cost > pb.max_cost + 1e-9:
            note = f" ({c.cost_note})" if c.cost_note and c.cost_state == "estimate" else ""
            return (
                f"over the cost budget on its own: costs {num(cost)}{note}{with_prereqs}; "
                f"max_cost is {num(pb.max_cost)}"
            )
        if pb.bundle_size0[i] > pb.max_steps:
            names = labels([pb.units[q].title for q in pb.closure[i]], 3)
            return (
                f"needs {int(pb.bundle_size0[i])} steps with its prerequisites ({names}); "
                f"max_steps is {num(pb.max_steps)}"
            )
        return None
