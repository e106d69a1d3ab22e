"""A learner's words, a seventeenth round (docs/quality.md): verb-object rules
(`ROUND17_PAIRS`) and curated words (`ROUND17_ALIASES`) of a call centre, a kitchen, a ledger
clerk, a bank's counter and a furniture van that read nothing or another trade's work (the
words another trade owns: `indexing.unsaid`):

- complaints handled or dealt with are *handle customer complaints* (ESCO: "administer
  complaints and negative feedback from customers"): "handling complaints and account queries"
  read only the queries (the queries' rule owned the complaints' word);
- veg prepped, prepared, chopped or peeled is *prepare vegetable products for use in a dish*;
- sales targets (hit, met, beaten) are *achieve sales targets* ("reach set sales goals");
- reconciliations (a supplier statement's, an account's; in a line about a business's books,
  `ACCOUNTS`, any) read as a bank's (*maintain financial records*, *identify accounting
  errors*); three-way matching (an order, its delivery note and its invoice) is *check
  accounting records* ("ensure that the accounting information reflects with accuracy the
  financial transactions"), as are purchase invoices, or invoices processed or matched in a
  line about the books (received and paid, not issued: `indexing.unsaid`);
- flat-pack (furniture sold in parts) assembled is *assemble prefabricated furniture* (not
  flat-pack delivered, picked or sold);
- a bank counter's deposits and withdrawals are *handle financial transactions* ("administer
  ... deposits").

A hit is a curated alias: it names its skills, is kept at the unit's floor and owns its words.
"""

from __future__ import annotations

from indexing.word_pairs import WordPair

_COMPLAINTS = ("handle customer complaints",)
_VEG = ("prepare vegetable products for use in a dish",)
_RECORDS = ("check accounting records",)
_FLAT_PACK = ("assemble prefabricated furniture",)
_TRANSACTIONS = ("handle financial transactions",)
_RECONCILED = ("maintain financial records", "identify accounting errors")  # as a bank's
ACCOUNTS = "accounts"  # the context of `indexing.context_aliases.CONTEXTS`
ROUND17_PAIRS: tuple[WordPair, ...] = (
    WordPair.of("handle deal investigate", "complaint", _COMPLAINTS),
    WordPair.of("prep prepare chop peel dice", "veg vegetable veggie", _VEG),
    WordPair.of("sales", "target", ("achieve sales targets",)),
    WordPair.of("statement supplier account", "reconciliation rec", _RECONCILED),
    WordPair.of("process match post check", "invoice", _RECORDS, ACCOUNTS),
    # flat-pack assembled, not delivered, picked or sold (review)
    # ("flat-pack" is read as its words "flat" and "pack")
    WordPair.of("assemble", "pack flatpack furniture wardrobe", _FLAT_PACK),
)

ROUND17_ALIASES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("three-way matching", "three way matching", "3-way matching", "purchase invoices"),
        _RECORDS,
    ),
    **dict.fromkeys(
        ("deposits and withdrawals", "deposits, withdrawals", "cash withdrawals"), _TRANSACTIONS
    ),
    **dict.fromkeys(("flat-pack assembly", "flatpack assembly", "flat pack assembly"), _FLAT_PACK),
}
# alias -> (context, the ESCO skills it names there): reconciliations in a line about a
# business's books (a church's or a family's reconciliation is none)
ROUND17_CONTEXT_ALIASES: dict[str, tuple[str, tuple[str, ...]]] = dict.fromkeys(
    ("reconciliation", "reconciliations", "reconciling"), (ACCOUNTS, _RECONCILED)
)
