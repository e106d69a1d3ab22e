"""A title several trades share, read by the other words of its line
(`service.profiles.shared_titles`), and a rank of the forces after its service and unit
(`service.profiles.ranks`): a sixteenth round (docs/quality.md). Rule tests on a made-up
resolver and linker; the real model on the round's lines."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from indexing.types import Evidence, ExtractedSkill
from service.profiles import shared_titles
from service.profiles.ranks import rank_job
from service.profiles.shared_titles import (
    MAX_LINE,
    MAX_LINES,
    MAX_SHARED,
    MAX_TITLES_SEEN,
    LineJobs,
    line_of,
)
from service.titles.resolver import SHARED_TITLE, TitleCandidate, TitleResolution
from tests.growth import assert_linear
from tests.profiles.reading import jobs_read

# made-up occupations of "Mechanic": 1 a vehicle technician, 2 a machinery mechanic, 3 a third
_SKILLS = {1: {10, 11, 12, 13}, 2: {20, 21, 13}, 3: {30}}
# the words a made-up linker reads, with their skill
_WORDS = {"tyres": 10, "brakes": 11, "MOT": 12, "hydraulics": 20, "presses": 21, "oil": 13}


def _candidate(occupation_id, label_score=1.0, exact=False):
    return TitleCandidate(occupation_id, 3.0, label_score, "Mechanic", "known title", exact)


class _Linker:
    def __init__(self):
        self.calls = 0

    def extract(self, text, check=None):
        self.calls += 1
        out = []
        for word, sid in _WORDS.items():
            at = text.find(word)
            if at >= 0:
                ev = (Evidence(at, at + len(word), word),)
                out.append(ExtractedSkill(sid, f"urn:{sid}", word, 1.0, word, "curated", "t", ev))
        return out


class _Titles:
    def __init__(self, warning=SHARED_TITLE, candidates=None):
        self.warning = warning
        self.candidates = candidates or [_candidate(1), _candidate(2), _candidate(3)]
        self.resolved = 0

    def resolve(self, title, k=5):
        self.resolved += 1
        return TitleResolution(title, self.candidates[:k], True, self.warning)


@pytest.fixture
def skills_of(monkeypatch):
    def rows(_session, *, occupation_id):
        return [(sid, "optional", "esco", "", False) for sid in _SKILLS[occupation_id]]

    monkeypatch.setattr(shared_titles.tax, "occupation_skill_rows", rows)


def _jobs(text, titles=None):
    runtime = SimpleNamespace(titles=titles or _Titles(), linker=_Linker())
    return LineJobs(runtime, None, text, 0.85), runtime


def _job(text, title="Mechanic", titles=None):
    lines, _ = _jobs(text, titles)
    at = text.index(title)
    got = lines.job(title, at, at + len(title))
    return got.occupation_id if got else None


@pytest.mark.usefixtures("skills_of")
@pytest.mark.parametrize(
    ("text", "occupation"),
    [
        ("Mechanic at Kwik Fit: tyres, brakes, MOT prep", 1),  # 3 skills of 1, none of 2
        ("Mechanic: hydraulics and presses", 2),
        ("Mechanic: tyres, brakes, oil", 1),  # 3 of 1 against 1 of 2: a lead of 2
        ("Mechanic: tyres, oil", None),  # 2 of 1 against 1 of 2: no clear lead
        ("Mechanic: tyres", None),  # one skill is not several
        ("Mechanic", None),  # nothing else said
        ("Mechanic: tyres, brakes, hydraulics, presses", None),  # 2 and 2: a tie
        ("Tyres and brakes. Mechanic", None),  # another line's words
    ],
)
def test_a_shared_title_is_read_by_the_skills_of_its_line(text, occupation):
    assert _job(text) == occupation


@pytest.mark.usefixtures("skills_of")
def test_the_titles_own_words_do_not_count():
    # the made-up linker reads "tyres" and "brakes" inside the title itself
    assert _job("tyres brakes mechanic", "tyres brakes mechanic") is None
    assert _job("tyres brakes mechanic, MOT", "tyres brakes mechanic") is None  # one outside


@pytest.mark.usefixtures("skills_of")
@pytest.mark.parametrize(
    "titles",
    [
        _Titles(warning=None),  # one trade's title: the resolver's reading, not the line's
        _Titles(candidates=[_candidate(1)]),  # a single candidate
        _Titles(candidates=[_candidate(1, 0.8), _candidate(2, 0.8)]),  # named loosely
    ],
)
def test_a_title_not_shared_or_named_loosely_is_not_read_by_its_line(titles):
    assert _job("Mechanic at Kwik Fit: tyres, brakes, MOT prep", titles=titles) is None


@pytest.mark.usefixtures("skills_of")
def test_many_titles_read_a_bounded_number_of_lines_and_resolve_each_title_once():
    text = "Mechanic: tyres, brakes, MOT. " * 50
    lines, runtime = _jobs(text)
    starts = [i for i in range(len(text)) if text.startswith("Mechanic", i)]
    picked = [lines.job("Mechanic", at, at + 8) for at in starts]
    assert all(p is not None and p.occupation_id == 1 for p in picked[:MAX_LINES])
    assert all(p is None for p in picked[MAX_LINES:])  # past MAX_LINES lines, none read
    assert runtime.linker.calls == MAX_LINES
    assert runtime.titles.resolved == 1


class _SomeShared(_Titles):
    """Only "Mechanic" is shared; every other title names one candidate (not shared)."""

    def resolve(self, title, k=5):
        self.resolved += 1
        if title == "Mechanic":
            return TitleResolution(title, self.candidates[:k], True, SHARED_TITLE)
        return TitleResolution(title, [_candidate(9)], True, None)


@pytest.mark.usefixtures("skills_of")
def test_titles_that_are_not_shared_spend_no_shared_titles_turn():
    titles = _SomeShared()
    lines, _runtime = _jobs("x", titles)
    for i in range(MAX_SHARED + 4):  # unresolved, unshared titles before the shared one
        assert lines.job(f"Title {i}", 0, 1) is None
    text = "Mechanic: tyres, brakes, MOT."
    lines.text = text
    got = lines.job("Mechanic", 0, 8)
    assert got is not None and got.occupation_id == 1
    for i in range(MAX_TITLES_SEEN):  # still bounded: at most MAX_TITLES_SEEN resolved
        lines.job(f"More {i}", 0, 1)
    assert titles.resolved <= MAX_TITLES_SEEN


@pytest.mark.usefixtures("skills_of")
def test_a_line_too_long_is_not_read():
    text = "Mechanic: " + "tyres, brakes, MOT, " * (MAX_LINE // 10)
    lines, runtime = _jobs(text)
    assert lines.job("Mechanic", 0, 8) is None
    assert runtime.linker.calls == 0


@pytest.mark.parametrize(
    ("text", "at", "line"),
    [
        ("Mechanic: tyres. Cook: grill", 0, (0, 15)),
        ("Mechanic: tyres. Cook: grill", 17, (16, 28)),
        ("a\nMechanic", 2, (2, 10)),
        ("x" * (MAX_LINE + 1), 0, None),
        ("x" * MAX_LINE + ". Mechanic", MAX_LINE + 2, (MAX_LINE + 1, MAX_LINE + 10)),
    ],
)
def test_the_line_of_a_title(text, at, line):
    assert line_of(text, at) == line


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "Mechanic " * n,  # one line, too long
        lambda n: "Mechanic: tyres, brakes. " * n,  # many lines
        lambda n: "." * n + "Mechanic",
    ],
)
def test_hostile_long_and_repeated_input_grows_linearly(make, monkeypatch):
    def rows(_session, *, occupation_id):
        return [(sid, "optional", "esco", "", False) for sid in _SKILLS[occupation_id]]

    monkeypatch.setattr(shared_titles.tax, "occupation_skill_rows", rows)

    def read(text):
        lines, _ = _jobs(text)
        at = 0
        while (at := text.find("Mechanic", at)) >= 0:
            lines.job("Mechanic", at, at + 8)
            at += 8

    assert_linear(read, make, n=500)


def _sure(forces):
    """A made-up `_sure_job`: the titles of `forces` are occupations of the forces (ISCO 0210),
    "captain" an airline's (3153)."""

    def sure_job(_runtime, title):
        ids = {"corporal": 1, "petty officer": 1, "captain": 2}
        return _candidate(ids[title]) if title in ids and title in forces + ["captain"] else None

    return sure_job


_INFO = {1: SimpleNamespace(isco_code="0210"), 2: SimpleNamespace(isco_code="3153")}
_RANKS = SimpleNamespace(titles=SimpleNamespace(info=_INFO))


@pytest.mark.parametrize(
    ("title", "occupation"),
    [
        ("Army signals corporal", 1),
        ("Royal Navy marine engineering petty officer", 1),
        ("British Army REME corporal", 1),
        ("Army corporal", None),  # no unit's word: the whole title is read first
        ("Signals corporal", None),  # no service said
        ("RAF airline captain", None),  # a captain of no forces' trade
        ("Army signals", None),
        ("Marine engineering corporal", None),  # "marine" alone is no service: a ship's trade
        ("US Marines infantry corporal", 1),
        ("Marine Corps infantry corporal", 1),
    ],
)
def test_a_rank_after_its_service_and_unit_is_the_rank(title, occupation):
    got = rank_job(_RANKS, title, _sure(["corporal", "petty officer"]))
    assert (got.occupation_id if got else None) == occupation


def test_a_long_title_of_the_forces_grows_linearly():
    sure = _sure(["corporal"])
    assert_linear(lambda t: rank_job(_RANKS, t, sure), lambda n: "Army " + "signals " * n)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "occupations"),
    [
        ("Mechanic at Kwik Fit: tyres, brakes, MOT prep", ["vehicle technician"]),
        ("Mechanic at a garage", ["vehicle technician"]),  # by its workplace, as before
        ("Mechanic", []),
        ("Mechanic, tyres", []),  # one skill of the line
        ("Mechanic's mate at Kwik Fit: tyres, brakes, MOT prep", []),  # a helper of the trade
        ("Army signals corporal, ran radio networks, team of 6", ["army corporal"]),
        ("Army captain for 10 years", ["army captain"]),
    ],
)
def test_the_rounds_jobs_on_the_real_model(real_runtime, text, occupations):
    assert jobs_read(real_runtime, text) == occupations


@pytest.mark.slow
def test_a_long_line_of_shared_titles_reads_at_most_three_jobs(real_runtime):
    text = ", ".join(["Mechanic: tyres, brakes, MOT prep"] * 200)
    assert len(jobs_read(real_runtime, text)) <= 1  # one line, too long to be read
    lines = ". ".join(["Mechanic: tyres, brakes, MOT prep"] * 200)
    assert jobs_read(real_runtime, lines) == ["vehicle technician"]  # each occupation once


@pytest.mark.usefixtures("skills_of")
@pytest.mark.parametrize(
    ("text", "reuse", "occupation"),
    [
        ("Mechanic: tyres, great with customers", "sector-specific", 1),  # 1's own skill alone
        ("Mechanic: tyres, great with customers", "transversal", None),  # any work's: no
        ("Mechanic: tyres, hydraulics", "sector-specific", None),  # 1 and 2 each hold one
    ],
)
def test_a_trades_own_skill_no_other_candidate_holds_reads_it(text, reuse, occupation):
    """A line of two skills read, of which one candidate alone holds one, names that candidate
    where the skill is a sector's or an occupation's own ("Mechanic servicing cars and doing
    MOTs": *perform vehicle tests*)."""
    _WORDS_MORE = {"great with customers": 99}
    runtime = SimpleNamespace(
        titles=_Titles(),
        linker=_Linker(),
        skills={sid: SimpleNamespace(reuse_level=reuse) for sid in (10, 20, 99)},
    )
    runtime.linker.extract = _with_words(runtime.linker.extract, _WORDS_MORE)
    lines = LineJobs(runtime, None, text, 0.85)
    got = lines.job("Mechanic", 0, len("Mechanic"))
    assert (got.occupation_id if got else None) == occupation


def _with_words(extract, more: dict[str, int]):
    def read(text, check=None):
        out = list(extract(text, check))
        for word, sid in more.items():
            if (at := text.find(word)) >= 0:
                ev = (Evidence(at, at + len(word), word),)
                out.append(ExtractedSkill(sid, f"urn:{sid}", word, 1.0, word, "curated", "t", ev))
        return out

    return read


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "occupations"),
    [
        ("Mechanic at a Ford dealership, servicing and MOTs", ["vehicle technician"]),
        ("Mechanic servicing cars and doing MOTs", ["vehicle technician"]),
        ("Mechanic for 10 years", []),  # nothing else said
        ("Driver for 10 years, friendly customer service", []),  # any work's words
    ],
)
def test_a_trades_own_skill_on_the_real_model(real_runtime, text, occupations):
    assert jobs_read(real_runtime, text) == occupations
