"""A job title the learner names in their own words, read as experience.

"Line cook for six years in a busy bistro", "Bank teller for five years: ...", "I work as a care
assistant": a careers adviser reads the job itself, not only the skills spelled out after it. The
title is the head of a sentence (the words before the first ":", ",", " for ", " in ", " at ", ...)
or what follows "I work as (a)", "worked as (a)", "I am a(n)"; one to four words; or a job the
words name without a title ("I teach secondary school maths", "I worked in a call centre":
`service.profiles.said_jobs`), the job quoting those words. It counts only
when the title resolver is confident and the title matches a label or a known job title closely
(MIN_LABEL_SCORE), so a phrase that is no job ("Busy weekends", "six years") adds nothing; a
title of a level and no trade ("Team leader", `service.titles.several.GENERIC_TITLES`) adds
nothing either, its trade being unknown.

The occupation's essential skills become text evidence quoting the title, at CONFIDENCE x the
match's score x the text's trust: weaker than a skill the learner names outright, held (never
sent to be learnt again), and flagged as weak evidence like any text."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlmodel import Session

from indexing.types import Check, unchecked
from service.profiles.doing_jobs import doing_reads
from service.profiles.evidence import Evidence, EvidenceMap, drop_quoting
from service.profiles.implied import implied_skills
from service.profiles.place_names import as_known_place
from service.profiles.ranks import rank_job
from service.profiles.role import role_from_occupation
from service.profiles.said_jobs import said_titles
from service.profiles.shared_titles import LineJobs, names_several_trades
from service.profiles.title_doing import before_doing_word, title_before_doing
from service.profiles.title_forms import (
    at_owners,
    books_clerk,
    call_centre_title,
    class_length,
    held_as,
    without_class,
)
from service.profiles.title_readings import at_place, closer_tail, object_trade, trade_in
from service.profiles.title_tails import title_tails, tool_names, trade_after_shop
from service.titles.family import FAMILY_TITLE
from service.titles.resolver import GENERIC_TITLE, SHARED_TITLE

if TYPE_CHECKING:
    from service.runtime import Runtime

MIN_LABEL_SCORE = 0.85  # "Care assistant" -> "Health Care Assistant" 0.86; "busy bistro" 0.64
CONFIDENCE = 0.7  # a title implies its occupation's essentials less surely than a named skill
IMPLIED = 0.8  # what its near kin all hold, less surely than its own list (`implied`)
MAX_WORDS = 4
_REACH = 200  # characters a title phrase is read within (its words and what was done in it)
MAX_TITLES = 3
# titles resolved for one text (a CV's line heads, its "as a" ..., with their workplaces and
# words before a word of doing: 20 to 60 ms each); a text of many unknown titles stops there
MAX_RESOLVED = 40

# a sentence of the text; a decimal point ends none ("7.5 tonne driver": `title_forms`)
_SENTENCE = re.compile(r"(?:[^.!?;\n]|(?<=\d)\.(?=\d))+")
# where a title ends: punctuation, a preposition, or the verb or conjunction after it ("My last
# job as a cleaner was in a hospital"); a match starts only where a run of spaces starts, so a
# long run is scanned once, not once per space
_STOP_WORDS = (
    "for in at with since from on and of who where i was were is but then when until during"
    " because so which that"
)
# a length of service after the title ends it: "Bricklayer 15 years, now bad back", "Chef 10 yrs",
# "Chef fourteen years", "Driver twenty-five years" (any number in words to ninety-nine)
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_IN_WORDS = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{_UNITS}))?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    rf"|{_UNITS})"
)
_YEARS_AFTER = rf"\s(?=(?:\d{{1,2}}\+?|{_IN_WORDS})\s*(?:yrs?|years?|months?|mths?)\b)"
_STOP = re.compile(
    r"(?<!\s)\s*(?:[:,(\[]|\s[-–—]\s|\s(?:"
    + _STOP_WORDS.replace(" ", "|")
    + r")\s|"
    + _YEARS_AFTER
    + ")",
    re.I,
)
# when the learner works ("working nights as a care assistant", "employed part-time as")
_SHIFT = r"(?:\s+(?:nights|days|evenings|weekends|mornings|shifts|part[- ]time|full[- ]time))?"
_AS_A = re.compile(
    # a workplace said first, at a sentence's start: "In a primary school as a teaching
    # assistant", "- At a care home as a night carer" (bounded: 5 words)
    r"(?:^[ \t]*(?:[-–—•*·▪►>][ \t]*)?(?:in|at)(?:\s+[\w'&.-]+){1,5}?\s+as(?=\s+an?\s)"
    rf"|\b(?:i am|i'm|(?:work|works|worked|working|employed){_SHIFT}\s+as|experience as"
    # "I was a chef de partie", "I have been a postman for six years", "I'd been a carer"
    r"|(?:i was|i've been|i have been|i had been|i'd been)(?=\s+an?\s)"
    # "I have worked six years as", "I've been working for 3 years as", "worked two years as"
    r"|(?:have |'ve )?(?:been )?work(?:ed|ing) (?:for )?(?:[\w-]+ ){1,2}(?:years?|months?) as"
    # "Ten years as a bricklayer", "my first job as", "a career as", "time as a"
    r"|(?:years?|months?|career|job|role|post|position|time|spell|stint) as"
    # "Served 12 years in the army as", "serving in the Royal Navy as" (bounded: 6 words)
    r"|serv(?:ed|ing)(?:\s+[\w'-]+){0,6}?\s+as"
    # "I worked in a bank as a cashier", "I work in a hospital as a porter" (bounded: 5 words)
    r"|work(?:ed|ing|s)?\s+(?:in|at|for)(?:\s+[\w'&.-]+){1,5}?\s+as(?=\s+an?\s)"
    # an earlier job after a break: "before that a legal secretary", "previously a nurse",
    # "prior to that, a nanny" (with an article: "Previously worked in retail" names none)
    r"|(?:before that|before then|prior to that|previously|formerly),?(?=\s+an?\s)"
    # the job now: "Currently a delivery driver", "Presently a postman"
    r"|(?:currently|presently|at present),?(?=\s+an?\s)))"
    # "I worked for 6 years as well as a cleaner": the job after "as well as"
    r"(?:(?<=as)\s+well\s+as)?\s+(?:an?\s+)?",
    re.I,
)
# Words of the learner's standing, not of the job: "Former police officer", "qualified
# electrician", "Approved electrician" (a UK electrician's grade), "ex-soldier", "self-taught
# web developer". Resolved with them, such a title reads another job or none ("former police
# officer" -> police commissioner; "self-taught web developer" -> none; "approved electrician"
# O*NET's "Licensed Electrician" too loosely); the title is resolved without them.
_STANDING = re.compile(
    r"^(?:former|ex|retired|(?:fully )?qualified|approved|experienced|self-employed|freelance"
    r"|time-served|skilled|self-taught|self taught)(?:\s+|-(?=\w))",
    re.I,
)
# a degree or a course of study, no job: "Recent history graduate", "Nursing student" (the title
# resolver drops "graduate" as a level, so "history graduate" read a historian's essentials)
_STUDIES = re.compile(
    r"\b(?:graduate|graduated|grad|undergraduate|postgraduate|student|undergrad|school leaver)$",
    re.I,
)
# a sentence's subject, not a title ("It was busy"; "IT support technician", said in capitals, is
# a title); a lone verb of the past ("Served in the infantry", "Managed a team") is what the
# learner did (the speller read "Served" as a server, a waiter)
# the learner's qualities before a title ("Caring and compassionate support worker", "Friendly,
# enthusiastic waitress"): not the job's words, and their "and" or "," cut the title short
_QUALITY = (
    r"(?:highly |very |extremely |fully )?(?:caring|compassionate|friendly|enthusiastic"
    r"|reliable|hard[- ]?working|motivated|self[- ]motivated|organised|organized|dedicated"
    r"|experienced|passionate|confident|punctual|honest|conscientious|patient|dependable"
    r"|flexible|approachable|professional|energetic|trustworthy|cheerful|diligent|proactive"
    r"|adaptable|driven|ambitious|positive|outgoing|committed|loyal|efficient)"
)
_QUALITIES = re.compile(rf"(?:{_QUALITY}(?:\s*(?:,|and|&)\s*|\s+))+(?=[A-Za-z])", re.I)
_A_QUALITY = re.compile(_QUALITY, re.I)
_NOT_A_TITLE = re.compile(r"^(?:(?i:i|we|my|our|the|this|and|also)|it|It)\b")
_DID = re.compile(r"^[A-Za-z]{3,}ed$", re.I)
# a verb of the past that no title begins with: what the learner did ("Ran diagnostics on
# patients' samples" read a *tree surgeon*; "Drove forklifts", "Taught maths"; not "built": a
# "Built environment lecturer")
_DID_FIRST = re.compile(
    r"^(?:ran|led|took|made|drove|wrote|taught|sold|kept|gave|oversaw|grew|brought"
    r"|bought|held|did|went|dealt|sought|spent|won|chose)\b",
    re.I,
)
# a verb and its object ("Ran the PA for my band": *executive assistant*; "Led a team"): no title
# has an article second
_VERB_AND_OBJECT = re.compile(r"^\S+\s+(?:the|a|an|my|our|their|his|her)\b")
# a list's mark, the years of a job and a length of service before a title at a line's start
# ("- 5 yrs retail supervisor", "• Chef", "1) Kitchen porter", "2019-2021 Barista at Costa",
# "Jan 2019 - Mar 2021 Chef", "10+ years HGV driver"; "5 years as a chef" is read after its "as")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WHEN = rf"(?:(?:{_MONTH}[ \t]+|\d{{1,2}}/)?(?:19|20)\d\d)"  # "2019", "Jan 2019", "08/2019"
_BULLET = re.compile(
    r"(?:[-–—•*·▪►>][ \t]*|\d{1,2}[.)][ \t]+)?"  # "7.5 tonne driver" is no list's 7th
    rf"(?:{_WHEN}[ \t]*(?:[-–—]|to)[ \t]*(?:{_WHEN}|present|now|date)[:,]?[ \t]+)?"
    # a length of service before a title of two words or more ("10 years infantry, section
    # commander" names the arm, said_jobs' reading)
    r"(?:\d{1,2}\+?[ \t]*(?:yrs?|years?)\.?(?![ \t]+(?:as|of|in|at|experience)\b)[ \t]+"
    r"(?=[A-Za-z][\w'-]*[ \t]+[A-Za-z]))?",
    re.I,
)
# where a job is said after a comma or colon: "10 years infantry, section commander leading 8
# soldiers" (read only where a person's word and a word of doing follow: `title_before_doing`)
_CLAUSE = re.compile(r"[,:]\s*")


def title_phrases(text: str) -> Iterator[tuple[str, int, int]]:
    """(phrase, start, end) of each candidate job title in `text`, in order."""
    for sentence in _SENTENCE.finditer(text):
        body = sentence.group()
        lead = len(body) - len(body.lstrip())
        starts = [lead] + [m.end() for m in _AS_A.finditer(body)]
        clauses = {m.end() for m in _CLAUSE.finditer(body)} - set(starts)
        covered = 0  # read from an earlier start: its qualities' run ("Reliable, " * 20,000)
        for at in sorted([*starts, *clauses]):
            in_clause = at in clauses
            if in_clause and at < covered:
                continue
            if not in_clause and (bullet := _BULLET.match(body, at)) and bullet.end() > at:
                at = bullet.end()  # "- 5 yrs retail supervisor - cash up, rotas"
            if (quality := _QUALITIES.match(body, at)) is not None:
                at = covered = quality.end()  # "Caring and compassionate support worker"
            # searched in place, within a title's reach: a slice per clause, or a search to the
            # end per start, was quadratic ("worked as " * 4,000 took 52 s)
            stop = _STOP.search(body, at, at + _REACH)
            phrase = body[at : stop.start() if stop else _reach_end(body, at)].strip()
            if in_clause and not (phrase := title_before_doing(phrase) or ""):
                continue
            standing = _STANDING.match(phrase)
            cut = standing.end() if standing and standing.end() < len(phrase) else 0
            phrase, at = phrase[cut:], at + cut
            if len(phrase.split()) > MAX_WORDS:  # "Care assistant supporting older residents"
                head = title_before_doing(phrase) or before_doing_word(phrase)
                trade = None if head else trade_after_shop(phrase)  # "Mobile phone shop ..."
                at += len(phrase) - len(trade) if trade else 0
                phrase = head or trade or phrase
            if _may_be_title(phrase):
                start = sentence.start() + at
                yield phrase, start, start + len(phrase)


def _reach_end(body: str, at: int) -> int:
    """Where a phrase at `at` that no stop ends is cut: the text's end within reach, else the
    last space within it (a word of more than `_REACH` characters is no title's)."""
    if at + _REACH >= len(body):
        return len(body)
    return max(at, body.rfind(" ", at, at + _REACH))


def _may_be_title(phrase: str) -> bool:
    """Whether `phrase` may be a job title: one to MAX_WORDS words, no qualities alone ("Caring
    and patient"), no sentence's subject, no verb of the past, no course of study."""
    if not 1 <= len(phrase.split()) <= MAX_WORDS or _A_QUALITY.fullmatch(phrase):
        return False
    if _NOT_A_TITLE.match(phrase) or _DID.match(phrase) or _DID_FIRST.match(phrase):
        return False
    if _STUDIES.search(phrase) or _VERB_AND_OBJECT.match(phrase):
        return False
    return phrase[0].isalpha() or class_length(phrase) > 0


@dataclass(frozen=True)
class JobRead:
    """An occupation read from a job title in the learner's words (or named by its URI)."""

    occupation_id: int
    title: str  # the occupation's preferred label
    phrase: str = ""  # the title as the learner wrote it (the label, for a job named by URI)
    start: int | None = None  # the phrase's span in the text (None: not read from a text)
    end: int | None = None
    score: float = 1.0  # how closely the phrase matches a label of the occupation
    uri: str = ""
    essentials: tuple[int, ...] = ()  # the occupation's essential skills
    implied: tuple[int, ...] = ()  # what its near kin all hold (`implied.implied_skills`)


def job_of_occupation(
    session: Session, runtime: Runtime, occupation_id: int, span: dict | None = None
) -> JobRead:
    """The occupation as a job the learner held: its label, URI and essential skills. span:
    where a text names it (phrase, start, end, score); without one, the job quotes its label."""
    role = role_from_occupation(session, occupation_id, runtime.settings)
    essentials = tuple(r.skill_id for r in role.skills if r.essential)
    implied = implied_skills(session, occupation_id, role.isco, role.title, frozenset(essentials))
    uri = role.source.removeprefix("occupation:")
    read = span or {"phrase": role.title}
    return JobRead(
        occupation_id, role.title, uri=uri, essentials=essentials, implied=implied, **read
    )


def read_jobs(
    runtime: Runtime,
    session: Session,
    text: str,
    *,
    skip: Collection[int] = (),
    check: Check = unchecked,
    spans: list[tuple[int, int]] | None = None,
) -> list[JobRead]:
    """The jobs `text` names (at most MAX_TITLES, each occupation once), in order; an
    occupation in `skip` (already counted) is not read again. `spans` (when given) receives the
    span of every title read as a job, an occupation's second title too."""
    read: list[JobRead] = []
    seen: set[int] = set(skip)
    known: dict[str, object] = {}  # a title resolved once per text, however often it is said
    lines = LineJobs(runtime, session, text, MIN_LABEL_SCORE)

    def job_of(title: str):
        if title not in known:
            known[title] = _job_of(runtime, title)
        return known[title]

    def tools() -> dict[str, str]:
        return tool_names(runtime, session)

    titles, seconds, named = _titles(text), set(), False
    for i, (title, start, end) in enumerate(titles):  # a trade after "and" joins as it is read
        if len(read) >= MAX_TITLES or len(known) >= MAX_RESOLVED:
            break
        check()
        best, second_trade = None, (title, start, end) in seconds
        if text[start:end] == title and (both := through_and(text, start, end)):
            best = job_of(both)  # "Painter and decorator": a title of two words
            second = trade_after_and(text, end) if best is None and not _kin(title) else None
            if second is not None and len(seconds) < MAX_RESOLVED:  # "Tiler and kitchen fitter"
                titles.insert(i + 1, second)
                seconds.add(second)
            end = start + len(both) if best is not None else end
        best = best or job_of(title)
        head = title_before_doing(title) if best is None and text[start:end] == title else None
        if head is not None:  # "Kitchen porter washing up": the title before what they did
            best, end = job_of(head), start + len(head)
        if text[start:end] == title:  # "Housekeeper in a hotel", "Porter in a hotel kitchen"
            best, end = at_place(job_of, text, end, title, best, start)
        if (
            best is None
            and text[start:end] == title
            and (at := call_centre_title(text, end, title))
        ):
            best, end = job_of(at[0]), at[1]  # "Customer adviser in a bank call centre"
        said = text[start:end]  # the title, or its words before a word of doing
        if best is None and said in (title, head):  # "Supermarket checkout operator"
            best = trade_in(job_of, said, tools)
        elif best is not None and not best.exact and said in (title, head):
            labels = runtime.titles.info[best.occupation_id].labels
            best = closer_tail(job_of, said, best, labels)  # "Retail banking cashier": a bank's
        # a shared title, read by its line: "Mechanic at Kwik Fit: tyres, brakes", "Lorry
        # mechanic servicing HGVs, brakes" (not "Mechanic's mate at ...": a helper)
        shared = best is None and said in (title, head) and not _HELPER.search(said)
        for words in [said, *title_tails(said)] if shared else ():
            if (best := lines.job(words, start, end, check)) is not None:
                break
        if best is None and said in (title, head):  # "Mechanic servicing cars": a car mechanic
            best = object_trade(job_of, text, start + len(said), said)
        if best is not None and not best.exact and second_trade:
            best = None  # a second trade is read by a label exactly: "and service technician"
        named = named or best is not None
        if best is not None and spans is not None:
            spans.append((start, end))
        if best is None or best.occupation_id in seen:
            continue
        seen.add(best.occupation_id)
        span = {"phrase": text[start:end], "start": start, "end": end, "score": best.label_score}
        read.append(job_of_occupation(session, runtime, best.occupation_id, span))
    if not named and not skip:  # no title named: what the learner does may name the trade
        for best, span in doing_reads(text, runtime, job_of, seen, MAX_TITLES, MAX_RESOLVED):
            read.append(job_of_occupation(session, runtime, best.occupation_id, span))
    return read


_AND = re.compile(r"\s+(?:and|&)\s+")
_TAIL_WORD = re.compile(r"[A-Za-z][\w'-]*")
_GAP = re.compile(r"[ \t]{1,3}")  # a wider gap ends the title
# a word that ends a title, or begins no trade ("Cleaner and I also cook", "and then chef")
_NO_TAIL = frozenset(_STOP_WORDS.split()) | {"also", "my", "the", "we", "it", "this", "now"}


def through_and(text: str, start: int, end: int) -> str | None:
    """The title phrase `text[start:end]` with the words that follow its "and" ("Painter" + " and
    decorator": "Painter and decorator", "Health and safety officer"), up to punctuation, a line's
    or the text's end, or a word that ends a title; the whole no longer than a title (MAX_WORDS
    words besides "and"); None where no "and" and word follow. Read word by word: at most
    MAX_WORDS are looked at. The resolver decides whether the longer phrase names a job."""
    m = _AND.match(text, end)
    if m is None:
        return None
    at, last = m.end(), None
    for _ in range(MAX_WORDS - len(text[start:end].split())):
        word = _TAIL_WORD.match(text, at)
        if word is None or word.group().lower() in _NO_TAIL:
            break
        last = word.end()
        gap = _GAP.match(text, last)
        if gap is None:  # punctuation, a new line or the end: the tail ends with this word
            break
        at = gap.end()
    return None if last is None else text[start:last]


# how far after an "and" the second trade is looked for; where a sentence ends it ends
_SECOND_SPAN = 160
_BREAK = re.compile(r"[.!?;\n]")


# a member of the learner's family, said before what they do for them ("Mum and carer for my
# disabled son"): no job, nor is the care after it one
_KIN = frozenset(
    "mum mom mother dad father parent wife husband grandmother grandma grandad grandfather".split()
)


def _kin(title: str) -> bool:
    return any(w.lower() in _KIN for w in _TAIL_WORD.findall(title))


def trade_after_and(text: str, end: int) -> tuple[str, int, int] | None:
    """(title, start, end) of the trade said after the "and" that follows a title ending at
    `end`, where the two said together name no job ("Tiler and kitchen fitter": "kitchen
    fitter"; "Painter and plasterer on new builds": "plasterer"): its words up to where a title
    ends, cut before a word of doing ("and plasterer fitting coving"); None where no title may
    be there ("Cleaner and I also cook"). Looked for within _SECOND_SPAN characters."""
    m = _AND.match(text, end)
    if m is None:
        return None
    at, limit = m.end(), min(len(text), m.end() + _SECOND_SPAN)
    stop = _STOP.search(text, at, limit)
    phrase = text[at : stop.start() if stop else limit]
    phrase = phrase[: b.start()] if (b := _BREAK.search(phrase)) else phrase
    phrase = phrase.strip()
    if len(phrase.split()) > MAX_WORDS:
        phrase = title_before_doing(phrase) or before_doing_word(phrase) or ""
    if not phrase or not _may_be_title(phrase) or _AND.search(phrase):
        return None
    return phrase, at, at + len(phrase)


def _job_of(runtime: Runtime, title: str):
    """The occupation `title` surely names (its best candidate), or None: an unsure reading,
    a loose match (MIN_LABEL_SCORE) or a title of no trade ("manager"). A title no occupation
    names surely is read again without the names before its trade (an employer's or a unit's:
    `TitleResolver.without_names`), without a licence class before it or as a ledger's clerk
    (`title_forms`: "Class 1 HGV driver", "Purchase ledger clerk"), with its workplace said by
    the taxonomy's name of it (`place_names`: "Building society cashier"), and a rank of the forces
    after its service and unit as the rank (`ranks.rank_job`). A kitchen's deputy is read as
    the chef (`title_forms.held_as`)."""
    best = _sure_job(runtime, held_as(title) or title)  # "Sous chef": the chef
    if best is None and (trade := runtime.titles.without_names(title)):
        best = _sure_job(runtime, trade)  # "REME vehicle mechanic": a unit's name, then the job
    if best is None and (plain := without_class(title) or books_clerk(title) or at_owners(title)):
        best = _sure_job(runtime, plain)  # "Class 1 HGV driver", "Purchase ledger clerk"
    if best is None and (placed := as_known_place(title)):
        best = _sure_job(runtime, placed)  # "Building society cashier": a bank's
    if best is None:
        best = rank_job(runtime, title, _sure_job)  # "Army signals corporal": the rank
    if best is not None and not best.exact and _HELPER.search(title):
        return None  # "Funeral director's assistant" is not the director
    return best


# a helper of the trade the possessive names ("Electrician's mate", "Funeral director's
# assistant"): that trade's essentials are not the helper's, unless a label says so exactly
_HELPER = re.compile(r"\w['’]s\s+(?:assistant|mate|helper|apprentice|labourer|runner)\b", re.I)


def _sure_job(runtime: Runtime, title: str):
    resolution = runtime.titles.resolve(title, k=1)
    best = resolution.candidates[0] if resolution.candidates else None
    if not resolution.confident or best is None or best.label_score < MIN_LABEL_SCORE:
        return None
    # a curated title names its trade, however many trades ESCO gives its words to
    if best.exact and best.label_kind != "curated title":
        if names_several_trades(runtime, best.matched_label):
            return None
    # a title of a level, or one several trades use for their own job, names no one job
    return None if resolution.warning in (GENERIC_TITLE, SHARED_TITLE, FAMILY_TITLE) else best


def _titles(text: str) -> list[tuple[str, int, int]]:
    """(title to resolve, start, end) of each job `text` names, in order: the titles it writes
    (`title_phrases`) and the jobs its words name without one (`said_titles`)."""
    return sorted([*title_phrases(text), *said_titles(text)], key=lambda x: x[1])


def add_job_evidence(evidence: EvidenceMap, job: JobRead, trust: float) -> None:
    """The job's essential skills as text evidence quoting its phrase, at the text's `trust` x
    CONFIDENCE x the phrase's match score; the skills it implies (`implied`) at IMPLIED x that."""
    confidence = trust * CONFIDENCE * min(1.0, job.score)
    for sid, weight in [*((s, 1.0) for s in job.essentials), *((s, IMPLIED) for s in job.implied)]:
        evidence[sid].append(
            Evidence(sid, confidence * weight, "text", job.phrase, job.start, job.end, kind="text")
        )


def experience_evidence(
    runtime: Runtime,
    session: Session,
    text: str,
    evidence: EvidenceMap,
    trust: float,
    *,
    skip: Collection[int] = (),
    check: Check = unchecked,
    spans: list[tuple[int, int]] | None = None,
) -> list[JobRead]:
    """Add the essential skills of the jobs `text` names; returns the occupations read.
    `spans`: as `read_jobs`'."""
    read = read_jobs(runtime, session, text, skip=skip, check=check, spans=spans)
    for job in read:
        add_job_evidence(evidence, job, trust)
    return read


# a skill the words of a job's title name outright ("Python developer": Python 0.99, "Forklift
# driver": operate forklift 1.02) is read; a looser reading of them is not ("Junior Software
# Developer": *Salesforce software* 0.77 by "Software", *graphics editor software* 0.76 by
# "Developer", the product "Iridient Developer"; "Senior Care Assistant": *geriatrics* 0.89):
# the job's essentials say what the title means
TITLE_WORD_MIN_SCORE = 0.9


def drop_title_words(said: EvidenceMap, spans: list[tuple[int, int]], floor: float) -> None:
    """Drop from `said` (skills read in the words) the evidence inside a job title's span (from
    `read_jobs`) below `floor`, the confidence of a TITLE_WORD_MIN_SCORE reading."""
    drop_quoting(said, spans, floor)
