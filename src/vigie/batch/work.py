"""The work of a backfill, the same on every engine: score one shard into the store; strike afterwards.

Per batch of a shard (``store.batch_size`` posts, as :func:`vigie.scan.run_scan` batches):
posts already decided in the store are skipped (a resumed backfill never rescores them);
the others are scored by the pipeline, decided by the live policy with the author's
standing as it was *before the backfill* (strikes are not written while the backfill runs,
so every worker reads the same frozen state), and saved with
:meth:`~vigie.store.Store.save_batch` — posts, signals, decisions and audit events in one
transaction, exactly as a local scan stores them.

:func:`apply_strikes` runs once every shard is done: final removals, in ``created_at``
order, become strikes (idempotent on the decision id), and ladder steps reached are audited.
Shadow policies are not run by backfills (``vigie policy backtest`` replays stored signals).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, datetime
from itertools import islice

from vigie.batch.shards import Removal, ShardResult
from vigie.categories import Category, Severity, Verdict
from vigie.errors import RecordError
from vigie.pipeline import Pipeline
from vigie.policy import PolicyDecider, standing
from vigie.readers import read_records
from vigie.settings import Settings
from vigie.store import Store
from vigie.store.accounts import NewStrike, add_strikes, strike_history
from vigie.types import Post

__all__ = ["apply_strikes", "score_posts", "score_shard"]


def _facts(
    store: Store, pipeline: Pipeline, posts: Sequence[Post], now: datetime
) -> list[dict[str, float] | None]:
    policy = pipeline.decider.compiled if isinstance(pipeline.decider, PolicyDecider) else None
    ladder = policy.document.strikes if policy is not None else None
    accounts = sorted({(p.source, p.author_id) for p in posts if p.author_id})
    if ladder is None or not accounts:
        return [None] * len(posts)
    history = strike_history(store, accounts)
    out: list[dict[str, float] | None] = []
    for p in posts:
        if not p.author_id:
            out.append(None)
            continue
        st = standing(ladder, history.get((p.source, p.author_id), []), p.created_at or now)
        out.append({"strikes": float(len(st.active)), "strike_points": st.points})
    return out


def score_posts(
    pipeline: Pipeline, store: Store, posts: Sequence[Post], result: ShardResult, now: datetime
) -> None:
    """Score and store the posts of one batch that the store has not decided yet; update ``result``."""
    needs = store.needs_scoring(posts)
    fresh = [p for p, need in zip(posts, needs, strict=True) if need]
    result.posts += len(posts)
    if not fresh:
        return
    facts = _facts(store, pipeline, fresh, now)
    assessments = [a.with_author(f) for a, f in zip(pipeline.assess_batch(fresh), facts, strict=True)]
    decisions = [pipeline.decider.decide(a) for a in assessments]
    store.save_batch(list(zip(fresh, decisions, strict=True)))
    result.scored += len(fresh)
    result.flagged += sum(d.flagged for d in decisions)
    for d in decisions:
        if d.verdict is Verdict.REMOVE and d.post.author_id:
            result.removals.append(
                Removal(
                    source=d.post.source,
                    author_id=d.post.author_id,
                    decision_id=d.id,
                    severity=str(d.severity),
                    categories=tuple(str(c) for c in d.violations),
                    created_at=d.post.created_at.isoformat() if d.post.created_at else None,
                    reason=", ".join(d.rule_hits),
                )
            )


def score_shard(
    pipeline: Pipeline, store: Store, settings: Settings, path: str, now: datetime
) -> ShardResult:
    """Read ``path`` with vigie's readers (same fields and errors as ``vigie scan``) and score it."""
    t0 = time.perf_counter()
    result = ShardResult(path=path)
    records = iter(
        read_records(
            path,
            id_field=settings.input.id_field,
            text_field=settings.input.text_field,
            source=settings.input.source,
        )
    )
    while batch := list(islice(records, settings.store.batch_size)):
        posts = [item for item in batch if isinstance(item, Post)]
        result.rejected += sum(isinstance(item, RecordError) for item in batch)
        if posts:
            score_posts(pipeline, store, posts, result, now)
    result.seconds = round(time.perf_counter() - t0, 3)
    return result


def apply_strikes(store: Store, pipeline: Pipeline, removals: Sequence[Removal], now: datetime) -> int:
    """Strike the authors of ``removals`` in ``created_at`` order; audit ladder steps newly reached."""
    if not removals:
        return 0

    def when(r: Removal) -> datetime:
        return datetime.fromisoformat(r.created_at) if r.created_at else now

    ordered = sorted(removals, key=lambda r: (when(r), r.decision_id))
    policy = pipeline.decider.compiled if isinstance(pipeline.decider, PolicyDecider) else None
    strikes = [
        NewStrike(
            source=r.source,
            author_id=r.author_id,
            decision_id=r.decision_id,
            severity=Severity(r.severity),
            categories=tuple(Category(c) for c in r.categories),
            struck_at=when(r),
            reason=r.reason,
        )
        for r in ordered
    ]
    return add_strikes(store, strikes, policy.document.strikes if policy is not None else None)


def utc_now() -> datetime:
    return datetime.now(UTC)
