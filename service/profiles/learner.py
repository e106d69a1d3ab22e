"""The learner as the matching core's LearnerProfile: each skill with its evidence (held catalog
credentials, badges verified offline or read as claims, declared skills, CV text), weighed by the
trust of its kind (trust.py); stated skill names are linked as stated.py decides."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlmodel import Session

from indexing.types import Check, unchecked
from models.matching import EvidenceTrustIn
from service.caller_limits import CallerLimits
from service.errors import InvalidInput, NotFound
from service.matching import LearnerProfile
from service.matching.types import EVIDENCE_KINDS
from service.profiles.aims import without_aims
from service.profiles.dates import without_dates
from service.profiles.employers import drop_within, employer_spans, label_acronyms
from service.profiles.evidence import Evidence, EvidenceMap
from service.profiles.experience import (
    TITLE_WORD_MIN_SCORE,
    JobRead,
    add_job_evidence,
    drop_title_words,
    experience_evidence,
)
from service.profiles.jobs import named_jobs
from service.profiles.names import without_name
from service.profiles.stated import link_names, names_context
from service.profiles.stated import warning as stated_warning
from service.profiles.trust import trust_weights
from service.repo import records
from service.repo.identity import score_confidence
from service.repo.taxonomy import skill_ids_by_uri

if TYPE_CHECKING:
    from service.runtime import Runtime
    from service.verify.canonical import ContextStore


@dataclass
class Learner:
    profile: LearnerProfile
    evidence: dict[int, list[Evidence]] = field(default_factory=dict)
    warnings: list[dict] = field(default_factory=list)
    badges: list[dict] = field(default_factory=list)  # verification outcome of each awarded one
    jobs: list[int] = field(default_factory=list)  # occupations named as the learner's own jobs
    # each of those jobs' title in the learner's words ("warehouse operative"), by occupation
    job_titles: dict[int, str] = field(default_factory=dict)
    # the held catalog credentials: id -> (external id, title), to name them beside their ids
    held: dict[int, tuple[str, str]] = field(default_factory=dict)
    job_reads: list[JobRead] = field(default_factory=list)  # those jobs as sent, then as read


def build_learner(
    runtime: Runtime,
    session: Session,
    *,
    credential_ids: Sequence[int] = (),
    badges: Sequence[dict | str] = (),
    skills: Sequence[str] = (),
    text: str = "",
    identifiers: Sequence[str] = (),
    limits: CallerLimits | None = None,
    check: Check = unchecked,
    trust: EvidenceTrustIn | Mapping[str, float] | None = None,
    credential_refs: Sequence[str] = (),
    jobs: Sequence[str] = (),
) -> Learner:
    """The learner's skills with their evidence. limits: the caller's (a badge's text over them
    is refused, or not counted for a badge description); check: called between units of work,
    it raises to stop them; trust: this request's trust weights per evidence kind (the settings'
    where it sets none); credential_refs: held credentials by external id (404 when unknown);
    jobs: occupations held, by ESCO URI (jobs.py), counted as jobs read from the text are."""
    w = trust_weights(runtime.settings, trust)
    if credential_refs:
        credential_ids = [*credential_ids, *_credential_ids_of(session, credential_refs)]
    evidence: EvidenceMap = defaultdict(list)
    warnings: list[dict] = []
    held: dict[int, tuple[str, str]] = {}
    named = named_jobs(runtime, session, jobs)
    for job in named:
        add_job_evidence(evidence, job, w["text"])
    titles = {j.occupation_id: j.phrase for j in named}
    if credential_ids:
        held = _credential_evidence(session, credential_ids, evidence, w["credential"])
    outcomes = _badge_evidence(
        runtime, badges, identifiers, evidence, warnings, w, limits=limits, check=check
    )
    if skills:
        _declared(runtime, session, skills, evidence, warnings, w["declared"], check=check)
    if text and text.strip():
        # an aim ("looking to move into nursing"), a date ("2020 - present") and the learner's
        # name ("Tom Baker") are no skills held
        done = without_name(without_dates(without_aims(text)))
        said: EvidenceMap = defaultdict(list)
        from_jobs: EvidenceMap = defaultdict(list)
        _text_evidence(runtime, done, said, check, w["text"])
        spans: list[tuple[int, int]] = []
        read = experience_evidence(
            runtime, session, done, from_jobs, w["text"], skip=titles, check=check, spans=spans
        )
        drop_title_words(said, spans, w["text"] * score_confidence(TITLE_WORD_MIN_SCORE))
        terms = runtime.once("label_acronyms", lambda: _acronyms(runtime))
        drop_within(said, employer_spans(done, spans, terms))  # "NHS Trust" reads no trust
        for found in (said, from_jobs):  # the words' own evidence first, as before
            for sid, evs in found.items():
                evidence[sid].extend(evs)
        titles.update((j.occupation_id, j.phrase) for j in read)
        named = [*named, *read]
    profile = profile_of(evidence, frozenset(held))
    return Learner(
        profile,
        dict(evidence),
        warnings,
        outcomes,
        list(titles),
        job_titles=titles,
        held=held,
        job_reads=named,
    )


def _acronyms(runtime: Runtime) -> frozenset[str]:
    return label_acronyms(label for s in runtime.linker.skills for label in s.labels)


def profile_of(evidence: EvidenceMap, held: set[int] | frozenset[int]) -> LearnerProfile:
    """The matching core's view of the evidence: each skill's best confidence and its kinds."""
    conf = {
        sid: round(min(1.0, max(e.confidence for e in evs)), 4) for sid, evs in evidence.items()
    }
    kinds = {
        sid: tuple(k for k in EVIDENCE_KINDS if any(e.kind == k for e in evs))
        for sid, evs in evidence.items()
    }
    return LearnerProfile(conf, frozenset(held), kinds)


def _credential_ids_of(session: Session, refs: Sequence[str]) -> list[int]:
    """The ids of the held credentials named by external id; an unknown one is a 404."""
    found = records.credential_ids_by_external_id(session, refs=refs)
    for i, ref in enumerate(refs):
        if ref not in found:
            raise NotFound(
                f"no credential with external id {ref!r}", field=f"learner.credential_refs[{i}]"
            )
    return [found[ref] for ref in refs]


def _credential_evidence(
    session: Session, credential_ids: Sequence[int], evidence: EvidenceMap, trust: float
) -> dict[int, tuple[str, str]]:
    """The held catalog credentials' skills as evidence; the credentials held, id -> (external
    id, title) (an unknown id is a 404)."""
    found = records.credential_names_in(session, ids=credential_ids)
    for i, cid in enumerate(credential_ids):
        if cid not in found:
            raise NotFound(f"no credential with id {cid}", field=f"learner.credentials[{i}]")
    for link in records.credential_skill_links(session, credential_ids=found):
        conf = trust * link.weight * (link.confidence or 1.0)
        evidence[link.skill_id].append(
            Evidence(link.skill_id, conf, f"credential:{link.credential_id}", kind="credential")
        )
    return found


def _badge_evidence(
    runtime: Runtime,
    badges: Sequence[dict | str],
    identifiers: Sequence[str],
    evidence: EvidenceMap,
    warnings: list[dict],
    w: dict[str, float],
    *,
    limits: CallerLimits | None,
    check: Check,
) -> list[dict]:
    """The badges' skills as evidence: an awarded badge is verified (a failed one is not
    counted), a badge's description is a claim. Returns the verification outcome of each awarded
    badge."""
    kw = {"limits": limits, "check": check}
    outcomes = []
    for i, doc in enumerate(badges):
        if not is_awarded(doc):  # a BadgeClass, an Achievement, a CTDL credential: a claim
            try:
                badge_skills(runtime, doc, i, evidence, warnings, trust=w["unverified_badge"], **kw)
            except InvalidInput as exc:  # unreadable: not counted, like a failed badge
                warnings.append({"field": exc.field, "message": f"not counted: {exc.message}"})
            continue
        check()
        res = verify_awarded(doc, identifiers=identifiers, contexts=jsonld_contexts(runtime))
        outcomes.append(
            {"position": i, "status": res.status, "reason": res.reason, "message": res.message}
        )
        if res.status == "failed":
            warnings.append(
                {"field": f"learner.badges[{i}]", "message": f"not counted: {res.message}"}
            )
            continue
        src = skill_source(res.document)
        if src is None:
            warnings.append(
                {"field": f"learner.badges[{i}]", "message": "the badge's skills are not embedded"}
            )
            continue
        kind = "verified_badge" if res.status == "verified" else "unverified_badge"
        badge_skills(runtime, src, i, evidence, warnings, trust=w[kind], kind=kind, **kw)
    return outcomes


def _text_evidence(
    runtime: Runtime, text: str, evidence: EvidenceMap, check: Check, trust: float
) -> None:
    """Skills found in the learner's CV text, as evidence at the text's trust, with the span."""
    s = runtime.settings
    if len(text) > s.max_text_chars:
        raise InvalidInput(
            f"learner.text has {len(text)} characters; the limit is {s.max_text_chars}",
            field="learner.text",
        )
    for x in runtime.linker.extract(text, max_skills=s.extract_max_skills, check=check):
        ev = x.evidence[0] if x.evidence else None
        evidence[x.skill_id].append(
            Evidence(
                x.skill_id,
                trust * score_confidence(x.score),
                "text",
                ev.text if ev else "",
                ev.start if ev else None,
                ev.end if ev else None,
                kind="text",
            )
        )


def is_awarded(doc: object) -> bool:
    """An awarded badge (someone holds it: it can be verified), not a badge's description."""
    if isinstance(doc, str):
        return True  # a JWT
    if not isinstance(doc, dict):
        return False
    if "assertion" in doc and "badgeClass" in doc:
        return True  # an OB 2.0 bundle: assertion, badge class and issuer together
    types = doc.get("type") or doc.get("@type") or []
    types = [types] if isinstance(types, str) else list(types)
    return bool(
        {"Assertion", "VerifiableCredential", "OpenBadgeCredential", "AchievementCredential"}
        & set(types)
    ) or any(k in doc for k in ("recipient", "credentialSubject", "proof"))


def verify_awarded(
    doc: dict | str,
    *,
    identifiers: Sequence[str] = (),
    keys: Sequence[object] = (),
    revocations: Sequence[object] = (),
    contexts: ContextStore | None = None,
):
    from datetime import UTC, datetime

    from service.verify import verify_badge

    return verify_badge(
        doc,
        now=datetime.now(UTC),
        recipient_ids=list(identifiers),
        keys=list(keys),
        revocations=list(revocations),
        contexts=contexts,
    )


def jsonld_contexts(runtime: Runtime) -> ContextStore:
    """The JSON-LD contexts operators imported (service/profiles/contexts.py), this process's
    copy."""
    from service.profiles.contexts import ContextCache

    cache = runtime.once(
        "jsonld_contexts",
        lambda: ContextCache(runtime.engine, check_s=runtime.settings.sync_interval_s),
    )
    return cache.store()  # type: ignore[attr-defined]


def skill_source(document: object) -> dict | None:
    """The part of an awarded badge that names its skills, for the parsers: an OB 2.0
    assertion's embedded BadgeClass, or the OB 3.0 credential itself."""
    if not isinstance(document, dict):
        return None
    badge = document.get("badge")
    if badge is not None:
        return badge if isinstance(badge, dict) else None
    return document


def badge_skills(
    runtime: Runtime,
    doc: dict | str,
    i: int,
    evidence: EvidenceMap,
    warnings: list[dict],
    *,
    trust: float | None = None,
    kind: str = "unverified_badge",
    source: str | None = None,
    where: str = "learner.badges",
    limits: CallerLimits | None = None,
    check: Check = unchecked,
) -> None:
    """Skills a badge document teaches, as evidence of `kind` at `trust` (an unverified badge,
    at its setting's trust, by default). limits: a badge whose name and description are longer
    than the caller's text limit is refused (InvalidInput) before anything is linked; check:
    called between units of work."""
    from service.ingest.parsers import ParseError, parse_credential

    try:
        records = parse_credential(doc)
    except ParseError as exc:
        raise InvalidInput(
            f"{where}[{i}]: {exc.path}: {exc.message}",
            field=f"{where}[{i}].{exc.path}",
        ) from exc
    if trust is None:
        trust = runtime.settings.trust_badge_unverified
    if limits is not None:
        for rec in records:
            text = f"{rec.title}. {rec.description}"
            limits.check_text(text, f"{where}[{i}]", what=f"{where}[{i}] (name and description)")
    for rec in records:
        check()
        src = source or f"badge:{rec.external_id}"
        labels = [sk.label for sk in rec.skills if sk.label and not sk.uri]
        context = names_context(labels, rec.title, rec.description)
        by_label = dict(zip(labels, link_names(runtime, labels, context, check=check), strict=True))
        uris = [sk.uri for sk in rec.skills if sk.uri]
        with Session(runtime.engine) as session:
            ids = skill_ids_by_uri(session, uris=uris)
        for sk in rec.skills:
            sid = ids.get(sk.uri) if sk.uri else None
            link = by_label.get(sk.label) if sid is None and sk.label else None
            if link is not None:  # a stated name: linked, doubtful or kept unlinked
                note = stated_warning(f"{where}[{i}]", link)
                warnings += [note] if note else []
                sid = link.skill.skill_id if link.skill else None
                if sid is not None:
                    conf, lc = trust * sk.weight * link.confidence, link.confidence
                    evidence[sid].append(Evidence(sid, conf, src, sk.label, link_confidence=lc))
                continue
            if sid is None:
                warnings.append(
                    {
                        "field": f"{where}[{i}]",
                        "message": f"skill {sk.uri or sk.label!r} not in the taxonomy",
                    }
                )
                continue
            evidence[sid].append(
                Evidence(sid, trust * sk.weight, src, sk.label or rec.title, kind=kind)
            )
        text = f"{rec.title}. {rec.description}"
        for x in runtime.linker.extract(text, max_skills=10, check=check):
            ev = x.evidence[0] if x.evidence else None
            evidence[x.skill_id].append(
                Evidence(
                    x.skill_id,
                    trust * 0.8 * score_confidence(x.score),
                    src,
                    ev.text if ev else rec.title,
                    kind=kind,
                )
            )


def _declared(
    runtime: Runtime,
    session: Session,
    refs: Sequence[str],
    evidence: EvidenceMap,
    warnings: list[dict],
    trust: float,
    *,
    check: Check = unchecked,
) -> None:
    """Declared skills: a URI the taxonomy lacks is a 404; a name is linked as stated.py decides."""
    uris = [r for r in refs if r.startswith(("http://", "https://", "urn:"))]
    ids = skill_ids_by_uri(session, uris=uris)
    labels = [r for r in refs if r not in ids]
    for i, r in enumerate(refs):
        if r in uris and r not in ids:
            raise NotFound(f"unknown skill URI {r!r}", field=f"learner.skills[{i}]")
    links = link_names(runtime, labels, names_context(labels), check=check)
    for label, link in zip(labels, links, strict=True):
        note = stated_warning(f"learner.skills[{refs.index(label)}]", link)
        warnings += [note] if note else []
        if link.skill is not None:  # sure or doubtful: evidence at the link's confidence
            sid = link.skill.skill_id
            conf = link.confidence
            evidence[sid].append(
                Evidence(
                    sid, trust * conf, "declared", label, link_confidence=conf, kind="declared"
                )
            )
    for uri, sid in ids.items():
        evidence[sid].append(Evidence(sid, trust, "declared", uri, kind="declared"))
