"""Skills and occupations of the taxonomy: search hits, details, and skill extraction from text
(GET /v1/skills, /v1/occupations, POST /v1/skills/extract)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from models.common import NOT_BLANK, SkillSource, integer, limited_by

# the most hits a taxonomy search ranks (what its pages go through)
MAX_RANKED = 100


# The API layer's form of indexing.types.Evidence (a comment, not a docstring: a docstring would
# become the schema's description in /openapi.json).
class EvidenceOut(BaseModel):
    start: int
    end: int
    text: str


class SkillHit(BaseModel):
    id: int
    uri: str
    preferred_label: str
    source: str
    score: float
    matched_label: str
    label_kind: str


class SkillRefOut(BaseModel):
    id: int
    uri: str
    preferred_label: str
    source: str


class SkillDetail(BaseModel):
    id: int
    uri: str
    source: str
    preferred_label: str
    alt_labels: list[str]
    description: str
    skill_type: str
    reuse_level: str
    collections: list[str]
    broader: list[dict]
    narrower: list[dict]
    occupation_count: int


MaxSkills = integer(1, 200)


MAX_EXTRACT_TEXTS = 32  # texts in one batch extraction
ExtractText = Annotated[
    str,
    StringConstraints(min_length=1, pattern=NOT_BLANK),
    Field(json_schema_extra=limited_by("max_text_chars", anonymous="anonymous_max_text_chars")),
]

ExtractTexts = Annotated[list[ExtractText], Field(min_length=1, max_length=MAX_EXTRACT_TEXTS)]


def _one_of_text_or_texts(schema: dict[str, Any]) -> None:
    """The schema says what the validator checks: `text` or `texts`, exactly one (and neither
    has a default to show: each is given or absent)."""
    for name in ("text", "texts"):
        schema["properties"][name].pop("default", None)
    schema["oneOf"] = [{"required": ["text"]}, {"required": ["texts"]}]


class ExtractRequest(BaseModel):
    """One text (`text`, answered as one result) or a batch (`texts`, answered as `results` in
    the same order), never both."""

    model_config = ConfigDict(strict=True, json_schema_extra=_one_of_text_or_texts)

    # absent is None (defaults are not validated); a null sent is refused like any non-string
    text: ExtractText = Field(  # type: ignore[assignment]
        default=None,
        description="Free text: a sentence, a credential description, a job posting.",
    )
    texts: ExtractTexts = Field(  # type: ignore[assignment]
        default=None,
        description=f"A batch of up to {MAX_EXTRACT_TEXTS} texts, each within the text limit.",
    )
    max_skills: MaxSkills = 30
    min_score: float | None = Field(default=None, ge=-1.0, le=1.0)
    sources: list[SkillSource] | None = Field(
        default=None, max_length=2, description='e.g. ["esco"] or ["onet"]'
    )
    jobs: bool = Field(
        default=False,
        description="also read the jobs the text names as the learner's own (\"Barista for "
        'four years: ...", "I was a chef de partie"): each result then has `jobs`, as '
        "learner.text is read for POST /v1/gap",
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> ExtractRequest:
        if (self.text is None) == (self.texts is None):
            raise ValueError("give either `text` or `texts` (a list of texts), not both")
        return self


class ExtractedSkillOut(SkillHit):
    evidence: list[EvidenceOut]


class JobOccupationOut(BaseModel):
    id: int
    uri: str
    preferred_label: str


class ExtractedJobOut(BaseModel):
    occupation: JobOccupationOut
    phrase: str = Field(description="the job title as the text words it")
    start: int
    end: int
    score: float = Field(description="how closely the phrase matches a label of the occupation")
    n_essential: int = Field(
        description="the occupation's essential skills: each counts as weaker text evidence "
        "when the job is sent as learner.jobs (or read from learner.text)"
    )


class ExtractResponse(BaseModel):
    n_chars: int
    skills: list[ExtractedSkillOut]
    jobs: list[ExtractedJobOut] | None = Field(
        default=None,
        description="with jobs: true only: the jobs the text names, in order (at most 3, each "
        "occupation once)",
    )


class SkillPage(BaseModel):
    items: list[SkillHit]
    next_cursor: str | None = Field(default=None, description="the next page's `cursor`")
    total: int = Field(description=f"hits this search ranks (all pages, at most {MAX_RANKED})")


class ExtractBatchResponse(BaseModel):
    results: list[ExtractResponse] = Field(description="one result per text, in order")


class OccupationHit(BaseModel):
    id: int
    uri: str
    preferred_label: str
    isco_code: str
    score: float = Field(description="similarity of the best matching label (1: an exact label)")
    rank_score: float = Field(
        description="the ranking score: the best label, the occupation's other labels, its "
        "description and its ISCO group together (hits come in this order)"
    )
    matched_label: str


class OccupationPage(BaseModel):
    items: list[OccupationHit]
    next_cursor: str | None = Field(default=None, description="the next page's `cursor`")
    total: int = Field(description=f"hits this search ranks (all pages, at most {MAX_RANKED})")


class OccupationSkillOut(BaseModel):
    id: int
    uri: str
    preferred_label: str
    source: str
    skill_type: str
    relation_source: str


class OccupationDetail(BaseModel):
    id: int
    uri: str
    preferred_label: str
    alt_labels: list[str]
    description: str
    isco_code: str
    essential_skills: list[OccupationSkillOut]
    optional_skills: list[OccupationSkillOut]
