"""Extraction encodes less for the same vectors: texts keyed as the encoder reads them
(`indexing.encoder.query_key`), the label words' vectors kept with the indexes
(`indexing.vocabulary`), n-grams without a letter dropped, one BLAS thread for the small
products (`indexing.blas_threads`). docs/quality.md, "Extraction at encoder speed"."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from indexing.encoder import FakeEncoder, query_key, uncased_key
from indexing.linker import SkillLinker
from indexing.query_cache import QueryCache
from indexing.vocabulary import label_words, load_or_build_vocabulary
from tests.indexing.test_linker import SKILLS

TEXT = (
    "You know PostgreSQL and Docker, write Python and python scripts, cook pasta 24/7 in 2019.\n"
    "Plan the BUDGET, use docker and Microsoft Excel."
)


class Recording(FakeEncoder):
    """A hashing encoder that keeps every text it was asked to encode."""

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.seen: list[str] = []

    def encode_queries(self, texts, *, batch_size=64, progress=None):
        self.seen.extend(texts)
        return super().encode_queries(texts, batch_size=batch_size, progress=progress)


def _linker(**cfg) -> SkillLinker:
    lk = SkillLinker(SKILLS, Recording(dim=256))
    lk.build()
    lk.config = dataclasses.replace(lk.config, **cfg)
    lk.encoder.seen.clear()
    return lk


def _found(lk: SkillLinker, text: str) -> list[tuple]:
    return [(x.skill_id, round(x.score, 5), x.evidence, x.matched_label) for x in lk.extract(text)]


def test_uncased_key_folds_ascii_case_and_spacing_only():
    assert uncased_key("  Python\tDeveloper \n") == "python developer"
    assert uncased_key("C++ / C#") == "c++ / c#"
    assert uncased_key("Straße  Bau") == "Straße  Bau"  # not ASCII: its own key
    assert query_key(FakeEncoder(), "Docker  Swarm") == "docker swarm"
    assert query_key(object(), "Docker  Swarm") == "Docker  Swarm"  # not known to be uncased


def test_one_encoding_per_key_and_the_same_vectors():
    enc = Recording(dim=64)
    cache = QueryCache(enc, size=100)
    vecs = cache.vectors(["Python", "python", "PYTHON  ", "data  analysis", "Data analysis"])
    assert enc.seen == ["Python", "data  analysis"]
    np.testing.assert_array_equal(vecs[0], vecs[2])
    np.testing.assert_array_equal(vecs[3], enc.encode_queries(["data analysis"])[0])
    # size 0 keeps nothing across calls, but still encodes each key once per call
    off = QueryCache(Recording(dim=64), size=0)
    off.vectors(["Go", "go"])
    off.vectors(["go"])
    assert off.encoder.seen == ["Go", "go"] and len(off) == 0


def test_vocabulary_texts_are_never_encoded_and_survive_clear():
    enc = Recording(dim=64)
    cache = QueryCache(enc, size=100)
    words = ["python", "docker"]
    cache.set_vocabulary(words, enc.encode_queries(words))
    enc.seen.clear()
    cache.clear()
    got = cache.vectors(["Python", "Kotlin", "DOCKER"])
    assert enc.seen == ["Kotlin"]
    np.testing.assert_array_equal(got[0], enc.encode_queries(["python"])[0])
    with pytest.raises(ValueError):
        cache.set_vocabulary(["a", "b"], np.zeros((1, 64), np.float32))


def test_extraction_with_the_vocabulary_keeps_the_same_skills_and_encodes_less():
    plain = _linker()
    fast = _linker()
    load_vocabulary = fast.encoder.encode_queries(label_words(fast))
    fast.set_vocabulary(label_words(fast), load_vocabulary)
    fast.encoder.seen.clear()
    for text in (TEXT, "Team player who can cook pasta; you manage budgets and go to meetings."):
        plain._cache.clear()
        fast._cache.clear()
        plain.encoder.seen.clear()
        fast.encoder.seen.clear()
        assert _found(fast, text) == _found(plain, text) and _found(plain, text)
        assert len(fast.encoder.seen) < len(plain.encoder.seen)
        words = set(label_words(fast))
        assert not {query_key(fast.encoder, t) for t in fast.encoder.seen} & words


def test_ngrams_without_a_letter_are_not_encoded():
    lk = _linker()
    lk.extract(TEXT)
    assert "2019" not in lk.encoder.seen and "24/7" not in lk.encoder.seen
    assert "Python" in lk.encoder.seen and "python" not in lk.encoder.seen  # one key, one text
    keep = _linker(extract_ngram_needs_letter=False)
    keep.extract(TEXT)
    assert "2019" in keep.encoder.seen


def test_vocabulary_file_is_built_once_and_refused_for_another_model(tmp_path):
    lk = _linker()
    n = load_or_build_vocabulary(lk, tmp_path)
    words = label_words(lk)
    assert n == len(words) == lk._cache.vocabulary_size > 0
    assert all(w == w.lower() and any(c.isalpha() for c in w) for w in words)
    assert len(lk.encoder.seen) == n and len(list(tmp_path.glob("vocabulary-*.faiss"))) == 1
    again = _linker()
    load_or_build_vocabulary(again, tmp_path)
    assert again.encoder.seen == []  # loaded, not encoded
    np.testing.assert_array_equal(
        again._cache.vectors(words[:5]), lk.encoder.encode_queries(words[:5])
    )
    # a damaged word list: encoded again, not read
    (words_file,) = tmp_path.glob("vocabulary-*.words.json")
    words_file.write_text("[not json")
    broken = _linker()
    load_or_build_vocabulary(broken, tmp_path)
    assert len(broken.encoder.seen) == n
    other = SkillLinker(SKILLS, Recording(dim=256, model_id="fake/other"))
    other.build()
    other.encoder.seen.clear()
    load_or_build_vocabulary(other, tmp_path)
    assert len(other.encoder.seen) == n  # another model's file: encoded again


BLAS_CHECK = """
import threading
import numpy  # noqa: F401  (loads numpy's OpenBLAS)
from indexing import blas_threads
libs = blas_threads._openblas()
if not libs:
    print("skip")
    raise SystemExit(0)
before = [lib.get_num_threads() for lib in libs]
inside = []
def work():
    with blas_threads.single_threaded_blas():
        inside.append([lib.get_num_threads() for lib in libs])
with blas_threads.single_threaded_blas():
    inside.append([lib.get_num_threads() for lib in libs])
    t = threading.Thread(target=work)
    t.start()
    t.join()
    inside.append([lib.get_num_threads() for lib in libs])
assert all(n == [1] * len(libs) for n in inside), inside
assert [lib.get_num_threads() for lib in libs] == before
print("ok")
"""


def test_single_threaded_blas_restores_the_thread_count():
    # in a fresh interpreter: the setting is process-wide, and in the whole suite's process
    # other tests' threads and libraries share it (once seen: a count other than 1 inside)
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ, PYTHONPATH=root, OPENBLAS_NUM_THREADS="2")
    out = subprocess.run(
        [sys.executable, "-c", BLAS_CHECK], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    if out.stdout.strip() == "skip":
        pytest.skip("numpy without a pthreads OpenBLAS")
    assert out.stdout.strip() == "ok"
