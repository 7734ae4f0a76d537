"""``vigie scan``: read a feed, score what is new, store everything, and gather what the summary needs.

Nothing accepted is lost: posts are stored batch by batch (one transaction per batch), so
a bad record later in the input, or a crash, never undoes what was already stored. Posts
whose exact text was already scored are not scored again; their decision is re-derived
from their stored signals (the same path a backtest takes), so the report always covers
the whole input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
from vigie.pipeline import Pipeline, combine_signals
from vigie.readers import read_records
from vigie.report import ScanSummary
from vigie.settings import Settings
from vigie.store import open_store
from vigie.types import Decision, Post, Signal

__all__ = ["ScanOutcome", "run_scan"]

_SHOWN_ERRORS = 10


@dataclass(slots=True)
class ScanOutcome:
    decisions: list[Decision]
    summary: ScanSummary
    rejected: list[RecordError] = field(default_factory=list)


def _redecide(pipeline: Pipeline, post: Post, signals: tuple[Signal, ...]) -> Decision:
    scores, targets = combine_signals(signals)
    assessment = Assessment(
        post=post,
        language=signals[0].language,
        scores=scores,
        targets=targets,
        signals=tuple(signals),
        truncated=any(s.truncated for s in signals),
    )
    return pipeline.decider.decide(assessment)


def run_scan(settings: Settings, input: str, *, console: Console, err_console: Console) -> ScanOutcome:
    """Scan ``input`` into the store named by ``settings.store.url``."""
    store = open_store(settings.store.url, schema=settings.store.schema_name)
    pipeline = Pipeline.from_settings(settings)
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
    new = revised = unchanged = 0
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
                needs = store.needs_scoring(posts)
                fresh_posts = [p for p, need in zip(posts, needs, strict=True) if need]
                fresh = pipeline.run_batch(fresh_posts) if fresh_posts else []
                for result in store.save_batch(list(zip(fresh_posts, fresh, strict=True))):
                    if not result.created:
                        unchanged += 1
                    elif result.revision == 1:
                        new += 1
                    else:
                        revised += 1
                known = [p for p, need in zip(posts, needs, strict=True) if not need]
                stored = iter(store.latest_signals(known)) if known else iter(())
                fresh_iter = iter(fresh)
                for post, need in zip(posts, needs, strict=True):
                    if need:
                        decisions.append(next(fresh_iter))
                        continue
                    unchanged += 1
                    signals = next(stored)
                    decisions.append(_redecide(pipeline, post, signals) if signals else pipeline.run(post))
                progress.advance(task, len(batch))
    finally:
        store.close()
    if len(rejected) > _SHOWN_ERRORS:
        err_console.print(f"[yellow]... and {len(rejected) - _SHOWN_ERRORS} more rejected record(s)[/]")
    summary = ScanSummary.from_decisions(
        decisions, errors=len(rejected), new_posts=new, revised_posts=revised, unchanged_posts=unchanged
    )
    return ScanOutcome(decisions=decisions, summary=summary, rejected=rejected)
