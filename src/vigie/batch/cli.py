"""``vigie scan --engine local|ray``: run a backfill and print what it did (one JSON line on stdout)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from vigie.errors import ConfigError
from vigie.settings import Settings

__all__ = ["backfill"]


def backfill(settings: Settings, pattern: str, *, engine: str, workers: int, checkpoint_dir: Path) -> None:
    """Backfill ``pattern`` with ``engine``; the summary goes to stdout as JSON (scripts read it)."""
    from vigie.batch.local import run_backfill

    if engine not in ("local", "ray"):
        raise ConfigError(f"--engine must be 'local' or 'ray', not {engine!r}", code="invalid_engine")
    outcome = run_backfill(
        settings,
        pattern,
        checkpoint_dir=checkpoint_dir,
        engine="ray" if engine == "ray" else "local",
        workers=workers,
    )
    typer.echo(json.dumps(outcome.as_dict()))
