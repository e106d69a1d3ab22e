"""Skill linker: text or span -> ranked taxonomy skills (ESCO, O*NET technology skills).

How a text is scored against every skill (weights in `LinkerConfig`, tuned on TECH / HOUSE val):

1. Dense score of a query q for skill s, from several views of the skill:
   `dense(q, s) = max over the skill's labels (preferred, alternative, hidden) of cos(q, label)
   + description_weight * cos(q, "preferred label: description")`.
2. Spans. The text is embedded whole and so are its word n-grams (1..max_ngram words, not starting
   or ending with a stopword: `indexing.text.ngrams`), so that a skill named in a few words of a
   long sentence is still found:
   `score(s) = text_weight * dense(text, s) + ngram_weight * max_g dense(g, s)`
   (+ `phrase_weight` * the best phrase of `indexing.text.split_phrases`, 0 by default).
3. Lexical aliases. A label or alias found verbatim in the text (word-bounded, case-insensitive;
   all-caps acronyms such as "SQL" or "LESS" case-sensitive, and so are capitalised one-word
   names that the taxonomy uses as ordinary words, such as "Go" or "Access"; "Java (computer
   programming)" also as "Java") adds `lexical_bonus` (multi-word) or `lexical_bonus_single`
   (one word), divided by sqrt(number of skills sharing the alias): this finds short product
   names ("PostgreSQL", "Docker").
4. Priors: `knowledge_bonus` for knowledge / technology skills and `transversal_bonus` for
   transversal ones (job ads name these more often than the taxonomy's base rate).

Vectors are computed once by `build()` (or read by `load()`) and kept as two numpy matrices
(112k ESCO labels x 384 dims: about 170 MB); scoring is exact (matrix products). `save()` writes
them as two `VectorIndex` files with manifests plus `linker.json` (counts and a fingerprint of the
embedded texts); `load()` refuses files made by another model, dim, or taxonomy.
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from indexing.aliases import AliasHit, AliasMatcher, span_key
from indexing.encoder import Encoder, normalize_rows
from indexing.technology import TechnologyGate
from indexing.text import Span, ngrams, split_phrases
from indexing.types import Check, ExtractedSkill, SkillEntry, SkillMatch, unchecked

KINDS = ("preferred", "alternative", "hidden", "description")


@dataclass(frozen=True)
class LinkerConfig:
    """Scoring weights and thresholds. Defaults were tuned on TECH and HOUSE validation."""

    description_weight: float = 0.3  # dense = max label cos + this x cos(label: description)
    text_weight: float = 0.7  # weight of the whole text's dense score
    ngram_weight: float = 0.3  # weight of the best word n-gram's dense score (0: no n-grams)
    max_ngram: int = 2  # n-grams of 1..max_ngram words, not starting/ending in a stopword
    phrase_weight: float = 0.0  # weight of the best phrase (text.split_phrases); 0: not embedded
    max_phrases: int = 64
    lexical_bonus: float = 0.2  # a multi-word label/alias found verbatim in the text
    lexical_bonus_single: float = 0.1  # a one-word label/alias found verbatim
    knowledge_bonus: float = 0.06  # skill_type "knowledge" or "technology"
    transversal_bonus: float = 0.06  # reuse_level "transversal"
    use_hidden_labels: bool = True  # hidden labels (misspellings, old terms) as label views
    min_alias_chars: int = 2  # aliases shorter than this are never matched lexically
    # an alias's bonus is divided by sqrt(skills sharing it); with this, only those of the hit's
    # own taxonomy count (ESCO's "Microsoft Office Excel" and O*NET's "Microsoft Excel" do not
    # compete for "Excel")
    alias_ambiguity_by_source: bool = True
    # extract(): each sentence and each of its phrases (text.split_phrases) is a unit; a skill
    # is kept when it is among a unit's best (top extract_per_sentence of a sentence,
    # extract_per_phrase of a phrase) or named there verbatim, scores at least
    # extract_min_score (a phrase: extract_min_score + extract_phrase_extra_score, as short
    # texts score high, like stated names, whose sure links start at 1.0) and no less than the
    # unit's best - extract_margin. Chosen on TECH and HOUSE validation by set F1
    # (service/evaluation/extraction.py; README).
    extract_min_score: float = 0.75
    extract_max_skills: int = 30
    extract_per_sentence: int = 3
    extract_per_phrase: int = 1
    extract_phrase_extra_score: float = 0.25
    extract_margin: float = 0.1
    extract_repeat_bonus: float = 0.02  # per further unit supporting the same skill
    # technology skills (O*NET tools, ESCO digital knowledge) only where the text is about
    # technology or names them unambiguously (indexing/technology.py)
    technology_gate: bool = True
    # link_spans() (short stated skill names): n-gram views only for spans of at least this many
    # words; 0: none, each span is scored on itself alone (on the TECH/HOUSE annotated spans this
    # ranks the gold skill as well or better than n-gram views, at a fraction of the encoding)
    span_ngram_min_words: int = 0
    # link_spans(): an alias inside a stated name (not the whole of it) adds its bonus too
    span_partial_aliases: bool = False
    # stated names (indexing/stated.py): a sure link at/above stated_link_min with a lead of
    # stated_margin_min over the next skill; a doubtful one from stated_doubt_min; a short name
    # (one word, an acronym) that is no label links only from stated_short_min. Chosen on the
    # annotated spans of TECH and HOUSE validation (service/evaluation/extraction.py).
    stated_link_min: float = 1.0
    stated_doubt_min: float = 0.9
    stated_short_min: float = 1.0
    stated_margin_min: float = 0.05
    # encoder batch for the spans: on 2 cores 64 was ~20% faster when idle, 256 ~15% faster
    # with another process on a core (fewer, larger operations); runs are often shared
    span_batch_size: int = 256
    span_chunk: int = 256  # distinct spans scored per matrix product (bounds memory)
    # query vectors of recently linked texts (sentences, n-grams, stated names), reused across
    # calls: job texts repeat their n-grams. Least recently used out first; 0: no cache.
    # 20,000 x 384-d float32 is about 31 MB.
    span_cache_size: int = 20_000


# ---------------------------------------------------------------- the linker


@dataclass
class _Scored:
    """One text scored against all skills."""

    text: str
    score: np.ndarray  # (n_skills,) final score
    spans: list[Span]  # the text itself first, then its n-grams and phrases
    dense: np.ndarray  # (len(spans), n_skills) dense score of each span
    vecs: np.ndarray  # (len(spans), dim) query vectors
    lexical: dict[int, AliasHit]  # skill row -> best alias hit

    def best_span(self, row: int) -> int:
        """Index into `spans` of the span that matches skill `row` best."""
        return int(np.argmax(self.dense[:, row]))


class SkillLinker:
    """Links free text to taxonomy skills. See the module docstring for the scoring."""

    def __init__(
        self,
        skills: Sequence[SkillEntry],
        encoder: Encoder,
        config: LinkerConfig | None = None,
        *,
        vocabulary: Iterable[str] = (),
    ) -> None:
        """`vocabulary`: texts whose lower-case words are ordinary words (occupation titles):
        a one-word alias among them is ambiguous (indexing.aliases)."""
        self.skills = list(skills)
        self.encoder = encoder
        self.config = config or LinkerConfig()
        self._row_of_id = {s.id: i for i, s in enumerate(self.skills)}
        if len(self._row_of_id) != len(self.skills):
            raise ValueError("duplicate skill ids")
        # label rows, grouped by skill (contiguous), preferred first
        texts, owner, kinds = [], [], []
        for row, s in enumerate(self.skills):
            seen: set[str] = set()
            views = [("preferred", s.preferred_label)] + [("alternative", a) for a in s.alt_labels]
            if self.config.use_hidden_labels:
                views += [("hidden", h) for h in s.hidden_labels]
            for kind, label in views:
                label = label.strip()
                if not label or label.lower() in seen:
                    continue
                seen.add(label.lower())
                texts.append(label)
                owner.append(row)
                kinds.append(KINDS.index(kind))  # 0..2; 3 = description, set in _dense
        self._label_texts = texts
        self._label_owner = np.asarray(owner, dtype=np.int64)
        self._label_kind = np.asarray(kinds, dtype=np.int8)
        self._label_starts = np.r_[0, np.flatnonzero(np.diff(self._label_owner)) + 1].astype(
            np.int64
        )
        if len(self._label_starts) != len(self.skills):  # every skill has a preferred label
            raise ValueError("every skill needs a non-empty preferred label")
        self._desc_texts = [
            f"{s.preferred_label}: {s.description}" if s.description else s.preferred_label
            for s in self.skills
        ]
        self._matcher = AliasMatcher(
            self.skills,
            min_chars=self.config.min_alias_chars,
            hidden=self.config.use_hidden_labels,
            vocabulary=vocabulary,
            by_source=self.config.alias_ambiguity_by_source,
        )
        self._key_labels = self._labels_by_key()
        self.gate = TechnologyGate(self.skills)
        self._prior = np.zeros(len(self.skills), dtype=np.float32)
        for row, s in enumerate(self.skills):
            if s.skill_type in ("knowledge", "technology"):
                self._prior[row] += self.config.knowledge_bonus
            if s.reuse_level == "transversal":
                self._prior[row] += self.config.transversal_bonus
        self._sources = np.asarray([s.source for s in self.skills])
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._label_vecs: np.ndarray | None = None
        self._desc_vecs: np.ndarray | None = None

    # ------------------------------------------------------------ building and persistence

    @property
    def n_texts_to_embed(self) -> int:
        """How many texts `build()` embeds (labels + one label-with-description per skill)."""
        return len(self._label_texts) + len(self._desc_texts)

    @property
    def n_labels(self) -> int:
        return len(self._label_texts)

    @property
    def is_built(self) -> bool:
        return self._label_vecs is not None and self._desc_vecs is not None

    def build(
        self, progress: Callable[[int], None] | None = None, *, batch_size: int = 128
    ) -> None:
        """Embed every label and every label+description; `progress(n)` after each batch."""
        self._label_vecs = self.encoder.encode_documents(
            self._label_texts, batch_size=batch_size, progress=progress
        )
        self._desc_vecs = self.encoder.encode_documents(
            self._desc_texts, batch_size=max(8, batch_size // 4), progress=progress
        )

    def set_vectors(self, label_vecs: np.ndarray, desc_vecs: np.ndarray) -> None:
        """Use vectors computed elsewhere (rows in `label_texts` / skill order)."""
        label_vecs, desc_vecs = normalize_rows(label_vecs), normalize_rows(desc_vecs)
        if label_vecs.shape != (self.n_labels, self.encoder.dim):
            raise ValueError(f"label vectors {label_vecs.shape} != ({self.n_labels}, dim)")
        if desc_vecs.shape != (len(self.skills), self.encoder.dim):
            raise ValueError(f"description vectors {desc_vecs.shape} != ({len(self.skills)}, dim)")
        self._label_vecs, self._desc_vecs = label_vecs, desc_vecs

    def vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """The label vectors (rows in `label_texts` order) and description vectors (skills)."""
        self._require_built()
        return self._label_vecs, self._desc_vecs

    @property
    def label_texts(self) -> list[str]:
        return list(self._label_texts)

    def fingerprint(self) -> str:
        """Hash of everything the vectors depend on besides the model: the embedded texts."""
        h = hashlib.sha256()
        for t in self._label_texts:
            h.update(t.encode())
            h.update(b"\x00")
        h.update(b"\x01")
        for t in self._desc_texts:
            h.update(t.encode())
            h.update(b"\x00")
        return h.hexdigest()

    def save(self, directory: str | os.PathLike) -> None:
        """Write labels.faiss, descriptions.faiss (each with .manifest.json) and linker.json."""
        from indexing.linker_store import save_vectors

        self._require_built()
        save_vectors(self, directory)

    @classmethod
    def load(
        cls,
        directory: str | os.PathLike,
        skills: Sequence[SkillEntry],
        encoder: Encoder,
        config: LinkerConfig | None = None,
        *,
        vocabulary: Iterable[str] = (),
    ) -> SkillLinker:
        """Load vectors saved by `save()`; IndexMismatchError when they do not fit.

        Refused: another model id or dim, another number of skills or labels, or other label /
        description texts (the fingerprint) than `skills` gives with this config.
        """
        from indexing.linker_store import load_vectors

        linker = cls(skills, encoder, config, vocabulary=vocabulary)
        linker._label_vecs, linker._desc_vecs = load_vectors(linker, directory)
        return linker

    def skill_vectors(self, skill_ids: Sequence[int]) -> np.ndarray:
        """One vector per skill ("preferred label: description"), for skill-to-skill similarity."""
        self._require_built()
        rows = [self._row_of_id[i] for i in skill_ids]
        return self._desc_vecs[rows] if rows else np.zeros((0, self.encoder.dim), np.float32)

    def row_of(self, skill_id: int) -> int:
        """The row of a skill id in `skills` (KeyError when unknown)."""
        return self._row_of_id[skill_id]

    def _require_built(self) -> None:
        if not self.is_built:
            raise RuntimeError("SkillLinker has no vectors: call build() or load()")

    # ------------------------------------------------------------ scoring

    def source_mask(self, sources: Iterable[str] | None) -> np.ndarray | None:
        if sources is None:
            return None
        return np.isin(self._sources, list(sources))

    def _dense(self, queries: np.ndarray, chunk: int = 64, check: Check = unchecked) -> np.ndarray:
        """(n_queries, n_skills): max over each skill's labels + description_weight x desc."""
        out = np.empty((len(queries), len(self.skills)), dtype=np.float32)
        w = self.config.description_weight
        for a in range(0, len(queries), chunk):
            check()
            q = queries[a : a + chunk]
            sims = q @ self._label_vecs.T
            out[a : a + chunk] = np.maximum.reduceat(sims, self._label_starts, axis=1)
            if w:
                out[a : a + chunk] += w * (q @ self._desc_vecs.T)
        return out

    def _spans(self, text: str) -> tuple[list[Span], int]:
        """Spans of `text` to embed: itself, its content n-grams, its phrases (if weighted).

        Returns the spans and how many of them (after the first) are n-grams.
        """
        cfg = self.config
        spans = [Span(0, len(text), text)]
        grams = ngrams(text, max_n=cfg.max_ngram) if cfg.ngram_weight else []
        spans += grams
        if cfg.phrase_weight:
            spans += split_phrases(text)[: cfg.max_phrases]
        return spans, len(grams)

    def score_texts(
        self,
        texts: Sequence[str],
        check: Check = unchecked,
        *,
        lexicals: Sequence[dict[int, AliasHit]] | None = None,
    ) -> list[_Scored]:
        """Score each text against every skill (one encoding batch for all spans of all texts).
        `check` is called between batches and texts (it raises to stop the work). `lexicals`:
        the alias hits that count for each text (default: those found in it)."""
        self._require_built()
        cfg = self.config
        per_text = [self._spans(t) for t in texts]
        uniq = list(dict.fromkeys(sp.text for spans, _ in per_text for sp in spans))
        pos = {t: i for i, t in enumerate(uniq)}
        if uniq:
            vecs = self._query_vectors(uniq, check=check)
            dense = self._dense(vecs, check=check)
        else:
            vecs = np.zeros((0, self.encoder.dim), np.float32)
            dense = np.zeros((0, len(self.skills)), np.float32)
        out = []
        for i, (t, (spans, n_grams)) in enumerate(zip(texts, per_text, strict=True)):
            check()
            rows = np.asarray([pos[sp.text] for sp in spans], dtype=np.int64)
            d = dense[rows]
            whole = d[0]
            grams = d[1 : 1 + n_grams].max(axis=0) if n_grams else whole
            phrases = d[1 + n_grams :].max(axis=0) if len(rows) > 1 + n_grams else whole
            score = cfg.text_weight * whole + self._prior
            if cfg.ngram_weight:
                score = score + cfg.ngram_weight * grams
            if cfg.phrase_weight:
                score = score + cfg.phrase_weight * phrases
            lexical = self.lexical(t) if lexicals is None else lexicals[i]
            for row, hit in lexical.items():
                score[row] += self._lexical_bonus(hit)
            out.append(_Scored(t, score, spans, d, vecs[rows], lexical))
        return out

    def _query_vectors(
        self, texts: list[str], batch_size: int = 64, check: Check = unchecked
    ) -> np.ndarray:
        """Query vectors of distinct texts: those linked recently come from the cache (the
        encoder is deterministic), the others are encoded in one call and cached. `check` runs
        before encoding and after each of the encoder's batches."""
        check()
        size = self.config.span_cache_size

        def progress(_n: int) -> None:
            check()

        if size <= 0:
            return self.encoder.encode_queries(texts, batch_size=batch_size, progress=progress)
        with self._cache_lock:
            cached = {t: v for t in texts if (v := self._cache.get(t)) is not None}
            for t in cached:
                self._cache.move_to_end(t)
        todo = [t for t in texts if t not in cached]
        if not todo:
            return np.stack([cached[t] for t in texts])
        fresh = self.encoder.encode_queries(todo, batch_size=batch_size, progress=progress)
        new = {t: v.copy() for t, v in zip(todo, fresh, strict=True)}  # not views of a batch
        with self._cache_lock:
            self._cache.update(new)
            while len(self._cache) > size:
                self._cache.popitem(last=False)
        if not cached:
            return fresh
        return np.stack([cached[t] if t in cached else new[t] for t in texts])

    def lexical(self, text: str) -> dict[int, AliasHit]:
        """Skill row -> its best alias found verbatim in `text` (longest, then least shared)."""
        lexical: dict[int, AliasHit] = {}
        for hit in self._matcher.find(text):
            prev = lexical.get(hit.row)
            if prev is None or (hit.n_words, -hit.ambiguity) > (prev.n_words, -prev.ambiguity):
                lexical[hit.row] = hit
        return lexical

    def _lexical_bonus(self, hit: AliasHit) -> float:
        cfg = self.config
        bonus = cfg.lexical_bonus if hit.n_words > 1 else cfg.lexical_bonus_single
        return bonus / math.sqrt(hit.ambiguity)

    def match(self, row: int, scored: _Scored) -> SkillMatch:
        """SkillMatch for skill `row`: the alias found in the text, else the closest label."""
        q = scored.vecs[scored.best_span(row)]
        return self._match_vec(row, float(scored.score[row]), q, scored.lexical)

    def _match_vec(
        self, row: int, score: float, q: np.ndarray, lexical: dict[int, AliasHit]
    ) -> SkillMatch:
        """SkillMatch for skill `row` with this score: the alias found in the text, else the
        label (or description) closest to the query vector `q` (of the view that matched)."""
        s = self.skills[row]
        hit = lexical.get(row)
        if hit is not None:
            matched, kind = hit.alias, hit.kind
        else:
            a = int(self._label_starts[row])
            b = int(self._label_starts[row + 1]) if row + 1 < len(self.skills) else self.n_labels
            sims = self._label_vecs[a:b] @ q
            best = a + int(np.argmax(sims))
            matched, kind = self._label_texts[best], KINDS[int(self._label_kind[best])]
            if float(self._desc_vecs[row] @ q) > float(sims.max()):
                matched, kind = s.description or s.preferred_label, "description"
        return SkillMatch(
            skill_id=s.id,
            uri=s.uri,
            preferred_label=s.preferred_label,
            score=score,
            matched_label=matched,
            label_kind=kind,
            source=s.source,
        )

    def scores(self, texts: Sequence[str], *, sources: Iterable[str] | None = None) -> np.ndarray:
        """(len(texts), n_skills) final scores, columns in `skills` order (for evaluation).

        Skills outside `sources` get -inf.
        """
        mask = self.source_mask(sources)
        out = np.stack([sc.score for sc in self.score_texts(list(texts))]) if texts else None
        if out is None:
            return np.zeros((0, len(self.skills)), np.float32)
        return out if mask is None else np.where(mask[None, :], out, -np.inf)

    def link_many(
        self,
        texts: Sequence[str],
        *,
        k: int = 10,
        sources: Iterable[str] | None = None,
        check: Check = unchecked,
    ) -> list[list[SkillMatch]]:
        """Top-k skills for each text, best first (one encoding batch for all texts). `check` is
        called between units of work and may raise to stop it."""
        mask = self.source_mask(sources)
        results = []
        for scored in self.score_texts(list(texts), check):
            score = scored.score if mask is None else np.where(mask, scored.score, -np.inf)
            top = _top_k(score, k)
            results.append([self.match(int(r), scored) for r in top if np.isfinite(score[r])])
        return results

    def link(
        self, text: str, *, k: int = 10, sources: Iterable[str] | None = None
    ) -> list[SkillMatch]:
        """Top-k skills for one text or span, best first."""
        return self.link_many([text], k=k, sources=sources)[0]

    def link_spans(
        self, spans: Sequence[str], *, k: int = 1, sources: Iterable[str] | None = None
    ) -> list[list[SkillMatch]]:
        """Top-k skills for each short stated skill name (the skills a posting or a badge lists),
        best first. Ingest links stated skills with this rather than `link_many` (made for
        sentences); the scoring formula is the same, the work is less:

        1. Spans are keyed by `span_key` (case, whitespace, punctuation ignored): each distinct
           key is linked once per call, however many records state it.
        2. A key equal to a taxonomy label (preferred, alternative, hidden) is not encoded: the
           label's stored vector is its query vector (the encoder is uncased; the span differs
           from the label at most in punctuation and spacing). It is scored like the others.
        3. The other keys are encoded in one encoder call (sorted by length, `span_batch_size`),
           each on its own: a span scores `(text_weight + ngram_weight) x dense(span)`, as a
           one-word span does in `link_many` (n-gram views only from `span_ngram_min_words`
           words on, when that is set).
        4. Scores against every skill are matrix products over chunks of `span_chunk` keys;
           top-k by argpartition.
        """
        self._require_built()
        cfg = self.config
        mask = self.source_mask(sources)
        keys = [span_key(t) or ("\x00", t.strip().lower()) for t in spans]
        text_of: dict[tuple[str, ...], str] = {}
        for t, key in zip(spans, keys, strict=True):
            text_of.setdefault(key, t.strip())
        by_key = self._key_labels
        done: dict[tuple[str, ...], list[SkillMatch]] = {}
        known: dict[tuple[str, ...], np.ndarray] = {}  # key -> query vector (a label's)
        views: dict[tuple[str, ...], list[str]] = {}  # key -> texts to encode, itself first
        for key, text in text_of.items():
            label_rows = by_key.get(key)
            if label_rows is None:
                grams = []
                n_min = cfg.span_ngram_min_words
                if cfg.ngram_weight and n_min and len(key) >= n_min:
                    grams = [g.text for g in ngrams(text, max_n=cfg.max_ngram)]
                views[key] = [text, *grams]
                continue
            known[key] = self._label_vecs[label_rows[0]]
        uniq = list(dict.fromkeys(v for texts in views.values() for v in texts))
        vecs = (
            self._query_vectors(uniq, batch_size=cfg.span_batch_size)
            if uniq
            else np.zeros((0, self.encoder.dim), np.float32)
        )
        pos = {t: i for i, t in enumerate(uniq)}
        todo = [(key, [pos[v] for v in texts]) for key, texts in views.items()]
        todo += [(key, [len(uniq) + i]) for i, key in enumerate(known)]
        if known:
            vecs = np.concatenate([vecs, np.stack(list(known.values()))])
        for a in range(0, len(todo), max(1, cfg.span_chunk)):
            chunk = todo[a : a + cfg.span_chunk]
            rows = list(dict.fromkeys(r for _key, rs in chunk for r in rs))
            where = {r: i for i, r in enumerate(rows)}
            dense = self._dense(vecs[rows], chunk=cfg.span_chunk)
            views = [[where[r] for r in rs] for _key, rs in chunk]  # rows of `dense` per key
            whole = dense[[v[0] for v in views]]  # (len(chunk), n_skills)
            grams = whole.copy() if any(len(v) > 1 for v in views) else whole
            for i, v in enumerate(views):
                if len(v) > 1:
                    grams[i] = dense[v[1:]].max(axis=0)
            score = cfg.text_weight * whole + cfg.ngram_weight * grams + self._prior
            lexical = [self._name_lexical(text_of[key]) for key, _rs in chunk]
            for i, hits in enumerate(lexical):
                for row, hit in hits.items():
                    score[i, row] += self._lexical_bonus(hit)
            if mask is not None:
                score[:, ~mask] = -np.inf
            for i, ((key, rs), top) in enumerate(zip(chunk, _top_k_rows(score, k), strict=True)):
                done[key] = [
                    self._match_vec(
                        int(r),
                        float(score[i, r]),
                        vecs[rs[int(np.argmax(dense[views[i], r]))]],  # the view matching best
                        lexical[i],
                    )
                    for r in top
                    if np.isfinite(score[i, r])
                ]
        return [list(done[key]) for key in keys]

    def _name_lexical(self, name: str) -> dict[int, AliasHit]:
        """The alias bonus of a stated name: an alias that is the whole name; also those inside
        it with `span_partial_aliases` ("draw" in "Order of draw" is not that skill's name)."""
        if self.config.span_partial_aliases:
            return self.lexical(name)
        return {hit.row: hit for hit in self._matcher.exact(name)}

    def exact(self, name: str) -> list[AliasHit]:
        """The taxonomy aliases that are the whole of `name` (case rules of indexing.aliases)."""
        return self._matcher.exact(name)

    def _labels_by_key(self) -> dict[tuple[str, ...], list[int]]:
        """`span_key` -> rows of the embedded labels with that key, one per skill (from the alias
        table: the same tokens, the same labels; a label shorter than min_alias_chars has none)."""
        owners = self._label_owner.tolist()
        row_of = {
            (owner, text.lower()): i
            for i, (owner, text) in enumerate(zip(owners, self._label_texts, strict=True))
        }
        table: dict[tuple[str, ...], list[int]] = {}
        for key, per_skill in self._matcher.table.items():
            rows = [
                i
                for skill, (alias, _kind, _case) in per_skill.items()
                if (i := row_of.get((skill, alias.lower()))) is not None
            ]
            if rows:
                table[key] = rows
        return table

    def extract(
        self,
        text: str,
        *,
        max_skills: int | None = None,
        min_score: float | None = None,
        sources: Iterable[str] | None = None,
        check: Check = unchecked,
    ) -> list[ExtractedSkill]:
        """Skills named in a longer text, best first: `indexing.extract.extract`."""
        from indexing.extract import extract

        return extract(
            self, text, max_skills=max_skills, min_score=min_score, sources=sources, check=check
        )


def _top_k(score: np.ndarray, k: int) -> np.ndarray:
    k = min(k, len(score))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-score, k - 1)[:k]
    return part[np.argsort(-score[part], kind="stable")]


def _top_k_rows(score: np.ndarray, k: int) -> np.ndarray:
    """`_top_k` of each row of a 2-d score matrix, as a (n_rows, min(k, n_cols)) array."""
    k = min(k, score.shape[1])
    if k <= 0:
        return np.zeros((len(score), 0), dtype=np.int64)
    if k == 1:  # stated names take the best skill only: argmax is ~100x an argpartition here
        return score.argmax(axis=1)[:, None]
    part = np.argpartition(-score, k - 1, axis=1)[:, :k]
    order = np.argsort(-np.take_along_axis(score, part, axis=1), axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1)
