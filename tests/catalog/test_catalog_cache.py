"""The in-memory catalog used by the planner follows ingests and deletes, and picks candidates."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from models.tables import Skill
from service.catalog.cache import CatalogCache
from service.ingest.pipeline import Ingestor


def _skill_ids(runtime, n: int) -> list[int]:
    with Session(runtime.engine) as s:
        return (
            s.execute(select(Skill.id).where(Skill.source == "esco").order_by(Skill.id).limit(n))
            .scalars()
            .all()
        )


def test_cache_sees_ingest_and_delete(runtime):
    sid = _skill_ids(runtime, 1)[0]
    with Session(runtime.engine) as s:
        uri = s.get(Skill, sid).uri
    options, _ = runtime.catalog.options({sid: 1.0})
    before = {c.external_id for c in options}
    ing = Ingestor(runtime, "credential")
    res = ing.ingest(
        [{"external_id": "cache:1", "title": "Cache course", "hours": 3, "skills": [{"uri": uri}]}]
    )
    options, lookup = runtime.catalog.options({sid: 1.0})
    assert "cache:1" in {c.external_id for c in options} - before and "cache:1" in lookup
    ing.delete(res.items[0].id)
    assert "cache:1" not in {c.external_id for c in runtime.catalog.options({sid: 1.0})[0]}


def test_candidate_selection_keeps_best_ratio_and_best_gain(runtime):
    a, b = _skill_ids(runtime, 2)
    with Session(runtime.engine) as s:
        ua, ub = s.get(Skill, a).uri, s.get(Skill, b).uri
    docs = [
        {
            "external_id": f"sel:{i}",
            "title": f"Filler {i}",
            "hours": 100,
            "skills": [{"uri": ua, "weight": 0.5}],
        }
        for i in range(20)
    ]
    docs += [
        {"external_id": "sel:cheap", "title": "Cheap", "hours": 1, "skills": [{"uri": ua}]},
        {
            "external_id": "sel:big",
            "title": "Big",
            "hours": 500,
            "skills": [{"uri": ua}, {"uri": ub}],
        },
    ]
    Ingestor(runtime, "credential").ingest(docs)
    cache = CatalogCache(runtime.engine, runtime.settings)
    options, _ = cache.options({a: 1.0, b: 1.0}, limit=4)
    ext = {c.external_id for c in options}
    assert "sel:cheap" in ext  # best gain per hour
    assert "sel:big" in ext  # best gain
    assert len(options) <= 5


def test_teaching_gives_every_credential_linked_to_the_skills(runtime):
    from models.tables import CredentialSkill

    a, b = _skill_ids(runtime, 2)
    cache = CatalogCache(runtime.engine, runtime.settings)
    with Session(runtime.engine) as s:
        linked = set(
            s.execute(
                select(CredentialSkill.credential_id).where(CredentialSkill.skill_id.in_([a, b]))
            ).scalars()
        )
    got = [c.id for c in cache.teaching([a, b])]
    assert set(got) == linked & {c.id for c in cache.state()[0]}
    assert len(got) == len(set(got))
    assert cache.teaching([]) == []


def test_options_carry_the_audience_their_records_state(runtime):
    from models.tables import Occupation

    sid = _skill_ids(runtime, 1)[0]
    with Session(runtime.engine) as s:
        uri = s.get(Skill, sid).uri
        occ = s.execute(select(Occupation).where(Occupation.isco_code != "").limit(1)).scalar()
    docs = [
        {
            "external_id": "aud:text",
            "title": "Staff management",
            "description": "This 30-hour course helps advertising and marketing professionals "
            "build practical skills in staff management. Cooks are welcome too.",
            "hours": 30,
            "skills": [{"uri": uri}],
        },
        {
            "external_id": "aud:stated",
            "title": "Staff management II",
            "description": "This course helps advertising and marketing professionals.",
            "occupations": [occ.uri],
            "hours": 30,
            "skills": [{"uri": uri}],
        },
        {"external_id": "aud:none", "title": "Open", "hours": 3, "skills": [{"uri": uri}]},
    ]
    Ingestor(runtime, "credential").ingest(docs)
    _, lookup = runtime.catalog.options({sid: 1.0})
    assert lookup["aud:text"].audience == ("2431",)
    assert lookup["aud:stated"].audience == (occ.isco_code,)
    assert lookup["aud:none"].audience == ()
