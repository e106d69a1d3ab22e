"""How a verb and its object are found in a text (`find_pairs`), and the words of a rule
(`WordPair`, `lemma`): the reading `indexing.word_pairs` describes, apart from its rules."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_GAP = 3  # words between a verb and its object ("fixing the staff's laptops": 2)
WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_CLAUSE_END = re.compile(r"[,;:.()!?]")
_IRREGULAR = {
    "dealt": "deal",
    "drove": "drive",
    "driven": "drive",
    "ran": "run",
    "sold": "sell",
    "swept": "sweep",
    "gave": "give",
    "given": "give",
    "kept": "keep",
    "fed": "feed",
    "laid": "lay",
    "led": "lead",
    "took": "take",
    "taken": "take",
    "taught": "teach",
}


def lemma(word: str) -> str:
    """A light lemma of an English word: the same for its inflections ("fixing", "fixed",
    "fixes" -> "fix"; "nappies", "nappy" -> "nappy"; "changing", "change" -> "chang"). Not a
    dictionary form: both sides of a rule go through it."""
    w = word.lower().removesuffix("'s").removesuffix("'")
    w = _IRREGULAR.get(w, w)
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("ches", "shes", "xes", "sses")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if len(w) >= len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            if w[-1] == w[-2] and w[-1] not in "lsz":  # prepping, mopped, resetting
                w = w[:-1]
            break
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


@dataclass(frozen=True)
class WordPair:
    """First words (verbs, modifiers) and second words (their objects, heads) that together
    name `skills` (ESCO preferred labels), where the sentence has `context` (if any). A second
    word written with "-ing" is read only where the rule lists it so (`second_ing`: "drawings",
    "bedding"): "planning" is not "plan". With `head`, the second word must end its phrase
    ("worked in a phone shop", not "on the shop floor"); with `between`, the words between are
    only those ("keeping the books", not "kept a log book"); with `unless`, none of those words
    is between ("supervised by the manager" supervises no one); without `compound`, a second
    word before a first word is no pair ("Engineer managing the build" manages no engineer);
    with `over`, the people of its object are others, and another rule's reading that ends on
    them names none of the learner's work ("Managed 4 delivery drivers" drives nothing:
    `over_objects`); with `within` (its context's words), its context may be said between its
    own words ("Managed 15 call centre agents": `indexing.aliases`); with `not_after`, a word
    just before its first word voids it ("Produced direct reports" made documents); without
    `doing`, a word of doing ("-ing") just after its first word voids it ("responsible for
    training new drivers")."""

    first: frozenset[str]
    second: frozenset[str]
    skills: tuple[str, ...]
    context: str = ""
    second_ing: frozenset[str] = frozenset()
    head: bool = False
    between: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    compound: bool = True
    over: bool = False
    within: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    doing: bool = True

    @classmethod
    def of(
        cls, first: str, second: str, skills: tuple[str, ...], context: str = "", **kw
    ) -> WordPair:
        lemmas = lambda words: frozenset(lemma(w) for w in words.split())  # noqa: E731
        ing = frozenset(lemma(w) for w in second.split() if w.endswith(("ing", "ings")))
        return cls(lemmas(first), lemmas(second), skills, context, ing, **kw)


def _coordinated(text: str, first: tuple, before: tuple, after: tuple) -> bool:
    """Is the comma between `before` and `after` one of a list of verbs that share the object
    ("cutting, colouring and styling hair")? Only a bare comma, after the first verb itself or
    a verb of its form, before a verb of the same form (its "-ing" or "-ed")."""
    if text[before[1] : after[0]].strip() != ",":
        return False
    ending = next((e for e in ("ing", "ed") if text[first[0] : first[1]].endswith(e)), "")
    return bool(ending) and all(text[t[0] : t[1]].endswith(ending) for t in (before, after))


# words that, said together, are one word of a rule: "looking after", "under-fives"
_JOINED = {
    tuple(lemma(w) for w in words.split()): lemma(words.replace(" ", "_"))
    for words in ("look after", "under five", "responsible for", "charge of")
}
# verbs whose "<verb> to" is another verb's doing: "the team managed to cut waiting times",
# "I managed to join the team" succeeded
_TO_SENSE = frozenset({lemma("manage")})
# words after an object that end its phrase (`WordPair.head`): "worked in a shop for years",
# "managing 12 pickers across three sites"
_PHRASE_END = frozenset(
    "for in on at with and or as where when while since from near until till before after "
    "during then but such including like to of across".split()
)


def _tokens(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, lemma, lower-cased word) of each word, `_JOINED` words as one."""
    raw = [(m.start(), m.end(), lemma(m.group()), m.group().lower()) for m in WORD.finditer(text)]
    out, i = [], 0
    while i < len(raw):
        pair = (raw[i][2], raw[i + 1][2]) if i + 1 < len(raw) else None
        if pair in _JOINED and text[raw[i][1] : raw[i + 1][0]] in (" ", "-"):
            out.append((raw[i][0], raw[i + 1][1], _JOINED[pair], raw[i + 1][3]))
            i += 2
        else:
            out.append(raw[i])
            i += 1
    return out


def _is_second(tok: tuple, rule: WordPair) -> bool:
    """Is `tok` a second word of `rule`? One written with "-ing" only where the rule lists it
    so ("reading planning policy" has no plan)."""
    return tok[2] in rule.second and (
        not tok[3].endswith(("ing", "ings")) or tok[2] in rule.second_ing
    )


def _ends_phrase(text: str, toks: list, j: int) -> bool:
    """Does the word `j` end its phrase: the text's end, a clause's, or a `_PHRASE_END` word
    next, and no number before the clause's end ("worked till 10" is a time; "Led the night
    shift, 6 staff" ends at the comma)?"""
    after = text[toks[j][1] : toks[j + 1][0] if j + 1 < len(toks) else len(text)]
    clause = _CLAUSE_END.search(after)
    if any(c.isdigit() for c in after[: clause.start() if clause else len(after)]):
        return False
    return j + 1 == len(toks) or clause is not None or toks[j + 1][3] in _PHRASE_END


def _to_sense(toks: list, i: int) -> bool:
    """Is the word `i` a verb of `_TO_SENSE` before "to" ("managed to")?"""
    return toks[i][2] in _TO_SENSE and i + 1 < len(toks) and toks[i + 1][3] == "to"


def _object_of(text: str, toks: list, i: int, rule: WordPair) -> int | None:
    """The index of the first word `i`'s object of `rule`: a second word at most `MAX_GAP`
    words on in the clause (a list of verbs sharing it apart: "cutting, colouring and styling
    hair", "train and supervise a team"), not after "<verb> to" of `_TO_SENSE`."""
    if _to_sense(toks, i):
        return None
    limit = MAX_GAP
    if i + 2 < len(toks) and toks[i + 1][3] in ("and", "or"):
        limit += 2  # "train and supervise a team": the verbs share the object
    if i and toks[i - 1][2] in rule.not_after:
        return None  # "Produced direct reports": documents
    if not rule.doing and i + 1 < len(toks) and toks[i + 1][3].endswith("ing"):
        return None  # "responsible for training new drivers": the training
    for j in range(i + 1, min(i + 2 + limit, len(toks))):
        if _CLAUSE_END.search(text, toks[j - 1][1], toks[j][0]):
            if not _coordinated(text, toks[i], toks[j - 1], toks[j]):
                return None
        if _is_second(toks[j], rule):
            return j if not rule.head or _ends_phrase(text, toks, j) else None
        if (rule.between and toks[j][3] not in rule.between) or toks[j][3] in rule.unless:
            return None
    return None


def find_pairs(text: str, rules: tuple[WordPair, ...]) -> list[tuple]:
    """(start, end, rule) of each rule read in `text`: a first word, then a second word at most
    MAX_GAP on in the same clause (`_object_of`), or a second word just before a first word (a
    noun compound: "password resets", "records kept"; not "the team managed to")."""
    toks = _tokens(text)
    out = []
    for i, (start, _, word, _) in enumerate(toks):
        for rule in rules:
            if word in rule.first:
                j = _object_of(text, toks, i, rule)
                if j is not None:
                    out.append((start, toks[j][1], rule))
            if (
                rule.compound
                and _is_second(toks[i], rule)
                and i + 1 < len(toks)
                and toks[i + 1][2] in rule.first
            ):
                if not _to_sense(toks, i + 1) and not _CLAUSE_END.search(
                    text, toks[i][1], toks[i + 1][0]
                ):
                    out.append((start, toks[i + 1][1], rule))
    return out


def over_objects(found: list[tuple]) -> list[tuple]:
    """`found` (`find_pairs`) less each reading that starts after an `over` rule's verb and ends
    on its object ("delivery drivers" of "Managed 4 delivery drivers"): the learner manages
    the drivers, and drives nothing."""
    first: dict[int, int] = {}  # an `over` reading's end -> its earliest start (linear)
    for a, b, rule in found:
        if rule.over:
            first[b] = min(a, first.get(b, a))
    return [(a, b, rule) for a, b, rule in found if rule.over or not (b in first and first[b] < a)]
