"""`vigie scan`: stores posts, signals, decisions, events; idempotent re-scan; revisions; report; errors."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from rich.console import Console

from vigie.pipeline import Pipeline
from vigie.scan import run_scan
from vigie.settings import Settings, load_settings
from vigie.store import Store, open_store


def settings_for(store: dict[str, Any]) -> Settings:
    return load_settings(environ={}, overrides={"store": store})


def opened(store: dict[str, Any]) -> Store:
    return open_store(store["url"], schema=store.get("schema_name"))


def quiet() -> Console:
    return Console(file=io.StringIO(), width=120)


def test_scan_stores_and_rescan_changes_nothing(
    tmp_path: Path, small_feed: Path, store_section: dict[str, Any], pipeline: Pipeline
) -> None:
    s = settings_for(store_section)
    first = run_scan(s, str(small_feed), console=quiet(), err_console=quiet(), pipeline=pipeline)
    assert first.summary.new_posts == 40 and first.summary.unchanged_posts == 0
    store = opened(store_section)
    try:
        events_after_first = len(store.events())
        assert len(store.latest_decisions()) == 40
    finally:
        store.close()

    again = run_scan(s, str(small_feed), console=quiet(), err_console=quiet(), pipeline=pipeline)
    assert again.summary.new_posts == 0 and again.summary.unchanged_posts == 40
    assert [d.verdict for d in again.decisions] == [d.verdict for d in first.decisions]
    assert [d.severity for d in again.decisions] == [d.severity for d in first.decisions]
    store = opened(store_section)
    try:
        assert len(store.events()) == events_after_first
        assert len(store.latest_decisions()) == 40
        assert store.verify_audit().ok
    finally:
        store.close()


def test_changed_text_is_a_new_revision(
    tmp_path: Path, small_feed: Path, store_section: dict[str, Any], pipeline: Pipeline
) -> None:
    s = settings_for(store_section)
    run_scan(s, str(small_feed), console=quiet(), err_console=quiet(), pipeline=pipeline)
    lines = small_feed.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[0])
    rec["text"] = "Je vais te tuer demain, sale traître."
    edited = tmp_path / "edited.jsonl"
    edited.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    out = run_scan(s, str(edited), console=quiet(), err_console=quiet(), pipeline=pipeline)
    assert out.summary.revised_posts == 1
    store = opened(store_section)
    try:
        history = store.post_history("default", rec["id"])
        assert [h["revision"] for h in history] == [1, 2]
        latest = {d.post_id: d for d in store.latest_decisions()}[rec["id"]]
        assert latest.revision == 2 and latest.text == rec["text"]
    finally:
        store.close()


def test_bad_records_are_reported_and_good_ones_kept(
    tmp_path: Path, small_feed: Path, store_section: dict[str, Any], pipeline: Pipeline
) -> None:
    lines = small_feed.read_bytes().splitlines()[:5]
    lines.insert(2, b"{not json")
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    out = run_scan(
        settings_for(store_section), str(path), console=quiet(), err_console=quiet(), pipeline=pipeline
    )
    assert [e.record for e in out.rejected] == [3]
    assert out.summary.errors == 1 and out.summary.total == 5
    store = opened(store_section)
    try:
        assert len(store.latest_decisions()) == 5
    finally:
        store.close()


def test_report_is_self_contained(tmp_path: Path, small_feed: Path, pipeline: Pipeline) -> None:
    from vigie.report import write_html

    s = settings_for({"url": f"sqlite:///{tmp_path / 'r.db'}"})
    out = run_scan(s, str(small_feed), console=quiet(), err_console=quiet(), pipeline=pipeline)
    path = write_html(tmp_path / "reports" / "scan.html", out.summary, out.decisions)
    html = path.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    flagged = [d for d in out.decisions if d.flagged]
    assert flagged and all(d.post.id in html for d in flagged)
