"""Audiences of a line of work ISCO has no label for (service/catalog/sector_audience.py)."""

import pytest

from service.catalog.audience import AudienceReader, isco_labels
from service.catalog.sector_audience import SECTOR_GROUPS, sector_audience
from service.datagen.esco import SECTORS
from service.datagen.text import SECTOR_TEXT

ROWS = [
    {"code": "2", "preferredLabel": "Professionals"},
    {"code": "1", "preferredLabel": "Managers"},
    {"code": "2431", "preferredLabel": "Advertising and marketing professionals"},
    {"code": "512", "preferredLabel": "Cooks"},
]


def test_a_sectors_groups_are_those_of_its_occupation_families():
    for sector, prefixes in SECTORS.items():
        assert set(SECTOR_GROUPS[sector]) == {p[:2] for p in prefixes if len(p) >= 2}, sector


@pytest.mark.parametrize(
    ("sector", "audience"),
    [(s, a) for s, (_, _, auds) in SECTOR_TEXT.items() if s in SECTORS for a in auds],
)
def test_the_demo_catalogs_sector_audiences_read_as_their_sector(sector, audience):
    read = AudienceReader(isco_labels(ROWS))
    got = read(f"This 44-hour course helps {audience} build practical skills in budgeting.")
    if got != SECTOR_GROUPS[sector]:  # a label of two digits or more wins (none here but cooks)
        assert set(SECTOR_GROUPS[sector]) <= set(got), (audience, got)


@pytest.mark.parametrize(
    ("sentence", "sector"),
    [
        ("a workshop for lab staff and researchers", "science"),
        ("a badge for hotel and restaurant team members", "hospitality"),
        ("aimed at nurses and midwives returning to practice", "health_care"),
        ("for warehouse operatives starting out", "logistics"),
        ("built for senior it professionals", "ict"),
        ("this course helps service and care staff with rotas", "personal_services"),
    ],
)
def test_audience_words_are_read_where_any_description_says_them(sentence, sector):
    assert set(SECTOR_GROUPS[sector]) <= set(sector_audience(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "a course on safety in laboratories, field work and research",
        "learn to write business plans",
        "this 9-hour badge introduces employees in any sector to safety",
        "for office and knowledge workers moving into a digital role",
        "for job seekers and career changers",
    ],
)
def test_a_field_said_without_people_names_no_audience(sentence):
    assert sector_audience(sentence) == ()


def test_an_isco_label_wins_over_the_sector_words():
    read = AudienceReader(isco_labels(ROWS))
    text = "A course for advertising and marketing professionals in hotel and restaurant teams."
    assert read(text) == ("2431",)
    # a major group alone (one digit) says too little: the sector words are read
    assert set(SECTOR_GROUPS["finance"]) == set(read("A badge for banking professionals."))


def test_the_first_sentence_does_not_end_at_e_g():
    read = AudienceReader(isco_labels(ROWS))
    assert read("A short course (e.g. for cooks) on knife skills. Waiters welcome.") == ("512",)
    assert read("A course, e.g. for cooks. For advertising and marketing professionals.") == (
        "512",
    )
    assert read("A course, i.e. for cooks.") == ("512",)
