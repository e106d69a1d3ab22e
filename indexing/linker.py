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
two flat vector index files (`indexing.ann`) with manifests and `linker.json` (counts, a
fingerprint of the embedded texts); `load()` refuses another model's, dim's or taxonomy's.
Modules: `linker_config` (weights), `skill_views` (label and description views, dense score),
`aliases` (verbatim names; `word_pairs`: a verb and its object), `unmeant` (absurd readings),
`query_cache`, `ranking` (top-k), `extract` (a longer text), `stated`, `linker_store` (files).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from indexing.aliases import AliasHit, AliasMatcher, span_key
from indexing.context_aliases import ContextWords, alias_contexts, curated_aliases
from indexing.encoder import Encoder
from indexing.linker_config import LinkerConfig
from indexing.query_cache import QueryCache
from indexing.ranking import Scored, top_k, top_k_rows
from indexing.short_encoder import ShortQueries
from indexing.skill_views import SkillViews
from indexing.technology import TechnologyGate
from indexing.text import Span, ngrams, split_phrases
from indexing.trade_pairs import PAIRS
from indexing.types import Check, ExtractedSkill, SkillEntry, SkillMatch, unchecked
from indexing.unmeant import Unmeant

__all__ = ["LinkerConfig", "SkillLinker"]


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
        self.views = SkillViews(self.skills, use_hidden_labels=self.config.use_hidden_labels)
        self._matcher = AliasMatcher(
            self.skills,
            min_chars=self.config.min_alias_chars,
            hidden=self.config.use_hidden_labels,
            vocabulary=(vocabulary := list(vocabulary)),
            by_source=self.config.alias_ambiguity_by_source,
            curated=curated_aliases() if self.config.curated_aliases else None,
            contexts=alias_contexts(),
            pairs=PAIRS if self.config.curated_aliases else (),
        )
        self._key_labels = self.views.labels_by_key(self._matcher)
        self.gate = TechnologyGate(self.skills)
        self.unmeant = Unmeant(self.skills, vocabulary)  # absurd readings (extract)
        self._prior = np.zeros(len(self.skills), dtype=np.float32)
        for row, s in enumerate(self.skills):
            if s.skill_type in ("knowledge", "technology"):
                self._prior[row] += self.config.knowledge_bonus
            if s.reuse_level == "transversal":
                self._prior[row] += self.config.transversal_bonus
        self._sources = np.asarray([s.source for s in self.skills])
        self._cache = QueryCache(encoder, self.config.span_cache_size)
        # extraction's phrases and n-grams (indexing.short_encoder): a cache of their own
        self._short = ShortQueries(self._cache)

    # ------------------------------------------------------------ building and persistence

    @property
    def n_texts_to_embed(self) -> int:
        """How many texts `build()` embeds (labels + one label-with-description per skill)."""
        return self.views.n_labels + len(self.views.desc_texts)

    @property
    def n_labels(self) -> int:
        return self.views.n_labels

    @property
    def is_built(self) -> bool:
        return self.views.is_built

    def build(
        self,
        progress: Callable[[int], None] | None = None,
        *,
        batch_size: int = 128,
        encoder: Encoder | None = None,
    ) -> None:
        """Embed every label and every label+description; `progress(n)` after each batch.
        `encoder`: what embeds them, when not the linker's own (shipped vectors at a build)."""
        self.views.build(encoder or self.encoder, progress, batch_size)

    def set_vectors(self, label_vecs: np.ndarray, desc_vecs: np.ndarray) -> None:
        """Use vectors computed elsewhere (rows in `label_texts` / skill order)."""
        self.views.set_vectors(label_vecs, desc_vecs, self.encoder.dim)

    def vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """The label vectors (rows in `label_texts` order) and description vectors (skills)."""
        self._require_built()
        return self.views.label_vecs, self.views.desc_vecs

    @property
    def label_texts(self) -> list[str]:
        return list(self.views.label_texts)

    def fingerprint(self) -> str:
        """Hash of everything the vectors depend on besides the model: the embedded texts."""
        return self.views.fingerprint()

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
        label_vecs, desc_vecs = load_vectors(linker, directory)
        linker.views.set_vectors(label_vecs, desc_vecs, encoder.dim, normalize=False)
        return linker

    def set_vocabulary(self, texts: list[str], vecs: np.ndarray) -> None:
        """Fixed query vectors of frequent texts (the label words, `indexing.vocabulary`), made
        by this linker's encoder: no call encodes them again."""
        self._cache.set_vocabulary(texts, vecs)

    def skill_vectors(self, skill_ids: Sequence[int]) -> np.ndarray:
        """One vector per skill ("preferred label: description"), for skill-to-skill similarity."""
        self._require_built()
        rows = [self._row_of_id[i] for i in skill_ids]
        if not rows:
            return np.zeros((0, self.encoder.dim), np.float32)
        return self.views.desc_vecs[rows]

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
        return self.views.dense(queries, self.config.description_weight, chunk, check)

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
    ) -> list[Scored]:
        """Score each text against every skill (one encoding batch for all spans of all texts).
        `check` is called between batches and texts (it raises to stop the work). `lexicals`:
        the alias hits that count for each text (default: those found in it)."""
        self._require_built()
        per_text = [self._spans(t) for t in texts]
        uniq = list(dict.fromkeys(sp.text for spans, _ in per_text for sp in spans))
        pos = {t: i for i, t in enumerate(uniq)}
        vecs = (
            self.query_vectors(uniq, check=check)
            if uniq
            else np.zeros((0, self.encoder.dim), np.float32)
        )
        rows = [np.asarray([pos[sp.text] for sp in spans], np.int64) for spans, _ in per_text]
        return self.score_vectors(
            texts,
            [spans for spans, _ in per_text],
            vecs,
            rows,
            [n for _, n in per_text],
            check,
            lexicals=lexicals,
        )

    def score_vectors(
        self,
        texts: Sequence[str],
        spans: Sequence[list[Span]],
        vecs: np.ndarray,
        rows: Sequence[np.ndarray],
        n_grams: Sequence[int],
        check: Check = unchecked,
        *,
        lexicals: Sequence[dict[int, AliasHit]] | None = None,
    ) -> list[Scored]:
        """`score_texts` with the spans' vectors given: `vecs[rows[i]]` are the vectors of
        `spans[i]` (the text, then its `n_grams[i]` n-grams, then its phrases if weighted)."""
        cfg = self.config
        dense = self._dense(vecs, check=check) if len(vecs) else vecs[:, :0]
        out = []
        for i, t in enumerate(texts):
            check()
            d, n = dense[rows[i]], n_grams[i]
            whole = d[0]
            grams = d[1 : 1 + n].max(axis=0) if n else whole
            phrases = d[1 + n :].max(axis=0) if len(rows[i]) > 1 + n else whole
            score = cfg.text_weight * whole + self._prior
            if cfg.ngram_weight:
                score = score + cfg.ngram_weight * grams
            if cfg.phrase_weight:
                score = score + cfg.phrase_weight * phrases
            lexical = self.lexical(t) if lexicals is None else lexicals[i]
            for row, hit in lexical.items():
                score[row] += self._lexical_bonus(hit)
            out.append(Scored(t, score, spans[i], d, vecs[rows[i]], lexical))
        return out

    def query_vectors(
        self, texts: Sequence[str], batch_size: int = 64, check: Check = unchecked
    ) -> np.ndarray:
        """Query vectors of `texts` (a row each), through the cache of recently linked texts."""
        return self._cache.vectors(list(texts), batch_size=batch_size, check=check)

    def clear_query_cache(self) -> None:
        """Forget the recent texts' query vectors, the short spans' too (not the vocabulary)."""
        self._cache.clear()
        self._short.clear()

    def _short_vectors(self, texts: list[str], check: Check = unchecked) -> np.ndarray:
        """Query vectors of extraction's phrases and n-grams, at the configured precision."""
        return self._short.vectors(texts, self.config.extract_short_precision, check)

    def lexical(self, text: str) -> dict[int, AliasHit]:
        """Skill row -> its best alias in `text` (`AliasHit.rank`; `ContextWords.has`)."""
        lexical: dict[int, AliasHit] = {}
        hits, said = self._matcher.find(text), ContextWords(text)
        for hit in (h for h in hits if said.has(h.context, (h.start, h.end))):
            prev = lexical.get(hit.row)
            if prev is None or hit.rank > prev.rank:
                lexical[hit.row] = hit
        return lexical

    def _lexical_bonus(self, hit: AliasHit) -> float:
        cfg = self.config
        bonus = cfg.lexical_bonus if hit.n_words > 1 else cfg.lexical_bonus_single
        return bonus / math.sqrt(hit.ambiguity)

    def match(self, row: int, scored: Scored) -> SkillMatch:
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
            matched, kind = self.views.closest(row, q, s.description or s.preferred_label)
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
            top = top_k(score, k)
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
        keys = [span_key(t) or ("\x00", t.strip().lower()) for t in spans]
        text_of: dict[tuple[str, ...], str] = {}
        for t, key in zip(spans, keys, strict=True):
            text_of.setdefault(key, t.strip())
        vecs, todo = self._span_vectors(text_of)
        mask = self.source_mask(sources)
        done: dict[tuple[str, ...], list[SkillMatch]] = {}
        for a in range(0, len(todo), max(1, self.config.span_chunk)):
            chunk = todo[a : a + self.config.span_chunk]
            done.update(self._link_span_chunk(chunk, vecs, text_of, k, mask))
        return [list(done[key]) for key in keys]

    def _span_vectors(
        self, text_of: dict[tuple[str, ...], str]
    ) -> tuple[np.ndarray, list[tuple[tuple[str, ...], list[int]]]]:
        """Query vectors of the distinct stated names, and for each key the rows of its views
        (itself first, then its n-grams): a name equal to a label takes the label's vector,
        the others are encoded in one call."""
        cfg = self.config
        known: dict[tuple[str, ...], np.ndarray] = {}  # key -> query vector (a label's)
        views: dict[tuple[str, ...], list[str]] = {}  # key -> texts to encode, itself first
        for key, text in text_of.items():
            label_rows = self._key_labels.get(key)
            if label_rows is None:
                grams = []
                n_min = cfg.span_ngram_min_words
                if cfg.ngram_weight and n_min and len(key) >= n_min:
                    grams = [g.text for g in ngrams(text, max_n=cfg.max_ngram)]
                views[key] = [text, *grams]
                continue
            known[key] = self.views.label_vecs[label_rows[0]]
        uniq = list(dict.fromkeys(v for texts in views.values() for v in texts))
        vecs = (
            self.query_vectors(uniq, batch_size=cfg.span_batch_size)
            if uniq
            else np.zeros((0, self.encoder.dim), np.float32)
        )
        pos = {t: i for i, t in enumerate(uniq)}
        todo = [(key, [pos[v] for v in texts]) for key, texts in views.items()]
        todo += [(key, [len(uniq) + i]) for i, key in enumerate(known)]
        if known:
            vecs = np.concatenate([vecs, np.stack(list(known.values()))])
        return vecs, todo

    def _link_span_chunk(
        self,
        chunk: list[tuple[tuple[str, ...], list[int]]],
        vecs: np.ndarray,
        text_of: dict[tuple[str, ...], str],
        k: int,
        mask: np.ndarray | None,
    ) -> dict[tuple[str, ...], list[SkillMatch]]:
        """Top-k matches of each key of one chunk: one matrix product for all their views."""
        cfg = self.config
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
        done = {}
        for i, ((key, rs), top) in enumerate(zip(chunk, top_k_rows(score, k), strict=True)):
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
        return done

    def _name_lexical(self, name: str) -> dict[int, AliasHit]:
        """The alias bonus of a stated name: an alias that is the whole name; also those inside
        it with `span_partial_aliases` ("draw" in "Order of draw" is not that skill's name)."""
        if self.config.span_partial_aliases:
            return self.lexical(name)
        return {hit.row: hit for hit in self._matcher.exact(name)}

    def exact(self, name: str) -> list[AliasHit]:
        """The taxonomy aliases that are the whole of `name` (case rules of indexing.aliases)."""
        return self._matcher.exact(name)

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
