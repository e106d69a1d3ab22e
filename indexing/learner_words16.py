"""A learner's words, a sixteenth round (docs/quality.md): verb-object rules (`ROUND16_PAIRS`),
curated words (`ROUND16_ALIASES`), words of a context (`ROUND16_CONTEXT_ALIASES`, with the
contexts `MOTOR`, `PROPERTY` and `CLEANROOM`) and idioms whose words name no skill (`IDIOMS`).

The same kinds of rule as `indexing.employer_words`, for the words of a garage, the forces, a
warehouse, a kitchen, a lettings office, a site, a shop and a cleanroom that read nothing or
another trade's work:

- in a line about motor vehicles (`MOTOR`), tyres are *replace tyres* (the bare word read only
  *sell tyres*, a shop's) and brakes *maintain braking system*; tyres fitted, changed or
  replaced are the same anywhere, punctures repaired *apply rubber patches*; the MOT (the UK's
  yearly roadworthiness test) *perform vehicle tests* ("test, inspect and maintain vehicles");
- radios run or operated are *operate radio equipment*, and in a line about the forces the
  Signals (the corps of communications) what ESCO's soldier signaller does;
- a shift led (`indexing.duty_pairs`) is read where a number follows the comma after it ("Led
  the night shift, 6 staff": the number was taken for a time, as "worked till 10":
  `pair_search._ends_phrase`);
- a WMS is *use a warehouse management system*; pick rates monitored are *evaluate employees
  work* ("evaluate the performance of the team of workers");
- the pass run in a kitchen (where the dishes are checked and the service called) is *ensure
  food quality* and *instruct kitchen personnel* ("support ... during the service");
- in a line about lettings (`PROPERTY`), viewings are *organise property viewing*; tenancy
  files kept *maintain professional records*;
- toolbox talks (a site's short safety briefings) are *instruct on safety measures*; walkaround
  checks (a driver's or plant operator's check before use) *conduct routine machinery checks*
  and *ensure vehicle operability* ("keep the vehicle ... in roadworthy condition");
- replenishment is *stock shelves*; price changes in a shop *put up price tags*;
- a cleanroom (or, in a line about a lab or sterile production, `CLEANROOM`, a "clean room")
  is where *wear cleanroom suit* holds (not a hotel's *clean rooms*); catheters, cannulas and
  other devices assembled *manufacture medical devices*;
- a food bank is *provide charity services* ("providing food and shelter");
- "word of mouth" is no Microsoft Word, and "the cost of living" no *control of expenses*
  (`IDIOMS`: read like a workplace's words, `indexing.aliases.place_spans`, and no verb-object
  rule ends in one: `AliasMatcher._pair_hits`); nor does one end in "a clean room" (`THINGS`:
  it was *clean rooms*, a room cleaned).

A hit is a curated alias: it names its skills, is kept at the unit's floor and owns its words.
"""

from __future__ import annotations

from indexing.word_pairs import WordPair

MOTOR = "motor"  # contexts of `indexing.context_aliases.CONTEXTS`
PROPERTY = "property"
CLEANROOM = "cleanroom"
KITCHEN = "kitchen"  # (the same name as there: this module is imported by it)
MILITARY = "military"
# words of a line about repairing motor vehicles: the trade, its workshops, the parts it fixes
# (not "car" or "van": "Selling tyres and car parts" fits none)
MOTOR_WORDS = frozenset(
    """mechanic mechanics garage garages workshop servicing tyre tyres tire tires brake brakes
    clutch clutches exhaust exhausts mot mots""".split()
)
# words of a line that names a road vehicle or its engine (a garage's "diagnostics": not a gas
# engineer's "boiler servicing and fault diagnostics", a PC workshop's, a lift's)
VEHICLE = "vehicle"
VEHICLE_WORDS = frozenset(
    """car cars vehicle vehicles van vans lorry lorries truck trucks hgv hgvs lgv lgvs engine
    engines garage garages mot mots motorcycle motorcycles motorbike motorbikes""".split()
)
# words of a line about letting homes: tenants, landlords, their tenancies
PROPERTY_WORDS = frozenset(
    """lettings letting tenant tenants tenancy tenancies landlord landlords rental rentals rent
    rents lease leases property properties""".split()
)
# words of a line about work in a cleanroom (a lab's, a sterile production's)
CLEANROOM_WORDS = frozenset(
    """cleanroom cleanrooms sterile aseptic gowning gowned lab labs laboratory assembly
    assembling assembler operator operators technician technicians manufacturing production
    pharmaceutical pharmaceuticals semiconductor semiconductors wafer wafers device devices
    catheter catheters""".split()
)
_TYRES = ("replace tyres",)
_VEHICLE_DIAGNOSIS = ("diagnose problems with vehicles", "use automotive diagnostic equipment")
_RADIO = ("operate radio equipment",)
_SIGNALS = ("operate radio equipment", "relay messages through radio and telephone systems")
_PASS = ("ensure food quality", "instruct kitchen personnel")
_DEVICES = "catheter cannula stent syringe inhaler implant valve"
ROUND16_PAIRS: tuple[WordPair, ...] = (
    WordPair.of("fit change replace swap", "tyre tire", _TYRES),
    WordPair.of("repair fix mend patch", "puncture", ("apply rubber patches",)),
    WordPair.of("run operate man set", "radio radios", _RADIO),
    # a picker's or a team's rate, not any rate ("the rate of infection", "staff rates of pay",
    # "rates with suppliers" read nothing)
    WordPair.of("pick picking team's", "rate", ("evaluate employees work",)),
    WordPair.of("run", "pass", _PASS, KITCHEN, head=True, between=frozenset({"the"})),
    WordPair.of("tenancy", "file record", ("maintain professional records",)),
    WordPair.of("assemble build make", _DEVICES, ("manufacture medical devices",)),
    WordPair.of("price", "change", ("put up price tags",), "stock"),
)

_SAFETY_TALKS = ("instruct on safety measures",)
_CHECKS = ("conduct routine machinery checks", "ensure vehicle operability")
_CLEANROOM_SUIT = ("wear cleanroom suit",)
ROUND16_ALIASES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("MOT", "MOTs"), ("perform vehicle tests",)),
    "WMS": ("use a warehouse management system",),
    **dict.fromkeys(("toolbox talk", "toolbox talks", "tool box talks"), _SAFETY_TALKS),
    **dict.fromkeys(
        ("walkaround check", "walkaround checks", "walk-around checks", "walk round checks"),
        _CHECKS,
    ),
    "replenishment": ("stock shelves",),
    **dict.fromkeys(("cleanroom", "cleanrooms"), _CLEANROOM_SUIT),
    **dict.fromkeys(("food bank", "foodbank"), ("provide charity services",)),
}
# alias -> (context, the ESCO skills it names there)
ROUND16_CONTEXT_ALIASES: dict[str, tuple[str, tuple[str, ...]]] = {
    **dict.fromkeys(("tyres", "tyre", "tires"), (MOTOR, _TYRES)),
    **dict.fromkeys(("brakes", "brake"), (MOTOR, ("maintain braking system",))),
    # a vehicle's diagnostics (was *interpret findings from medical examinations*)
    **dict.fromkeys(("diagnostics", "diagnostic"), (VEHICLE, _VEHICLE_DIAGNOSIS)),
    **dict.fromkeys(("viewings", "viewing"), (PROPERTY, ("organise property viewing",))),
    **dict.fromkeys(("signals", "Signals"), (MILITARY, _SIGNALS)),
    # ESCO's "clean room" is an alternative label of a hotel's *clean rooms*: in a line about a
    # lab or a sterile production it is a cleanroom, and the word of a context owns its words
    "clean room": (CLEANROOM, _CLEANROOM_SUIT),
}
# phrases whose words name no skill: not Word's "word", not expenses' "cost"
IDIOMS = ("word of mouth", "cost of living")
# phrases that name a thing, not a thing done: no verb-object rule ends in them ("worked in a
# clean room" cleaned no room), but their words may name a skill (*wear cleanroom suit*)
THINGS = ("a clean room", "the clean room", "a clean-room", "the clean-room")
