"""A verb and its object, in any form a CV writes them: `WORD_PAIRS`, `find_pairs`.

A learner writes what they did with their own verbs and nouns, inflected ("I fix laptops",
"fixed the office PCs", "password resets", "changing nappies", "van driver"); ESCO names the
same work with other words ("repair ICT devices", "provide ICT support") and the small model
does not join them (cosine 0.2-0.7, far under extraction's floors). A rule here reads a verb
(or a modifier) and its object as a skill: its first words followed by one of its second words
in the same clause (at most `MAX_GAP` words between, no , ; : . ( ) between them: "fix laptops
and printers", "fixing the staff's laptops", except the commas of a list of verbs that share the
object: "cutting, colouring and styling hair"), or a second word just before a first word (a
noun compound: "password resets", "nappy changing", "route planning"). Both sides are compared
as lemmas (`lemma`: "fixing", "fixed", "fixes" are "fix"; "laptops" is "laptop"), so one rule
reads every inflection and every object of its list, not one phrase.

Each rule's skills are what ESCO's own description lists for its words: "repair ICT devices"
("laptops, desktops, tablets, ... printers"), "provide ICT support" ("password resets"), "attend
to children's basic physical needs" ("changing their diapers"), "clean building floors"
("sweeping, vacuuming, and mopping"), "unload cargo" ("unloading of goods from transportation
vehicles"), "drive vehicles"; a rule whose words have another reading elsewhere needs its
context (`indexing.context_aliases.CONTEXTS`: "route planning" is a driver's only in a line about
driving). A hit is a curated alias (`indexing.aliases.CURATED`): it names its skills, kept at
the unit's floor, and owns its words (`indexing.extract`).
"""

from __future__ import annotations

from collections.abc import Iterable

from indexing.pair_search import MAX_GAP, WORD, WordPair, lemma
from indexing.pair_search import find_pairs as _find_pairs

# the reading itself (`indexing.pair_search`), beside the rules
__all__ = ["MAX_GAP", "WORD", "WordPair", "lemma", "find_pairs", "taught_subjects", "WORD_PAIRS"]

_MEDICATION = ("administer prescribed medication",)
LOADING = ("load products for dispatch", "load cargo")
_COMPUTING = "laptop computer pc desktop tablet printer workstation"
HAIR_CUTTING = ("apply hair cutting techniques",)
_SPORTS = "football rugby netball cricket hockey basketball tennis swimming athletics sport"
_LIVESTOCK = "calf calves cattle cow sheep lamb pig livestock chicken hen goat"
_EVENTS = "event fete fair raffle tombola gala festival bazaar disco"
_ANIMALS = "animal dog cat pet puppy kitten rabbit horse pony"
_TWO_WHEELS = "bike bicycle cycle moped scooter motorbike motorcycle"
_TWO_WHEELED = ("drive two-wheeled vehicles",)
_CHILDREN = "child children kid toddler baby infant under_five"
WORD_PAIRS: tuple[WordPair, ...] = (
    # IT support: ESCO "repair ICT devices": "laptops, desktops, tablets, ... printers"
    WordPair.of("fix repair mend", _COMPUTING, ("repair ICT devices",)),
    WordPair.of("fix repair mend", "phone smartphone", ("repair mobile devices",)),
    # ESCO "provide ICT support": "service requests ... including password resets"
    WordPair.of("reset unlock", "password", ("provide ICT support",)),
    # a nursery's or a parent's helper: "changing their diapers" (ESCO's description)
    WordPair.of("change", "nappy diaper", ("attend to children's basic physical needs",)),
    # a cleaner's floors: "sweeping, vacuuming, and mopping them" (ESCO's description)
    WordPair.of("mop sweep scrub hoover vacuum", "floor", ("clean building floors",)),
    # goods taken off a vehicle: "unloading of goods from transportation vehicles"
    WordPair.of("unload", "delivery lorry van truck trailer container vehicle", ("unload cargo",)),
    # a driver of a road vehicle, or driving one; a volunteer driver drives a car (a hospital's or
    # a community transport's patients, not a racing driver's or a screwdriver's)
    WordPair.of(
        "van lorry truck delivery courier bus taxi minibus car volunteer uber cab minicab hire",
        "driver",
        ("drive vehicles",),
    ),
    WordPair.of("drive", "van lorry truck minibus bus coach taxi cab minicab", ("drive vehicles",)),
    # a driver's or a planner's routes (ESCO "prepare transportation routes": "prepare transport
    # routes"); elsewhere routes are hiking trails or network routing
    WordPair.of("plan", "route", ("prepare transportation routes",), "driving"),
    # a carer's or a nurse's medicines: "administer prescribed medications ... to patients"
    WordPair.of("give administer manage", "medication medicine med tablet", _MEDICATION),
    # a decorator's surfaces: "apply a coat of paint to a prepared surface"
    WordPair.of("paint", "wall ceiling door skirting woodwork fence radiator", ("paint surfaces",)),
    # goods put on a vehicle: "place them in a transportation vehicle" (ESCO "load cargo"); it
    # reads the old trade words "loading lorries", "load lorries", "loading vans", "loading
    # trucks", "loading and unloading lorries" alike (measured on the fixtures: the same skills
    # at the same scores), so they are no longer listed
    WordPair.of("load", "van lorry truck trailer container vehicle", LOADING),
    # a housekeeper's or a carer's beds: "clean sheets, turn mattresses" (ESCO "make the beds")
    WordPair.of("change strip", "bed linen sheet bedding", ("make the beds",)),
    # a waiter's tables (ESCO "arrange tables": "set out tables"; "set" is also a pivot table's)
    WordPair.of("lay", "table", ("arrange tables",)),
    # a teaching assistant hearing children read: "instruct students in ... reading"
    WordPair.of("listen hear", "read reader", ("teach reading strategies",)),
    # a shop's or a warehouse's stock put away: "store goods in areas outside of customers'
    # display" (ESCO "store goods")
    WordPair.of("stock goods delivery", "away", ("store goods",)),
    # a postman's or a courier's round: "distribute mail correspondence, newspapers, packages"
    # (ESCO "deliver correspondence"); parcels: "administer delivered packages"
    WordPair.of("deliver", "letter mail post newspaper", ("deliver correspondence",)),
    WordPair.of(
        "deliver", "parcel package", ("deliver correspondence", "handle delivered packages")
    ),
    # a delivery round "in a van", "by van": the van is driven, in a line about driving
    WordPair.of("in by own", "van lorry truck", ("drive vehicles",), "driving"),
    # a hairdresser's or a barber's work: "the process of cutting a person's hair" (ESCO
    # "apply hair cutting techniques"), "style a person's hair", "shape, trim or shave beards"
    WordPair.of("cut trim", "hair", HAIR_CUTTING),
    WordPair.of("style", "hair", ("style hair",)),
    WordPair.of("trim shave shape", "beard moustache", ("treat facial hair",)),
    # goods in: "control documentation, unloading and booking of goods" (ESCO "receive goods")
    WordPair.of("receive", "delivery goods stock shipment pallet", ("receive goods",)),
    # ordering supplies: "command products from relevant suppliers" (ESCO "order supplies")
    WordPair.of("order", "stock supply stationery consumable", ("order supplies",)),
    # a till's payments: "accept payments such as cash, credit cards" (ESCO "process payments")
    WordPair.of("take handle process accept", "payment", ("process payments",)),
    # a group led: "lead, supervise and motivate a group of people" (ESCO "lead a team")
    WordPair.of("lead run", "team section squad crew platoon", ("lead a team",)),
    # a rota's shifts planned (ESCO "schedule shifts": "plan staff time and shifts"); a shift
    # covered or worked is the worker's own; "plan shifts" is ESCO's own label ("plan shifts of
    # employees"), read as such
    WordPair.of("organise organize schedule arrange", "shift rota", ("schedule shifts",)),
    WordPair.of("plan", "rota", ("schedule shifts",)),
    # a plumber's boilers: "place heating ... boilers" (ESCO "install heating boiler")
    WordPair.of("install fit replace", "boiler", ("install heating boiler",)),
    # a phlebotomist's tubes: "label blood samples taken from patients"; a lab's samples
    WordPair.of("label labelling", "tube blood", ("label blood samples",)),  # UK "labelling"
    WordPair.of("label labelling", "sample specimen", ("label samples",)),
    # a teacher's marking: "through assignments, tests, and examinations" (ESCO "assess students")
    WordPair.of("mark", "coursework homework essay exam test assignment", ("assess students",)),
    # a cleaner's machines: "walk behind scrubbers and other floor care equipment"
    WordPair.of("scrubber polisher", "floor", ("operate floor cleaning equipment",)),
    # a bar's beer: "provide beers from bottle or draught" (ESCO "serve beers"); its kegs:
    # "substitute kegs and barrels for a new one" (ESCO "change kegs")
    WordPair.of("pull serve pour", "pint beer lager ale cider draught", ("serve beers",)),
    WordPair.of("change replace connect", "keg barrel", ("change kegs",)),
    # a class kept in order: "make sure students follow the rules and code of behaviour
    # established in the school" (ESCO "maintain students' discipline"); a filing system kept
    # in order is an office's
    WordPair.of("keep maintain", "order discipline", ("maintain students' discipline",), "school"),
    # a phone line's calls: ESCO "answer incoming calls"; complaints escalated or dealt with:
    # "administer complaints and negative feedback from customers" (ESCO "handle customer
    # complaints")
    WordPair.of("answer take handle field", "call", ("answer incoming calls",)),
    WordPair.of("escalate resolve log", "complaint", ("handle customer complaints",)),
    # a cleaner's bins: "dispose of waste materials which pose no risk to health and safety"
    # (ESCO "dispose of non-hazardous waste"), not a street's "community waste collection bins"
    WordPair.of("empty", "bin wastebasket", ("dispose of non-hazardous waste",)),
    # a health care assistant's observations, in a line about care: "take blood pressure of a
    # patient" (ESCO "take and analyse blood pressure"), "monitor basic patient vital signs"
    # ("vital signs of heart, respiration, and blood pressure")
    WordPair.of(
        "take check record measure", "pressure", ("take and analyse blood pressure",), "care"
    ),
    WordPair.of(
        "take check record measure",
        "temperature pulse",
        ("monitor basic patients signs", "monitor patient's vital signs"),
        "care",
    ),
    # a customer's questions answered: "respond to inquiries by customers" (ESCO "respond to
    # customers' inquiries", "deal with client's enquiries")
    WordPair.of(
        "answer respond reply deal handle field",
        "query enquiry inquiry",
        ("respond to customers' inquiries",),
    ),
    # calls made to sell: "soliciting prospective customers via telephone" (ESCO
    # "telemarketing", "cold-calling")
    WordPair.of("outbound cold", "call calling", ("telemarketing",)),
    # a carer's help with clothes (ESCO "assist with dressing": "help with putting on clothes")
    WordPair.of("help assist support", "dress dressing", ("assist with dressing",)),
    # a porter's patients moved: "handle patients during transfer" (ESCO "transfer patients")
    WordPair.of("move transfer wheel push", "patient", ("transfer patients",)),
    # a charity's money raised: "undertake money raising activities" (ESCO "perform
    # fundraising activities"); money collected is also a cashier's, donations are a charity's
    WordPair.of("collect raise", "donation fund", ("perform fundraising activities",)),
    WordPair.of("raise", "money", ("perform fundraising activities",)),
    # a budget kept: "plan, monitor and report on the budget" (ESCO "manage budgets")
    WordPair.of("keep balance manage", "budget", ("manage budgets",)),
    # a mover's china and glass: "pack fragile items ... for transportation"
    WordPair.of("wrap pack", "fragile glassware china", ("pack fragile items for transportation",)),
    # cameras watched: "supervise surveillance equipment use" (ESCO "monitor surveillance
    # equipment")
    WordPair.of("watch monitor", "cctv surveillance", ("monitor surveillance equipment",)),
    # visitors shown round: "bring tourists to places of interest" (ESCO "escort visitors to
    # places of interest"): campus, site, museum tours given or led
    WordPair.of("give lead guide conduct", "tour", ("escort visitors to places of interest",)),
    # staff trained: "train employees" ("lead employees through a process in which they are
    # taught the necessary skills"): new starters, staff, recruits, colleagues
    WordPair.of(
        "train induct",
        "starter staff employee recruit colleague worker team",
        ("train employees",),
    ),
    # a posting's KPIs reported or tracked (ESCO "track key performance indicators": "identify
    # the quantifiable measures ... to gauge or compare performance")
    WordPair.of(
        "report track monitor measure review meet hit",
        "kpi kpis",  # "KPIs" (its lemma keeps the s of "-is")
        ("track key performance indicators",),
    ),
    # a site kept safe, site safety (ESCO "apply health and safety standards"); "safe" of a
    # person kept safe is a carer's or a teacher's, not of this rule
    WordPair.of("site premises workplace", "safe safety", ("apply health and safety standards",)),
    # stock kept accurate, stock control, a stock audit: "keep stock control systems up to date
    # and accurate" (ESCO "maintain stock control systems"); stock levels watched (ESCO
    # "monitor stock level"); "livestock" is another word
    WordPair.of(
        "stock inventory", "accurate accuracy control audit", ("maintain stock control systems",)
    ),
    WordPair.of("stock inventory", "level", ("monitor stock level",)),
    # care records (the records of care work) whatever the verb
    WordPair.of("care", "record", ("maintain records of work with service users",)),
    # a soldier's operations planned or conducted (ESCO "perform military operations"), in a line
    # about the forces; a warehouse's or a hospital's operations are others
    WordPair.of("plan conduct command", "operation", ("perform military operations",), "military"),
    # the phone answered (ESCO "answer incoming calls")
    WordPair.of("answer", "phone telephone", ("answer incoming calls",)),
    # a care line's records kept: "maintain accurate, concise, up-to-date and timely records of
    # the work with service users" (ESCO "maintain records of work with service users")
    WordPair.of(
        "keep maintain update write complete",
        "record",
        ("maintain records of work with service users",),
        "care",
    ),
    # an IT line's network kit set up: "set up and deploy digital and analogue electronic
    # communication equipment" (ESCO "install electronic communication equipment", essential to
    # an ICT network technician); an electrician's switches have no technology context
    WordPair.of(
        "install configure deploy",
        "router modem switch hub network point",
        ("install electronic communication equipment",),
        "technology",
    ),
    # a machine's jams or blockages cleared: "identify operating problems, decide what to do
    # about it" (ESCO "troubleshoot"); cleared, a jam is not cleaned
    WordPair.of("clear free unblock fix", "jam blockage stoppage", ("troubleshoot",)),
    # a packing line or machine tended (ESCO "tend packaging machines": "filling, labelling and
    # sealing machines")
    WordPair.of("packing packaging", "line machine", ("tend packaging machines",)),
    # a sport coached (ESCO "instruct in sport": "technical and tactical instructions related to
    # the given sport"); juniors or youth coached (ESCO "coach young people")
    WordPair.of("coach", _SPORTS, ("instruct in sport",)),
    WordPair.of("coach", "junior youth kid child children", ("coach young people",)),
    # a club's fixtures or a tournament organised (ESCO "manage sports events", "organise sport
    # events"); a building's fixtures are counted, not organised
    WordPair.of("organise organize arrange", "fixture tournament", ("manage sports events",)),
    # blocks or bricks laid (ESCO "lay bricks": "lay bricks in a set pattern")
    WordPair.of("lay", "brick block blockwork", ("lay bricks",)),
    # drawings, plans or blueprints read on a site, in a line about building: "interpret and
    # understand plans and drawings" (ESCO "interpret 2D plans", "read standard blueprints");
    # reading them is not designing them (ESCO "design drawings"); elsewhere a plan is a care
    # plan or a lesson plan, a drawing a child's
    WordPair.of(
        "read interpret understand",
        "drawing plan blueprint",
        ("interpret 2D plans", "read standard blueprints"),
        "building",
    ),
    # animals fed: pets (ESCO "feed pets") and a farm's stock (ESCO "feed livestock")
    WordPair.of("feed", "dog cat pet puppy kitten", ("feed pets",)),
    # dogs walked (ESCO "provide dog walking services": "walk dogs on behalf of owners")
    WordPair.of("walk", "dog", ("provide dog walking services",)),
    WordPair.of("feed", _LIVESTOCK, ("feed livestock",)),
    # a first aider gives first aid (ESCO "provide first aid")
    WordPair.of("first", "aider", ("provide first aid",)),
    # clothes and linen ironed (ESCO "iron textiles": "pressing and ironing")
    WordPair.of("iron", "linen shirt clothes uniform bedding sheet laundry", ("iron textiles",)),
    # work done over the phone or by phone (ESCO "communicate by telephone")
    WordPair.of("over by", "phone telephone", ("communicate by telephone",)),
    # grass, lawns or verges mowed (ESCO "provide lawn care": "mowing, ... of lawns")
    WordPair.of("mow strim", "lawn grass verge", ("provide lawn care",)),
    # bread and cakes baked (ESCO "bake goods": "all tasks for baking ... until the baked goods
    # are discharged")
    WordPair.of("bake", "bread loaf cake scone biscuit pastry pie bun roll", ("bake goods",)),
    # a team or staff managed (ESCO "manage staff": "manage employees and subordinates"); "the
    # team managed to" is a clause, "managed to join the team" another verb's (`find_pairs`)
    WordPair.of("manage", "team staff", ("manage staff",)),
    # a club's, a PTA's or a society's treasurer keeps its books (ESCO "maintain financial
    # records", "manage budgets")
    WordPair.of(
        "pta club society charity association group church parish school honorary volunteer",
        "treasurer",
        ("maintain financial records", "manage budgets"),
    ),
    # an event organised (ESCO "plan events": "programmes, agendas, budgets ... of an event")
    # or run (ESCO "coordinate events": "lead events"); "a fair trade stall" is no fair
    WordPair.of("organise organize arrange plan", _EVENTS, ("plan events",), head=True),
    WordPair.of("run host hold coordinate", _EVENTS, ("coordinate events",), head=True),
    # work in a shop: its customers served (ESCO "assist customers"); "the shop floor" is a
    # factory's, so the shop ends its phrase
    WordPair.of("work", "shop", ("assist customers",), head=True),
    # goods sold (ESCO "sell products")
    WordPair.of("sell", "accessory product item goods gift merchandise", ("sell products",)),
    # an animal held still (ESCO "control animal movement": "direct, control or restrain"; "I
    # hold a pet first aid certificate" holds no pet);
    # kennels, pens or cages cleaned (ESCO "maintain animal accommodation": "enclosures such as
    # habitats, terrariums, cages or kennels are in an appropriate and clean condition")
    WordPair.of("hold restrain", _ANIMALS, ("control animal movement",), head=True),
    WordPair.of(
        "clean muck disinfect",
        "kennel pen cage hutch stable enclosure cattery aviary",
        ("maintain animal accommodation",),
    ),
    # a delivery rider on a bike or a moped (ESCO "drive two-wheeled vehicles": "bicycles and
    # motorcycles"); "on a bike" only in a line about delivering
    WordPair.of(f"delivery courier food pizza {_TWO_WHEELS}", "rider", _TWO_WHEELED),
    WordPair.of("ride", _TWO_WHEELS, _TWO_WHEELED),
    WordPair.of("on by", _TWO_WHEELS, _TWO_WHEELED, "driving"),
    # toilets cleaned (ESCO "clean toilet facilities")
    WordPair.of("clean", "toilet loo washroom", ("clean toilet facilities",)),
    # a carer's meals made (ESCO "prepare ready-made dishes", essential to a home care aide)
    WordPair.of(
        "make prepare cook", "meal lunch dinner breakfast", ("prepare ready-made dishes",), "care"
    ),
    # children looked after or watched (ESCO "supervise children": "keep children under
    # supervision"); the playground watched (ESCO "perform playground surveillance")
    WordPair.of("look_after watch supervise mind", _CHILDREN, ("supervise children",)),
    WordPair.of("watch supervise patrol", "playground", ("perform playground surveillance",)),
    # donated goods sorted or priced (ESCO "manage donated goods in second-hand shop")
    WordPair.of("sort price", "donated", ("manage donated goods in second-hand shop",)),
    # a till worked on or operated (ESCO "operate cash register"); "worked till 10", "worked
    # till late" are times (the till ends no phrase there)
    WordPair.of("work operate", "till checkout", ("operate cash register",), head=True),
)
# school subjects written short: "maths" is ESCO's "mathematics"
_SUBJECT_WORDS = {"mathematics": "maths math"}


def taught_subjects(labels: Iterable[str]) -> tuple[WordPair, ...]:
    """One rule per ESCO skill named "teach <subject>" in one word ("teach chemistry", "teach
    mathematics"): teach + the subject ("taught year 9 maths", "teaching chemistry and
    physics"), read from the taxonomy's own labels."""
    out = []
    for label in labels:
        words = label.split()
        if len(words) == 2 and words[0] == "teach" and words[1].isalpha():
            subject = f"{words[1]} {_SUBJECT_WORDS.get(words[1], '')}"
            out.append(WordPair.of("teach", subject, (label,)))
    return tuple(out)


def find_pairs(text: str, rules: tuple[WordPair, ...] = WORD_PAIRS) -> list[tuple]:
    """(start, end, rule) of each rule read in `text` (`indexing.pair_search.find_pairs`), of
    `WORD_PAIRS` unless other rules are given."""
    return _find_pairs(text, rules)
