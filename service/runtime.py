"""What the app and the CLI hold once loaded: engine, encoder, taxonomy, linker and indexes.

Built in the app's lifespan or a CLI command, never at import. Indexes are loaded from disk when
their manifests fit the database and the model; otherwise rebuilt from the database and saved.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from indexing.ann.manifest import IndexMismatchError
from indexing.encoder import Encoder, SentenceTransformerEncoder
from indexing.label_index import LabelIndex
from indexing.linker import LinkerConfig, SkillLinker
from indexing.types import SkillEntry
from models.tables import Credential, JobPosting, Occupation, Vector
from service.catalog.cache import CatalogCache
from service.config import Settings
from service.db import create_tables, make_engine
from service.taxonomy.load import load_taxonomy, occupation_titles, skill_entries
from service.titles.index import build_title_resolver
from service.titles.resolver import TitleResolver
from service.vectors.record_index import RecordIndex, index_settings, prune_changes, record_text
from service.vectors.shipped import open_pack, report_pack

log = logging.getLogger("skillmatch")
PRUNE_EVERY_S = 3600.0  # how often a worker prunes old index changes (settings.index_change_keep_s)


@contextmanager
def progress_bar(total: int, desc: str, enabled: bool = True):
    """Yield an `advance(n)` callback backed by tqdm (or a no-op when disabled)."""
    if not enabled or total == 0:
        yield lambda _n: None
        return
    from tqdm import tqdm

    with tqdm(total=total, desc=desc, unit="text", dynamic_ncols=True) as bar:
        yield bar.update


@contextmanager
def documents_from(indexes, bulk: Encoder):
    """Record texts the `indexes` embed inside the block go through `bulk` (shipped vectors)."""
    for index in indexes:
        index.documents = bulk
    try:
        yield
    finally:
        for index in indexes:
            index.documents = index.encoder


@contextmanager
def shipped_vectors(runtime: Runtime):
    """Record texts ingested inside the block take the shipped vectors of the texts they hold
    (the default catalog and postings at a first run); the rest are encoded."""
    bulk = runtime.documents or runtime.encoder
    try:
        with documents_from([runtime.credentials, runtime.postings], bulk):
            yield
    finally:
        report_pack(bulk)


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    encoder: Encoder
    skills: dict[int, SkillEntry]
    linker: SkillLinker
    occupations: LabelIndex
    credentials: RecordIndex
    postings: RecordIndex
    catalog: CatalogCache
    titles: TitleResolver
    documents: Encoder | None = None  # what builds embed with: the shipped vectors, or encoder
    extras: dict[str, object] = field(default_factory=dict)
    loaded_at: float = field(default_factory=time.time)
    _last_sync: float = field(default=0.0, repr=False)
    _last_prune: float = field(default=float("-inf"), repr=False)
    _sync_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _extras_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def skill(self, skill_id: int) -> SkillEntry | None:
        return self.skills.get(skill_id)

    def once(self, key: str, build: Callable[[], object]) -> object:
        """`extras[key]`, built by `build()` on first use, once even when threads race."""
        cached = self.extras.get(key)
        if cached is not None:
            return cached
        with self._extras_lock:
            cached = self.extras.get(key)
            if cached is None:
                cached = self.extras[key] = build()
        return cached

    def sync(self, *, force: bool = False) -> bool:
        """Catch up with what other workers committed: replay index changes and drop the
        in-memory catalog when credentials changed. At most once per `sync_interval_s`; a
        request that finds another thread syncing goes on without waiting."""
        now = time.monotonic()
        if not force and now - self._last_sync < self.settings.sync_interval_s:
            return False
        if not self._sync_lock.acquire(blocking=force):
            return False
        try:
            self._last_sync = now
            self._prune(now)
            changed = self.credentials.sync()
            if changed:
                self.catalog.invalidate()
            return self.postings.sync() or changed
        finally:
            self._sync_lock.release()

    def _prune(self, now: float) -> None:
        """Drop old index changes, at most once every PRUNE_EVERY_S in this process."""
        keep = self.settings.index_change_keep_s
        if not keep or now - self._last_prune < PRUNE_EVERY_S:
            return
        self._last_prune = now
        try:
            gone = prune_changes(self.engine, keep_s=keep)
        except Exception as exc:  # noqa: BLE001 (pruning is housekeeping: serving goes on)
            log.warning("index change pruning failed: %s", exc)
            return
        if gone:
            log.info("pruned index changes older than %.0f s: %s", keep, gone)


def make_encoder(settings: Settings) -> Encoder:
    if settings.model.startswith("fake:"):  # deterministic hashing encoder: tests only
        from indexing.encoder import FakeEncoder

        dim = int(settings.model.split(":", 1)[1] or 64)
        return FakeEncoder(dim=dim, model_id=f"fake/hashing-{dim}")
    if settings.model.startswith("model2vec:"):  # a static model from `skillmatch distill`
        from indexing.static_model import Model2VecEncoder

        return Model2VecEncoder(settings.model.split(":", 1)[1])
    return SentenceTransformerEncoder(settings.model, max_seq_length=settings.model_max_seq_length)


def model_index_dir(settings: Settings, encoder: Encoder) -> Path:
    """The folder of the indexes built with this encoder's model (one per model id)."""
    safe = "".join(c if c.isalnum() or c in "-._" else "_" for c in encoder.model_id)
    return Path(settings.index_dir) / safe


def _load_or_build(name: str, load: Callable[[], None], build: Callable[[], None]) -> str:
    try:
        load()
        return "loaded"
    except FileNotFoundError:
        reason = "no saved index"
    except IndexMismatchError as exc:
        reason = str(exc)
    log.info("building %s index (%s)", name, reason)
    build()
    return "built"


def tune_malloc(mmap_threshold: int = 1 << 20, arenas: int = 2) -> bool:
    """glibc: serve every allocation of `mmap_threshold` bytes or more with its own mmap, so
    it goes back to the system when freed, and cap malloc arenas at `arenas`.

    Linking allocates tens of MB of scores a request (queries x 112k labels). With glibc's
    defaults the mmap threshold rises after such a block is freed, later blocks come from the
    heaps of many thread arenas, and the freed memory stays in the process: with varied
    extraction texts a worker grew 14-20% in a 60 s load, against under 4% with this.
    Returns whether it applied (not glibc: no-op)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        mallopt = libc.mallopt if libc is not None else None
    except (OSError, AttributeError):
        return False
    if mallopt is None:
        return False
    m_mmap_threshold, m_arena_max = -3, -8  # from glibc's malloc.h
    return bool(mallopt(m_mmap_threshold, mmap_threshold)) and bool(mallopt(m_arena_max, arenas))


def _linker(
    settings: Settings, engine: Engine, entries, encoder: Encoder, bulk: Encoder, idir: Path
) -> SkillLinker:
    """The skill linker: its vectors loaded from `idir/skills`, else embedded (through `bulk`)."""
    linker: SkillLinker | None = None
    config = LinkerConfig(
        span_cache_size=settings.linker_cache_size,
        extract_short_precision=settings.linker_short_precision,
        extract_first_pass=settings.linker_first_pass,
    )
    vocabulary = occupation_titles(engine)  # ordinary words: "chef" the cook, not the tool

    def build() -> None:
        nonlocal linker
        linker = SkillLinker(entries, encoder, config, vocabulary=vocabulary)
        with progress_bar(linker.n_texts_to_embed, "skills", settings.progress) as advance:
            linker.build(progress=advance, encoder=bulk)
        linker.save(idir / "skills")

    def load() -> None:
        nonlocal linker
        linker = SkillLinker.load(idir / "skills", entries, encoder, config, vocabulary=vocabulary)

    _load_or_build("skill", load, build)
    if settings.linker_vocabulary:
        from indexing.vocabulary import load_or_build_vocabulary

        load_or_build_vocabulary(linker, idir / "skills", batch_size=config.span_batch_size)
    return linker


def _occupations(
    settings: Settings, engine: Engine, encoder: Encoder, bulk: Encoder, idir: Path
) -> LabelIndex:
    """The occupations' label index: loaded from `idir`, else embedded (through `bulk`)."""
    with Session(engine) as s:
        occ_rows = s.execute(
            select(Occupation.id, Occupation.preferred_label, Occupation.alt_labels).order_by(
                Occupation.id
            )
        ).all()
    occupations = LabelIndex([(i, p, a) for i, p, a in occ_rows], encoder)

    def build() -> None:
        with progress_bar(len(occupations), "occupations", settings.progress) as advance:
            occupations.build(progress=advance, batch_size=settings.encode_batch_size, encoder=bulk)
        occupations.save(idir / "occupations.faiss")

    _load_or_build("occupation", lambda: occupations.load(idir / "occupations.faiss"), build)
    return occupations


def _record_indexes(
    settings: Settings, engine: Engine, encoder: Encoder, bulk: Encoder, idir: Path
) -> dict[str, RecordIndex]:
    """The credential and posting indexes, in step with the database; records without a vector
    for this model are embedded (through `bulk`)."""
    records = {}
    for kind, table, fname in (
        ("credential", Credential, "credentials.faiss"),
        ("posting", JobPosting, "postings.faiss"),
    ):
        rindex = RecordIndex(kind, engine, encoder, idir / fname, **index_settings(settings))
        missing = records_without_vectors(engine, table, kind, encoder.model_id)
        with progress_bar(len(missing), f"{kind}s", settings.progress) as advance:
            with documents_from([rindex], bulk):
                rindex.open(lambda m=missing: m, progress=advance)
        records[kind] = rindex
    return records


def build_runtime(
    settings: Settings, *, encoder: Encoder | None = None, engine: Engine | None = None
) -> Runtime:
    """Open the database, load the taxonomy if needed, and load or build the indexes; what is
    built takes the shipped vectors of the texts they hold (service/vectors/shipped.py)."""
    if encoder is None:
        encoder = make_encoder(settings)
        if hasattr(encoder, "preload"):
            encoder.preload()  # the model import (seconds) overlaps the database work below
    engine = engine or make_engine(settings.database_url)
    create_tables(engine)
    if load_taxonomy(engine, Path(settings.data_dir), include_onet=settings.include_onet):
        log.info("taxonomy loaded into the database")
    entries = skill_entries(engine)
    idir = model_index_dir(settings, encoder)
    bulk = open_pack(settings, encoder)
    linker = _linker(settings, engine, entries, encoder, bulk, idir)
    occupations = _occupations(settings, engine, encoder, bulk, idir)
    titles = build_title_resolver(engine, occupations, idir, settings, encoder=bulk)
    records = _record_indexes(settings, engine, encoder, bulk, idir)
    report_pack(bulk)
    runtime = Runtime(
        settings=settings,
        engine=engine,
        encoder=encoder,
        skills={e.id: e for e in entries},
        linker=linker,
        occupations=occupations,
        credentials=records["credential"],
        postings=records["posting"],
        catalog=CatalogCache(engine, settings),
        titles=titles,
        documents=bulk,
    )
    # Everything loaded so far lives as long as the process: keep it out of the cyclic garbage
    # collector, whose full passes over millions of taxonomy objects were the slow tail (p99)
    # of requests.
    gc.collect()
    gc.freeze()
    return runtime


def records_without_vectors(
    engine: Engine, table, kind: str, model_id: str
) -> list[tuple[int, str]]:
    """Records with no stored vector for this model (a new model, or rows written elsewhere)."""
    with Session(engine) as s:
        have = select(Vector.ref_id).where(Vector.kind == kind, Vector.model_id == model_id)
        rows = s.execute(
            select(table.id, table.title, table.description).where(table.id.not_in(have))
        ).all()
    return [(i, record_text(t, d)) for i, t, d in rows]
