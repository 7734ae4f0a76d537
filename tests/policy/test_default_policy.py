"""The shipped policy: valid, passes its own examples, and decides as docs/policy.md says.

The documented semantics of the default policy (the skeleton's former threshold table) are
written out below as an independent reference, :func:`reference`, and the engine running
``default.yaml`` must agree with it on a grid of thousands of synthetic assessments without
author or reach facts and without watch-list ids. Deliberate additions, none of which the
grid exercises:

* ``author.repeat_violent`` removes a likely threat from an author with 2+ active
  strikes (the table had no author history);
* ``target.watchlist`` adds ``preserve_evidence`` and a 1-hour review deadline for
  violence against watch-listed targets;
* ``reach.wide_audience`` shortens the review deadline for widely seen violations;
* review deadlines exist.

Since version 11, the reference also says that hate is no violation when every target is a group
that is not protected (``other_group``); the grid's target sets include such groups. Since version
12, that an insult to the reader alone (targets ``you``, perhaps beside groups that are not
protected, and no one else) that is harassment is hate only from a hate score of 0.5.
"""

from __future__ import annotations

import itertools
import random

from vigie.categories import CATEGORIES, CONTEXT_LABELS, Category, Severity, Verdict
from vigie.decision import Assessment
from vigie.policy import PolicyDecider, check_policy, load_policy
from vigie.types import Target

from .helpers import assess, target

POLICY = load_policy()
EDGES = (
    0.0,
    0.22,
    0.23,
    0.24,
    0.25,
    0.26,
    0.27,
    0.28,
    0.29,
    0.3,
    0.31,
    0.32,
    0.33,
    0.34,
    0.35,
    0.36,
    0.37,
    0.38,
    0.39,
    0.4,
    0.41,
    0.42,
    0.43,
    0.44,
    0.45,
    0.46,
    0.47,
    0.48,
    0.49,
    0.5,
    0.51,
    0.52,
    0.59,
    0.6,
    0.69,
    0.7,
    0.74,
    0.75,
    0.8,
    0.89,
    0.9,
    0.92,
    0.95,
    1.0,
)
TARGET_SETS: tuple[tuple[Target, ...], ...] = (
    (),
    (target("group"),),
    (target("you"),),
    (target("group"), target("official")),
    (target("org"),),
    (target("other_group"),),
    (target("other_group"), target("group")),
    (target("other_group"), target("you")),
    (target("you"), target("group")),
    (target("you"), target("person")),
)
LABELS = ("violent_threat", "incitement", "hate", "harassment", "reporting", "counter_speech", "imminence")


def test_default_policy_passes_its_own_examples() -> None:
    report = check_policy(None)
    assert report.ok, report.format()
    assert report.count("passed") >= 10
    assert report.count("skipped") == sum(e.text is not None for e in POLICY.document.examples)


def _grid() -> list[tuple[dict[str, float], tuple[Target, ...]]]:
    rng = random.Random(20260601)
    cases: list[tuple[dict[str, float], tuple[Target, ...]]] = []
    # every single category at every edge value, with and without context / imminence / targets
    for label, value, ctx, imm, targets in itertools.product(
        LABELS[:4], EDGES, (0.0, 0.49, 0.5, 0.9), (0.0, 0.59, 0.6, 0.9), TARGET_SETS
    ):
        cases.append(({label: value, "reporting": ctx, "imminence": imm}, targets))
        cases.append(({label: value, "counter_speech": ctx, "imminence": imm}, targets))
    # random mixtures of everything
    for _ in range(4000):
        scores = {label: rng.choice(EDGES) for label in LABELS if rng.random() < 0.7}
        cases.append((scores, rng.choice(TARGET_SETS)))
    return cases


THRESHOLDS: dict[Category, dict[Verdict, float]] = {
    Category.VIOLENT_THREAT: {Verdict.REVIEW: 0.36, Verdict.RESTRICT: 0.75, Verdict.REMOVE: 0.92},
    Category.INCITEMENT: {Verdict.REVIEW: 0.25, Verdict.RESTRICT: 0.75, Verdict.REMOVE: 0.92},
    Category.HATE: {Verdict.REVIEW: 0.25, Verdict.RESTRICT: 0.8, Verdict.REMOVE: 0.95},
    Category.HARASSMENT: {Verdict.REVIEW: 0.45, Verdict.RESTRICT: 0.9},
}
BANDS = ((Severity.LOW, 0.5), (Severity.MEDIUM, 0.7), (Severity.HIGH, 0.9))
SPECIFIC = {"person", "official", "journalist", "judge", "executive", "you", "org", "place"}
ACTIONS = {
    Verdict.ALLOW: (),
    Verdict.REVIEW: ("queue_review",),
    Verdict.RESTRICT: ("restrict_visibility", "queue_review"),
    Verdict.REMOVE: ("remove_content", "notify_author"),
}


def reference(a: Assessment) -> tuple[Verdict, Severity, tuple[Category, ...], tuple[str, ...]]:
    """docs/policy.md's description of the default policy, written independently of the engine."""
    # hate is an attack on a protected group: not when every target is a group that is not protected
    other_groups_only = bool(a.targets) and all(t.kind == "other_group" for t in a.targets)
    # ... and an insult aimed at the reader alone, reviewed as harassment, needs a stronger hate score
    reader_only = any(t.kind == "you" for t in a.targets) and all(
        t.kind in ("you", "other_group") for t in a.targets
    )

    def review_bar(c: Category) -> float:
        harassed = a.score(Category.HARASSMENT) >= THRESHOLDS[Category.HARASSMENT][Verdict.REVIEW]
        return 0.5 if c is Category.HATE and reader_only and harassed else THRESHOLDS[c][Verdict.REVIEW]

    violations = [
        c
        for c in CATEGORIES
        if a.score(c) >= review_bar(c) and not (c is Category.HATE and other_groups_only)
    ]
    verdict = max(
        (v for c in violations for v, t in THRESHOLDS[c].items() if a.score(c) >= t),
        key=lambda v: v.rank,
        default=Verdict.ALLOW,
    )
    top = max((a.score(c) for c in violations), default=0.0)
    severity = Severity.NONE
    for level, floor in BANDS:
        if violations and top >= floor:
            severity = level
    if violations and severity is Severity.NONE:
        severity = Severity.LOW
    specific = any(t.kind in SPECIFIC for t in a.targets)
    imminent = a.score("imminence") >= 0.6
    violent = max(a.score(Category.VIOLENT_THREAT), a.score(Category.INCITEMENT))
    if violent >= 0.9 and specific and imminent:
        severity = Severity.CRITICAL
    if violations and max(a.score(c) for c in CONTEXT_LABELS) >= 0.5:
        # context allows the post ... unless it threatens a specific target with a date or place, or
        # clearly (>= 0.6); then it stays in review at low severity with every violation found
        floor = specific and any(
            c in violations and (imminent or a.score(c) >= 0.6)
            for c in (Category.VIOLENT_THREAT, Category.INCITEMENT)
        )
        verdict = Verdict.REVIEW if floor else Verdict.ALLOW
        severity = Severity.LOW if floor else Severity.NONE
        violations = violations if floor else []
    actions = ACTIONS[verdict] + (("escalate_law_enforcement",) if severity is Severity.CRITICAL else ())
    return verdict, severity, tuple(violations), actions


def test_default_policy_matches_its_documented_semantics_on_a_grid() -> None:
    engine = PolicyDecider(POLICY)
    differences = []
    verdicts = set()
    for scores, targets in _grid():
        a = assess(scores, targets)
        new = engine.decide(a)
        verdicts.add((new.verdict, new.severity))
        got = (new.verdict, new.severity, new.violations, new.actions)
        want = reference(a)
        if got != want:
            differences.append((scores, targets, want, got))
    assert differences == [], differences[:5]
    # the grid exercised every verdict and the critical severity
    assert {v for v, _ in verdicts} == set(Verdict)
    assert any(s == "critical" for _, s in verdicts)


def test_every_default_rule_fires_somewhere() -> None:
    engine = PolicyDecider(POLICY)
    fired: set[str] = {"reach.wide_audience"}  # needs post.reach, which neither the grid nor examples give
    for scores, targets in _grid():
        fired.update(engine.decide(assess(scores, targets)).rule_hits)
    from vigie.policy.check import example_assessment

    for example in POLICY.document.examples:
        if example.scores is not None:
            fired.update(engine.evaluate(example_assessment(example), author=example.author).rule_hits)
    assert fired == {r.id for r in POLICY.rules}


def test_at_least_expectations_are_minimums() -> None:
    from vigie.policy import parse_policy, run_examples

    text = """\
name: a
version: "1"
rules: [{id: r, when: {gte: {score.hate: 0.5}}, then: {verdict: restrict, severity: medium}}]
examples:
  - {id: low-bar, scores: {hate: 0.6}, expect: {verdict: review, severity: low, at_least: true}}
  - {id: high-bar, scores: {hate: 0.6}, expect: {verdict: remove, at_least: true}}
  - {id: exact, scores: {hate: 0.6}, expect: {verdict: review}}
"""
    results = {r.id: r for r in run_examples(parse_policy(text))}
    assert results["low-bar"].status == "passed"
    assert results["high-bar"].problems == ("verdict restrict, expected at least remove",)
    assert results["exact"].problems == ("verdict restrict, expected review",)


REVIEW_MARGIN = 0.12
"""How far under the model's F1-best threshold the policy's review bar may sit (docs/policy.md,
"Thresholds"): a retrain of the same data on the same machine moved those thresholds by up to 0.05
(0.30 / 0.29 / 0.38 / 0.45 against v10's 0.25 / 0.25 / 0.36 / 0.45), the emoji-reading build by up to
0.11 (incitement 0.36)."""


def test_review_thresholds_sit_at_or_just_under_the_shipped_models_recommended_thresholds() -> None:
    """Retraining moves the model's validation-chosen (F1-best) thresholds, and the F1 curve is flat
    there; the policy's review bars lean to recall (a reviewer's look is cheap next to a missed threat)
    and never sit above the model's own bar, nor far under it. A model whose calibration moved further
    fails here: the policy must be revisited."""
    from vigie.model.artifact import load_default

    recommended = load_default().manifest.thresholds
    for category, ladder in THRESHOLDS.items():
        bar, model_bar = ladder[Verdict.REVIEW], recommended[str(category)]
        assert model_bar - REVIEW_MARGIN <= bar <= model_bar, (category, bar, model_bar)
