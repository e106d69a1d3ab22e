"""Curated trade words.

`TRADE_ALIASES` is a short curated list of trade words and abbreviations that people write on a
CV or a job ad and that the taxonomy does not name (a small model does not know them either):
licence classes ("HGV"), shop and care jargon ("tills", "rotas", "bloods"), safety acronyms
("COSHH"). Each maps to the ESCO skills a careers adviser records for it. A curated alias found
in a text names its skills (kind "curated"): `indexing.extract` keeps them without the score
floors. Add a word only when it has one reading in a CV line (not "till", a preposition; not
"admin", also a system administrator) and its skills are what the word means, not what usually
goes with it.

A hit is of the kind `indexing.aliases.CURATED`; `indexing.context_aliases.curated_aliases`
gathers these with the other curated words."""

from __future__ import annotations

_HEAVY_GOODS = ("manoeuvre heavy trucks", "drive vehicles")  # UK licence classes of lorries
_SHIFTS = ("schedule shifts", "plan shifts of employees")
_BARCODE = ("use barcode scanning equipment",)
_DAILY_LIVING = (
    "provide basic support to patients",
    "encourage social service users to preserve their independence in their daily activities",
)
_CARE_RECORDS = ("manage healthcare users' data",)
_PAYMENTS = ("process payments", "operate cash register")
TRADE_ALIASES: dict[str, tuple[str, ...]] = {
    # driving and warehouse
    "HGV": _HEAVY_GOODS,
    "LGV": _HEAVY_GOODS,
    "FLT": ("operate forklift",),  # forklift truck
    # a warehouse's scanner reads barcodes ("operate scanner" is ESCO's prepress image scanner)
    "handheld scanner": _BARCODE,
    "handheld scanners": _BARCODE,
    "barcode scanner": _BARCODE,
    "barcode scanners": _BARCODE,
    "RF scanner": _BARCODE,
    "RF scanners": _BARCODE,
    # a warehouse's order work: picking goods for an order and packing them
    "picking and packing": ("pick orders for dispatching", "pack goods"),
    "pick and pack": ("pick orders for dispatching", "pack goods"),
    "packing orders": ("pack goods",),
    "picking orders": ("pick orders for dispatching",),
    "pick orders": ("pick orders for dispatching",),
    # loading a vehicle ("loading lorries", "load vans") is the verb-object rule load + van /
    # lorry / truck (indexing.word_pairs), which reads the same skills in every form
    # ordering a shop's or salon's stock from its suppliers (ESCO's "order stock" is a label of
    # "arrange ordering of products for customers")
    "ordering stock": ("order supplies",),
    "stock ordering": ("order supplies",),
    "order stock": ("order supplies",),
    # a kitchen porter's washing up is the dishes (was "wash the laundry")
    "washing up": ("wash the dishes",),
    # a van driver's round: driving and the parcels it delivers (not "organise mail deliveries")
    "van deliveries": ("drive vehicles", "handle delivered packages"),
    "van delivery": ("drive vehicles", "handle delivered packages"),
    "multi-drop": ("drive vehicles", "handle delivered packages"),
    # office work: the post sorted, letters typed, copies made
    "sorting the post": ("handle mail",),
    "sorting post": ("handle mail",),
    "sorting the mail": ("handle mail",),
    "sorting mail": ("handle mail",),
    "typing letters": ("type error-free documents",),
    "typing up letters": ("type error-free documents",),
    "typing up reports": ("type error-free documents",),
    "photocopying": ("perform clerical duties",),
    # shop floor and hospitality
    "tills": ("operate cash register",),
    "EPOS": ("operate cash register", "operate electronic payment terminals"),
    "cashing up": ("count money",),
    # a shop's or a bar's cash is taken at the till (was *handle cash flow*, a finance skill)
    "handling cash": _PAYMENTS,
    "cash handling": _PAYMENTS,
    "handled cash": _PAYMENTS,
    "handle cash": _PAYMENTS,  # a posting's duty (was *handle cash flow*)
    "cashier": _PAYMENTS,  # the job at the till (was *monitor cashiers*); not "cashiers"
    "checkout operator": _PAYMENTS,  # a supermarket's cashier (round jobs-17)
    # a refuse collector's round: the bins emptied into the lorry
    "bin man": ("empty community waste collection bins",),
    "bin men": ("empty community waste collection bins",),
    "refuse round": ("empty community waste collection bins",),
    "at the checkout": ("operate cash register",),  # a supermarket's till
    "on the checkout": ("operate cash register",),
    "on the checkouts": ("operate cash register",),
    "on checkouts": ("operate cash register",),
    # a lifeguard's work: "life-save bathers" (ESCO "rescue bathers", a pool's or a beach's)
    "lifeguard": ("rescue bathers",),
    # a beauty therapist's treatments (was *cosmetics*, the products)
    "facials": ("perform facial treatment",),
    # a guard's rounds (was *coordinate patrols*, arranging them)
    "patrols": ("patrol areas",),
    "patrolling": ("patrol areas",),
    "on patrol": ("patrol areas",),  # "Security guard on patrol"
    "rota": _SHIFTS,
    "rotas": _SHIFTS,
    "rostering": _SHIFTS,
    "diary management": ("administer appointments",),  # a PA's or receptionist's diary
    "answering phones": ("answer incoming calls",),
    "answering the phone": ("answer incoming calls",),
    "answering the phones": ("answer incoming calls",),
    "answering calls": ("answer incoming calls",),
    # a barista's coffee is made for customers, not roasted
    "making coffee": ("prepare hot drinks", "prepare specialised coffee"),
    "making coffees": ("prepare hot drinks", "prepare specialised coffee"),
    # a cleaner's UK word for vacuuming (the brand as a verb)
    "hoovering": ("vacuum surfaces",),
    "hoovered": ("vacuum surfaces",),
    # trades and safety
    "rewiring": ("repair wiring",),
    "rewire": ("repair wiring",),
    "PAT testing": ("test electrical equipment",),  # portable appliance testing
    "COSHH": ("follow procedures to control substances hazardous to health",),
    "PPE": ("use personal protection equipment",),
    "HACCP": ("apply HACCP",),
    # care, health and schools
    "bloods": ("take blood samples",),  # "taking bloods"
    "meds": ("administer prescribed medication",),
    "SEN": ("special needs education",),  # special educational needs (and disabilities)
    "SEND": ("special needs education",),
    # UK care training: moving people safely (bed, chair, hoist); "manual handling" is of loads
    "moving and handling": ("transfer patients",),
    "manual handling": ("lift heavy weights",),
    # a carer helping people wash and dress, the activities of daily living: ESCO's support with
    # "hygiene, comfort, mobilisation and feeding" (health) and with "eating, mobility, personal
    # care, ... dressing" (social care); punctuation does not count ("wash, dress" is "wash
    # dress")
    "wash and dress": _DAILY_LIVING,
    "washing and dressing": _DAILY_LIVING,
    "wash dress": _DAILY_LIVING,
    "washing dressing": _DAILY_LIVING,
    "activities of daily living": _DAILY_LIVING,
    # a care record of what a resident drinks and passes (a fluid balance chart)
    "fluid chart": _CARE_RECORDS,
    "fluid charts": _CARE_RECORDS,
    "fluid balance chart": _CARE_RECORDS,
    "fluid balance charts": _CARE_RECORDS,
}
