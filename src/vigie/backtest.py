"""Backtests: what a candidate policy would have decided about stored posts, without re-scoring.

Reads the current decision of every stored post (optionally since a date), rebuilds its
assessment from the *stored signals* (the same combination the pipeline uses), decides it
with the candidate, and compares with what the live policy decided. Author facts are the
authors' stored strikes under the candidate's strike ladder, evaluated when each post was made
(``use_author_history=False`` ignores them). A backtest never writes anything: no decision, no
strike, no event.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from vigie.categories import CATEGORIES, Severity, Verdict
from vigie.decision import Assessment
from vigie.policy import PolicyDecider, standing
from vigie.store import Store
from vigie.store.accounts import strike_history
from vigie.types import Post

__all__ = ["BacktestReport", "backtest"]

_CHUNK = 500


@dataclass
class BacktestReport:
    candidate: dict[str, str]
    total: int = 0
    changed: int = 0
    skipped: int = 0
    """Stored decisions without stored signals (cannot be replayed)."""
    live_verdicts: dict[str, int] = field(default_factory=dict)
    candidate_verdicts: dict[str, int] = field(default_factory=dict)
    transitions: dict[str, int] = field(default_factory=dict)
    """``"review -> allow"``: live verdict → candidate verdict, for changed posts only."""
    by_category: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per category: posts where the candidate ``added`` or ``dropped`` it as a violation."""
    examples: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def backtest(
    store: Store,
    candidate: PolicyDecider,
    *,
    since: datetime | None = None,
    source: str | None = None,
    use_author_history: bool = True,
    max_examples: int = 20,
    now: datetime | None = None,
) -> BacktestReport:
    """Replay stored signals through ``candidate``; see the module docstring."""
    moment = now or datetime.now(UTC)
    ref = candidate.policy
    report = BacktestReport(candidate={"name": ref.name, "version": ref.version, "hash": ref.hash})
    live_counts: Counter[str] = Counter()
    cand_counts: Counter[str] = Counter()
    transitions: Counter[str] = Counter()
    added: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    ladder = candidate.compiled.document.strikes if use_author_history else None
    stored = store.latest_decisions(source=source, since=since)
    for start in range(0, len(stored), _CHUNK):
        chunk = stored[start : start + _CHUNK]
        posts = [
            Post(id=d.post_id, text=d.text, source=d.source, author_id=d.author_id, created_at=d.posted_at)
            for d in chunk
        ]
        histories: dict[tuple[str, str], list[tuple[datetime, Severity]]] = {}
        if ladder is not None:
            histories = strike_history(store, sorted({(p.source, p.author_id) for p in posts if p.author_id}))
        for live, post, scored in zip(chunk, posts, store.latest_scored(posts), strict=True):
            if scored is None or not scored.signals:
                report.skipped += 1
                continue
            facts = None
            if ladder is not None and post.author_id:
                st = standing(
                    ladder, histories.get((post.source, post.author_id), []), post.created_at or moment
                )
                facts = {"strikes": float(len(st.active)), "strike_points": st.points}
            new = candidate.decide(Assessment.from_signals(post, scored.signals, author=facts))
            report.total += 1
            live_counts[str(live.verdict)] += 1
            cand_counts[str(new.verdict)] += 1
            old_v, new_v = set(live.violations), set(new.violations)
            for c in new_v - old_v:
                added[str(c)] += 1
            for c in old_v - new_v:
                dropped[str(c)] += 1
            if live.verdict != new.verdict or old_v != new_v:
                report.changed += 1
                transitions[f"{live.verdict} -> {new.verdict}"] += 1
                if len(report.examples) < max_examples:
                    report.examples.append(
                        {
                            "source": live.source,
                            "post_id": live.post_id,
                            "text": live.text[:300],
                            "live": {"verdict": str(live.verdict), "violations": sorted(map(str, old_v))},
                            "candidate": {
                                "verdict": str(new.verdict),
                                "violations": sorted(map(str, new_v)),
                                "rule_hits": list(new.rule_hits),
                            },
                        }
                    )
    order = [str(v) for v in Verdict]
    report.live_verdicts = {v: live_counts.get(v, 0) for v in order}
    report.candidate_verdicts = {v: cand_counts.get(v, 0) for v in order}
    report.transitions = dict(transitions.most_common())
    report.by_category = {str(c): {"added": added[str(c)], "dropped": dropped[str(c)]} for c in CATEGORIES}
    return report
