"""Ingest semantics: batches with bad records, idempotence, updates, deletes, vectors in the DB."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from models.tables import Credential, CredentialSkill, Vector
from service.ingest.pipeline import Ingestor


def _doc(prefix: str, i: int, **extra) -> dict:
    doc = {
        "external_id": f"{prefix}:{i}",
        "kind": "course",
        "title": f"PostgreSQL administration part {i}",
        "description": "Learners administer PostgreSQL databases and write SQL queries.",
        "hours": 10 + i,
        "cost": 50.0,
        "currency": "EUR",
        "skills": [{"label": "PostgreSQL"}],
    }
    return doc | extra


def test_batch_of_100_with_3_malformed_stores_97_and_reports_the_3(client, runtime):
    docs = [_doc("b100", i) for i in range(100)]
    docs[10] = {"external_id": "b100:10", "kind": "course"}  # no title
    docs[42] = _doc("b100", 42, hours=-5)  # out of range
    docs[77] = _doc("b100", 77, skills=[{"weight": 0.5}])  # a skill with neither uri nor label
    r = client.post("/v1/credentials", json=docs)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["summary"]["created"] == 97 and body["summary"]["error"] == 3
    bad = {i["position"]: i for i in body["items"] if i["status"] == "error"}
    assert set(bad) == {10, 42, 77}
    assert bad[10]["errors"][0]["field"] == "title"
    assert bad[42]["errors"][0]["field"] == "hours"
    assert bad[77]["errors"][0]["field"].startswith("skills[0]")
    with Session(runtime.engine) as s:
        n = s.execute(
            select(func.count())
            .select_from(Credential)
            .where(Credential.external_id.like("b100:%"))
        ).scalar_one()
    assert n == 97


def test_reposting_unchanged_batch_does_no_embedding_work(runtime):
    ing = Ingestor(runtime, "credential")
    docs = [_doc("idem", i) for i in range(5)]
    first = ing.ingest(docs)
    assert first.count("created") == 5
    calls, texts = runtime.encoder.calls, runtime.encoder.texts_encoded
    again = ing.ingest(docs)
    assert again.count("unchanged") == 5
    assert (runtime.encoder.calls, runtime.encoder.texts_encoded) == (calls, texts)


def test_changed_document_updates_row_skills_and_vector(runtime):
    ing = Ingestor(runtime, "credential")
    ing.ingest([_doc("upd", 1)])
    with Session(runtime.engine) as s:
        row = s.execute(select(Credential).where(Credential.external_id == "upd:1")).scalar_one()
        old_vec = s.get(Vector, ("credential", row.id, runtime.encoder.model_id)).vector
    changed = _doc(
        "upd", 1, title="Cooking pasta and sauces", description="Cook Italian food.", skills=[]
    )
    res = ing.ingest([changed])
    assert res.items[0].status == "updated" and res.items[0].id == row.id
    with Session(runtime.engine) as s:
        row2 = s.get(Credential, row.id)
        vec = s.get(Vector, ("credential", row.id, runtime.encoder.model_id))
        assert row2.title == "Cooking pasta and sauces"
        assert vec.vector != old_vec and vec.model_id == runtime.encoder.model_id
    stored = np.frombuffer(vec.vector, dtype=np.float32)
    np.testing.assert_allclose(runtime.credentials.index.reconstruct(row.id), stored, atol=1e-6)


def test_delete_removes_row_links_vector_and_index_entry(client, runtime):
    res = Ingestor(runtime, "credential").ingest([_doc("del", 1)])
    cid = res.items[0].id
    assert cid in runtime.credentials.index.ids
    assert client.delete(f"/v1/credentials/{cid}").status_code == 204
    assert client.get(f"/v1/credentials/{cid}").status_code == 404
    assert cid not in runtime.credentials.index.ids
    with Session(runtime.engine) as s:
        assert s.get(Credential, cid) is None
        assert s.get(Vector, ("credential", cid, runtime.encoder.model_id)) is None
        assert not s.execute(
            select(CredentialSkill).where(CredentialSkill.credential_id == cid)
        ).all()
    assert client.delete(f"/v1/credentials/{cid}").status_code == 404


def test_duplicate_external_id_in_one_batch_is_reported(runtime):
    res = Ingestor(runtime, "credential").ingest([_doc("dup", 1), _doc("dup", 1)])
    assert [i.status for i in res.items] == ["created", "error"]
    assert res.items[1].errors[0].field == "external_id"


def test_index_is_persisted_and_rebuilt_from_database(runtime, tmp_path):
    from service.vectors.record_index import RecordIndex

    Ingestor(runtime, "credential").ingest([_doc("persist", i) for i in range(3)])
    saved = RecordIndex("credential", runtime.engine, runtime.encoder, runtime.credentials.path)
    assert saved.open(lambda: []) == "loaded"
    assert len(saved) == len(runtime.credentials)
    fresh = RecordIndex("credential", runtime.engine, runtime.encoder, tmp_path / "c.faiss")
    assert fresh.open(lambda: []) == "rebuilt"  # no file there: rebuilt from stored vectors
    np.testing.assert_array_equal(np.sort(fresh.index.ids), np.sort(runtime.credentials.index.ids))


def test_a_database_refusal_of_one_record_spares_the_others(runtime, monkeypatch):
    ing = Ingestor(runtime, "credential")
    real = ing._link_skills

    def sabotage(todo):
        real(todo)
        todo[1].skills.append(
            {
                "skill_id": 2_000_000_000,
                "weight": 1.0,
                "source": "explicit",
                "confidence": 1.0,
                "evidence": [],
                "relation": None,
            }
        )

    monkeypatch.setattr(ing, "_link_skills", sabotage)
    res = ing.ingest([_doc("fk", i) for i in range(3)])
    assert [i.status for i in res.items] == ["created", "error", "created"]
    assert res.items[1].errors[0].field == "$" and "not stored" in res.items[1].errors[0].message
    with Session(runtime.engine) as s:
        stored = (
            s.execute(select(Credential.external_id).where(Credential.external_id.like("fk:%")))
            .scalars()
            .all()
        )
        assert sorted(stored) == ["fk:0", "fk:2"]
        assert (
            s.execute(
                select(func.count())
                .select_from(Vector)
                .where(
                    Vector.kind == "credential",
                    Vector.ref_id.in_([i.id for i in res.items if i.id]),
                )
            ).scalar_one()
            == 2
        )
    assert res.items[1].id is None


def test_stated_posting_skills_are_linked_once_per_batch_exact_labels_without_encoding(runtime):
    from models.records import JobPostingRecord, SkillRef
    from models.tables import JobPosting, PostingSkill, Skill

    stated = [
        ["PostgreSQL", "Git", "kneading bread dough"],
        ["postgresql ", "Kneading  bread dough!", "GIT"],
        ["PostgreSQL."],
    ]
    recs = [
        JobPostingRecord(
            external_id=f"stated:{i}",
            title="Database administrator",
            description=f"Posting number {i}: you look after our databases.",
            skills=[SkillRef(label=label) for label in labels],
        )
        for i, labels in enumerate(stated)
    ]
    enc = runtime.encoder
    calls, texts = enc.calls, enc.texts_encoded
    res = Ingestor(runtime, "posting").ingest(recs)
    assert res.count("created") == 3
    # the 3 record texts, the one distinct title (its nearest occupation label, then the title
    # resolver's reading: one more call) and the one distinct stated name that is no taxonomy
    # label; "PostgreSQL" and "Git" are looked up
    assert enc.texts_encoded - texts == 3 + 2 + 1
    assert enc.calls - calls == 4
    with Session(runtime.engine) as s:
        linked = {
            ext: set(labels)
            for ext, labels in _group(
                s.execute(
                    select(JobPosting.external_id, Skill.preferred_label)
                    .join(PostingSkill, PostingSkill.posting_id == JobPosting.id)
                    .join(Skill, Skill.id == PostingSkill.skill_id)
                    .where(JobPosting.external_id.like("stated:%"))
                ).all()
            ).items()
        }
    assert "PostgreSQL" in linked["stated:0"] and linked["stated:2"] == {"PostgreSQL"}
    assert linked["stated:0"] == linked["stated:1"]  # the same names, however written
    # the same skills as linking each name alone, in the same context
    from types import SimpleNamespace

    from indexing.stated import link_stated
    from service.ingest.linking import record_context
    from service.vectors.record_index import compose_text

    p = SimpleNamespace(record=recs[0], text=compose_text(recs[0].title, recs[0].description)[0])
    alone = {
        x.skill.preferred_label
        for name in stated[0]
        for x in link_stated(runtime.linker, [name], contexts=[record_context(p)])
        if x.skill is not None
    }
    assert linked["stated:0"] == alone


def _group(pairs) -> dict:
    out: dict = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return out


def test_occupations_of_a_batch_in_one_call_match_label_index_search(runtime):
    from service.ingest.occupations import best_occupations as _best_occupations

    titles = ["software developer", "Senior Python developer (m/f/d)", "COOK", "zzz qqq"]
    calls = runtime.encoder.calls
    best = _best_occupations(runtime.occupations, titles)
    assert runtime.encoder.calls == calls + 1
    for title in titles:
        hit = runtime.occupations.search(title, k=1)[0]
        assert best[title][0] == hit.entity_id
        assert abs(best[title][1] - hit.score) < 1e-5
    exact = runtime.occupations.search_many(["Software Developer"], k=3)[0]
    assert exact[0].score == pytest.approx(1.0) and exact[0].matched_label == "software developer"
    assert best["software developer"][0] == exact[0].entity_id
