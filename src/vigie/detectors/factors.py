"""Required factors of a regex: strings one of which every match of it contains.

Why: the lexicon's scanners are alternations of 20–45 rules, run over every post; measured on
3,000 posts of the benchmark mix, 95 % of scanner runs match nothing and take 97 % of the scan
time (0.54 ms per post, a sixth of a full-route post's CPU). A rule whose required factors
("kill", "shoot", "stab"...) are all absent from a text cannot match it, so it need not be
tried; finding which factors a text holds is one Aho–Corasick pass (:class:`FactorIndex`).

Contract of :func:`factor_candidates`: from a parse tree (``re._parser``), a list of
*candidates*, each a sound claim "every match contains one of these strings":

- ``["set", [s, ...]]``: one of the strings ``s``;
- ``["any", [[candidate, ...], ...]]``: per alternative of a branch, its own candidates — any one
  candidate of each alternative, joined, is a sound set for the branch.

:func:`choose` picks, per rule, the concrete set with the lowest ``cost`` (the summed chance
that its strings occur in a text, estimated on a reference corpus by the caller), or ``None``
when no candidate exists (the rule is then always tried). Soundness rests on the walk being
conservative: anything it does not understand (a category such as ``\\w``, a case-insensitive
group, a backreference) contributes no factor, never a wrong one. Zero-width assertions consume
nothing and are skipped. The result is JSON, so :class:`vigie.text.regex_cache.RegexCache` can
keep it with the other parse facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

__all__ = ["FactorIndex", "choose", "factor_candidates"]

Candidate = list[Any]
"""``["set", [str, ...]]`` or ``["any", [[Candidate, ...], ...]]`` (module docstring)."""

_CAP: Final = 64
"""Most strings a sequence's exact set may hold before it is cut into separate factors."""
_MINIMAL_UP_TO: Final = 512
"""Largest union of a branch's factors reduced by :func:`_minimal` (quadratic; larger ones, the
alternations of long word lists, are kept whole: sound, only a little slower to look for)."""
_MAX_RANGE: Final = 10
"""Widest character range (``[0-9]``) read as its characters; wider ones are unknown."""
_ZERO_WIDTH: Final = frozenset({"ASSERT", "ASSERT_NOT", "AT"})
_REPEATS: Final = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


class _Node:
    """What a parsed item can match: ``exact`` (every string it matches, when few and known) and
    ``candidates`` (sound factor claims about its matches)."""

    __slots__ = ("candidates", "exact")

    def __init__(self, exact: set[str] | None, candidates: list[Candidate]) -> None:
        self.exact = exact
        self.candidates = candidates


def _usable(strings: set[str] | None) -> bool:
    return strings is not None and bool(strings) and "" not in strings


def _as_set(strings: set[str]) -> Candidate:
    return ["set", _minimal(strings)]


def _minimal(strings: Iterable[str]) -> list[str]:
    """``strings`` without those that contain another of them (sorted): a text holding "killed"
    holds "kill", so {"kill", "killed"} claims no more than {"kill"}, and costs less to look for."""
    kept: list[str] = []
    for s in sorted(set(strings), key=lambda x: (len(x), x)):
        if not any(k in s for k in kept):
            kept.append(s)
    return sorted(kept)


def _sequence(items: Iterable[Any]) -> _Node:
    running: set[str] = {""}
    candidates: list[Candidate] = []
    exact = True
    for op, av in items:
        item = _item(str(op), av)
        if item.exact is not None and len(running) * len(item.exact) <= _CAP:
            running = {a + b for a in running for b in item.exact}
            continue
        exact = False
        if _usable(running):
            candidates.append(_as_set(running))
        candidates.extend(item.candidates)
        running = set(item.exact) if item.exact is not None else {""}
    if _usable(running):
        candidates.append(_as_set(running))
    return _Node(running if exact else None, candidates)


def _item(name: str, av: Any) -> _Node:
    if name == "LITERAL":
        return _Node({chr(av)}, [])
    if name in _ZERO_WIDTH:
        return _Node({""}, [])
    if name == "IN":
        chars: set[str] = set()
        for op, value in av:
            kind = str(op)
            if kind == "LITERAL":
                chars.add(chr(value))
            elif kind == "RANGE" and value[1] - value[0] < _MAX_RANGE:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:  # NEGATE, a category, a wide range: unknown
                return _Node(None, [])
        return _Node(chars, [])
    if name == "SUBPATTERN":
        _group, added, _removed, inner = av
        if added & re.IGNORECASE:
            return _Node(None, [])
        return _sequence(inner)
    if name == "BRANCH":
        alternatives = [_sequence(alt) for alt in av[1]]
        union: set[str] | None = set()
        for alt in alternatives:
            union = None if union is None or alt.exact is None else union | alt.exact
        if union is not None and len(union) > _CAP:
            union = None
        per_alternative = [
            alt.candidates + ([_as_set(alt.exact)] if alt.exact is not None and _usable(alt.exact) else [])
            for alt in alternatives
        ]
        if any(not cands for cands in per_alternative):
            return _Node(union, [])
        return _Node(union, [["any", per_alternative]])
    if name in _REPEATS:
        low, high, inner_items = av
        inner = _sequence(inner_items)
        if low == 0:
            if high == 1 and inner.exact is not None:
                return _Node(inner.exact | {""}, [])
            return _Node(None, [])
        own = list(inner.candidates)
        if inner.exact is not None and _usable(inner.exact):
            own.append(_as_set(inner.exact))
        return _Node(inner.exact if low == high == 1 else None, own)
    return _Node(None, [])  # ANY, NOT_LITERAL, CATEGORY, GROUPREF...: unknown


def factor_candidates(parsed: Any) -> list[Candidate]:
    """Sound factor candidates of a parsed pattern (module docstring); ``[]`` when none (also for
    a pattern compiled case-insensitively: its matches need not contain the literal strings)."""
    state = getattr(parsed, "state", None)
    if state is None or state.flags & re.IGNORECASE:
        return []
    node = _sequence(parsed)
    out = list(node.candidates)
    if node.exact is not None and _usable(node.exact):
        out.append(_as_set(node.exact))
    return out


def choose(candidates: Sequence[Candidate], cost: Callable[[str], float]) -> list[str] | None:
    """The cheapest concrete factor set (sorted), or ``None`` when there is none."""
    best: list[str] | None = None
    best_cost = float("inf")
    for candidate in candidates:
        strings = _resolve(candidate, cost)
        if strings is None:
            continue
        total = sum(cost(s) for s in strings)
        if total < best_cost:
            best, best_cost = strings, total
    return best


def _resolve(candidate: Candidate, cost: Callable[[str], float]) -> list[str] | None:
    kind, value = candidate
    if kind == "set":
        return list(value)
    parts: set[str] = set()
    for alternative in value:
        chosen = choose(alternative, cost)
        if chosen is None:
            return None
        parts.update(chosen)
    return _minimal(parts) if len(parts) <= _MINIMAL_UP_TO else sorted(parts)


class FactorIndex:
    """Which keys are possible in a text, from each key's factor set (one Aho–Corasick pass).

    ``factors`` maps a key (any hashable) to its strings, or ``None`` for a key that is always
    possible. :meth:`possible` returns the keys of which at least one string occurs in the text,
    plus the always-possible ones.
    """

    def __init__(self, factors: Mapping[Any, Sequence[str] | None]) -> None:
        import ahocorasick  # pyahocorasick: C, pinned; one pass over the text for every factor

        self.always: frozenset[Any] = frozenset(k for k, v in factors.items() if v is None)
        by_string: dict[str, list[Any]] = {}
        for key, strings in factors.items():
            for s in strings or ():
                by_string.setdefault(s, []).append(key)
        self._automaton: Any = None
        if by_string:
            automaton = ahocorasick.Automaton()
            for s, keys in by_string.items():
                automaton.add_word(s, tuple(keys))
            automaton.make_automaton()
            self._automaton = automaton

    def possible(self, text: str) -> set[Any]:
        found = set(self.always)
        if self._automaton is not None:
            for _end, keys in self._automaton.iter(text):
                found.update(keys)
        return found
