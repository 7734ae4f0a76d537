"""Prefilters never change what a lexicon rule matches.

A rule pattern may open with a lookahead ``(?=...)`` that lists how its alternatives can begin (their first
words, their lists, the sentence starts they require): the combined scanner then drops, with one test, every
word that opens no alternative, instead of trying each alternative (and its optional articles and
look-behinds) at every word of every post. The prefilter is pure performance: it must let through every
text the rest of the pattern matches. Nothing else checks that when an alternative is edited later, so this
test does: it generates texts from each filtered rule's own regex (without the prefilter) and requires the
whole rule to match each of them exactly as the unfiltered pattern does.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from vigie.detectors.lexicon import DATA_DIR, _Compiler, _read_folder, _sre_parser

from .regex_texts import CONTEXTS, TAILS, generate

SAMPLES = 400


def _leading_lookahead(pattern: str) -> tuple[str, str] | None:
    """``(filter, rest)`` when ``pattern`` opens with ``(?=filter)``, else None (escape- and class-aware)."""
    if not pattern.startswith("(?="):
        return None
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return pattern[3:i], pattern[i + 1 :]
        i += 1
    raise AssertionError(f"unbalanced lookahead in {pattern[:80]!r}")


def _filtered_rules() -> Iterator[tuple[str, str, str, str]]:
    """(language, rule id, authored pattern, pattern without its prefilter) of every prefiltered rule."""
    for folder in sorted(d for d in DATA_DIR.iterdir() if d.is_dir()):
        raw = _read_folder(folder, folder.name)
        for _file, entry in raw.rules:
            split = _leading_lookahead(str(entry.get("pattern", "")))
            if split is not None:
                yield folder.name, entry["id"], entry["pattern"], split[1]


FILTERED = list(_filtered_rules())


def test_some_rules_are_prefiltered() -> None:
    assert FILTERED, "no rule opens with a (?=...) prefilter: drop this test or the convention"


@pytest.mark.parametrize(("language", "rule_id", "pattern", "rest"), FILTERED, ids=[f[1] for f in FILTERED])
def test_prefilter_lets_through_every_text_its_rule_matches(
    language: str, rule_id: str, pattern: str, rest: str
) -> None:
    raw = _read_folder(DATA_DIR / language, language)
    compiler = _Compiler(raw)
    entry = next(e for _f, e in raw.rules if e["id"] == rule_id)
    view = entry.get("view", "folded")
    flags = re.IGNORECASE if view == "nfkc" else 0
    whole = re.compile(compiler.pattern(pattern, view, rule_id, rule_id), flags)
    bare_source = compiler.pattern(rest, view, rule_id, f"{rule_id} (without its prefilter)")
    bare = re.compile(bare_source, flags)
    parsed = list(_sre_parser.parse(bare_source, flags))
    rng = random.Random(rule_id)
    matched = 0
    for _ in range(SAMPLES):
        out: list[str] = []
        generate(parsed, rng, out)
        context = rng.choice(CONTEXTS)
        text = context + "".join(out) + rng.choice(TAILS)
        expected = bare.match(text, len(context))
        if expected is None:
            continue
        matched += 1
        got = whole.match(text, len(context))
        assert got is not None and got.span() == expected.span(), (
            f"{rule_id}: the prefilter refuses {text[len(context) :]!r}, which the rule matches"
        )
    assert matched >= SAMPLES // 10, f"{rule_id}: too few generated texts match ({matched}/{SAMPLES})"
