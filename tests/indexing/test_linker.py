from __future__ import annotations

import csv
import gzip
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from indexing.aliases import AliasMatcher
from indexing.ann.manifest import IndexMismatchError
from indexing.encoder import FakeEncoder
from indexing.linker import LinkerConfig, SkillLinker
from indexing.text import ngrams
from indexing.types import SkillEntry

ESCO = "http://data.europa.eu/esco/skill/"


def _skill(
    i, label, alts=(), desc="", skill_type="knowledge", reuse="sector-specific", source="esco"
):
    return SkillEntry(
        id=100 + i,
        uri=f"{ESCO}{i}" if source == "esco" else f"onet:{label}",
        preferred_label=label,
        alt_labels=tuple(alts),
        description=desc,
        skill_type=skill_type,
        reuse_level=reuse,
        source=source,
    )


SKILLS = [
    _skill(0, "PostgreSQL", ["Postgres"], "The database management system PostgreSQL."),
    _skill(1, "Python (computer programming)", ["Python"], "Programming in the Python language."),
    _skill(2, "Java (computer programming)", [], "Programming in the Java language."),
    _skill(3, "JavaScript", ["JS"], "Programming in JavaScript for web pages."),
    _skill(4, "LESS", ["LESS"], "A stylesheet language compiled to CSS."),
    _skill(
        5,
        "work in teams",
        ["teamwork", "team player"],
        "Work with others in a group.",
        skill_type="skill/competence",
        reuse="transversal",
    ),
    _skill(6, "cook pasta", ["prepare pasta"], "Boil and serve pasta dishes.", "skill/competence"),
    _skill(
        7, "manage budgets", ["budget management"], "Plan and control money.", "skill/competence"
    ),
    _skill(8, "SQL", ["Structured Query Language"], "The query language SQL."),
    _skill(9, "Git", ["git version control"], "Version control.", "technology", "", "onet"),
    _skill(10, "Docker", [], "Container platform.", "technology", "", "onet"),
    _skill(11, "Microsoft Excel", ["Excel"], "Spreadsheet software.", "technology", "", "onet"),
    _skill(12, "Go", ["Golang"], "Programming language.", "technology", "", "onet"),
    _skill(13, "go to meetings", [], "Go to meetings, go to events, go out.", "skill/competence"),
]


@pytest.fixture()
def linker():
    lk = SkillLinker(SKILLS, FakeEncoder(dim=256))
    lk.build()
    return lk


def _labels(matches):
    return [m.preferred_label for m in matches]


def test_build_embeds_every_label_and_description_once_with_progress():
    enc = FakeEncoder(dim=256)
    lk = SkillLinker(SKILLS, enc)
    n_labels = sum(
        1 + len({a.lower() for a in s.alt_labels} - {s.preferred_label.lower()}) for s in SKILLS
    )
    assert lk.n_labels == n_labels
    assert lk.n_texts_to_embed == n_labels + len(SKILLS)
    seen = []
    lk.build(progress=seen.append)
    assert sum(seen) == lk.n_texts_to_embed == enc.texts_encoded
    with pytest.raises(RuntimeError):
        SkillLinker(SKILLS, enc).link("python")


def test_alias_match_links_postgresql_and_python(linker):
    text = "experience with PostgreSQL and Python"
    top = linker.link(text, k=3)
    assert set(_labels(top[:2])) == {"PostgreSQL", "Python (computer programming)"}
    by_label = {m.preferred_label: m for m in top}
    assert by_label["Python (computer programming)"].matched_label == "Python"
    assert by_label["PostgreSQL"].label_kind == "preferred"
    assert top[0].score >= top[1].score >= top[2].score


def test_lexical_bonus_is_added_for_verbatim_aliases():
    base = SkillLinker(SKILLS, FakeEncoder(dim=256))
    base.build()
    cfg = LinkerConfig()
    no_lex = SkillLinker(
        SKILLS, FakeEncoder(dim=256), replace(cfg, lexical_bonus=0, lexical_bonus_single=0)
    )
    no_lex.build()
    text = "You know Postgres and git version control"
    a, b = base.scores([text])[0], no_lex.scores([text])[0]
    diff = a - b
    assert diff[0] == pytest.approx(cfg.lexical_bonus_single)  # "Postgres": one word
    assert diff[9] == pytest.approx(cfg.lexical_bonus)  # "git version control": three words
    assert np.count_nonzero(np.abs(diff) > 1e-6) == 2


def test_paren_stripped_label_word_bounds_and_acronym_case():
    m = AliasMatcher(SKILLS)
    hits = {(h.row, h.alias) for h in m.find("Java developer, no JavaScript? We use LESS.")}
    assert (2, "Java") in hits and (3, "JavaScript") in hits and (4, "LESS") in hits
    assert not any(row == 4 for row, _ in {(h.row, h.alias) for h in m.find("less is more")})
    assert m.find("digital skills, GitHub") == []  # "Git" only as a whole word
    # "go" is an ordinary word in the taxonomy's own text, so the product "Go" needs its capital
    assert not any(h.row == 12 for h in m.find("ready to go the extra mile"))
    assert any(h.row == 12 for h in m.find("services written in Go and python"))
    assert any(h.row == 1 for h in m.find("services written in Go and python"))
    text = "Excel and Git"
    for h in m.find(text):
        assert text[h.start : h.end].lower() == h.alias.lower()


def test_sources_filter_and_onet_product_names(linker):
    text = "We deploy with Docker and track work in Microsoft Excel"
    top = linker.link(text, k=3)
    assert {"Docker", "Microsoft Excel"} <= set(_labels(top))
    only_esco = linker.link(text, k=5, sources={"esco"})
    assert only_esco and all(m.source == "esco" for m in only_esco)
    n_onet = sum(s.source == "onet" for s in SKILLS)
    assert len(linker.link("Docker", k=50, sources={"onet"})) == n_onet


def test_link_many_matches_link(linker):
    texts = ["team player who cooks pasta", "SQL and JS", "budget management"]
    many = linker.link_many(texts, k=4)
    for text, got in zip(texts, many, strict=True):
        assert got == linker.link(text, k=4)
    assert many[0][0].preferred_label == "work in teams"
    assert many[2][0].preferred_label == "manage budgets"


def test_link_spans_links_an_exact_label_without_an_encoder_call(linker):
    calls, texts = linker.encoder.calls, linker.encoder.texts_encoded
    spans = ["postgres", "  Team Player ", "GIT", "git.", "Microsoft  Excel"]
    got = linker.link_spans(spans, k=1)
    assert (linker.encoder.calls, linker.encoder.texts_encoded) == (calls, texts)
    assert [m[0].preferred_label for m in got] == [
        "PostgreSQL",
        "work in teams",
        "Git",
        "Git",
        "Microsoft Excel",
    ]
    assert got[0][0].matched_label == "Postgres" and got[1][0].label_kind == "alternative"
    # the label's own vector stands for the span: the same scores as encoding it
    for span, matches in zip(spans, got, strict=True):
        assert matches[0].score == pytest.approx(linker.link(span.strip(), k=1)[0].score, abs=1e-5)


def test_link_spans_encodes_each_distinct_span_once_in_one_call(linker):
    calls, texts = linker.encoder.calls, linker.encoder.texts_encoded
    spans = [
        "cooking pasta dishes",
        "Cooking  pasta dishes!",
        "money planning",
        "cooking pasta dishes",
    ]
    got = linker.link_spans(spans, k=2)
    assert linker.encoder.calls == calls + 1  # one call for the batch
    assert linker.encoder.texts_encoded == texts + 2  # two distinct spans, no n-gram views
    assert got[0] == got[1] == got[3] and got[0] != got[2]
    assert got[0][0].preferred_label == "cook pasta"
    assert got[2][0].preferred_label == "manage budgets"
    assert linker.link_spans([]) == []


def test_link_spans_scores_like_link_many(linker):
    # one word: link_many's only n-gram is the word itself, so the formula is the same
    for span in ("pasta", "budget", "Postgres"):
        assert linker.link_spans([span], k=3)[0] == linker.link_many([span], k=3)[0]
    # with n-gram views switched on for spans of 2+ words, a longer span scores as in link_many
    lk = SkillLinker(SKILLS, FakeEncoder(dim=256), LinkerConfig(span_ngram_min_words=2))
    lk.build()
    span = "preparing pasta for the team"
    texts = lk.encoder.texts_encoded
    got = lk.link_spans([span], k=3)[0]
    assert lk.encoder.texts_encoded - texts == 1 + len(ngrams(span))  # itself and its n-grams
    assert got == lk.link_many([span], k=3)[0]


def test_recent_texts_are_not_encoded_again_and_the_cache_is_bounded():
    text = "You will cook pasta, plan the budget and use Docker."
    lk = SkillLinker(SKILLS, FakeEncoder(dim=256), LinkerConfig(span_cache_size=1000))
    lk.build()
    first = lk.extract(text)
    texts = lk.encoder.texts_encoded
    assert lk.extract(text) == first and lk.encoder.texts_encoded == texts  # all from the cache
    # a new sentence sharing n-grams with the first: only its new views are encoded, a view
    # known in another case ("Plan", "plan") too (the encoder is uncased: query_key)
    other = "Plan the budget for the team."
    key = lk._cache.key
    views = {key(sp.text) for sp in lk._spans(other)[0]}
    seen = {key(sp.text) for sp in lk._spans(text)[0]}
    assert "plan" in views & seen
    lk.extract(other)
    assert lk.encoder.texts_encoded - texts == len(views - seen) < len(views)
    # stated names share the cache too
    before = lk.encoder.texts_encoded
    assert lk.link_spans(["cooking pasta dishes"]) == lk.link_spans(["cooking pasta dishes"])
    assert lk.encoder.texts_encoded - before == 1
    # bounded: the least recently used go first
    small = SkillLinker(SKILLS, FakeEncoder(dim=256), LinkerConfig(span_cache_size=3))
    small.build()
    small.link_many(["alpha one", "beta two"])
    assert len(small._cache) == 3
    # 0: no cache, every call encodes
    off = SkillLinker(SKILLS, FakeEncoder(dim=256), LinkerConfig(span_cache_size=0))
    off.build()
    off.extract(text)
    texts = off.encoder.texts_encoded
    assert off.extract(text) == first and off.encoder.texts_encoded > texts and not off._cache


def test_link_spans_sources_and_k(linker):
    got = linker.link_spans(["Docker", "container platform"], k=3, sources={"onet"})
    assert all(m.source == "onet" for ms in got for m in ms)
    assert got[0][0].preferred_label == "Docker" and len(got[1]) == 3
    assert [len(m) for m in linker.link_spans(["Docker", "sql"], k=len(SKILLS) + 5)] == [
        len(SKILLS),
        len(SKILLS),
    ]
    assert linker.link_spans(["Docker"], k=1, sources={"esco"})[0][0].source == "esco"


def test_extract_aggregates_with_correct_evidence_offsets(linker):
    posting = (
        "About the role\n"
        "• Strong experience with PostgreSQL and Python.\n"
        "• You are a team player.\n"
        "• Nice to have: Docker; Postgres tuning.\n"
    )
    found = linker.extract(posting, min_score=0.5, max_skills=10)
    labels = _labels(found)
    assert {"PostgreSQL", "Python (computer programming)", "work in teams", "Docker"} <= set(labels)
    assert "cook pasta" not in labels
    for skill in found:
        assert skill.evidence
        for ev in skill.evidence:
            assert posting[ev.start : ev.end] == ev.text
    pg = next(s for s in found if s.preferred_label == "PostgreSQL")
    assert {ev.text for ev in pg.evidence} == {"PostgreSQL", "Postgres"}
    assert pg.evidence[0].start == posting.index("PostgreSQL")
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    assert linker.extract(posting, sources={"onet"}, min_score=0.5)[0].preferred_label == "Docker"
    assert linker.extract("", min_score=0.0) == []
    assert len(linker.extract(posting, min_score=0.0, max_skills=2)) == 2


def test_save_load_round_trip_without_re_embedding(tmp_path, linker):
    linker.save(tmp_path / "lk")
    assert (tmp_path / "lk" / "labels.faiss.manifest.json").exists()
    enc = FakeEncoder(dim=256)
    loaded = SkillLinker.load(tmp_path / "lk", SKILLS, enc)
    assert enc.texts_encoded == 0
    text = "Python, SQL and teamwork"
    np.testing.assert_allclose(loaded.scores([text]), linker.scores([text]), rtol=1e-6)
    a, b = loaded.link(text), linker.link(text)
    assert [(m.skill_id, m.matched_label) for m in a] == [(m.skill_id, m.matched_label) for m in b]
    assert [m.score for m in a] == pytest.approx([m.score for m in b], rel=1e-5)


def test_load_refuses_other_model_dim_count_or_texts(tmp_path, linker):
    path = tmp_path / "lk"
    linker.save(path)
    with pytest.raises(IndexMismatchError, match="model"):
        SkillLinker.load(path, SKILLS, FakeEncoder(dim=256, model_id="fake/other"))
    with pytest.raises(IndexMismatchError, match="dim"):
        SkillLinker.load(path, SKILLS, FakeEncoder(dim=128))
    with pytest.raises(IndexMismatchError, match="n_skills"):
        SkillLinker.load(path, SKILLS[:-1], FakeEncoder(dim=256))
    renamed = [*SKILLS[:-1], replace(SKILLS[-1], description="Another text.")]
    with pytest.raises(IndexMismatchError, match="texts differ"):
        SkillLinker.load(path, renamed, FakeEncoder(dim=256))
    meta = json.loads((path / "linker.json").read_text())
    meta["n_labels"] += 1
    (path / "linker.json").write_text(json.dumps(meta))
    with pytest.raises(IndexMismatchError, match="n_labels"):
        SkillLinker.load(path, SKILLS, FakeEncoder(dim=256))


def test_priors_follow_config():
    cfg = LinkerConfig(
        knowledge_bonus=0.5, transversal_bonus=0.0, lexical_bonus=0, lexical_bonus_single=0
    )
    lk = SkillLinker(SKILLS, FakeEncoder(dim=256), cfg)
    lk.build()
    plain = SkillLinker(SKILLS, FakeEncoder(dim=256), replace(cfg, knowledge_bonus=0.0))
    plain.build()
    diff = lk.scores(["anything at all"])[0] - plain.scores(["anything at all"])[0]
    kinds = np.array([s.skill_type in ("knowledge", "technology") for s in SKILLS])
    np.testing.assert_allclose(diff[kinds], 0.5, rtol=1e-5)
    np.testing.assert_allclose(diff[~kinds], 0.0, atol=1e-6)


# ------------------------------------------------------------------ real model, ~50 ESCO skills

REPO = Path(__file__).resolve().parents[2]
WANTED = {
    "Python (computer programming)",
    "SQL",
    "Java (computer programming)",
    "JavaScript",
    "work in teams",
    "communication",
    "PostgreSQL",
    "manage budgets",
    "cloud technologies",
    "debug software",
    "English",
}


def _esco_subset(n_other=40):
    out, other = [], 0
    with gzip.open(REPO / "data" / "esco" / "skills_en.csv.gz", "rt", encoding="utf-8") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            label = r["preferredLabel"].strip()
            keep = label in WANTED or (other < n_other and i % 97 == 0)
            if not keep:
                continue
            other += label not in WANTED
            out.append(
                SkillEntry(
                    id=i,
                    uri=r["conceptUri"],
                    preferred_label=label,
                    alt_labels=tuple(a for a in r["altLabels"].split("\n") if a.strip()),
                    description=r["description"],
                    skill_type=r["skillType"],
                    reuse_level=r["reuseLevel"],
                )
            )
    return out


@pytest.mark.slow
def test_real_model_links_obvious_skills():
    from indexing.encoder import SentenceTransformerEncoder

    skills = _esco_subset()
    assert len(skills) >= 45 and WANTED <= {s.preferred_label for s in skills}
    lk = SkillLinker(skills, SentenceTransformerEncoder())
    lk.build()
    top = _labels(lk.link("3+ years of experience with Python and SQL databases", k=3))
    assert {"Python (computer programming)", "SQL"} <= set(top)
    assert "work in teams" in _labels(
        lk.link("You enjoy collaborating closely with colleagues", k=3)
    )
    assert _labels(lk.link("fix bugs in our code base", k=1)) == ["debug software"]
    found = lk.extract("We need a Java developer.\nYou keep an eye on the budget of projects.")
    assert {"Java (computer programming)", "manage budgets"} <= set(_labels(found))


def test_extract_keeps_every_named_tool_of_a_long_list(linker):
    line = "Stack: Docker, Git, SQL, PostgreSQL, Python, JavaScript and Microsoft Excel"
    assert linker.config.extract_per_phrase < 7
    found = {s.preferred_label: s for s in linker.extract(line, min_score=0.5)}
    named = {"Docker", "Git", "SQL", "PostgreSQL", "Python (computer programming)", "JavaScript"}
    assert named | {"Microsoft Excel"} <= set(found)
    assert found["Microsoft Excel"].evidence[0].text == "Microsoft Excel"
