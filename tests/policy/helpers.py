"""Shared builders for policy tests: assessments from plain scores, policies from snippets."""

from __future__ import annotations

import textwrap

from vigie.decision.base import Assessment
from vigie.policy import Policy, parse_policy
from vigie.types import CategoryScore, Post, Signal, Span, Target, TargetKind


def assess(
    scores: dict[str, float] | None = None,
    targets: tuple[Target, ...] = (),
    *,
    language: str = "en",
    reach: dict[str, int] | None = None,
    source: str = "default",
    detectors: int = 2,
) -> Assessment:
    """An assessment with these combined ``scores``, given by ``detectors`` detectors that each
    scored them so (what the policy's ``agreement.<category>`` counts; 0: no signals at all)."""
    combined = {k: CategoryScore(k, v) for k, v in (scores or {}).items()}
    return Assessment(
        post=Post(id="p", text="some text", source=source, reach=reach or {}),
        language=language,
        scores=combined,
        targets=targets,
        signals=tuple(Signal(f"test.{i}", "1", language, combined) for i in range(detectors)),
        truncated=False,
    )


def target(kind: TargetKind, watchlist_id: str | None = None) -> Target:
    return Target(kind=kind, name=kind, span=Span(0, 1), watchlist_id=watchlist_id)


HEADER = """\
name: test
version: "1"
grounds:
  violent_threat: {dsa_category: STATEMENT_CATEGORY_VIOLENCE, basis: incompatible_content, reference: AUP 1}
  hate: {dsa_category: STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH, basis: illegal_content, reference: law 2}
"""


def policy(rules: str, extra: str = "") -> Policy:
    """A policy with HEADER, the given ``rules:`` body (YAML list) and extra top-level YAML."""
    text = HEADER + "rules:\n" + textwrap.indent(textwrap.dedent(rules), "  ") + textwrap.dedent(extra)
    return parse_policy(text, source="test.yaml")


def when(condition: str) -> Policy:
    """A one-rule policy whose rule ``r`` sets verdict review when ``condition`` (flow YAML) holds."""
    return policy(f"- {{id: r, when: {condition}, then: {{verdict: review}}}}\n")
