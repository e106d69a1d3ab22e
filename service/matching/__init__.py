"""The matching core: skill gap, credential planning and explanations, as pure functions over
plain data (no web framework, database or model). See planner.plan and gap.compute_gap."""

from service.matching.exact import PlanTooLargeError
from service.matching.gap import CreditMatrix, compute_gap, credit_matrix
from service.matching.planner import plan
from service.matching.types import (
    Constraints,
    Cover,
    Gap,
    GapConfig,
    GapItem,
    LearnerProfile,
    Option,
    Plan,
    PlannerConfig,
    PlanSummary,
    RequiredSkill,
    RoleProfile,
    Shortfall,
    SkillNeighbours,
    Stack,
    Step,
)

__all__ = [
    "Option",
    "Constraints",
    "Cover",
    "CreditMatrix",
    "Gap",
    "GapConfig",
    "GapItem",
    "LearnerProfile",
    "Plan",
    "PlanSummary",
    "PlanTooLargeError",
    "PlannerConfig",
    "RequiredSkill",
    "RoleProfile",
    "Shortfall",
    "SkillNeighbours",
    "Stack",
    "Step",
    "compute_gap",
    "credit_matrix",
    "plan",
]
