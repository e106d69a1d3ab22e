"""Skills a line's words say the other of (docs/quality.md, a seventeenth round): `UNSAID`,
`UnsaidSkills`.

A word has another meaning in another trade, and the small model reads the taxonomy's: a
driver's "CPC" (the Driver Certificate of Professional Competence) is an alternative label of
*pay-per-click* (a marketer's cost per click), a kitchen's "stocks" (food) *stock market*, a
purchase ledger's "supplier invoices" (received and paid) *issue sales invoices* (a seller's),
a hiker's "tramping" the trams' skills. A rule names such skills, the words of a line that
make the other meaning the likely one (`against`: a driver's, a kitchen's, a buyer's; none:
any line) and the words that say the skill after all (`said`: "PPC", "clicks", "campaigns";
"shares", "trading"; "sales", "raised"). Where the line has a word of `against` and none of
`said`, the skill is not read from it (`indexing.extract`, beside the managing skills of
`indexing.unmeant`), unless a curated word names it there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from indexing.aliases import tokens
from indexing.learner_words16 import MOTOR_WORDS, VEHICLE_WORDS
from indexing.learner_words18 import EVENT_UNSAID
from indexing.learner_words19 import ROUND19_UNSAID
from indexing.types import SkillEntry


@dataclass(frozen=True)
class Unsaid:
    """The skills whose preferred label matches `label` (a regular expression, whole label),
    not read from a line with a word of `against` (none: any line) and no word of `said`."""

    label: str
    against: frozenset[str]
    said: frozenset[str]

    @classmethod
    def of(cls, label: str, against: frozenset[str] | str, said: str) -> Unsaid:
        words = frozenset(against.split()) if isinstance(against, str) else against
        return cls(label, words, frozenset(said.split()))


# a driver's line: its vehicles and papers (not "delivered" or "drove", a marketer's words too:
# "Delivered a lower CPC"; "digital" and "Google" are a driver's too: a digital tachograph card,
# Google Maps)
_DRIVERS = frozenset(
    """driver drivers lorry lorries hgv lgv pcv van vans truck trucks trucker coach bus buses
    multi-drop courier couriers tachograph tachographs haulage haulier trunking""".split()
)
UNSAID: tuple[Unsaid, ...] = (
    # the Driver CPC of a lorry, bus or coach driver; an advertiser's clicks and campaigns
    Unsaid.of(
        "pay-per-click",
        _DRIVERS,
        """ppc click clicks advertising advertisement adverts ads ad campaign campaigns marketing
        bing adwords seo sem""",
    ),
    # a kitchen's stocks and stockpots, a shop's or a warehouse's stock ("- 5 yrs retail
    # supervisor - cash up, rotas, stock"): any line; a trader's shares and markets
    Unsaid.of(
        "stock market",
        "",
        """shares trading traded investment investments investor investors invest invested
        broker brokers brokerage portfolio portfolios equities equity ftse dividends bonds
        stockbroker stockbrokers securities nasdaq nyse""",
    ),
    # invoices received from suppliers and paid (a purchase ledger, accounts payable); a
    # seller's invoices raised, sent or issued to customers
    Unsaid.of(
        "issue sales invoices",
        """supplier suppliers purchase purchases payable payables creditor creditors vendor
        vendors""",
        """sales sale issue issued issuing raise raised raising send sent sending customer
        customers client clients receivable receivables debtor debtors billing bill billed""",
    ),
    # the trams' skills where the line names no tram ("tramping": a hike)
    Unsaid.of(
        r".*\btrams?\b.*",
        "",
        "tram trams tramway tramways tramline tramlines tramcar tramcars streetcar streetcars",
    ),
    # an event served is not performed (a chauffeur's weddings, a sound technician's concerts:
    # indexing.learner_words18)
    *(Unsaid.of(label, "", said) for label, said in EVENT_UNSAID),
    # an adviser in the plural advises no supervisor (indexing.learner_words19)
    *(Unsaid.of(label, "", said) for label, said in ROUND19_UNSAID),
    # a casino's card dealers, not a car dealership's ("Mechanic at a Ford dealership")
    Unsaid.of(
        "train dealers in gaming",
        "",
        """casino casinos gaming gambling croupier croupiers poker blackjack roulette betting
        bingo""",
    ),
    # a book-keeper keeps a firm's books ("Book keeper for a small firm"), sells none, and no
    # publisher's
    Unsaid.of(
        "liaise with book publishers|sell books",
        "keeper keepers bookkeeping accounts ledger ledgers",
        "publisher publishers publishing author authors editor editors literary bookshop",
    ),
    # a vehicle's servicing is no service to customers, where the line names none
    Unsaid.of(
        "customer service",
        MOTOR_WORDS | VEHICLE_WORDS,
        """customer customers client clients guest guests public reception receptionist
        advisor adviser advisors advisers desk""",
    ),
)


class UnsaidSkills:
    """The rows of `skills` each rule of `rules` names, and those a line does not read."""

    def __init__(self, skills: Sequence[SkillEntry], rules: Sequence[Unsaid] = UNSAID) -> None:
        self._rules: list[tuple[Unsaid, tuple[int, ...]]] = []
        for rule in rules:
            pattern = re.compile(rule.label, re.I)
            rows = tuple(r for r, s in enumerate(skills) if pattern.fullmatch(s.preferred_label))
            if rows:
                self._rules.append((rule, rows))

    def rows(self, text: str) -> set[int]:
        """The skills `text` does not read: its words are another trade's (module docstring).
        One pass over the text's words, and a set lookup per rule."""
        words = {tok for _, _, tok in tokens(text)}
        out: set[int] = set()
        for rule, rows in self._rules:
            if (not rule.against or words & rule.against) and not words & rule.said:
                out.update(rows)
        return out
