"""`vigie analyze --workers N`: the same lines in the same order whatever N, rejected records in place."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vigie.batch.pool import DecisionPool
from vigie.errors import ConfigError
from vigie.settings import load_settings

VIGIE = [sys.executable, "-m", "vigie.cli"]


@pytest.fixture(scope="module")
def mixed_input(tmp_path_factory: pytest.TempPathFactory, feed_path: Path) -> Path:
    """90 feed posts with one record lacking a text in the middle (it must keep its place)."""
    lines = feed_path.read_text(encoding="utf-8").splitlines()[:90]
    lines.insert(47, json.dumps({"id": "broken-47", "body": "no text field"}))
    path = tmp_path_factory.mktemp("workers") / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _analyze(path: Path, out: Path, workers: int) -> subprocess.CompletedProcess[str]:
    # Small batches so that several are in flight at once with 2 workers.
    env_cfg = {"VIGIE_DETECTION__BATCH_SIZE": "8"}
    return subprocess.run(
        [*VIGIE, "analyze", str(path), "-o", str(out), "--workers", str(workers)],
        capture_output=True,
        text=True,
        env={**os.environ, **env_cfg},
        timeout=600,
        check=False,
    )


@pytest.mark.slow
def test_two_workers_write_exactly_what_one_writes(mixed_input: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    r1 = _analyze(mixed_input, one, 1)
    r2 = _analyze(mixed_input, two, 2)
    assert (r1.returncode, r2.returncode) == (2, 2), (r1.stderr[-2000:], r2.stderr[-2000:])
    lines1 = one.read_text(encoding="utf-8").splitlines()
    assert lines1 == two.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines1]
    assert len(records) == 91
    assert records[47]["record"] == 48 and records[47]["error"]["code"]
    ids = [json.loads(line)["id"] for line in mixed_input.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records[:47]] == ids[:47]
    assert [r["id"] for r in records[48:]] == ids[48:]
    assert sum(r.get("flagged", False) for r in records) > 0


def test_workers_must_be_positive() -> None:
    with pytest.raises(ConfigError, match="workers must be at least 1"):
        DecisionPool(load_settings(None), workers=0)


def test_each_worker_gets_its_share_of_the_cores() -> None:
    settings = load_settings(None, overrides={"detection": {"encoder_threads": 2}})
    pool = DecisionPool(settings, workers=64)
    assert pool.settings.detection.encoder_threads == 1
    assert DecisionPool(settings, workers=1).settings.detection.encoder_threads <= 2
