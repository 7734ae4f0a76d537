"""The scan prefilter (vigie.detectors.factors) finds exactly what the combined scanners find.

A scanner tries only the rules whose required factors occur in the text, one regex per rule,
and rebuilds the combined alternation's answer from their leftmost matches. Three things must
hold for that to change nothing: every match of a rule contains one of its chosen factors
(checked on texts generated from every shipped rule's own regex), the rebuilt answer equals the
combined one (checked on the shipped feed, the everyday corpus and the generated texts, in every
language pack), and the rebuild follows the alternation's order on ties and overlaps (checked on
a hand-built scanner).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from vigie.detectors.factors import FactorIndex, choose, factor_candidates
from vigie.detectors.lexicon import (
    DATA_DIR,
    LexiconDetector,
    Rule,
    _Compiler,
    _matches,
    _read_folder,
    _Scanner,
    _sre_parser,
)
from vigie.model.everyday import corpus_files
from vigie.text.normalize import normalize

from .regex_texts import CONTEXTS, TAILS, generate

FEED = Path(__file__).resolve().parents[2] / "examples" / "feed.jsonl"
SAMPLES_PER_RULE = 25


def _longest(s: str) -> float:
    """A cost that prefers long factors (what a corpus estimate mostly does too)."""
    return 1.0 / len(s)


def _chosen(pattern: str) -> list[str] | None:
    return choose(factor_candidates(_sre_parser.parse(pattern, 0)), _longest)


@pytest.fixture(scope="module")
def lexicon() -> LexiconDetector:
    detector = LexiconDetector()
    detector.load()
    return detector


def _packs(detector: LexiconDetector) -> list[object]:
    assert detector._packs is not None and detector._common is not None
    return [detector._common, *detector._packs.values()]


def _generated(detector: LexiconDetector) -> list[tuple[str, _Scanner, int, str]]:
    """(pack code, scanner, rule index, text) for texts generated from every prefiltered rule."""
    out = []
    for pack in _packs(detector):
        for scanner in pack.scanners:  # type: ignore[attr-defined]
            for i, single in enumerate(scanner.singles or ()):
                rng = random.Random(scanner.rules[i].id)
                parsed = list(_sre_parser.parse(single.pattern, single.flags))
                for _ in range(SAMPLES_PER_RULE):
                    words: list[str] = []
                    generate(parsed, rng, words)
                    text = rng.choice(CONTEXTS) + "".join(words) + rng.choice(TAILS)
                    out.append((pack.code, scanner, i, text))  # type: ignore[attr-defined]
    return out


# -- factor extraction ----------------------------------------------------------------------


def test_a_literal_word_is_its_own_factor() -> None:
    assert _chosen(r"kill(?:ed|s)?\W+you") == ["kill"]


def test_a_branch_needs_a_factor_from_every_alternative() -> None:
    assert _chosen(r"(?:shoot|stab(?:bed)?)\W+\w+") == ["shoot", "stab"]


def test_short_exact_sets_are_joined_into_longer_factors() -> None:
    # "k" + [i1] + "ll": the product is small, so the factors are whole words, not single letters.
    assert _chosen(r"k[i1]ll") == ["k1ll", "kill"]


def test_the_cheapest_candidate_wins() -> None:
    assert _chosen(r"go\W+exterminate\W+them") == ["exterminate"]


@pytest.mark.parametrize(
    "pattern",
    [r"\w+", r"(?:kill)?\W+\w+", r"(?i:kill)", r"(?:a|\w)+"],
    ids=["category", "optional-only", "case-insensitive group", "unknown alternative"],
)
def test_no_sound_factor_means_none(pattern: str) -> None:
    """Where the walk cannot prove a string is in every match, it claims nothing."""
    assert _chosen(pattern) is None


def test_a_short_factor_is_still_a_sound_one() -> None:
    assert _chosen(r"[^a]bc?") == ["b"]


def test_a_pattern_compiled_case_insensitively_has_no_factors() -> None:
    assert factor_candidates(_sre_parser.parse("kill", re.IGNORECASE)) == []


def test_factor_index_answers_which_keys_can_match() -> None:
    index = FactorIndex({"threat": ("kill", "shoot"), "slur": ("vermin",), "any": None})
    assert index.possible("i will shoot") == {"threat", "any"}
    assert index.possible("a quiet day") == {"any"}
    assert index.possible("vermin who kill") == {"threat", "slur", "any"}


# -- the shipped lexicon --------------------------------------------------------------------


def test_the_shipped_scanners_are_prefiltered(lexicon: LexiconDetector) -> None:
    """Every scanner of the folded view is; the case-insensitive ones (nfkc) keep the alternation."""
    for pack in _packs(lexicon):
        for scanner in pack.scanners:  # type: ignore[attr-defined]
            if scanner.view == "nfkc":
                assert scanner.singles is None and scanner.regex is not None
                assert scanner.regex.flags & re.IGNORECASE
            else:
                assert scanner.singles is not None, f"{scanner.rules[0].id}: not prefiltered"
                assert len(scanner.singles) == len(scanner.factors) == len(scanner.rules)
    en = lexicon._packs["en"]  # type: ignore[index]
    with_factors = sum(f is not None for sc in en.scanners for f in sc.factors)
    assert with_factors >= 0.9 * sum(len(sc.factors) for sc in en.scanners)


def test_every_match_of_a_rule_holds_one_of_its_factors(lexicon: LexiconDetector) -> None:
    matched = 0
    for code, scanner, i, text in _generated(lexicon):
        factors = scanner.factors[i]
        single = scanner.singles[i]  # type: ignore[index]
        for m in single.finditer(text):
            matched += 1
            assert factors is None or any(f in text for f in factors), (
                f"{code} {scanner.rules[i].id}: {m.group()!r} in {text!r} holds none of {factors}"
            )
    assert matched > 10_000


def _alternations(detector: LexiconDetector) -> dict[tuple[str, int], re.Pattern[str]]:
    """Per (pack, scanner index) of the prefiltered scanners: the plain alternation of its rules, in
    scanner order, compiled from the rule sources as the lexicon's compiler writes them."""
    out = {}
    for pack in _packs(detector):
        raw = _read_folder(DATA_DIR / pack.code, pack.code)  # type: ignore[attr-defined]
        compiler = _Compiler(raw)
        sources = {
            e["id"]: compiler.pattern(e["pattern"], e.get("view", "folded"), f, e["id"]) for f, e in raw.rules
        }
        for k, scanner in enumerate(pack.scanners):  # type: ignore[attr-defined]
            if scanner.singles is not None:
                parts = "|".join(f"(?P<r{i}>{sources[r.id]})" for i, r in enumerate(scanner.rules))
                out[(pack.code, k)] = re.compile(rf"(?<!\w)(?:{parts})")  # type: ignore[attr-defined]
    return out


def test_prefiltered_scan_finds_exactly_what_the_alternation_finds(lexicon: LexiconDetector) -> None:
    """Each pack on the feed, a sample of the everyday corpus and texts generated from its own rules."""
    shared = [
        json.loads(line)["text"] for line in FEED.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    for path in corpus_files():
        shared += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][::6]
    generated = _generated(lexicon)
    alternations = _alternations(lexicon)
    hits = 0
    for pack in _packs(lexicon):
        code = pack.code  # type: ignore[attr-defined]
        own = [text for c, _s, _i, text in generated if c == code][::8]
        for text in shared + own:
            views = normalize(text)
            possible = {
                v: index.possible((views.folded if v == "folded" else views.nfkc).text)
                for v, index in pack.prefilter.items()  # type: ignore[attr-defined]
            }
            for k, scanner in enumerate(pack.scanners):  # type: ignore[attr-defined]
                if scanner.singles is None:
                    continue
                view = views.folded if scanner.view == "folded" else views.nfkc
                expected = [
                    (int(m.lastgroup[1:]), *m.span()) for m in alternations[(code, k)].finditer(view.text)
                ]  # type: ignore[index]
                assert _matches(scanner, k, view.text, possible.get(scanner.view)) == expected, (
                    f"{code} {scanner.rules[0].label}: {text!r}"
                )
                assert _matches(scanner, k, view.text, None) == expected
                hits += len(expected)
    assert hits > 1_000


# -- the rebuild of the alternation ---------------------------------------------------------


def _scanner(*patterns: str) -> tuple[_Scanner, re.Pattern[str], set[tuple[int, int]]]:
    """A scanner of ``patterns`` in rule order, their plain alternation, and every rule as possible."""
    rules = tuple(
        Rule(f"t.r{i}", "hate", p, 0.5, "test", "folded", None, "t.yaml") for i, p in enumerate(patterns)
    )
    alternation = re.compile(r"(?<!\w)(?:" + "|".join(f"(?P<r{i}>{p})" for i, p in enumerate(patterns)) + ")")
    singles = tuple(re.compile(rf"(?<!\w)(?:{p})") for p in patterns)
    scanner = _Scanner("folded", rules, singles=singles, factors=tuple(None for _ in patterns))
    return scanner, alternation, {(0, i) for i in range(len(patterns))}


@pytest.mark.parametrize(
    ("patterns", "text"),
    [
        (("kill", "kill you"), "i kill you"),  # same start: the first rule wins
        (("kill you", "kill"), "i kill you"),
        (("kill you", "you all"), "kill you all"),  # the second starts inside the first: consumed
        (("you all", "kill you"), "kill you all"),  # the earlier start wins whatever the order
        (("a b", "b c", "c d"), "a b c d b c"),
        (("ab", "a"), "ab a ab"),
    ],
)
def test_the_rebuild_keeps_the_alternation_order(patterns: tuple[str, ...], text: str) -> None:
    scanner, alternation, every_rule = _scanner(*patterns)
    expected = [(int(m.lastgroup[1:]), *m.span()) for m in alternation.finditer(text)]  # type: ignore[index]
    assert _matches(scanner, 0, text, every_rule) == expected


def test_a_rule_left_out_by_the_prefilter_is_not_tried() -> None:
    scanner, _alternation, _every = _scanner("kill", "shoot")
    assert _matches(scanner, 0, "kill and shoot", {(0, 1)}) == [(1, 9, 14)]
    assert _matches(scanner, 0, "kill and shoot", set()) == []


def test_a_rejected_match_lets_the_next_rule_try_at_its_position() -> None:
    """A ``needs_target`` rule without a target does not match at all: the weaker rule that its match
    covered is found, as if the first rule were not in the alternation there (lexicon v20)."""
    scanner, _alternation, every_rule = _scanner("merite de se faire \\w+", "merite de se faire violer")
    text = "elle merite de se faire violer. il merite de se faire tuer"
    assert _matches(scanner, 0, text, every_rule) == [(0, 5, 30), (0, 35, 58)]
    first_rule_rejected_at_5 = lambda i, start, end: not (i == 0 and start == 5)  # noqa: E731
    assert _matches(scanner, 0, text, every_rule, first_rule_rejected_at_5) == [(1, 5, 30), (0, 35, 58)]
    assert _matches(scanner, 0, text, every_rule, lambda i, start, end: False) == []
