"""Skills named in a longer text (a CV, a job posting, a course description): `extract`.

The text is cut into sentences (`indexing.text.split_sentences`; section headings such as
"Requirements" or "Job description:" and lines of only stopwords or placeholders such as
"<ORGANIZATION>" are skipped) and each sentence into phrases (`indexing.text.split_phrases`:
"Line cook for six years in a busy bistro, food hygiene certificate, grill and sauce station"
gives four). Sentences and phrases are scored in one batch, each as a unit: a short CV line that
lists things is read item by item, a longer sentence also as a whole. Aliases are looked up in
the whole sentence, so that "health and safety" is still named verbatim although the phrases
split at "and".

A skill is kept from a unit when it is among the unit's best (top `extract_per_sentence` of a
sentence, `extract_per_phrase` of a phrase) or one of its labels is written there (a list of
tools is not capped), it scores at least `min_score` (a phrase: `min_score` +
`extract_phrase_extra_score`: short texts score high) and no less than the unit's best score
minus `extract_margin`, and the technology gate lets it through (`indexing.technology`: a
software tool only where the sentence is about technology or names it unambiguously). Two
exceptions to the floors: *agreement*, a phrase's best `extract_agree_per_phrase` skills are
also kept from `extract_agree_min_score` when the whole sentence, read among all skills, ranks
them among its best `extract_agree_sentence_rank`, skills named by a curated word and managing
skills it does not read left aside
(the sentence confirms what the phrase reads: "dressing" in a carer's line is "assist with
dressing"); and a *curated trade word*
(`indexing.trade_aliases.TRADE_ALIASES`: "HGV", "tills", "rotas"; and the words of a context,
`indexing.context_aliases`: "scanner" in a warehouse line) names its skills, which are kept
at least at the unit's floor, and owns its words: a skill read only from an n-gram inside it
(not named there) is not kept ("lorries" of "loading lorries" is no "manoeuvre heavy trucks"),
nor, for a word of a context, one whose label is written inside it (a carer's "support
people" is no "mentor individuals"),
nor one whose words in the unit all lie in it ("giving medication" is no "work with healthcare
users under medication"). A workplace's words (`indexing.aliases.PLACES`: "nursing home", "GP
surgery") name no skill, nor does "licence" (`indexing.held_papers`). Readings an
adviser finds absurd are dropped (`indexing.unmeant`): a
managing skill whose object the sentence names without managing it ("Cashier" is no "monitor
cashiers"), a skill over a role's people where the learner is one of them ("I volunteer" is no
"support volunteers"), a knowledge area read from one word through a label that names a kind
of it the sentence does not say ("temperature" is no "cold chain"), a knowledge area read through a
one-word label that many skills share ("Security"
is no "securities"), a one-word competence read from a word that another kept skill's longer
words explain ("plan my own routes" is no "plan").
Per skill:
the best unit score plus `extract_repeat_bonus` per further supporting unit, and the evidence
spans (offsets into `text`, best first): the alias written there, else the n-gram or unit that
matched best.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from indexing.aliases import CURATED, AliasHit, is_acronym, place_spans
from indexing.benefits import offered
from indexing.booked import booked
from indexing.held_papers import paper_spans
from indexing.lone_verbs import lone_verb
from indexing.plans import unsaid_law, unsaid_plan
from indexing.ranking import Scored
from indexing.span_vectors import sentence_pieces
from indexing.text import Span, is_heading, ngrams, split_phrases, split_sentences
from indexing.types import Check, Evidence, ExtractedSkill, unchecked
from indexing.unit_scores import UnitQuery, score_units
from indexing.unmeant import Unmeant

if TYPE_CHECKING:
    from indexing.linker import SkillLinker
    from indexing.linker_config import LinkerConfig


def units(text: str) -> list[tuple[Span, Span]]:
    """(sentence, unit) pairs of `text`: each sentence that is not a heading, says no offer of
    a job's (`indexing.benefits`) and has a content word, as a unit itself, then each of its
    phrases with a content word."""
    out = []
    sentences = split_sentences(text)
    offers = offered(text, sentences)  # a posting's benefits ask for no skill
    for s in sentences:
        if is_heading(text[s.start : s.end + 1]) or not ngrams(s.text, max_n=1):
            continue
        if s.start in offers:
            continue
        phrases = [p for p in split_phrases(text, s.start, s.end) if ngrams(p.text, max_n=1)]
        out += [(s, s)] + [(s, p) for p in phrases if p != s]
    return out


def extract(
    linker: SkillLinker,
    text: str,
    *,
    max_skills: int | None = None,
    min_score: float | None = None,
    sources: Iterable[str] | None = None,
    check: Check = unchecked,
) -> list[ExtractedSkill]:
    """Skills named in `text`, best first (module docstring). `check` is called between units
    of work (batches, units) and may raise to stop it."""
    cfg = linker.config
    max_skills = cfg.extract_max_skills if max_skills is None else max_skills
    min_score = cfg.extract_min_score if min_score is None else min_score
    pairs = units(text)
    if not pairs or max_skills <= 0:
        return []
    sentences = {s.start: s for s, _ in pairs}
    sent_hits = {a: linker.lexical(s.text) for a, s in sentences.items()}
    cues = {
        a: not cfg.technology_gate or linker.gate.has_cues(s.text, sent_hits[a])
        for a, s in sentences.items()
    }
    places_of = _places(sentences)
    unmeant = linker.unmeant
    managing = {a: _unread(unmeant, s.text) for a, s in sentences.items()}
    lexicals = [_within(sent_hits[s.start], p.start - s.start, p.end - s.start) for s, p in pairs]
    scored_all = score_pairs(linker, pairs, lexicals, check)
    mask = linker.source_mask(sources)
    found: dict[int, dict] = {}
    agreed: dict[int, set[int]] = {}  # sentence start -> its best extract_agree_sentence_rank
    for (sent, unit), scored in zip(pairs, scored_all, strict=True):
        check()
        whole = unit == sent
        if whole:  # how the sentence reads, among all skills (before gate and sources)
            agreed[sent.start] = _agreeing(scored, cfg, managing[sent.start])
        score = scored.score if mask is None else np.where(mask, scored.score, -np.inf)
        blocked = linker.gate.blocked(scored.lexical, cues[sent.start])
        if cfg.technology_gate and blocked is not None:
            score = np.where(blocked, -np.inf, score)
        score = _not_managing(score, managing[sent.start], scored.lexical)
        kept = keep_in_unit(
            cfg, score, scored.lexical, whole, min_score, agreed[sent.start], sent.text
        )
        owned, in_context = _owned(scored.lexical.values(), sent.start)
        places = places_of[sent.start]
        for row, value in kept.items():
            hit = scored.lexical.get(row)
            if hit is not None:  # offsets in the sentence
                a, b = sent.start + hit.start, sent.start + hit.end
                if any(lo <= a and b <= hi for lo, hi in places):
                    continue  # a workplace's words name no skill ("nursing home")
                if hit.kind != CURATED and any(lo <= a and b <= hi for lo, hi in in_context):
                    continue  # the words mean another thing here ("support people" of a carer)
            else:
                sp = scored.spans[scored.best_span(row)]
                a, b = unit.start + sp.start, unit.start + sp.end
                if _not_its_own(a, b, owned + places, scored.lexical.values(), sent.start):
                    continue  # read from a curated word, a workplace, a rule's verb and more
                if owned and unmeant.rests_on(linker.skills[row], text, unit, owned):
                    continue  # its words here are a curated word's ("giving medication")
            match = linker.match(row, scored)  # once: the label that read it
            if hit is None and _unmeant_kind(linker, row, match.matched_label, sent, (a, b)):
                continue  # "temperature" is no "cold chain", "Security Officer" no field
            if _misread(unmeant, row, hit, match.matched_label, text, (a, b)):
                continue  # "Security" is no "securities", "Italian restaurant" no Italian
            entry = found.setdefault(row, {"best": -np.inf, "match": None, "evidence": []})
            if value > entry["best"]:
                entry["best"], entry["match"] = value, match
            entry["evidence"].append((value, Evidence(a, b, text[a:b])))
    for row in unmeant.explained(_readings(found)):
        del found[row]  # "plan my own routes" is no "plan" besides its routes
    out = [_extracted(entry, cfg.extract_repeat_bonus) for entry in found.values()]
    out.sort(key=lambda e: -e.score)
    return out[:max_skills]


def _places(sentences: dict) -> dict[int, list[tuple[int, int]]]:
    """Per sentence (by its start), the spans in the text whose words name no skill: a
    workplace's ("nursing home") and a licence's ("licence", a clean licence's "clean")."""
    return {
        a: [(a + lo, a + hi) for lo, hi in place_spans(s.text) + paper_spans(s.text)]
        for a, s in sentences.items()
    }


def score_pairs(
    linker: SkillLinker,
    pairs: list[tuple[Span, Span]],
    lexicals: list[dict[int, AliasHit]],
    check: Check = unchecked,
) -> list[Scored]:
    """Each unit scored (`Scored`), by the config's `extract_span_vectors` and
    `extract_candidates`; the text and n-grams of each unit as `SkillLinker.score_texts`
    reads them."""
    cfg = linker.config
    pooled = cfg.extract_span_vectors in ("pooled", "units") and hasattr(
        linker.encoder, "encode_tokens"
    )
    if cfg.phrase_weight or not (pooled or cfg.extract_candidates):
        return linker.score_texts([p.text for _, p in pairs], check, lexicals=lexicals)
    lettered = cfg.extract_ngram_needs_letter
    spans = [
        [Span(0, len(p.text), p.text)]
        + [g for g in ngrams(p.text, max_n=cfg.max_ngram) if not lettered or _has_letter(g.text)]
        for _, p in pairs
    ]
    if not cfg.ngram_weight:
        spans = [s[:1] for s in spans]
    vecs, rows = (_pooled if pooled else _encoded)(linker, pairs, spans, check)
    in_sentence = cfg.extract_span_vectors == "pooled"
    queries = [
        UnitQuery(p.text, sp, vecs[r], lex, pooled, pooled and in_sentence and s != p)
        for (s, p), sp, r, lex in zip(pairs, spans, rows, lexicals, strict=True)
    ]
    every = len(linker.skills)  # 0: every skill is a candidate (the exact scores)
    return score_units(linker, queries, candidates=cfg.extract_candidates or every, check=check)


def _encoded(linker, pairs, spans, check) -> tuple[np.ndarray, list[np.ndarray]]:
    """Each distinct span text encoded on its own: the sentences through the linker's query
    cache, the phrases and n-grams through its short spans' (`indexing.short_encoder`)."""
    uniq = list(dict.fromkeys(sp.text for unit in spans for sp in unit))
    pos = {t: i for i, t in enumerate(uniq)}
    whole = {s.text for s, p in pairs if s == p}
    long_ = [t for t in uniq if t in whole]
    short = [t for t in uniq if t not in whole]
    vecs = np.empty((len(uniq), linker.encoder.dim), np.float32)
    for part, enc in ((long_, linker.query_vectors), (short, linker._short_vectors)):
        if part:
            vecs[[pos[t] for t in part]] = enc(part, check=check)
    return vecs, [np.asarray([pos[sp.text] for sp in unit], np.int64) for unit in spans]


def _pooled(linker, pairs, spans, check) -> tuple[np.ndarray, list[np.ndarray]]:
    """Span vectors pooled from token vectors (`indexing.span_vectors`). "pooled": each
    sentence encoded once, its phrases and n-grams pooled from it; "units": each sentence and
    phrase encoded once (its own vector), its n-grams pooled from it. One vector per context
    and offsets."""
    per_sentence = linker.config.extract_span_vectors == "pooled"
    keys = [(s.start, s.end) if per_sentence else (u.start, u.end) for s, u in pairs]
    order = list(dict.fromkeys(keys))
    text_of = {k: (s if per_sentence else u).text for k, (s, u) in zip(keys, pairs, strict=True)}
    pieces: dict[tuple[int, int], dict[tuple[int, int], int]] = {k: {} for k in order}
    for key, (_s, unit), unit_spans in zip(keys, pairs, spans, strict=True):
        off, own = unit.start - key[0], unit.end - unit.start == key[1] - key[0]
        for sp in unit_spans[1:] if own else unit_spans:  # the context itself: its own vector
            pieces[key].setdefault((off + sp.start, off + sp.end), len(pieces[key]))
    done = sentence_pieces(
        linker.encoder,
        [text_of[k] for k in order],
        [list(pieces[k]) for k in order],
        batch_size=linker.config.span_batch_size,
        check=check,
    )
    base, blocks, at = {}, [], 0
    for k, (ctx_vec, piece_vecs) in zip(order, done, strict=True):
        base[k] = at
        blocks += [ctx_vec[None, :], piece_vecs]
        at += 1 + len(piece_vecs)
    rows = []
    for key, (_s, unit), unit_spans in zip(keys, pairs, spans, strict=True):
        off, b, where = unit.start - key[0], base[key], pieces[key]
        own = unit.end - unit.start == key[1] - key[0]
        first = [b if own else b + 1 + where[(off, off + len(unit.text))]]
        first += [b + 1 + where[(off + sp.start, off + sp.end)] for sp in unit_spans[1:]]
        rows.append(np.asarray(first, np.int64))
    return np.vstack(blocks), rows


def keep_in_unit(
    cfg: LinkerConfig,
    score: np.ndarray,
    lexical: dict[int, AliasHit],
    whole: bool,
    min_score: float,
    agreed: set[int],
    text: str = "",
) -> dict[int, float]:
    """Skill row -> score of the skills one unit keeps (module docstring): its best, those
    named verbatim, a phrase's best that its sentence agrees on; each above its floor."""
    least = min_score if whole else min_score + cfg.extract_phrase_extra_score
    floor = max(least, float(score.max()) - cfg.extract_margin)
    # a curated word's skills are kept anyway: they take no place among the unit's best k
    curated = [r for r, h in lexical.items() if h.kind == CURATED]
    ranked = score.copy() if curated else score
    ranked[curated] = -np.inf
    k = cfg.extract_per_sentence if whole else cfg.extract_per_phrase
    rows = dict.fromkeys(int(r) for r in _top(ranked, k))
    rows.update(dict.fromkeys(lexical))  # named verbatim: not capped per unit
    floors = dict.fromkeys(rows, floor)
    for row in _listed(text, lexical, score, floor):
        floors[row] = least
    if not whole:  # the sentence confirms what the phrase reads
        for row in (int(r) for r in _top(score, cfg.extract_agree_per_phrase)):
            if row in agreed:
                floors[row] = min(floors.get(row, floor), cfg.extract_agree_min_score)
    kept = {}
    for row, least_here in floors.items():
        value = float(score[row])
        hit = lexical.get(row)
        if hit is not None and hit.kind == CURATED and np.isfinite(value):
            value = max(value, least_here)  # a curated trade word names its skill
        if value >= least_here:
            kept[row] = value
    return kept


_LIST_WORDS = frozenset({"and", "or", ",", "/", "&", ", and"})


def _listed(text: str, lexical: dict, score: np.ndarray, floor: float) -> list[int]:
    """The acronyms named verbatim in a list with another name the unit keeps, only "and",
    "or", a comma or a slash between ("Excel and SQL", "Excel, SQL"; not "PowerShell and MS
    SQL"): each tool is named, not a neighbour's near miss under its margin. Offsets are in
    `text`."""
    kept = [h for r, h in lexical.items() if h.kind != CURATED and score[r] >= floor]

    def beside(a: AliasHit, b: AliasHit) -> bool:
        gap = text[a.end : b.start] if a.end <= b.start else text[b.end : a.start]
        return gap.strip() in _LIST_WORDS and len(gap) <= 6

    return [
        row
        for row, hit in lexical.items()
        if hit.kind != CURATED
        and not hit.ambiguous
        and is_acronym(hit.alias)
        and any(k.row != row and beside(hit, k) for k in kept)
    ]


def _agreeing(scored: Scored, cfg: LinkerConfig, managing: set[int]) -> set[int]:
    """The sentence's best `extract_agree_sentence_rank` skills, those a curated word names
    (kept anyway) and the managing skills it does not read (`indexing.unmeant`) left aside:
    they take no place from what the sentence confirms of its phrases."""
    aside = [r for r, h in scored.lexical.items() if h.kind == CURATED] + list(managing)
    score = scored.score
    if aside:
        score = score.copy()
        score[aside] = -np.inf
    return set(_top(score, cfg.extract_agree_sentence_rank).tolist())


def _unread(unmeant: Unmeant, text: str) -> set[int]:
    """The skills a sentence's words do not read: managing, other people's, making
    (`indexing.unmeant`), another trade's (`indexing.unsaid`: a driver's "CPC")."""
    return (
        unmeant.managing(text)
        | unmeant.others(text)
        | unmeant.made(text)
        | unmeant.unsaid.rows(text)
    )


def _not_managing(score: np.ndarray, rows: set[int], lexical: dict[int, AliasHit]):
    """`score` less the managing skills whose object the sentence names without managing it
    (`indexing.unmeant`), unless a curated word names them."""
    rows = [r for r in rows if (h := lexical.get(r)) is None or h.kind != CURATED]
    if not rows:
        return score
    score = score.copy()
    score[rows] = -np.inf
    return score


def _misread(unmeant: Unmeant, row: int, hit, label: str, text: str, span) -> bool:
    """A word read as a skill it does not mean here: a word many skills share ("Security" is no
    *securities*), a language said of another thing ("Italian restaurant"), an industry's making
    where the text says none ("heating" is no *manufacturing of heating equipment*), an artist's
    work where it says nothing of the arts (indexing.unmeant), a verb of recording alone before
    its object (indexing.lone_verbs), a thing booked for others (indexing.booked)."""
    return (
        _shared_word(unmeant, row, hit, label)
        or unmeant.adjective(row, text, *span)
        or unmeant.unmade(row, text)
        or unmeant.artless(row, text)
        # "Writing and reviewing care plans" reads no *writing techniques* (indexing.lone_verbs)
        or ((hit is None or hit.kind != CURATED) and lone_verb(text, *span))
        # "booking eye tests" performs none (indexing.booked)
        or ((hit is None or hit.kind != CURATED) and booked(label, text, *span))
    )


def _unmeant_kind(linker, row: int, label: str, sent: Span, span: tuple[int, int]) -> bool:
    """Was skill `row`, read by meaning from the words at `span` (offsets in the text) of the
    sentence `sent` through `label`, a kind the words do not say: through its label or its name
    ("food safety" is no *wild game meat food safety*), a field that a job's title alone does
    not name, a field's plan (indexing.unmeant, indexing.title_fields, indexing.plans)?"""
    unmeant, name = linker.unmeant, linker.skills[row].preferred_label
    sentence, at = sent.text, (span[0] - sent.start, span[1] - sent.start)
    evidence = sentence[at[0] : at[1]]
    return (
        unmeant.kind_of(row, label, evidence, sentence)
        or unmeant.kind_of(row, name, evidence, sentence)
        or unmeant.title_fields.unnamed_field(row, evidence)
        or unmeant.title_fields.done_to_the_title(row, evidence)  # "Supervisor": no *notify ..*
        or unsaid_plan(name, sentence, *at)  # "Sales" is no *sales strategies*
        or unsaid_law(name, sentence, *at)  # "pharmacy counter" is no *pharmacy law*
    )


def _shared_word(unmeant: Unmeant, row: int, hit: AliasHit | None, label: str) -> bool:
    """Was skill `row` read through a one-word label that many skills share (`label`: its
    match's, the alias where the text has one)? Never for a curated word."""
    return (hit is None or hit.kind != CURATED) and unmeant.shared(row, label)


def _owned(lexical: Iterable[AliasHit], at: int) -> tuple[list, list]:
    """(start, end) in the text of the words curated hits own, and of those owned by a word of
    a context ("support people" in a line about care); `at`: the sentence's offset."""
    owned, in_context = [], []
    for h in lexical:
        if h.kind == CURATED:
            spans = [(at + a, at + b) for a, b in h.owned()]
            owned += spans
            in_context += spans if h.context else []
    return owned, in_context


def _not_its_own(a: int, b: int, spans, lexical, at: int) -> bool:
    """Were the words [a, b) (offsets in the text) read by meaning all within one of `spans`
    (a curated word's, a workplace's: "giving medication", "nursing home"), or within a
    verb-object rule's words with one of its own (`_in_pair`; `at`: the sentence's offset)?"""
    return any(lo <= a and b <= hi for lo, hi in spans) or _in_pair(lexical, a - at, b - at)


def _in_pair(lexical: Iterable[AliasHit], a: int, b: int) -> bool:
    """Do the words [a, b) (offsets in the sentence) lie within a verb-object rule's hit and
    hold one of its two words, not both? Its words between say what the rule's object is
    ("selling printing services": what is sold), no skill of their own with the rule's verb
    ("selling printing" is no *printed goods processes*); alone ("printing") or with both words
    they are read as before."""
    for h in lexical:
        if h.pair and h.kind == CURATED and h.start <= a and b <= h.end:
            if sum(lo < b and a < hi for lo, hi in h.owned()) == 1:
                return True
    return False


def _readings(found: dict[int, dict]) -> dict[int, tuple[str, bool, list[Evidence]]]:
    """Each kept skill's preferred label, whether a curated word read it, its evidence spans."""
    return {
        row: (e["match"].preferred_label, e["match"].label_kind == CURATED,
              [ev for _, ev in e["evidence"]])
        for row, e in found.items()
    }  # fmt: skip


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _within(hits: dict, start: int, end: int) -> dict:
    """The alias hits (offsets in the sentence) that overlap [start, end)."""
    return {row: h for row, h in hits.items() if h.start < end and h.end > start}


def _top(score: np.ndarray, k: int) -> np.ndarray:
    k = min(k, len(score))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-score, k - 1)[:k]
    part = part[np.argsort(-score[part], kind="stable")]
    return part[np.isfinite(score[part])]


def _extracted(entry: dict, repeat_bonus: float) -> ExtractedSkill:
    m = entry["match"]
    evidence = [ev for _, ev in sorted(entry["evidence"], key=lambda x: -x[0])]
    return ExtractedSkill(
        skill_id=m.skill_id,
        uri=m.uri,
        preferred_label=m.preferred_label,
        score=entry["best"] + repeat_bonus * (len(entry["evidence"]) - 1),
        matched_label=m.matched_label,
        label_kind=m.label_kind,
        source=m.source,
        evidence=tuple(dict.fromkeys(evidence)),
    )
