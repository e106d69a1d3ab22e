"""Head words: a title's last word names what the person is ("manager", "technician"), and a head
word that ends many occupations' preferred labels names a family of trades, not one of them.

Computed from the taxonomy, not listed (the list it backs, `misleading.MISLEADING_TITLE_LABELS`,
held eight such words by hand):
- `family_heads`: the head words of at least MANY_TRADES preferred labels ("technician" ends 200,
  "teacher" 45, "agent" 17, "driver" 16, "planner" 12, "counsellor" 8; "fitter" 6, "nurse" 2 do
  not);
- `family_head_labels`: a one-word label that is a family head is never matched as one member's
  alternative label: ESCO gives "teacher" to *politics lecturer*, "technician" to *consumer
  electronics repair technician*, "tester" to *software tester*, "installer" to *tent installer*,
  "planner" to *land planner*, "counsellor" to *lawyer* (a US counselor-at-law), and an exact
  label outranks all evidence (`resolution.name_tier`); an occupation's own word in the plural
  ("architects" of *architect*) is its own;
- a title that is a family head alone ("inspector", "agent") names no trade: the resolver reads it
  by the evidence of the whole family and says so (`TitleResolver.resolve`, `family.FAMILY_TITLE`);
- `loose_head`: a reading by a label or known title that does not equal the title and ends in
  another head word than the title's person ("ward manager" read by O*NET's "Ward Service
  Supervisor") is a guess of another role, and says so (`resolver.LOW_CONFIDENCE`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Sequence

from service.titles.names import stem
from service.titles.words import PAREN, title_words

MANY_TRADES = 8  # preferred labels ending in the word: a family ("counsellor" 8, "fitter" 6)
# one head word spelt two ways
SAME_HEADS = {"advisor": "adviser"}


def head_word(title: str) -> str:
    """The title's last word, lowered and without a plural "s", what it has in brackets left out
    ("Administrator (Admin)": "administrator"); "" for a title of no word."""
    words = title_words(PAREN.sub(" ", title)) or title_words(title)
    if not words:
        return ""
    return stem(SAME_HEADS.get(words[-1], words[-1]))


def head_counts(preferred: Iterable[str]) -> Counter[str]:
    """head word -> how many of the `preferred` labels end in it."""
    return Counter(w for w in map(head_word, preferred) if w)


def family_heads(preferred: Iterable[str], many: int = MANY_TRADES) -> frozenset[str]:
    """The head words of at least `many` of the `preferred` labels."""
    return frozenset(w for w, n in head_counts(preferred).items() if n >= many)


def family_head_labels(
    rows: Iterable[tuple[Hashable, Sequence[str]]], heads: frozenset[str]
) -> frozenset[tuple[Hashable, str]]:
    """(occupation, lowered label) of each one-word alternative label that is a family head, of
    rows (occupation, (preferred label, *alternative labels))."""
    out = set()
    for key, (preferred, *alternative) in rows:
        for label in alternative:
            low = label.strip().lower()
            own = stem(low) == stem(preferred.lower())  # "architects" of *architect*
            if not own and len(title_words(low)) == 1 and head_word(low) in heads:
                out.add((key, low))
    return frozenset(out)


def loose_head(title: str, label: str, person_heads: Collection[str]) -> bool:
    """Whether `label`, a loose reading of `title`, ends in another head word, the title's being
    a person's word (`person_heads`: the head words of preferred labels): "nursing" of "nursing
    student" read without its level, or "junior" of "office junior", names no person to differ
    from."""
    said, read = head_word(title), head_word(label)
    return bool(said and read) and said != read and said in person_heads
