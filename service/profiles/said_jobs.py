"""Jobs the learner's words name without writing a title: `said_titles`.

"I teach secondary school maths" is a secondary school teacher as surely as "I was a teacher"
is a teacher, and "I worked in a call centre answering customer queries" a call centre agent:
a careers adviser reads the job. Only where the words leave one job:

- **Teaching at a school of a known level.** "I teach / taught / have taught <subject> at (in) a
  <level> school", "I teach primary school": a primary (infant, junior) school's teacher is a
  *primary school teacher*, a secondary (high, grammar, comprehensive, sixth form) school's a
  *secondary school teacher*, a nursery's an *early years teacher*. A school of no level said
  ("I teach at a school"), a college or a university names no job: its teacher is of a level or
  a subject the words do not say.
- **A workplace where nearly everyone holds one job.** "I work(ed) in a call centre" (contact
  centre): its staff answer its calls, *call centre agent*. Most workplaces hold many jobs (a
  hospital, an office, a school, a shop, a warehouse: its cleaner, its guard, its manager) and
  name none; nor does a call centre where the learner says another job ("I worked in a call
  centre as a team leader": the title after "as" is read instead).

- **A trade's learner.** "Plumbing and heating apprentice": the first trade's apprentice
  ("plumbing apprentice"), which the title resolver reads as the trade's practitioner (a
  *plumber*: the job the learner trains for); a title phrase stops at "and" (it read only
  "Plumbing") and runs on into what the learner did ("Electrical apprentice wiring houses").

- **A business the learner ran.** "I ran a small cafe for six years", "I own a hair salon",
  "managed a busy pub": the place's manager ("cafe manager", "hair salon manager"), its size or
  standing left out ("small", "busy", "my own"), a market stall its trader; only a business of
  one kind of manager (a cafe, a pub, a shop, a salon, a bakery, a hotel, a nursery ...), the
  learner's own ("a", "my", "our": "I ran the shop on Saturdays" may be a Saturday job), and
  only where the place ends the phrase ("I run a shop floor team" is a team's, not a shop's).

- **A gig platform's work.** "Uber driver", "I drive for Bolt", "Deliveroo rider", "delivering
  for Just Eat": the platform's trade, which its name hides from the title resolver ("Uber
  driver" is read as "driver", a title of no trade). A ride-hailing platform's driver is a
  *private hire driver* (ESCO's *taxi driver*); a food or parcel platform's rider a *bicycle
  courier*, its driver or courier a *delivery driver*; working for a platform says no trade
  ("I worked for Uber as an engineer").

- **A soldier's arm.** "10 years infantry", "ten years in the infantry", "served in the
  infantry": its private soldiers' trade, *infantry soldier* (ESCO: "infantryman", "rifleman").
  Only where the arm ends the phrase and no job follows "as" ("served in the infantry as a
  medic": the title after "as" is read instead); no other arm, whose ESCO occupations are its
  officers' ("artillery officer").

Each yields the title to resolve and the span of the learner's words that say it; the title
resolver still decides (`service.profiles.experience.read_jobs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_LEVELS = (
    (r"primary|infant|junior", "primary school teacher"),
    (r"secondary|high|grammar|comprehensive|sixth[- ]form", "secondary school teacher"),
    (r"nursery|pre-?school", "early years teacher"),
)
_LEVEL_OF = [(re.compile(rf"^(?:{words})$", re.I), title) for words, title in _LEVELS]
_ANY_LEVEL = "|".join(words for words, _ in _LEVELS)
_SCHOOL = r"(?:\s+school|\s+college|\s+academy|\s+class|\s+education)"
# a level said alone is a school's where the clause ends or its pupils follow ("I teach
# primary", "I teach nursery children"), not before another word ("I taught primary care nurses")
_LEVEL_ALONE = r"(?=\s*(?:$|[,;:.!?()\n])|\s+(?:children|pupils|kids|age|ages|years?|level)\b)"
# "I teach", "I taught", "I have taught", "I've been teaching", "I am teaching" ... then, in the
# same clause and 60 characters, a school of a level ("secondary school maths", "maths at a
# grammar school"; bounded: a long clause is read in linear time); a
# level that is also an everyday word ("high", "junior") only before a school's word
_TEACH = re.compile(
    r"\bI(?:\s+am|'m|\s+have|'ve|\s+have been|'ve been)?\s+(?:teach|teaching|taught)\b"
    r"[^,;:.!?()\n]{0,60}?\b(?:(?P<level>primary|secondary|nursery|pre-?school|sixth[- ]form)"
    rf"(?:{_SCHOOL}|{_LEVEL_ALONE})|(?P<school>{_ANY_LEVEL}){_SCHOOL})\b",
    re.I,
)
# "I work / worked / have worked / was working in (at) a call centre", not "... as a <job>"
_WORKPLACE = re.compile(
    r"\bI(?:\s+have|'ve|\s+was|\s+am|'m)?\s+(?:work|worked|working)\s+(?:in|at|for)\s+"
    r"(?:a|an|the|my|our)\s+(?:[\w-]+\s+)?(?:call|contact)\s+cent(?:re|er)s?\b"
    r"(?![^;:.!?\n]{0,80}\bas\s+an?\b)",  # "..., as a team leader" too
    re.I,
)
CALL_CENTRE_AGENT = "call centre agent"
# "Plumbing and heating apprentice", "Electrical trainee": a trade's learner, read as the trade
# ("plumbing apprentice": the resolver reads its practitioner, a plumber); the first of two
# trades joined by "and" (a title phrase stops at "and"); a word of 4 letters at least
_APPRENTICE = re.compile(
    r"\b(?P<trade>[A-Za-z]{4,})(?:\s+(?:and|&)\s+[A-Za-z]+)?\s+(?P<level>apprentice|trainee)\b",
    re.I,
)
# "I ran a small cafe", "I have owned my own hair salon", "managing a busy pub": the business's
# manager; at most two words of its kind before it ("hair salon", "coffee shop", "clothes
# shop"); a business of its own ("a", "my", "our": "the shop" may be the one the learner works
# in, "I ran the bar at events" a bar of another business); the place ends the phrase
# (punctuation, the text's end, a preposition, "and", or a verb of its trade: "a market stall
# selling fruit", not "the hotel booking system"); a stall is a market's ("a cake stall at the
# fete" is no trade)
_BUSINESS = (
    r"caf[eé]|coffee\s+shop|tea\s?room|restaurant|bistro|pub|bar|shop|store|salon|barbers?"
    r"|takeaway|bakery|hotel|guest\s?house|b\s?&\s?b|nursery|gym|florists?|newsagents?"
    r"|market\s+stall"
)
_TRADE_VERB = r"selling|serving|offering|specialising|specializing|making|baking|cooking"
_RAN = re.compile(
    r"\b(?:ran|run|running|have run|managed|manage|managing|owned|own|owning)\s+"
    r"(?:an?|my|our)\s+(?:own\s+)?(?P<kind>(?:[a-z'’-]+\s+){0,2}?)"
    rf"(?P<place>{_BUSINESS})(?=\s*(?:$|[,;:.!?()\n]"
    rf"|\s(?:for|in|at|on|with|and|where|that|which|{_TRADE_VERB})\b))",
    re.I,
)
# a place where food and drink are served is run by a *restaurant manager* (ESCO: "food and
# beverage operations in the kitchen and other food and beverage outlets"); said so, the
# resolver need not guess from "pub manager" or "bistro manager"
_FOOD_AND_DRINK = re.compile(
    r"^(?:caf[eé]|coffee shop|tea ?room|restaurant|bistro|pub|bar|takeaway)$", re.I
)
# words of a business's size or standing, not its kind: "a small cafe" is a cafe
_STANDING = frozenset(
    """small little busy local large big successful popular independent family family-run
    new thriving profitable""".split()
)
# a person whose business it is, no kind of it: "I ran my dad's shop" is a shop's manager
_OWNERS = frozenset(
    """dads mums fathers mothers parents uncles aunts brothers sisters friends familys
    husbands wives wifes partners bosses""".split()
)
_NO_TRADE = frozenset("""with from first second third final year modern former senior""".split())


_HAILING = r"Uber|Bolt|Ola|Lyft|Free\s?Now|Addison\s+Lee"
_DELIVERY = r"Uber\s+Eats|Deliveroo|Just\s?Eat|Stuart|Gophr|Amazon\s+Flex"
_PLATFORM = rf"(?P<platform>{_DELIVERY}|{_HAILING})"
# "Uber driver", "Deliveroo rider"; "I drive for Uber", "delivering for Just Eat"
_GIG = re.compile(
    rf"\b{_PLATFORM}\s+(?P<role>driver|rider|courier|cyclist)s?\b"
    r"|\b(?P<verb>drive|drives|drove|driving|ride|rides|rode|riding|deliver|delivers|delivered"
    rf"|delivering)\s+for\s+{_PLATFORM.replace('platform', 'by')}\b",
    re.I,
)
_RIDING = re.compile(r"^(?:rider|cyclist|ride|rides|rode|riding)$", re.I)


# "10 years infantry", "ten years in the infantry", "served (six years) in the infantry"; the arm
# ends the phrase (punctuation, the end, or a preposition); bounded: a long text is read in
# linear time
_INFANTRY = re.compile(
    r"\b(?:(?:\d{1,2}|[a-z]+)\s+years?\s+(?:in\s+(?:the\s+)?)?"
    r"|serv(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?in\s+(?:the\s+)?)infantry"
    r"(?=\s*(?:$|[,;:.!?()\n]|\s(?:for|with|and|in|from|until|during|then)\b))"
    r"(?![^;:.!?\n]{0,80}\bas\s+an?\b)",
    re.I,
)
INFANTRY_SOLDIER = "infantry soldier"


def _gig_title(m: re.Match) -> str:
    """The trade of a gig platform's work (module docstring)."""
    platform, role = m.group("platform") or m.group("by"), m.group("role") or m.group("verb")
    if not re.fullmatch(_DELIVERY, platform, re.I):
        return "private hire driver"
    return "bicycle courier" if _RIDING.match(role) else "delivery driver"


def said_titles(text: str) -> Iterator[tuple[str, int, int]]:
    """(title, start, end) of each job the words of `text` name (module docstring), in order:
    the title to resolve and the span of the words that say it."""
    found = []
    for m in _TEACH.finditer(text):
        level = m.group("level") or m.group("school")
        title = next(t for pattern, t in _LEVEL_OF if pattern.match(level))
        found.append((title, m.start(), m.end()))
    for m in _WORKPLACE.finditer(text):
        found.append((CALL_CENTRE_AGENT, m.start(), m.end()))
    for m in _APPRENTICE.finditer(text):
        if m.group("trade").lower() not in _NO_TRADE:
            title = f"{m.group('trade').lower()} {m.group('level').lower()}"
            found.append((title, m.start(), m.end()))
    for m in _GIG.finditer(text):
        found.append((_gig_title(m), m.start(), m.end()))
    for m in _INFANTRY.finditer(text):
        found.append((INFANTRY_SOLDIER, m.start(), m.end()))
    for m in _RAN.finditer(text):
        found.append((_manager_of(m.group("kind"), m.group("place")), m.start(), m.end()))
    yield from sorted(found, key=lambda x: x[1])


def _manager_of(kind: str, place: str) -> str:
    """The title of a business's manager: "hair" + "salon" -> "hair salon manager"; a place of
    food and drink -> "restaurant manager"."""
    place = " ".join(place.lower().split())
    if _FOOD_AND_DRINK.match(place):
        return "restaurant manager"
    if place.endswith("stall"):  # a market stall's keeper is its trader ("market trader")
        return "market trader"
    said = (_POSSESSIVE.sub("s", w) for w in kind.lower().split())  # "barber's": "barbers"
    kind_words = [_KIND.get(w, w) for w in said if w not in _STANDING | _OWNERS]
    if place == "shop" and kind_words[-1:] == ["barber"]:
        return "barber"  # "my own barber shop": a barber's own chair, no shop manager's
    return " ".join([*kind_words, place, "manager"])


# a trade's word for the business it names: a "hairdressing salon" is a hair salon (ESCO's
# *beauty salon manager*: "hair salon manager"; "hairdressing salon manager" read *spa manager*);
# a trade's possessive is read as its plural ("a hairdresser's salon", "a barber's shop")
_KIND = {
    "hairdressing": "hair",
    "hairdressers": "hair",
    "barbers": "barber",
}
_POSSESSIVE = re.compile(r"['’]s$")
