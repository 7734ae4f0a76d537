"""The Ray engine of backfills: shards spread over a pool of workers with Ray Data.

``ray.data.from_items`` over the pending shard paths, ``map_batches`` with an actor class:
each actor builds the :class:`~vigie.pipeline.Pipeline` *once* (encoder threads =
``cpus // workers``), opens its own store connection, and per shard reads it with vigie's
readers (so fields, errors and posts are exactly those of ``vigie scan``), scores it, saves
it with :meth:`~vigie.store.Store.save_batch` and writes the shard's checkpoint marker
itself — right after the commit, so a driver killed later loses nothing. A batch is one
shard, so a worker crash costs at most the shards in flight (rerun from their start;
storage is idempotent). Strikes are left to the driver (:mod:`vigie.batch.local`).

Ray is optional (the ``ray`` extra); importing this module without it raises a ConfigError.
The store must be reachable from every worker: a SQLite file on one machine (WAL; writers
take turns), PostgreSQL for a cluster.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from vigie.batch.shards import Checkpoint, ShardResult
from vigie.batch.work import score_shard, utc_now
from vigie.errors import ConfigError
from vigie.settings import Settings

__all__ = ["score_on_ray"]


class _ShardWorker:
    """A Ray Data actor: one pipeline and one store connection for the worker's lifetime."""

    def __init__(self, settings_json: str, checkpoint_dir: str) -> None:
        from vigie.pipeline import Pipeline
        from vigie.store import open_store

        self.settings = Settings.model_validate_json(settings_json)
        self.pipeline = Pipeline.from_settings(self.settings)
        self.pipeline.load()
        self.store = open_store(
            self.settings.store.url, schema=self.settings.store.schema_name, migrate=False
        )
        self.checkpoint = Checkpoint(checkpoint_dir)
        self.now = utc_now()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, Any]:
        out: list[str] = []
        for path in batch["path"].tolist():
            result = score_shard(self.pipeline, self.store, self.settings, str(path), self.now)
            self.checkpoint.mark(result)
            out.append(str(result.path))
        return {"path": np.array(out, dtype=object), "pid": np.array([os.getpid()] * len(out))}


def score_on_ray(
    settings: Settings,
    shards: Sequence[str],
    checkpoint: Checkpoint,
    *,
    workers: int = 1,
    cpus: int | None = None,
    address: str | None = None,
) -> list[ShardResult]:
    """Score ``shards`` on ``workers`` Ray actors; returns their results (read back from the markers).

    Starts a local Ray with ``cpus`` CPUs unless one is running or ``address`` names a cluster."""
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ConfigError(
            "the Ray engine needs the 'ray' extra: pip install 'vigie[ray]'", code="missing_extra"
        ) from exc
    if not shards:
        return []
    total = cpus or os.cpu_count() or 1
    workers = max(1, min(workers, len(shards)))
    threads = max(1, total // workers)
    detection = settings.detection.model_copy(update={"encoder_threads": threads})
    worker_settings = settings.model_copy(update={"detection": detection})
    if not ray.is_initialized():
        os.environ.setdefault("RAY_ACCEL_ENV_VAR_OVERRIDE_ON_ZERO", "0")
        ray.init(
            address=address,
            num_cpus=None if address else total,
            include_dashboard=False,
            log_to_driver=False,
            configure_logging=False,
        )
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ds = ray.data.from_items([{"path": p} for p in shards], override_num_blocks=len(shards))
    done = ds.map_batches(
        _ShardWorker,
        fn_constructor_args=(worker_settings.model_dump_json(), str(checkpoint.dir)),
        batch_size=1,
        batch_format="numpy",
        concurrency=workers,
        num_cpus=threads,
        max_restarts=2,
        max_task_retries=2,
    )
    paths = [str(row["path"]) for row in done.iter_rows()]
    results = [checkpoint.done(p) for p in paths]
    return [r for r in results if r is not None]
