"""The on-disk regex cache: a cached pattern matches exactly what ``re.compile`` would, and a bad
cache file costs time, never correctness."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from vigie.detectors import lexicon
from vigie.text.normalize import fold
from vigie.text.regex_cache import RegexCache

ROOT = Path(__file__).resolve().parents[2]
SOURCE = r"(?<!\w)(?P<threat>kill|shoot)\W+(?P<who>you|them)(?!\w)|(?i:HATE)"
TEXTS = ["I will kill you", "shoot them now", "we HATE it", "skill you", "nothing here", ""]


def _matches(pattern: re.Pattern[str], texts: list[str]) -> list[list[tuple[tuple[int, int], str | None]]]:
    return [[(m.span(), m.lastgroup) for m in pattern.finditer(t)] for t in texts]


def test_a_cached_program_matches_what_re_compile_matches(tmp_path: Path) -> None:
    expected = re.compile(SOURCE)
    cold = RegexCache("ns", directory=tmp_path)
    first = cold.compile(SOURCE)
    cold.save()
    assert (cold.hits, cold.misses) == (0, 1)
    assert (tmp_path / "ns.json").is_file()

    warm = RegexCache("ns", directory=tmp_path)
    again = warm.compile(SOURCE)
    assert (warm.hits, warm.misses) == (1, 0)
    for p in (first, again):
        assert _matches(p, TEXTS) == _matches(expected, TEXTS)
        assert (p.pattern, p.flags, p.groups, p.groupindex) == (
            expected.pattern,
            expected.flags,
            expected.groups,
            expected.groupindex,
        )


def test_flags_are_part_of_the_key(tmp_path: Path) -> None:
    cache = RegexCache("ns", directory=tmp_path)
    assert cache.compile("abc").search("ABC") is None
    assert cache.compile("abc", re.IGNORECASE).search("ABC") is not None
    assert cache.misses == 2


def test_a_corrupt_file_is_ignored_and_rewritten(tmp_path: Path) -> None:
    (tmp_path / "ns.json").write_text("{not json", encoding="utf-8")
    cache = RegexCache("ns", directory=tmp_path)
    assert _matches(cache.compile(SOURCE), TEXTS) == _matches(re.compile(SOURCE), TEXTS)
    cache.save()
    assert json.loads((tmp_path / "ns.json").read_text(encoding="utf-8"))["format"] == 1


def _saved_and_edited(tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> RegexCache:
    """SOURCE compiled into a cache file, the file's JSON changed by ``edit``, and a new cache on it."""
    cache = RegexCache("ns", directory=tmp_path)
    cache.compile(SOURCE)
    cache.save()
    path = tmp_path / "ns.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return RegexCache("ns", directory=tmp_path)


def test_a_tampered_program_is_rejected_by_the_engine_and_compiled_from_source(tmp_path: Path) -> None:
    def truncate(data: dict[str, Any]) -> None:
        for entry in data["entries"].values():
            entry[1] = entry[1][: len(entry[1]) // 2]

    again = _saved_and_edited(tmp_path, truncate)
    assert _matches(again.compile(SOURCE), TEXTS) == _matches(re.compile(SOURCE), TEXTS)
    assert (again.hits, again.misses) == (0, 1)


def test_a_file_from_another_engine_is_not_used(tmp_path: Path) -> None:
    again = _saved_and_edited(tmp_path, lambda data: data.update(engine="cpython-2.7-0"))
    again.compile(SOURCE)
    assert (again.hits, again.misses) == (0, 1)


def test_facts_are_derived_once_and_errors_are_not_stored(tmp_path: Path) -> None:
    calls: list[str] = []

    def groups(parsed: object) -> list[int]:
        calls.append("derived")
        return [parsed.state.groups]  # type: ignore[attr-defined]

    cache = RegexCache("ns", directory=tmp_path)
    assert cache.facts("test.groups/1", SOURCE, 0, groups) == [3]
    cache.save()
    warm = RegexCache("ns", directory=tmp_path)
    assert warm.facts("test.groups/1", SOURCE, 0, groups) == [3]
    assert calls == ["derived"]
    with pytest.raises(re.error):
        warm.facts("test.groups/1", "(unclosed", 0, groups)
    with pytest.raises(re.error):  # not remembered as a success
        warm.facts("test.groups/1", "(unclosed", 0, groups)


def test_an_unwritable_cache_is_silent(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    cache = RegexCache("ns", directory=blocker / "sub")  # a folder under a file cannot exist
    assert cache.compile("abc").search("xabc") is not None
    cache.save()
    assert not (blocker / "sub").exists()


def test_disabled_cache_writes_nothing(tmp_path: Path) -> None:
    cache = RegexCache("ns", directory=tmp_path, enabled=False)
    cache.compile(SOURCE)
    cache.save()
    assert list(tmp_path.iterdir()) == []


def _pack_patterns(pack: lexicon._Pack) -> list[re.Pattern[str]]:
    found = [p for s in pack.scanners for p in ((s.regex,) if s.regex is not None else s.singles or ())]
    found += [t.regex for t in pack.targets]
    optional = (pack.idioms, pack.endorsements, pack.negation, pack.negation_tail, pack.negation_after)
    found += [p for p in optional if p is not None]
    return found


def test_every_shipped_lexicon_pattern_compiles_the_same_from_the_cache(tmp_path: Path) -> None:
    """A cold build fills the cache, a warm one reads all of it, and every pattern of the warm
    build finds what ``re.compile`` of the same source finds in the bundled feed."""
    feed = (ROOT / "examples" / "feed.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [fold(json.loads(line)["text"]) for line in feed if line.strip()]
    for folder in sorted(p for p in lexicon.DATA_DIR.iterdir() if p.is_dir()):
        raw = lexicon._read_folder(folder, folder.name)
        cold_cache = RegexCache(folder.name, directory=tmp_path)
        cold = lexicon._compile_pack(raw, cold_cache)
        cold_cache.save()
        warm_cache = RegexCache(folder.name, directory=tmp_path)
        warm = lexicon._compile_pack(raw, warm_cache)
        assert warm_cache.misses == 0 and warm_cache.hits == cold_cache.misses > 0, folder.name
        assert [r.id for s in warm.scanners for r in s.rules] == [
            r.id for s in cold.scanners for r in s.rules
        ]
        for pattern in _pack_patterns(warm):
            reference = re.compile(pattern.pattern, pattern.flags)
            assert pattern.groupindex == reference.groupindex
            assert _matches(pattern, texts) == _matches(reference, texts), (folder.name, pattern.pattern[:80])
