"""Malformed requests the fuzzer found or could find: each answers a 4xx naming the field, never 5xx.

NUL characters cannot be stored in PostgreSQL text, so before they were refused at the edge
they surfaced as 503 store errors on that backend only; lone surrogates in free-form metadata
did the same. A post's text is the one place NUL is accepted (and dropped)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from ..helpers import auth

JSON = {"Content-Type": "application/json"}

MALFORMED: list[tuple[str, str, str | bytes | None, str]] = [
    ("POST", "/v1/keys", '{"role":"auditor","name":"a\\u0000b"}', "name"),
    ("POST", "/v1/keys", '{"role":"auditor","name":"a\\ud800b"}', "name"),
    ("POST", "/v1/posts", '{"id":"x\\u0000","text":"hi"}', "id"),
    ("POST", "/v1/posts", '{"id":"m","text":"hi","metadata":{"k":"v\\u0000"}}', "metadata"),
    ("POST", "/v1/posts", '{"id":"m","text":"hi","metadata":{"k":["v\\ud800"]}}', "metadata"),
    ("POST", "/v1/posts", '{"id":"m","text":"hi","metadata":{"k\\u0000":"v"}}', "metadata"),
    ("POST", "/v1/posts", '{"id":"m","text":"hi","reach":{"v\\u0000":3}}', "reach"),
    ("POST", "/v1/posts", '{"id":"m","text":"hi","author_id":"a\\u0000"}', "author_id"),
    ("POST", "/v1/posts", '{"id":"m","text":"hi","lang":"e\\u0000"}', "lang"),
    ("POST", "/v1/posts", '{"id":"m","text":"hi","url":"h\\u0000"}', "url"),
    ("POST", "/v1/analyze", '{"text":"hi","lang":"e\\u0000"}', "lang"),
    ("POST", "/v1/webhooks", '{"name":"ab","url":"http://x\\u0000yzzz"}', "url"),
    ("POST", "/v1/review/claim", '{"language":"e\\u0000"}', "language"),
    ("GET", "/v1/posts/fo%00o/x", None, "source"),
    ("GET", "/v1/decisions/x%00", None, "decision_id"),
    ("GET", "/v1/review/x%00", None, "item_id"),
    ("GET", "/v1/review?language=e%00", None, "language"),
    ("GET", "/v1/events?stream=e%00", None, "stream"),
    ("DELETE", "/v1/keys/x%00", None, "key_id"),
    ("GET", "/v1/accounts/x%00/y", None, "source"),
    ("POST", "/v1/posts/x%00/y/reach", '{"reach": 3}', "source"),
    ("POST", "/v1/review/x%00/release", None, "item_id"),
]


@pytest.mark.parametrize(
    ("method", "path", "body", "field"), MALFORMED, ids=[f"{m[0]} {m[1]}" for m in MALFORMED]
)
def test_nul_and_surrogates_outside_the_text_are_a_422_naming_the_field(
    app_client: TestClient, tokens: dict[str, str], method: str, path: str, body: str | None, field: str
) -> None:
    r = app_client.request(method, path, content=body, headers=auth(tokens["admin"]) | JSON)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "input.validation"
    assert field in error["message"]


def test_undecodable_body_is_a_4xx(app_client: TestClient, tokens: dict[str, str]) -> None:
    for body in (b'{"id":"z","text":"\xff\xfe"}', b"\xff\xfe", b'{"id": "z", "text": '):
        r = app_client.post("/v1/posts", content=body, headers=auth(tokens["admin"]) | JSON)
        assert 400 <= r.status_code < 500, (body, r.status_code)
        assert "error" in r.json()
