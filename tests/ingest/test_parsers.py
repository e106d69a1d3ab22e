"""Parsers: every format against our own fixtures, and against the real reference documents in
../shared/reference (Open Badges spec examples, Credential Engine CTDL examples), read in place."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from models.records import CredentialRecord
from service.ingest.parsers import (
    ParseError,
    detect_format,
    iter_jsonl,
    parse_credential,
    parse_csv,
    parse_posting,
)
from service.ingest.parsers.durations import duration_hours, duration_months
from service.ingest.parsers.html_text import html_to_text

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(
    os.environ.get("SKILLMATCH_SHARED", Path(__file__).resolve().parents[2].parent / "shared")
)
REFERENCE = SHARED / "reference"
ESCO = "http://data.europa.eu/esco/skill/"
CE = "https://credentialengine.github.io/credential-registry-ingest-examples/"


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def one(doc: dict, fmt: str | None = None) -> CredentialRecord:
    records = parse_credential(doc, fmt)
    assert len(records) == 1
    return records[0]


def by_label(record) -> dict:
    return {s.label: s for s in record.skills}


def assert_spans_point_into_description(record) -> None:
    for skill in record.skills:
        for span in skill.evidence:
            assert span.field == "description"
            assert record.description[span.start : span.end] == span.text


# -- detection ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("ob2_badgeclass.json", "ob2"),
        ("ob2_assertion_embedded.json", "ob2"),
        ("ob3_credential.json", "ob3"),
        ("ob3_achievement.json", "ob3"),
        ("ctdl_certification.json", "ctdl"),
        ("ctdl_graph.json", "ctdl"),
        ("schema_org_jobposting.json", "schema_org"),
        ("schema_org_graph.json", "schema_org"),
    ],
)
def test_detect_format_of_fixtures(name: str, fmt: str) -> None:
    assert detect_format(load(name)) == fmt


def test_detect_native_and_unknown() -> None:
    assert detect_format({"external_id": "x", "title": "T"}) == "native"
    assert detect_format({"type": "BadgeClass", "name": "No context"}) == "ob2"
    with pytest.raises(ParseError) as err:
        detect_format({"@context": "https://example.org/ctx", "type": "Thing"})
    assert err.value.path == "$" and "unknown document format" in err.value.message
    with pytest.raises(ParseError) as err:
        detect_format({"@context": "https://w3id.org/openbadges/v1", "name": "Old"})
    assert "1.x" in err.value.message


# -- Open Badges 2.0 ---------------------------------------------------------------------------


def test_ob2_badgeclass_with_esco_and_label_alignments() -> None:
    doc = load("ob2_badgeclass.json")
    rec = one(doc)
    assert rec.source_format == "ob2" and rec.kind == "badge"
    assert rec.external_id == doc["id"]
    assert rec.title == "Data Analysis with Python"
    assert rec.issuer.name == "Northbridge Academy"
    assert rec.issuer.url == "https://northbridge-academy.example"
    assert rec.url == "https://northbridge-academy.example/badges/data-analysis-python"
    assert rec.language == "en"  # "@language": "en-GB"
    assert rec.original is doc
    skills = by_label(rec)
    python = skills["Python (computer programming)"]
    assert python.uri == ESCO + "ccd0a1d9-afda-43d9-b901-96344886e14d"
    # an ESCO UUID in targetCode with an ESCO framework becomes the URI
    assert skills["SQL"].uri == ESCO + "598de5b0-5b58-4ea7-8058-a4bc4d18c742"
    eda = skills["Exploratory data analysis"]
    assert eda.uri is None and eda.source == "explicit"
    assert eda.evidence[0].text.startswith("Exploratory data analysis: Summarise a data set")
    assert "Criteria: Complete the four graded notebooks" in rec.description
    assert "Tags: data, python, pandas" in rec.description
    assert_spans_point_into_description(rec)


def test_ob2_assertion_with_embedded_badgeclass() -> None:
    doc = load("ob2_assertion_embedded.json")
    rec = one(doc)
    assert rec.external_id == doc["badge"]["id"]  # the credential, not the award
    assert rec.title == "Team Collaboration"
    assert rec.issuer.name == "" and rec.issuer.url == doc["badge"]["issuer"]
    assert rec.url == doc["badge"]["criteria"]
    # https ESCO URIs are normalised to the http form the taxonomy uses
    assert [s.uri for s in rec.skills] == [ESCO + "60c78287-22eb-4103-9c8c-28deaa460da0"]
    assert rec.original is doc


def test_ob2_errors_have_field_paths() -> None:
    doc = load("ob2_badgeclass.json")
    doc["alignment"].append({"targetFramework": "nothing else"})
    with pytest.raises(ParseError) as err:
        parse_credential(doc)
    assert err.value.path == "alignment[3]"

    doc = load("ob2_badgeclass.json")
    doc["alignment"][0]["targetUrl"] = ["http://a", "http://b"]
    with pytest.raises(ParseError) as err:
        parse_credential(doc)
    assert err.value.path == "alignment[0].targetUrl"

    doc = load("ob2_assertion_embedded.json")
    del doc["badge"]["name"]
    with pytest.raises(ParseError) as err:
        parse_credential(doc)
    assert err.value.path == "badge.name" and "required" in err.value.message
    assert str(err.value) == "badge.name: is required"


# -- Open Badges 3.0 ---------------------------------------------------------------------------


def test_ob3_credential_achievement() -> None:
    doc = load("ob3_credential.json")
    rec = one(doc)
    assert rec.source_format == "ob3"
    assert rec.kind == "nano_degree"  # achievementType MicroCredential
    assert rec.external_id == doc["credentialSubject"]["achievement"]["id"]
    assert rec.title == "Cloud Security Fundamentals"
    assert rec.hours == 75.0  # 2.5 credits x 30 h
    assert rec.language == "de"
    assert rec.issuer.name == "Hafen Institut fuer Weiterbildung"
    assert rec.issuer.url == "https://hafen-institut.example"
    skills = by_label(rec)
    assert set(skills) == {
        "cloud technologies",
        "Identity and access management",
        "information security strategy",  # from resultDescription[0].alignment
    }  # the ceterms:Credential alignment is not a skill
    assert skills["cloud technologies"].uri == ESCO + "bd14968e-e409-45af-b362-3495ed7b10e0"
    assert skills["information security strategy"].uri == (
        ESCO + "11eebd42-44ab-401d-8a2c-bdb9fc9beb50"
    )
    assert skills["Identity and access management"].uri is None
    assert "Criteria: Pass the proctored practical exam" in rec.description
    assert "Field of study: Information security" in rec.description
    assert_spans_point_into_description(rec)
    assert rec.original is doc


def test_ob3_standalone_achievement_gets_a_stable_hash_id() -> None:
    doc = load("ob3_achievement.json")
    rec = one(doc)
    assert rec.kind == "certification"
    assert rec.external_id.startswith("sha256:") and len(rec.external_id) == 7 + 64
    reordered = dict(reversed(list(doc.items())))
    assert one(reordered).external_id == rec.external_id
    assert rec.issuer.url == "https://gridwise.example/profile.json"
    assert rec.url == "https://exams.gridwise.example/spreadsheet-analyst"
    assert [(s.uri, s.label) for s in rec.skills] == [
        (ESCO + "1973c966-f236-40c9-b2d4-5d71a89019be", "use spreadsheets software"),
        (None, "Pivot tables"),
    ]


def test_ob3_errors() -> None:
    doc = load("ob3_credential.json")
    del doc["credentialSubject"]["achievement"]
    with pytest.raises(ParseError) as err:
        parse_credential(doc)
    assert err.value.path == "credentialSubject.achievement"

    doc = load("ob3_credential.json")
    doc["credentialSubject"]["achievement"]["creditsAvailable"] = "many"
    with pytest.raises(ParseError) as err:
        parse_credential(doc)
    assert err.value.path == "credentialSubject.achievement.creditsAvailable"

    endorsement = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "credentialSubject": {"endorsementComment": "fine"},
    }
    with pytest.raises(ParseError) as err:
        parse_credential(endorsement, "ob3")
    assert err.value.path == "type" and "EndorsementCredential" in err.value.message


# -- CTDL --------------------------------------------------------------------------------------


def test_ctdl_certification() -> None:
    doc = load("ctdl_certification.json")
    rec = one(doc)
    assert rec.source_format == "ctdl" and rec.kind == "certification"
    assert rec.external_id == doc["@id"]
    assert rec.title == "Certified Cybersecurity Analyst"  # English picked from the language map
    assert rec.language == "fr"
    assert rec.issuer.name == "Lumen Securite"
    assert rec.url == "https://lumen-securite.example/certifications/cca"
    assert rec.hours == 120.0  # midpoint of P2W (80 h) and P4W (160 h)
    assert (rec.cost, rec.currency) == (600.0, "EUR")  # 450 EUR + 150 "Euro"
    assert rec.validity_months == 36  # renewalFrequency P3Y
    assert rec.level == "advanced" and rec.delivery_mode == "in_person"
    assert "Keywords: SOC; incident handling" in rec.description
    skills = by_label(rec)
    assert skills["cyber security"].uri == ESCO + "8088750d-8388-4170-a76f-48354c469c44"
    assert skills["Incident response"].uri is None
    assert skills["Incident response"].evidence[0].text.startswith("Incident response: Contain")
    assert_spans_point_into_description(rec)
    prereqs = {(p.kind, p.ref, p.required) for p in rec.prerequisites}
    assert prereqs == {
        (
            "credential",
            "https://sandbox.credentialengineregistry.org/resources/"
            "ce-11111111-2222-4333-8444-555555555555",
            True,
        ),
        ("skill", "Networking fundamentals", True),
        (
            "credential",
            "https://sandbox.credentialengineregistry.org/resources/"
            "ce-99999999-8888-4777-8666-555555555555",
            False,
        ),
    }
    assert "TCP/IP" not in rec.description  # a prerequisite is not taught: not linking text
    linux = next(p for p in rec.prerequisites if not p.required)
    assert linux.label == "Linux Command Line Essentials"
    assert rec.is_part_of == [
        "https://sandbox.credentialengineregistry.org/resources/ce-abcdefab-cdef-4abc-8def-abcdefabcdef"
    ]


def test_ctdl_graph_resolves_blank_nodes_and_competencies() -> None:
    doc = load("ctdl_graph.json")
    records = parse_credential(doc)
    assert [r.title for r in records] == [
        "Machine Learning Foundations",
        "Statistics for Machine Learning",
    ]
    micro, course = records
    assert micro.kind == "nano_degree" and course.kind == "course"
    assert micro.issuer.name == course.issuer.name == "Open Data Skills Lab"
    assert micro.issuer.url == "https://opendataskills.example"
    # ESCO IRI kept, graph competency named, the IRI outside the graph skipped
    assert [(s.uri, s.label) for s in micro.skills] == [
        (ESCO + "3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43", None),
        (None, "Evaluate a classifier with cross-validation"),
    ]
    assert micro.has_part == [course.external_id]
    assert course.is_part_of == [micro.external_id]
    assert course.hours == 60.0  # P1W2DT4H = 40 + 16 + 4
    assert course.skills[0].uri == ESCO + "7ee4c2ea-b349-4bd2-81a3-ec31475d4833"
    assert all(r.original is doc for r in records)


def test_ctdl_errors_have_field_paths() -> None:
    doc = load("ctdl_certification.json")
    doc["ceterms:estimatedDuration"][1]["ceterms:maximumDuration"] = "four weeks"
    with pytest.raises(ParseError) as err:
        parse_credential(doc)
    assert err.value.path == "ceterms:estimatedDuration[1].ceterms:maximumDuration"
    assert "ISO 8601" in err.value.message

    doc = load("ctdl_graph.json")
    del doc["@graph"][1]["ceterms:name"]
    with pytest.raises(ParseError) as err:
        parse_credential(doc)
    assert err.value.path == "@graph[1].ceterms:name"

    doc = load("ctdl_graph.json")
    doc["@graph"] = doc["@graph"][2:]  # only a competency and an organisation
    with pytest.raises(ParseError) as err:
        parse_credential(doc)
    assert err.value.path == "@graph" and "ceasn:Competency" in err.value.message


@pytest.mark.parametrize(
    ("value", "hours"),
    [
        ("PT40H", 40.0),
        ("P2W", 80.0),
        ("P3M", 480.0),
        ("P5D", 40.0),
        ("P1Y", 1600.0),
        ("PT90M", 1.5),
        ("P1DT2H", 10.0),
        ("P0.5M", 80.0),
    ],
)
def test_duration_hours(value: str, hours: float) -> None:
    assert duration_hours(value) == hours


def test_duration_months_and_bad_durations() -> None:
    assert duration_months("P3Y") == 36
    assert duration_months("P18M") == 18
    for bad in ("P", "PT", "3M", "P1H", "P1M2Y"):
        with pytest.raises(ParseError):
            duration_hours(bad, "x")


# -- schema.org JobPosting ---------------------------------------------------------------------


def test_schema_org_jobposting() -> None:
    doc = load("schema_org_jobposting.json")
    [rec] = parse_posting(doc)
    assert rec.source_format == "schema_org"
    assert rec.external_id == "Kestrel Logistics:KL-2025-0193"
    assert rec.title == "Junior Data Analyst (m/f/d)"
    assert rec.description.startswith("Join our analytics team & turn data into decisions.")
    assert "- Build dashboards\n- Write SQL queries" in rec.description
    assert "<" not in rec.description and "track()" not in rec.description
    assert "Qualifications: Degree in statistics" in rec.description
    assert "Responsibilities: Maintain weekly KPI reports." in rec.description
    assert rec.employer == "Kestrel Logistics GmbH"
    assert rec.location == "Hamburg, HH, DE"
    assert rec.remote is True
    assert str(rec.date_posted) == "2025-05-20"
    assert rec.occupation_uri == (
        "http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2"
    )
    assert [(s.uri, s.label) for s in rec.skills] == [
        (ESCO + "598de5b0-5b58-4ea7-8058-a4bc4d18c742", "SQL"),
        (ESCO + "97bd1c21-66b2-4b7e-ad0f-e3cda590e378", "data analytics"),
        (None, "Power BI"),
        (None, "stakeholder communication"),
    ]
    assert rec.original is doc


def test_schema_org_graph_posting() -> None:
    doc = load("schema_org_graph.json")
    [rec] = parse_posting(doc)
    assert rec.external_id == "https://jobs.brightpath.example/openings/4411"  # url fallback
    assert rec.employer == "BrightPath Health"
    assert rec.location == "Lyon, FR; Remote within the EU"
    assert rec.remote is None  # an address alone does not rule out remote work (not stated)
    assert rec.occupation_uri is None and rec.occupation_label == "Software Developers"
    assert [s.label for s in rec.skills] == ["Python", "PostgreSQL", "Docker", "REST APIs"]
    assert "Experience: 24 months of experience" in rec.description


def test_schema_org_errors_and_wrong_kind() -> None:
    doc = load("schema_org_jobposting.json")
    doc["datePosted"] = "last Tuesday"
    with pytest.raises(ParseError) as err:
        parse_posting(doc)
    assert err.value.path == "datePosted"

    doc = load("schema_org_jobposting.json")
    del doc["title"]
    with pytest.raises(ParseError) as err:
        parse_posting(doc)
    assert err.value.path == "title"

    with pytest.raises(ParseError) as err:
        parse_credential(load("schema_org_jobposting.json"))
    assert "job postings, not credentials" in err.value.message
    with pytest.raises(ParseError) as err:
        parse_posting(load("ob2_badgeclass.json"))
    assert "credentials, not job postings" in err.value.message


def test_html_to_text() -> None:
    assert html_to_text("<p>A&nbsp;&amp;&nbsp;B</p><p>C<br>D</p>") == "A & B\n\nC\nD"
    assert html_to_text("plain   text") == "plain text"


# -- native JSON / JSONL -----------------------------------------------------------------------


def test_native_json_and_list() -> None:
    doc = {
        "external_id": "n-1",
        "title": "Agile Team Practices",
        "kind": "course",
        "hours": 12,
        "skills": [{"uri": ESCO + "a5b0cd5c-e13a-4ab3-8d93-4d242adcfb01"}, {"label": "Scrum"}],
    }
    rec = one(doc)
    assert rec.source_format == "native" and rec.original is doc
    assert rec.hours == 12.0 and [s.label for s in rec.skills] == [None, "Scrum"]
    no_id = one({"title": "Spreadsheet Skills"})
    assert no_id.external_id.startswith("sha256:")
    assert len(parse_credential([doc, {"title": "Other"}])) == 2

    with pytest.raises(ParseError) as err:
        parse_credential([doc, {"external_id": "n-2"}])
    assert err.value.path == "[1].title"


@pytest.mark.parametrize(
    ("patch", "path"),
    [
        ({"skills": [{"label": "ok"}, {"weight": 0.4}]}, "skills[1]"),
        ({"hours": -1}, "hours"),
        ({"kind": "degree"}, "kind"),
        ({"colour": "red"}, "colour"),
        ({"prerequisites": [{"kind": "credential", "ref": ""}]}, "prerequisites[0].ref"),
    ],
)
def test_native_validation_errors_name_the_field(patch: dict, path: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_credential({"external_id": "x", "title": "T", **patch})
    assert err.value.path == path


def test_native_round_trip_keeps_source_and_original() -> None:
    rec = one(load("ob2_badgeclass.json"))
    again = one(rec.model_dump(mode="json"), "native")
    assert again == rec


def test_native_posting() -> None:
    [rec] = parse_posting({"external_id": "j-1", "title": "Welder", "date_posted": "2025-01-02"})
    assert rec.source_format == "native" and str(rec.date_posted) == "2025-01-02"


def test_iter_jsonl_reports_each_line() -> None:
    items = iter_jsonl((FIXTURES / "credentials.jsonl").read_text(encoding="utf-8"))
    assert [n for n, _ in items] == [1, 3, 4, 5, 6]  # line 2 is blank
    assert items[0][1]["external_id"] == "n-1"
    assert isinstance(items[2][1], ParseError) and "invalid JSON" in items[2][1].message
    assert isinstance(items[3][1], ParseError) and "expected an object" in items[3][1].message
    results = []
    for _n, doc in items:
        if isinstance(doc, dict):
            try:
                results.append(parse_credential(doc)[0].title)
            except ParseError as exc:
                results.append(exc.path)
    assert results == ["Agile Team Practices", "Spreadsheet Skills", "skills[1]"]


# -- CSV ---------------------------------------------------------------------------------------


def test_csv_credentials() -> None:
    rows = parse_csv((FIXTURES / "credentials.csv").read_text(encoding="utf-8"), "credentials")
    assert [n for n, _ in rows] == [2, 4, 5, 6, 7]  # row 1 spans lines 2-3
    py, ds, bad, track, no_id = (r for _, r in rows)
    assert isinstance(bad, ParseError) and bad.path == "hours"
    assert isinstance(py, CredentialRecord) and py.source_format == "csv"
    assert py.external_id == "py-101" and py.kind == "course" and py.hours == 40.0
    assert py.description == "Variables, loops and functions.\nIncludes a small project."
    assert py.issuer.name == "Northbridge Academy" and py.currency == "EUR"
    assert (py.level, py.eqf_level, py.delivery_mode) == ("beginner", 4, "online")
    assert [(s.uri, s.label) for s in py.skills] == [
        (ESCO + "ccd0a1d9-afda-43d9-b901-96344886e14d", None),
        (None, "debugging"),
    ]
    assert py.is_part_of == ["ds-track"]
    assert py.original["title"] == "Python Basics"
    assert [(p.kind, p.ref) for p in ds.prerequisites] == [
        ("credential", "py-101"),
        ("skill", ESCO + "598de5b0-5b58-4ea7-8058-a4bc4d18c742"),
    ]
    assert (ds.cost, ds.validity_months) == (199.0, 24)
    assert track.kind == "stackable_program" and track.has_part == ["py-101", "ds-201"]
    assert no_id.external_id.startswith("sha256:")


def test_csv_postings() -> None:
    rows = parse_csv((FIXTURES / "postings.csv").read_text(encoding="utf-8"), "postings")
    p1, p2, p3 = (r for _, r in rows)
    assert isinstance(p2, ParseError) and p2.path == "remote"
    assert p1.remote is False and p3.remote is True
    assert [(s.label, s.relation) for s in p1.skills] == [
        (None, "essential"),
        ("statistics", "essential"),
        ("Python (computer programming)", "optional"),
    ]
    assert p1.occupation_uri.endswith("258e46f9-0075-4a2e-adae-1ff0477e0f30")


def test_csv_header_errors() -> None:
    with pytest.raises(ParseError) as err:
        parse_csv("external_id,title,skils\nx,T,a\n", "credentials")
    assert err.value.path == "header" and "skils" in err.value.message
    with pytest.raises(ParseError) as err:
        parse_csv("external_id,description\nx,T\n", "postings")
    assert "'title'" in err.value.message
    rows = parse_csv("title,hours\nA,1,extra\n", "credentials")
    assert isinstance(rows[0][1], ParseError) and "3 cells" in rows[0][1].message


# -- the real reference documents --------------------------------------------------------------

# file name -> (path, words in the message) for documents that hold no credential
OB_REJECTED = {
    "ob2_01_Assertion_Example.json": ("badge", "by IRI"),
    "ob2_03_Issuer_Profile_Example.json": ("type", "Issuer is not a credential"),
    "ob2_05_Signed_Badges_Example.json": ("$", "unknown document format"),
    "ob2_06_Signed_Badges_Example.json": ("badge", "by IRI"),
    "ob2_07_CryptographicKey_Example.json": ("type", "CryptographicKey is not a credential"),
    "ob2_08_RevocationList_Example.json": ("type", "RevocationList is not a credential"),
    "ob2_09_Revoked_Hosted_Assertion_Example.json": ("type", "no BadgeClass"),
    "ob2_10_Criteria_Example.json": ("type", "no BadgeClass"),
    "ob2_11_Criteria_Example.json": ("type", "no BadgeClass"),
    "ob2_12_Criteria_Example.json": ("type", "no BadgeClass"),
    "ob2_13_Evidence_Example.json": ("type", "no BadgeClass"),
    "ob2_14_Evidence_Example.json": ("type", "no BadgeClass"),
    "ob2_17_Image_Example.json": ("type", "no BadgeClass"),
    "ob2_18_Image_Example.json": ("type", "no BadgeClass"),
    "ob2_23_Endorsement_Examples.json": ("type", "Endorsement is not a credential"),
    "ob2_24_Endorsement_Examples.json": ("type", "Endorsement is not a credential"),
    "ob2_25_Endorsement_Examples.json": ("type", "Endorsement is not a credential"),
}
# file name -> title of BadgeClass / Achievement documents (fragments with a name included)
OB_PARSED = {
    "ob2_02_BadgeClass_Example.json": "Awesome Robotics Badge",
    "ob2_19_BadgeClass_Versioning.json": "Awesomer Robotics Badge",
    "ob2_20_Internationalization_Examples.json": "Awesome Robotics Badge",
    "ob2_21_Internationalization_Examples.json": "Awesome Robotics Badge",
    "ob3_00_achievementAlignmentCase_Achievement_alignment_CASE.json": "Text analysis",
    "ob3_01_achievementAlignmentCe_Achievement_alignment_Credential_Engine.json": "Text analysis",
    "ob3_02_basicOpenBadgeCredential_Sample_OpenBadgeCredential.json": "Teamwork",
    "ob3_03_fullOpenBadge_Complete_OpenBadgeCredential.json": "1EdTech University Degree",
    "ob3_04_skillAssertionCase_Skill_Assertion_CASE.json": "Robot Programming",
    "ob3_05_skillAssertionCtdl_Skill_Assertion_Credential_Registry.json": (
        "Linear equations and inequalities"
    ),
}
CTDL_PARSED = {
    "Credential/1/Credential-1.json": ["Bachelor of Science in Cybersecurity"],
    "Credential/1/Credential-1-graph.json": ["Bachelor of Science in Cybersecurity"],
    "LearningProgram/1/Course-1a.json": ["Personal Growth Mastery"],
    "LearningProgram/1/Course-1b.json": ["Digital Skills Revolution"],
    "LearningProgram/1/Course-1c.json": ["Leadership and Innovation Excellence"],
    "LearningProgram/1/LearningProgram-1.json": ["Lifelong Learning Accelerator"],
    "LearningProgram/1/LearningProgram-1-graph.json": [
        "Lifelong Learning Accelerator",
        "Personal Growth Mastery",
        "Digital Skills Revolution",
        "Leadership and Innovation Excellence",
    ],
    "LearningProgram/2/LearningProgram-2.json": ["Cybersecurity Program"],
}
CTDL_REJECTED = {"Organization/1/Organization-1.json": ("@type", "ceterms:Organization")}


@pytest.fixture(scope="module")
def ref() -> Path:
    if not (REFERENCE / "openbadges" / "json").is_dir() or not (REFERENCE / "ctdl").is_dir():
        pytest.skip(f"reference documents absent: {REFERENCE} (set SKILLMATCH_SHARED)")
    return REFERENCE


def ref_doc(ref: Path, rel: str) -> dict:
    return json.loads((ref / rel).read_text(encoding="utf-8"))


def test_every_reference_document_is_classified(ref: Path) -> None:
    ob = {p.name for p in (ref / "openbadges" / "json").glob("*.json")}
    assert ob == set(OB_REJECTED) | set(OB_PARSED)
    ctdl = {p.relative_to(ref / "ctdl").as_posix() for p in (ref / "ctdl").rglob("*.json")}
    assert ctdl == set(CTDL_PARSED) | set(CTDL_REJECTED)


@pytest.mark.parametrize("name", sorted(OB_PARSED))
def test_reference_badges_parse(ref: Path, name: str) -> None:
    doc = ref_doc(ref, f"openbadges/json/{name}")
    rec = one(doc)
    assert rec.title == OB_PARSED[name]
    assert rec.source_format == ("ob2" if name.startswith("ob2") else "ob3")
    assert rec.original is doc and rec.external_id
    assert_spans_point_into_description(rec)


@pytest.mark.parametrize("name", sorted(OB_REJECTED))
def test_reference_non_credentials_are_rejected(ref: Path, name: str) -> None:
    path, words = OB_REJECTED[name]
    with pytest.raises(ParseError) as err:
        parse_credential(ref_doc(ref, f"openbadges/json/{name}"))
    assert err.value.path == path and words in err.value.message


def test_reference_ob2_badgeclass_values(ref: Path) -> None:
    rec = one(ref_doc(ref, "openbadges/json/ob2_02_BadgeClass_Example.json"))
    assert rec.external_id == "https://example.org/robotics-badge.json"
    assert rec.url == "https://example.org/robotics-badge.html"
    assert rec.issuer.url == "https://example.org/organization.json"
    assert [s.label for s in rec.skills] == ["CCSS.ELA-Literacy.RST.11-12.3", "Problem-Solving"]
    assert all(s.uri is None for s in rec.skills)
    problem = rec.skills[1].evidence[0].text
    assert problem.startswith("Problem-Solving: Using research, analysis, rapid prototyping")
    assert "Tags: robots, awesome" in rec.description


def test_reference_ob3_values(ref: Path) -> None:
    base = "openbadges/json/"
    full = one(ref_doc(ref, base + "ob3_03_fullOpenBadge_Complete_OpenBadgeCredential.json"))
    assert full.kind == "certificate"  # achievementType Degree
    assert full.hours == 1080.0  # creditsAvailable 36 x 30 h
    assert full.issuer.name == "1EdTech University" and full.issuer.url == "https://1edtech.edu"
    assert [s.label for s in full.skills] == ["1EdTech University Degree", "Final Project"]
    assert "Specialization: Computer Science Research" in full.description
    assert "Tags: research, computer science" in full.description

    case_name = "ob3_00_achievementAlignmentCase_Achievement_alignment_CASE.json"
    case = one(ref_doc(ref, base + case_name))
    assert case.external_id == "https://1edtech.edu/achievements/1"
    assert case.issuer.name == "Example University"  # no creator: the credential's issuer
    assert case.skills[0].label.startswith("Cite strong and thorough textual evidence")
    # an alignment to another credential (targetType ceterms:Credential) is not a skill
    ce = "ob3_01_achievementAlignmentCe_Achievement_alignment_Credential_Engine.json"
    assert one(ref_doc(ref, base + ce)).skills == []

    robot = one(ref_doc(ref, base + "ob3_04_skillAssertionCase_Skill_Assertion_CASE.json"))
    assert robot.kind == "badge"  # achievementType Competency
    assert robot.issuer.name == "Example Industry Group"  # the achievement's creator
    assert robot.skills[0].label == "Robot Programming"
    assert robot.skills[0].evidence[0].text.startswith("Robot Programming: Robot software is")


@pytest.mark.parametrize("rel", sorted(CTDL_PARSED))
def test_reference_ctdl_parses(ref: Path, rel: str) -> None:
    doc = ref_doc(ref, f"ctdl/{rel}")
    records = parse_credential(doc)
    assert [r.title for r in records] == CTDL_PARSED[rel]
    assert all(r.source_format == "ctdl" and r.original is doc for r in records)


def test_reference_ctdl_rejected(ref: Path) -> None:
    for rel, (path, words) in CTDL_REJECTED.items():
        with pytest.raises(ParseError) as err:
            parse_credential(ref_doc(ref, f"ctdl/{rel}"))
        assert err.value.path == path and words in err.value.message


def test_reference_ctdl_values(ref: Path) -> None:
    degree = one(ref_doc(ref, "ctdl/Credential/1/Credential-1.json"))
    assert degree.kind == "certificate" and degree.eqf_level == 6
    assert degree.external_id == CE + "Credential/1/Credential-1.json"
    assert degree.issuer.url == CE + "Organization/1/Organization-1.json"
    assert [(p.kind, p.ref, p.required) for p in degree.prerequisites] == [
        ("credential", CE + "LearningProgram/2/LearningProgram-2.json", True)
    ]

    course = one(ref_doc(ref, "ctdl/LearningProgram/1/Course-1a.json"))
    assert course.kind == "course"
    assert (course.cost, course.currency) == (995.0, "USD")  # "US Dollar"
    assert (course.level, course.delivery_mode, course.language) == ("beginner", "online", "en")
    assert course.url == "https://example.com/#personal-growth-mastery"
    assert course.prerequisites == []  # a free-text condition only

    program = one(ref_doc(ref, "ctdl/LearningProgram/1/LearningProgram-1.json"))
    assert program.kind == "stackable_program"
    assert program.hours == 292.5  # P9M part-time: 5-10 h a week x 39 weeks, not 1,440 h
    assert (program.cost, program.currency) == (4485.0, "USD")
    assert program.delivery_mode == "blended"
    assert program.has_part == [CE + f"LearningProgram/1/Course-1{x}.json" for x in ("a", "b", "c")]

    lp2 = one(ref_doc(ref, "ctdl/LearningProgram/2/LearningProgram-2.json"))
    assert lp2.hours is None  # a DurationProfile with only a description
    assert lp2.cost == 25000.0

    graph = parse_credential(ref_doc(ref, "ctdl/LearningProgram/1/LearningProgram-1-graph.json"))
    course_c = graph[3]
    assert [(p.ref, p.label) for p in course_c.prerequisites] == [
        (CE + "LearningProgram/1/Course-1a.json", "Personal Growth Mastery"),
        (CE + "LearningProgram/1/Course-1b.json", "Digital Skills Revolution"),
    ]
    # the graph bundle's QA organisation is not a credential
    assert len(parse_credential(ref_doc(ref, "ctdl/Credential/1/Credential-1-graph.json"))) == 1
