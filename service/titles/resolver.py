"""A typed job title -> ranked ESCO occupations, with how sure the answer is.

The title is first cleaned of words that do not name an occupation ("Senior", "(m/f/d)",
"part-time": `title_words`), its shortened words said in full ("Asst. Office Mgr":
`words.SHORT_WORDS`) and its abbreviations spelled out. A title of two ("Welder/Fabricator") that
no preferred label names as a whole is read as its first part one names (`resolve`). Then two
lookups:
- the nearest ESCO occupation labels (preferred and alternative) of both forms;
- the nearest known real titles (`title_memory`: O*NET alternate and reported titles whose ESCO
  occupation the crosswalk gives), which speak for their occupations.
Each occupation found is scored by
- `label`: its best label's similarity (1 for an exact label);
- `votes`: the mean similarity of its three best labels found, so an occupation several of
  whose titles fit beats one odd alternative label;
- `description`: the similarity of the title to the occupation's description;
- `head`: whether the title's head word (its last: "analyst") is a word of its labels;
- `group`: the share of the similarity mass found in its ISCO unit group;
- `memory`: the best similarity of its known titles among the nearest, plus a small vote per
  further one.
The weights were chosen on the development part of the noisy-title set (`skillmatch eval
titles`). Before the scores, the evidence that the title *is* an occupation's name ranks it
(`resolution.name_tier`): a curated title (`curated.CURATED_TITLES`: "care assistant") first;
then an occupation one of whose ESCO labels the title equals. When the title is an alternative
label of several occupations ("operations manager" is *operations manager*'s preferred label
and an alternative label of six others), the one a known title equal to it names comes first,
then the one whose preferred label it is, then the others. A supervisor's title
that no label equals and that resolves only with a warning also takes the exact labels of its
manager's form ("bar supervisor": "bar manager", `words.NEXT_LEVEL`), as does an executive's
that no label equals, when doubtful or when its nearest name is the manager's ("social media
executive": "social media manager", `words.SAME_LEVEL`). An exact label is also one equal to the
title with its department's plural name said singular ("customer services manager":
`words.DEPARTMENT_PLURALS`). A title that names a
level and no trade ("team leader", "shift manager": `several.GENERIC_TITLES`) names its curated
readings in their order, the commonest first, and carries GENERIC_TITLE: confident, so a plan is
made for the first, with the others as the alternatives to check; a title several trades use
for their own job ("service manager", "transport planner": `several.SHARED_TITLES`) likewise,
with SHARED_TITLE. Labels that misname a
title (`misleading.MISLEADING_TITLE_LABELS`: ESCO's "ICT manager" of *telecommunications
manager*) are not searched. A known title equal to the title, of several occupations, reads first
those whose own name says its trade (`equal_known.py`); a title read surely by nothing whose head
word one occupation alone holds reads it, with a warning (`head_alone.py`).

A resolution is `confident` when the best evidence (label or known title) reaches `min_score`
and the title has a word the vocabulary of labels and known titles knows; otherwise it carries a
warning and the alternatives, and callers must not plan for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from indexing.label_index import LabelIndex
from service.titles.choice import named, spelt_better, surer
from service.titles.equal_known import prefer_trade_said
from service.titles.family import FAMILY_TITLE, names_a_family, narrower_evidence
from service.titles.head_alone import head_alone, read_by_head
from service.titles.heads import MANY_TRADES, head_counts, head_word, loose_head
from service.titles.kept import demote_dropping
from service.titles.names import stem as _stem
from service.titles.names import without_names
from service.titles.qualifiers import (
    DEPUTY_FIRST,
    DESCRIPTIVE_FIRST,
    EMPLOYMENT_FIRST,
    LEARNER_LAST,
    LEARNER_LEVEL,
    STAFFING_FIRST,
    level_note,
    level_said_last,
    only_level,
    practitioner,
    unqualified,
)
from service.titles.resolution import (
    GENERIC_TITLE,
    LOW_CONFIDENCE,
    NO_MATCH,
    ONLY_LEVEL,
    SHARED_TITLE,
    OccupationInfo,
    TitleCandidate,
    TitleConfig,
    TitleResolution,
    name_tier,
)
from service.titles.spelling import Speller, sure_typos
from service.titles.words import (
    DROP_ANYWHERE,
    DROP_FIRST,
    DROP_PHRASES,
    SHIFT_PHRASES,
    expand_abbreviations,
    field_worker,
    level_to_read,
    normalise_title,
    other_spelling,
    singular_modifiers,
    slash_parts,
    split_context,
    title_words,
    without_site,
)

__all__ = [
    "GENERIC_TITLE",
    "LOW_CONFIDENCE",
    "NO_MATCH",
    "ONLY_LEVEL",
    "SHARED_TITLE",
    "OccupationInfo",
    "TitleCandidate",
    "TitleConfig",
    "TitleResolution",
    "TitleResolver",
]

# words the cleaning itself reads ("trainee", "locum"): never "corrected" into another word
CLEANING_WORDS = (
    *DROP_ANYWHERE,
    *DROP_FIRST,
    *DROP_PHRASES,
    *SHIFT_PHRASES,
    *LEARNER_LEVEL,
    *EMPLOYMENT_FIRST,
    *DESCRIPTIVE_FIRST,
    *STAFFING_FIRST,
    *DEPUTY_FIRST,
)


def _read_as(typed: str, read: str, got: TitleResolution) -> TitleResolution:
    """`got` (the reading of `read`, a correction of the title as `typed`) with the correction
    said first in its note."""
    said = f"'{typed.strip()}' read as '{read.strip()}'"
    return replace(got, note=f"{said}; {got.note}" if got.note else said)


class TitleResolver:
    def __init__(
        self,
        labels: LabelIndex,
        occupations: Sequence[OccupationInfo],
        descriptions: np.ndarray | None,
        config: TitleConfig | None = None,
        *,
        memory=None,
        excluded: frozenset[tuple[int, str]] = frozenset(),
        curated: Mapping[str, Sequence[int]] | None = None,
        generic: Mapping[str, Sequence[int]] | None = None,
        shared: Mapping[str, Sequence[int]] | None = None,
    ) -> None:
        """`descriptions`: one normalised vector per occupation, in the order of `occupations`
        (None: no description feature); `memory`: a TitleMemory or None; `excluded`:
        (occupation id, lowered label) pairs never matched (`misleading.MISLEADING_TITLE_LABELS`);
        `curated`: cleaned title -> the occupation ids it names (CURATED_TITLES); `generic`:
        a title of a level -> its readings, the commonest first (GENERIC_TITLES); `shared`: a
        title several trades use -> its readings (SHARED_TITLES)."""
        self.labels = labels
        # the head words of preferred labels: a person's, of many trades (`heads.py`)
        heads = head_counts(o.labels[0] for o in occupations)
        self.person_heads = frozenset(heads)
        self.family_heads = frozenset(w for w, n in heads.items() if n >= MANY_TRADES)
        self.excluded = excluded
        self.generic = {normalise_title(t) for t in generic or {}}
        self.shared = {normalise_title(t) for t in shared or {}}
        named = {**(curated or {}), **(generic or {}), **(shared or {})}
        self.curated = {normalise_title(t): tuple(ids) for t, ids in named.items()}
        self.config = config or TitleConfig()
        self.info = {o.id: o for o in occupations}
        self.row = {o.id: i for i, o in enumerate(occupations)}
        self.descriptions = descriptions
        self.memory = memory
        self.words = {
            o.id: {
                _stem(w)
                for lab in o.labels
                if (o.id, lab.lower()) not in excluded
                for w in title_words(lab)
            }
            for o in occupations
        }
        vocab = set().union(*self.words.values()) if self.words else set()
        if memory is not None:
            vocab |= {_stem(w) for t in memory.titles for w in title_words(t)}
        self.vocabulary = vocab
        # preferred labels of one word: the people of fields (`qualifiers.practitioner`)
        self.one_word_names = {
            o.labels[0].lower() for o in occupations if len(o.labels[0].split()) == 1
        } - {""}
        named = [lab for o in occupations for lab in o.labels]
        named += [*(memory.titles if memory is not None else ()), *self.curated, *CLEANING_WORDS]
        self.speller = Speller(w for t in named for w in title_words(t))

    def without_names(self, title: str) -> str | None:
        """`title` without the names before its trade (`names.without_names`)."""
        return without_names(title, self.vocabulary, self.speller.word)

    def queries(self, title: str) -> list[str]:
        norm = normalise_title(title)
        return list(dict.fromkeys(q for q in (norm, expand_abbreviations(norm)) if q))

    def resolve(self, title: str, k: int = 5) -> TitleResolution:
        """The title's occupations; a title several trades' names say, none equal to it, or a
        head word of many trades alone ("inspector": `heads.py`), with FAMILY_TITLE
        (`family.names_a_family`, over the first three: not where k < 3)."""
        got = self._resolve_spelt(title, k)
        if not got.confident and (head := head_alone(got.query, self._holders)):
            alone = self._resolve_spelt(head, k)  # "electrical estimator": `head_alone.py`
            got = read_by_head(got, alone) if named(alone) else got
        if got.confident and got.warning in (None, LOW_CONFIDENCE) and self._a_family(title):
            return replace(got, warning=FAMILY_TITLE)
        if not got.confident or got.warning is not None or not got.candidates:
            return got
        preferred = [self.info[c.occupation_id].labels[0] for c in got.candidates]
        scores = [c.score for c in got.candidates]
        evidence = [c.matched_label for c in got.candidates]
        if names_a_family(got.query, preferred, scores, got.candidates[0].exact) or (
            not got.candidates[0].exact and narrower_evidence(got.query, evidence, scores)
        ):
            return replace(got, warning=FAMILY_TITLE)
        return got

    def _a_family(self, title: str) -> bool:
        """Whether the title, cleaned, is one head word of many trades that names no occupation
        of its own (no preferred label or curated title equals it: "electrician" does)."""
        queries = self.queries(title)
        one = len(queries) == 1 and len(title_words(queries[0])) == 1
        return one and head_word(queries[0]) in self.family_heads and not self._named_plainly(title)

    def _holders(self, word: str) -> list[int]:
        """The occupations an exact label equal to `word` names."""
        return [e for e, _, _ in self._exact(word)]

    def _resolve_spelt(self, title: str, k: int) -> TitleResolution:
        """A title with a misspelt word (`spelling.Speller`: "Translater", "bookeeper") is read as
        the vocabulary spells it where `choice.spelt_better` says so, a closed word written as
        two ("Fork lift driver") as one where that names an occupation and the title as typed
        reads none surely (a known title as typed is kept: "Cyber Security Analyst"); the
        correction is said back in the note."""
        got = self._resolve_parts(title, k)
        if not named(got) and (joined := self.speller.joined(title)) is not None:
            fixed = self._resolve_parts(joined, k)  # "Fork lift driver": "forklift driver"
            if named(fixed) and (not got.confident or got.warning is not None):
                return _read_as(title, joined, fixed)
        spelt = None if named(got) else self.speller.correct(title)
        sure = spelt is not None and sure_typos(title, spelt)
        if spelt is None or (got.confident and not sure):  # `spelt_better` would keep it
            return got
        fixed = self._resolve_parts(spelt, k)
        if not spelt_better(fixed, got, sure):
            return got
        return _read_as(title, spelt, fixed)

    def _resolve_parts(self, title: str, k: int) -> TitleResolution:
        """A title of two ("Welder/Fabricator": `words.slash_parts`) that no preferred label or
        curated title names as a whole is read as its first part that one names ("welder";
        ESCO's "welder fabricator" is an alternative label of three specialised welders
        only)."""
        parts = slash_parts(title)
        if parts and not self._named_plainly(title):
            title = next((p for p in parts if self._named_plainly(p)), title)
        return self._resolve_placed(title, k)

    def _named_plainly(self, title: str) -> bool:
        """Whether a cleaned form of the title is a curated title or a preferred ESCO label."""
        queries = self.queries(title)
        return any(q in self.curated for q in queries) or any(
            kind == "preferred" for q in queries for _, _, kind in self._exact(q)
        )

    def _resolve_placed(self, title: str, k: int) -> TitleResolution:
        """A title that names its place ("duty manager at a leisure centre":
        `words.split_context`) is read with the place said first ("leisure centre duty
        manager") when that reading is sure, else as the title alone, else as the first."""
        role, place = split_context(title)
        if not place:
            return self._resolve_title(title, k)
        placed = self._resolve_title(f"{place} {role}", k)
        if placed.confident and placed.warning is None:
            return placed
        bare = self._resolve_title(role, k)
        return bare if bare.confident else placed

    def _resolve_title(self, title: str, k: int) -> TitleResolution:
        queries = self.queries(title)
        if not queries:  # no word at all ("|", "-", emoji)
            return TitleResolution(title.strip(), [], False, NO_MATCH)
        if only_level(title):  # "junior trainee": no trade to read
            return TitleResolution(title.strip(), [], False, ONLY_LEVEL)
        worker = field_worker(queries[0])
        if worker and not self._names(queries):  # "software engineering": a software engineer
            queries = self.queries(worker)
        got = self._resolve_queries(queries, k)
        # the head word an abbreviation says ("bank HCA": a healthcare assistant) qualifies too
        bare, dropped = next((r for r in map(unqualified, queries) if r[1]), (queries[0], ""))
        last = dropped in LEARNER_LAST
        if not dropped and (said := level_said_last(title)):  # "plumbing apprentice": a plumber
            bare, dropped, last = queries[0], said, True
        if dropped and not self._names(queries):  # "student nurse" -> "nurse" (qualifiers.py)
            person = practitioner(bare, self.one_word_names) if last else ""
            for reading in dict.fromkeys(r for r in (person, bare) if r):  # "law" -> "lawyer"
                unq = self._resolve_queries(self.queries(reading), k)
                if surer(unq, got):
                    return replace(unq, note=level_note(title, dropped))
        return replace(got, note=level_note(title) or got.note) if got.confident else got

    def _names(self, queries: list[str]) -> bool:
        """Whether a cleaned form of the title is a curated title or equals an ESCO label."""
        return any(q in self.curated or self._exact(q) for q in queries)

    def _resolve_queries(self, queries: list[str], k: int) -> TitleResolution:
        got = self._resolve(queries, k)
        if got.confident and self.generic.intersection(queries):  # a level, not a trade
            return replace(got, warning=GENERIC_TITLE)
        if got.confident and self.shared.intersection(queries):  # several trades' own jobs
            return replace(got, warning=SHARED_TITLE)
        return got

    def _resolve(self, queries: list[str], k: int) -> TitleResolution:
        vecs = np.asarray(self.labels.encoder.encode_queries(queries), np.float32)
        scores, ids = self.labels.label_hits(vecs, self.config.labels_per_query)
        found = self._found(queries, scores, ids)
        known = self.memory.neighbours(vecs[-1:], self.config.memory_k)[0] if self.memory else {}
        ranked = self._rerank(queries, vecs[-1], found, known)[:k]
        judged = self._judge(queries[-1], ranked)
        first = judged.candidates[0].matched_label if judged.candidates else ""
        up = level_to_read(queries[-1], first, bool(judged.warning))  # "bar supervisor"
        if not up or not self._add_next_level(queries, found, up):
            return judged
        # the exact labels of "X manager" decide
        return self._judge(queries[-1], self._rerank(queries, vecs[-1], found, known)[:k])

    def _found(self, queries, scores, ids) -> dict[int, list[tuple[float, str, str]]]:
        """occupation -> (similarity, label, kind) of each label found, over all query forms;
        an exact label counts 1 (preferred labels a hair above alternative ones)."""
        found: dict[int, dict[str, tuple[float, str, str]]] = defaultdict(dict)
        for q, row_s, row_i in zip(queries, scores, ids, strict=True):
            for eid, text, kind in self._exact(q):
                found[eid][text] = (1.0 + 1e-6 * (kind == "preferred"), text, kind)
            for s, lid in zip(row_s.tolist(), row_i.tolist(), strict=True):
                if lid < 0:
                    continue
                eid, text, kind = self.labels.label(lid)
                if (eid, text.lower()) in self.excluded:
                    continue
                if found[eid].get(text, (-2.0,))[0] < s:
                    found[eid][text] = (float(s), text, kind)
        return {e: sorted(v.values(), reverse=True) for e, v in found.items() if v}

    def _exact(self, query: str) -> list[tuple[int, str, str]]:
        """(occupation id, label, kind) of the labels equal to `query`, or else to it with its
        plural modifiers said singular ("customer services manager": `singular_modifiers`) or
        spelt the other way ("careers adviser": `words.other_spelling`), or
        without its site word when one occupation's label equals that (`words.without_site`),
        less the excluded."""
        lids = self.labels.exact(query) or self.labels.exact(singular_modifiers(query) or query)
        lids = lids or self.labels.exact(other_spelling(query) or query)  # "careers adviser"
        got = [self.labels.label(lid) for lid in lids]
        if got and not query.endswith("s"):  # the title said plural: an equal label too
            got += self._plural_labels(query, {e for e, _, _ in got})
        if not got and without_site(query):  # "construction site supervisor", one occupation's
            got = [self.labels.label(lid) for lid in self.labels.exact(without_site(query))]
            got = got if len({e for e, _, _ in got}) == 1 else []
        return [(e, t, k) for e, t, k in got if (e, t.lower()) not in self.excluded]

    def _plural_labels(self, query: str, named: set[int]) -> list[tuple[int, str, str]]:
        """The labels equal to the title said plural ("network engineers") of the occupations
        whose preferred label says every word of it (*ICT network engineer*), beside those an
        equal label names (`named`: *ICT network technician*'s "network engineer"); ESCO gives
        a plural form as an alternative label where it has no singular one."""
        hits = [self.labels.label(lid) for lid in self.labels.exact(query + "s")]
        return [h for h in hits if h[0] not in named and self._says_all(h[0], query)]

    def _says_all(self, eid: int, query: str) -> bool:
        """Whether the occupation's preferred label says every word of the title (plurals
        aside): "ICT network engineer" says "network engineer"."""
        info = self.info.get(eid)
        own = {_stem(w) for w in title_words(info.labels[0])} if info else set()
        return bool(own) and {_stem(w) for w in title_words(query)} <= own

    def _add_next_level(self, queries: list[str], found, up: str) -> bool:
        """A title that no label equals takes the exact labels of `up`, its level said as ESCO
        says it (`_resolve`), as exact ("bar supervisor": "bar manager" of *restaurant
        manager*); whether any."""
        if any(self._exact(q) for q in queries):
            return False
        for eid, text, kind in self._exact(up):
            hits = [(1.0 + 1e-6 * (kind == "preferred"), text, kind)]
            found[eid] = sorted(hits + found.get(eid, []), reverse=True)
        return bool(self._exact(up))

    def _rerank(self, queries: list[str], qvec, found, known) -> list[TitleCandidate]:
        c = self.config
        query = queries[-1]
        words = title_words(query)
        head = _stem(words[-1]) if words else ""
        label_floor = min((h[0][0] for h in found.values()), default=0.0)
        memory_floor = min((s[-1][0] for s in known.values()), default=0.0)
        mass: dict[str, float] = defaultdict(float)
        for eid, hits in found.items():
            mass[self._isco(eid)] += float(np.exp(10 * min(hits[0][0], 1.0)))
        total = sum(mass.values()) or 1.0
        curated: dict[int, int] = {}  # occupation -> its place among the curated readings
        for e in (e for q in queries for e in self.curated.get(q, ())):
            curated.setdefault(e, len(curated))
        alternative = [h[0] for h in found.values() if h[0][0] >= 1.0 and h[0][2] != "preferred"]
        shared = len(alternative) >= 2  # an alternative label of several occupations
        # ESCO's own name of an occupation equal to the title, beside another's alternative label
        named = bool(alternative) and any(
            h[0][0] >= 1.0 and h[0][2] == "preferred" for h in found.values()
        )
        out = []
        for eid in set(found) | set(known) | set(curated):
            hits = found.get(eid) or [(label_floor, "", "alternative")]
            top = [h[0] for h in hits[:3]] + [label_floor] * (3 - min(3, len(hits)))
            score = hits[0][0] + c.w_votes * float(np.mean(top))
            if self.descriptions is not None and eid in self.row:
                score += c.w_description * float(self.descriptions[self.row[eid]] @ qvec)
            score += c.w_head * (head in self.words.get(eid, ()))
            score += c.w_group * mass[self._isco(eid)] / total
            near = known.get(eid)
            memory = near[0][0] + c.memory_vote * (len(near) - 1) if near else memory_floor
            score += c.w_memory * memory
            if eid in curated:
                out.append(TitleCandidate(eid, score, 1.0, query, "curated title", True, 0))
                continue
            candidate = self._candidate(eid, score, hits[0], near)
            tier = name_tier(candidate, near, queries, shared, named)
            out.append(replace(candidate, tier=tier))
        out = demote_dropping(out, query, self.vocabulary)  # evidence that says all the words
        labels = {e: o.labels for e, o in self.info.items()}
        out = prefer_trade_said(out, queries, labels, self.vocabulary)  # `equal_known.py`
        # a title equal to a name of an occupation names it, whatever else is near (`name_tier`);
        # curated readings in their curated order
        # a title equal to one occupation's label and to another's said plural: the one whose
        # preferred label says every word of it first ("network engineer": *ICT network
        # engineer*, `_plural_labels`)
        tie = shared and any(h[0][1].lower() == f"{query}s" for h in found.values())
        out.sort(
            key=lambda t: (
                t.tier,
                curated.get(t.occupation_id, 0),
                tie and t.tier in (1, 2, 3) and not self._says_all(t.occupation_id, query),
                -t.score,
                t.label_kind != "preferred",
            )
        )
        return out

    @staticmethod
    def _candidate(eid: int, score: float, best, near) -> TitleCandidate:
        """The evidence shown: the best label, or the nearest known title when it is closer."""
        exact, known = best[0] >= 1.0, near[0] if near else None
        if near and near[0][0] > best[0] and not exact:
            return TitleCandidate(eid, score, near[0][0], near[0][1], "known title", known=known)
        return TitleCandidate(eid, score, min(best[0], 1.0), best[1], best[2], exact, known=known)

    def description_similarity(
        self, text: str, occupation_ids: Sequence[int], of: int | None = None
    ) -> list[float]:
        """The similarity of `text` (a CV line), or of occupation `of`'s description (a
        learner's job), to each occupation's description; 0 for one without a description, or
        for all when there are no descriptions or no text."""
        row = self.row.get(of) if of is not None else None
        if self.descriptions is None or not (text.strip() or row is not None):
            return [0.0] * len(occupation_ids)
        enc = self.labels.encoder
        vec = self.descriptions[row] if row is not None else enc.encode_queries([text])[0]
        rows = [self.row.get(e) for e in occupation_ids]
        return [0.0 if r is None else float(self.descriptions[r] @ vec) for r in rows]

    def _isco(self, eid: int) -> str:
        info = self.info.get(eid)
        return info.isco_code if info else ""

    def _judge(self, query: str, ranked: list[TitleCandidate]) -> TitleResolution:
        c = self.config
        # a word of no label ("publican") is known where a curated title holds it
        known = query in self.curated or any(
            _stem(w) in self.vocabulary for w in title_words(query)
        )
        if not ranked or not known or ranked[0].label_score < c.min_score:
            return TitleResolution(query, ranked, False, NO_MATCH)
        first, second = ranked[0], ranked[1] if len(ranked) > 1 else None
        # a close second of the same tier (a lower tier never comes close)
        close = second is not None and second.tier == first.tier
        close = close and first.score - second.score < c.warn_margin
        # a loose reading that ends in another head word ("ward manager": O*NET's "Ward Service
        # Supervisor") is a guess of another role (`heads.loose_head`)
        loose = loose_head(query, first.matched_label, self.person_heads)
        if not first.exact and (first.label_score < c.warn_score or close or loose):
            return TitleResolution(query, ranked, True, LOW_CONFIDENCE)
        return TitleResolution(query, ranked, True, None)
