"""Accounts in the store: strikes from final enforcement, read back as ``(time, severity)`` histories.

Only *final* enforcement strikes (an automatic removal the policy allows without review, or a
reviewer's confirmed decision); shadow policies and backtests never do. A strike is stored as
a fact (who, when, how severe, which decision); its weight and expiry come from the strike
ladder of the policy in force when standing is computed (:func:`vigie.policy.standing`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from vigie.categories import Category, Severity, Verdict
from vigie.policy.model import StrikeLadder
from vigie.policy.strikes import standing
from vigie.store.columns import utcnow
from vigie.store.models import StrikeRow
from vigie.store.repo import Store, Writer
from vigie.types import Decision, Post

__all__ = [
    "NewStrike",
    "add_strikes",
    "add_strikes_in",
    "author_facts",
    "final_removal_strike",
    "strike_history",
]

Account = tuple[str, str]
"""``(source, author_id)``."""


@dataclass(frozen=True, slots=True)
class NewStrike:
    source: str
    author_id: str
    decision_id: str
    severity: Severity
    categories: tuple[Category, ...]
    struck_at: datetime
    reason: str | None = None


def final_removal_strike(decision: Decision, now: datetime) -> NewStrike | None:
    """The strike an automatic decision earns its author: only a ``remove`` verdict is final
    without review (``review``/``restrict`` wait for a moderator, who strikes on a confirmed
    removal). None without an author."""
    post = decision.post
    if decision.verdict is not Verdict.REMOVE or not post.author_id:
        return None
    return NewStrike(
        source=post.source,
        author_id=post.author_id,
        decision_id=decision.id,
        severity=decision.severity,
        categories=decision.violations,
        struck_at=post.created_at or now,
        reason=", ".join(decision.rule_hits),
    )


def add_strikes(store: Store, strikes: Sequence[NewStrike], ladder: StrikeLadder | None = None) -> int:
    """Record strikes (idempotent on ``decision_id``), each with a ``strike_added`` event, and under
    ``ladder`` audit the ladder steps they make accounts reach (:func:`add_strikes_in`).

    Returns how many were new."""
    if not strikes:
        return 0
    with store.transaction() as w:
        return add_strikes_in(w, strikes, ladder)


def add_strikes_in(w: Writer, strikes: Sequence[NewStrike], ladder: StrikeLadder | None = None) -> int:
    """:func:`add_strikes` inside a caller's transaction (a review resolution and the service's
    intake strike in the transaction that records the decision).

    Under ``ladder`` (the live policy's), each account whose ladder step the new strikes changed
    gets a ``strike_step_reached`` event — judged when the account's newest strike of ``strikes``
    was made — in the same transaction: every path that strikes (scan, backfill, intake, review)
    audits the steps it causes."""
    if not strikes:
        return 0
    accounts = sorted({(k.source, k.author_id) for k in strikes})
    before = _history(w.session, accounts) if ladder is not None else {}
    added = 0
    s = w.session
    known = set(
        s.scalars(
            select(StrikeRow.decision_id).where(StrikeRow.decision_id.in_([k.decision_id for k in strikes]))
        )
    )
    for k in strikes:
        if k.decision_id in known:
            continue
        known.add(k.decision_id)
        s.add(
            StrikeRow(
                source=k.source,
                author_id=k.author_id,
                decision_id=k.decision_id,
                severity=str(k.severity),
                categories=[str(c) for c in k.categories],
                struck_at=k.struck_at,
                created_at=utcnow(),
                revoked_at=None,
                reason=k.reason,
            )
        )
        w.event(
            "accounts",
            "strike_added",
            f"account:{k.source}:{k.author_id}",
            {
                "decision_id": k.decision_id,
                "severity": str(k.severity),
                "categories": [str(c) for c in k.categories],
                "struck_at": k.struck_at.isoformat(),
            },
        )
        added += 1
    s.flush()
    if ladder is not None and added:
        after = _history(s, accounts)
        for account in accounts:
            at = max(k.struck_at for k in strikes if (k.source, k.author_id) == account)
            old = standing(ladder, before.get(account, []), at).step
            new = standing(ladder, after.get(account, []), at).step
            if new is not None and new != old:
                w.event(
                    "accounts",
                    "strike_step_reached",
                    f"account:{account[0]}:{account[1]}",
                    {"points": new.points, "actions": list(new.actions), "description": new.description},
                )
    return added


def strike_history(
    store: Store, accounts: Sequence[Account]
) -> dict[Account, list[tuple[datetime, Severity]]]:
    """Unrevoked strikes of each account, oldest first (accounts without strikes map to ``[]``)."""
    with store.reading() as s:
        return _history(s, accounts)


def _history(s: Session, accounts: Sequence[Account]) -> dict[Account, list[tuple[datetime, Severity]]]:
    out: dict[Account, list[tuple[datetime, Severity]]] = {a: [] for a in accounts}
    keys = sorted(set(accounts))
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        rows = s.execute(
            select(StrikeRow.source, StrikeRow.author_id, StrikeRow.struck_at, StrikeRow.severity)
            .where(tuple_(StrikeRow.source, StrikeRow.author_id).in_(chunk), StrikeRow.revoked_at.is_(None))
            .order_by(StrikeRow.struck_at, StrikeRow.pk)
        )
        for source, author, when, severity in rows:
            out.setdefault((source, author), []).append((when, Severity(severity)))
    return out


def author_facts(
    store: Store, ladder: StrikeLadder | None, posts: Sequence[Post], now: datetime
) -> list[dict[str, float] | None]:
    """Each post's author standing under ``ladder`` (the live policy's strike ladder) at the time the
    post was made (``now`` when unknown), as the policy's ``author.*`` facts; None without an author
    or a ladder. Evaluated at the post's time so a backfill of old posts sees the strikes of then."""
    accounts = sorted({(p.source, p.author_id) for p in posts if p.author_id})
    if ladder is None or not accounts:
        return [None] * len(posts)
    history = strike_history(store, accounts)
    out: list[dict[str, float] | None] = []
    for post in posts:
        if not post.author_id:
            out.append(None)
            continue
        st = standing(ladder, history.get((post.source, post.author_id), []), post.created_at or now)
        out.append({"strikes": float(len(st.active)), "strike_points": st.points})
    return out
