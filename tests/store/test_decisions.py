"""Decisions and signals: round trips, batches, idempotency, and one transaction per write."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.categories import Category, Severity, Verdict
from vigie.errors import ConflictError, NotFoundError
from vigie.store import Store
from vigie.types import Decision, Post


def test_signals_round_trip_as_frozen_types(store: Store, decide: Callable[..., Decision]) -> None:
    post = Post(id="p1", text="I will find you tomorrow at the station")
    decision = decide(post, "d1")
    store.record_decision(store.ingest(post).post_pk, decision)

    rebuilt = store.signals_for("d1")

    assert rebuilt == list(decision.signals)
    ev = rebuilt[0].scores["violent_threat"].evidence[0]
    assert (ev.span.start, ev.span.end, ev.span.of(post.text)) == (0, 11, "I will find")
    assert store.signals_for("unknown") == []


def test_latest_decision_fields(store: Store, decide: Callable[..., Decision]) -> None:
    post = Post(id="p1", text="I will find you tomorrow at the station", source="forum")
    decision = decide(post, "d1")
    pk = store.ingest(post).post_pk
    assert store.record_decision(pk, decision) == "d1"

    (got,) = store.latest_decisions()

    assert (got.decision_id, got.source, got.post_id, got.revision, got.post_pk) == (
        "d1",
        "forum",
        "p1",
        1,
        pk,
    )
    assert (got.verdict, got.severity, got.violations) == (
        Verdict.REMOVE,
        Severity.HIGH,
        (Category.VIOLENT_THREAT,),
    )
    assert got.flagged and got.language == "en" and got.text == post.text
    assert got.scores == {"violent_threat": 0.9, "reporting": 0.1}
    assert list(got.scores) == ["violent_threat", "reporting"]  # order kept (JSONB would sort keys)
    assert got.evidence == [
        {
            "label": "violent_threat",
            "start": 0,
            "end": 11,
            "snippet": "I will find",
            "rationale": "first-person intent",
            "source": "vigie.encoder@1",
        }
    ]
    assert got.targets == [{"kind": "you", "name": "you", "start": 0, "end": 1, "watchlist_id": None}]
    assert got.policy == {"name": "default", "version": "1.0.0", "hash": "sha256:abc123"}
    assert (got.rule_hits, got.actions) == (("threat.direct",), ("remove",))
    assert got.created_at.utcoffset() is not None
    (event,) = store.events(stream="decisions")
    assert event["type"] == "decision_made" and event["payload"]["decision_id"] == "d1"
    assert event["subject"] == "post:forum:p1"


def test_latest_decisions_filters(store: Store, decide: Callable[..., Decision]) -> None:
    pairs = [
        (p, decide(p, f"d-{p.id}", verdict=v))
        for p, v in [
            (Post(id="a", text="fine", source="s1"), Verdict.ALLOW),
            (Post(id="b", text="bad", source="s1"), Verdict.REMOVE),
            (Post(id="c", text="bad too", source="s2"), Verdict.REVIEW),
        ]
    ]
    store.save_batch(pairs)
    # a newer decision on the same revision (e.g. a re-run under a new policy) replaces the old one
    store.save_batch([(pairs[0][0], decide(pairs[0][0], "d-a2", verdict=Verdict.REVIEW))])

    assert [d.decision_id for d in store.latest_decisions()] == ["d-b", "d-c", "d-a2"]
    assert [d.decision_id for d in store.latest_decisions(source="s1")] == ["d-b", "d-a2"]
    assert [d.decision_id for d in store.latest_decisions(flagged_only=True, source="s2")] == ["d-c"]
    assert [d.decision_id for d in store.latest_decisions(limit=1)] == ["d-b"]


def test_latest_decisions_skip_a_revision_not_yet_decided(
    store: Store, decide: Callable[..., Decision]
) -> None:
    v1 = Post(id="p1", text="kill")
    store.save_batch([(v1, decide(v1, "d1"))])
    store.ingest(Post(id="p1", text="kind words"))
    assert store.latest_decisions() == []


def test_needs_scoring_and_save_batch(store: Store, decide: Callable[..., Decision]) -> None:
    posts = [Post(id=str(i), text=f"text {i}") for i in range(5)]
    assert store.needs_scoring(posts) == [True] * 5

    results = store.save_batch([(p, decide(p, f"d{p.id}")) for p in posts[:3]])
    store.ingest(posts[3])  # stored but never decided: still needs scoring

    assert [(r.revision, r.created) for r in results] == [(1, True)] * 3
    edited = Post(id="0", text="text 0, edited")
    assert store.needs_scoring([*posts, edited]) == [False, False, False, True, True, True]
    assert store.needs_scoring([]) == []
    kinds = [(e["type"], e["subject"]) for e in store.events()]
    assert kinds[:4] == [
        ("post_ingested", "post:default:0"),
        ("decision_made", "post:default:0"),
        ("post_ingested", "post:default:1"),
        ("decision_made", "post:default:1"),
    ]


def test_save_batch_with_repeats_and_revisions_inside_one_batch(
    store: Store, decide: Callable[..., Decision]
) -> None:
    a1, a2 = Post(id="a", text="one"), Post(id="a", text="two")
    results = store.save_batch([(a1, decide(a1, "x1")), (a1, decide(a1, "x2")), (a2, decide(a2, "x3"))])

    assert [(r.revision, r.created) for r in results] == [(1, True), (1, False), (2, True)]
    assert results[0].post_pk == results[1].post_pk != results[2].post_pk
    assert store.verify_audit().ok


def test_save_batch_is_idempotent_on_decision_ids(store: Store, decide: Callable[..., Decision]) -> None:
    p = Post(id="a", text="one")
    batch = [(p, decide(p, "x1"))]
    store.save_batch(batch)
    before = len(store.events())
    store.save_batch(batch)  # re-running a batch after a crash writes nothing new
    assert len(store.events()) == before
    assert len(store.post_history("default", "a")[0]["decisions"]) == 1


def test_save_batch_is_one_transaction(store: Store, decide: Callable[..., Decision]) -> None:
    a, b = Post(id="a", text="one"), Post(id="b", text="two")
    store.save_batch([(a, decide(a, "taken"))])
    before = store.audit_head()

    with pytest.raises(ConflictError) as err:
        store.save_batch([(b, decide(b, "fresh")), (b, decide(b, "taken"))])

    assert err.value.code == "conflict.decision_id"
    assert store.post_history("default", "b") == []
    assert store.audit_head() == before


def test_record_decision_checks_its_post(store: Store, decide: Callable[..., Decision]) -> None:
    a, b = Post(id="a", text="one"), Post(id="b", text="two")
    pk_a = store.ingest(a).post_pk
    with pytest.raises(NotFoundError):
        store.record_decision(pk_a + 1000, decide(a))
    with pytest.raises(ConflictError) as err:
        store.record_decision(pk_a, decide(b))
    assert err.value.code == "conflict.decision_mismatch"
    assert store.record_decision(pk_a, decide(a, "d1")) == "d1"
    assert store.record_decision(pk_a, decide(a, "d1")) == "d1"  # same id again: no-op
    assert [e["type"] for e in store.events()] == ["post_ingested", "decision_made"]


def test_latest_scored_follows_the_current_text(store: Store, decide: Callable[..., Decision]) -> None:
    """Re-scans and backtests re-decide from stored signals: only for the exact text that was scored."""
    first = Post(id="ls1", text="première version")
    decision = decide(first, "dls1")
    store.save_batch([(first, decision)])
    other = Post(id="ls2", text="jamais vu")
    edited = Post(id="ls1", text="deuxième version")
    got = store.latest_scored([first, other, edited])
    assert got[1] is None and got[2] is None
    assert got[0] is not None and got[0].signals == decision.signals and got[0].decision_id == "dls1"


def test_record_decisions_adds_a_newer_decision(store: Store, decide: Callable[..., Decision]) -> None:
    post = Post(id="rd1", text="texte")
    (result,) = store.save_batch([(post, decide(post, "first"))])
    again = decide(post, "second")
    assert store.record_decisions([(result.post_pk, again), (result.post_pk, again)]) == ["second", "second"]
    scored = store.latest_scored([post])[0]
    assert scored is not None and scored.decision_id == "second"
    assert [d.decision_id for d in store.latest_decisions()] == ["second"]
