"""What a learner says they do names their trade where no title does: "I work nights stacking
shelves at Tesco" (*shelf filler*, by its label "shelf stacker"), "I drive a bus for a living"
(*bus driver*), "I clean offices at night" (*building cleaner*: "office cleaner"), "Cutting hair
in a salon" (a line of a CV that opens with what was done: *barber*'s "hair cutter").

The doer of the verb after the thing it is done to makes a title ("shelf" + "stacker"); it is read
only where a label of the taxonomy (or a curated title) says it exactly, so "I fix cars" ("car
fixer") reads none; nor does one's own or another's thing ("I clean our house", "I walk his
dogs": `_OWN`), nor a line of leisure or what follows a "Hobbies" heading ("I ride horses for
fun"). Verbs of running or managing work ("I manage a team", "I run projects"), of wanting or
liking, of sport and of work in general name no trade (`_NO_TRADE`). The reader is used only
where the text names no job by a title and none is typed beside it (`experience.read_jobs`):
the title, said, is the better reading.

A clause is "I" (with "'ve", "have", "am", "was", up to two words of time such as "currently",
"used to", and "work nights" before an -ing verb), or a line's start before an -ing verb, then
the verb and up to three words of its thing; bounded, so a long text is read in linear time."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator

from service.profiles.title_doing import is_person
from service.titles.words import normalise_title

_TIME = r"(?:(?:been|also|now|currently|mainly|mostly|still|usually|just|often|used\s+to)\s+)"
_SHIFT = (
    r"(?:work(?:s|ed|ing)?\s+(?:(?:nights?|days|evenings|weekends|shifts|part[- ]time"
    r"|full[- ]time)\s+)?)"
)
_CLAUSE = re.compile(
    rf"(?:\bI(?:['’]ve|['’]m|['’]d|\s+have|\s+had|\s+am|\s+was)?\s+{_TIME}{{0,2}}"
    rf"(?P<shift>{_SHIFT})?|^[ \t]*(?:[-•*–·▪][ \t]*)?(?P<line>))"
    r"(?P<verb>[A-Za-z]{3,15})[ \t]+(?:(?i:a|an|the|some|(?:other[ \t]+)?people['’]s)[ \t]+)?"
    r"(?P<thing>[A-Za-z]{3,20}(?:[ \t]+[A-Za-z]{3,20}){0,2})",
    re.M,
)
# a line of leisure, not work: "I play football on Sundays", "I ride horses for fun"
_LEISURE = re.compile(
    r"\b(?:hobby|hobbies|interests|for fun|spare time|free time|leisure|pastime|as a volunteer)\b",
    re.I,
)
_LINE = re.compile(r"[^\n]+")
_LEISURE_HEADING = re.compile(
    r"^[ \t]*(?:hobbies|interests|hobbies and interests|outside work|leisure)\b[ \t]*:?",
    re.I | re.M,
)
# one's own things, or another person's: "I clean our house", "I walk his dogs"
_OWN = frozenset("our his her their your its".split())  # "my" is too short to be a thing
# words that end the thing done: "offices at night", "a bus for a living"
_END = frozenset(
    """for at in on with and or from to as since every each across around during until while
    who which that into near nights night days weekends part full when where because but so
    then now here there""".split()
)
# verbs of work in general, of running it, of wanting or liking: they name no trade
_NO_TRADE = frozenset(
    """manage managed manages managing lead led leads leading run ran runs running supervise
    supervised supervising coordinate coordinated coordinating oversee oversaw overseeing
    work worked works working help helped helping use used using support supported supporting
    own owned owning have had has having get got getting take took taking look looked looking
    deal dealt dealing handle handled handling learn learnt learned learning love loved loving
    enjoy enjoyed enjoying like liked liking want wanted wanting need needed needing start
    started starting keep kept keeping hope hoped hoping plan planned planning would could
    will should might must can not also never really play plays played playing ride rides
    rode riding dance dances danced dancing""".split()
)
_IRREGULAR = {
    "drove": "driver",
    "driven": "driver",
    "taught": "teacher",
    "built": "builder",
    "made": "maker",
    "sold": "seller",
    "cook": "cook",
    "cooks": "cook",
    "cooked": "cook",
    "cooking": "cook",
}


def _stems(verb: str) -> list[str]:
    """The verb's plain forms: "stacking" -> "stack"; "drives" -> "drive", "driv"."""
    if verb.endswith("ing"):
        return [verb[:-3]]
    if verb.endswith("ed"):
        return [verb[:-2], verb[:-1]]
    if verb.endswith("es"):
        return [verb[:-1], verb[:-2]]
    if verb.endswith("s") and not verb.endswith("ss"):
        return [verb[:-1]]
    return [verb]


def doers(verb: str) -> list[str]:
    """The words for one who does `verb` ("stacking": "stacker"; "cut": "cutter"; "drives":
    "driver"), the likelier first; none for a verb of no trade."""
    low = verb.lower()
    if low in _NO_TRADE:
        return []
    if low in _IRREGULAR:
        return [_IRREGULAR[low]]
    out: list[str] = []
    for stem in _stems(low):
        out += [stem + "er", stem + "r" if stem.endswith("e") else ""]
        if len(stem) == 3 and stem[1] in "aeiou" and stem[2] not in "aeiouwxy":
            out.append(stem + stem[-1] + "er")  # "cut" -> "cutter", "fit" -> "fitter"
    return [w for w in dict.fromkeys(out) if w]


def _singulars(word: str) -> list[str]:
    """`word` and its singular forms ("shelves": "shelf"; "buses": "bus"; "lorries": "lorry")."""
    out = [word]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("ves"):
        out += [word[:-3] + "f", word[:-3] + "fe"]
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    return out


def _kept(thing: str) -> list[str]:
    """The words of the thing done before a word that ends it ("offices at night": "offices");
    none where its last is a person's ("Teaching assistant" names a person, not what is
    taught)."""
    words: list[str] = []
    if thing.split()[0].lower() in _OWN:
        return []
    for word in thing.lower().split():
        if word in _END:
            break
        words.append(word)
    return [] if words and is_person(words[-1]) else words


def _things(words: list[str]) -> list[str]:
    """The thing done, then its shorter tails, each said singular ("heavy goods vehicles":
    "heavy goods vehicle", "goods vehicle", "vehicle")."""
    out = []
    for i in range(len(words)):
        *mods, last = words[i:]
        out += [" ".join([*mods, one]) for one in _singulars(last)]
    return out


def said_exactly(titles, title: str) -> bool:
    """Whether a label or a curated title of the resolver `titles` says `title` exactly
    (cleaned as a typed title is)."""
    norm = normalise_title(title)
    return bool(titles.labels.exact(norm)) or norm in titles.curated


def _in_lines(lines: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` falls in one of `lines` (spans in order)."""
    i = bisect_right(lines, (at, float("inf"))) - 1
    return i >= 0 and lines[i][0] <= at < lines[i][1]


def doing_titles(text: str, is_label: Callable[[str], bool]) -> Iterator[tuple[str, int, int]]:
    """(title, start, end) of each clause of `text` that says what its writer does in words a
    label says exactly (`is_label`), in order: the title and the clause's verb and thing."""
    leisure = [(m.start(), m.end()) for m in _LINE.finditer(text) if _LEISURE.search(m.group())]
    heading = _LEISURE_HEADING.search(text)  # "Hobbies:": what follows is done for fun
    fun_from = heading.start() if heading is not None else len(text) + 1
    for m in _CLAUSE.finditer(text):
        verb = m.group("verb")
        if m.start() >= fun_from or _in_lines(leisure, m.start()):
            continue  # what one does for fun names no trade
        if m.group("line") is not None and not verb.lower().endswith("ing"):
            continue  # a line's start names a trade by what was being done only
        if m.group("shift") and not verb.lower().endswith("ing"):
            continue  # "I work nights stacking", not "I work days clean"
        words = _kept(m.group("thing"))
        title = next(
            (
                f"{thing} {doer}"
                for thing in _things(words)
                for doer in doers(verb)
                if is_label(f"{thing} {doer}")
            ),
            None,
        )
        if title is not None:
            kept = list(re.finditer(r"\S+", m.group("thing")))[len(words) - 1]
            yield title, m.start("verb"), m.start("thing") + kept.end()


def doing_reads(
    text: str, runtime, job_of: Callable, seen: set[int], most: int, tries: int
) -> list[tuple[object, dict]]:
    """(reading, span) of the jobs `text` says its writer does (`doing_titles`), each by a
    label that says its title exactly (`job_of`: the reading of a title, cached by the caller),
    none of `seen` (which gains them): at most `most`, of at most `tries` titles resolved (a text
    of many such clauses resolves a bounded number). The resolver is asked only where a clause
    says what its writer does."""
    out: list[tuple[object, dict]] = []
    said = doing_titles(text, lambda title: said_exactly(runtime.titles, title))
    for tried, (title, start, end) in enumerate(said):
        if tried >= tries or len(out) >= most:
            break
        best = job_of(title)
        if best is None or not best.exact or best.occupation_id in seen:
            continue
        seen.add(best.occupation_id)
        span = {"phrase": text[start:end], "start": start, "end": end, "score": best.label_score}
        out.append((best, span))
    return out
