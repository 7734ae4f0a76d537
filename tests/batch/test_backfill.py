"""Backfills store what ``vigie scan`` stores, resume without rescoring, and strike afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from sqlalchemy import func, select

from vigie.batch import run_backfill
from vigie.batch.shards import Checkpoint, list_shards
from vigie.readers import read_records
from vigie.scan import run_scan
from vigie.store import open_store
from vigie.store.models import DecisionRow, PostRow
from vigie.types import Post

from .conftest import make_settings

RAY_WARNINGS = pytest.mark.filterwarnings(
    "ignore::pytest.PytestUnraisableExceptionWarning",
    "ignore::ResourceWarning",
    "ignore::DeprecationWarning:ray",
    "ignore::FutureWarning:ray",
)
"""Ray's own processes leave file handles to the garbage collector and warn about their own
deprecated settings; none of it is vigie's to fix."""


def _decisions(db: Path, shards: Path) -> dict[str, str]:
    """post id → stored decision id, for every post of the shards."""
    posts = [p for f in sorted(shards.iterdir()) for p in read_records(str(f)) if isinstance(p, Post)]
    store = open_store(f"sqlite:///{db}")
    try:
        scored = store.latest_scored(posts)
        return {p.id: s.decision_id for p, s in zip(posts, scored, strict=True) if s is not None}
    finally:
        store.close()


def _counts(db: Path) -> tuple[int, int]:
    store = open_store(f"sqlite:///{db}")
    try:
        with store.reading() as s:
            return (
                s.scalar(select(func.count()).select_from(PostRow)) or 0,
                s.scalar(select(func.count()).select_from(DecisionRow)) or 0,
            )
    finally:
        store.close()


def _local_scan(tmp_path: Path, shards: Path) -> dict[str, str]:
    db = tmp_path / "local.db"
    settings = make_settings(db)
    with (tmp_path / "scan.log").open("w") as log:
        quiet = Console(file=log)
        for f in sorted(shards.iterdir()):
            run_scan(settings, str(f), console=quiet, err_console=quiet)
    return _decisions(db, shards)


def test_local_backfill_equals_scan_and_resumes(tmp_path: Path, shards: Path) -> None:
    expected = _local_scan(tmp_path, shards)
    db = tmp_path / "backfill.db"
    settings = make_settings(db)
    ckpt = tmp_path / "ckpt"
    out = run_backfill(settings, str(shards / "*"), checkpoint_dir=ckpt)
    assert out.shards == 4 and out.skipped == 0
    assert _decisions(db, shards) == expected
    assert len(expected) == out.posts == out.scored
    again = run_backfill(settings, str(shards / "*"), checkpoint_dir=ckpt)
    assert again.skipped == 4 and again.scored == 0


def test_crash_between_shards_resumes_without_rescoring_or_duplicates(tmp_path: Path, shards: Path) -> None:
    """A run killed after two shards: the rerun scores only the other two, and nothing is stored twice."""
    db = tmp_path / "b.db"
    settings = make_settings(db)
    ckpt = tmp_path / "ckpt"
    paths = list_shards(str(shards / "*"))
    import vigie.batch.local as local_engine

    real = local_engine.score_shard
    calls: list[str] = []

    def dying(*args: Any) -> Any:
        if len(calls) == 2:
            raise KeyboardInterrupt  # the process is killed before the third shard
        calls.append(args[3])
        return real(*args)

    local_engine.score_shard = dying  # type: ignore[assignment]
    try:
        with pytest.raises(KeyboardInterrupt):
            run_backfill(settings, str(shards / "*"), checkpoint_dir=ckpt)
    finally:
        local_engine.score_shard = real  # type: ignore[assignment]
    assert calls == paths[:2]
    assert [Checkpoint(ckpt).done(p) is not None for p in paths] == [True, True, False, False]
    posts_before, _ = _counts(db)

    out = run_backfill(settings, str(shards / "*"), checkpoint_dir=ckpt)
    assert out.skipped == 2
    assert sorted(r.path for r in out.results) == paths[2:]
    posts_after, decisions_after = _counts(db)
    assert posts_after > posts_before
    assert posts_after == decisions_after == len(_decisions(db, shards))


def test_half_done_shard_is_rescored_without_duplicates(tmp_path: Path, shards: Path) -> None:
    """A crash inside a shard (after some batches committed, before its marker) duplicates nothing."""
    db = tmp_path / "c.db"
    settings = make_settings(db)
    first = list_shards(str(shards / "*"))[0]
    import vigie.batch.work as work

    real = work.score_posts
    seen: list[int] = []

    def dying(*args: Any) -> None:
        if seen:
            raise KeyboardInterrupt
        seen.append(1)
        real(*args)

    work.score_posts = dying  # type: ignore[assignment]
    try:
        with pytest.raises(KeyboardInterrupt):
            run_backfill(settings, first, checkpoint_dir=tmp_path / "ck")
    finally:
        work.score_posts = real  # type: ignore[assignment]
    partial, _ = _counts(db)
    assert partial > 0
    out = run_backfill(settings, first, checkpoint_dir=tmp_path / "ck")
    assert out.scored == out.posts - partial
    posts, decisions = _counts(db)
    assert posts == decisions == out.posts


def test_strikes_applied_after_backfill_in_created_at_order(tmp_path: Path, shards: Path) -> None:
    db = tmp_path / "s.db"
    out = run_backfill(make_settings(db), str(shards / "*"), checkpoint_dir=tmp_path / "ck")
    removals = [m for r in out.results for m in r.removals]
    assert out.strikes == len({m.decision_id for m in removals})
    # A rerun applies nothing twice (strikes are idempotent on the decision).
    again = run_backfill(make_settings(db), str(shards / "*"), checkpoint_dir=tmp_path / "ck")
    assert again.strikes == 0


@RAY_WARNINGS
@pytest.mark.slow
def test_ray_backfill_equals_local_scan(tmp_path: Path, shards: Path, ray_local: Any) -> None:
    expected = _local_scan(tmp_path, shards)
    db = tmp_path / "ray.db"
    out = run_backfill(
        make_settings(db), str(shards / "*"), checkpoint_dir=tmp_path / "ck", engine="ray", workers=2, cpus=2
    )
    assert out.engine == "ray" and out.scored == len(expected)
    assert _decisions(db, shards) == expected


@RAY_WARNINGS
@pytest.mark.slow
def test_ray_worker_killed_resumes(tmp_path: Path, shards: Path, ray_local: Any) -> None:
    """A run stopped after one shard's marker (as a killed worker leaves it): the rerun does the rest."""
    db = tmp_path / "rk.db"
    settings = make_settings(db)
    ckpt = tmp_path / "ck"
    paths = list_shards(str(shards / "*"))
    run_backfill(settings, paths[0], checkpoint_dir=ckpt, engine="ray", workers=1, cpus=2)
    out = run_backfill(settings, str(shards / "*"), checkpoint_dir=ckpt, engine="ray", workers=2, cpus=2)
    assert out.skipped == 1 and sorted(r.path for r in out.results) == paths[1:]
    posts, decisions = _counts(db)
    assert posts == decisions == len(_decisions(db, shards))
