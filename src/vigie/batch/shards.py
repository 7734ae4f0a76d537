"""Shards and their checkpoints: what a backfill reads, and what it already finished.

A shard is one input file (JSONL, CSV or Parquet). A finished shard leaves a marker file in
the checkpoint directory, written *after* its results were committed to the store: a rerun
skips every shard with a marker, and a shard cut off in the middle is scored again from its
start — harmless, because :meth:`~vigie.store.Store.save_batch` is idempotent on
``(source, id, text)`` and on the decision id, so nothing is stored twice. The marker also
keeps the shard's final removals, so the strikes applied at the end of the backfill include
shards finished by an earlier, killed run.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from vigie.errors import InputError

__all__ = ["Checkpoint", "Removal", "ShardResult", "list_shards"]


def list_shards(pattern: str) -> list[str]:
    """Files matching ``pattern`` (a path or a glob, ``**`` allowed), sorted; InputError when none."""
    paths = sorted({str(Path(p).resolve()) for p in glob.glob(pattern, recursive=True) if Path(p).is_file()})
    if not paths:
        raise InputError(f"no input file matches {pattern!r}", code="missing_file")
    return paths


@dataclass(frozen=True, slots=True)
class Removal:
    """A final removal whose author earns a strike once the backfill is over."""

    source: str
    author_id: str
    decision_id: str
    severity: str
    categories: tuple[str, ...]
    created_at: str | None
    """ISO time of the post (strikes apply in this order); None when the input had none."""
    reason: str


@dataclass(slots=True)
class ShardResult:
    path: str
    posts: int = 0
    scored: int = 0
    """Posts scored in this run (the others were already decided in the store)."""
    rejected: int = 0
    flagged: int = 0
    seconds: float = 0.0
    removals: list[Removal] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ShardResult:
        removals = [Removal(**{**r, "categories": tuple(r["categories"])}) for r in data.get("removals", [])]
        return cls(**{**data, "removals": removals})


class Checkpoint:
    """Markers of finished shards under ``directory`` (one JSON file per shard, written atomically)."""

    def __init__(self, directory: str | Path) -> None:
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)

    def _marker(self, path: str) -> Path:
        st = os.stat(path)
        key = hashlib.sha256(f"{path}\x00{st.st_size}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return self.dir / f"{key}.done.json"

    def done(self, path: str) -> ShardResult | None:
        marker = self._marker(path)
        if not marker.exists():
            return None
        return ShardResult.from_json(json.loads(marker.read_text(encoding="utf-8")))

    def mark(self, result: ShardResult) -> None:
        marker = self._marker(result.path)
        tmp = marker.with_suffix(".tmp")
        tmp.write_text(json.dumps(result.to_json(), ensure_ascii=False), encoding="utf-8")
        tmp.replace(marker)
