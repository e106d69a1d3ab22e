"""Embedded Data Integrity proofs: eddsa-/ecdsa- jcs suites (no contexts needed) and the rdfc
suites over JSON-LD, with a small context written for these tests (and, when a copy is available
locally, the real VC 2.0 + OB 3.0 contexts)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from service.verify import ContextStore, verify_badge
from tests.verify.badges import ISSUER, NOW, OB3_CONTEXT, VC_V2, ob3_credential
from tests.verify.signing import add_proof, did_key, did_key_url, multikey, rdfc_with

pytest.importorskip("pyld", reason="PyLD is needed for the rdfc cryptosuites")

TEST_CONTEXT = "https://contexts.skillmatch.test/badge/v1"
_VOCAB = "https://vocab.skillmatch.test/badge#"
_SEC = "https://w3id.org/security#"


def _term(name: str, kind: str | None = None) -> dict:
    return {"@id": _VOCAB + name, **({"@type": kind} if kind else {})}


# A minimal JSON-LD context of our own: enough terms for `ob3_credential` and a proof.
TEST_CONTEXT_DOC = {
    "@context": {
        "@protected": True,
        "id": "@id",
        "type": "@type",
        "VerifiableCredential": _VOCAB + "VerifiableCredential",
        "OpenBadgeCredential": _VOCAB + "OpenBadgeCredential",
        "AchievementSubject": _VOCAB + "AchievementSubject",
        "Achievement": _VOCAB + "Achievement",
        "Profile": _VOCAB + "Profile",
        "name": _term("name"),
        "narrative": _term("narrative"),
        "criteria": _term("criteria"),
        "issuer": _term("issuer", "@id"),
        "credentialSubject": _term("credentialSubject", "@id"),
        "achievement": _term("achievement", "@id"),
        "validFrom": _term("validFrom", "http://www.w3.org/2001/XMLSchema#dateTime"),
        "validUntil": _term("validUntil", "http://www.w3.org/2001/XMLSchema#dateTime"),
        "proof": {"@id": _SEC + "proof", "@type": "@id", "@container": "@graph"},
        "DataIntegrityProof": {
            "@id": _SEC + "DataIntegrityProof",
            "@context": {
                "@protected": True,
                "id": "@id",
                "type": "@type",
                "cryptosuite": _SEC + "cryptosuite",
                "created": {
                    "@id": "http://purl.org/dc/terms/created",
                    "@type": "http://www.w3.org/2001/XMLSchema#dateTime",
                },
                "proofPurpose": {"@id": _SEC + "proofPurpose", "@type": "@vocab"},
                "assertionMethod": {"@id": _SEC + "assertionMethod", "@type": "@id"},
                "proofValue": {"@id": _SEC + "proofValue", "@type": _SEC + "multibase"},
                "verificationMethod": {"@id": _SEC + "verificationMethod", "@type": "@id"},
            },
        },
    }
}
CONTEXTS = {TEST_CONTEXT: TEST_CONTEXT_DOC}


def signed(
    private, cryptosuite: str, *, issuer: str | None = None, method: str | None = None, **kw
):
    """A credential with an embedded proof; issuer and verification method default to did:key."""
    rdfc = "rdfc" in cryptosuite
    credential = ob3_credential(
        issuer=issuer or did_key(private), context=[TEST_CONTEXT] if rdfc else None, **kw
    )
    canonical = {"canonical": rdfc_with(CONTEXTS)} if rdfc else {}
    return add_proof(
        credential,
        private,
        cryptosuite=cryptosuite,
        verification_method=method or did_key_url(private),
        **canonical,
    )


SUITES = [
    ("eddsa-jcs-2022", "ed_key"),
    ("ecdsa-jcs-2019", "p256_key"),
    ("eddsa-rdfc-2022", "ed_key"),
    ("ecdsa-rdfc-2019", "p256_key"),
]


@pytest.fixture(params=SUITES, ids=[s for s, _ in SUITES])
def suite(request):
    cryptosuite, key_fixture = request.param
    return cryptosuite, request.getfixturevalue(key_fixture)


def test_valid_proof(suite):
    cryptosuite, key = suite
    credential = signed(key, cryptosuite)
    result = verify_badge(credential, now=NOW, contexts=CONTEXTS)
    assert (result.status, result.reason) == ("verified", "ok"), result.message
    assert result.format == "ob3-data-integrity"
    assert result.key_source == "did:key"
    assert result.document == credential


def test_tampered_document(suite):
    cryptosuite, key = suite
    credential = signed(key, cryptosuite)
    credential["credentialSubject"]["achievement"]["name"] = "Quantum computing"
    result = verify_badge(credential, now=NOW, contexts=CONTEXTS)
    assert (result.status, result.reason) == ("failed", "bad_signature")


def test_tampered_proof_options(suite):
    cryptosuite, key = suite
    credential = signed(key, cryptosuite)
    credential["proof"]["created"] = "2020-01-01T00:00:00Z"
    assert verify_badge(credential, now=NOW, contexts=CONTEXTS).reason == "bad_signature"


def test_key_order_does_not_matter(suite):
    cryptosuite, key = suite
    credential = signed(key, cryptosuite)
    shuffled = json.loads(json.dumps(credential, sort_keys=True))
    assert verify_badge(shuffled, now=NOW, contexts=CONTEXTS).status == "verified"


def test_did_key_of_an_https_issuer_is_unbound_unless_pinned(suite):
    """Signed by a did:key the https: issuer may well control: nothing offline shows it does
    (unverified), unless the caller pinned that key for the issuer (verified)."""
    cryptosuite, key = suite
    credential = signed(key, cryptosuite, issuer=ISSUER)
    result = verify_badge(credential, now=NOW, contexts=CONTEXTS)
    assert (result.status, result.reason) == ("unverified", "unbound_key"), result.message
    pin = {"controller": ISSUER, "publicKeyMultibase": multikey(key)}
    result = verify_badge(credential, now=NOW, contexts=CONTEXTS, keys=[pin])
    assert (result.status, result.reason) == ("verified", "ok"), result.message


def test_did_key_of_someone_else_than_the_did_key_issuer(suite, other_ed_key):
    cryptosuite, key = suite
    credential = signed(key, cryptosuite, issuer=did_key(other_ed_key))
    result = verify_badge(credential, now=NOW, contexts=CONTEXTS)
    assert (result.status, result.reason) == ("failed", "issuer_mismatch")


def test_valid_proof_of_an_expired_credential(suite):
    cryptosuite, key = suite
    credential = signed(key, cryptosuite, valid_until="2025-01-01T00:00:00Z")
    result = verify_badge(credential, now=NOW, contexts=CONTEXTS)
    assert (result.status, result.reason) == ("failed", "expired")


def test_supplied_multikey_verification_method(ed_key):
    method = "https://badges.example.org/issuers/42#key-1"
    credential = signed(ed_key, "eddsa-jcs-2022", issuer=ISSUER, method=method)
    unknown = verify_badge(credential, now=NOW)
    assert (unknown.status, unknown.reason) == ("unverified", "unknown_key")
    key = {
        "id": method,
        "type": "Multikey",
        "controller": ISSUER,
        "publicKeyMultibase": multikey(ed_key),
    }
    result = verify_badge(credential, now=NOW, keys=[key])
    assert (result.status, result.key_source) == ("verified", "supplied"), result.message
    del key["controller"]  # now the caller trusts the key but says for whom nowhere
    result = verify_badge(credential, now=NOW, keys=[key])
    assert (result.status, result.reason) == ("unverified", "unbound_key"), result.message


def test_unsupported_cryptosuite(ed_key):
    credential = signed(ed_key, "eddsa-jcs-2022")
    credential["proof"]["cryptosuite"] = "eddsa-rdf-2022"
    result = verify_badge(credential, now=NOW)
    assert (result.status, result.reason) == ("unverified", "unsupported_proof")


def test_undecodable_proof_value(ed_key):
    credential = signed(ed_key, "eddsa-jcs-2022")
    credential["proof"]["proofValue"] = "not multibase!"
    assert verify_badge(credential, now=NOW).reason == "malformed"


def test_rdfc_without_its_context_is_unverified(ed_key):
    credential = signed(ed_key, "eddsa-rdfc-2022")
    result = verify_badge(credential, now=NOW)
    assert (result.status, result.reason) == ("unverified", "unsupported_proof")
    assert TEST_CONTEXT in result.message


def test_rdfc_refuses_terms_no_context_defines(ed_key):
    """An undefined term vanishes from RDFC, so it could be added without breaking the proof;
    such a document must not pass."""
    credential = signed(ed_key, "eddsa-rdfc-2022")
    credential["credentialSubject"]["skillLevel"] = "expert"
    result = verify_badge(credential, now=NOW, contexts=CONTEXTS)
    assert (result.status, result.reason) == ("failed", "malformed")
    assert "skillLevel" in result.message


def test_contexts_from_a_directory(ed_key, tmp_path):
    (tmp_path / "badge-v1.json").write_text(json.dumps(TEST_CONTEXT_DOC))
    (tmp_path / "index.json").write_text(json.dumps({TEST_CONTEXT: "badge-v1.json"}))
    credential = signed(ed_key, "eddsa-rdfc-2022")
    assert verify_badge(credential, now=NOW, contexts=tmp_path).status == "verified"
    store = ContextStore.from_directory(tmp_path)
    assert verify_badge(credential, now=NOW, contexts=store).status == "verified"


# --- the real OB 3.0 contexts ----------------------------------------------------------------


def _real_contexts(shared_dir: Path) -> dict:
    """VC 2.0 and OB 3.0 contexts from $SKILLMATCH_JSONLD_CONTEXTS (a directory with an
    index.json), the OB 3.0 one also from the shared reference copy; skip when either is absent."""
    found: dict = {}
    directory = os.environ.get("SKILLMATCH_JSONLD_CONTEXTS")
    if directory and (Path(directory) / "index.json").exists():
        store = ContextStore.from_directory(directory)
        found = {url: store.get(url) for url in (VC_V2, OB3_CONTEXT) if url in store}
    reference = shared_dir / "reference/openbadges/ob_v3p0/context-3.0.3.json"
    if OB3_CONTEXT not in found and reference.exists():
        found[OB3_CONTEXT] = json.loads(reference.read_text())
    missing = [url for url in (VC_V2, OB3_CONTEXT) if url not in found]
    if missing:
        pytest.skip(
            f"JSON-LD contexts not available offline: {missing} "
            "(set SKILLMATCH_JSONLD_CONTEXTS to a directory with an index.json)"
        )
    return found


def test_eddsa_rdfc_with_the_real_ob3_contexts(ed_key, shared_dir):
    contexts = _real_contexts(shared_dir)
    credential = add_proof(
        ob3_credential(issuer=did_key(ed_key)),
        ed_key,
        cryptosuite="eddsa-rdfc-2022",
        verification_method=did_key_url(ed_key),
        canonical=rdfc_with(contexts),
    )
    assert verify_badge(credential, now=NOW, contexts=contexts).status == "verified"
    credential["credentialSubject"]["achievement"]["name"] = "Something else"
    assert verify_badge(credential, now=NOW, contexts=contexts).reason == "bad_signature"


def test_proof_set_with_one_checkable_proof(ed_key):
    credential = signed(ed_key, "eddsa-jcs-2022")
    foreign = {**credential["proof"], "cryptosuite": "bbs-2023", "proofValue": "zabc"}
    credential["proof"] = [foreign, credential["proof"]]
    assert verify_badge(credential, now=NOW).status == "verified"


def test_proof_set_with_one_bad_proof_fails(ed_key, other_ed_key):
    credential = signed(ed_key, "eddsa-jcs-2022")
    forged = signed(other_ed_key, "eddsa-jcs-2022")["proof"]
    credential["proof"] = [
        credential["proof"],
        {**forged, "verificationMethod": did_key_url(ed_key)},
    ]
    assert verify_badge(credential, now=NOW).reason == "bad_signature"
