"""The authorization matrix: every route × every role; forbidden cells 403, allowed cells 2xx, no key 401."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from vigie.api.auth import route_roles
from vigie.store.keys import Role

from ..helpers import auth

PUBLIC = {
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/openapi.json"),
    ("GET", "/docs"),
    ("GET", "/redoc"),
}
PUBLIC |= {("GET", "/docs/oauth2-redirect"), ("HEAD", "/healthz")}


def _call(client: TestClient, method: str, path: str, token: str | None, ids: dict[str, Any]) -> int:
    """One request whose body and path are valid for ``path``, so only auth can refuse it."""
    url = path.format(**ids)
    bodies: dict[tuple[str, str], Any] = {
        ("POST", "/v1/analyze"): {"text": "hello"},
        ("POST", "/v1/posts"): {"id": f"m-{ids['n']}", "text": "I will stab you"},
        ("POST", "/v1/posts/{source}/{post_id}/reach"): {"reach": 10},
        ("POST", "/v1/review/claim"): {},
        ("POST", "/v1/review/{item_id}/resolve"): {"outcome": "allow", "reason": "ok"},
        ("POST", "/v1/keys"): {"role": "auditor", "name": f"new-{ids['n']}"},
        ("POST", "/v1/webhooks"): {"name": f"hook{ids['n']}", "url": "http://127.0.0.1:9/x"},
    }
    headers = auth(token) if token else {}
    ids["n"] += 1
    return client.request(method, url, json=bodies.get((method, path)), headers=headers).status_code


def test_every_v1_route_declares_roles(app_client: TestClient) -> None:
    table = route_roles(app_client.app)  # type: ignore[arg-type]
    undeclared = [k for k, roles in table.items() if roles is None and k not in PUBLIC]
    assert undeclared == []
    assert table[("GET", "/v1/keys")] == frozenset({Role.ADMIN})  # moderators cannot read keys


def test_matrix(app_client: TestClient, tokens: dict[str, str]) -> None:
    table = route_roles(app_client.app)  # type: ignore[arg-type]
    admin = tokens["admin"]
    seeded = app_client.post(
        "/v1/posts", json={"id": "seed", "text": "I will stab you"}, headers=auth(tokens["ingest"])
    )
    assert seeded.status_code == 200
    decision_id = seeded.json()["decision_id"]
    ids: dict[str, Any] = {"source": "forum", "post_id": "seed", "decision_id": decision_id, "n": 0, "pk": 1}
    ids |= {"key_id": "none", "item_id": "none"}
    ids["author_id"] = "someone"
    failures = []
    for (method, path), roles in sorted(table.items()):
        if roles is None:
            continue
        no_key = _call(app_client, method, path, None, ids)
        if no_key != 401:
            failures.append((method, path, "no key", no_key))
        for role in Role:
            ids.update(_fresh_targets(app_client, admin, tokens, path, role, ids["n"]))
            status = _call(app_client, method, path, tokens[role.value], ids)
            ok = 200 <= status < 300 if role in roles else status == 403
            if not ok:
                failures.append((method, path, role.value, status))
    assert failures == []


def _fresh_targets(
    client: TestClient, admin: str, tokens: dict[str, str], path: str, role: Role, n: int
) -> dict[str, Any]:
    """Per-cell state a mutating route consumes: a claimable item, a key to revoke, a dead letter."""
    out: dict[str, Any] = {}
    if "{item_id}" in path:
        client.post("/v1/posts", json={"id": f"r-{n}", "text": "I will stab you"}, headers=auth(admin))
        claimer = tokens[role.value] if role in (Role.ADMIN, Role.MODERATOR) else admin
        item = client.post("/v1/review/claim", json={}, headers=auth(claimer)).json()["item"]
        out["item_id"] = item["id"]
    if "{key_id}" in path:
        out["key_id"] = client.post(
            "/v1/keys", json={"role": "auditor", "name": f"k{n}"}, headers=auth(admin)
        ).json()["key"]["key_id"]
    if "{pk}" in path:
        out["pk"] = _dead_letter(client, admin, n)
    return out


def _dead_letter(client: TestClient, admin: str, n: int) -> int:
    from vigie.store.service_models import OutboxRow

    ctx = client.app.state.vigie  # type: ignore[attr-defined]
    with ctx.store.transaction() as w:
        from vigie.store.columns import utcnow

        row = OutboxRow(
            action_key=f"k{n}", endpoint="e", action="remove_content", decision_id=None, source="forum",
            post_id="seed", payload={}, status="dead", attempts=8, next_attempt_at=utcnow(), lease_until=None,
            last_error="x", created_at=utcnow(), delivered_at=None,
        )  # fmt: skip
        w.session.add(row)
        w.session.flush()
        return int(row.pk)
