"""Ingest, analyze and reads through the HTTP API, on every store backend."""

from __future__ import annotations

from fastapi.testclient import TestClient

from ..helpers import auth

THREAT = "I will kill you tomorrow at your house, Marc."
CALM = "Lovely weather at the lake today."
TO_REVIEW = "I will stab you"


def test_ingest_is_idempotent_and_revisions_count(app_client: TestClient, tokens: dict[str, str]) -> None:
    h = auth(tokens["admin"])
    first = app_client.post("/v1/posts", json={"id": "p1", "text": THREAT, "source": "forum"}, headers=h)
    assert first.status_code == 200, first.text
    again = app_client.post("/v1/posts", json={"id": "p1", "text": THREAT, "source": "forum"}, headers=h)
    edited = app_client.post("/v1/posts", json={"id": "p1", "text": CALM, "source": "forum"}, headers=h)

    a, b, c = first.json(), again.json(), edited.json()
    assert (a["post"]["revision"], a["post"]["created"]) == (1, True)
    assert (b["post"]["revision"], b["post"]["created"]) == (1, False)
    assert b["decision_id"] == a["decision_id"] and b["actions_queued"] == 0
    assert (c["post"]["revision"], c["post"]["created"]) == (2, True)
    assert a["decision"]["flagged"] and not c["decision"]["flagged"]

    history = app_client.get("/v1/posts/forum/p1", headers=h).json()["revisions"]
    assert [r["revision"] for r in history] == [1, 2]
    assert [len(r["decisions"]) for r in history] == [1, 1]
    assert "post_ingested" in [e["type"] for e in history[0]["events"]]
    decision = app_client.get(f"/v1/decisions/{a['decision_id']}", headers=h).json()
    assert decision["decision"] == a["decision"] and decision["revision"] == 1


def test_batch_ingest_answers_in_order_and_queues_reviews(
    app_client: TestClient, tokens: dict[str, str]
) -> None:
    items = [{"id": "a", "text": CALM}, {"id": "b", "text": TO_REVIEW}]
    r = app_client.post("/v1/posts", json={"items": items}, headers=auth(tokens["admin"]))
    assert r.status_code == 200, r.text
    out = r.json()["items"]
    assert [o["post"]["id"] for o in out] == ["a", "b"]
    assert out[0]["review_item"] is None and out[1]["review_item"] is not None
    queue = app_client.get("/v1/review", headers=auth(tokens["moderator"])).json()["items"]
    assert [i["post_id"] for i in queue] == ["b"]


def test_ingest_key_is_forced_to_its_source_and_sees_only_it(
    app_client: TestClient, tokens: dict[str, str]
) -> None:
    r = app_client.post(
        "/v1/posts", json={"id": "x", "text": THREAT, "source": "other"}, headers=auth(tokens["ingest"])
    )
    assert r.json()["post"]["source"] == "forum"
    mine = app_client.get(f"/v1/decisions/{r.json()['decision_id']}", headers=auth(tokens["ingest"]))
    assert mine.status_code == 200
    theirs = app_client.post(
        "/v1/posts", json={"id": "y", "text": THREAT, "source": "other"}, headers=auth(tokens["admin"])
    ).json()
    assert (
        app_client.get(f"/v1/decisions/{theirs['decision_id']}", headers=auth(tokens["ingest"])).status_code
        == 404
    )
    assert app_client.get("/v1/posts/other/y", headers=auth(tokens["ingest"])).status_code == 404
    assert app_client.get("/v1/posts/other/y", headers=auth(tokens["auditor"])).status_code == 200


def test_analyze_single_and_items_store_nothing(app_client: TestClient, tokens: dict[str, str]) -> None:
    h = auth(tokens["admin"])
    one = app_client.post("/v1/analyze", json={"text": THREAT}, headers=h).json()
    many = app_client.post(
        "/v1/analyze", json={"items": [{"text": CALM}, {"text": THREAT}]}, headers=h
    ).json()
    assert one["flagged"] and set(one) >= {"verdict", "severity", "scores", "evidence", "policy", "language"}
    assert [i["flagged"] for i in many["items"]] == [False, True]
    assert app_client.get("/v1/events?stream=posts", headers=h).json()["items"] == []


def test_bad_input_never_answers_500(app_client: TestClient, tokens: dict[str, str]) -> None:
    h = auth(tokens["admin"])
    too_long = app_client.post("/v1/posts", json={"id": "l", "text": "a" * 5_001}, headers=h)
    assert too_long.status_code == 422 and too_long.json()["error"]["code"] == "record.text_too_long"
    assert "5000" in too_long.json()["error"]["message"]
    huge = app_client.post("/v1/posts", content=b'{"id":"h","text":"' + b"a" * 300_000 + b'"}', headers=h)
    assert huge.status_code == 413 and huge.json()["error"]["code"] == "input.too_large"
    missing = app_client.post("/v1/posts", json={"id": "m"}, headers=h)
    assert missing.status_code == 422
    assert missing.json()["error"]["details"]["fields"][0]["loc"] == ["body", "PostIn", "text"] or any(
        f["loc"][-1] == "text" for f in missing.json()["error"]["details"]["fields"]
    )
    bad_utf8 = app_client.post(
        "/v1/posts", content=b'{"id":"u","text":"\xff\xfe"}', headers=h | {"Content-Type": "application/json"}
    )
    assert 400 <= bad_utf8.status_code < 500
    surrogate = app_client.post(
        "/v1/posts", content=b'{"id":"s","text":"\\ud800"}', headers=h | {"Content-Type": "application/json"}
    )
    assert surrogate.status_code == 422  # pydantic refuses lone surrogates before the handler
    nul = app_client.post("/v1/posts", json={"id": "n", "text": "hello\u0000 world"}, headers=h)
    assert nul.status_code == 200 and nul.json()["post"]["created"]
    too_many = app_client.post(
        "/v1/posts", json={"items": [{"id": str(i), "text": "x"} for i in range(21)]}, headers=h
    )
    assert too_many.status_code == 422 and too_many.json()["error"]["code"] == "input.batch_too_large"
    not_json = app_client.post(
        "/v1/posts", content=b"{nope", headers=h | {"Content-Type": "application/json"}
    )
    assert not_json.status_code == 422


def test_health_and_readiness_need_no_key(app_client: TestClient) -> None:
    assert app_client.get("/healthz").json() == {"status": "ok"}
    ready = app_client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
    assert app_client.get("/openapi.json").status_code == 200
    assert app_client.get("/v1/review").status_code == 401
