"""Verb-object rules of the twelfth round (docs/quality.md): `TRADE_PAIRS`, those of the
fourteenth (`SERVICE_PAIRS`) and the fifteenth (`ROUND15_PAIRS`: a business's social media run,
data keyed in, prescriptions taken in, meals served, cards dealt, viewings done, PCs set up,
network problems fixed), and `PAIRS`, every rule extraction reads
(`indexing.word_pairs.WORD_PAIRS`, these and `indexing.duty_pairs.DUTY_PAIRS`).

The same kind of rule as `indexing.word_pairs` (a first word and its object, or a noun
compound), for words of trades the earlier rounds did not read: a bookkeeper's bank
reconciliations, VAT returns and books, a credit controller's chased invoices, a carer's
medication rounds, a police officer's suspects interviewed and case files, a soldier's section
led, an electrician's cables pulled, a kennel's dogs exercised, a shop's stock rotated, a market
stall, an IT line's accounts set up. A hit owns its words, so the words read alone no other
skill ("bank" is no *economics*, "invoices" chased no *issue sales invoices*, "rotating stock"
no *manage stock rotation*).
"""

from __future__ import annotations

from indexing.duty_pairs import DUTY_PAIRS
from indexing.employer_words import EMPLOYER_PAIRS
from indexing.learner_words16 import ROUND16_PAIRS
from indexing.learner_words17 import ROUND17_PAIRS
from indexing.learner_words18 import ROUND18_PAIRS
from indexing.learner_words19 import ROUND19_PAIRS
from indexing.word_pairs import WORD_PAIRS, WordPair

_MEDICATION = ("administer prescribed medication",)
_RECEIVABLES = ("follow up accounts receivables",)
_TROOPS = ("lead military troops", "lead a team")
_ANIMALS = "animal dog cat pet puppy horse pony"
_PRODUCE = "fruit veg vegetable flower plant produce"
# which people were interviewed: "interviewing the suspects", "key witnesses" (not "interview
# questions for suspects")
_WHICH = frozenset("the a an and key potential possible young vulnerable several".split())
# whose books are kept: "keeping the books", "do the club's books" (not "kept a log book")
_OWNERS = frozenset(
    "the my our their his her own company's firm's club's business's shop's charity's".split()
)
# whose families were supported: "supporting the families", "residents and their families"
# (not "supported the team with family events")
_WHOSE = frozenset(
    """the their our local young vulnerable bereaved grieving foster resident residents patient
    patients client clients child children pupil pupils and""".split()
)
TRADE_PAIRS: tuple[WordPair, ...] = (
    # a bank reconciliation: the books matched to the bank's statement (ESCO "maintain financial
    # records": "keep track of ... the financial transactions"; "identify accounting errors":
    # "revise the accuracy of the records, and determine the faults")
    WordPair.of(
        "bank", "reconciliation rec", ("maintain financial records", "identify accounting errors")
    ),
    WordPair.of(
        "reconcile",
        "bank account statement",
        ("maintain financial records", "identify accounting errors"),
    ),
    # VAT or tax returns done (ESCO "prepare tax returns forms"); a shop's returns are others
    WordPair.of("vat tax", "return", ("prepare tax returns forms",)),
    # the books kept (ESCO "maintain financial records")
    WordPair.of("keep do", "book", ("maintain financial records",), head=True, between=_OWNERS),
    # invoices or payments chased: a credit controller's receivables ("take actions in order to
    # close the accounts and collect the money", ESCO "follow up accounts receivables"); walls
    # chased are an electrician's
    WordPair.of("chase", "invoice payment debt debtor arrears", _RECEIVABLES),
    # a carer's or a nurse's medication round (ESCO "administer prescribed medication"), and
    # another's medication ("her medication" of an unpaid carer: "my medication" is the writer's)
    WordPair.of("medication medicine med drug", "round", _MEDICATION),
    WordPair.of("her his their", "medication medicine med", _MEDICATION),
    # suspects or witnesses interviewed (ESCO "interview people"), a police line's case files
    # (ESCO "document evidence": "ensure that no piece of evidence is left out of the case")
    WordPair.of(
        "interview",
        "suspect witness victim offender detainee prisoner",
        ("interview people",),
        between=_WHICH,
    ),
    WordPair.of("case", "file", ("document evidence",), "police"),
    # soldiers led (ESCO "lead military troops"; a group led is ESCO "lead a team"), a section's
    # commander in a line about the forces
    WordPair.of("lead command", "soldier troop men marine", _TROOPS),
    WordPair.of("commander", "section platoon troop squad", _TROOPS, "military"),
    # cables pulled or run (ESCO "install low voltage wiring": IEC's low voltage, a building's)
    WordPair.of("pull run lay", "cable cabling wiring", ("install low voltage wiring",)),
    # animals exercised (ESCO "implement exercise activities for animals")
    WordPair.of("exercise", _ANIMALS, ("implement exercise activities for animals",)),
    # stock rotated (ESCO "carry out stock rotation": "repositioning of ... products with an
    # earlier sell-by date to the front of a shelf"), not managing a rotation
    WordPair.of("rotate", "stock", ("carry out stock rotation",)),
    # a market stall (ESCO's market vendor: "assist customers"), no trading floor's market
    WordPair.of("market", "stall", ("assist customers",)),
    WordPair.of("sell", _PRODUCE, ("sell products",)),
    # an IT line's accounts set up: "manage user authentication, privileges and access rights"
    # (ESCO "use access control software"), not a bank's "create banking accounts"
    WordPair.of("set create add", "account", ("use access control software",), "technology"),
    # words of a whole CV (a second round, docs/quality.md): bank holidays worked are hours
    # kept, no bank's (ESCO "perform services in a flexible manner": "adapt service approach
    # when circumstances change"); a purchase or sales ledger kept is a bookkeeper's records,
    # no general ledger managed; families supported are a carer's or a social worker's ("empower
    # individuals, families and groups"), no therapist's *family therapy*
    WordPair.of("bank", "holiday", ("perform services in a flexible manner",)),
    WordPair.of("purchase sales sale", "ledger", ("maintain financial records",)),
    # a supplier's invoices processed are the books' (purchase ledger), none issued
    WordPair.of("purchase supplier", "invoice", ("maintain financial records",)),
    WordPair.of("support", "family", ("empower individuals, families and groups",), between=_WHOSE),
)
# words of a fourteenth round (docs/quality.md): a rep's services sold ("selling printing
# services": ESCO "sell services", no *printed goods processes*), a barista's coffees made (as
# `indexing.aliases`' "making coffee"), a hairdresser's chair rented (a self-employed stylist:
# ESCO "work independently", no *leasing process*)
_COFFEES = "latte cappuccino espresso americano mocha macchiato frappe frappuccino"
SERVICE_PAIRS: tuple[WordPair, ...] = (
    WordPair.of("sell", "service", ("sell services",)),
    WordPair.of(
        "make prepare pour serve", _COFFEES, ("prepare hot drinks", "prepare specialised coffee")
    ),
    WordPair.of("rent hire", "chair", ("work independently",), "hair"),
)
_A_GAME = frozenset("the a at".split())  # "dealing blackjack", not "deal with card payments"
_COMPUTERS = "pc pcs laptop computer desktop workstation"
_PLATFORMS = "instagram facebook tiktok twitter youtube"
_SOCIAL_MEDIA = ("apply social media marketing",)
_DATA_ENTRY = ("process data",)
ROUND15_PAIRS: tuple[WordPair, ...] = (
    # a salon's, a cafe's social media run or posted on (ESCO "apply social media marketing":
    # "employ the website traffic of social media such as Facebook and Twitter"): "running the
    # salon's Instagram page", "posting on our social media"; an "Instagram page" kept
    WordPair.of("run manage post update", f"{_PLATFORMS} media", _SOCIAL_MEDIA),
    WordPair.of("page account feed channel profile", _PLATFORMS, _SOCIAL_MEDIA),
    # data keyed in (ESCO "process data": "enter information into a data storage ... via
    # processes such as scanning, manual keying"): "data entry", "inputting orders"
    WordPair.of("entry", "data", _DATA_ENTRY),
    WordPair.of("input", "data order invoice record detail", _DATA_ENTRY),
    # a pharmacy counter's prescriptions taken in (ESCO "check information on prescriptions":
    # "from customers or medical staff, ensuring it is accurate and complete")
    WordPair.of(
        "take receive collect", "prescription script", ("check information on prescriptions",)
    ),
    # meals served: "serving hot meals to the children", "served lunches"
    WordPair.of("serve", "meal lunch dinner breakfast", ("serve food in table service",)),
    # a croupier's games dealt (ESCO "deal cards")
    WordPair.of("deal", "card blackjack poker baccarat", ("deal cards",), between=_A_GAME),
    # an estate agent's viewings done (ESCO "organise property viewing")
    WordPair.of(
        "do doing did conduct arrange book hold", "viewings", ("organise property viewing",)
    ),
    # a computer set up (ESCO "install software"); a network's problems fixed (ESCO "perform ICT
    # troubleshooting": "identify problems with ... networks")
    WordPair.of("set install configure build", _COMPUTERS, ("install software",)),
    WordPair.of(
        "fix solve resolve troubleshoot sort",
        "network wifi internet connection connectivity broadband",
        ("perform ICT troubleshooting",),
    ),
)
PAIRS: tuple[WordPair, ...] = (
    WORD_PAIRS
    + TRADE_PAIRS
    + SERVICE_PAIRS
    + ROUND15_PAIRS
    + DUTY_PAIRS
    + EMPLOYER_PAIRS
    + ROUND16_PAIRS
    + ROUND17_PAIRS
    + ROUND18_PAIRS
    + ROUND19_PAIRS
)
