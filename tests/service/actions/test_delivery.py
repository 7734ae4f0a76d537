"""Outbox delivery to a real local receiver: signatures, retries, dead letters, crash re-delivery, audit."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from sqlalchemy import text

from vigie.actions.outbox import OutboxStatus, RetryPolicy, action_key
from vigie.actions.webhooks import SIGNATURE_HEADER, sign, verify
from vigie.actions.worker import Worker
from vigie.pipeline import Pipeline
from vigie.store import Store
from vigie.store.intake import save_routed
from vigie.store.outbox import OutboxRepository
from vigie.types import Post

SECRET = "s3cret-endpoint-key"
# Restricted and critical (lexicon only: one detector never removes, policy v10): restrict_visibility,
# queue_review, escalate_law_enforcement.
THREAT = "I will kill you tomorrow at your house, Marc."
NO_RETRY_WAIT = RetryPolicy(max_attempts=3, base=timedelta(0), jitter=0)


class Receiver:
    """An http.server on 127.0.0.1 that verifies signatures and can fail on purpose."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.bad_signatures = 0
        self.fail_next = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if not verify(SECRET, self.headers[SIGNATURE_HEADER], body):
                    outer.bad_signatures += 1
                    self.send_response(401)
                elif outer.fail_next > 0:
                    outer.fail_next -= 1
                    self.send_response(503)
                else:
                    outer.received.append(json.loads(body) | {"_key": self.headers["Vigie-Idempotency-Key"]})
                    self.send_response(200)
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


def _decide(store: Store, pipeline: Pipeline, post_id: str = "p1") -> str:
    post = Post(id=post_id, text=THREAT, source="forum")
    (decision,) = pipeline.run_batch([post])
    assert set(decision.actions) >= {"restrict_visibility", "escalate_law_enforcement"}
    save_routed(store, [(post, decision)])
    return decision.id


def test_signature_scheme() -> None:
    body = b'{"a":1}'
    header = sign(SECRET, body, 1_700_000_000)
    assert verify(SECRET, header, body, now=1_700_000_100)
    assert not verify(SECRET, header, body, now=1_700_000_000 + 301)  # older than 5 minutes
    assert not verify("other", header, body, now=1_700_000_000)
    assert not verify(SECRET, header, b'{"a":2}', now=1_700_000_000)


def test_delivery_is_signed_and_keyed(store: Store, lexicon_pipeline: Pipeline, receiver: Receiver) -> None:
    OutboxRepository(store).add_endpoint("platform", receiver.url, secret=SECRET)
    decision_id = _decide(store, lexicon_pipeline)
    worker = Worker(store, retry=NO_RETRY_WAIT)
    report = worker.run_once()
    worker.close()
    assert report.delivered == len(receiver.received) >= 2 and receiver.bad_signatures == 0
    keys = {r["action"]: r["_key"] for r in receiver.received}
    assert keys["restrict_visibility"] == action_key(decision_id, "restrict_visibility")
    assert all(r["action_key"] == r["_key"] and r["decision_id"] == decision_id for r in receiver.received)
    assert {i.status for i in OutboxRepository(store).items()} == {OutboxStatus.DELIVERED}


def test_retries_then_dead_letter_then_requeue(
    store: Store, lexicon_pipeline: Pipeline, receiver: Receiver
) -> None:
    outbox = OutboxRepository(store)
    outbox.add_endpoint("platform", receiver.url, secret=SECRET, actions=["restrict_visibility"])
    _decide(store, lexicon_pipeline)
    worker = Worker(store, retry=NO_RETRY_WAIT)
    receiver.fail_next = 1
    assert worker.run_once().failed == 1
    assert worker.run_once().delivered == 1  # the retry succeeds
    _decide(store, lexicon_pipeline, "p2")
    receiver.fail_next = 3
    reports = [worker.run_once() for _ in range(3)]
    assert [r.dead for r in reports] == [0, 0, 1]
    (dead,) = outbox.items(status=OutboxStatus.DEAD)
    assert dead.attempts == 3 and "503" in (dead.last_error or "")
    outbox.requeue(dead.pk)
    assert worker.run_once().delivered == 1
    worker.close()
    assert [e["type"] for e in store.events("actions")].count("action_dead") == 1


def test_crash_between_decision_and_delivery_redelivers_exactly_the_missing(
    store: Store, lexicon_pipeline: Pipeline, receiver: Receiver
) -> None:
    OutboxRepository(store).add_endpoint("platform", receiver.url, secret=SECRET)
    decision_id = _decide(store, lexicon_pipeline)
    expected = {i.action_key for i in OutboxRepository(store).items()}
    assert len(expected) >= 2

    crashing = Worker(store, retry=NO_RETRY_WAIT, batch=1, lease=timedelta(seconds=1))
    assert crashing.run_once().delivered == 1  # delivered one action, then the process "dies"
    leased = OutboxRepository(store).lease_due(limit=1, lease=timedelta(milliseconds=1))  # died mid-delivery
    assert len(leased) == 1
    crashing.close()

    restarted = Worker(store, retry=NO_RETRY_WAIT)
    restarted.run_once()
    restarted.close()
    keys = [r["_key"] for r in receiver.received]
    assert set(keys) == expected and len(keys) == len(expected)  # each action exactly once, same keys
    assert {r["decision_id"] for r in receiver.received} == {decision_id}


def test_audit_verification_catches_an_edited_row(store: Store, lexicon_pipeline: Pipeline) -> None:
    OutboxRepository(store).add_endpoint("platform", "http://127.0.0.1:9/x", secret=SECRET)
    _decide(store, lexicon_pipeline)
    assert store.verify_audit().ok
    seq = next(e["seq"] for e in store.events("actions") if e["type"] == "action_queued")
    with store._engine.begin() as conn:
        conn.execute(text("UPDATE events SET type = 'action_cancelled' WHERE seq = :s"), {"s": seq})
    report = store.verify_audit()
    assert not report.ok and report.first_broken_seq == seq
