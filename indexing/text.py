"""Split text into sentences and phrases, keeping character offsets into the original text.

Pure functions, standard library only. Every `Span` satisfies
`span.text == text[span.start:span.end]` for the `text` it was cut from, so spans can be shown
as evidence or highlighted in a page.

- `split_sentences(text)`: lines, list items (bullets, numbering) and sentences ending in . ! ?
  (not after common abbreviations, single letters or inside numbers like 3.5).
- `split_phrases(text, start, end)`: inside one sentence, the pieces between ; , : ( ) / | and the
  coordinators "and" / "or" / "as well as" / "such as" / "including" / "e.g.", with leading filler
  ("strong knowledge of", "experience with", "ability to", ...) trimmed off.
- `segment(text)`: both at once, the sentences with their phrases.
- `words(text)`, `ngrams(text, max_n=2)`: word tokens and content word n-grams (the linker's
  candidate skill spans).
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Span(NamedTuple):
    """A piece of a text by character offsets [start, end)."""

    start: int
    end: int
    text: str


def _span(text: str, start: int, end: int) -> Span | None:
    """Trim whitespace and edge punctuation from text[start:end]; None when nothing is left."""
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        if text[start] == "." and start + 1 < end and text[start + 1].isalnum():
            break  # ".NET"
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT_END):
        closer = text[end - 1]
        if closer in _PAIRS and text.count(_PAIRS[closer], start, end) >= text.count(
            closer, start, end
        ):
            break  # "(LESS, SCSS)": keep a balanced closing bracket
        end -= 1
    if start >= end:
        return None
    return Span(start, end, text[start:end])


# Characters stripped from the edges of a sentence or phrase ("+" and "#" stay: C++, C#).
_EDGE_PUNCT = set("\"'`*•·◦▪‣●○■□–—-_~=>:;,.!?()[]{}|/\\")
_EDGE_PUNCT_END = _EDGE_PUNCT
_PAIRS = {")": "(", "]": "[", "}": "{"}

# Hard breaks: newlines, bullet glyphs, " * " / " - " used as inline bullets.
_HARD_BREAK = re.compile(r"\n+|\r+|[•·◦▪‣●■□]|(?:^|(?<=\s))[*\-–—](?=\s)|\t+")
# Numbered list items at a line start: "1." "2)" "a)".
_NUMBERED = re.compile(r"(?m)^\s*(?:\d{1,2}|[a-zA-Z])[.)]\s+")
_ABBREV = {
    "e.g",
    "i.e",
    "etc",
    "vs",
    "incl",
    "approx",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "inc",
    "ltd",
    "co",
    "corp",
    "jr",
    "sr",
    "no",
    "nr",
    "dept",
    "min",
    "max",
    "esp",
    "resp",
    "cf",
    "al",
    "st",
}
# Sentence end: . ! ? followed by whitespace (and then not a lowercase continuation for ".").
_SENT_END = re.compile(r"[.!?]+(?=\s)")


def split_sentences(text: str) -> list[Span]:
    """Sentences and list items of `text`, in order, as trimmed spans."""
    spans: list[Span] = []
    # 1. hard breaks (lines, bullets, list numbers) cut the text into blocks
    breaks = sorted(
        [(m.start(), m.end()) for m in _HARD_BREAK.finditer(text)]
        + [(m.start(), m.end()) for m in _NUMBERED.finditer(text)]
    )
    blocks, pos = [], 0
    for a, b in breaks:
        if a > pos:
            blocks.append((pos, a))
        pos = max(pos, b)
    if pos < len(text):
        blocks.append((pos, len(text)))
    for a, b in blocks:
        # 2. sentence ends inside a block
        start = a
        for m in _SENT_END.finditer(text, a, b):
            if m.end() > b:
                break
            if not _is_sentence_end(text, m.start(), m.end(), b):
                continue
            sp = _span(text, start, m.end())
            if sp:
                spans.append(sp)
            start = m.end()
        sp = _span(text, start, b)
        if sp:
            spans.append(sp)
    return [s for s in spans if any(ch.isalnum() for ch in s.text)]


def _is_sentence_end(text: str, p: int, q: int, limit: int) -> bool:
    """Is the punctuation text[p:q] (followed by whitespace) the end of a sentence?"""
    if text[p] != ".":
        return True
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, p - 12) : p])
    if word:
        w = word.group(1).lower()
        if w in _ABBREV or len(w) == 1:
            return False
    nxt = re.match(r"\s*(\S)", text[q:limit])
    # "... e.g. python" or "Ph. d": a lowercase next word continues the sentence.
    return not (nxt and nxt.group(1).islower())


# Phrase delimiters inside a sentence.
_PHRASE_BREAK = re.compile(
    r"\s*[;,:()\[\]{}|]\s*"
    r"|\s+/\s+|(?<=[a-z])/(?=[a-z]{3,})"
    r"|\s+(?:and/or|and|or|as well as|such as|including|like|e\.g\.|i\.e\.|etc\.?|&|plus|with)\s+",
    re.IGNORECASE,
)
# A connector left at the start of a piece ("; e.g. Django").
_LEAD = re.compile(r"^(?:e\.g\.?|i\.e\.?|such as|including|like|and|or|etc\.?)\s+", re.IGNORECASE)
# Leading filler that says how much of a skill is wanted, not which skill.
_FILLER = re.compile(
    r"^(?:(?:a|an|the)\s+)?"
    r"(?:(?:very|strong|solid|good|excellent|great|deep|proven|demonstrated|basic|working|"
    r"advanced|in-depth|extensive|hands-on|practical|sound|thorough|some|previous|prior|"
    r"professional|relevant|\d+\+?\s*years?(?:\s+of)?)\s+)*"
    r"(?:knowledge|experience|understanding|familiarity|proficiency|expertise|skills?|"
    r"ability|abilities|background|exposure|competence|fluency|command|mastery|track record)"
    r"(?:\s+(?:of|in|with|on|to|using|for|at))?\s+",
    re.IGNORECASE,
)


def split_phrases(
    text: str, start: int = 0, end: int | None = None, *, min_chars: int = 2
) -> list[Span]:
    """Phrases of text[start:end] (one sentence), offsets into `text`.

    Returns the pieces between delimiters with leading filler trimmed, each at least `min_chars`
    long; a sentence with no delimiter gives one phrase (itself, trimmed).
    """
    end = len(text) if end is None else end
    cuts = [start]
    for m in _PHRASE_BREAK.finditer(text, start, end):
        cuts.extend((m.start(), m.end()))
    cuts.append(end)
    out: list[Span] = []
    for i in range(0, len(cuts) - 1, 2):
        a, b = cuts[i], cuts[i + 1]
        sp = _span(text, a, b)
        if sp is None:
            continue
        m = _LEAD.match(sp.text)
        if m and m.end() < len(sp.text):
            sp = _span(text, sp.start + m.end(), sp.end) or sp
        m = _FILLER.match(sp.text)
        if m and m.end() < len(sp.text):
            sp = _span(text, sp.start + m.end(), sp.end) or sp
        if len(sp.text) >= min_chars and any(ch.isalnum() for ch in sp.text):
            out.append(sp)
    return out


def segment(text: str, *, min_chars: int = 2) -> list[tuple[Span, list[Span]]]:
    """Sentences of `text`, each with its phrases (offsets into `text`)."""
    return [
        (s, split_phrases(text, s.start, s.end, min_chars=min_chars)) for s in split_sentences(text)
    ]


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#.\-']*[A-Za-z0-9+#]|[A-Za-z0-9]")


def words(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word tokens of text[start:end] (letters, digits; + # . - ' inside), offsets into `text`."""
    end = len(text) if end is None else end
    return [Span(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


# Function words that make a poor start or end of a candidate skill span.
STOPWORDS = frozenset(
    "a an the and or of in on at to for with by as is are be from that this your our we you will "
    "can using use such other etc e.g i.e".split()
)


def ngrams(
    text: str, start: int = 0, end: int | None = None, *, max_n: int = 2, content_only: bool = True
) -> list[Span]:
    """Word n-grams (1..max_n words) of text[start:end], offsets into `text`, in text order.

    With `content_only`, n-grams that start or end with a stopword are left out. Duplicates (same
    surface text) are kept: each has its own offsets.
    """
    ws = [w for w in words(text, start, end) if not _is_placeholder(text, w)]
    stop = [w.text.lower() in STOPWORDS for w in ws]
    out: list[Span] = []
    for i in range(len(ws)):
        if content_only and stop[i]:
            continue
        for n in range(1, max_n + 1):
            j = i + n - 1
            if j >= len(ws):
                break
            if content_only and stop[j]:
                continue
            out.append(Span(ws[i].start, ws[j].end, text[ws[i].start : ws[j].end]))
    return out


def _is_placeholder(text: str, w: Span) -> bool:
    """A de-identification placeholder such as <ORGANIZATION> or <ADDRESS>."""
    return (
        w.start > 0
        and text[w.start - 1] == "<"
        and w.end < len(text)
        and text[w.end] == ">"
        and w.text.isupper()
    )


# Section headings of job postings: they name no skill ("Job description", "Requirements").
HEADINGS = frozenset(
    h.strip()
    for h in (
        "about us|about the role|about you|about the job|benefits|company size|company type|"
        "date posted|description|experience level|industry|job description|job type|location|"
        "location options|nice to have|our offer|perks|qualifications|requirements|"
        "responsibilities|role|skills|technologies|what we offer|what you will do|who we are|"
        "your profile|your role|your tasks|tasks|the role|the position|position|summary|"
        "overview|job summary|apply|how to apply|preferred qualifications|"
        "minimum qualifications|bonus points|desired skills|required skills|must have|"
        "must haves|key responsibilities|main responsibilities|"
        # a CV's ("PROFILE" read *profile people*, "EXPERIENCE" *manage the customer experience*,
        # "Hobbies" *recreation activities*)
        "profile|personal profile|professional profile|personal statement|professional summary|"
        "career summary|summary of skills|experience|work experience|professional experience|"
        "relevant experience|employment|employment history|work history|career history|"
        "education|education and training|training|skills and qualifications|key skills|"
        "core skills|skills summary|core competencies|competencies|achievements|"
        "key achievements|interests|hobbies|hobbies and interests|interests and hobbies|"
        "references|languages|volunteering|volunteer experience|voluntary work|"
        "certifications|certificates|licences|licenses|courses|career objective|objective|"
        "contact|contact details|personal details|additional information|other information|"
        "curriculum vitae|cv|resume|résumé"
    ).split("|")
)


def is_heading(text: str) -> bool:
    """A section heading of a posting or a CV: a known heading, or a short line ending with ':'."""
    t = text.strip().rstrip(":").strip().lower()
    if t in HEADINGS:
        return True
    return text.strip().endswith(":") and len(t.split()) <= 4
