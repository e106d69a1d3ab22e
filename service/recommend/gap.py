"""POST /v1/gap and POST /v1/recommendations: the role and the learner of a request, the gap
between them, and (for a recommendation) the plan that closes it, as the JSON answer."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlmodel import Session

from indexing.types import unchecked
from models.matching import LearnerIn, RecommendIn
from service.caller_limits import CallerLimits
from service.deadline import Deadline
from service.errors import InvalidInput
from service.matching import Constraints, GapConfig, PlanTooLargeError, compute_gap
from service.matching.explain import labels
from service.matching.problem import Filter
from service.profiles.language import (
    label_words,
    language_names,
    learner_languages,
    written_as,
)
from service.profiles.learner import Learner, build_learner
from service.profiles.neighbours import learner_neighbours
from service.profiles.role_reading import read_for_role
from service.profiles.trust import trust_weights
from service.recommend import answers
from service.recommend.plan import constraints_of, plan_gap
from service.recommend.role import build_role

if TYPE_CHECKING:
    from service.runtime import Runtime

NO_SKILLS = "no skill of the taxonomy is known for this target: there is nothing to match"


def check_limits(body: RecommendIn, limits: CallerLimits) -> None:
    """422 naming the field when the request asks for more linking than the caller may."""
    lr = body.learner
    limits.check_learner(text=lr.text, skills=len(lr.skills), badges=len(lr.badges))
    if body.target.description is not None:
        limits.check_text(body.target.description, "target.description")


def gap_and_context(
    runtime: Runtime,
    session: Session,
    body: RecommendIn,
    *,
    tenant_id=None,
    limits: CallerLimits | None = None,
    check=unchecked,
):
    timings: dict[str, float] = {"learner": 0.0}
    read: list[Learner] = []

    def learner_jobs() -> Mapping[int, str]:  # for a title of a level only (build_role)
        t = time.perf_counter()
        read.append(learner_of(runtime, session, body.learner, limits=limits, check=check))
        timings["learner"] += time.perf_counter() - t
        return read[0].job_titles

    t = time.perf_counter()
    role, info = build_role(
        runtime,
        session,
        body.target,
        tenant_id=tenant_id,
        check=check,
        jobs=learner_jobs,
        text=body.learner.text or "",
    )
    timings["role"] = time.perf_counter() - t - timings["learner"]
    if not read:  # the target is good: now the learner (a bad target cost no reading)
        learner_jobs()
    learner = read[0]
    t = time.perf_counter()
    required = [r.skill_id for r in role.skills]
    text_trust = trust_weights(runtime.settings, body.learner.trust)["text"]
    learner = read_for_role(
        runtime, learner, body.learner.text, required, trust=text_trust, check=check
    )
    timings["learner"] += time.perf_counter() - t
    return role, info, learner, timings


def learner_of(
    runtime: Runtime,
    session: Session,
    lr: LearnerIn,
    *,
    limits: CallerLimits | None,
    check=unchecked,
) -> Learner:
    """The learner of a request, with its evidence and this request's trust weights."""
    return build_learner(
        runtime,
        session,
        credential_ids=lr.credentials,
        credential_refs=lr.credential_refs,
        badges=lr.badges,
        skills=lr.skills,
        jobs=lr.jobs,
        text=lr.text,
        identifiers=lr.identifiers,
        limits=limits,
        check=check,
        trust=lr.trust,
    )


def gap_config(settings) -> GapConfig:
    """The gap's thresholds of partial and covered credit, from the settings."""
    return GapConfig(partial_min=settings.gap_partial_min, covered_min=settings.gap_covered_min)


def compute(
    runtime: Runtime,
    session: Session,
    body: RecommendIn,
    *,
    with_plan: bool = True,
    tenant_id: int | None = None,
    limits: CallerLimits | None = None,
    deadline: Deadline | None = None,
) -> dict:
    """The gap (and the plan) for a request, as JSON data. limits: the caller's (checked first,
    422); deadline: the work stops with TimedOut once it is cancelled."""
    if limits is not None:
        check_limits(body, limits)
    check = deadline.check if deadline is not None else unchecked
    role, info, learner, timings = gap_and_context(
        runtime, session, body, tenant_id=tenant_id, limits=limits, check=check
    )
    check()
    t = time.perf_counter()
    required = [r.skill_id for r in role.skills]
    nb, synonyms = learner_neighbours(runtime, session, required, learner.profile.skills)
    gap = compute_gap(role, learner.profile, nb, gap_config(runtime.settings), synonyms)
    timings["gap"] = time.perf_counter() - t
    out = answers.RecommendationJson(
        answers.role_json(role, info),
        answers.gap_json(gap),
        answers.learner_json(learner, runtime.skills),
    )
    if not role.skills:  # a valid question with an empty answer: said so, not refused
        out.role.warnings.append({"field": "target", "message": NO_SKILLS})
    if own := own_job_sentence(role, learner):
        out.role.warnings.append({"field": "target", "message": own})
    if with_plan:
        out.plan = _plan(runtime, session, body, gap, learner.profile, nb, timings, deadline)
        if not role.skills:
            out.plan.message = f"{NO_SKILLS[0].upper()}{NO_SKILLS[1:]}."
        elif role.regulated:
            out.plan.message = f"{out.plan.message} {regulated_sentence(role.title)}"
    if role.regulated:
        out.role.warnings.append({"field": "target", "message": regulated_sentence(role.title)})
    out.timings_ms = answers.timings_ms(timings)
    return answers.to_json(out)


def own_job_sentence(role, learner: Learner) -> str:
    """What an adviser says first where the role is the learner's own job ("Coach driver" is
    ESCO's *bus driver*, the job of a bus driver of 8 years): the plan can only evidence what
    the job shows, and a move is a role above it or another; "" for any other role."""
    uri = role.source.removeprefix("occupation:")
    job = next((j for j in learner.job_reads if j.uri and j.uri == uri), None)
    if job is None:
        return ""
    said = f' ("{job.phrase}")' if job.phrase and job.phrase.lower() != job.title.lower() else ""
    return (
        f"{role.title[:1].upper()}{role.title[1:]} is the job you already hold{said}: a plan "
        "can only give evidence of what it shows; for a move, pick one of the alternatives or "
        "a role above it."
    )


def regulated_sentence(title: str) -> str:
    """What an adviser says first about a regulated profession (ESCO marks it so)."""
    return (
        f"{title[:1].upper()}{title[1:]} is a regulated profession: practising it needs a "
        "recognised qualification (a degree or licence), which these credentials prepare for "
        "but do not replace."
    )


def _plan(runtime: Runtime, session, body, gap, profile, nb, timings, deadline) -> answers.PlanJson:
    """The plan of a recommendation; a plan too large for exact mode is a 422 on `mode`.
    Without `constraints.languages`, the credentials are those in the learner's languages
    (`planned_languages`), and the message says so."""
    constraints, languages = plan_constraints(runtime, body, profile)
    try:
        result = plan_gap(
            runtime,
            session,
            gap,
            profile,
            nb,
            constraints,
            mode=body.mode,
            timings=timings,
            deadline=deadline,
        )
    except PlanTooLargeError as exc:
        raise InvalidInput(str(exc), field="mode") from exc
    out = answers.plan_json(result)
    if languages is not None:
        out.message = f"{out.message} {languages_sentence(languages)}"
        if elsewhere := elsewhere_sentence(runtime, result, languages):
            out.message = f"{out.message} {elsewhere}"
    return out


def elsewhere_sentence(runtime: Runtime, plan, languages: frozenset[str]) -> str:
    """The essential skills the plan leaves open that only credentials in other languages
    teach, and those languages: what an adviser says first where the learner's language has no
    course ("perform dental hygiene interventions": taught in French only; a dental nurse's plan
    was empty, the message blaming the budget). "" where there is none."""
    open_ids = {s.skill_id: s.label for s in plan.unmet if s.essential}
    mine = Filter(Constraints(languages=written_as(languages)))  # as the plan's filter reads them
    taught_in: dict[int, set[str]] = {}  # skill -> the languages of its credentials, None: mine
    for c in runtime.catalog.teaching(open_ids) if open_ids else ():
        lang = None if mine.why(c) is None else (c.language or "").split("-")[0].lower()
        for sid in open_ids.keys() & c.skills.keys():
            taught_in.setdefault(sid, set()).add(lang)
    only = {sid: ls for sid, ls in taught_in.items() if ls and None not in ls}
    if not only:
        return ""
    names = [open_ids[sid] for sid in open_ids if sid in only]
    others = language_names(set().union(*only.values()))
    n = len(names)
    what = (
        "1 essential skill you still need is"
        if n == 1
        else f"{n} essential skills you still need are"
    )
    return f"{what} taught only in {others} in this catalog: {labels(names)}."


def plan_constraints(runtime: Runtime, body, profile) -> tuple[Constraints, frozenset | None]:
    """The request's constraints, its languages the learner's where it names none
    (`planned_languages`, also returned: None where no default applies)."""
    constraints = constraints_of(body.constraints)
    languages = planned_languages(runtime, body, profile)
    if languages is not None:
        constraints = replace(constraints, languages=written_as(languages))
    return constraints, languages


def planned_languages(runtime: Runtime, body, profile) -> frozenset[str] | None:
    """The languages of the credentials a plan may use where the request names none: the
    learner's (service.profiles.language), or None (any)."""
    if body.constraints.languages is not None:
        return None
    labels = (runtime.skills[s].preferred_label for s in profile.skills if s in runtime.skills)
    english = runtime.once("label_words", lambda: _label_words(runtime))
    languages = learner_languages(body.learner.text, labels, english)
    if languages is None or not languages & runtime.catalog.languages():
        return None  # a language the catalog teaches in none of: no credential is left out
    return languages


def _label_words(runtime: Runtime) -> frozenset[str]:
    """The words of the skills' and the occupations' labels ("Infantry soldier for 6 years"
    names no skill's words but an occupation's)."""
    occupations = runtime.occupations
    titles = (occupations.label(i)[1] for i in range(len(occupations)))
    return label_words([*(x for s in runtime.skills.values() for x in s.labels), *titles])


def languages_sentence(languages: frozenset[str]) -> str:
    return (
        f"Only credentials taught in your languages ({language_names(languages)}: your words' "
        "and those you list as skills) are planned; constraints.languages chooses others."
    )
