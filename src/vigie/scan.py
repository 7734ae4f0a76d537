"""``vigie scan``: read a feed, score what is new, decide, store it all, gather what the summary needs.

Per batch of posts (``store.batch_size``), in this order:

1. posts whose exact text already has a decision are **not scored again**: their stored
   signals are re-decided by the live policy (the path a backtest takes); when that gives a
   new decision (the policy changed), it is stored beside the old one;
2. new and edited posts are scored and decided; posts, signals, decisions and audit events
   are written in one transaction;
3. the shadow policy, if configured, decides the same assessments; disagreements are stored
   (shadow policies never act or strike);
4. final enforcement strikes the author: a ``remove`` verdict the policy applies without
   review. Author standing (strikes under the policy's ladder) is read before the batch and
   given to the policy as author facts; ladder steps reached are audited events.

Nothing accepted is lost: each batch commits on its own, so a bad record later in the
input, or a crash, never undoes what was already stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from vigie.decision import Assessment
from vigie.errors import RecordError
from vigie.pipeline import Pipeline
from vigie.policy import Policy, PolicyDecider
from vigie.readers import read_records
from vigie.report import ScanSummary
from vigie.settings import Settings
from vigie.store import Store, open_store
from vigie.store.accounts import add_strikes, author_facts, final_removal_strike
from vigie.store.policies import activate_policy, record_shadow
from vigie.types import Decision, Post

__all__ = ["ScanOutcome", "run_scan"]

_SHOWN_ERRORS = 10


@dataclass(slots=True)
class ScanOutcome:
    decisions: list[Decision]
    summary: ScanSummary
    rejected: list[RecordError] = field(default_factory=list)
    shadow_disagreements: int = 0
    strikes: int = 0
    redecided: int = 0


@dataclass(slots=True)
class _Counts:
    new: int = 0
    revised: int = 0
    unchanged: int = 0
    redecided: int = 0
    shadow_disagreements: int = 0
    strikes: int = 0


def _policy(decider: object) -> Policy | None:
    return decider.compiled if isinstance(decider, PolicyDecider) else None


def _strike(store: Store, policy: Policy | None, decisions: Sequence[Decision], now: datetime) -> int:
    """Strike authors of final removals; audit ladder steps newly reached. Returns strikes added."""
    strikes = [k for d in decisions if (k := final_removal_strike(d, now)) is not None]
    return add_strikes(store, strikes, policy.document.strikes if policy is not None else None)


def _process(
    pipeline: Pipeline, store: Store, posts: list[Post], counts: _Counts, now: datetime
) -> list[Decision]:
    live_policy = _policy(pipeline.decider)
    ladder = live_policy.document.strikes if live_policy is not None else None
    authors = {
        (p.source, p.id, p.text_hash): f
        for p, f in zip(posts, author_facts(store, ladder, posts, now), strict=True)
    }

    def facts(post: Post) -> dict[str, float] | None:
        return authors.get((post.source, post.id, post.text_hash))

    needs = store.needs_scoring(posts)
    fresh_posts = [p for p, need in zip(posts, needs, strict=True) if need]
    fresh_assessments = (
        [a.with_author(facts(a.post)) for a in pipeline.assess_batch(fresh_posts)] if fresh_posts else []
    )
    fresh = [pipeline.decider.decide(a) for a in fresh_assessments]
    for result in store.save_batch(list(zip(fresh_posts, fresh, strict=True))):
        if not result.created:
            counts.unchanged += 1
        elif result.revision == 1:
            counts.new += 1
        else:
            counts.revised += 1

    known_posts = [p for p, need in zip(posts, needs, strict=True) if not need]
    known_scored = store.latest_scored(known_posts) if known_posts else []
    known_assessments: list[Assessment] = []
    redecide: list[tuple[int, Decision]] = []
    known_decisions: list[Decision] = []
    for post, scored in zip(known_posts, known_scored, strict=True):
        counts.unchanged += 1
        if scored is None or not scored.signals:  # decided before signals were kept: score again, in memory
            assessment = pipeline.assess_batch([post])[0].with_author(facts(post))
        else:
            assessment = Assessment.from_signals(post, scored.signals, author=facts(post))
        decision = pipeline.decider.decide(assessment)
        if scored is not None and decision.id != scored.decision_id:
            redecide.append((scored.post_pk, decision))
        known_assessments.append(assessment)
        known_decisions.append(decision)
    if redecide:
        store.record_decisions(redecide)
        counts.redecided += len(redecide)

    if pipeline.shadow is not None:
        pairs = [(d, pipeline.shadow.decide(a)) for d, a in zip(fresh, fresh_assessments, strict=True)]
        pairs += [
            (d, pipeline.shadow.decide(a)) for d, a in zip(known_decisions, known_assessments, strict=True)
        ]
        counts.shadow_disagreements += record_shadow(store, pairs)
    counts.strikes += _strike(store, live_policy, [*fresh, *(d for _, d in redecide)], now)

    by_key = {(d.post.source, d.post.id, d.post.text_hash): d for d in [*fresh, *known_decisions]}
    return [by_key[(p.source, p.id, p.text_hash)] for p in posts]


def run_scan(
    settings: Settings,
    input: str,
    *,
    console: Console,
    err_console: Console,
    pipeline: Pipeline | None = None,
) -> ScanOutcome:
    """Scan ``input`` into the store named by ``settings.store``; see the module docstring.

    ``pipeline`` defaults to the one ``settings`` describe (pass one to reuse loaded models)."""
    pipeline = pipeline or Pipeline.from_settings(settings)
    store = open_store(settings.store.url, schema=settings.store.schema_name)
    records = iter(
        read_records(
            input,
            id_field=settings.input.id_field,
            text_field=settings.input.text_field,
            source=settings.input.source,
        )
    )
    decisions: list[Decision] = []
    rejected: list[RecordError] = []
    counts = _Counts()
    now = datetime.now(UTC)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("scanning {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )
    try:
        for role, decider in (("live", pipeline.decider), ("shadow", pipeline.shadow)):
            policy = _policy(decider)
            if policy is not None:
                activate_policy(
                    store, policy, role="live" if role == "live" else "shadow", actor="vigie scan"
                )
        with progress:
            task = progress.add_task(input, total=None)
            while batch := list(islice(records, settings.store.batch_size)):
                posts: list[Post] = []
                for item in batch:
                    if isinstance(item, RecordError):
                        rejected.append(item)
                        if len(rejected) <= _SHOWN_ERRORS:
                            err_console.print(f"[yellow]skipped[/] {item}", highlight=False)
                    else:
                        posts.append(item)
                if posts:
                    decisions.extend(_process(pipeline, store, posts, counts, now))
                progress.advance(task, len(batch))
    finally:
        store.close()
    if len(rejected) > _SHOWN_ERRORS:
        err_console.print(f"[yellow]... and {len(rejected) - _SHOWN_ERRORS} more rejected record(s)[/]")
    summary = ScanSummary.from_decisions(
        decisions,
        errors=len(rejected),
        new_posts=counts.new,
        revised_posts=counts.revised,
        unchanged_posts=counts.unchanged,
    )
    return ScanOutcome(
        decisions=decisions,
        summary=summary,
        rejected=rejected,
        shadow_disagreements=counts.shadow_disagreements,
        strikes=counts.strikes,
        redecided=counts.redecided,
    )
