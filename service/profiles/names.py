"""The learner's own name at the top of a CV is no job: "Tom Baker" read a baker's 35 essential
skills, "Daniel Smith" a smith's, "John Carter" a carter's. `without_name` blanks a name line
(a common given name, then one to three capitalised names, and nothing else on the line but
contact details after a separator) when it is the text's first line with words, or follows
"Name:"; spaces of the same length keep every other span in place. A given name is one of the
common ones below (a name no list holds is read as before: the title resolver rarely takes
a surname for a trade without a trade's word in it)."""

from __future__ import annotations

import re

GIVEN_NAMES = frozenset(
    """
    aaron abbie abby abdul abigail adam adrian ahmed aidan aisha alan alex alexander alexandra
    alfie ali alice alison amanda amber amelia amir amy andrea andrew andy angela anna anne
    annie anthony antonio archie arthur ashley barbara barry ben benjamin beth bethany bill
    billy bradley brian callum cameron carl carly carol caroline catherine charles charlie
    charlotte chloe chris christine christopher claire clare colin connor craig dan daniel
    danielle darren dave david dawn dean debbie deborah declan dennis derek diane dominic
    donna dylan eddie edward eleanor elizabeth ella ellie emily emma eric erin ethan eve
    evie faisal fatima finlay fiona francesca frank freya gareth gary gavin gemma george
    georgia gillian graham grace greg hannah harriet harry harvey hayley heather helen holly
    ian imran isaac isabel isabella isla jack jacob jade jake james jamie jane janet jason
    jasmine jay jayden jean jennifer jenny jessica joan joanne joe joel john jon jonathan
    jordan joseph josh joshua joy julie justin karen kate katherine katie kayleigh keith
    kelly kerry kevin kieran kim kirsty kyle laura lauren leah lee leo lewis liam lily linda
    lisa logan louise lucy luke lynn mandy marcus margaret maria mark martin mary matt matthew
    megan melissa mia michael michelle mike mohammed mohammad muhammad molly nathan
    natalie neil nicholas nick nicola nicole niamh noah oliver olivia oscar owen paige pamela
    patricia patrick paul paula pauline peter phil philip phoebe poppy priya rachel rebecca
    reece rhys richard rob robert robyn ross ruth ryan sally sam samantha samuel sandra
    sara sarah scott sean shannon sharon shaun sheila simon sophie stacey stephanie stephen
    steve steven stuart sue susan suzanne tanya teresa thomas tim timothy toby tom tony tracey
    tracy tyler vanessa vicky victoria vincent wayne wendy william yasmin zara zoe
    """.split()
)
_CAP = r"[A-Z][a-zA-Z'’]*(?:-[A-Z][a-zA-Z'’]*)?"
# the line: a given name, one to three capitalised names (or in capitals), then the line's end
# or a separator before contact details ("Tom Baker | 07700 900123", "Tom Baker, Leeds")
_NAME_LINE = re.compile(
    rf"^[ \t]*(?:name\s*:\s*)?(?P<name>(?P<given>{_CAP})(?:[ \t]+{_CAP}){{1,3}})"
    r"[ \t]*(?:$|[|,–—•]|\s-\s)",
    re.I | re.M,
)
_LABELLED = re.compile(r"[ \t]*name\s*:", re.I)


def without_name(text: str) -> str:
    """`text` with the learner's name line blanked (module docstring): the first line with
    words, or a line that says "Name:"; same length, same offsets."""
    first = re.search(r"\S", text)
    if first is None:
        return text
    spans = []
    for m in _NAME_LINE.finditer(text):
        line_start = text.rfind("\n", 0, m.start("name")) + 1
        at_top = line_start <= first.start()
        if not (at_top or _LABELLED.match(text, line_start)):
            continue
        if m.group("given").split("-")[0].lower() in GIVEN_NAMES and _capitalised(m.group("name")):
            spans.append((m.start("name"), m.end("name")))
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _capitalised(name: str) -> bool:
    """Each word starts with a capital (re.I let "tom baker" match the pattern's letters)."""
    return all(w[0].isupper() for w in name.split())
