"""An employer's words, a third round (docs/quality.md): verb-object rules (`EMPLOYER_PAIRS`),
curated words (`EMPLOYER_ALIASES`) and words of a context (`EMPLOYER_CONTEXT_ALIASES`).

The same kinds of rule as `indexing.duty_pairs` and `indexing.held_papers`, for the words of an
electrician's, a nursery's and a bookkeeper's postings and CVs that were read as nothing or as
another trade's work:

- faults found or fixed ("fault finding", "find and fix faults") are ESCO's *troubleshoot*
  ("identify operating problems, decide what to do about it and report accordingly"); "fix
  faults on lighting" read only a theatre's *manage risk of lighting failure* (still read);
- work at height is *follow safety procedures when working at heights* (read nothing);
- electrics, circuits, sockets or lighting installed, fitted or wired are *install electrical
  and electronic equipment* (an "electrical installation" is not: "test electrical
  installations" is testing);
- an EICR (electrical installation condition report: the periodic inspection and testing of an
  installation) is *inspect electrical supplies*, *test electrical equipment* and *write
  inspection reports*; BS 7671, the wiring regulations ("18th Edition" in an electrician's line)
  *electrical safety regulations* (ESCO: "the installation, operation and maintenance of
  electrical wiring and installations");
- a payroll run or processed is *manage payroll* ("run the monthly payroll" read nothing);
- the EYFS (England's early years framework of learning, development and care) is *teach
  kindergarten class content* and *assess the development of youth*;
- in a line about young children (`CHILDREN`): activities planned are *plan youth activities*
  (the bare *plan* of "plan activities" is still read too), safeguarding *promote the
  safeguarding of young people* and *contribute to the safeguarding of children* (not an
  adult's *provide safeguarding to individuals*).

A hit is a curated alias: it names its skills, is kept at the unit's floor and owns its words.
"""

from __future__ import annotations

from indexing.word_pairs import WordPair

CHILDREN = "children"  # a context of `indexing.context_aliases.CONTEXTS`
ELECTRICAL = "electrical"  # (the same name as there: this module is imported by it)
# words of a line about young children's care and learning (a nursery's, a childminder's)
CHILDREN_WORDS = frozenset(
    """child children childs kid kids toddler toddlers baby babies infant infants nursery
    nurseries preschool pre-school eyfs childminder childminding nanny paediatric
    pediatric""".split()
)
# the only words between "work" and its height: "work safely at height", "working at heights"
_AT = frozenset("safely safe at from".split())
_ELECTRICAL = "electrical electric electrics circuit socket fuseboard lighting"
_HEIGHTS = ("follow safety procedures when working at heights",)
_INSTALLING = ("install electrical and electronic equipment",)
EMPLOYER_PAIRS: tuple[WordPair, ...] = (
    WordPair.of("find fix trace diagnose locate repair rectify", "fault", ("troubleshoot",)),
    WordPair.of("work", "height", _HEIGHTS, between=_AT),
    WordPair.of("install fit wire", _ELECTRICAL, _INSTALLING),
    WordPair.of("run process manage prepare do", "payroll", ("manage payroll",)),
    WordPair.of("plan organise organize", "activity", ("plan youth activities",), CHILDREN),
)

_EYFS = ("teach kindergarten class content", "assess the development of youth")
_EICR = ("inspect electrical supplies", "test electrical equipment", "write inspection reports")
_WIRING_REGS = ("electrical safety regulations",)
EMPLOYER_ALIASES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("EICR", "EICRs", "electrical installation condition report",
         "electrical installation condition reports"),
        _EICR,
    ),
    **dict.fromkeys(("BS 7671", "BS7671", "wiring regulations", "wiring regs"), _WIRING_REGS),
    **dict.fromkeys(("EYFS", "Early Years Foundation Stage"), _EYFS),
}  # fmt: skip

_SAFEGUARDING = (
    "promote the safeguarding of young people",
    "contribute to the safeguarding of children",
)
EMPLOYER_CONTEXT_ALIASES: dict[str, tuple[str, tuple[str, ...]]] = {
    # IET's wiring regulations by their edition, in an electrician's line only
    **dict.fromkeys(("18th Edition", "17th Edition", "18th edition", "17th edition"),
                    (ELECTRICAL, _WIRING_REGS)),
    "safeguarding": (CHILDREN, _SAFEGUARDING),
}  # fmt: skip
