"""Curated words whose reading depends on the sentence: `CONTEXT_ALIASES`.

A few CV words name one skill in one kind of line and another elsewhere: "the scanner" of a
warehouse picker is a barcode scanner (ESCO's "operate scanner" is a prepress image scanner),
"troubleshooting" in an IT support line is ICT troubleshooting, "printers" set up by IT support
are office equipment (not "printing materials"), "filing" in an office line is filing documents
(not a metalworker's filing), "personal care" in a care worker's line is helping people wash and
dress (not "personal care products" on a shop's shelf). Each word here is a curated alias
(`indexing.trade_aliases.TRADE_ALIASES`: it names its skills and is kept at the unit's floor) that
counts only where its sentence has the word's context (`has_context`): a word of `CONTEXTS`
outside the alias itself ("care" of "personal care" is no care context), or for "technology" a
technology cue (`indexing.technology.CUE_WORDS`, "IT") or a computing device.
Where it counts, it owns its words: extraction reads no other skill from them alone
(`indexing.extract`). Elsewhere the word is read as before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from indexing.aliases import tokens
from indexing.duty_pairs import DUTY_ALIASES
from indexing.employer_words import (
    CHILDREN,
    CHILDREN_WORDS,
    EMPLOYER_ALIASES,
    EMPLOYER_CONTEXT_ALIASES,
)
from indexing.held_papers import PAPER_ALIASES
from indexing.learner_words16 import (
    CLEANROOM,
    CLEANROOM_WORDS,
    MOTOR,
    MOTOR_WORDS,
    PROPERTY,
    PROPERTY_WORDS,
    ROUND16_ALIASES,
    ROUND16_CONTEXT_ALIASES,
    VEHICLE,
    VEHICLE_WORDS,
)
from indexing.learner_words17 import ROUND17_ALIASES, ROUND17_CONTEXT_ALIASES
from indexing.learner_words18 import CALL_CENTRE, CALL_CENTRE_WORDS
from indexing.learner_words19 import ROUND19_CONTEXT_ALIASES
from indexing.technology import CUE_ACRONYMS, CUE_WORDS
from indexing.trade_aliases import TRADE_ALIASES
from indexing.word_pairs import HAIR_CUTTING

TECHNOLOGY = "technology"
STOCK = "stock"
OFFICE = "office"
CARE = "care"
KITCHEN = "kitchen"
DRIVING = "driving"
HAIR = "hair"
SCHOOL = "school"
MILITARY = "military"
BUILDING = "building"
POLICE = "police"
ACCOUNTS = "accounts"
ELECTRICAL = "electrical"
FARM = "farm"
OFFICE_SUITE = "office suite"
# words of a line about goods in a warehouse, a shop or a delivery round
CONTEXTS: dict[str, frozenset[str]] = {
    STOCK: frozenset(
        """pick picking picker pickers picked order orders stock stockroom warehouse goods
        parcels parcel pallets pallet dispatch despatch inventory deliveries delivery
        checkout checkouts tills shelves shelf replenishment""".split()
    ),
    # words of a line about office work
    OFFICE: frozenset(
        """office offices admin administrator administrative administration reception
        receptionist clerk clerical secretary secretarial paperwork records documents letters
        invoices post mail photocopying typing phones emails spreadsheets""".split()
    ),
    # words of a line about care work (people cared for, the carer, the care home's words)
    CARE: frozenset(
        """care carer carers caring residents resident clients client patients patient users
        dementia elderly ward wards hoist domiciliary homecare meds medication nurse
        nurses""".split()
    ),
    # words of a line about a kitchen (its cooks, its food, the places it serves)
    KITCHEN: frozenset(
        """kitchen kitchens cook cooks cooking chef chefs pub pubs restaurant restaurants cafe
        canteen bistro diner menu food meals dishes vegetables meat burgers sauce sauces prep
        prepping takeaway takeaways chips""".split()
    ),
    # words of a line about driving a road vehicle
    DRIVING: frozenset(
        """driver drivers driving drive drove van vans lorry lorries truck trucks delivery
        deliveries drops multi-drop courier couriers parcels deliver delivering delivered
        HGV LGV""".lower().split()
    ),
    # words of a line about a class at school (its pupils, its lessons, its teachers)
    SCHOOL: frozenset(
        """school schools class classes classroom classrooms lesson lessons pupil pupils student
        students teacher teachers teaching playground""".split()
    ),
    # words of a line about service in the armed forces
    MILITARY: frozenset(
        """army navy military soldier soldiers troops regiment battalion platoon infantry
        marines forces""".split()
    ),
    # words of a line about building work: a site, its trades, its labourers
    BUILDING: frozenset(
        """site sites building construction builder builders labourer labourers bricklayer
        bricklayers bricklaying plasterer plasterers plastering joiner joiners joinery carpenter
        carpenters carpentry fitter fitters electrician electricians plumber plumbers scaffold
        scaffolder scaffolders scaffolding groundworker groundworkers groundworks roofer
        roofers roofing tiler tilers architect""".split()
    ),
    # words of a line about a hairdresser's or a barber's work
    HAIR: frozenset(
        """hair hairdresser hairdressers hairdressing barber barbers barbering salon salons
        stylist stylists haircut haircuts""".split()
    ),
    # words of a line about policing
    POLICE: frozenset(
        """police policing officer constable detective custody suspect suspects crime crimes
        arrest arrests offender offenders cps""".split()
    ),
    # words of a line about a business's books (bookkeeping, accounts, payroll)
    ACCOUNTS: frozenset(
        """bookkeeper bookkeepers bookkeeping accounts accountant accountants accounting
        ledger ledgers invoice invoices vat payroll reconciliation reconciliations finance
        financial debtors creditors""".split()
    ),
    # words of a line about an electrician's work: its trade, its installations
    ELECTRICAL: frozenset(
        """electrician electricians electrical electrics rewire rewires rewiring wiring circuit
        circuits sockets fuseboard fuseboards niceic eicr eicrs""".split()
    ),
    # words of a line about a farm's livestock
    FARM: frozenset(
        """farm farms farmer dairy cow cows cattle herd herds calf calves heifers goat goats
        sheep ewes livestock parlour""".split()
    ),
    # the other programs of an office suite, beside which "Word" is Microsoft Word ("Word and
    # Excel", "Word, Excel and Outlook"; ESCO writes "Microsoft Word", and "Word" alone is an
    # ordinary word: `indexing.aliases`)
    OFFICE_SUITE: frozenset("excel outlook powerpoint onenote sharepoint ms office".split()),
    CHILDREN: CHILDREN_WORDS,  # a line about young children (indexing.employer_words)
    MOTOR: MOTOR_WORDS,  # a line about motor vehicles' repair (indexing.learner_words16)
    VEHICLE: VEHICLE_WORDS,  # a line that names a road vehicle or its engine
    PROPERTY: PROPERTY_WORDS,  # a line about lettings
    CLEANROOM: CLEANROOM_WORDS,  # a line about a cleanroom's work
    CALL_CENTRE: CALL_CENTRE_WORDS,  # a line about a call centre (indexing.learner_words18)
    # computing devices and words an IT support line uses beside the technology cues
    TECHNOLOGY: CUE_WORDS
    | frozenset(
        """laptop laptops pc pcs desktop desktops server servers network networks wifi
        password passwords router routers modem modems broadband microsoft o365 m365""".split()
    ),
}
_BARCODE = ("use barcode scanning equipment",)
_ICT_TROUBLESHOOTING = ("perform ICT troubleshooting",)
_OFFICE_EQUIPMENT = ("set up office equipment",)  # ESCO: "modems, scanners and printers"
_FILING = ("file documents", "perform clerical duties")  # ESCO: "tasks such as filing"
# ESCO: support with "hygiene, comfort, mobilisation and feeding" (health) and with "eating,
# mobility, personal care, ... dressing" (social care), as TRADE_ALIASES' "wash and dress"
_PERSONAL_CARE = (
    "provide basic support to patients",
    "encourage social service users to preserve their independence in their daily activities",
)
_CARE_RECORDS = ("maintain records of work with service users",)
# a kitchen's cooking stations and the techniques ESCO's "use cooking techniques" lists
# ("grilling, frying, boiling, braising, poaching, baking or roasting"); a barbecue sold in a
# garden centre or a poaching charge is no cooking
_COOKING = ("use cooking techniques",)
# a hairdresser's "cutting" (ESCO "apply hair cutting techniques": "the process of cutting a
# person's hair"), a barber's fades and clippers ("use tools to cut, trim or shave hair, such
# as scissors, clippers", ESCO "use equipment for hair care"), "styling" (ESCO "style hair"),
# "colouring" (ESCO "dye hair": "dye hair using a special solution to change its colour")
_HAIR_TOOLS = ("use equipment for hair care",)
# a user's account on an ICT system: "manage user authentication, privileges and access
# rights to ICT systems" (ESCO "use access control software"), not a finance's "manage accounts"
_USER_ACCOUNTS = ("use access control software",)
# Microsoft's office suite by its subscription's names (ESCO "use microsoft office"; O*NET's
# "Microsoft Office software" is read from it by its vector); its accounts set up are an IT
# line's user accounts
_OFFICE_SUITE = ("use microsoft office",)
# accounting packages (ESCO "use accounting systems"); "sage" is also a herb, so it counts in a
# line about a business's books
_ACCOUNTING = ("use accounting systems",)
# the polymerase chain reaction, a laboratory's test (ESCO "perform laboratory tests",
# "laboratory techniques")
_LAB = ("perform laboratory tests", "laboratory techniques")
# a programmer's unit tests (ESCO "perform software unit testing"), no electronics' *test
# electronic units*
_UNIT_TESTS = ("perform software unit testing",)
# a soldier signaller works the radios (ESCO "operate radio equipment", "relay messages through
# radio and telephone systems"), no crane's banksman (*guide operation of heavy construction
# equipment*: "act as signaller")
_SIGNALS = ("operate radio equipment", "relay messages through radio and telephone systems")
# an electrician's testing and inspection of an installation (ESCO "test electrical
# equipment", "inspect electrical supplies"), no factory's *quality assurance procedures*
_ELECTRICAL_TESTS = ("test electrical equipment", "inspect electrical supplies")
# alias -> (context, the ESCO skills it names there)
CONTEXT_ALIASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "scanner": (STOCK, _BARCODE),
    "scanners": (STOCK, _BARCODE),
    "scanning": (STOCK, _BARCODE),
    "troubleshooting": (TECHNOLOGY, _ICT_TROUBLESHOOTING),
    "troubleshoot": (TECHNOLOGY, _ICT_TROUBLESHOOTING),
    "printers": (TECHNOLOGY, _OFFICE_EQUIPMENT),
    "printer": (TECHNOLOGY, _OFFICE_EQUIPMENT),
    "filing": (OFFICE, _FILING),
    "personal care": (CARE, _PERSONAL_CARE),
    # a carer's "support people with dementia": daily living, not ESCO's "support people" of
    # *mentor individuals* (a mentor's guidance)
    "support people": (CARE, _PERSONAL_CARE),
    "supporting people": (CARE, _PERSONAL_CARE),
    "daily notes": (CARE, _CARE_RECORDS),  # a carer's notes of each visit
    "care notes": (CARE, _CARE_RECORDS),
    "grill": (KITCHEN, _COOKING),
    "grills": (KITCHEN, _COOKING),
    "griddle": (KITCHEN, _COOKING),
    "fryer": (KITCHEN, _COOKING),
    "fryers": (KITCHEN, _COOKING),
    "grilling": (KITCHEN, _COOKING),
    "frying": (KITCHEN, _COOKING),
    "braising": (KITCHEN, _COOKING),
    "poaching": (KITCHEN, _COOKING),
    "cutting": (HAIR, HAIR_CUTTING),
    "fades": (HAIR, HAIR_CUTTING),
    "skin fade": (HAIR, HAIR_CUTTING),
    "skin fades": (HAIR, HAIR_CUTTING),
    "clippers": (HAIR, _HAIR_TOOLS),
    "clipper": (HAIR, _HAIR_TOOLS),
    "styling": (HAIR, ("style hair",)),
    "colouring": (HAIR, ("dye hair",)),
    "coloring": (HAIR, ("dye hair",)),
    "user account": (TECHNOLOGY, _USER_ACCOUNTS),
    "user accounts": (TECHNOLOGY, _USER_ACCOUNTS),
    "user account management": (TECHNOLOGY, _USER_ACCOUNTS),
    "Sage": (ACCOUNTS, _ACCOUNTING),
    **dict.fromkeys(("unit test", "unit tests", "unit testing"), (TECHNOLOGY, _UNIT_TESTS)),
    **dict.fromkeys(("signaller", "signallers", "signaler"), (MILITARY, _SIGNALS)),
    **dict.fromkeys(
        (
            "testing and inspection",
            "inspection and testing",
            "testing and inspecting",
            "inspecting and testing",
            "test and inspect",
            "inspect and test",
        ),
        (ELECTRICAL, _ELECTRICAL_TESTS),
    ),
    "milking": (FARM, ("milk animals",)),  # ESCO "milk animals": "milk cows and other ..."
    "Word": (OFFICE_SUITE, ("Microsoft Word",)),
    **EMPLOYER_CONTEXT_ALIASES,
    **ROUND16_CONTEXT_ALIASES,
    **ROUND17_CONTEXT_ALIASES,
    **ROUND19_CONTEXT_ALIASES,
}
# named tools and tests that read the same in any line (beside indexing.trade_aliases.TRADE_ALIASES)
NAMED_TOOLS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("Office 365", "Microsoft 365", "O365", "M365"), _OFFICE_SUITE),
    **{f"{a} accounts": _OFFICE_SUITE + _USER_ACCOUNTS for a in ("Office 365", "O365")},
    "Xero": _ACCOUNTING,
    "QuickBooks": _ACCOUNTING,
    "PCR": _LAB,
}


def curated_aliases() -> dict[str, tuple[str, ...]]:
    """Every curated alias -> the skills it names: the trade words and the words of a context."""
    contextual = {a: skills for a, (_, skills) in CONTEXT_ALIASES.items()}
    return {
        **TRADE_ALIASES,
        **PAPER_ALIASES,
        **DUTY_ALIASES,
        **EMPLOYER_ALIASES,
        **ROUND16_ALIASES,
        **ROUND17_ALIASES,
        **NAMED_TOOLS,
        **contextual,
    }


def alias_contexts() -> dict[str, str]:
    """Curated alias -> the context it needs (those of CONTEXT_ALIASES)."""
    return {alias: context for alias, (context, _) in CONTEXT_ALIASES.items()}


def has_context(text: str, context: str, own: tuple[int, int] = (0, 0)) -> bool:
    """Does `text` have a word of `context` (for technology, also an acronym cue: "IT") outside
    the alias's `own` (start, end)? Any text has the empty context. (Of one alias: for many
    aliases of one text, `ContextWords`.)"""
    if not context:
        return True
    words = CONTEXTS[context]
    for start, end, tok in tokens(text):
        if own[0] <= start and end <= own[1] and own[0] < own[1]:
            continue
        if tok in words or (context == TECHNOLOGY and text[start:end] in CUE_ACRONYMS):
            return True
    return False


class ContextWords:
    """The words of each context in one text, found once: `has` answers `has_context` for any
    alias of the text in log time (asked of each of a long sentence's many curated words, a
    scan of the text each was quadratic)."""

    def __init__(self, text: str) -> None:
        self._spans: dict[str, list[tuple[int, int]]] = {}  # context -> its words, in order
        for start, end, tok in tokens(text):
            for context, words in CONTEXTS.items():
                cue = context == TECHNOLOGY and text[start:end] in CUE_ACRONYMS
                if tok in words or cue:
                    self._spans.setdefault(context, []).append((start, end))
        self._starts = {c: [a for a, _ in v] for c, v in self._spans.items()}
        self._ends = {c: [b for _, b in v] for c, v in self._spans.items()}

    def has(self, context: str, own: tuple[int, int] = (0, 0)) -> bool:
        """Is a word of `context` in the text outside `own` (start, end)?"""
        if not context:
            return True
        n = len(self._spans.get(context, ()))
        if n == 0 or own[0] >= own[1]:
            return n > 0
        # the words are in order and do not overlap: those within `own` are one run of them
        inside = bisect_right(self._ends[context], own[1]) - bisect_left(
            self._starts[context], own[0]
        )
        return n - max(0, inside) > 0
