"""A typed Python client of the skillmatch HTTP API, over httpx.

    from service.client import Client, ApiError

    with Client("http://127.0.0.1:8000", api_key="...") as api:
        hits = api.search_skills("PostgreSQL", limit=5)
        plan = api.recommendations(learner={"text": "..."}, target={"title": "data engineer"})

One method per endpoint; answers are the decoded JSON (CSV, JSON-LD exports and metrics as
the service sends them). A 4xx or 5xx answer raises ApiError carrying the problem details:
`status`, `code`, `field`, `detail` (and `title`, `type`, `errors`, `request_id`), read from an
RFC 9457 `application/problem+json` answer or from the service's earlier
`{"error": {"message", "field"}}` envelope alike. `items(page)` gives the items of a list answer
in either shape (a bare list, or `{"items": [...], ...}`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import httpx

JSON = dict[str, Any]
__all__ = ["JSON", "ApiError", "Client", "items"]


class ApiError(Exception):
    """An error answer of the API, with its problem details."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        code: str | None = None,
        field: str | None = None,
        title: str | None = None,
        type: str | None = None,
        errors: list[JSON] | None = None,
        request_id: str | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(f"{status}: {detail}" + (f" ({field})" if field else ""))
        self.status = status
        self.detail = detail
        self.code = code
        self.field = field
        self.title = title
        self.type = type
        self.errors = errors or []
        self.request_id = request_id
        self.body = body

    @classmethod
    def from_response(cls, response: httpx.Response) -> ApiError:
        try:
            body: Any = response.json()
        except ValueError:
            body = response.text
        rid = response.headers.get("x-request-id")
        if not isinstance(body, Mapping):
            return cls(response.status_code, str(body) or response.reason_phrase, request_id=rid)
        old = body.get("error") if isinstance(body.get("error"), Mapping) else {}
        errors = body.get("errors") if isinstance(body.get("errors"), list) else []
        first = errors[0] if errors and isinstance(errors[0], Mapping) else {}
        detail = body.get("detail") if isinstance(body.get("detail"), str) else None
        return cls(
            int(body.get("status") or response.status_code),
            old.get("message") or detail or body.get("title") or response.reason_phrase,
            code=body.get("code") or old.get("code"),
            field=body.get("field") or old.get("field") or first.get("field"),
            title=body.get("title"),
            type=body.get("type"),
            errors=[e for e in errors if isinstance(e, Mapping)],
            request_id=rid,
            body=body,
        )


def items(page: Any) -> list[Any]:
    """The items of a list answer: a bare list, or the `items` of `{items, next_cursor, ...}`."""
    if isinstance(page, list):
        return page
    if isinstance(page, Mapping) and isinstance(page.get("items"), list):
        return page["items"]
    raise TypeError(f"not a list answer: {type(page).__name__}")


def _params(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != []}


class Client:
    """The API at `base_url`. `api_key` is sent as `Authorization: Bearer <key>`; `transport`
    and `timeout` go to httpx (an `httpx.MockTransport` or an ASGI transport in tests)."""

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        timeout: float = 60.0,
        transport: httpx.BaseTransport | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        auth = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers={**auth, **(headers or {})},
            timeout=timeout,
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------------------------
    def _send(self, method: str, path: str, **kw: Any) -> httpx.Response:
        response = self._http.request(method, path, **kw)
        if response.status_code >= 400:
            raise ApiError.from_response(response)
        return response

    def _json(self, method: str, path: str, **kw: Any) -> Any:
        response = self._send(method, path, **kw)
        return None if response.status_code == 204 or not response.content else response.json()

    # -- operations -------------------------------------------------------------------------
    def health(self) -> JSON:
        return self._json("GET", "/health")

    def ready(self) -> JSON:
        return self._json("GET", "/ready")

    def about(self) -> JSON:
        return self._json("GET", "/v1/about")

    def metrics(self, token: str | None = None) -> str:
        headers = {"Authorization": f"Bearer {token}"} if token else None
        return self._send("GET", "/metrics", headers=headers).text

    # -- taxonomy ---------------------------------------------------------------------------
    def search_skills(
        self, q: str, *, limit: int = 10, source: Sequence[Literal["esco", "onet"]] = ()
    ) -> list[JSON]:
        params = _params(q=q, limit=limit, source=list(source))
        return items(self._json("GET", "/v1/skills", params=params))

    def skill(self, skill_id: int) -> JSON:
        return self._json("GET", f"/v1/skills/{skill_id}")

    def skill_by_uri(self, uri: str) -> JSON:
        return self._json("GET", "/v1/skills/lookup", params={"uri": uri})

    def extract(
        self,
        text: str,
        *,
        max_skills: int = 30,
        min_score: float | None = None,
        sources: Sequence[str] | None = None,
    ) -> JSON:
        body = _params(text=text, max_skills=max_skills, min_score=min_score, sources=sources)
        return self._json("POST", "/v1/skills/extract", json=body)

    def extract_many(
        self,
        texts: Sequence[str],
        *,
        max_skills: int = 30,
        min_score: float | None = None,
        sources: Sequence[str] | None = None,
    ) -> list[JSON]:
        body = {"texts": list(texts)} | _params(
            max_skills=max_skills, min_score=min_score, sources=sources
        )
        return self._json("POST", "/v1/skills/extract", json=body)["results"]

    def search_occupations(self, q: str, *, limit: int = 10) -> list[JSON]:
        return items(self._json("GET", "/v1/occupations", params={"q": q, "limit": limit}))

    def occupation(self, occupation_id: int) -> JSON:
        return self._json("GET", f"/v1/occupations/{occupation_id}")

    def occupation_by_uri(self, uri: str) -> JSON:
        return self._json("GET", "/v1/occupations/lookup", params={"uri": uri})

    def occupation_credentials(self, occupation_id: int, *, limit: int = 20) -> JSON:
        path = f"/v1/occupations/{occupation_id}/credentials"
        return self._json("GET", path, params={"limit": limit})

    # -- credentials and postings -----------------------------------------------------------
    def _ingest(
        self,
        kind: str,
        documents: Sequence[Any] | str | bytes,
        *,
        content_type: str = "application/json",
        format: str | None = None,
        visibility: str | None = None,
    ) -> JSON:
        params = _params(format=format, visibility=visibility)
        path = f"/v1/{kind}s"
        if isinstance(documents, str | bytes):  # CSV, JSON lines or a baked badge image
            headers = {"content-type": content_type}
            return self._json("POST", path, params=params, content=documents, headers=headers)
        return self._json("POST", path, params=params, json=list(documents))

    def ingest_credentials(
        self,
        documents: Sequence[Any] | str | bytes,
        *,
        content_type: str = "application/json",
        format: str | None = None,
    ) -> JSON:
        """A list of documents (any supported format), or CSV / JSON lines text, or a baked
        badge image (content_type image/png or image/svg+xml): the per-record results."""
        return self._ingest("credential", documents, content_type=content_type, format=format)

    def search_credentials(
        self,
        q: str | None = None,
        *,
        skill: Sequence[str] = (),
        kind: Sequence[str] = (),
        max_hours: float | None = None,
        max_cost: float | None = None,
        language: Sequence[str] = (),
        label: str | None = None,
        external_id: str | None = None,
        limit: int = 20,
        cursor: str | None = None,
    ) -> JSON:
        params = _params(
            q=q, skill=list(skill), kind=list(kind), max_hours=max_hours, max_cost=max_cost,
            language=list(language), label=label, external_id=external_id, limit=limit,
            cursor=cursor,
        )  # fmt: skip
        return self._json("GET", "/v1/credentials", params=params)

    def credential(
        self,
        credential_id: int,
        *,
        format: Literal["json", "ob3", "ctdl"] = "json",
    ) -> JSON:
        """The credential; format="ob3": an Open Badges 3.0 Achievement, "ctdl": CTDL JSON-LD."""
        params = None if format == "json" else {"format": format}
        return self._json("GET", f"/v1/credentials/{credential_id}", params=params)

    def credential_skills(self, credential_id: int) -> list[JSON]:
        return self._json("GET", f"/v1/credentials/{credential_id}/skills")

    def delete_credential(self, credential_id: int) -> None:
        self._json("DELETE", f"/v1/credentials/{credential_id}")

    def ingest_postings(
        self,
        documents: Sequence[Any] | str | bytes,
        *,
        content_type: str = "application/json",
        visibility: Literal["private", "public"] | None = None,
    ) -> JSON:
        return self._ingest("posting", documents, content_type=content_type, visibility=visibility)

    def search_postings(
        self,
        q: str | None = None,
        *,
        skill: Sequence[str] = (),
        label: str | None = None,
        mine: bool = False,
        limit: int = 20,
        cursor: str | None = None,
    ) -> JSON:
        params = _params(q=q, skill=list(skill), label=label, limit=limit, cursor=cursor)
        if mine:
            params["mine"] = "true"
        return self._json("GET", "/v1/postings", params=params)

    def posting(self, posting_id: int) -> JSON:
        return self._json("GET", f"/v1/postings/{posting_id}")

    def posting_skills(self, posting_id: int) -> list[JSON]:
        return self._json("GET", f"/v1/postings/{posting_id}/skills")

    def delete_posting(self, posting_id: int) -> None:
        self._json("DELETE", f"/v1/postings/{posting_id}")

    # -- matching ---------------------------------------------------------------------------
    def recommendations(
        self,
        *,
        target: JSON,
        learner: JSON | None = None,
        constraints: JSON | None = None,
        mode: str | None = None,
    ) -> JSON:
        body = _params(target=target, learner=learner, constraints=constraints, mode=mode)
        return self._json("POST", "/v1/recommendations", json=body)

    def plan_export(
        self,
        format: Literal["csv", "jsonld"],
        *,
        target: JSON,
        learner: JSON | None = None,
        constraints: JSON | None = None,
    ) -> str | JSON:
        """The plan as CSV text or as a JSON-LD document, for a portal to store."""
        body = _params(target=target, learner=learner, constraints=constraints, format=format)
        response = self._send("POST", "/v1/recommendations/export", json=body)
        return response.text if format == "csv" else response.json()

    def gap(self, *, target: JSON, learner: JSON | None = None) -> JSON:
        return self._json("POST", "/v1/gap", json=_params(target=target, learner=learner))

    def suggest_roles(self, learner: JSON, *, limit: int | None = None, **more: Any) -> JSON:
        body = _params(learner=learner, limit=limit, **more)
        return self._json("POST", "/v1/roles/suggest", json=body)

    # -- employers --------------------------------------------------------------------------
    def tenant(self) -> JSON:
        return self._json("GET", "/v1/tenant")

    def create_candidate(self, candidate: JSON) -> JSON:
        return self._json("POST", "/v1/candidates", json=candidate)

    def replace_candidate(self, candidate_id: int, candidate: JSON) -> JSON:
        return self._json("PUT", f"/v1/candidates/{candidate_id}", json=candidate)

    def candidates(self, *, limit: int = 20, cursor: str | None = None) -> JSON:
        return self._json("GET", "/v1/candidates", params=_params(limit=limit, cursor=cursor))

    def candidate(self, candidate_id: int) -> JSON:
        return self._json("GET", f"/v1/candidates/{candidate_id}")

    def delete_candidate(self, candidate_id: int) -> None:
        self._json("DELETE", f"/v1/candidates/{candidate_id}")

    def rank_candidates(self, posting_id: int, **options: Any) -> JSON:
        return self._json("POST", f"/v1/openings/{posting_id}/candidates", json=options)

    def rank_openings(self, candidate_id: int, **options: Any) -> JSON:
        return self._json("POST", f"/v1/candidates/{candidate_id}/openings", json=options)

    def add_trust(self, kind: Literal["key", "revocation"], document: JSON) -> JSON:
        return self._json("POST", "/v1/trust", json={"kind": kind, "document": document})

    def trust(self) -> JSON:
        return self._json("GET", "/v1/trust")

    def delete_trust(self, trust_id: int) -> None:
        self._json("DELETE", f"/v1/trust/{trust_id}")
