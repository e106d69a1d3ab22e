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
import json
import math
import os
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from indexing.encoder import Encoder, normalize_rows
from indexing.text import Span, is_heading, ngrams, split_phrases, split_sentences
from indexing.types import Check, Evidence, ExtractedSkill, SkillEntry, SkillMatch, unchecked
from indexing.vector_index import IndexMismatchError, VectorIndex

LABELS_FILE = "labels.faiss"
DESCRIPTIONS_FILE = "descriptions.faiss"
META_FILE = "linker.json"
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
    # extract(): a skill is kept when it is in a sentence's top extract_per_sentence with a
    # score >= extract_min_score
    extract_min_score: float = 0.75
    extract_max_skills: int = 30
    extract_per_sentence: int = 5
    extract_repeat_bonus: float = 0.02  # per further sentence supporting the same skill
    # link_spans() (short stated skill names): n-gram views only for spans of at least this many
    # words; 0: none, each span is scored on itself alone (on the TECH/HOUSE annotated spans this
    # ranks the gold skill as well or better than n-gram views, at a fraction of the encoding)
    span_ngram_min_words: int = 0
    # encoder batch for the spans: on 2 cores 64 was ~20% faster when idle, 256 ~15% faster
    # with another process on a core (fewer, larger operations); runs are often shared
    span_batch_size: int = 256
    span_chunk: int = 256  # distinct spans scored per matrix product (bounds memory)
    # query vectors of recently linked texts (sentences, n-grams, stated names), reused across
    # calls: job texts repeat their n-grams. Least recently used out first; 0: no cache.
    # 20,000 x 384-d float32 is about 31 MB.
    span_cache_size: int = 20_000


# ---------------------------------------------------------------- lexical alias matching

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*|[+#]+")
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_LOWER_WORD = re.compile(r"(?<![A-Za-z0-9])[a-z]+(?![A-Za-z0-9])")
_CASE_ANY, _CASE_ACRONYM, _CASE_EXACT = 0, 1, 2


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lowercased token) for word tokens; '.', '-', '/', spaces separate tokens."""
    return [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]


def _is_acronym(label: str) -> bool:
    letters = [c for c in label if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def span_key(text: str) -> tuple[str, ...]:
    """A span normalised for exact lookup: its lowercased word tokens (case, whitespace and
    punctuation between or around words do not count). The encoder is uncased, so texts with
    the same key differ only in punctuation for it."""
    return tuple(t for _, _, t in _tokens(text))


@dataclass(frozen=True)
class AliasHit:
    """A taxonomy alias found in a text: text[start:end] matches `alias` of skill row `row`."""

    row: int
    start: int
    end: int
    alias: str
    kind: str
    n_words: int
    ambiguity: int  # how many skills share this alias


class AliasMatcher:
    """Finds taxonomy labels occurring verbatim (word-bounded) in a text. No model needed."""

    def __init__(self, skills: Sequence[SkillEntry], *, min_chars: int = 2, hidden: bool = True):
        self._table: dict[tuple[str, ...], dict[int, tuple[str, str, int]]] = {}
        self.max_words = 1
        # Words the taxonomy itself writes in lower case ("access", "go", "spring"): a capitalised
        # one-word alias equal to one of them ("Access", "Go") must match with its capital.
        common = Counter(
            m.group()
            for s in skills
            for m in _LOWER_WORD.finditer(f"{s.preferred_label} {s.description}")
        )
        for row, s in enumerate(skills):
            views = [("preferred", s.preferred_label)]
            views += [("alternative", a) for a in s.alt_labels]
            if hidden:
                views += [("hidden", h) for h in s.hidden_labels]
            stripped = _PAREN.sub("", s.preferred_label)
            if stripped and stripped != s.preferred_label:  # "Java (computer programming)"
                views.append(("preferred", stripped))
            for kind, alias in views:
                alias = alias.strip()
                if len(alias) < min_chars:
                    continue
                key = tuple(t for _, _, t in _tokens(alias))
                if not key:
                    continue
                if _is_acronym(alias):
                    case = _CASE_ACRONYM
                elif len(key) == 1 and alias != alias.lower() and common[key[0]] >= 3:
                    case = _CASE_EXACT
                else:
                    case = _CASE_ANY
                per_skill = self._table.setdefault(key, {})
                if row not in per_skill:  # keep the first (preferred before alternative)
                    per_skill[row] = (alias, kind, case)
                self.max_words = max(self.max_words, len(key))
        self.max_words = min(self.max_words, 12)

    @property
    def table(self) -> dict[tuple[str, ...], dict[int, tuple[str, str, int]]]:
        """Alias tokens (lowercased) -> {skill row: (alias, kind, case rule)}; do not modify."""
        return self._table

    def find(self, text: str) -> list[AliasHit]:
        """Every alias occurrence in `text`, longest first per start position."""
        toks = _tokens(text)
        hits: list[AliasHit] = []
        for i in range(len(toks)):
            for n in range(min(self.max_words, len(toks) - i), 0, -1):
                key = tuple(t for _, _, t in toks[i : i + n])
                per_skill = self._table.get(key)
                if not per_skill:
                    continue
                start, end = toks[i][0], toks[i + n - 1][1]
                surface = text[start:end]
                for row, (alias, kind, case) in per_skill.items():
                    if case == _CASE_ACRONYM and not _is_acronym(surface):
                        continue
                    if case == _CASE_EXACT and surface != alias and not _is_acronym(surface):
                        continue
                    hits.append(AliasHit(row, start, end, alias, kind, n, len(per_skill)))
        return hits


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
    ) -> None:
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
            self.skills, min_chars=self.config.min_alias_chars, hidden=self.config.use_hidden_labels
        )
        self._key_labels = self._labels_by_key()
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
        self._require_built()
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        model_id, dim = self.encoder.model_id, self.encoder.dim
        for name, vecs in ((LABELS_FILE, self._label_vecs), (DESCRIPTIONS_FILE, self._desc_vecs)):
            index = VectorIndex(dim, model_id=model_id, index_type="flat")
            index.add(np.arange(len(vecs), dtype=np.int64), vecs)
            index.save(d / name)
        meta = {
            "model_id": model_id,
            "dim": dim,
            "n_skills": len(self.skills),
            "n_labels": self.n_labels,
            "fingerprint": self.fingerprint(),
            "use_hidden_labels": self.config.use_hidden_labels,
        }
        tmp = d / (META_FILE + ".tmp")
        tmp.write_text(json.dumps(meta, indent=2, sort_keys=True))
        os.replace(tmp, d / META_FILE)

    @classmethod
    def load(
        cls,
        directory: str | os.PathLike,
        skills: Sequence[SkillEntry],
        encoder: Encoder,
        config: LinkerConfig | None = None,
    ) -> SkillLinker:
        """Load vectors saved by `save()`; IndexMismatchError when they do not fit.

        Refused: another model id or dim, another number of skills or labels, or other label /
        description texts (the fingerprint) than `skills` gives with this config.
        """
        linker = cls(skills, encoder, config)
        d = Path(directory)
        meta_path = d / META_FILE
        if not meta_path.exists():
            raise FileNotFoundError(f"no linker vectors in {d}")
        meta = json.loads(meta_path.read_text())
        expected = {
            "model_id": encoder.model_id,
            "dim": encoder.dim,
            "n_skills": len(linker.skills),
            "n_labels": linker.n_labels,
        }
        problems = [
            f"{k} {meta.get(k)!r} != expected {v!r}"
            for k, v in expected.items()
            if meta.get(k) != v
        ]
        if not problems and meta.get("fingerprint") != linker.fingerprint():
            problems.append("label/description texts differ from the taxonomy given")
        if problems:
            raise IndexMismatchError(f"refusing linker vectors in {d}: " + "; ".join(problems))
        vecs = []
        for name, count in (
            (LABELS_FILE, linker.n_labels),
            (DESCRIPTIONS_FILE, len(linker.skills)),
        ):
            index = VectorIndex.load(
                d / name, model_id=encoder.model_id, dim=encoder.dim, count=count
            )
            vecs.append(_all_vectors(index, count))
        linker._label_vecs, linker._desc_vecs = vecs
        return linker

    def skill_vectors(self, skill_ids: Sequence[int]) -> np.ndarray:
        """One vector per skill ("preferred label: description"), for skill-to-skill similarity."""
        self._require_built()
        rows = [self._row_of_id[i] for i in skill_ids]
        return self._desc_vecs[rows] if rows else np.zeros((0, self.encoder.dim), np.float32)

    def _require_built(self) -> None:
        if not self.is_built:
            raise RuntimeError("SkillLinker has no vectors: call build() or load()")

    # ------------------------------------------------------------ scoring

    def _source_mask(self, sources: Iterable[str] | None) -> np.ndarray | None:
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

    def _score_texts(self, texts: Sequence[str], check: Check = unchecked) -> list[_Scored]:
        """Score each text against every skill (one encoding batch for all spans of all texts).
        `check` is called between batches and texts (it raises to stop the work)."""
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
        for t, (spans, n_grams) in zip(texts, per_text, strict=True):
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
            lexical = self._lexical(t)
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

    def _lexical(self, text: str) -> dict[int, AliasHit]:
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

    def _match(self, row: int, scored: _Scored) -> SkillMatch:
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
        mask = self._source_mask(sources)
        out = np.stack([sc.score for sc in self._score_texts(list(texts))]) if texts else None
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
        mask = self._source_mask(sources)
        results = []
        for scored in self._score_texts(list(texts), check):
            score = scored.score if mask is None else np.where(mask, scored.score, -np.inf)
            top = _top_k(score, k)
            results.append([self._match(int(r), scored) for r in top if np.isfinite(score[r])])
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
        mask = self._source_mask(sources)
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
            lexical = [self._lexical(text_of[key]) for key, _rs in chunk]
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
        """Skills named in a longer text (a job posting, a course description), best first.

        The text is cut into sentences (`indexing.text.split_sentences`; section headings such as
        "Requirements" or "Job description:" and lines of only stopwords or placeholders such as
        "<ORGANIZATION>" are skipped), all linked in one batch.
        A skill is kept when, in some sentence, it is among the top `extract_per_sentence` (or
        one of its labels occurs verbatim there: a list of tools is not capped) and scores at
        least `min_score`. Per skill: the best sentence score plus
        `extract_repeat_bonus` per further supporting sentence, and the evidence spans (offsets
        into `text`, best first): the alias found, else the n-gram or sentence that matched best.
        `check` is called between units of work (batches, sentences) and may raise to stop it.
        """
        cfg = self.config
        max_skills = cfg.extract_max_skills if max_skills is None else max_skills
        min_score = cfg.extract_min_score if min_score is None else min_score
        sentences = [
            s
            for s in split_sentences(text)
            if not is_heading(text[s.start : s.end + 1]) and ngrams(s.text, max_n=1)
        ]
        if not sentences or max_skills <= 0:
            return []
        mask = self._source_mask(sources)
        found: dict[int, dict] = {}
        for sent, scored in zip(
            sentences, self._score_texts([s.text for s in sentences], check), strict=True
        ):
            check()
            score = scored.score if mask is None else np.where(mask, scored.score, -np.inf)
            rows = dict.fromkeys(int(r) for r in _top_k(score, cfg.extract_per_sentence))
            rows.update(dict.fromkeys(scored.lexical))  # named verbatim: not capped per sentence
            for row in rows:
                value = float(score[row])
                if not value >= min_score:
                    continue
                hit = scored.lexical.get(row)
                sp = (hit.start, hit.end) if hit else scored.spans[scored.best_span(row)][:2]
                a, b = sent.start + sp[0], sent.start + sp[1]
                ev = Evidence(a, b, text[a:b])
                entry = found.setdefault(row, {"best": -np.inf, "match": None, "evidence": []})
                if value > entry["best"]:
                    entry["best"], entry["match"] = value, self._match(row, scored)
                entry["evidence"].append((value, ev))
        out = []
        for entry in found.values():
            m: SkillMatch = entry["match"]
            evidence = [ev for _, ev in sorted(entry["evidence"], key=lambda x: -x[0])]
            evidence = list(dict.fromkeys(evidence))
            out.append(
                ExtractedSkill(
                    skill_id=m.skill_id,
                    uri=m.uri,
                    preferred_label=m.preferred_label,
                    score=entry["best"] + cfg.extract_repeat_bonus * (len(entry["evidence"]) - 1),
                    matched_label=m.matched_label,
                    label_kind=m.label_kind,
                    source=m.source,
                    evidence=tuple(evidence),
                )
            )
        out.sort(key=lambda e: -e.score)
        return out[:max_skills]


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


def _all_vectors(index: VectorIndex, count: int) -> np.ndarray:
    """All vectors of a flat index saved with ids 0..count-1, as a (count, dim) matrix."""
    getter = getattr(index, "vectors", None)
    if callable(getter):  # a public accessor, when VectorIndex has one
        ids, vecs = getter()
    else:
        ids = index.ids
        vecs = np.stack([index.reconstruct(int(i)) for i in ids]) if len(ids) else None
    if vecs is None or len(ids) != count or set(ids.tolist()) != set(range(count)):
        raise IndexMismatchError(f"index holds ids that are not 0..{count - 1}")
    out = np.empty((count, index.dim), dtype=np.float32)
    out[np.asarray(ids)] = vecs
    return out
