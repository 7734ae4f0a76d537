"""Backfills: score a set of shards into the store, resumable, locally or on Ray (DESIGN §5)."""

from vigie.batch.local import BackfillOutcome, run_backfill

__all__ = ["BackfillOutcome", "run_backfill"]
