"""Review queue: priority, leases (expiry, no double claim under concurrency), four-eyes, 409s."""

from __future__ import annotations

import dataclasses
import threading
from datetime import UTC, datetime, timedelta

import pytest

from vigie.categories import Severity, Verdict
from vigie.errors import ConflictError
from vigie.pipeline import Pipeline
from vigie.policy.model import StrikeLadder
from vigie.review.queue import ItemStatus, ReviewOutcome, priority
from vigie.store import Store
from vigie.store.intake import save_routed
from vigie.store.outbox import OutboxRepository
from vigie.store.review import ReviewRepository
from vigie.types import Post

NOW = datetime(2025, 1, 1, tzinfo=UTC)


def test_priority_grows_with_severity_reach_and_urgency() -> None:
    later = NOW + timedelta(hours=24)
    assert priority(Severity.HIGH, 0, later, NOW) > priority(Severity.LOW, 0, later, NOW)
    assert priority(Severity.LOW, 10_000, later, NOW) > priority(Severity.LOW, 0, later, NOW)
    assert priority(Severity.LOW, 0, NOW + timedelta(hours=1), NOW) > priority(Severity.LOW, 0, later, NOW)
    assert priority(Severity.LOW, 0, NOW - timedelta(hours=5), NOW) == priority(Severity.LOW, 0, NOW, NOW)


def _queue(store: Store, pipeline: Pipeline, n: int, *, severity: Severity | None = None) -> list[str]:
    posts = [Post(id=f"p{i}", text=f"I will stab you {i}", source="forum") for i in range(n)]
    decisions = pipeline.run_batch(posts)
    if severity is not None:
        decisions = [dataclasses.replace(d, severity=severity, verdict=Verdict.REMOVE) for d in decisions]
    routed = save_routed(store, list(zip(posts, decisions, strict=True)))
    items = [r.review_item for r in routed]
    assert all(items)
    return [i for i in items if i]


def test_concurrent_claimers_never_share_an_item(store: Store, lexicon_pipeline: Pipeline) -> None:
    ids = _queue(store, lexicon_pipeline, 12)
    repo = ReviewRepository(store)
    got: list[str] = []
    lock = threading.Lock()

    def claimer(n: int) -> None:
        while (item := repo.claim(owner=f"key{n}", person=f"p{n}", lease=timedelta(minutes=5))) is not None:
            with lock:
                got.append(item.id)

    threads = [threading.Thread(target=claimer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(got) == sorted(ids)  # every item claimed exactly once


def test_expired_lease_frees_the_item_and_the_old_holder_gets_409(
    store: Store, lexicon_pipeline: Pipeline
) -> None:
    (item_id,) = _queue(store, lexicon_pipeline, 1)
    repo = ReviewRepository(store)
    first = repo.claim(owner="a", person="A", lease=timedelta(seconds=30))
    assert first is not None and repo.claim(owner="b", person="B", lease=timedelta(seconds=30)) is None
    later = datetime.now(UTC) + timedelta(seconds=31)
    second = repo.claim(owner="b", person="B", lease=timedelta(seconds=30), now=later)
    assert second is not None and second.id == item_id
    with pytest.raises(ConflictError) as err:
        repo.resolve(item_id, owner="a", person="A", outcome=ReviewOutcome.ALLOW, reason="fine", now=later)
    assert err.value.code == "conflict.lease" and err.value.http_status == 409
    done = repo.resolve(item_id, owner="b", person="B", outcome=ReviewOutcome.ALLOW, reason="fine", now=later)
    assert done.status is ItemStatus.RESOLVED


def test_critical_removal_needs_two_different_people(store: Store, lexicon_pipeline: Pipeline) -> None:
    OutboxRepository(store).add_endpoint("platform", "http://127.0.0.1:9/hook")
    (item_id,) = _queue(store, lexicon_pipeline, 1, severity=Severity.CRITICAL)
    repo, outbox = ReviewRepository(store), OutboxRepository(store)
    before = {i.action_key for i in outbox.items()}
    lease = timedelta(minutes=5)
    assert repo.claim(owner="k1", person="Alice", lease=lease) is not None
    first = repo.resolve(item_id, owner="k1", person="Alice", outcome=ReviewOutcome.REMOVE, reason="threat")
    assert first.status is ItemStatus.CONFIRMING
    assert {i.action_key for i in outbox.items()} == before  # nothing leaves on one pair of eyes
    assert repo.claim(owner="k1b", person="Alice", lease=lease) is None  # Alice's other key: same person
    assert repo.claim(owner="k2", person="Bob", lease=lease) is not None
    done = repo.resolve(item_id, owner="k2", person="Bob", outcome=ReviewOutcome.REMOVE, reason="agreed")
    assert done.status is ItemStatus.RESOLVED and done.resolved_by == "Bob" and done.first_reviewer == "Alice"
    new = [i for i in outbox.items() if i.action_key not in before]
    assert [i.action for i in new] == ["remove_content"]


def test_a_confirmed_removal_strikes_the_author_once(store: Store, lexicon_pipeline: Pipeline) -> None:
    """Strikes come from final enforcement: a moderator's removal, not the automatic review verdict."""
    from vigie.store.accounts import strike_history

    post = Post(id="strike-me", text="I will stab you tomorrow", source="forum", author_id="u-42")
    (decision,) = lexicon_pipeline.run_batch([post])
    decision = dataclasses.replace(decision, verdict=Verdict.REVIEW, severity=Severity.MEDIUM)
    (routed,) = save_routed(store, [(post, decision)])
    account = ("forum", "u-42")
    assert strike_history(store, [account])[account] == []
    repo = ReviewRepository(store)
    item = repo.claim(owner="k1", person="alice", lease=timedelta(minutes=5))
    assert item is not None and item.id == routed.review_item
    repo.resolve(item.id, owner="k1", person="alice", outcome=ReviewOutcome.REMOVE, reason="a threat")
    assert [sev for _, sev in strike_history(store, [account])[account]] == [Severity.MEDIUM]
    assert [e["type"] for e in store.events("accounts")] == ["strike_added"]


def test_an_automatic_removal_strikes_at_ingest(store: Store, lexicon_pipeline: Pipeline) -> None:
    from vigie.store.accounts import strike_history

    post = Post(id="auto", text="I will stab you tomorrow", source="forum", author_id="u-7")
    (decision,) = lexicon_pipeline.run_batch([post])
    removed = dataclasses.replace(decision, verdict=Verdict.REMOVE, severity=Severity.HIGH)
    save_routed(store, [(post, removed)])
    save_routed(store, [(post, removed)])  # the same decision again strikes nobody twice
    assert [sev for _, sev in strike_history(store, [("forum", "u-7")])[("forum", "u-7")]] == [Severity.HIGH]


LADDER = StrikeLadder.model_validate(
    {
        "weights": {"medium": 1, "high": 3},
        "expire_after": "P90D",
        "steps": [{"points": 1, "actions": ["warn_author"], "description": "warned"}],
    }
)


def _steps(store: Store) -> list[str]:
    return [e["subject"] for e in store.events("accounts") if e["type"] == "strike_step_reached"]


def test_a_confirmed_removal_audits_the_ladder_step(store: Store, lexicon_pipeline: Pipeline) -> None:
    """Every path that strikes audits the ladder steps it causes, a reviewer's removal too."""
    post = Post(id="step-review", text="I will stab you tomorrow", source="forum", author_id="u-43")
    (decision,) = lexicon_pipeline.run_batch([post])
    decision = dataclasses.replace(decision, verdict=Verdict.REVIEW, severity=Severity.MEDIUM)
    (routed,) = save_routed(store, [(post, decision)], ladder=LADDER)
    assert _steps(store) == []  # a review verdict strikes nobody
    repo = ReviewRepository(store)
    item = repo.claim(owner="k1", person="alice", lease=timedelta(minutes=5))
    assert item is not None and item.id == routed.review_item
    repo.resolve(item.id, owner="k1", person="alice", outcome=ReviewOutcome.REMOVE, reason="x", ladder=LADDER)
    assert _steps(store) == ["account:forum:u-43"]


def test_an_automatic_removal_audits_the_ladder_step(store: Store, lexicon_pipeline: Pipeline) -> None:
    post = Post(id="step-auto", text="I will stab you tomorrow", source="forum", author_id="u-8")
    (decision,) = lexicon_pipeline.run_batch([post])
    removed = dataclasses.replace(decision, verdict=Verdict.REMOVE, severity=Severity.HIGH)
    save_routed(store, [(post, removed)], ladder=LADDER)
    save_routed(store, [(post, removed)], ladder=LADDER)  # known decision: no strike, no second event
    assert _steps(store) == ["account:forum:u-8"]
    other = Post(id="no-ladder", text="I will stab you tomorrow", source="forum", author_id="u-9")
    (decision,) = lexicon_pipeline.run_batch([other])
    removed = dataclasses.replace(decision, verdict=Verdict.REMOVE, severity=Severity.HIGH)
    save_routed(store, [(other, removed)])
    assert _steps(store) == ["account:forum:u-8"]  # struck, but no ladder to judge it by
