"""The project's functional cases: deterministic, split by template and filler, labels per functionality."""

from __future__ import annotations

import math
import random

from vigie.model.templates import _FILLER_TABLES, FUNCTIONALITIES, TEMPLATES, generate, obfuscate


def test_generation_is_deterministic_and_covers_both_languages() -> None:
    a, b = generate(seed=0), generate(seed=0)
    assert [c.text for c in a] == [c.text for c in b]
    assert {c.lang for c in a} == {"en", "fr", "es", "de", "it"}
    # every functionality exists in every language (es, de, it: the packs of vigie.model.template_packs)
    for lang in ("en", "fr", "es", "de", "it"):
        assert {t.functionality for t in TEMPLATES if t.lang == lang} == set(FUNCTIONALITIES), lang


def test_no_template_is_in_both_splits_and_no_text_crosses() -> None:
    cases = generate(seed=0)
    split_of: dict[str, set[str]] = {}
    for c in cases:
        split_of.setdefault(c.template_id, set()).add(c.split)
    assert all(len(s) == 1 for s in split_of.values())
    train = {c.text for c in cases if c.split == "train"}
    test = {c.text for c in cases if c.split == "test"}
    assert train.isdisjoint(test)
    for lang in ("en", "fr"):
        funcs = {c.functionality for c in cases if c.lang == lang and c.split == "test"}
        assert funcs >= set(FUNCTIONALITIES) - {"obfuscation"}


def test_heldout_cases_use_only_heldout_fillers() -> None:
    cases = generate(seed=0)
    for table in _FILLER_TABLES:
        for lang in ("en", "fr"):
            rows = table[lang]
            cut = len(rows) - len(rows) // 3
            train_only = {v for row in rows[:cut] for v in row.values()}
            heldout_only = {v for row in rows[cut:] for v in row.values()} - train_only
            for c in cases:
                if c.lang != lang or c.functionality == "obfuscation":
                    continue
                pool = heldout_only if c.split == "train" else train_only - heldout_only
                # Multi-word fillers (names, places, roles) are unambiguous to look for in the text.
                leaked = [v for v in pool if " " in v and v.lower() in c.text.lower()]
                assert not leaked, (c.split, c.text, leaked)


def test_targets_follow_the_functionality() -> None:
    for c in generate(seed=0):
        expected = FUNCTIONALITIES[c.functionality] if c.functionality != "obfuscation" else c.targets
        assert len(c.targets) == 6
        assert all(
            (math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(c.targets, expected, strict=True)
        )


def test_obfuscation_changes_the_text_but_keeps_it_readable() -> None:
    rng = random.Random(1)
    text = "I will kill them all tomorrow"
    outs = {obfuscate(text, rng) for _ in range(30)}
    assert text not in outs or len(outs) > 1
    assert all(o.split()[0] == "I" for o in outs)
