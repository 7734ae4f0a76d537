"""The bundled example feed: well-formed, labelled as ``examples/README.md`` documents, and exactly what
``scripts/make_feed.py`` writes.

The allowed labels are spelled out here rather than imported from the generator, so a change to the
generator's label sets cannot silently pass.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FEED = ROOT / "examples" / "feed.jsonl"
SCRIPT = ROOT / "scripts" / "make_feed.py"

EXPECTED = {"none", "violent_threat", "incitement", "hate", "harassment"}
KIND_EXPECTED: dict[str, set[str]] = {
    "benign": {"none"},
    "idiom": {"none"},
    "criticism": {"none"},
    "reporting": {"none"},
    "counter_speech": {"none"},
    "direct_threat": {"violent_threat"},
    "conditional_threat": {"violent_threat"},
    "veiled_threat": {"violent_threat"},
    "call_to_arms": {"incitement"},
    "planning": {"incitement"},
    "dehumanisation": {"hate"},
    "slur_attack": {"hate"},
    "exclusion": {"hate"},
    "insult": {"harassment"},
    "obfuscated": EXPECTED - {"none"},
    "mixed_language": EXPECTED,
}
LANGS = {"fr", "en", "es", "de", "it", "mixed"}
REQUIRED = {"id", "text", "author_id", "created_at", "lang", "expected", "kind", "reach"}
OPTIONAL = {"targets"}


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    lines = FEED.read_text(encoding="utf-8").splitlines()
    out = []
    for n, line in enumerate(lines, start=1):
        record = json.loads(line)
        assert isinstance(record, dict), f"line {n} is not a JSON object"
        out.append(record)
    return out


@pytest.fixture(scope="module")
def generator() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location("make_feed", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def _flagged(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if r["expected"] != "none"]


def test_every_record_has_the_documented_fields_and_types(records: list[dict[str, Any]]) -> None:
    for r in records:
        assert REQUIRED <= r.keys() <= REQUIRED | OPTIONAL, r.get("id")
        assert re.fullmatch(r"p\d{4}", r["id"])
        assert isinstance(r["text"], str) and r["text"].strip()
        assert isinstance(r["author_id"], str) and r["author_id"]
        assert re.fullmatch(r"2021-01-\d\dT\d\d:\d\d:\d\dZ", r["created_at"]), r["created_at"]
        datetime.strptime(r["created_at"], "%Y-%m-%dT%H:%M:%SZ")  # a real date, not just the right shape
        assert r["lang"] in LANGS
        assert (
            set(r["reach"]) == {"views"} and isinstance(r["reach"]["views"], int) and r["reach"]["views"] > 0
        )
        if "targets" in r:
            assert r["targets"] and all(isinstance(t, str) and t for t in r["targets"])


def test_at_least_300_records_with_unique_ids_and_texts(records: list[dict[str, Any]]) -> None:
    assert len(records) >= 300
    assert len({r["id"] for r in records}) == len(records)
    assert len({r["text"] for r in records}) == len(records)


def test_ids_follow_posting_time(records: list[dict[str, Any]]) -> None:
    assert [r["id"] for r in records] == [f"p{n:04d}" for n in range(1, len(records) + 1)]
    stamps = [r["created_at"] for r in records]
    assert stamps == sorted(stamps)


def test_labels_are_allowed_and_agree_with_kind(records: list[dict[str, Any]]) -> None:
    for r in records:
        assert r["expected"] in EXPECTED, r["id"]
        assert r["kind"] in KIND_EXPECTED, r["id"]
        assert r["expected"] in KIND_EXPECTED[r["kind"]], (r["id"], r["kind"], r["expected"])


def test_mix_of_labels_and_languages(records: list[dict[str, Any]]) -> None:
    n = len(records)
    assert sum(r["expected"] == "none" for r in records) >= 0.6 * n
    flagged_langs = Counter(r["lang"] for r in _flagged(records))
    assert flagged_langs["fr"] >= 25 and flagged_langs["en"] >= 25
    kinds = Counter(r["kind"] for r in records)
    assert set(kinds) == set(KIND_EXPECTED)
    assert min(kinds.values()) >= 5, kinds
    assert set(Counter(r["expected"] for r in records)) == EXPECTED
    langs = Counter(r["lang"] for r in records)
    assert 0.40 <= langs["fr"] / n <= 0.50
    assert 0.35 <= langs["en"] / n <= 0.45
    assert all(langs[lang] >= 5 for lang in ("es", "de", "it", "mixed"))


def test_long_and_very_short_posts(records: list[dict[str, Any]]) -> None:
    lengths = [len(r["text"]) for r in records]
    assert max(lengths) <= 3000
    assert sum(1000 <= n <= 3000 for n in lengths) >= 4
    assert sum(n <= 20 for n in lengths) >= 5


def test_obfuscated_posts_use_each_disguise(records: list[dict[str, Any]]) -> None:
    texts = [r["text"] for r in records if r["kind"] == "obfuscated"]
    assert any("\u200b" in t for t in texts), "zero-width space"
    assert any(re.search(r"[\u0400-\u04ff]", t) for t in texts), "Cyrillic homoglyph"
    assert any(re.search(r"\b(?:\w ){3,}\w\b", t) for t in texts), "spaced letters"
    assert any(re.search(r"[a-z][0-9]|[0-9][a-z]", t) for t in texts), "leetspeak"
    assert any(re.search(r"([aeiou])\1\1", t) for t in texts), "repeated letters"


def test_targets_occur_in_the_text(records: list[dict[str, Any]]) -> None:
    for r in records:
        for target in r.get("targets", []):
            assert target.lower() in r["text"].lower(), (r["id"], target)
    assert sum("targets" in r for r in _flagged(records)) >= 0.6 * len(_flagged(records))


_EVENT_DAY = re.compile(r"\b(\d{1,2}) janvier\b|\bJanuary (\d{1,2})\b|\bthe (\d{1,2})(?:st|nd|rd|th)\b")


def test_calls_to_arms_are_posted_before_the_day_they_name(records: list[dict[str, Any]]) -> None:
    checked = 0
    for r in records:
        if r["expected"] != "incitement":
            continue
        match = _EVENT_DAY.search(r["text"])
        if match is None:
            continue
        day = int(next(g for g in match.groups() if g))
        assert int(r["created_at"][8:10]) < day, (r["id"], r["created_at"], match.group(0))
        checked += 1
    assert checked >= 10


def test_regenerating_reproduces_the_committed_file(generator: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "feed.jsonl"
    assert generator.main(["--out", str(out)]) == 0
    assert out.read_bytes() == FEED.read_bytes()


def test_build_feed_matches_the_file_and_depends_on_the_seed(
    generator: ModuleType, records: list[dict[str, Any]]
) -> None:
    assert generator.build_feed() == records
    other = generator.build_feed(generator.SEED + 1)
    assert [r["text"] for r in other] != [r["text"] for r in records]


@pytest.mark.slow
def test_script_runs_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "nested" / "feed.jsonl"
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == FEED.read_bytes()
