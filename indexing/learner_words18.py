"""A learner's words, an eighteenth round (docs/quality.md): the people a learner managed or
supervised (`ROUND18_PAIRS`), and the skills of performing an event that a line doing a duty
for it does not read (`EVENT_UNSAID`, used by `indexing.unsaid`):

- people managed are *manage staff* (ESCO: "manage employees and subordinates"), supervised
  *supervise staff*: the rule of the fourth round knew only a team or staff, so "managing 12
  pickers", "supervising 6 mechanics", "Line managed 4 engineers" read nothing or another
  trade's work. The object is a word of a worker (`WORKERS`) that ends its phrase (`head`:
  "managed the drivers' schedules", "managed agent relationships" manage no one); an agent or
  an adviser only in a line about a call centre (`CALL_CENTRE`: "a managing agent" lets
  property); direct reports, said just so ("Managed 3 direct reports"; "managed reports" are
  documents), are people managed whatever the verb, unless a verb of making is just before
  them (`MADE`: "Produced direct reports for the board", round words-19);
- KPIs managed are *track key performance indicators*, as those tracked or reported are;
- a wedding or a funeral served (driven to, catered, decorated, played at) is not officiated or
  planned: *officiate weddings* (civil partnerships) is not read from a line that says nothing
  of officiating, a funeral's skills (*assist with funeral planning*, *advise on funeral
  services*, *manage funeral equipment*, ...) not from one that says nothing of arranging a
  funeral or of an undertaker's work; *perform live* not from one that names no performing
  ("Sound technician for live concerts"); *organise press conferences* not from one that names
  no press.

A pair's hit is a curated alias: it names its skills, is kept at the unit's floor and owns its
words.
"""

from __future__ import annotations

from indexing.word_pairs import WordPair, lemma

CALL_CENTRE = "call centre"  # the context of `indexing.context_aliases.CONTEXTS`
# words of a line about a call or contact centre's work
CALL_CENTRE_WORDS = frozenset(
    """call calls inbound outbound telesales telemarketing helpline helplines switchboard
    headset headsets telephony""".split()
)
STAFF = ("manage staff",)
SUPERVISED = ("supervise staff",)
# verbs of making a document: the reports they make are no people ("Produced direct reports")
_MAKING = "produce write wrote written prepare compile draft type submit send sent present"
MADE = frozenset(lemma(w) for w in _MAKING.split())
# the people a learner manages: workers of a trade named by their work (plural or not)
WORKERS = """employee operative picker packer driver cleaner stylist hairdresser barber carer
    engineer technician assistant apprentice trainee worker colleague nurse chef cook waiter
    waitress labourer electrician plumber mechanic fitter operator porter housekeeper
    attendant receptionist administrator steward guard officer
    installer negotiator developer tester analyst designer teller cashier clerk
    rep representative"""
CALLS = "agent adviser advisor"  # of a call centre; elsewhere a managing agent lets property
# the object after its verb only ("Engineer managing the build" manages no engineer), not
# after "by" ("supervised by the manager") or another preposition: the verb's object is then
# another thing ("managed relationships with engineers", "managed supplies to cleaners",
# "managed under the head chef"); the people managed are others, and another rule's reading that
# ends on them is dropped (`over`: "Managed 4 delivery drivers" drives nothing)
PEOPLE = {
    "head": True,
    "unless": frozenset(
        """by with for from to of at on about under alongside via through between against
        among beside as""".split()
    ),
    "compound": False,
    "over": True,
}
OVERSEE = "supervise oversee oversaw overseen"
ROUND18_PAIRS: tuple[WordPair, ...] = (
    WordPair.of("manage", WORKERS, STAFF, **PEOPLE),
    WordPair.of(OVERSEE, WORKERS, SUPERVISED, **PEOPLE),
    # the call centre may be said between ("Managed 15 call centre agents": round words-19)
    WordPair.of("manage", CALLS, STAFF, CALL_CENTRE, within=CALL_CENTRE_WORDS, **PEOPLE),
    WordPair.of(OVERSEE, CALLS, SUPERVISED, CALL_CENTRE, within=CALL_CENTRE_WORDS, **PEOPLE),
    # "3 direct reports": no word between (`between` of a word no line writes); not after a
    # verb of making ("Produced direct reports for the board": documents; round words-19)
    WordPair.of(
        "direct", "report", STAFF, between=frozenset({"_"}), compound=False, not_after=MADE
    ),
    WordPair.of("manage", "kpi kpis", ("track key performance indicators",)),
)

# (the skills' labels, a regular expression; the words that say them): not read from a line
# that says none of these words (`indexing.unsaid.Unsaid`, against any line)
_OFFICIATING = """officiate officiated officiates officiating officiant officiants registrar
    registrars celebrant celebrants vicar vicars priest priests minister ministers rabbi imam
    clergy chaplain chaplains conduct conducted conducting conducts solemnise solemnised
    marry married marrying marriages vows"""
_ARRANGING = """arrange arranged arranging arrangement arrangements arranger arrangers
    director directors undertaker undertakers plan planned planning planner advise advised
    advising adviser bereaved bereavement"""
_FUNERAL_TRADE = """mortuary embalm embalming embalmer hearse hearses coffin coffins pallbearer
    pallbearers crematorium cremation cremations burial burials operative operatives
    funeralcare"""
_PERFORMING = """perform performed performing performer performers performance performances
    singer singers sang sing singing musician musicians band bands play played playing
    player guitarist drummer pianist vocalist actor actress acting dancer dancing comedian
    gig gigs act acts violinist cellist trumpeter saxophonist bassist organist dj djs
    entertainer entertainers magician orchestra choir busker busking"""
EVENT_UNSAID: tuple[tuple[str, str], ...] = (
    ("officiate (weddings|civil partnerships)", _OFFICIATING),
    # every funeral's skill (planning, advising, its equipment, its directors): not a
    # caterer's or a chauffeur's
    (r".*\bfunerals?\b.*", " ".join((_ARRANGING, _FUNERAL_TRADE, _OFFICIATING))),
    ("perform live", _PERFORMING),
    ("organise press conferences", "press media journalist journalists pr publicity"),
)
