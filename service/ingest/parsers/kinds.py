"""Credential kinds and EQF levels from OB3 `achievementType` and CTDL `@type` names.

Our kinds: badge, certificate, nano_degree, course, certification, stackable_program.
- badge: Badge, DigitalBadge, OpenBadge; OB3 Achievement, Award, Competency, Assessment,
  Assignment, CoCurricular, ExtraCurricular, CommunityService, Fieldwork, Membership, ext:*.
- certificate: every *Certificate (incl. CertificateOfCompletion, ProfessionalCertificate),
  *Diploma, *Degree, *Doctorate, GeneralEducationDevelopment, generic Credential. There is no
  "degree" kind: a degree is an awarded certificate of a (large) programme; its EQF level says more.
- certification: Certification, License, QualityAssuranceCredential (time-limited, exam-based).
- nano_degree: MicroCredential (a small certified programme of a few competencies).
- course: Course, LearningOpportunityProfile / LearningOpportunity.
- stackable_program: LearningProgram (a programme that usually bundles courses, CTDL hasPart).
EQF levels follow the degree type: associate 5, bachelor 6, master 7, doctorate 8,
secondary-school diploma 4; other types leave it unknown.
"""

from __future__ import annotations

from models.records import CredentialKind

_EXPLICIT: dict[str, CredentialKind] = {
    "Badge": "badge",
    "DigitalBadge": "badge",
    "OpenBadge": "badge",
    "Course": "course",
    "LearningOpportunityProfile": "course",
    "LearningOpportunity": "course",
    "LearningProgram": "stackable_program",
    "MicroCredential": "nano_degree",
    "Certification": "certification",
    "License": "certification",
    "QualityAssuranceCredential": "certification",
    "Credential": "certificate",
    "CertificateOfCompletion": "certificate",
    "GeneralEducationDevelopment": "certificate",
}
_CERTIFICATE_SUFFIXES = ("Certificate", "Degree", "Doctorate", "Diploma")
_OB3_BADGE_TYPES = {
    "Achievement", "Assessment", "Assignment", "Award", "CoCurricular", "CommunityService",
    "Competency", "ExtraCurricular", "Fieldwork", "Membership",
}  # fmt: skip


def local_name(type_name: str) -> str:
    """ "ceterms:BachelorDegree" / "https://purl.org/ctdl/terms/Badge" -> the last segment."""
    return type_name.rsplit("/", 1)[-1].rsplit("#", 1)[-1].rsplit(":", 1)[-1]


def credential_kind(local: str) -> CredentialKind | None:
    """The kind of a credential or learning-opportunity class; None when it is neither."""
    if local in _EXPLICIT:
        return _EXPLICIT[local]
    if local.endswith(_CERTIFICATE_SUFFIXES):
        return "certificate"
    return None


def ob3_kind(achievement_type: str | None) -> CredentialKind:
    """OB3 achievementType -> kind; missing, unknown and extension (ext:...) types are badges."""
    if not achievement_type:
        return "badge"
    local = local_name(achievement_type)
    if local in _OB3_BADGE_TYPES:
        return "badge"
    return credential_kind(local) or "badge"


def eqf_level(local: str) -> int | None:
    if local.startswith("Associate") and local.endswith("Degree"):
        return 5
    if local.startswith("Bachelor") and local.endswith("Degree"):
        return 6
    if local.startswith("Master") and local.endswith("Degree"):
        return 7
    if local.startswith("Doctoral") or local.endswith("Doctorate"):
        return 8
    if local == "SecondarySchoolDiploma":
        return 4
    return None
