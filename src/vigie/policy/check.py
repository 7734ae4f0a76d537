"""``vigie policy check``: validate a policy and run the examples it carries.

A policy carries its own tests (``examples:``). A *signal fixture* gives detector
scores, targets, language, author facts and reach directly, so it tests the rules alone
and always runs. A *text fixture* gives a post text; it needs the detectors, so it runs
only when :func:`check_policy` is given a ``pipeline`` (anything with
``assess_batch(posts) -> list[Assessment]``, e.g. :class:`vigie.pipeline.Pipeline`) —
the policy under check decides, never the pipeline's own decider — and is reported
``skipped`` otherwise.

:attr:`CheckReport.exit_code`: 0 valid and every example passed, 1 an example failed,
2 the policy is invalid (the :class:`~vigie.errors.ConfigError` is kept in the report).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from vigie.categories import Severity, Verdict
from vigie.decision.base import Assessment
from vigie.errors import ConfigError
from vigie.policy.compiled import Policy
from vigie.policy.engine import Outcome, PolicyDecider
from vigie.policy.loader import load_policy
from vigie.policy.model import Example
from vigie.types import CategoryScore, PolicyRef, Post, Signal, Span, Target

__all__ = ["Assessor", "CheckReport", "ExampleResult", "check_policy", "example_assessment", "run_examples"]

DEFAULT_LANGUAGE = "en"


class Assessor(Protocol):
    """Scores posts without deciding (:meth:`vigie.pipeline.Pipeline.assess_batch`)."""

    def assess_batch(self, posts: Sequence[Post]) -> list[Assessment]: ...


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """One example's result. ``problems`` says what differed from ``expect`` (empty when passed)."""

    id: str
    status: Literal["passed", "failed", "skipped"]
    verdict: Verdict | None = None
    severity: Severity | None = None
    rule_hits: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckReport:
    source: str
    policy: PolicyRef | None
    error: ConfigError | None
    results: tuple[ExampleResult, ...]

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def ok(self) -> bool:
        return self.error is None and self.count("failed") == 0

    @property
    def exit_code(self) -> int:
        return 2 if self.error is not None else (1 if self.count("failed") else 0)

    def format(self) -> str:
        """A human summary: the policy identity, then one line per failed or skipped example."""
        if self.error is not None:
            return f"✗ {self.error.message}"
        assert self.policy is not None
        p = self.policy
        lines = [f"policy {p.name} version {p.version} ({p.hash[:19]}…) from {self.source}: valid"]
        for r in self.results:
            if r.status == "failed":
                lines.append(
                    f"  ✗ {r.id}: " + "; ".join(r.problems) + f"  [rules: {', '.join(r.rule_hits) or '-'}]"
                )
            elif r.status == "skipped":
                lines.append(f"  - {r.id}: skipped (text example; needs the detection pipeline)")
        summary = (
            f"{self.count('passed')} passed, {self.count('failed')} failed, {self.count('skipped')} skipped"
        )
        lines.append(("✓ " if self.ok else "✗ ") + f"examples: {summary}")
        return "\n".join(lines)


def _post(example: Example) -> Post:
    text = example.text if example.text is not None else (example.description or example.id)
    return Post(
        id=f"example:{example.id}",
        text=text,
        source=example.source,
        lang_hint=example.language if example.text is not None else None,
        reach=dict(example.reach),
    )


def example_assessment(example: Example) -> Assessment:
    """The assessment a signal fixture stands for (scores without evidence, targets without spans)."""
    if example.scores is None:
        raise ValueError(f"example {example.id} is a text example; it needs the pipeline")
    scores = {label: CategoryScore(label, score) for label, score in example.scores.items()}
    language = example.language or DEFAULT_LANGUAGE
    return Assessment(
        post=_post(example),
        language=language,
        scores=scores,
        targets=tuple(
            Target(kind=t.kind, name=t.name or t.kind, span=Span(0, 0), watchlist_id=t.watchlist_id)
            for t in example.targets
        ),
        # One signal per detector the fixture stands for, each with the fixture's scores: what
        # ``agreement.<category>`` counts.
        signals=tuple(Signal(f"example.{i}", "1", language, scores) for i in range(example.detectors)),
        truncated=False,
    )


def _judge(example: Example, outcome: Outcome) -> ExampleResult:
    want = example.expect
    problems = []
    if want.at_least:
        if outcome.verdict.rank < want.verdict.rank:
            problems.append(f"verdict {outcome.verdict}, expected at least {want.verdict}")
        if want.severity is not None and outcome.severity.rank < want.severity.rank:
            problems.append(f"severity {outcome.severity}, expected at least {want.severity}")
    else:
        if outcome.verdict is not want.verdict:
            problems.append(f"verdict {outcome.verdict}, expected {want.verdict}")
        if want.severity is not None and outcome.severity is not want.severity:
            problems.append(f"severity {outcome.severity}, expected {want.severity}")
    missing_rules = [r for r in want.rules or () if r not in outcome.rule_hits]
    if missing_rules:
        problems.append(f"rules did not fire: {', '.join(missing_rules)}")
    missing_actions = [a for a in want.actions or () if a not in outcome.actions]
    if missing_actions:
        problems.append(f"actions not taken: {', '.join(missing_actions)}")
    return ExampleResult(
        id=example.id,
        status="failed" if problems else "passed",
        verdict=outcome.verdict,
        severity=outcome.severity,
        rule_hits=outcome.rule_hits,
        problems=tuple(problems),
    )


def run_examples(policy: Policy, pipeline: Assessor | None = None) -> tuple[ExampleResult, ...]:
    """Run every example of ``policy``, in file order; text examples only with a ``pipeline``."""
    decider = PolicyDecider(policy)
    examples = policy.document.examples
    texts = [e for e in examples if e.text is not None]
    assessed: dict[str, Assessment] = {}
    if pipeline is not None and texts:
        scored = pipeline.assess_batch([_post(e) for e in texts])
        assessed = {e.id: a for e, a in zip(texts, scored, strict=True)}
    results = []
    for example in examples:
        if example.scores is not None:
            assessment: Assessment | None = example_assessment(example)
        else:
            assessment = assessed.get(example.id)
        if assessment is None:
            results.append(ExampleResult(id=example.id, status="skipped"))
            continue
        results.append(_judge(example, decider.evaluate(assessment, author=example.author)))
    return tuple(results)


def check_policy(path: str | Path | None, *, pipeline: Assessor | None = None) -> CheckReport:
    """Validate the policy at ``path`` (``None``: the default policy) and run its examples."""
    source = str(path) if path is not None else "<vigie default policy>"
    try:
        policy = load_policy(path)
    except ConfigError as exc:
        return CheckReport(source=source, policy=None, error=exc, results=())
    return CheckReport(
        source=policy.source, policy=policy.ref, error=None, results=run_examples(policy, pipeline)
    )
