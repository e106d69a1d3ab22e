"""A job title said with what the learner works on, or where, before the trade: "Supermarket
checkout operator", "Lorry mechanic", "Python developer".

Resolved whole, such a title names no job: the place or the object's word takes it away from
every label ("Supermarket checkout operator" read *buy groceries* and no job, though "checkout
operator" is a label of *cashier*). A careers adviser reads the trade in it:

- `tool_trade`: a programming language or a tool of the taxonomy before "developer",
  "programmer" or "dev" (a level before it left out: "Senior Java developer") names the
  developer of its kind: a tool ESCO (or
  service.taxonomy.onet_kinds) files under *web programming* a web developer ("React
  developer"), under *database management systems* or *query languages* a database developer
  ("SQL developer"), under *computer programming* a software developer ("Java developer",
  "Python programmer").
- `title_tails`: the title without its first one or two words, longest first, where those words
  are plain words (no person's word: "Electrician mate" is a mate, not an electrician, and no
  number, no word of an aim or a hobby: "Aspiring social worker"); the caller reads a tail of two
  words or more only where it is a label of one occupation exactly, so a tail that is a looser
  reading adds nothing, and a shared tail of any length ("Lorry mechanic") only by the skills of
  its line (`shared_titles.LineJobs`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlmodel import Session

from service.profiles.neighbours import broader_kinds

if TYPE_CHECKING:
    from service.runtime import Runtime

MAX_DROPPED = 2  # words before the trade read as its place or object ("cold store forklift")
_PLAIN = re.compile(r"[A-Za-z][a-z'-]*|[A-Z]{2,4}")
# no "engineer": an access, assembly or ML engineer is no developer of a tool (review)
_DEVELOPER = re.compile(r"^(.+?)\s+(?:developer|programmer|dev)$", re.I)
# a level or a contract before the tool ("Senior Java developer"): not the tool's name
_LEVEL = re.compile(
    r"^(?:(?:senior|snr|sr|junior|jnr|jr|lead|principal|graduate|trainee|freelance|contract"
    r"|contractor|mid-level|mid|experienced)\.?\s+)+",
    re.I,
)
# a person's word ends a dropped word's reading: "Electrician mate", "Nurse assistant"
_PERSON_END = re.compile(r"(?:er|or|ist|ian|man|woman|nurse|chef|cook|aide)$", re.I)
# a level, or a word of an aim, a hobby or a make-believe: "Aspiring social worker", "Fantasy
# football manager", "Dolls house builder" hold no such job (review)
_NOT_DROPPED = frozenset(
    """senior junior trainee apprentice assistant deputy head chief lead student intern
    aspiring budding prospective future would-be wannabe fantasy toy model dolls doll hobby
    amateur pretend""".split()
)

# the kind a tool is filed under -> the developer of that kind
_TRADE_OF_KIND = {
    "web programming": "web developer",
    "database management systems": "database developer",
    "query languages": "database developer",
    "computer programming": "software developer",
}
_ORDER = ("web developer", "database developer", "software developer")


def tool_names(runtime: Runtime, session: Session) -> dict[str, str]:
    """A tool's name (lower case, its label without the bracketed kind: "python" of "Python
    (computer programming)") -> the trade of its kind (`_TRADE_OF_KIND`), built once."""

    def build() -> dict[str, str]:
        kinds = broader_kinds(runtime, session)
        out: dict[str, str] = {}
        for e in runtime.skills.values():
            if not e.technology:
                continue
            trades = {
                _TRADE_OF_KIND[k]
                for k in (runtime.skills[i].preferred_label for i in kinds.get(e.id, ()))
                if k in _TRADE_OF_KIND
            }
            if not trades:
                continue
            trade = next(t for t in _ORDER if t in trades)
            for label in e.labels:
                name = re.sub(r"\s*\([^)]*\)\s*$", "", label).strip().lower()
                if name and name not in out:
                    out[name] = trade
        return out

    return runtime.once("tool_trades", build)  # type: ignore[return-value]


def developer_tool(title: str) -> str | None:
    """The words before a developer's word ("java" of "Java developer"), lower case, or None."""
    m = _DEVELOPER.match(title.strip())
    if m is None:
        return None
    level = _LEVEL.match(m.group(1))
    tool = m.group(1)[level.end() if level is not None else 0 :]
    return " ".join(tool.lower().split()) or None


def tool_trade(title: str, tools: dict[str, str] | Callable[[], dict[str, str]]) -> str | None:
    """The developer `title` names by its tool ("Java developer" -> "software developer"), or
    None where the words before its developer's word are no tool's name. `tools`: the map of
    `tool_names`, or what gives it (asked only for a title of a developer)."""
    tool = developer_tool(title)
    if tool is None:
        return None
    return (tools() if callable(tools) else tools).get(tool)


def title_tails(title: str) -> list[str]:
    """`title` without its first one or two plain words, longest first (module docstring)."""
    words = title.split()
    out = []
    for cut in range(1, min(MAX_DROPPED, len(words) - 1) + 1):
        dropped = words[:cut]
        if not all(_plain(w) for w in dropped):
            break
        out.append(" ".join(words[cut:]))
    return out


# workplaces said before a trade: a one-word trade after them is read as it is ("School
# caretaker", "Hospital cleaner"), where after any other word it may be another thing ("Civil
# servant" is no *servant*)
PLACE_WORDS = frozenset(
    """school schools hospital hospitals hotel hotels supermarket warehouse factory office
    council pub restaurant cafe shop store garage farm prison airport university college nursery
    bank church club gym library museum theatre cinema casino station depot site kitchen bar
    salon spa surgery practice clinic pharmacy hostel care nursing home retail""".split()
)


def after_place(title: str) -> str | None:
    """The trade after the workplace `title` begins with (one or two of `PLACE_WORDS`), or None."""
    words = title.split()
    for cut in range(min(MAX_DROPPED, len(words) - 1), 0, -1):
        if all(w.lower() in PLACE_WORDS for w in words[:cut]):
            return " ".join(words[cut:])
    return None


def _plain(word: str) -> bool:
    if _PLAIN.fullmatch(word) is None or word.lower() in _NOT_DROPPED:
        return False
    return _PERSON_END.search(word) is None or word.isupper()


def placed_form(title: str) -> str | None:
    """`title` with its first word, a workplace's work ("banking", "farming"), said as the
    workplace ("banking cashier": "bank cashier", a label of *bank teller*); None where it
    begins with no such word."""
    first, _, rest = title.partition(" ")
    low = first.lower()
    if rest and low.endswith("ing") and low[:-3] in PLACE_WORDS:
        return f"{low[:-3]} {rest}"
    return None


# a shop's word ending what it sells: "Mobile phone shop sales assistant", "Garden centre
# sales assistant"
_SHOP_WORDS = frozenset("shop shops store stores centre center showroom counter".split())


def trade_after_shop(phrase: str) -> str | None:
    """The trade said after a shop's word, where a title is too long for one (more than four
    words: "Mobile phone shop sales assistant" -> "sales assistant"), the words before that
    word plain (`title_tails`); None where it has none. The end of `phrase`: the caller reads
    it as a title."""
    words = list(_WORD.finditer(phrase, 0, len(phrase)))
    for i, word in enumerate(words[: 1 + MAX_DROPPED], start=1):
        if word.group().lower() in _SHOP_WORDS and i < len(words) <= i + 4:
            plain = all(_plain(w.group()) for w in words[: i - 1])
            return phrase[words[i].start() :] if plain else None
    return None


_WORD = re.compile(r"\S+")
