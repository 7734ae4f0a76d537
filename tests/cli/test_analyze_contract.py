"""The `vigie analyze` contract (DESIGN §6), checked field by field on real output of the bundled feed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from vigie.categories import CATEGORIES, CONTEXT_LABELS, EVIDENCE_LABELS, Severity, Verdict
from vigie.contract import decision_record
from vigie.pipeline import Pipeline
from vigie.readers import read_records
from vigie.types import Post

VIGIE = [sys.executable, "-m", "vigie.cli"]
TARGET_KINDS = {"person", "official", "journalist", "judge", "executive", "group", "org", "place", "you"} | {
    "other_group"  # DESIGN.md §6's kinds plus one (lexicon v22, README): a group that is not protected
}


@pytest.fixture(scope="module")
def feed_records(pipeline: Pipeline, feed_path: Path) -> list[tuple[Post, dict[str, Any]]]:
    posts = [p for p in read_records(str(feed_path)) if isinstance(p, Post)]
    decisions = pipeline.run_batch(posts)
    return [(p, decision_record(d)) for p, d in zip(posts, decisions, strict=True)]


def check_record(post: Post, rec: dict[str, Any]) -> None:
    assert rec["id"] == post.id
    assert rec["verdict"] in {str(v) for v in Verdict}
    assert rec["flagged"] is (rec["verdict"] != "allow")
    assert set(rec["violations"]) <= {str(c) for c in CATEGORIES}
    assert (rec["violations"] == []) is (rec["verdict"] == "allow")
    assert rec["severity"] in {str(s) for s in Severity}
    assert (rec["severity"] == "none") is (rec["verdict"] == "allow") or rec["violations"]
    assert isinstance(rec["language"], str) and rec["language"]
    assert isinstance(rec["truncated"], bool)
    assert set(rec["scores"]) == {str(c) for c in CATEGORIES}
    assert set(rec["context"]) == {str(c) for c in CONTEXT_LABELS}
    for value in [*rec["scores"].values(), *rec["context"].values(), rec["imminence"]["score"]]:
        assert isinstance(value, float) and 0.0 <= value <= 1.0
    for t in rec["targets"]:
        assert t["kind"] in TARGET_KINDS and isinstance(t["name"], str) and t["name"]
        assert 0 <= t["start"] < t["end"] <= len(post.text)
    for e in rec["evidence"]:
        assert e["category"] in EVIDENCE_LABELS
        assert 0 <= e["start"] < e["end"] <= len(post.text)
        assert e["snippet"] == post.text[e["start"] : e["end"]]
        assert e["rationale"] and "@" in e["source"]
    for category in rec["violations"]:
        assert any(e["category"] == category for e in rec["evidence"]), f"{category} without evidence"
    assert set(rec["policy"]) >= {"name", "version", "hash"} and all(rec["policy"].values())


def test_every_record_of_the_feed_meets_the_contract(feed_records: list[tuple[Post, dict[str, Any]]]) -> None:
    assert len(feed_records) >= 300
    for post, rec in feed_records:
        check_record(post, rec)


def test_the_feed_gets_a_spread_of_outcomes(feed_records: list[tuple[Post, dict[str, Any]]]) -> None:
    verdicts = {rec["verdict"] for _, rec in feed_records}
    assert "allow" in verdicts and verdicts & {"review", "restrict", "remove"}
    flagged_expected = sum(
        1
        for post, rec in feed_records
        if rec["flagged"] and post.metadata.get("expected") not in (None, "none")
    )
    violating = sum(1 for post, _ in feed_records if post.metadata.get("expected") not in (None, "none"))
    assert flagged_expected / violating >= 0.5
    languages = {rec["language"] for _, rec in feed_records}
    assert {"fr", "en"} <= languages


def test_one_megabyte_post_is_truncated_and_answered(pipeline: Pipeline) -> None:
    text = "Je vais te tuer demain devant la mairie. " + "Il fait beau aujourd'hui. " * 40_000
    assert len(text) > 1_000_000
    rec = decision_record(pipeline.run(Post(id="big", text=text)))
    assert rec["truncated"] is True
    check_record(Post(id="big", text=text), rec)
    assert rec["flagged"]


def run_cli(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*VIGIE, *args], input=stdin, capture_output=True, cwd=cwd, timeout=600, check=False
    )


@pytest.mark.slow
def test_cli_stdin_to_stdout_in_order_with_error_lines(feed_path: Path) -> None:
    lines = feed_path.read_bytes().splitlines()[:20]
    lines.insert(3, b'{"id": "broken", ')
    lines.insert(7, b'{"id": "no-text"}')
    proc = run_cli("analyze", "-", stdin=b"\n".join(lines) + b"\n")
    assert proc.returncode == 2, proc.stderr.decode()
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(out) == 22
    assert out[3] == {
        "record": 4,
        "error": {"code": "record.invalid_json", "message": out[3]["error"]["message"]},
    }
    assert out[7]["record"] == 8 and out[7]["error"]["code"] == "record.missing_text"
    expected_ids = [json.loads(line)["id"] for i, line in enumerate(lines) if i not in (3, 7)]
    assert [o["id"] for o in out if "id" in o] == expected_ids


@pytest.mark.slow
def test_cli_exit_codes(tmp_path: Path, feed_path: Path) -> None:
    good = tmp_path / "ok.jsonl"
    good.write_bytes(b"\n".join(feed_path.read_bytes().splitlines()[:5]) + b"\n")
    out = tmp_path / "out" / "res.jsonl"
    proc = run_cli("analyze", str(good), "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5

    missing = run_cli("analyze", str(tmp_path / "missing.jsonl"))
    assert missing.returncode == 2 and b"input.missing_file" in missing.stderr

    bad_config = tmp_path / "vigie.yaml"
    bad_config.write_text("detection:\n  max_chars: many\n", encoding="utf-8")
    proc = run_cli("analyze", str(good), "--config", str(bad_config))
    assert proc.returncode == 2 and b"detection.max_chars" in proc.stderr
