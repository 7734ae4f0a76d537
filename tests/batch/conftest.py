"""Backfill fixtures: feed shards, lexicon-only settings (fast), and one small local Ray per session."""

from __future__ import annotations

import gc
import json
import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vigie.settings import Settings, load_settings

FEED = Path(__file__).resolve().parents[2] / "examples" / "feed.jsonl"


@pytest.fixture
def shards(tmp_path: Path) -> Path:
    """The example feed cut into four shards: three JSONL and one Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [json.loads(line) for line in FEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    d = tmp_path / "shards"
    d.mkdir()
    quarter = len(rows) // 4 + 1
    parts = [rows[i : i + quarter] for i in range(0, len(rows), quarter)]
    for i, part in enumerate(parts[:-1]):
        (d / f"part-{i}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8"
        )
    last = parts[-1]
    table = pa.table(
        {
            k: [json.dumps(r.get(k)) if isinstance(r.get(k), dict | list) else r.get(k) for r in last]
            for k in ("id", "text", "author_id", "created_at", "lang")
        }
    )
    pq.write_table(table, d / f"part-{len(parts) - 1}.parquet")
    return d


def make_settings(db: Path, **detection: Any) -> Settings:
    """Lexicon-only detection (the encoder would dominate test time, not change what is tested)."""
    return load_settings(
        None,
        environ={},
        overrides={
            "store": {"url": f"sqlite:///{db}", "batch_size": 40},
            "detection": {"detectors": ["vigie.lexicon"], **detection},
        },
    )


@pytest.fixture(scope="session")
def ray_session() -> Iterator[Any]:
    """A local Ray with 2 CPUs, started once for the whole test session (`make test` installs the
    ``ray`` extra, so these tests always run)."""
    import ray

    os.environ.setdefault("RAY_ACCEL_ENV_VAR_OVERRIDE_ON_ZERO", "0")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Ray's start-up leaves /dev/null handles to the GC
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
        gc.collect()
    yield ray
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ray.shutdown()
        gc.collect()


@pytest.fixture
def ray_local(ray_session: Any) -> Iterator[Any]:
    """The session's Ray; collects the handles Ray leaves behind before the test ends, under the
    test's warning filters, so they are not reported against whichever test runs next."""
    yield ray_session
    gc.collect()
