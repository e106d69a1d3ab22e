"""Behaviour fixtures of extraction and stated-name linking (tests/fixtures/*.json), scored on
whatever taxonomy the linker holds (the full one for the README, a subset in the slow tests).

- CV lines (`{"lines": [{"text", "must", "must_not", "sector", "split"?, "kind"?}]}`):
  `SkillLinker.extract` at its defaults, ESCO and O*NET. A `must` entry is a label or a list of
  acceptable labels; it is found when any of them is. Reported: recall of the must entries,
  must-not skills found, the judged precision (must entries found / (those + must-not skills
  found)), and lines fully right; the same per `split` where lines have one ("dev": tuned on,
  "heldout": only measured), and per kind and split ("posting dev": lines of job postings).
- Stated names (`{"names": [{"name", "context"?, "expect", "not"?}]}`): `link_stated`. `expect`
  is a label, a list of acceptable labels, or null ("keep it unlinked"); a list may hold null.
  A decision is right when it links (sure or doubtful) to an expected label, or leaves the name
  unlinked where null is expected. Reported: accuracy, links to a skill not expected (sure ones
  apart: the silent errors), links to a `not` label.
"""

from __future__ import annotations

import json
import os
from typing import Any


def read_fixture(path: str | os.PathLike) -> dict[str, Any]:
    """The fixture file: a JSON object with "lines" (CV lines) or "names" (stated names)."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict) or not ({"lines", "names"} & set(data)):
        raise ValueError(f"{path}: expected a JSON object with 'lines' or 'names'")
    return data


def _options(entry) -> list:
    return list(entry) if isinstance(entry, list) else [entry]


def score_cv_lines(linker, lines: list[dict]) -> dict[str, Any]:
    """Scores of extraction on CV lines (module docstring), with each line's misses; lines
    marked with a "split" ("dev", "heldout") are also scored per split (`splits`), and those
    also marked with a "kind" ("posting": an employer's words) or a "round" per kind or round
    and split."""
    read = []
    for line in lines:
        found = {x.preferred_label for x in linker.extract(line["text"])}
        missed = [e for e in line["must"] if not set(_options(e)) & found]
        read.append((line, missed, sorted(set(line.get("must_not", [])) & found)))
    out = _cv_summary(read)
    groups: dict[str, list] = {}
    for r in read:
        if "split" in r[0]:  # each split, and each kind's split ("posting dev") besides
            groups.setdefault(r[0]["split"], []).append(r)
            if "kind" in r[0]:
                groups.setdefault(f"{r[0]['kind']} {r[0]['split']}", []).append(r)
            if "round" in r[0]:  # a round's own lines ("postings-2 dev")
                groups.setdefault(f"{r[0]['round']} {r[0]['split']}", []).append(r)
    if groups:
        out["splits"] = {
            name: {k: v for k, v in _cv_summary(groups[name]).items() if k != "failures"}
            for name in sorted(groups)
        }
    return out


def _cv_summary(read: list[tuple[dict, list, list]]) -> dict[str, Any]:
    must = must_found = forbidden = right = 0
    failures = []
    for line, missed, bad in read:
        must += len(line["must"])
        must_found += len(line["must"]) - len(missed)
        forbidden += len(bad)
        right += not missed and not bad
        if missed or bad:
            failures.append({"text": line["text"], "missed": missed, "must_not_found": bad})
    judged = must_found + forbidden
    return {
        "lines": len(read),
        "must": must,
        "recall": round(100 * must_found / must, 2) if must else 0.0,
        "must_not_found": forbidden,
        "precision": round(100 * must_found / judged, 2) if judged else 0.0,
        "lines_right": right,
        "failures": failures,
    }


def score_stated_names(linker, names: list[dict]) -> dict[str, Any]:
    """Scores of stated-name decisions (module docstring), with each wrong decision."""
    from indexing.stated import link_stated

    links = link_stated(
        linker, [n["name"] for n in names], contexts=[n.get("context") for n in names]
    )
    right = wrong = silent = forbidden = 0
    statuses = {"linked": 0, "doubtful": 0, "unlinked": 0}
    failures = []
    for n, x in zip(names, links, strict=True):
        expect = _options(n["expect"])
        got = x.skill.preferred_label if x.skill else None
        statuses[x.status] += 1
        ok = got in expect
        right += ok
        if got is not None and not ok:
            wrong += 1
            silent += x.status == "linked"
            forbidden += got in n.get("not", [])
        if not ok:
            failures.append(
                {"name": n["name"], "context": n.get("context"), "expect": n["expect"],
                 "status": x.status, "got": got, "nearest": x.nearest and x.nearest.preferred_label}
            )  # fmt: skip
    return {
        "names": len(names),
        "accuracy": round(100 * right / len(names), 2) if names else 0.0,
        "wrong_links": wrong,
        "wrong_sure_links": silent,
        "links_to_not": forbidden,
        **statuses,
        "failures": failures,
    }


def run_fixture_eval(linker, path: str | os.PathLike) -> dict[str, Any]:
    """Score the fixture file at `path` (CV lines or stated names) with `linker`."""
    data = read_fixture(path)
    if "lines" in data:
        return {"cv_lines": score_cv_lines(linker, data["lines"])}
    return {"stated_names": score_stated_names(linker, data["names"])}


def format_fixture(result: dict) -> str:
    """A readable summary of `run_fixture_eval`'s result, failures included."""
    if "cv_lines" in result:
        r = result["cv_lines"]
        lines = [
            f"  {r['lines']} CV lines: must recall {r['recall']:.1f} ({r['must']} entries), "
            f"must-not found {r['must_not_found']}, judged precision {r['precision']:.1f}, "
            f"lines fully right {r['lines_right']}"
        ]
        lines += [
            f"    split {name}: {x['lines']} lines, must recall {x['recall']:.1f} ({x['must']}), "
            f"must-not found {x['must_not_found']}, lines fully right {x['lines_right']}"
            for name, x in r.get("splits", {}).items()
        ]
        lines += [
            f"    {f['text']!r}: missed {f['missed']}; must-not found {f['must_not_found']}"
            for f in r["failures"]
        ]
        return "\n".join(lines)
    r = result["stated_names"]
    lines = [
        f"  {r['names']} stated names: accuracy {r['accuracy']:.1f}; linked {r['linked']}, "
        f"doubtful {r['doubtful']}, unlinked {r['unlinked']}; wrong links {r['wrong_links']} "
        f"({r['wrong_sure_links']} sure), to a 'not' label {r['links_to_not']}"
    ]
    lines += [
        f"    {f['name']!r}: expected {f['expect']}, got {f['got']} ({f['status']})"
        for f in r["failures"]
    ]
    return "\n".join(lines)
