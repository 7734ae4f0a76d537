"""Hand-built decisions for the report tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from vigie.categories import Category, Severity, Verdict
from vigie.types import CategoryScore, Decision, Evidence, PolicyRef, Post, Span, Target

POLICY = PolicyRef("default", "3", "0123456789abcdef0123")


def ev(text: str, label: str, needle: str, rationale: str = "because", *, nth: int = 0) -> Evidence:
    """Evidence on occurrence ``nth`` of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Evidence(label, Span(start, start + len(needle)), needle, rationale, "test@1")


def make(
    post_id: str,
    text: str = "nothing to see",
    *,
    verdict: Verdict = Verdict.ALLOW,
    severity: Severity = Severity.NONE,
    violations: Sequence[Category] = (),
    language: str = "en",
    scores: Mapping[str, float] | None = None,
    evidence: Sequence[Evidence] = (),
    targets: Sequence[Target] = (),
    truncated: bool = False,
    policy: PolicyRef = POLICY,
) -> Decision:
    """A hand-built Decision; evidence is attached to the score of its label (0.9 unless given)."""
    values = dict(scores or {})
    for e in evidence:
        values.setdefault(e.label, 0.9)
    by_label = {
        label: CategoryScore(label, value, tuple(e for e in evidence if e.label == label))
        for label, value in values.items()
    }
    return Decision(
        id=f"d-{post_id}",
        post=Post(id=post_id, text=text),
        verdict=verdict,
        severity=severity,
        violations=tuple(violations),
        language=language,
        scores=by_label,
        targets=tuple(targets),
        actions=(),
        rule_hits=(),
        policy=policy,
        signals=(),
        truncated=truncated,
    )
