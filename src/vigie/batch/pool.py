"""Decide batches of posts in several worker processes, results in input order (``vigie analyze --workers``).

Why processes: every stage but the encoder's matrix products is pure Python (normalization,
language identification, lexicon, the encoder's tokenizer, the policy), so threads cannot
use a second core; measured on 2 cores, USE with 2 BLAS threads encodes 807 texts/s and
with 1 thread 569/s, so two 1-thread processes beat one 2-thread process even for the encoder.

How: the parent builds the pipeline with ``encoder_threads = max(1, cores // workers)``,
loads it *and* runs one warm-up post (the encoder and the language models load lazily on
first use), then forks the workers, which therefore share the weights' pages copy-on-write
instead of each loading its own copy. At most ``2 × workers`` batches are in flight, so
memory stays flat however long the input is, and results come back in submission order.
No thread pool may be running at the fork: lingua's parallel batch API is switched off in
the workers (each worker is one core anyway).

On platforms without ``fork`` (macOS defaults to spawn, Windows has none) each worker
builds and loads its own pipeline from the settings: slower to start, same results.
With ``workers == 1`` nothing is forked and batches run in this process.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult
from multiprocessing.pool import Pool as ProcessPool
from types import TracebackType

from vigie.contract import decision_record
from vigie.errors import ConfigError
from vigie.pipeline import Pipeline
from vigie.settings import Settings
from vigie.types import Post

__all__ = ["DecisionPool", "available_cores"]

_PIPELINE: Pipeline | None = None
"""The worker's pipeline (set in the parent before forking, or by :func:`_init_spawned`)."""


def available_cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _records(posts: list[Post]) -> list[str]:
    """Decide ``posts`` with the worker's pipeline; one contract JSON line per post, in order.

    Workers return serialized lines rather than ``Decision`` objects: pickling a line is
    cheaper than pickling the object graph, and the parent only has to write it."""
    assert _PIPELINE is not None, "worker pipeline not initialised"
    return [json.dumps(decision_record(d), ensure_ascii=False) for d in _PIPELINE.run_batch(posts)]


def _init_spawned(settings: Settings) -> None:
    global _PIPELINE
    _PIPELINE = Pipeline.from_settings(settings)
    _PIPELINE.load()


class DecisionPool:
    """``records(batches)`` yields, per batch of posts, the contract JSON lines of their decisions.

    Use as a context manager (the workers are stopped on exit, also on error). Errors raised
    by a worker (a :class:`~vigie.errors.VigieError` included) are re-raised in the parent.
    """

    def __init__(self, settings: Settings, workers: int = 1) -> None:
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, got {workers}", code="invalid_workers")
        self.workers = workers
        threads = max(1, min(settings.detection.encoder_threads, available_cores() // workers))
        self.settings = settings.model_copy(
            update={"detection": settings.detection.model_copy(update={"encoder_threads": threads})}
        )
        self._pool: ProcessPool | None = None
        self._local: Pipeline | None = None

    def __enter__(self) -> DecisionPool:
        global _PIPELINE
        if self.workers == 1:
            self._local = Pipeline.from_settings(self.settings)
            return self
        if "fork" in multiprocessing.get_all_start_methods():
            pipeline = Pipeline.from_settings(self.settings)
            pipeline.languages.parallel = False  # its thread pool would not survive the fork
            pipeline.load()
            pipeline.run_batch([Post("warm-up", "Warm-up post: loads every lazy model before forking.")])
            _PIPELINE = pipeline
            self._pool = multiprocessing.get_context("fork").Pool(self.workers)
        else:  # pragma: no cover - exercised on platforms without fork
            ctx = multiprocessing.get_context("spawn")
            self._pool = ctx.Pool(self.workers, initializer=_init_spawned, initargs=(self.settings,))
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        global _PIPELINE
        if self._pool is not None:
            if exc_type is None:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()
            self._pool = None
        _PIPELINE = None

    def records(self, batches: Iterable[list[Post]]) -> Iterator[list[str]]:
        """Contract lines per batch, in the order the batches were given."""
        global _PIPELINE
        if self._local is not None:
            _PIPELINE = self._local
            for batch in batches:
                yield _records(batch) if batch else []
            return
        if self._pool is None:
            raise RuntimeError("DecisionPool used outside its 'with' block")
        pending: deque[AsyncResult[list[str]]] = deque()
        limit = 2 * self.workers
        for batch in batches:
            pending.append(self._pool.apply_async(_records, (batch,)))
            if len(pending) >= limit:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    def __repr__(self) -> str:
        return f"DecisionPool(workers={self.workers})"
