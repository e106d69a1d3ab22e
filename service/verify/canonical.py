"""Canonical forms that Data Integrity proofs sign: JCS (RFC 8785) and RDFC-1.0 over JSON-LD.

RDFC needs every JSON-LD context a document names. Badges name them by URL and this module never
fetches, so the caller supplies them through a `ContextStore` (a directory with an index, or a
dict). A context that is not there makes the proof "cannot check", never "verified".

RDFC only signs what the contexts define: a property that no context maps to an IRI vanishes from
the canonical form and could be changed without breaking the signature. The Data Integrity spec
asks verifiers to refuse such documents ("safe mode"); PyLD has no such mode, so
`_undefined_terms` finds them by expanding once more with a sentinel vocabulary and base IRI.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from service.verify.result import JsonDict

INDEX_FILE = "index.json"
_SENTINEL_VOCAB = "urn:skillmatch:undefined-term#"
_SENTINEL_BASE = "https://relative-iri.skillmatch.invalid/"


class ContextUnavailable(Exception):
    """A JSON-LD context (or PyLD itself) is missing, so RDFC cannot be computed offline."""


class ContextStore:
    """JSON-LD context documents keyed by URL; the only place RDFC canonicalization reads from."""

    def __init__(self, documents: Mapping[str, JsonDict] | None = None) -> None:
        self._documents = dict(documents or {})

    @classmethod
    def from_directory(cls, directory: str | Path) -> ContextStore:
        """Load contexts from a directory whose `index.json` maps each context URL to a file
        name in that directory, e.g. {"https://www.w3.org/ns/credentials/v2": "vc-v2.json"}.

        An index (rather than names derived from URLs) because context URLs often end in bare
        version segments ("/v2") that would collide as file names.
        """
        root = Path(directory)
        index = json.loads((root / INDEX_FILE).read_text(encoding="utf-8"))
        if not isinstance(index, dict):
            raise ValueError(f"{root / INDEX_FILE} must map context URLs to file names")
        documents = {
            url: json.loads((root / name).read_text(encoding="utf-8"))
            for url, name in index.items()
        }
        return cls(documents)

    def get(self, url: str) -> JsonDict | None:
        return self._documents.get(url)

    def __contains__(self, url: object) -> bool:
        return url in self._documents

    def __len__(self) -> int:
        return len(self._documents)


def jcs(value: Any) -> bytes:
    """RFC 8785 JSON Canonicalization Scheme bytes of a JSON value."""
    import rfc8785

    try:
        return rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as exc:
        raise ValueError(f"cannot canonicalize as JCS: {exc}") from exc


def rdfc(document: JsonDict, store: ContextStore) -> str:
    """RDFC-1.0 canonical N-Quads of a JSON-LD document, contexts from `store` only.

    Raises ContextUnavailable when a context (or PyLD) is missing and ValueError when the
    document is not JSON-LD that can be signed safely (undefined terms, relative IRIs).
    """
    jsonld, resolver = _pyld(store)
    options = {
        "algorithm": "URDNA2015",  # the name PyLD uses for RDFC-1.0
        "format": "application/n-quads",
        "documentLoader": resolver.document_loader,
        "contextResolver": resolver,
    }
    nquads = _run(lambda: jsonld.normalize(document, options), store)
    problems = _undefined_terms(document, store)
    if problems:
        raise ValueError(f"JSON-LD terms not defined by any context: {', '.join(problems)}")
    return nquads


def _pyld(store: ContextStore) -> tuple[Any, Any]:
    """Import PyLD lazily (it pulls in lxml) and build a resolver with its own cache.

    PyLD's default resolver shares one process-wide cache of contexts by URL; a fresh cache per
    call keeps one caller's context set from leaking into another's verification.
    """
    try:
        from pyld import jsonld
        from pyld.context_resolver import ContextResolver
    except ImportError as exc:
        raise ContextUnavailable("PyLD is not installed, so RDFC cannot be computed") from exc

    def load(url: str, options: Any = None) -> JsonDict:
        document = store.get(url)
        if document is None:
            raise ContextUnavailable(f"JSON-LD context {url} is not available offline")
        return {"contextUrl": None, "documentUrl": url, "document": document}

    return jsonld, ContextResolver({}, load)


def _run(action: Any, store: ContextStore) -> Any:
    """Run a PyLD operation; turn its errors into ContextUnavailable or ValueError."""
    from pyld.jsonld import JsonLdError

    try:
        return action()
    except ContextUnavailable:
        raise
    except JsonLdError as exc:
        missing = _missing_context(exc)
        if missing is not None:
            raise missing from exc
        raise ValueError(f"not valid JSON-LD: {exc}") from exc


def _missing_context(exc: BaseException | None) -> ContextUnavailable | None:
    """PyLD wraps loader errors in JsonLdErrors several levels deep; find ours if it is there."""
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, ContextUnavailable):
            return exc
        cause = getattr(exc, "cause", None)
        exc = cause if isinstance(cause, BaseException) else exc.__cause__ or exc.__context__
        seen += 1
    return None


def _undefined_terms(document: JsonDict, store: ContextStore) -> list[str]:
    """Terms and IRIs that RDFC would silently drop, found by expanding with sentinels.

    A sentinel `@vocab` is put *before* the document's contexts, so a context that defines its
    own vocabulary (VC 2.0 maps unknown terms to issuer-dependent IRIs) overrides it and only
    truly undefined terms expand to the sentinel; a sentinel base IRI catches relative IRIs.
    """
    jsonld, resolver = _pyld(store)
    contexts = document.get("@context", [])
    probe = dict(document)
    probe["@context"] = [{"@vocab": _SENTINEL_VOCAB}, *_as_list(contexts)]
    options = {
        "format": "application/n-quads",
        "base": _SENTINEL_BASE,
        "documentLoader": resolver.document_loader,
        "contextResolver": resolver,
    }
    nquads = _run(lambda: jsonld.to_rdf(probe, options), store)
    found = set()
    for line in nquads.splitlines():
        for marker in (_SENTINEL_VOCAB, _SENTINEL_BASE):
            start = line.find(marker)
            if start >= 0:
                found.add(line[start + len(marker) :].split(">", 1)[0] or "(empty)")
    return sorted(found)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]
