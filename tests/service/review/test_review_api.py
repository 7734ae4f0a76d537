"""The queue over HTTP: claim, 409 on someone else's item, four-eyes across two moderators."""

from __future__ import annotations

from fastapi.testclient import TestClient

from ..helpers import auth


def test_claim_resolve_and_conflicts(app_client: TestClient, tokens: dict[str, str]) -> None:
    app_client.post("/v1/posts", json={"id": "q", "text": "I will stab you"}, headers=auth(tokens["admin"]))
    mine = app_client.post(
        "/v1/review/claim", json={"lease_seconds": 60}, headers=auth(tokens["moderator"])
    ).json()
    item = mine["item"]
    assert item["claimed"] and item["post_id"] == "q"
    assert (
        app_client.post("/v1/review/claim", json={}, headers=auth(tokens["moderator2"])).json()["item"]
        is None
    )
    body = {"outcome": "restrict", "reason": "threat"}
    theirs = app_client.post(
        f"/v1/review/{item['id']}/resolve", json=body, headers=auth(tokens["moderator2"])
    )
    assert theirs.status_code == 409 and theirs.json()["error"]["code"] == "conflict.lease"
    ok = app_client.post(f"/v1/review/{item['id']}/resolve", json=body, headers=auth(tokens["moderator"]))
    assert ok.status_code == 200 and ok.json()["status"] == "resolved"
    again = app_client.post(f"/v1/review/{item['id']}/resolve", json=body, headers=auth(tokens["moderator"]))
    assert again.status_code == 409
    listed = app_client.get("/v1/review?status=resolved", headers=auth(tokens["auditor"])).json()["items"]
    assert [i["outcome"] for i in listed] == ["restrict"]
