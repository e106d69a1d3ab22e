"""Extraction as a set, at the service's default thresholds: what `extract()` keeps for a sentence
and what a stated name links to (or leaves unlinked), against the TECH / HOUSE annotations.

- Sentences: every distinct sentence of the file (also those whose spans are all "LABEL NOT
  PRESENT" / "UNDERSPECIFIED": what is found there is a false positive). Predicted: the ESCO
  skills `SkillLinker.extract` keeps at its defaults. Micro precision, recall and F1 over all
  (sentence, skill) pairs.
- Spans: every distinct annotated span, linked as a stated name (`indexing.stated`) with its
  sentence as context. Gold: the span's real labels, or none when every annotator wrote a
  special label. A link (linked or doubtful) is right when its skill is among the gold labels;
  `linked` counts the sure links alone; `accuracy` also credits a span without a gold label
  that is left unlinked.

The benchmark's gold labels are ESCO preferred labels, so both are scored on ESCO skills only.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from service.evaluation.linking import SPECIAL_LABELS


@dataclass(frozen=True)
class SpanExample:
    sentence: str
    span: str
    gold: frozenset[str]  # real ESCO labels; empty: no skill of the taxonomy fits


def read_sentences(path: str | os.PathLike) -> list[tuple[str, frozenset[str]]]:
    """(sentence, real gold labels) for every distinct sentence, in first-seen order; a sentence
    whose spans only have special labels has an empty set (it is kept)."""
    groups: dict[str, set[str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            label = (row.get("label") or "").strip()
            labels = groups.setdefault(row["sentence"], set())
            if label and label not in SPECIAL_LABELS:
                labels.add(label)
    return [(s, frozenset(g)) for s, g in groups.items()]


def read_spans(path: str | os.PathLike) -> list[SpanExample]:
    """Each distinct (sentence, span) with the real labels its annotators gave (empty: only
    special labels). Rows with an empty span are skipped."""
    groups: dict[tuple[str, str], set[str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            span = (row.get("span") or "").strip()
            if not span:
                continue
            label = (row.get("label") or "").strip()
            labels = groups.setdefault((row["sentence"], span), set())
            if label and label not in SPECIAL_LABELS:
                labels.add(label)
    return [SpanExample(s, sp, frozenset(g)) for (s, sp), g in groups.items()]


def set_scores(pairs: Iterable[tuple[Iterable[str], Iterable[str]]]) -> dict[str, float]:
    """Micro precision / recall / F1 (0-100) of predicted vs gold sets; tp, fp, fn counts."""
    tp = fp = fn = 0
    for predicted, gold in pairs:
        p, g = set(predicted), set(gold)
        tp += len(p & g)
        fp += len(p - g)
        fn += len(g - p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(100 * precision, 2),
        "recall": round(100 * recall, 2),
        "f1": round(100 * f1, 2),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def span_scores(
    examples: Sequence[SpanExample], decisions: Sequence[tuple[str, str | None]]
) -> dict[str, float]:
    """Scores of stated-name decisions, one (status, preferred label or None) per example:
    status "linked", "doubtful" or "unlinked". Precision / recall / F1 of the links (linked or
    doubtful), of the sure links alone, and accuracy (an unlinked span without gold is right)."""
    if len(decisions) != len(examples):
        raise ValueError(f"{len(decisions)} decisions for {len(examples)} spans")

    def prf(statuses: set[str]) -> dict[str, float]:
        pairs = zip(examples, decisions, strict=True)
        made = [(ex, lab) for ex, (st, lab) in pairs if st in statuses]
        right = sum(1 for ex, lab in made if lab in ex.gold)
        gold_n = sum(1 for ex in examples if ex.gold)
        p = right / len(made) if made else 0.0
        r = right / gold_n if gold_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": 100 * p, "recall": 100 * r, "f1": 100 * f, "links": len(made)}

    links = prf({"linked", "doubtful"})
    sure = prf({"linked"})
    correct = sum(
        1
        for ex, (st, lab) in zip(examples, decisions, strict=True)
        if (st != "unlinked" and lab in ex.gold) or (st == "unlinked" and not ex.gold)
    )
    out = {k: round(v, 2) for k, v in links.items()}
    out |= {f"sure_{k}": round(v, 2) for k, v in sure.items()}
    out["accuracy"] = round(100 * correct / len(examples), 2) if examples else 0.0
    out["n"] = len(examples)
    out["n_gold"] = sum(1 for ex in examples if ex.gold)
    return out


ExtractFn = Callable[[list[str]], Sequence[Iterable[str]]]
StatedFn = Callable[[list[SpanExample]], Sequence[tuple[str, str | None]]]


def evaluate_extraction(
    path: str | os.PathLike, extract: ExtractFn, stated: StatedFn
) -> dict[str, dict[str, float]]:
    """{"sentences": set scores of `extract`, "spans": scores of `stated`} on one CSV.
    extract: sentences -> the preferred labels kept for each; stated: span examples -> one
    (status, preferred label or None) each."""
    sentences = read_sentences(path)
    predicted = extract([s for s, _ in sentences])
    if len(predicted) != len(sentences):
        raise ValueError(f"extract returned {len(predicted)} sets for {len(sentences)} sentences")
    sent = set_scores(zip(predicted, (g for _, g in sentences), strict=True))
    sent["n"] = len(sentences)
    spans = read_spans(path)
    return {"sentences": sent, "spans": span_scores(spans, stated(spans))}


def run_extraction_eval(linker, path: str | os.PathLike) -> dict[str, dict[str, float]]:
    """`evaluate_extraction` with the linker's defaults, ESCO skills only."""
    from indexing.stated import link_stated

    def extract(sentences: list[str]) -> list[set[str]]:
        return [{x.preferred_label for x in linker.extract(s, sources={"esco"})} for s in sentences]

    def stated(spans: list[SpanExample]) -> list[tuple[str, str | None]]:
        out = link_stated(
            linker, [ex.span for ex in spans], contexts=[ex.sentence for ex in spans],
            sources={"esco"},
        )  # fmt: skip
        return [(x.status, x.skill.preferred_label if x.skill else None) for x in out]

    return evaluate_extraction(path, extract, stated)


def format_extraction(result: dict) -> str:
    """Two readable lines of `run_extraction_eval`'s result."""
    s, p = result["sentences"], result["spans"]
    return (
        f"  sentences (n={s['n']}): P={s['precision']:.1f} R={s['recall']:.1f} F1={s['f1']:.1f}\n"
        f"  stated spans (n={p['n']}, {p['n_gold']} with a skill): links P={p['precision']:.1f} "
        f"R={p['recall']:.1f} F1={p['f1']:.1f}; sure links P={p['sure_precision']:.1f} "
        f"R={p['sure_recall']:.1f}; accuracy {p['accuracy']:.1f}"
    )
