"""What the lexicon's behaviour tests share: the ``scan`` fixture's type and a label's score."""

from __future__ import annotations

from collections.abc import Callable

from vigie.types import Signal

Scan = Callable[[str, str], Signal]
"""The ``scan`` fixture (tests/detectors/conftest.py): the shipped lexicon on one text in one language."""


def score(signal: Signal, label: str) -> float:
    """``signal``'s score for ``label``; 0.0 when the detector gave none."""
    cs = signal.scores.get(label)
    return cs.score if cs is not None else 0.0


def fired(scan: Scan, text: str, language: str, rule: str) -> Signal:
    """The shipped lexicon's signal for ``text``, after checking that ``rule`` fired on it."""
    signal = scan(text, language)
    assert rule in signal.extras["rule_hits"], signal.extras
    return signal


CATEGORIES = ("violent_threat", "incitement", "hate", "harassment")


def assert_no_category(signal: Signal) -> None:
    """``signal`` scores no category at all (context labels and imminence may be there); the message
    names the rules that fired."""
    found = {label: score(signal, label) for label in CATEGORIES if score(signal, label) > 0.0}
    assert found == {}, (found, signal.extras["rule_hits"])
