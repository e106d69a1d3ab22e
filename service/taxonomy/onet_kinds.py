"""The ESCO kind of tool an O*NET technology skill is, where ESCO files its own tools of the same
O*NET commodity under one kind.

ESCO files its tools and languages under a kind (*Django*'s neighbours *AJAX*, *Drupal* and
*JavaScript* sit under *web programming*, *WebCMS*, *computer programming*); the O*NET tools the
taxonomy adds (service/taxonomy/load.py: React, Django, MongoDB, GIMP...) come with no place in
that hierarchy, only their O*NET commodity (in their URI). So a React developer's gap left *web
programming* open and a plan sent them on a web programming course.

`KIND_OF_COMMODITY` names the kind for the commodities whose ESCO tools agree on one: of the ESCO
digital-knowledge tools that share a label with an example of the commodity, at least three and
at least two thirds of those filed under any kind are filed under it (`commodity_votes`
computes this from the data; tests/profiles/test_onet_kinds.py checks each entry against it):

- 43232408 Web platform development software -> web programming (4 of 6: AJAX, ASP.NET...)
- 43232304 Data base management system software -> database management systems (4 of 5)
- 43232102 Graphics or photo imaging software -> graphics editor software (4 of 5)

Within a commodity, the tools that are no kind of it, read one by one, are left out
(`NOT_OF_THE_KIND`): the graphics commodity holds OpenGL, JamBoard, SmugMug Flickr and
crime-scene diagram tools beside GIMP, Canva and CorelDraw; the database one Amazon Kinesis (a
data stream).

Commodities that pass the vote but are no kind of tool are left out: "Data base user interface
and query software" (7 of 8 under database management systems) holds fingerprint systems,
crime databases and Blackboard; "Metadata management software" (3 of 3, ETL tools) holds
Perforce. Those under the bar are left out too ("Development environment software": computer
programming 4 of 7, with Kafka and Azure among its tools; "Object or component oriented
development software": 8 of 9, with G-code, M-code and JMeter).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

KIND_OF_COMMODITY: dict[str, str] = {
    # web programming
    "43232408": "http://data.europa.eu/esco/skill/69bbd53f-fbb0-4476-b4b2-ef7844464e28",
    # database management systems
    "43232304": "http://data.europa.eu/esco/skill/ab1e97ed-2319-4293-a8b7-072d2648822f",
    # graphics editor software
    "43232102": "http://data.europa.eu/esco/skill/a71577b2-7550-4222-88ee-dcbd2d881516",
}

# tools of those commodities that are no kind of it, read one by one: a programming interface, a
# whiteboard, a photo-sharing site, crime-scene and survey diagrams, a data stream (review)
NOT_OF_THE_KIND = frozenset(
    (
        "Open Graphics Library OpenGL",
        "JamBoard",
        "SmugMug Flickr",
        "Bentley GeoPak Bridge",
        "DesignWare 3D EyeWitness",
        "Eos Systems PhotoModeler",
        "Photogrammetric software",
        "SmartDraw Legal",
        "The CAD Zone The Crime Zone",
        "Trancite Logic Systems ScenePD",
        "Visual Statement Vista FX3 CSI",
        "Amazon Kinesis",
    )
)
_NOT_OF_THE_KIND = frozenset(
    re.sub(r"[^a-z0-9]+", "-", n.lower()).strip("-") for n in NOT_OF_THE_KIND
)

ONET_PREFIX = "urn:onet:technology:"


def commodity_of(uri: str) -> str | None:
    """The O*NET commodity code in an O*NET tool's URI (service.taxonomy.load.onet_uri)."""
    if not uri.startswith(ONET_PREFIX):
        return None
    code, _, _slug = uri[len(ONET_PREFIX) :].partition(":")
    return code or None


def kind_pairs(uris: Mapping[int, str]) -> list[tuple[int, int]]:
    """(O*NET tool's skill id, its ESCO kind's skill id) for every O*NET tool of a commodity in
    `KIND_OF_COMMODITY` whose kind is in the taxonomy, but those of `NOT_OF_THE_KIND`; `uris`:
    skill id -> URI."""
    id_of = {u: i for i, u in uris.items()}
    out = []
    for sid, uri in uris.items():
        if uri.rpartition(":")[2] in _NOT_OF_THE_KIND:
            continue
        kind = id_of.get(KIND_OF_COMMODITY.get(commodity_of(uri) or "", ""))
        if kind is not None and kind != sid:
            out.append((sid, kind))
    return sorted(out)


def commodity_votes(
    examples: Iterable[tuple[str, str]],
    tool_of_label: Mapping[str, str],
    kinds_of: Mapping[str, Iterable[str]],
) -> dict[str, tuple[Counter, int]]:
    """Commodity code -> (votes per ESCO kind URI, number of voting tools filed under any kind).
    `examples`: (commodity code, example name) rows of O*NET's technology skills;
    `tool_of_label`: an ESCO digital-knowledge tool's label (lower case) -> its URI, for labels
    only one tool has; `kinds_of`: a tool's URI -> the URIs of the ESCO kinds directly broader."""
    tools: dict[str, set[str]] = {}
    for code, example in examples:
        tool = tool_of_label.get(example.strip().lower())
        if tool is not None:
            tools.setdefault(code, set()).add(tool)
    out = {}
    for code, found in tools.items():
        votes = Counter(k for t in found for k in kinds_of.get(t, ()))
        filed = sum(1 for t in found if kinds_of.get(t))
        out[code] = (votes, filed)
    return out
