"""Readings of a learner's words that a careers adviser finds absurd: `Unmeant`.

Two general collisions between a CV's words and ESCO's names, found in the learner's own lines:

- **Doing is not managing.** A skill named "<managing verb> <object>" (*monitor cashiers*,
  *coordinate patrols*, *organise mail deliveries*, *supervise medical residents*, *train
  security officers*) matches a line that names the object, a job or a task ("Cashier",
  "night patrols", "deliveries", "residents", "Security guard"): the learner who does the work,
  or holds the job, does not manage it. Such a skill is not read from a sentence that has a word
  of its object and no word of managing (`MANAGING`: the verbs and "supervisor", "manager",
  "leader", "head", "charge"; for *monitor* also the doing verbs of watching: "checking",
  "observing", "recording"). Both sides are compared as light lemmas (`lemma`). The object is
  also that of an alternative label said with a managing verb ("supervise pharmacy staff" of
  *supervise pharmaceutical staff*: "on the pharmacy counter" read it), and planning others'
  work is managing it ("plan shifts of employees": "early shifts" read it; "plan menus" is not).
- **A word that many skills share names none of them alone.** ESCO gives some skills a one-word
  alternative or hidden label that is not a word of their own name and that at least
  `SHARED_MIN` other skills write in theirs (or that names another's field: "banking" of
  *economics*, `NOT_ALONE`): "security" of *securities* (finance; 89 skills
  name security), "warehouse" of *perform warehousing operations*, "equipment" of *compile
  airport certification manuals*, "hearing" of *acoustics*. A skill read through such a label
  (its alias written there, or the label its best view) is not kept: "Security" of a guard's
  line is no *securities*.

- **One of them is not over them.** A skill "<verb> <people>" whose people are a role that ESCO
  names as an occupation (the head word of an occupation title in the `vocabulary`: "political
  party volunteer", "cashier") is not read from a sentence that names that role only as one
  person or as a verb, never as a group ("I volunteer at a food bank", "Volunteer at a charity
  shop", "Volunteer driver"): the learner is the volunteer, and neither supports, manages nor
  briefs volunteers. "I manage volunteers", "supporting volunteers" name the group, and read;
  so does a managing word next to the role's word ("Volunteer coordinator"), while one said of
  other work ("I volunteer coaching ... and organise the club's fixtures") keeps none. A skill
  over the role's work ("manage volunteering programmes") is one over its people.

- **Reading is not making.** A skill named "<making verb> <object>" (*design drawings*, *create
  patterns for garments*) is not read from a sentence that reads or follows the object and
  says no making (`READING`, `MAKING_VERBS`): "reading simple drawings" is no *design drawings*.

- **A word is not its kind.** A knowledge area (not a tool) read from one word of the sentence
  through a longer label that ends in that word, whose words before it the sentence does not
  say, one of them a word that few skills write in any of their labels (fewer than
  `SPECIFIC_MAX`: a kind of the thing, not "techniques"): "temperature" of "I take blood
  pressure and temperature" is no *cold chain* (its label "cold temperature"), "analyses" no
  *automated analysers in the medical laboratory* ("automated analysers"), while "Management" of
  "Performance Management" is still *human resource management* ("HR management": an acronym
  abbreviates the area's own name, no kind of it). So for words more than one, through the
  label or the skill's name: "food safety" is no *wild game meat food safety*.

- **A word another skill explains is not a skill of its own.** A competence named in one
  everyday word (*plan*, *troubleshoot*, *improvise*, *swim*) is not read from that word where
  another skill kept from the sentence was read from longer words holding it, through a label
  that writes the word or a curated word: "plan my own routes" is *prepare transportation
  routes* (the driver's routes), not also *plan*; "I plan lessons" is *plan learning
  curriculum*. Alone ("planning play activities") the word still reads it.

- **Their people are not ours.** A skill done for people of one kind (`PEOPLE`: patients;
  children, pupils, students; customers, clients, guests; passengers) is not read from a
  sentence that names people of another kind and none of its own: "supporting children with
  special needs in a primary school" is *assist children with special needs in education
  settings*, not *assist patients with special needs*.

- **A painter is not always an artist.** A skill of an artist's work (its name says "artist",
  "artistic" or "artwork": *work independently as an artist*) is not read from a text that says
  nothing of the arts (`ARTS`): a self-employed painter and decorator works independently, but
  not as an artist.

- **A product is not its making.** A knowledge area of an industry's making of a thing (its
  name begins "manufacturing" or "production": *manufacturing of heating equipment*) is not
  read from a text that says no making (`MAKING`): a plumbing and heating apprentice's
  "heating" is no factory's.

- **A language is no cuisine.** A language read from its one word said of another thing ("a
  busy Italian restaurant") is not kept (`indexing.languages`).

A curated word (`indexing.aliases.CURATED`) that names a skill is never overruled here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate

from indexing.aliases import alt_labels, hidden_labels, span_key
from indexing.languages import as_adjective, language_rows
from indexing.technology import is_technology
from indexing.title_fields import TitleFields
from indexing.types import SkillEntry
from indexing.unsaid import UnsaidSkills
from indexing.word_pairs import WORD, lemma

SHARED_MIN = 15  # other skills naming the word: it has another reading in the taxonomy
SPECIFIC_MAX = 20  # skills writing a word in any label: under it, the word names a kind
# verbs of managing others' work or a thing's running (the first word of the skill's name)
_MANAGING_VERBS = """supervise oversee coordinate direct lead organise organize monitor control
train instruct recruit hire delegate motivate schedule""".split()
# verbs of planning, managing where what is planned is others' work (`_OTHERS`)
_PLANNING_VERBS = frozenset("plan arrange allocate assign".split())
_OTHERS = frozenset("employees staff workers personnel workforce".split())
# words of a line that does manage: the verbs in any form, and the managing roles
MANAGING = frozenset(
    lemma(w)
    for w in _MANAGING_VERBS
    + """manage supervisor supervision manager management leader head charge overseeing oversaw
    coordinator organiser organizer trainer mentor mentored rota rotas scheduling plan planning
    planned""".split()
)
# one-word labels of a knowledge area that name another's field, read as that other alone (a
# fifteenth round): "banking" of *economics* ("Worked at a bank", "Security guard at a bank"
# read the science of economies; a bank's work is *banking activities*)
NOT_ALONE = {"http://data.europa.eu/esco/skill/88af9294-b697-4687-ae19-aefbb6234dfa": {"banking"}}
# verbs of making a thing (the first word of the skill's name); "draw" is also "drawings"
MAKING_VERBS = frozenset("design create draft develop produce compose make".split())
# words of a line that reads or follows a thing made by another
READING = frozenset(lemma(w) for w in "read interpret understand follow".split())
_MAKES = frozenset(lemma(w) for w in MAKING_VERBS | {"designer", "drafter"})
_NEAR = 2  # words between a role's word and a managing word said of it ("volunteer coordinator")
# a line that watches or records a thing does monitor it ("checking stock levels")
_WATCHING = frozenset(lemma(w) for w in "check watch observe track record measure".split())
# words of a skill's name that name no object
_GENERIC = frozenset(
    lemma(w)
    for w in """of the a an and or in on to for with at by from as its their other others
    activities activity operations operation work works process processes""".split()
)
# words of making things: an industry's manufacturing is read only in a text with one of these
MAKING = frozenset(
    lemma(w)
    for w in """manufacture manufacturing manufacturer manufactured make making made produce
    producing produced production producer factory factories plant assembly assemble fabricate
    fabrication industry industrial""".split()
)
# words of the arts: a skill of an artist's work is read only in a text with one of these
# ("painting" is a decorator's word too, "performed" and "stage" anyone's: a painter of pictures
# says "portrait", "canvas", "art")
ARTS = frozenset(
    lemma(w)
    for w in """art arts artist artists artistic artwork artworks gallery galleries exhibition
    exhibit exhibited museum theatre theater performer actor actress dance dancer music musician
    singer concert opera circus illustrator illustration sculptor sculpture canvas portrait
    portraits choreographer designer""".split()
)
_ARTIST = re.compile(r"\bartist|\bartwork", re.I)  # a skill's name that says an artist's work
# kinds of people a skill is done for; a word of one kind is no word of another
PEOPLE = tuple(
    frozenset(lemma(w) for w in kind.split())
    for kind in (
        "patient patients",
        "child children pupil pupils student students kid kids",
        "customer customers client clients guest guests shopper shoppers",
        "passenger passengers",
    )
)
_AGENT = ("er", "or", "eer", "ier", "ist", "ian", "ant")  # endings of a person's noun
_OF_WORDS = frozenset("of in for on to with at by from".split())  # a head's words before them
_OF = re.compile(r"\b(?:of|in|for|at|to|on|with)\b|[(,/]")  # a title's head ends before them


def _label_lemmas(text: str) -> set[str]:
    """The lemmas of a label's words, uncached: each label of the taxonomy is read once."""
    return {lemma(m.group()) for m in WORD.finditer(text)}


# texts this long or shorter are kept lemmatised (4,096 of them at most, a few MB); a longer one
# (a posting's flattened list, up to the caller's text limit) is lemmatised each time it is asked
# about, so the caches cannot grow to gigabytes
CACHE_MAX_CHARS = 1_000


def _tokenize(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), lemma(m.group())) for m in WORD.finditer(text))


_tokens_cached = lru_cache(maxsize=4096)(_tokenize)


def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, lemma) of each word of `text`: a sentence, a unit or a label is lemmatised
    once, however many candidate skills ask about it (CACHE_MAX_CHARS)."""
    return _tokens_cached(text) if len(text) <= CACHE_MAX_CHARS else _tokenize(text)


def _lemma_set(text: str) -> frozenset[str]:
    return frozenset(t for _, _, t in _tokens(text))


_lemmas_cached = lru_cache(maxsize=4096)(_lemma_set)


def _lemmas(text: str) -> frozenset[str]:
    return _lemmas_cached(text) if len(text) <= CACHE_MAX_CHARS else _lemma_set(text)


@lru_cache(maxsize=4096)
def _kind_words(label: str) -> tuple[str, ...]:
    """The lemmas of a label's words but its acronyms ("HR": its own name, no kind)."""
    return tuple(lemma(w) for w in WORD.findall(label) if not w.isupper())


def _is_plural(word: str) -> bool:
    w = word.lower()
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s"))


def _of_roles(skills: Sequence[SkillEntry], vocabulary: Iterable[str]) -> dict[str, list[int]]:
    """Role lemma -> rows of the skills whose name ends in that role's people ("support
    volunteers"): a plural whose singular is the head of an occupation title, its last word
    before "of", "in", ... ("political party volunteer"; "director of rooms" names directors), the
    skill's people its object's last word before them ("manage volunteers in second-hand shop")."""
    heads = (_OF.split(t.lower())[0] for t in vocabulary)  # "director of rooms": director
    roles = {  # a person: an agent noun ("process", "team", "environment" head titles too)
        lemma(words[-1]) for t in heads if (words := WORD.findall(t)) and words[-1].endswith(_AGENT)
    }
    out: dict[str, list[int]] = {}
    # a role's doing in few skills' names ("volunteering"); a field's in many ("engineering")
    written = Counter(w.lower() for s in skills for w in set(WORD.findall(s.preferred_label)))
    for row, s in enumerate(skills):
        words = WORD.findall(_OF.split(s.preferred_label)[0])  # "... volunteers in shops"
        if len(words) >= 2 and _is_plural(words[-1]) and lemma(words[-1]) in roles:
            out.setdefault(lemma(words[-1]), []).append(row)
        elif len(words) >= 2 and lemma(words[0]) in MANAGING:  # "manage volunteering programmes"
            doing = (w for w in words[1:] if w.endswith("ing") and written[w] < SPECIFIC_MAX)
            for w in {lemma(w) for w in doing} & roles:
                out.setdefault(w, []).append(row)
    return out


class _Covers:
    """Spans, asked whether one of them holds [start, end) and is longer (`holds`) in log time:
    the spans sorted by start, with the furthest end among those starting before each."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [lo for lo, _ in ordered]
        self._ends = list(accumulate((hi for _, hi in ordered), max, initial=-1))

    def holds(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, start)  # spans starting before `start`
        at = bisect_right(self._starts, start)  # ... or at it
        return self._ends[before] >= end or self._ends[at] > end


def _objects(skill: SkillEntry) -> set[str]:
    """The object words of a managing skill (lemmas): those of its name after the verb, and of
    its alternative labels said with a managing verb first ("supervise pharmacy staff" of
    *supervise pharmaceutical staff*: a sales assistant "on the pharmacy counter" read it)."""
    out = set()
    for label in (skill.preferred_label, *alt_labels(skill)):
        words = WORD.findall(label)
        if _managing_label(words):
            out |= {lemma(w) for w in words[1:]}
    return out - _GENERIC - MANAGING


def _managing_label(words: list[str]) -> bool:
    """Does a label of these words name managing: a managing verb first, or a verb of planning
    first and others' work its object ("plan shifts of employees", "arrange shifts of employees":
    "early shifts" read it; "plan menus" is no one's management)?"""
    if len(words) < 2:
        return False
    first = words[0].lower()
    return first in _MANAGING_VERBS or (
        first in _PLANNING_VERBS and bool({w.lower() for w in words[1:]} & _OTHERS)
    )


class Unmeant:
    """The skills of `skills` that a sentence's words must not read (module docstring)."""

    def __init__(self, skills: Sequence[SkillEntry], vocabulary: Iterable[str] = ()) -> None:
        """`vocabulary`: occupation titles (the roles a learner holds); none: no role is known."""
        self._by_object: dict[str, list[int]] = {}  # object lemma -> rows of managing skills
        self._watching: set[int] = set()  # rows whose verb is "monitor" (or "control")
        self._made: dict[str, list[int]] = {}  # object lemma -> rows of making skills
        for row, s in enumerate(skills):
            words = [m.group() for m in WORD.finditer(s.preferred_label)]
            if len(words) >= 2 and words[0].lower() in MAKING_VERBS:
                for obj in {lemma(w) for w in words[1:]} - _GENERIC:
                    self._made.setdefault(obj, []).append(row)
            if not _managing_label(words):
                continue
            if words[0].lower() in ("monitor", "control"):
                self._watching.add(row)
            for obj in _objects(s):
                self._by_object.setdefault(obj, []).append(row)
        self._of_role = _of_roles(skills, vocabulary)
        self.title_fields = TitleFields(skills, vocabulary)  # "Security Officer": no field
        self.unsaid = UnsaidSkills(skills)  # a driver's "CPC" is no pay-per-click
        self._people: dict[frozenset[int], list[int]] = {}  # kinds named -> rows
        for row, s in enumerate(skills):
            kinds = frozenset(
                i for i, k in enumerate(PEOPLE) if k & _label_lemmas(s.preferred_label)
            )
            if kinds:
                self._people.setdefault(kinds, []).append(row)
        self._named = Counter(  # lemma -> skills writing it in any label
            t
            for s in skills
            for t in set().union(*map(_label_lemmas, (s.preferred_label, *alt_labels(s))))
        )
        self._languages = language_rows(skills)  # "Italian" (indexing.languages)
        self._knowledge = {  # knowledge areas, not tools: "NET" is "dot net"
            row
            for row, s in enumerate(skills)
            if s.skill_type == "knowledge" and not is_technology(s)
        }
        self._making = {  # an industry's making of a thing ("manufacturing of heating equipment")
            row
            for row in self._knowledge
            if WORD.findall(skills[row].preferred_label.lower())[:1]
            in (["manufacturing"], ["production"])
        }
        # an artist's work ("work independently as an artist", "handle artworks")
        self._artists = {row for row, s in enumerate(skills) if _ARTIST.search(s.preferred_label)}
        self._one_word = {  # competences of one everyday word ("plan"; not "Irish")
            row
            for row, s in enumerate(skills)
            if s.skill_type == "skill/competence"
            and len(WORD.findall(s.preferred_label)) == 1
            and s.preferred_label.strip().islower()
        }
        named = Counter(t for s in skills for t in set(span_key(s.preferred_label)))
        self._shared: dict[int, frozenset[str]] = {}
        for row, s in enumerate(skills):
            if s.skill_type != "knowledge":
                continue
            own = set(span_key(s.preferred_label))
            words = {
                key[0]
                for label in (*alt_labels(s), *hidden_labels(s))
                if len(key := span_key(label)) == 1 and key[0] not in own
            }
            words = {w for w in words if named[w] >= SHARED_MIN or w in NOT_ALONE.get(s.uri, ())}
            if words:
                self._shared[row] = frozenset(words)

    def managing(self, sentence: str) -> set[int]:
        """Rows of managing skills whose object the sentence names without managing it, and of
        skills over a role's people where the sentence is one of them (module docstring)."""
        words, toks = _lemmas(sentence), _tokens(sentence)
        plural = {w for a, b, w in toks if _is_plural(sentence[a:b])}
        managed = {  # a role's word with another managing word next to it ("volunteer
            toks[i][2]  # coordinator"); a managing role alone ("Supervisor") is one person
            for i in range(len(toks))
            if any(
                toks[j][2] in MANAGING
                for j in range(max(0, i - _NEAR), min(len(toks), i + _NEAR + 1))
                if j != i
            )
        }
        roles = {r for w in words - plural - managed for r in self._of_role.get(w, ())}
        if words & MANAGING:
            return roles
        rows = {r for w in words for r in self._by_object.get(w, ())}
        if words & _WATCHING:
            rows -= self._watching
        return rows | roles

    def made(self, sentence: str) -> set[int]:
        """Rows of making skills whose object the sentence reads or follows and does not make
        (module docstring: reading is not making)."""
        words = _lemmas(sentence)
        if not words & READING or words & _MAKES:
            return set()
        return {r for w in words for r in self._made.get(w, ())}

    def others(self, sentence: str) -> set[int]:
        """Rows of skills done for people of kinds the sentence does not name, where it names
        people of another kind (module docstring)."""
        words = _lemmas(sentence)
        said = {i for i, k in enumerate(PEOPLE) if k & words}
        if not said:
            return set()
        return {r for kinds, rows in self._people.items() if not kinds & said for r in rows}

    def adjective(self, row: int, text: str, start: int, end: int) -> bool:
        """Was language `row` read from a word that says another thing's kind ("Italian
        restaurant": indexing.languages)?"""
        return row in self._languages and as_adjective(text, start, end)

    def unmade(self, row: int, text: str) -> bool:
        """Is `row` an industry's making of a thing, read from a text that says no making
        (module docstring)?"""
        return row in self._making and not _lemmas(text) & MAKING

    def artless(self, row: int, text: str) -> bool:
        """Is `row` an artist's work, read from a text that says nothing of the arts (module
        docstring)?"""
        return row in self._artists and not _lemmas(text) & ARTS

    def kind_of(self, row: int, label: str, evidence: str, sentence: str) -> bool:
        """Was knowledge area `row` read from the words `evidence` through `label`, which ends
        in those words after a word of a kind the sentence does not say (module docstring)?"""
        words = _kind_words(label)
        said = [lemma(w) for w in WORD.findall(evidence)]
        if row not in self._knowledge or not said or len(words) <= len(said):
            return False
        if list(words[-len(said) :]) != said:  # "food safety" of *wild game meat food safety*
            return False
        if len(said) > 1 and words[-len(said) - 1] in _OF_WORDS:
            return False  # "rules of food hygiene": its head before "of", no kind of the words
        unsaid = set(words[: -len(said)]) - _lemmas(sentence) - _GENERIC
        return any(self._named[w] < SPECIFIC_MAX for w in unsaid)

    @staticmethod
    def rests_on(skill: SkillEntry, text: str, unit, owned: list[tuple[int, int]]) -> bool:
        """Do the words that `skill`'s name shares with the unit all lie in curated words (the
        spans `owned`, offsets in `text`)? Then the curated word, which names its own skills,
        is all that read it: "giving medication" is no *work with healthcare users under
        medication*. A skill that shares no word is read from the meaning, and kept."""
        name = _lemmas(skill.preferred_label) - _GENERIC
        shared = [(unit.start + a, unit.start + b) for a, b, w in _tokens(unit.text) if w in name]
        return bool(shared) and all(any(lo <= a and b <= hi for lo, hi in owned) for a, b in shared)

    def explained(self, found: dict[int, tuple[str, bool, list]]) -> set[int]:
        """Rows of one-word competences whose every evidence span lies inside a longer span of
        another skill of `found` (row -> its preferred label, whether a curated word read it,
        its evidence spans) whose label writes that word or that a curated word read."""
        out = set()
        for row in self._one_word.intersection(found):
            word = _lemmas(found[row][0])
            covers = [
                (ev.start, ev.end)
                for other, (label, curated, evs) in found.items()
                if other != row and (curated or word <= _lemmas(label))
                for ev in evs
            ]
            inside = _Covers(covers)
            if all(inside.holds(ev.start, ev.end) for ev in found[row][2]):
                out.add(row)
        return out

    def shared(self, row: int, label: str) -> bool:
        """Is `label`, the label that read skill `row`, a word that many skills share?"""
        words = self._shared.get(row)
        return bool(words) and " ".join(span_key(label)) in words
