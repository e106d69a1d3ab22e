"""Skill-linking evaluation: read the TECH / HOUSE benchmark files and score a ranker.

Benchmarks (Decorte et al. 2022): CSV with columns sentence,span,sub_span,label where `label` is
an ESCO preferred label or one of the specials "LABEL NOT PRESENT" / "UNDERSPECIFIED". A ranker is
scored per sentence against the set of gold labels of that sentence:

- RP@K (R-precision at K) = hits in the top K / min(K, number of gold labels), averaged over
  sentences, in percent (0-100), as in Decorte et al. 2022;
- MRR = mean over sentences of 1 / rank of the first gold label in the ranked list (0 when none is
  in the list), also in percent (0-100) so that it reads like the RP figures.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Sequence

SPECIAL_LABELS = frozenset({"LABEL NOT PRESENT", "UNDERSPECIFIED"})

Example = tuple[str, set[str]]
RankFn = Callable[[list[str]], Sequence[Sequence[str]]]


def read_linking_csv(path: str | os.PathLike) -> list[Example]:
    """(sentence, gold labels) per distinct sentence, in first-seen order.

    Rows with a special label are dropped; so are sentences left without any gold label.
    Duplicate rows (several annotators) collapse into one set.
    """
    groups: dict[str, set[str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            sentence = row["sentence"]
            label = (row.get("label") or "").strip()
            labels = groups.setdefault(sentence, set())
            if label and label not in SPECIAL_LABELS:
                labels.add(label)
    return [(s, labels) for s, labels in groups.items() if labels]


def r_precision_at_k(ranked: Sequence[str], gold: set[str], k: int) -> float:
    """Hits among the first k of `ranked` divided by min(k, len(gold)); 0-1."""
    if not gold:
        raise ValueError("gold set is empty")
    return sum(1 for label in ranked[:k] if label in gold) / min(k, len(gold))


def reciprocal_rank(ranked: Sequence[str], gold: set[str]) -> float:
    """1 / (1-based rank of the first gold label in `ranked`), 0 when none is present; 0-1."""
    for i, label in enumerate(ranked, start=1):
        if label in gold:
            return 1.0 / i
    return 0.0


def evaluate_linking(
    examples: Iterable[Example], rank_fn: RankFn, ks: Sequence[int] = (5, 10)
) -> dict[str, float]:
    """Score `rank_fn` on `examples`.

    `rank_fn` maps the list of sentences to one ranked list of preferred labels per sentence (give
    it at least max(ks) labels; MRR only sees what it returns). Returns {"rp5": .., "rp10": ..,
    "mrr": .., "n": ..}: rp<K> and mrr in percent (0-100), n the number of sentences.
    """
    examples = list(examples)
    if not examples:
        raise ValueError("no examples")
    sentences = [s for s, _ in examples]
    ranked_all = list(rank_fn(sentences))
    if len(ranked_all) != len(examples):
        raise ValueError(
            f"rank_fn returned {len(ranked_all)} rankings for {len(examples)} sentences"
        )
    out: dict[str, float] = {}
    for k in ks:
        total = sum(
            r_precision_at_k(list(ranked), gold, k)
            for ranked, (_, gold) in zip(ranked_all, examples, strict=True)
        )
        out[f"rp{k}"] = 100.0 * total / len(examples)
    mrr = sum(
        reciprocal_rank(list(ranked), gold)
        for ranked, (_, gold) in zip(ranked_all, examples, strict=True)
    )
    out["mrr"] = 100.0 * mrr / len(examples)
    out["n"] = len(examples)
    return out
