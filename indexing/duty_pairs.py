"""An employer's words, a second round (docs/quality.md): verb-object rules (`DUTY_PAIRS`) and
curated words (`DUTY_ALIASES`).

The same kind of rule as `indexing.word_pairs` (a first word and its object, or a noun
compound), for the duties a UK job posting (and a CV that repeats it) writes in its own words:
a shift run or led is a team led ("Run our night shift of 12 warehouse operatives", "shift
lead"; ESCO "lead a team": "lead, supervise and motivate a group of people"), a switchboard
answered is calls answered, calls put through are callers redirected, wards and bedrooms cleaned
are rooms cleaned and bathrooms toilet facilities, a director's diary managed is a personnel
agenda, phonics taught is reading taught. A hit owns
its words, so the words read alone no other skill ("shift" alone is *work in shifts*).

`DUTY_ALIASES` are curated aliases (`indexing.trade_aliases.TRADE_ALIASES`' kind): "dementia care",
which a care home's opening read as *older adults' needs* and *tend to elderly people* and a
carer's CV line as *geriatrics* (a phrase keeps its one best reading), names both readings
everywhere, so a carer with dementia experience matches the opening that asks for it.
"""

from __future__ import annotations

from indexing.word_pairs import WordPair

# the staff of a kitchen, a warehouse, a shop or a care home whom a posting's lead trains or
# supervises (beside `indexing.word_pairs`' "starter staff employee recruit colleague worker")
_STAFF = """commis chef chefs cook cooks apprentice apprentices trainee trainees operative
operatives picker pickers packer packers carer carers porter porters waiter waiters waitress
waitresses bartender bartenders barista baristas cleaner cleaners"""
# the only words between the verb and them: "train and supervise commis", "train our new
# pickers" (not "trained as a chef")
_BETWEEN = frozenset(
    "and or our the new junior all kitchen shift supervise train mentor coach".split()
)
# the only words between a switchboard's verb and it: "operating a busy switchboard",
# "covering reception and the switchboard"
_SWITCHBOARD = frozenset("a the our busy company's reception telephone phone and or".split())
# the only words between a call's verb and it: "transferring incoming calls to the right team"
_CALLS = frozenset("a the all any incoming inbound phone telephone customer and or".split())
# the only words between a diary's verb and it: someone else's diary ("manage the director's
# diary"), not a diary of one's own ("kept a reflective diary", "maintained a food diary",
# "manage own diary")
_DIARIES = frozenset(
    """the and or their his her busy complex multiple executive executives' director's directors'
    manager's managers' partner's partners' md's ceo's team's head's""".split()
)
DUTY_PAIRS: tuple[WordPair, ...] = (
    WordPair.of("train mentor coach", _STAFF, ("train employees",), between=_BETWEEN),
    WordPair.of("supervise", _STAFF, ("supervise staff",), between=_BETWEEN),
    # costs kept down (ESCO "control of expenses": "monitor and maintain effective cost
    # controls"): "manage food costs", "menu costing", "food cost control"
    WordPair.of("manage control monitor reduce", "cost costs", ("control of expenses",)),
    WordPair.of("food menu", "cost costs costing", ("control of expenses",)),
    # a kitchen's brigade led or managed (ESCO "lead a team")
    WordPair.of("lead run manage head", "brigade", ("lead a team",)),
    # a shift run or led (not worked: "worked the night shift" is *work in shifts*); the shift
    # ends its phrase ("ran the shift handover" is no team led, but inter-shift communication)
    WordPair.of("lead run head", "shift", ("lead a team",), head=True),
    # the switchboard answered or covered (ESCO "answer incoming calls"), a telephone's, not an
    # electrician's ("operated and maintained HV switchboards")
    WordPair.of(
        "answer cover man run operate",
        "switchboard",
        ("answer incoming calls",),
        between=_SWITCHBOARD,
    ),
    # calls put through to the right person (ESCO "redirect callers"), not "direct sales calls",
    # "Direct Line call centre", "forward planning and call handling"
    WordPair.of(
        "direct redirect transfer forward route",
        "call caller",
        ("redirect callers",),
        between=_CALLS,
    ),
    # rooms cleaned: a ward, a bedroom, an office (ESCO "clean rooms": "cleaning glass work
    # and windows, polishing furniture, vacuuming carpets, scrubbing hard floors")
    WordPair.of("clean", "ward bedroom room corridor office classroom dormitory", ("clean rooms",)),
    # a bathroom is a room too ("cleaning bathrooms" of a hotel's room attendant)
    WordPair.of(
        "clean", "bathroom washroom toilet loo shower", ("clean rooms", "clean toilet facilities")
    ),
    # a manager's diary kept (ESCO "manage personnel agenda": "schedule and confirm
    # appointments for the personnel of the office, mostly managers"): "manage the director's
    # diary", "diary management"
    WordPair.of(
        "manage management keep run organise organize maintain",
        "diary diaries",
        ("manage personnel agenda", "administer appointments"),
        between=_DIARIES,
    ),
    # phonics taught in small groups (ESCO "teach reading strategies")
    WordPair.of("deliver teach run lead support", "phonics", ("teach reading strategies",)),
)

_ELDERLY = ("tend to elderly people", "older adults' needs")
DUTY_ALIASES: dict[str, tuple[str, ...]] = {
    "dementia care": _ELDERLY,
    "dementia unit": _ELDERLY,
}
