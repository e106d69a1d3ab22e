"""How far a role is above the learner's own job, in ISCO-08 skill levels.

ISCO-08 gives each major group the skill level its jobs need (ILO, ISCO-08 volume 1, table 1):
1 elementary (group 9), 2 (groups 4-8: clerks, service and sales, trades, operators), 3
(group 3, technicians and associate professionals), 4 (group 2, professionals); managers (1)
span 3 and 4, taken here as 3, the least the group needs; the armed forces (0) have none. The
learner's level is that of the job their own words name (service.profiles.experience), the
highest when they name several.

A careers adviser does not offer "advanced nurse practitioner" (level 4) to a care assistant
(level 2) as a role that fits now, however many skills they share: the step needs a degree. In
the role suggestions a role two or more levels above the learner's job has its score multiplied
by `roles_level_step_factor` for each level past the first; the answer says how many levels up
it is (`level_step`), so a page can say "usually needs a higher qualification". Without a job
read from the learner's words, nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

LEVEL_OF_MAJOR = {1: 3, 2: 4, 3: 3, 4: 2, 5: 2, 6: 2, 7: 2, 8: 2, 9: 1}


def level_of_major(major: int) -> int:
    """The ISCO-08 skill level of a major group (0 when it has none or is unknown)."""
    return LEVEL_OF_MAJOR.get(int(major), 0)


def learner_level(majors: Iterable[int]) -> int:
    """The learner's level: the highest of their jobs' major groups' (0 when none is known)."""
    return max((level_of_major(m) for m in majors), default=0)


def level_steps(majors: np.ndarray, learner: int) -> np.ndarray:
    """Per row (its ISCO major group): the skill levels it lies above the learner's; 0 where
    either level is unknown or the role is not above."""
    levels = np.array([level_of_major(m) for m in majors.tolist()], dtype=np.int64)
    if learner <= 0:
        return np.zeros(len(levels), dtype=np.int64)
    return np.where(levels > 0, np.maximum(levels - learner, 0), 0)


def step_factors(steps: np.ndarray, factor: float) -> np.ndarray:
    """The score multiplier of each row: factor ** (steps - 1) for a step of 2 or more, else 1."""
    return np.where(steps >= 2, float(factor) ** np.maximum(steps - 1, 0), 1.0)


def majors_of(matrix_major: np.ndarray, rows: Sequence[int]) -> list[int]:
    """The ISCO major groups of these rows (those without one left out)."""
    return [int(matrix_major[r]) for r in rows if int(matrix_major[r]) >= 0]
