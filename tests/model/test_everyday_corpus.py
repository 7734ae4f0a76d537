"""The everyday corpus: well-formed, split by block, never a near copy of what measures the model.

The corpus trains the heads and the first stage (``vigie.model.everyday``). HateCheck and the
bundled feed *measure* the model, so a corpus line that nearly copies one of their cases
would inflate the measurement; the check is :mod:`.nearcopy`, as for the generated templates.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from vigie.model.datasets import HEAD_LABELS
from vigie.model.everyday import BLOCK, corpus_files, load_everyday, read_corpus

from .nearcopy import near_copies

ROOT = Path(__file__).resolve().parents[2]
HATECHECK = ROOT / ".." / "shared" / "data" / "hatecheck" / "test_suite_cases.csv"
FEED = ROOT / "examples" / "feed.jsonl"
SECTIONS = {"daily", "culture", "idiom", "politics", "identity", "news"}
HARD_NEGATIVES = {"negation", "counter", "groups"}
"""Extra sections: negated hostility and counter-speech that refers to hate without slurs (en, fr), plain
mentions of protected groups, positive, neutral or in their own voice (en, fr, de, es, it)."""


def test_every_file_parses_with_its_language_and_the_six_sections() -> None:
    files = corpus_files()
    assert {f.stem.removeprefix("everyday_") for f in files} >= {"en", "fr", "es", "de", "it"}
    for path in files:
        posts = read_corpus(path)
        lang = path.stem.removeprefix("everyday_")
        assert {p.lang for p in posts} == {lang}
        sections = {p.section for p in posts}
        assert SECTIONS <= sections <= SECTIONS | HARD_NEGATIVES
        assert len(posts) >= 150
        texts = [p.text.casefold() for p in posts]
        assert [t for t, n in Counter(texts).items() if n > 1] == []


def test_hashtag_posts_are_posts_and_format_errors_name_the_line(tmp_path: Path) -> None:
    good = tmp_path / "everyday_xx.txt"
    good.write_text("# language: xx\n# section: daily\n#GeneralStrike today\nhello\n", encoding="utf-8")
    assert [p.text for p in read_corpus(good)] == ["#GeneralStrike today", "hello"]
    bad = tmp_path / "everyday_yy.txt"
    bad.write_text("# language: yy\nhello\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"everyday_yy.txt:2: post before"):
        read_corpus(bad)
    bad.write_text("# language: yy\n# section: daily\nhello\n\nbye\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r":4: blank line"):
        read_corpus(bad)


def test_rows_are_benign_and_blocks_never_straddle_splits() -> None:
    rows = load_everyday(seed=0)
    assert len(rows) > 2000
    for row in rows:
        assert row.targets[:4] == (0.0, 0.0, 0.0, 0.0)
        assert len(row.targets) == len(HEAD_LABELS)
    assert set(Counter(r.split for r in rows)) == {"train", "val", "test"}
    # Rebuild the blocks from the files: every block's rows share one split.
    split_of = {r.text: r.split for r in rows}
    for path in corpus_files():
        blocks: dict[tuple[str, int], set[str]] = defaultdict(set)
        index: Counter[str] = Counter()
        for post in read_corpus(path):
            blocks[(post.section, index[post.section] // BLOCK)].add(split_of[post.text])
            index[post.section] += 1
        assert all(len(splits) == 1 for splits in blocks.values()), path
    # A different seed moves blocks between splits (the seed is used).
    other = {r.text: r.split for r in load_everyday(seed=1)}
    assert sum(split_of[t] != other[t] for t in split_of) > 100


def test_no_corpus_post_is_a_near_copy_of_hatecheck_or_of_the_feed() -> None:
    if not HATECHECK.is_file():
        pytest.fail(f"HateCheck cases not found at {HATECHECK}: the near-copy check cannot run without them")
    with HATECHECK.open(encoding="utf-8", newline="") as f:
        hatecheck = [row["test_case"] for row in csv.DictReader(f)]
    feed = [json.loads(line)["text"] for line in FEED.read_text(encoding="utf-8").splitlines()]
    corpus = [r.text for r in load_everyday(seed=0)]
    assert near_copies(corpus, hatecheck) == []
    assert near_copies(corpus, feed) == []
    # The check itself can fail: a corpus line copied with one character changed is caught.
    assert near_copies([feed[0] + "!"], feed) != []
