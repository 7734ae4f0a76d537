"""A checked, ready-to-evaluate policy: the document, its parsed conditions and its identity.

:func:`compile_policy` runs the checks that need the whole document (duplicate rule
ids, conditions and their references, grounds for every violation, examples that name
unknown labels or rules) and collects *every* problem with its path, so the loader can
report them all with line numbers in one go.

The identity of a policy is :class:`~vigie.types.PolicyRef` ``(name, version, hash)``:
``hash`` is ``sha256:`` + the SHA-256 of the canonical JSON of the parsed document
(sorted keys, no whitespace, durations in canonical ISO form), *without* ``examples``.
Comments, key order, quoting and ``PT24H``-vs-``P1D`` spellings therefore never change
it; any change to what the policy decides or says (a threshold, an action, a ground
text, a description) does. Examples are excluded because adding a test case does not
change a single decision, and decisions recorded under the old hash must stay comparable.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from vigie.policy.conditions import Check, Condition, ConditionError, Path, compile_condition, parse_condition
from vigie.policy.facts import AUTHOR_FIELDS, SCORE_LABELS
from vigie.policy.model import PolicyDocument, Rule
from vigie.types import PolicyRef

__all__ = ["Policy", "Problem", "compile_policy", "policy_hash"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One validation mistake at ``path`` (keys and indexes from the document root)."""

    path: Path
    message: str
    line: int | None = None
    """The line, when it is not the line of ``path`` (a duplicate key)."""


@dataclass(frozen=True, slots=True)
class Policy:
    """A valid policy. ``conditions[i]`` is the parsed ``when`` of ``document.rules[i]``."""

    document: PolicyDocument
    conditions: tuple[Condition, ...]
    ref: PolicyRef
    source: str
    text: str = ""
    """The YAML the policy was parsed from, kept verbatim (the store archives it for audits)."""
    checks: tuple[Check, ...] = ()
    """``conditions`` compiled (:func:`~vigie.policy.conditions.compile_condition`), filled in
    from them when not given."""

    def __post_init__(self) -> None:
        if len(self.checks) != len(self.conditions):
            object.__setattr__(self, "checks", tuple(compile_condition(c) for c in self.conditions))

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self.document.rules


def policy_hash(document: PolicyDocument) -> str:
    """``sha256:<hex>`` of the canonical JSON of ``document`` minus its examples (see module docstring)."""
    data = document.model_dump(mode="json", exclude={"examples"})
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class _Refs:
    """Resolves ``ref:`` to named conditions, parsing each once and refusing cycles."""

    def __init__(self, document: PolicyDocument) -> None:
        self._raw = document.conditions
        self._done: dict[str, Condition] = {}
        self._stack: list[str] = []

    def __call__(self, name: str, path: Path) -> Condition:
        if name in self._done:
            return self._done[name]
        if name not in self._raw:
            known = ", ".join(sorted(self._raw)) or "none defined"
            raise ConditionError(path, f"ref to unknown condition {name!r}; conditions: {known}")
        if name in self._stack:
            cycle = " -> ".join([*self._stack[self._stack.index(name) :], name])
            raise ConditionError(path, f"conditions refer to each other in a cycle: {cycle}")
        self._stack.append(name)
        try:
            parsed = parse_condition(self._raw[name], ("conditions", name), self)
        finally:
            self._stack.pop()
        self._done[name] = parsed
        return parsed


def compile_policy(document: PolicyDocument, *, source: str) -> tuple[Policy | None, list[Problem]]:
    """Check ``document`` as a whole: the :class:`Policy` and no problems, or ``None`` and all problems."""
    problems: list[Problem] = []
    refs = _Refs(document)
    for name in document.conditions:
        try:
            refs(name, ("conditions", name))
        except ConditionError as exc:
            problems.append(Problem(exc.path, exc.message))
    seen: dict[str, int] = {}
    conditions: list[Condition] = []
    for i, rule in enumerate(document.rules):
        if rule.id in seen:
            problems.append(
                Problem(("rules", i, "id"), f"duplicate rule id (first used by rule #{seen[rule.id] + 1})")
            )
        seen.setdefault(rule.id, i)
        try:
            conditions.append(parse_condition(rule.when, ("rules", i, "when"), refs))
        except ConditionError as exc:
            problems.append(Problem(exc.path, exc.message))
        violation = rule.then.violation
        if violation is not None and rule.then.ground is None and violation not in document.grounds:
            problems.append(
                Problem(
                    ("rules", i, "then", "violation"),
                    f"no ground for {violation}: add grounds.{violation} or then.ground (the DSA needs one)",
                )
            )
    _check_examples(document, set(seen), problems)
    # Named conditions that fail are reported once, from where they are defined.
    unique = list(dict.fromkeys(problems))
    if unique:
        return None, unique
    ref = PolicyRef(name=document.name, version=document.version, hash=policy_hash(document))
    return Policy(document=document, conditions=tuple(conditions), ref=ref, source=source), []


def _check_examples(document: PolicyDocument, rule_ids: set[str], problems: list[Problem]) -> None:
    seen: set[str] = set()
    for i, example in enumerate(document.examples):
        here: Path = ("examples", i)
        if example.id in seen:
            problems.append(Problem((*here, "id"), "duplicate example id"))
        seen.add(example.id)
        for label, score in (example.scores or {}).items():
            if label not in SCORE_LABELS:
                problems.append(
                    Problem((*here, "scores", label), f"unknown label {label!r}; labels: {SCORE_LABELS}")
                )
            elif not 0.0 <= score <= 1.0:
                problems.append(Problem((*here, "scores", label), f"score {score} is out of range [0, 1]"))
        for name in example.author or {}:
            if name not in AUTHOR_FIELDS:
                problems.append(
                    Problem((*here, "author", name), f"unknown author field; known: {AUTHOR_FIELDS}")
                )
        for j, rule_id in enumerate(example.expect.rules or ()):
            if rule_id not in rule_ids:
                problems.append(Problem((*here, "expect", "rules", j), f"expects unknown rule {rule_id!r}"))
