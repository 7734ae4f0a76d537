"""Strikes on a ladder: each account whose ladder step changes gets one ``strike_step_reached`` event.

The scan and the backfill both strike through :func:`add_strikes`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from vigie.categories import Category, Severity
from vigie.policy.model import StrikeLadder
from vigie.store.accounts import NewStrike, add_strikes
from vigie.store.repo import Store
from vigie.types import Post

from .conftest import make_decision

T0 = datetime(2026, 1, 1, tzinfo=UTC)
LADDER = StrikeLadder.model_validate(
    {
        "weights": {"low": 1, "high": 3},
        "expire_after": "P30D",
        "steps": [
            {"points": 2, "actions": ["warn_author"], "description": "warned"},
            {"points": 5, "actions": ["suspend_account"], "description": "suspended"},
        ],
    }
)


def strike(store: Store, author: str, n: int, severity: str = "low", days: int = 0) -> NewStrike:
    """A strike for a removal decision stored about a post of ``author`` (strikes name decisions)."""
    post = Post(id=f"p-{author}-{n}", text=f"post {n} of {author}", author_id=author)
    decision_id = f"d-{author}-{n}"
    stored = store.ingest(post)
    if store.needs_scoring([post])[0]:
        store.record_decision(stored.post_pk, make_decision(post, decision_id))
    return NewStrike(
        source="default",
        author_id=author,
        decision_id=decision_id,
        severity=Severity(severity),
        categories=(Category.HATE,),
        struck_at=T0 + timedelta(days=days),
    )


def steps(store: Store) -> list[tuple[str, str]]:
    return [
        (e["subject"], e["payload"]["description"])
        for e in store.events("accounts")
        if e["type"] == "strike_step_reached"
    ]


def test_each_step_reached_is_audited_once(store: Store) -> None:
    # alice: 1 point, no step; bob: 2 points, warned
    first = [strike(store, "alice", 1), strike(store, "bob", 1), strike(store, "bob", 2)]
    assert add_strikes(store, first, LADDER) == 3
    assert steps(store) == [("account:default:bob", "warned")]
    # bob stays warned (3 points: no new event); alice reaches the warning
    second = [strike(store, "alice", 2, days=1), strike(store, "bob", 3, days=1)]
    assert add_strikes(store, second, LADDER) == 2
    assert steps(store) == [("account:default:bob", "warned"), ("account:default:alice", "warned")]
    # bob jumps to suspension (6 points)
    add_strikes(store, [strike(store, "bob", 4, "high", days=2)], LADDER)
    assert steps(store)[-1] == ("account:default:bob", "suspended")


def test_expired_strikes_do_not_count(store: Store) -> None:
    add_strikes(store, [strike(store, "carol", 1)], LADDER)
    add_strikes(store, [strike(store, "carol", 2, days=40)], LADDER)  # the first has expired
    assert steps(store) == []


def test_repeats_and_no_ladder_audit_nothing(store: Store) -> None:
    batch = [strike(store, "dan", 1), strike(store, "dan", 2)]
    assert add_strikes(store, batch, None) == 2
    assert steps(store) == []  # strikes recorded, no ladder to judge them by
    assert add_strikes(store, batch, LADDER) == 0  # known decisions: nothing new
    assert steps(store) == []
    assert add_strikes(store, [], LADDER) == 0
