"""The languages a learner reads, for the credentials a plan may use: a care assistant who wrote
her CV in English was planned a 100 h German certificate and a French course (the catalog holds
credentials in five languages).

`learner_languages`: the language the learner's words are written in (by their commonest small
words: `text_language`), with every language the learner holds as a skill (*English*, *Urdu*:
"Skills: English and Urdu"). None where the words say no language (no text, or too few of any
language's small words): then no credential is left out for its language. A request's own
`constraints.languages` always wins (`service.recommend.gap`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

# the commonest small words of the catalog's languages (function words only: never a skill)
_SMALL_WORDS = {
    "en": "the and of to in for with a an on at as i my was is have has been from by we our",
    "de": "der die das und ich mit für ein eine einem einer von zu im ist bei auf den dem als wir"
    " nicht seit bin habe zur zum über auch oder",
    "fr": "le la les et de des du un une pour avec dans je est au aux sur en par nous",
    "es": "el la los las y de del un una para con en por es mi trabajé como sobre al",
    "nl": "de het een en van voor met in op ik ben heb als bij zijn wij ook naar",
    # languages the demo catalog lacks, so that their words are not taken for a neighbour's
    # ("Ho lavorato come cameriere in un ristorante" read Spanish by "un", "con", "la")
    "it": "il lo gli le di del della che ho sono per con una un nel alla come anni",
    "pt": "o os as e de do da dos das em no na num numa um uma com por para trabalhei sou anos",
}
_WORDS_OF = {code: frozenset(words.split()) for code, words in _SMALL_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_SMALL_WORDS = 3  # fewer say no language ("Python, SQL, Excel")
MARGIN = 1.5  # the first language's small words at least this many times the second's
ENGLISH_SHARE = 0.7  # of a list's longer words, in the taxonomy's English labels

# ESCO's language skills (their preferred labels) -> ISO 639-1
LANGUAGE_SKILLS = {
    "english": "en", "german": "de", "french": "fr", "spanish": "es", "dutch": "nl",
    "italian": "it", "portuguese": "pt", "polish": "pl", "romanian": "ro", "greek": "el",
    "swedish": "sv", "danish": "da", "finnish": "fi", "czech": "cs", "hungarian": "hu",
    "urdu": "ur", "hindi": "hi", "punjabi": "pa", "bengali": "bn", "arabic": "ar",
    "turkish": "tr", "russian": "ru", "ukrainian": "uk", "chinese": "zh", "japanese": "ja",
}  # fmt: skip


def text_language(
    text: str, english: Collection[str] = frozenset(), max_words: int = 2000
) -> str | None:
    """The language of `text` by its small words (the first `max_words` words), or None. A CV
    written as a list has few ("Personal care, medication rounds, care plans"): English too
    where most of its longer words are words of the taxonomy's English labels (`english`)."""
    counts = dict.fromkeys(_WORDS_OF, 0)
    longer = known = 0
    for i, m in enumerate(_WORD.finditer(text)):
        if i >= max_words:
            break
        word = m.group().lower()
        for code, words in _WORDS_OF.items():
            counts[code] += word in words
        if len(word) >= 3:
            longer += 1
            known += word in english
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    (first, n1), (_second, n2) = ranked[0], ranked[1]
    if n1 >= MIN_SMALL_WORDS and n1 >= MARGIN * n2:
        return first
    english_first = counts["en"] >= n1  # no other language's small words outnumber English's
    if english_first and longer >= MIN_SMALL_WORDS and known >= ENGLISH_SHARE * longer:
        return "en"
    return None


# the names and three-letter codes a credential's language may be written as ("English",
# "eng"), besides the two-letter code
_OTHER_NAMES = {"en": ("eng",), "de": ("deu", "ger"), "fr": ("fra", "fre"), "es": ("spa",),
                "nl": ("nld", "dut"), "it": ("ita",), "pt": ("por",)}  # fmt: skip
_NAME_OF = {code: name for name, code in LANGUAGE_SKILLS.items()}


def written_as(codes: Iterable[str]) -> frozenset[str]:
    """Each language code with the other ways a credential may write it."""
    out: set[str] = set()
    for code in codes:
        out |= {code, *_OTHER_NAMES.get(code, ()), *((_NAME_OF[code],) if code in _NAME_OF else ())}
    return frozenset(out)


def language_names(codes: Iterable[str]) -> str:
    """ "English, Urdu": the languages' names (a code no name is known for as itself)."""
    return ", ".join(sorted(_NAME_OF.get(c, c).capitalize() for c in codes))


def learner_languages(
    text: str, held_labels: Iterable[str], english: Collection[str] = frozenset()
) -> frozenset[str] | None:
    """The languages of the learner's words and of the language skills they hold (module
    docstring); None where the words say none. `english`: `label_words`."""
    written = text_language(text, english) if text else None
    if written is None:
        return None
    held = {LANGUAGE_SKILLS[x.lower()] for x in held_labels if x.lower() in LANGUAGE_SKILLS}
    return frozenset({written, *held})


def label_words(labels: Iterable[str]) -> frozenset[str]:
    """The lower-case words of the taxonomy's (English) labels."""
    return frozenset(w.lower() for label in labels for w in _WORD.findall(label))
