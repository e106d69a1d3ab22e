"""Issue 19, item 10: tenants and keys managed over the API by an admin key, and what others
get when they try (401 without a key, 403 without the admin scope, 422 for bad input)."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from tests.utils.errors import assert_error


def _name() -> str:
    return f"Acme {uuid.uuid4().hex[:8]}"


def test_an_admin_creates_lists_rotates_and_revokes(app, client):
    name = _name()
    made = client.post("/v1/admin/tenants", json={"name": name, "scopes": ["read", "write"]})
    assert made.status_code == 201, made.text
    tenant, key = made.json()["tenant"], made.json()["key"]
    assert tenant["name"] == name and key["key"].startswith("sm_")
    assert [k["prefix"] for k in tenant["keys"]] == [key["prefix"]] and "key" not in tenant["keys"][
        0
    ]
    with TestClient(app) as c:
        as_new = {"Authorization": f"Bearer {key['key']}"}
        assert c.get("/v1/tenant", headers=as_new).json()["tenant"]["name"] == name
        more = client.post(
            f"/v1/admin/tenants/{tenant['id']}/keys", json={"scopes": ["read"], "label": "ro"}
        )
        assert more.status_code == 201 and more.json()["scopes"] == ["read"]
        rotated = client.post(f"/v1/admin/keys/{key['id']}/rotate")
        assert rotated.status_code == 201, rotated.text
        new = rotated.json()
        assert new["scopes"] == key["scopes"] and new["tenant_id"] == tenant["id"]
        assert_error(c.get("/v1/tenant", headers=as_new), 401, "authorization")  # old: revoked
        as_rotated = {"Authorization": f"Bearer {new['key']}"}
        assert c.get("/v1/tenant", headers=as_rotated).status_code == 200
        assert client.delete(f"/v1/admin/keys/{new['id']}").status_code == 204
        assert_error(c.get("/v1/tenant", headers=as_rotated), 401, "authorization")
    listed = []
    cursor = None
    while True:
        page = client.get(
            "/v1/admin/tenants", params={"limit": 2, **({"cursor": cursor} if cursor else {})}
        ).json()
        listed += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(listed) == page["total"]
    mine = next(t for t in listed if t["id"] == tenant["id"])
    assert {k["id"]: k["revoked"] for k in mine["keys"]} == {
        key["id"]: True,
        more.json()["id"]: False,
        new["id"]: True,
    }
    assert key["key"] not in str(listed) and new["key"] not in str(listed)


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/v1/admin/tenants", None),
        ("POST", "/v1/admin/tenants", {"name": "Intruder Inc"}),
        ("POST", "/v1/admin/tenants/1/keys", {"scopes": ["admin"]}),
        ("POST", "/v1/admin/keys/1/rotate", None),
        ("DELETE", "/v1/admin/keys/1", None),
    ],
)
def test_without_the_admin_scope_nothing_is_managed(app, anon, runtime, method, path, body):
    from sqlmodel import Session

    from service.employer.tenants import create_key, create_tenant

    assert_error(anon.request(method, path, json=body), 401, "authorization", code="unauthorized")
    with Session(runtime.engine) as s:
        tenant = create_tenant(s, _name())
        _row, key = create_key(s, tenant.id, ["write"], name="w")
    with TestClient(app, headers={"Authorization": f"Bearer {key}"}) as c:
        r = c.request(method, path, json=body)
        body_out = assert_error(r, 403, "authorization", code="forbidden")
        assert "'admin'" in body_out["detail"]


def test_a_missing_key_on_the_shared_catalog_says_admin(anon):
    r = anon.post("/v1/credentials", json={"external_id": "x", "title": "X"})
    assert "'admin'" in assert_error(r, 401, "authorization")["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "body.name"),
        ({"name": "   "}, "body.name"),
        ({"name": "\t\n"}, "body.name"),
        ({"name": "Evil\u0000Corp"}, "body.name"),
        ({"name": "x" * 201}, "body.name"),
        ({"name": 7}, "body.name"),
        ({"name": "Ok Ltd", "scopes": ["root"]}, "body.scopes.0"),
        ({"name": "Ok Ltd", "scopes": "admin"}, "body.scopes"),
    ],
)
def test_bad_tenants_are_refused_and_not_stored(client, body, field):
    before = client.get("/v1/admin/tenants", params={"limit": 1}).json()["total"]
    r = client.post("/v1/admin/tenants", json=body)
    assert_error(r, 422, field)
    assert client.get("/v1/admin/tenants", params={"limit": 1}).json()["total"] == before


def test_a_name_in_use_is_409(client):
    name = _name()
    assert client.post("/v1/admin/tenants", json={"name": name, "scopes": []}).status_code == 201
    assert_error(
        client.post("/v1/admin/tenants", json={"name": name}), 409, "name", code="conflict"
    )


def test_unknown_ids_and_revoked_keys(client):
    assert_error(
        client.post("/v1/admin/tenants/999999/keys", json={"scopes": ["read"]}), 404, "tenant"
    )
    assert_error(client.post("/v1/admin/keys/999999/rotate"), 404, "key_id")
    assert_error(client.delete("/v1/admin/keys/999999"), 404, "key_id")
    assert_error(client.delete("/v1/admin/keys/0"), 422, "path.key_id")
    made = client.post("/v1/admin/tenants", json={"name": _name(), "scopes": ["read"]}).json()
    kid = made["key"]["id"]
    assert client.delete(f"/v1/admin/keys/{kid}").status_code == 204
    assert_error(client.delete(f"/v1/admin/keys/{kid}"), 409, "key_id", code="conflict")
    assert_error(client.post(f"/v1/admin/keys/{kid}/rotate"), 409, "key_id")
    assert_error(
        client.post(f"/v1/admin/tenants/{made['tenant']['id']}/keys", json={"scopes": []}),
        422,
        "body.scopes",
    )


def test_the_presenting_key_cannot_revoke_or_rotate_itself(client, admin_key):
    me = client.get("/v1/tenant").json()
    listed = client.get("/v1/admin/tenants", params={"limit": 100}).json()["items"]
    mine = next(t for t in listed if t["id"] == me["tenant"]["id"])
    (own,) = [k for k in mine["keys"] if admin_key.startswith(k["prefix"]) and not k["revoked"]]
    assert_error(client.delete(f"/v1/admin/keys/{own['id']}"), 409, "key_id")
    assert_error(client.post(f"/v1/admin/keys/{own['id']}/rotate"), 409, "key_id")
    assert client.get("/v1/tenant").status_code == 200  # still works
