"""A learner's words, a seventeenth round (docs/quality.md): words another trade owns (a
driver's "CPC", a kitchen's "stocks", a purchase ledger's "supplier invoices", a hiker's
"tramping": `indexing.unsaid`), and the round's verb-object rules and curated words
(complaints handled, veg prepped, sales targets, reconciliations, three-way matching, flat-pack,
deposits and withdrawals: `indexing.learner_words17`). The real model: `skillmatch eval
extraction tests/fixtures/cv_lines.json` (round "words-17")."""

from __future__ import annotations

import pytest

from indexing.context_aliases import CONTEXT_ALIASES, curated_aliases, has_context
from indexing.learner_words17 import ACCOUNTS, ROUND17_PAIRS
from indexing.learner_words18 import ROUND18_PAIRS
from indexing.learner_words19 import ROUND19_PAIRS
from indexing.trade_pairs import PAIRS
from indexing.unsaid import UNSAID, UnsaidSkills
from indexing.word_pairs import find_pairs
from tests.growth import assert_linear
from tests.indexing.entries import skill_entry

_LABELS = (
    "pay-per-click",
    "stock market",
    "issue sales invoices",
    "types of trams",
    "drive trams",
    "cook sauce products",
)
_SKILLS = [skill_entry(i, label, scheme="t17") for i, label in enumerate(_LABELS)]
_UNSAID = UnsaidSkills(_SKILLS)


_TRAMS = {"types of trams", "drive trams"}  # not read from any line that names no tram
# nor the stock market from a line that names no shares or trading (a shop's, a warehouse's or
# a kitchen's stock)
_ANY_LINE = _TRAMS | {"stock market"}


def _unsaid(text: str) -> set[str]:
    return {_LABELS[r] for r in _UNSAID.rows(text)}


@pytest.mark.parametrize(
    ("text", "unsaid"),
    [
        ("Class 1 HGV driver, CPC up to date", {"pay-per-click"} | _ANY_LINE),
        ("Commis chef making sauces and stocks", _ANY_LINE),
        ("Purchase ledger: supplier invoices", {"issue sales invoices"} | _ANY_LINE),
        ("Hobbies: tramping and hill walking", _ANY_LINE),
        ("- 5 yrs retail supervisor - cash up, rotas, stock", _ANY_LINE),
        # a shop's or a market stall's words are no trader's in shares (review)
        ("Refunds and exchange, stock", _ANY_LINE),
        ("Market stall trader: stock, cash", _ANY_LINE),
        ("Stock rotation and fund raising", _ANY_LINE),
        # a driver's digital tachograph card and Google Maps are no advertiser's words (review)
        (
            "Class 1 HGV driver with Driver CPC and digital tachograph card",
            {"pay-per-click"} | _ANY_LINE,
        ),
        (
            "Driver CPC holder, Google Maps routing for a multi-drop van",
            {"pay-per-click"} | _ANY_LINE,
        ),
    ],
)
def test_another_trades_words_read_no_skill(text, unsaid):
    assert _unsaid(text) == unsaid


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Ran PPC campaigns on Google Ads, CPC down 20%", "pay-per-click"),  # no driver's line
        ("Delivery driver app: cut the CPC of our Google campaigns", "pay-per-click"),
        ("Delivered a 20% lower CPC", "pay-per-click"),  # no driver's word
        ("Chef's knives sold on the markets, stocks and shares", "stock market"),
        ("Traded stocks and bonds for a broker", "stock market"),
        ("Chef, then traded shares on the stock market", "stock market"),
        ("Retail supervisor, invested in stocks for a hedge fund", "stock market"),
        ("Sales ledger: raising invoices to customers", "issue sales invoices"),
        ("Raised invoices and chased supplier payments", "issue sales invoices"),
        ("Invoicing clients and paying suppliers", "issue sales invoices"),  # a client's invoice
        ("Tram driver on the Metrolink, driving trams", "drive trams"),
    ],
)
def test_the_skill_stands_where_the_line_says_it(text, said):
    assert said not in _unsaid(text)


def test_every_rule_names_a_skill_of_the_taxonomy_or_a_pattern_of_its_labels():
    labels = {r.label for r in UNSAID}
    assert {"pay-per-click", "stock market", "issue sales invoices"} <= labels
    assert UnsaidSkills(_SKILLS, ()).rows("CPC driver stocks chef") == set()
    assert _unsaid("Support worker for adults, budgeting") == _ANY_LINE  # by a tram's word only
    assert _unsaid("Tram driver") == {"pay-per-click", "stock market"}  # a driver's line


def _named(text, rules=ROUND17_PAIRS):
    return {s for *_, rule in find_pairs(text, rules) for s in rule.skills}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("handling complaints and account queries", "handle customer complaints"),
        ("dealt with customer complaints", "handle customer complaints"),
        ("prepping veg", "prepare vegetable products for use in a dish"),
        ("peeled and chopped the vegetables", "prepare vegetable products for use in a dish"),
        ("hitting weekly sales targets", "achieve sales targets"),
        ("supplier statement reconciliations", "maintain financial records"),
        ("assembling flat-pack furniture", "assemble prefabricated furniture"),
        ("assembled flatpack wardrobes", "assemble prefabricated furniture"),
        ("assembling flat-pack in customers' homes", "assemble prefabricated furniture"),
    ],
)
def test_the_rounds_pairs_read_the_learners_words(text, skill):
    assert skill in _named(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("complaints", "handle customer complaints"),
        ("ate the veg", "prepare vegetable products for use in a dish"),
        ("hit the call targets", "achieve sales targets"),  # no sales said
        ("statement", "maintain financial records"),
        ("Delivered flat-pack furniture to customers' homes", "assemble prefabricated furniture"),
        ("picked and packed flat-pack furniture orders", "assemble prefabricated furniture"),
        ("Sold flat-pack furniture", "assemble prefabricated furniture"),
    ],
)
def test_the_rounds_pairs_read_no_other_words(text, skill):
    assert skill not in _named(text)


def test_the_rounds_words_are_curated_and_come_last():
    curated = curated_aliases()
    assert curated["three-way matching"] == ("check accounting records",)
    assert "flat-pack" not in curated  # a pair now: flat-pack assembled (review)
    assert curated["flat-pack assembly"] == ("assemble prefabricated furniture",)
    assert curated["deposits and withdrawals"] == ("handle financial transactions",)
    assert CONTEXT_ALIASES["reconciliations"][0] == ACCOUNTS
    assert has_context("Purchase ledger clerk: reconciliations", ACCOUNTS, (24, 39))
    assert not has_context("Family reconciliations", ACCOUNTS, (7, 22))
    invoices = next(r for r in ROUND17_PAIRS if "check accounting records" in r.skills)
    assert invoices.context == ACCOUNTS
    # the eighteenth and nineteenth rounds' rules come after them (indexing.learner_words18, 19)
    last = len(PAIRS) - len(ROUND18_PAIRS) - len(ROUND19_PAIRS)
    assert PAIRS[last - len(ROUND17_PAIRS) : last] == ROUND17_PAIRS


@pytest.mark.parametrize(
    ("read", "make"),
    [
        (_UNSAID.rows, lambda n: "CPC driver stocks chef supplier invoices tramping " * n),
        (_UNSAID.rows, lambda n: "x " * n + "PPC"),
        (lambda t: find_pairs(t, ROUND17_PAIRS), lambda n: "handling the " * n + "complaints"),
        (lambda t: find_pairs(t, ROUND17_PAIRS), lambda n: "sales, prep veg, " * n),
    ],
)
def test_hostile_long_and_repeated_input_grows_linearly(read, make):
    assert_linear(read, make, n=1_000)


_READ = [
    (
        "Worked 4 years as a Class 1 HGV driver doing night trunking, CPC up to date",
        {"drive vehicles"},
        {"pay-per-click"},
    ),
    (
        "Kitchen porter and then commis chef, prepping veg, making sauces and stocks",
        {"cook sauce products", "prepare vegetable products for use in a dish"},
        {"stock market"},
    ),
    (
        "Purchase ledger clerk: supplier invoices, statement reconciliations",
        {"maintain financial records"},
        {"issue sales invoices"},
    ),
    (
        "Customer adviser handling complaints and account queries",
        {"handle customer complaints", "respond to customers' inquiries"},
        set(),
    ),
    ("Outside work: tramping and hill walking", set(), {"types of trams"}),
    ("Raising sales invoices in Sage", {"issue sales invoices"}, set()),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "said", "unsaid"), _READ)
def test_the_rounds_lines_on_the_real_model(real_runtime, text, said, unsaid):
    labels = {x.preferred_label for x in real_runtime.linker.extract(text)}
    assert said <= labels, labels
    assert not unsaid & labels, labels
