"""A job title in the learner's own words is read as experience: the named occupation's essential
skills become weak text evidence quoting the title; a phrase that is no job adds nothing."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlmodel import Session, select

from models.tables import Occupation, OccupationSkill
from service.errors import NotFound
from service.profiles.experience import (
    CONFIDENCE,
    add_job_evidence,
    experience_evidence,
    read_jobs,
    through_and,
    title_before_doing,
    title_phrases,
)
from service.profiles.jobs import named_jobs
from service.profiles.learner import build_learner
from tests.growth import assert_linear


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Line cook for six years in a busy bistro, grill station.", ["Line cook"]),
        ("Bank teller for five years: customer service.", ["Bank teller"]),
        ("Office administrator: I keep personnel files.", ["Office administrator"]),
        ("I work as a care assistant in a nursing home.", ["care assistant"]),
        ("I have worked six years as a care assistant in a home.", ["care assistant"]),
        ("I've been working for 3 years as an electrician's mate.", ["electrician's mate"]),
        ("Worked two years as a barista, then in a bar.", ["barista"]),
        ("I have worked hard as a team.", []),  # no duration: not the pattern
        ("Retail supervisor. I build weekly sales reports.", ["Retail supervisor"]),
        ("I help residents wash and dress.", []),  # starts with "I": no title
        ("Six years of experience", ["Six years"]),  # a candidate: the resolver refuses it
        # the learner's qualities are no part of the title (the resolver decides the rest)
        ("Reliable hard working kitchen porter person", ["kitchen porter person"]),
        ("Caring and compassionate support worker", ["support worker"]),
        ("Friendly, enthusiastic waitress with 3 years", ["waitress"]),
        ("Highly motivated and organised administrator.", ["administrator"]),
        ("Caring and patient", []),  # qualities alone: no title
        ("Reliable", []),
        ("", []),
        ("I was a chef de partie in a busy kitchen.", ["chef de partie"]),
        ("I have been a postman for six years.", ["postman"]),
        ("I've been an electrician since 2015.", ["electrician"]),
        ("Ten years as a bricklayer on housing sites", ["bricklayer"]),
        ("My first job as a waiter, then more.", ["waiter"]),
        # the learner's standing is no part of the title resolved
        ("Former police officer, now retraining.", ["police officer"]),
        ("Fully qualified hairdresser with own clients", ["hairdresser"]),
        ("Ex-soldier: led a section of eight.", ["soldier"]),
        ("Approved electrician, 8 years, 18th Edition", ["electrician"]),  # a UK grade
        ("Qualified", []),  # a lone word of the past is no title (round h-titles9)
        ("I was responsible for the tills.", []),  # "I was" counts before "a(n)" only
        ("I've been working for 3 years as a porter.", ["porter"]),
        ("My last job as a cleaner was in a hospital.", ["cleaner"]),
        ("Kitchen porter but I cook too.", ["Kitchen porter"]),
        ("Self-taught web developer, I build websites", ["web developer"]),
        # over four words: the title up to a person's word before a word of doing
        ("Care assistant supporting older residents with their care", ["Care assistant"]),
        ("Kitchen Porter Washing Up Dishes Daily", ["Kitchen Porter"]),
        # a degree or a course of study is no job title
        ("Recent history graduate. Part-time at a bookshop.", ["Part-time"]),
        ("Nursing student on placement", []),
        ("I am a biology graduate", []),
        ("Graduate engineer at a consultancy", ["Graduate engineer"]),  # a level, then a trade
    ],
)
def test_title_phrases_are_sentence_heads_or_what_follows_work_as(text, phrases):
    got = list(title_phrases(text))
    assert [p for p, _s, _e in got] == phrases
    for phrase, start, end in got:
        assert text[start:end] == phrase


def _occupation_with_essentials(session: Session) -> tuple[Occupation, set[int]]:
    for occ in session.exec(select(Occupation)).all():
        rows = session.exec(
            select(OccupationSkill.skill_id).where(
                OccupationSkill.occupation_id == occ.id, OccupationSkill.relation == "essential"
            )
        ).all()
        if len(rows) >= 2:
            return occ, set(rows)
    pytest.skip("the mini taxonomy has no occupation with two essential skills")


def test_a_named_job_adds_its_essential_skills_as_weak_text_evidence(runtime):
    with Session(runtime.engine) as s:
        occ, essentials = _occupation_with_essentials(s)
        text = f"{occ.preferred_label.capitalize()} for six years: long shifts."
        evidence = defaultdict(list)
        read = experience_evidence(runtime, s, text, evidence, trust=0.6)
        assert [(j.occupation_id, j.title) for j in read] == [(occ.id, occ.preferred_label)]
        assert essentials <= set(evidence)
        for sid in essentials:
            (ev,) = evidence[sid]
            assert ev.kind == "text" and ev.source == "text"
            assert ev.text == occ.preferred_label.capitalize() and ev.start == 0
            assert 0 < ev.confidence <= 0.6 * CONFIDENCE
        learner = build_learner(runtime, s, text=text)
        assert essentials <= set(learner.profile.skills)


def test_a_phrase_that_is_no_job_adds_nothing(runtime):
    evidence = defaultdict(list)
    with Session(runtime.engine) as s:
        read = experience_evidence(runtime, s, "Qwxzv plorb for years.", evidence, trust=0.6)
    assert read == [] and not evidence


# a CV line -> the occupation an adviser reads from it (ESCO preferred label)
REAL = [
    ("I was a chef de partie in a busy restaurant kitchen.", "chef"),
    ("I have been a postman for six years, mostly on foot.", "postman/postwoman"),
    ("Ten years as a bricklayer on housing sites.", "bricklayer"),
    # with its standing word, the title reads a police commissioner
    ("Former police officer, now looking for a change.", "police officer"),
    # jobs the words name without a title (service.profiles.said_jobs)
    ("I teach secondary school maths and run the chess club", "secondary school teacher"),
    ("I taught at a primary school for ten years.", "primary school teacher"),
    (
        "I worked in a call centre answering customer queries and processing refunds",
        "call centre agent",
    ),
    # "self-taught" is the learner's standing: with it, the title read no job
    ("Self-taught web developer, I build websites with HTML, CSS and JavaScript", "web developer"),
    # the phrase names no job whole: the title before what they did ("washing up")
    ("Kitchen porter washing up and prepping vegetables", "kitchen porter"),
    # a kitchen's deputy is read as the chef the job shows (`title_forms.held_as`), not ESCO's
    # head chef, the level the learner aims at
    ("Sous chef running the pass and ordering stock", "chef"),
    ("Junior sous chef in a hotel", "chef"),
    # served in the forces: the role after "as" (a section commander is an army corporal)
    (
        "Served 12 years in the army as an infantry section commander, leading soldiers and"
        " planning operations",
        "army corporal",
    ),
    # a trade's apprentice is the trade's learner: the job the learner trains for
    ("Plumbing and heating apprentice, fitting bathrooms and radiators", "plumber"),
    ("Electrical apprentice wiring new houses", "electrician"),
    # an employer's or a unit's name before the title (TitleResolver.without_names): the job
    ("Ex-army, 12 years as a REME vehicle mechanic", "vehicle technician"),
    ("Tesco cashier for three years, also on the tills at weekends", "cashier"),
    # a business the learner ran: its manager (said_jobs)
    (
        "I ran a small cafe for six years: ordering stock, rotas for eight staff",
        "restaurant manager",
    ),
    ("I own a hair salon and rent out two chairs", "beauty salon manager"),
    ("I ran my own hairdressing salon for 10 years", "beauty salon manager"),  # was spa manager
    ("I ran my own barber shop for 6 years", "barber"),  # was none
    # a title of a level, no trade, with its place said before "as" (workplace.place_titles_before)
    ("I worked in a call centre as a team leader.", "call centre supervisor"),  # was none
    ("Ran a market stall selling fruit and veg for 10 years", "market vendor"),
    # a title of two words joined by "and": the whole where it names a job, else the first
    ("Self-employed painter and decorator, 15 years", "construction painter"),
    ("Health and safety officer for a county council", "health and safety officer"),
    # "Cleaner and caretaker at a primary school": two trades, both read (round jobs-18:
    # tests/profiles/test_jobs_eighteenth.py)
    # a curated title shared by several trades' labels still reads
    ("Hotel housekeeper cleaning rooms and changing bed linen", "room attendant"),
    # "teacher" is no politics lecturer's (misleading.MISLEADING_TITLE_LABELS)
    ("Teacher in a primary school for 12 years", "primary school teacher"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "occupation"), REAL)
def test_jobs_named_as_people_write_them_on_the_real_model(real_runtime, text, occupation):
    with Session(real_runtime.engine) as s:
        read = experience_evidence(real_runtime, s, text, defaultdict(list), trust=0.6)
    assert [j.title for j in read] == [occupation]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "I worked in a hospital, cleaning the wards.",  # a workplace of many jobs
        "I worked in a warehouse for two years.",
        "I teach at a school.",  # no level: its teacher is not known
        # a driver of no named vehicle: ESCO's bare "driver" is a hearse driver's label
        # (misleading.MISLEADING_TITLE_LABELS); "Uber driver" is a gig platform's (said_jobs)
        "Driver for ten years.",
        # a label ESCO gives to occupations of three trades or more, none's preferred label:
        # "civil servant" read a defence administration officer's military code
        "Civil servant, administrative officer at DWP, processing benefit claims.",
        "Recent history graduate, good with people.",  # a degree, no historian
    ],
)
def test_a_workplace_or_a_school_of_no_level_is_no_job_on_the_real_model(real_runtime, text):
    with Session(real_runtime.engine) as s:
        assert experience_evidence(real_runtime, s, text, defaultdict(list), trust=0.6) == []


@pytest.mark.slow
def test_a_graduate_is_no_job_on_the_real_model(real_runtime):
    """ "I'm a graduate" once read a university teaching assistant (O*NET's "Graduate Student")."""
    text = "I'm a graduate with a degree in biology and lab experience."
    evidence = defaultdict(list)
    with Session(real_runtime.engine) as s:
        assert experience_evidence(real_runtime, s, text, evidence, trust=0.6) == []


def test_reading_jobs_adds_no_evidence_and_adding_them_is_what_experience_evidence_does(runtime):
    """read_jobs reads (occupation, words, span, score, essentials); add_job_evidence adds; the
    two together are experience_evidence, evidence for evidence."""
    with Session(runtime.engine) as s:
        occ, essentials = _occupation_with_essentials(s)
        text = f"Busy weekends. {occ.preferred_label.capitalize()} for six years."
        (job,) = read_jobs(runtime, s, text)
        assert (job.occupation_id, job.title, job.uri) == (occ.id, occ.preferred_label, occ.uri)
        assert text[job.start : job.end] == job.phrase == occ.preferred_label.capitalize()
        assert set(job.essentials) == essentials and 0.85 <= job.score <= 1.0
        added = defaultdict(list)
        add_job_evidence(added, job, trust=0.5)
        whole = defaultdict(list)
        assert experience_evidence(runtime, s, text, whole, trust=0.5) == [job]
        assert added == whole
        confidences = [e.confidence for evs in added.values() for e in evs]
        assert confidences == pytest.approx([0.5 * CONFIDENCE * job.score] * len(confidences))
        assert read_jobs(runtime, s, text, skip={occ.id}) == []


def test_jobs_named_by_uri_count_once_and_quote_the_label(runtime):
    with Session(runtime.engine) as s:
        occ, essentials = _occupation_with_essentials(s)
        (job,) = named_jobs(runtime, s, [occ.uri, occ.uri.replace("http://", "https://")])
        assert (job.phrase, job.start, job.score) == (occ.preferred_label, None, 1.0)
        text = f"{occ.preferred_label.capitalize()} for six years."
        learner = build_learner(runtime, s, jobs=[occ.uri], text=text)
        assert learner.jobs == [occ.id] and learner.job_titles == {occ.id: occ.preferred_label}
        for sid in essentials:
            (ev,) = [e for e in learner.evidence[sid] if e.text.lower() == occ.preferred_label]
            assert ev.confidence == pytest.approx(runtime.settings.trust_text * CONFIDENCE)
        with pytest.raises(NotFound) as err:
            named_jobs(runtime, s, [occ.uri, "http://example.org/none"])
        assert err.value.field == "learner.jobs[1]"


@pytest.mark.parametrize(
    ("title", "head"),
    [
        ("Kitchen porter washing up", "Kitchen porter"),
        ("Sous chef running the pass", "Sous chef"),
        ("care assistant helping residents", "care assistant"),
        ("Nursing assistant", None),  # its own first word
        ("Marketing manager", None),
        ("hard working kitchen porter", None),  # "hard" is no person
        ("porter washing", "porter"),
        # an -ing word before one person's word is its kind, not doing
        ("Senior nursing assistant helping residents", "Senior nursing assistant"),
        ("Theater lighting technician rigging shows", "Theater lighting technician"),
        ("Water engineering technician testing pumps", "Water engineering technician"),
        ("Care assistant supporting older residents", "Care assistant"),  # "older": no one
        # each -ing word before a person's word but the last: linear, the last one's head
        ("ter testing " * 20_000, "ter testing " * 19_999 + "ter"),
        ("", None),
        ("x" * 5000 + "er " + "y" * 5000 + "ing", "x" * 5000 + "er"),  # long input: linear
    ],
)
def test_the_title_before_a_word_of_doing(title, head):
    assert title_before_doing(title) == head


@pytest.mark.parametrize(
    ("text", "longer"),
    [
        ("Self-employed painter and decorator, 15 years", "painter and decorator"),
        ("Health and safety officer for a council", "Health and safety officer"),
        ("Waiter and bar staff in a hotel", "Waiter and bar staff"),
        ("Kitchen porter and then commis chef in a busy pub", None),  # longer than a title
        ("Cleaner and, later, caretaker", None),  # no word after "and"
        ("Cleaner at a school", None),  # no "and"
    ],
)
def test_a_title_through_its_and(text, longer):
    """ "Painter and decorator" is one title: the phrase through its "and" (the resolver
    decides whether it names a job; read_jobs falls back to the first part)."""
    phrase, start, end = next(title_phrases(text))
    assert through_and(text, start, end) == longer


def test_hostile_title_phrases_are_read_in_linear_time():
    """A long run of spaces once cost `_STOP` a scan per space (5,000 spaces: 5 s); a title's
    "and" is followed word by word, MAX_WORDS at most, never past a sentence."""
    import time

    start = time.perf_counter()
    text = "Cleaner and cook" + " " * 20_000 + "x"
    assert [p for p, *_ in title_phrases(text)] == ["Cleaner"]
    assert [p for p, *_ in title_phrases("caring and " * 20_000 + "cleaner")] == ["cleaner"]
    assert [p for p, *_ in title_phrases("Reliable, " * 20_000)] == []
    assert through_and(text, 0, 7) == "Cleaner and cook"
    assert through_and("Cleaner and " * 5_000, 0, 7) == "Cleaner and Cleaner"  # "and" ends it
    assert through_and("Cleaner and cook.\nDriver for Uber", 0, 7) == "Cleaner and cook"
    assert through_and("Cleaner and I also cook", 0, 7) is None
    assert time.perf_counter() - start < 2.0


def test_loose_readings_of_a_job_title_s_words_are_dropped_sure_ones_kept():
    from service.profiles.evidence import Evidence
    from service.profiles.experience import drop_title_words

    said = defaultdict(list)
    said[1].append(Evidence(1, 0.3, "text", "Software", 7, 15, kind="text"))  # loose, inside
    said[2].append(Evidence(2, 0.5, "text", "Python", 0, 6, kind="text"))  # sure, inside
    said[3].append(Evidence(3, 0.3, "text", "REST APIs", 40, 49, kind="text"))  # outside
    said[4] += [Evidence(4, 0.3, "text", "Developer", 16, 25, kind="text"),
                Evidence(4, 0.3, "text", "tests", 60, 65, kind="text")]  # fmt: skip
    drop_title_words(said, [(0, 25)], floor=0.45)
    assert set(said) == {2, 3, 4}
    assert [e.text for e in said[4]] == ["tests"]
    drop_title_words(said, [], floor=0.45)  # no job read: nothing dropped
    assert set(said) == {2, 3, 4}


@pytest.mark.slow
def test_a_job_title_s_words_read_no_loose_skill_on_the_real_model(real_runtime):
    text = (
        "Junior Software Developer, Acme Ltd (2023 - 2024)\n- Built REST APIs in Node.js\n"
        "Python developer at a startup for two years."
    )
    with Session(real_runtime.engine) as s:
        learner = build_learner(real_runtime, s, text=text)
    labels = {real_runtime.skills[sid].preferred_label for sid in learner.evidence}
    assert not labels & {"Salesforce software", "graphics editor software", "industrial software"}
    assert "Python (computer programming)" in labels and "Node.js" in labels


@pytest.mark.parametrize("opening", ["worked as ", "work as ", "currently a "])
def test_many_repeated_openings_are_read_in_linear_time(opening):
    """Each opening's phrase is read within a title's reach, not to the text's end: "worked as "
    * 4,000 took 52 s (found by round jobs-20)."""
    assert_linear(lambda t: list(title_phrases(t)), lambda n: opening * n + "a cleaner", n=500)
