"""Round h-titles15 (docs/planning.md, "Titles, a fifteenth round"): a title spelt the other way
than ESCO's label ("careers adviser": "careers advisor", `words.other_spelling`) equals it; the
curated titles of a clinical nurse specialist, a digital skills trainer, an administrator, a
caseworker, a food and beverage assistant, a key holder, a sub editor, a clinical support worker
and a multi trade operative; a laboratory technician of any lab, a scientific one first."""

from __future__ import annotations

import pytest

from service.titles.curated import CURATED_TITLES
from service.titles.several import SHARED_TITLES
from service.titles.words import other_spelling
from service.titles.work_titles import (
    ADMINISTRATIVE_ASSISTANT,
    COMMUNITY_CARE_CASE_WORKER,
    COPY_EDITOR,
    HANDYMAN,
    SCIENTIFIC_LABORATORY_TECHNICIAN,
    SHOP_SUPERVISOR,
    SPECIALIST_NURSE,
    WORK_TITLES,
)
from tests.growth import assert_linear
from tests.titles.labels import occupation_labels


@pytest.mark.parametrize(
    ("title", "other"),
    [
        ("careers adviser", "careers advisor"),
        ("financial advisor", "financial adviser"),
        ("senior advisers", "senior advisors"),
        ("careers officer", ""),  # nothing to spell otherwise
        ("advisory board member", ""),  # a word that starts so is another word
        ("", ""),
    ],
)
def test_a_title_is_spelt_the_other_way_word_by_word(title, other):
    assert other_spelling(title) == other


def test_spelling_a_long_title_the_other_way_grows_linearly():
    assert_linear(other_spelling, lambda n: "careers adviser " * (n // 16), n=5_000)


def test_the_curated_titles_of_the_round():
    assert WORK_TITLES["clinical nurse specialist"][0] == SPECIALIST_NURSE
    assert WORK_TITLES["administrator"][0] == ADMINISTRATIVE_ASSISTANT
    assert WORK_TITLES["key holder"][0] == SHOP_SUPERVISOR
    assert WORK_TITLES["sub-editor"] == (COPY_EDITOR,)
    # the curated titles the resolver reads name the round's occupations first
    firsts = {
        "clinical nurse specialist": SPECIALIST_NURSE,
        "caseworker": COMMUNITY_CARE_CASE_WORKER,
        "multi trade operative": HANDYMAN,
    }
    for title, first in firsts.items():
        assert CURATED_TITLES[title][0] == first, title
    for title in ("lab technician", "laboratory technician"):
        assert CURATED_TITLES[title][0] == SCIENTIFIC_LABORATORY_TECHNICIAN
        assert title not in SHARED_TITLES  # curated: a learner's own job reads it too


def _labels(runtime) -> dict[int, str]:
    return occupation_labels(runtime)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "first", "never"),
    [
        # `never`: the first reading before the round
        ("Careers adviser", "career guidance advisor", "human resources officer"),
        ("Clinical nurse specialist", "specialist nurse", "nurse responsible for general care"),
        ("Digital skills trainer", "digital literacy teacher",
         "industrial arts vocational teacher"),
        ("Administrator", "administrative assistant", "database administrator"),
        ("Caseworker", "community care case worker", "social services manager"),
        ("Food & beverage assistant", "waiter/waitress", "dietetic technician"),
        ("Key holder", "shop supervisor", "locksmith"),
        ("Sub editor", "copy editor", "desktop publisher"),
        ("Clinical support worker", "healthcare assistant", "clinical social worker"),
        ("Multi trade operative", "handyman", "import export specialist"),
    ],
)  # fmt: skip
def test_the_round_s_titles_read_their_trade(real_runtime, title, first, never):
    labels = _labels(real_runtime)
    got = real_runtime.titles.resolve(title)
    top = [labels[c.occupation_id] for c in got.candidates]
    assert got.confident and top[0] == first != never, (title, top)


@pytest.mark.slow
def test_an_adviser_spelt_as_esco_spells_it_keeps_its_own_label(real_runtime):
    """The other spelling is read only where no label equals the title: ESCO's own "credit
    adviser" stays *credit adviser*."""
    labels = _labels(real_runtime)
    got = real_runtime.titles.resolve("Credit adviser")
    assert labels[got.candidates[0].occupation_id] == "credit adviser"
    assert got.candidates[0].exact


@pytest.mark.slow
def test_a_lab_technician_is_a_scientific_laboratory_technician_first(real_runtime):
    labels = _labels(real_runtime)
    for title in ("Lab technician", "Laboratory technician"):
        got = real_runtime.titles.resolve(title)
        top = [labels[c.occupation_id] for c in got.candidates]
        assert got.confident and got.warning is None, (title, got.warning)
        assert top[0] == "scientific laboratory technician", top
        assert "bacteriology technician" in top  # ESCO's label: a hospital lab's, still offered
