"""`skillmatch embed --ray`: a Ray Data job on a local Ray with 2 CPUs embeds the records without
a vector, the vectors equal the in-process encoder's, and a stopped job resumes with only the
rest. Ray is the optional extra '.[ray]'; `make test` installs it, so CI runs these."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from indexing.encoder import FakeEncoder
from models.tables import Credential, IndexChange, Vector

ray = pytest.importorskip("ray", reason="Ray is the optional extra '.[ray]' (make test has it)")

from service.cli.embed_ray import embed_missing_ray, start_ray  # noqa: E402

N = 300
WORDS = "python sql docker kubernetes welding pastry nursing audit forklift spanish".split()


@pytest.fixture(scope="module")
def local_ray():
    """One local Ray (2 CPUs) for the module, started the way `embed --ray` starts one."""
    _, started = start_ray(None, 2)
    assert started and ray.cluster_resources()["CPU"] == 2
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield
    ray.shutdown()


@pytest.fixture
def db(tmp_path, scratch_engine):
    """A database of N credentials of very different lengths (a few words to a few hundred)."""
    from service.config import Settings

    rng = np.random.default_rng(0)
    with Session(scratch_engine) as s:
        for i in range(N):
            words = rng.choice(WORDS, size=int(rng.integers(2, 400)))
            s.add(Credential(external_id=f"ray:{i}", kind="course", title=f"Course {i}",
                             description=" ".join(words), source_format="native",
                             content_hash=str(i)))  # fmt: skip
        s.commit()
    url = str(scratch_engine.url)
    settings = Settings(database_url=url, model="fake:384", index_dir=tmp_path / "idx",
                        progress=False, load_default_data=False)  # fmt: skip
    return settings, scratch_engine


def _stored(engine) -> dict[int, np.ndarray]:
    with Session(engine) as s:
        rows = s.execute(
            select(Vector.ref_id, Vector.vector).where(Vector.model_id == "fake/hashing-384")
        ).all()
    return {int(r): np.frombuffer(v, np.float32) for r, v in rows}


def _texts(engine) -> dict[int, str]:
    from service.vectors.record_index import record_text

    with Session(engine) as s:
        rows = s.execute(select(Credential.id, Credential.title, Credential.description)).all()
    return {int(i): record_text(t, d) for i, t, d in rows}


@pytest.mark.slow  # starts a local Ray (20-60 s here); `make test` runs it
def test_ray_job_vectors_equal_the_in_process_encoder(local_ray, db):
    settings, engine = db
    out = embed_missing_ray(settings, "credential", engine=engine, batch=64)
    assert out["missing"] == out["embedded"] == N and out["actors"] == 2
    stored, texts = _stored(engine), _texts(engine)
    assert sorted(stored) == sorted(texts)
    ids = sorted(texts)
    want = FakeEncoder(dim=384, model_id="fake/hashing-384").encode_documents(
        [texts[i] for i in ids]
    )
    np.testing.assert_allclose(np.stack([stored[i] for i in ids]), want, atol=1e-6)
    with Session(engine) as s:
        logged = s.execute(select(IndexChange.ref_id, IndexChange.op)).all()
    assert sorted(r for r, _ in logged) == ids and {op for _, op in logged} == {"upsert"}
    again = embed_missing_ray(settings, "credential", engine=engine, batch=64)
    assert again["missing"] == again["embedded"] == 0  # nothing left: nothing embedded


@pytest.mark.slow
def test_a_stopped_job_resumes_with_only_the_rest(local_ray, db):
    settings, engine = db
    first = embed_missing_ray(settings, "credential", engine=engine, batch=50, stop_after=100)
    assert first["embedded"] == 100 and len(_stored(engine)) == 100  # two committed batches
    done = set(_stored(engine))
    second = embed_missing_ray(settings, "credential", engine=engine, batch=50)
    assert second["missing"] == second["embedded"] == N - 100
    stored = _stored(engine)
    assert len(stored) == N and done < set(stored)
    with Session(engine) as s:
        changes = s.execute(select(func.count()).select_from(IndexChange)).scalar_one()
    assert changes == N  # each record embedded (and logged) once


def test_without_ray_installed_the_error_says_how_to_get_it(db, monkeypatch):
    settings, engine = db
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now fails
    with pytest.raises(RuntimeError, match=r"\[ray\]"):
        embed_missing_ray(settings, "credential", engine=engine)


@pytest.mark.parametrize(
    "argv",
    [
        ["embed", "--ray", "--shard", "1/2"],
        ["embed", "--ray", "--batch", "0"],
        ["embed", "--ray", "--ray-cpus", "0"],
        ["embed", "--ray", "--actors", "-1"],
    ],
)
def test_cli_refuses_bad_ray_options(argv, capsys):
    from service.cli.main import main

    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code != 0
    err = capsys.readouterr().err + str(exc.value.code)
    assert any(w in err for w in ("--shard", "at least", "exclude"))
