"""Ingest: idempotent on (source, id, text hash) of the latest revision; other texts are revisions."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

from vigie.categories import Verdict
from vigie.store import IngestResult, Store
from vigie.types import Decision, Post


def test_same_text_twice_is_one_row_and_one_event(store: Store) -> None:
    first = store.ingest(Post(id="p1", text="hello"))
    again = store.ingest(Post(id="p1", text="hello", author_id="someone-else"))

    assert first == IngestResult(first.post_pk, 1, True)
    assert again == IngestResult(first.post_pk, 1, False)
    assert len(store.post_history("default", "p1")) == 1
    assert [e["type"] for e in store.events()] == ["post_ingested"]


def test_new_text_is_a_new_revision_and_both_are_kept(store: Store, decide: Callable[..., Decision]) -> None:
    v1, v2 = Post(id="p1", text="nice day"), Post(id="p1", text="I will kill you")
    r1 = store.ingest(v1)
    store.record_decision(r1.post_pk, decide(v1, "d1", verdict=Verdict.ALLOW))
    r2 = store.ingest(v2)
    store.record_decision(r2.post_pk, decide(v2, "d2"))

    assert (r2.revision, r2.created) == (2, True)
    assert r2.post_pk != r1.post_pk
    history = store.post_history("default", "p1")
    assert [(h["revision"], h["text"]) for h in history] == [(1, "nice day"), (2, "I will kill you")]
    assert [d["decision_id"] for d in history[0]["decisions"]] == ["d1"]
    assert [e["type"] for e in history[1]["events"]] == ["post_revised", "decision_made"]
    (latest,) = store.latest_decisions()
    assert (latest.decision_id, latest.revision, latest.text) == ("d2", 2, "I will kill you")


def test_editing_back_to_an_earlier_text_is_a_new_revision(store: Store) -> None:
    revisions = [store.ingest(Post(id="p1", text=t)).revision for t in ("threat", "benign", "threat")]
    assert revisions == [1, 2, 3]


def test_same_id_in_two_sources_are_two_posts(store: Store) -> None:
    a = store.ingest(Post(id="1", text="x", source="forum"))
    b = store.ingest(Post(id="1", text="x", source="chat"))
    assert a.created and b.created and a.revision == b.revision == 1
    assert a.post_pk != b.post_pk


def test_post_fields_and_unstorable_values(store: Store) -> None:
    posted = datetime(2024, 1, 20, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    post = Post(
        id="p1",
        text="a\x00b",
        author_id="u1",
        created_at=posted,
        url="https://example.org/p1",
        reach={"views": 10},
        metadata={"nan": math.nan, "when": datetime(2024, 1, 1, tzinfo=UTC), "nested": {"k": [1, "z\x00"]}},
    )
    store.ingest(post)
    (rev,) = store.post_history("default", "p1")

    assert rev["text"] == "a\ufffdb"  # NUL replaced one for one: offsets stay valid
    assert rev["text_hash"] == post.text_hash  # the hash is of what the user wrote
    assert rev["posted_at"] == posted and rev["posted_at"].tzinfo is not None
    assert rev["ingested_at"].utcoffset() == timedelta(0)
    assert rev["metadata"] == {
        "nan": None,
        "when": "2024-01-01T00:00:00+00:00",
        "nested": {"k": [1, "z\ufffd"]},
    }


def test_naive_post_time_is_taken_as_utc(store: Store) -> None:
    store.ingest(Post(id="p1", text="x", created_at=datetime(2024, 1, 20, 10, 0)))
    (rev,) = store.post_history("default", "p1")
    assert rev["posted_at"] == datetime(2024, 1, 20, 10, 0, tzinfo=UTC)


def test_unknown_post_has_no_history(store: Store) -> None:
    assert store.post_history("default", "nope") == []
