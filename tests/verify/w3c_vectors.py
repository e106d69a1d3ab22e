"""Published W3C test vectors for the JCS cryptosuites (no JSON-LD contexts needed to check them).

Sources (values written out from the published files; nothing is fetched):
- w3c/vc-di-eddsa, TestVectors/keyPair.json (the key pair, public half only here) and
  TestVectors/eddsa-jcs-2022/signedJCS.json. The current revision, as published in
  "Data Integrity EdDSA Cryptosuites v1.0" (eddsa-jcs-2022 representation), has a did:key
  verification method; the same repository's proofCanonJCS.txt / proofHashJCS.txt /
  combinedHashJCS.txt of that revision give the canonical proof options and the hashes below.
  Two earlier revisions of signedJCS.json (commits 4ced3573 and 369f0f00), whose verification
  method is an https: URL of the issuer, are included as well.
- w3c/vc-di-ecdsa, TestVectors/ecdsa-jcs-2019-p256/signedJCSECDSAP256.json and
  TestVectors/ecdsa-jcs-2019-p384/signedJCSECDSAP384.json (commit 36e81595).

Copyright (c) World Wide Web Consortium. Used under the W3C Software and Document License
(https://www.w3.org/copyright/software-license-2023/).
"""

from __future__ import annotations

import copy
from typing import Any

ISSUER = "https://vc.example/issuers/5678"
CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"]

# keyPair.json: publicKeyMultibase; JWK x = the 32 key bytes after the 0xed01 multicodec prefix.
ED25519_MULTIKEY = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
ED25519_X = "sA2Nk45_dz1RVlqtNqYj9TRPf10ZYPnPPo4SYg6igQ8"
ED25519_DID_KEY_VM = f"did:key:{ED25519_MULTIKEY}#{ED25519_MULTIKEY}"
ED25519_HTTPS_VM = f"{ISSUER}#{ED25519_MULTIKEY}"

# proofHashJCS.txt and combinedHashJCS.txt (second half = SHA-256 of the canonical document).
PROOF_HASH_HEX = "66ab154f5c2890a140cb8388a22a160454f80575f6eae09e5a097cabe539a1db"
DOCUMENT_HASH_HEX = "59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19"

P256_MULTIKEY = "zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP"
P384_MULTIKEY = "z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ"


def _alumni_credential() -> dict[str, Any]:
    return {
        "@context": list(CONTEXT),
        "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
        "type": ["VerifiableCredential", "AlumniCredential"],
        "name": "Alumni Credential",
        "description": "A minimum viable example of an Alumni Credential.",
        "issuer": ISSUER,
        "validFrom": "2023-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"},
    }


def _signed(
    cryptosuite: str, method: str, proof_value: str, *, proof_context: bool
) -> dict[str, Any]:
    proof: dict[str, Any] = {
        "type": "DataIntegrityProof",
        "cryptosuite": cryptosuite,
        "created": "2023-02-24T23:36:38Z",
        "verificationMethod": method,
        "proofPurpose": "assertionMethod",
    }
    if proof_context:
        proof["@context"] = list(CONTEXT)
    proof["proofValue"] = proof_value
    return {**_alumni_credential(), "proof": proof}


def eddsa_jcs_2022() -> dict[str, Any]:
    """signedJCS.json, current revision: did:key verification method, https: issuer."""
    return _signed(
        "eddsa-jcs-2022",
        ED25519_DID_KEY_VM,
        "z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX",
        proof_context=True,
    )


def eddsa_jcs_2022_https_method() -> list[dict[str, Any]]:
    """The two earlier revisions: the issuer's own https: verification method (4ced3573 without
    an @context in the proof, 369f0f00 with one)."""
    return [
        _signed(
            "eddsa-jcs-2022",
            ED25519_HTTPS_VM,
            "z3P6rHMUaWG6e3Ac6xYFht8aEvoVXndgKTtEY8kzWYXzk8dKmAo2GJeZiJw4qoZ2PGp4ugdaHx3oQiLpeFBLDqP2M",
            proof_context=False,
        ),
        _signed(
            "eddsa-jcs-2022",
            ED25519_HTTPS_VM,
            "z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4",
            proof_context=True,
        ),
    ]


def ecdsa_jcs_2019() -> dict[str, tuple[dict[str, Any], str]]:
    """signedJCSECDSAP256.json and signedJCSECDSAP384.json, each with its public Multikey."""
    p256 = _signed(
        "ecdsa-jcs-2019",
        f"did:key:{P256_MULTIKEY}#{P256_MULTIKEY}",
        "zq6PrUMCtqY5obCSsrQxuFJdGffCDxvFuopdZiBPUBRTFEs1VVsBZi8YiEwVWgHYrXxoV93gBHqGDBtQLPFxpZxz",
        proof_context=False,
    )
    p384 = _signed(
        "ecdsa-jcs-2019",
        f"did:key:{P384_MULTIKEY}#{P384_MULTIKEY}",
        "zR3krc7pt9Dpn1PY2u8HWPePggtzAG2SuH2ZGNrzw8Ku3QrFLWgDTjS5mCWy65ShixJEtpMwfviAFfh5xTgd5FGN1"
        "sSbpPJ5djqSZQLqQkY8KLBPNswuqKtq3bS8f9vEHm8w",
        proof_context=False,
    )
    return {"P-256": (p256, P256_MULTIKEY), "P-384": (p384, P384_MULTIKEY)}


def tampered(signed: dict[str, Any]) -> dict[str, Any]:
    """A copy with one claim changed after signing."""
    doc = copy.deepcopy(signed)
    doc["credentialSubject"]["alumniOf"] = "The School of Forgeries"
    return doc
