"""``vigie scan --engine local|ray INPUT_GLOB``: the backfill driver, and its one-process engine.

The driver lists the shards, activates the live policy in the store (as ``vigie scan``
does), skips shards whose checkpoint marker exists, hands the others to the engine, and —
once every shard is finished — applies the strikes of all final removals in ``created_at``
order (:func:`vigie.batch.work.apply_strikes`). The local engine scores shards one after the
other in this process with one pipeline; the Ray engine (:mod:`vigie.batch.ray`) spreads
them over workers, each with its own pipeline and store connection. Both store exactly what
``vigie scan`` stores, through the same :meth:`~vigie.store.Store.save_batch`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from vigie.batch.shards import Checkpoint, ShardResult, list_shards
from vigie.batch.work import apply_strikes, score_shard, utc_now
from vigie.pipeline import Pipeline
from vigie.policy import PolicyDecider
from vigie.settings import Settings
from vigie.store import open_store
from vigie.store.policies import activate_policy

__all__ = ["BackfillOutcome", "Engine", "run_backfill"]

Engine = Literal["local", "ray"]


@dataclass(slots=True)
class BackfillOutcome:
    shards: int
    skipped: int
    """Shards a previous run had finished (not scored again)."""
    results: list[ShardResult] = field(default_factory=list)
    strikes: int = 0
    seconds: float = 0.0
    workers: int = 1
    engine: str = "local"

    @property
    def posts(self) -> int:
        return sum(r.posts for r in self.results)

    @property
    def scored(self) -> int:
        return sum(r.scored for r in self.results)

    def as_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "workers": self.workers,
            "shards": self.shards,
            "skipped": self.skipped,
            "posts": self.posts,
            "scored": self.scored,
            "rejected": sum(r.rejected for r in self.results),
            "flagged": sum(r.flagged for r in self.results),
            "strikes": self.strikes,
            "seconds": round(self.seconds, 3),
            "posts_per_second": round(self.scored / self.seconds, 1) if self.seconds else None,
        }


def run_backfill(
    settings: Settings,
    pattern: str,
    *,
    checkpoint_dir: str | Path,
    engine: Engine = "local",
    workers: int = 1,
    cpus: int | None = None,
    address: str | None = None,
    pipeline: Pipeline | None = None,
) -> BackfillOutcome:
    """Backfill every shard matching ``pattern`` into ``settings.store``; see the module docstring.

    ``workers``/``cpus``/``address`` concern the Ray engine (``cpus`` defaults to the machine's
    cores; each worker's encoder gets ``cpus // workers`` threads). ``pipeline`` (local engine
    only) reuses a built pipeline.
    """
    t0 = time.perf_counter()
    shards = list_shards(pattern)
    checkpoint = Checkpoint(checkpoint_dir)
    driver_pipeline = pipeline or Pipeline.from_settings(settings)
    store = open_store(settings.store.url, schema=settings.store.schema_name)
    now = utc_now()
    try:
        if isinstance(driver_pipeline.decider, PolicyDecider):
            activate_policy(store, driver_pipeline.decider.compiled, role="live", actor="vigie scan --engine")
        finished = {p: checkpoint.done(p) for p in shards}
        pending = [p for p, r in finished.items() if r is None]
        if engine == "ray":
            from vigie.batch.ray import score_on_ray

            new = score_on_ray(settings, pending, checkpoint, workers=workers, cpus=cpus, address=address)
        else:
            new = []
            for path in pending:
                result = score_shard(driver_pipeline, store, settings, path, now)
                checkpoint.mark(result)
                new.append(result)
        earlier = [r for r in finished.values() if r is not None]
        removals = [m for r in [*earlier, *new] for m in r.removals]
        strikes = apply_strikes(store, driver_pipeline, removals, now)
    finally:
        store.close()
    return BackfillOutcome(
        shards=len(shards),
        skipped=len(shards) - len(pending),
        results=new,
        strikes=strikes,
        seconds=time.perf_counter() - t0,
        workers=workers if engine == "ray" else 1,
        engine=engine,
    )
