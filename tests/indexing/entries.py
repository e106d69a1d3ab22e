"""Small taxonomy skills for the rule tests of indexing (a label, its alternatives, its type)."""

from indexing.types import SkillEntry


def skill_entry(i: int, label: str, alts=(), kind: str = "skill/competence", *, scheme: str):
    """Skill i of a test's small taxonomy: id 700 + i, a URI of `scheme`, its label as its
    description."""
    return SkillEntry(
        id=700 + i,
        uri=f"urn:{scheme}:{i}",
        preferred_label=label,
        alt_labels=tuple(alts),
        description=f"{label}.",
        skill_type=kind,
    )
