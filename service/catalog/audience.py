"""Who a credential is for, where its record says so: the ISCO-08 groups it is aimed at.

A record says it in one of two ways: the occupations it states it prepares for (ESCO URIs,
stored as `occupation_uris`: their ISCO unit groups), or the opening sentence of its
description naming an ISCO-08 group as its audience ("This 30-hour course helps advertising and
marketing professionals build practical skills in staff management ..." -> 2431; "A 12-hour
badge for retail and wholesale trade managers ..." -> 1420). The demo catalog writes its
audience that way (service/datagen: each credential is made from one ISCO family's skills and
names that family, or its sector's audience). The group labels are ISCO's own
(data/esco/ISCOGroups_en.csv.gz), matched as whole words, lower case, without their
parenthetical and "not elsewhere classified" parts; the longest label found wins where labels
overlap. Where no label names a group of two digits or more, an audience of a line of work ISCO
has no label for ("laboratory and research staff", "hospitality staff", "IT professionals")
reads as its sector's sub-major groups (service.catalog.sector_audience). An audience for anyone
("employees in any sector", "job seekers and career changers") states nothing: () and the
planner treats the credential as open to anyone (service.matching.aim). The first sentence ends
at a full stop after a lower-case letter or a bracket, not at "e.g." or "i.e.".
"""

from __future__ import annotations

import csv
import gzip
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from service.catalog.sector_audience import sector_audience

ISCO_FILE = "esco/ISCOGroups_en.csv.gz"
_SENTENCE_END = re.compile(r"(?<=[a-z)])(?<!\be\.g)(?<!\bi\.e)\. ")


def clean_label(label: str) -> str:
    """An ISCO group label as an audience phrase: 'Cooks' -> 'cooks'."""
    label = re.sub(r"\s*\(.*?\)|,? not elsewhere classified|,? excluding .*$", "", label)
    return label.strip().lower()


class AudienceReader:
    """Reads the ISCO groups a description's opening sentence names as its audience."""

    def __init__(self, labels: dict[str, str]) -> None:
        self.labels = {k: v for k, v in labels.items() if k}
        words = sorted(self.labels, key=len, reverse=True)
        alternatives = "|".join(re.escape(w) for w in words)
        self._pattern = re.compile(rf"\b(?:{alternatives})\b") if words else None

    def __call__(self, description: str) -> tuple[str, ...]:
        """ISCO codes named in the description's first sentence, in order, each once: the
        groups its labels name, else its sector's (sector_audience) where the labels name no
        group of two digits or more."""
        if self._pattern is None or not description:
            return ()
        first = _SENTENCE_END.split(description, maxsplit=1)[0].lower()
        found = tuple(dict.fromkeys(self.labels[m.group(0)] for m in self._pattern.finditer(first)))
        if any(len(code) >= 2 for code in found):
            return found
        return sector_audience(first) or found


def isco_labels(rows: Iterable[dict]) -> dict[str, str]:
    """Cleaned label -> ISCO code, from ISCOGroups rows (code, preferredLabel)."""
    out: dict[str, str] = {}
    for r in rows:
        label = clean_label(r.get("preferredLabel") or "")
        if label and r.get("code"):
            out.setdefault(label, r["code"])
    return out


@lru_cache(maxsize=4)
def audience_reader(data_dir: Path) -> AudienceReader:
    """The reader over the ISCO labels of data_dir (one that reads nothing when the file is
    missing: a record then states its audience only through its occupations)."""
    path = Path(data_dir) / ISCO_FILE
    if not path.exists():
        return AudienceReader({})
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        return AudienceReader(isco_labels(csv.DictReader(fh)))


def audience_of(description: str, stated_isco: Iterable[str], reader: AudienceReader) -> tuple:
    """A credential's audience: the ISCO groups of the occupations it states, else those its
    description names."""
    stated = tuple(dict.fromkeys(c for c in stated_isco if c))
    return stated or reader(description)
