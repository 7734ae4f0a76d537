"""Decisions of the shipped default policy: violations, verdict ladder, severity, context, laundering."""

from __future__ import annotations

from vigie.categories import Severity, Verdict
from vigie.decision import Assessment
from vigie.policy import PolicyDecider, load_policy, parse_policy
from vigie.types import CategoryScore, Evidence, Post, Signal, Span, Target


def assess(
    scores: dict[str, float],
    targets: tuple[Target, ...] = (),
    text: str = "some text here",
    detectors: int = 2,
) -> Assessment:
    """Combined ``scores`` as ``detectors`` detectors that each scored them so would give them."""

    def evidence(label: str) -> tuple[Evidence, ...]:
        return (Evidence(label, Span(0, 4), text[:4], "test", "test@1"),)

    combined = {k: CategoryScore(k, v, evidence(k)) for k, v in scores.items()}
    return Assessment(
        post=Post(id="p", text=text),
        language="en",
        scores=combined,
        targets=targets,
        signals=tuple(Signal(f"test.{i}", "1", "en", combined) for i in range(detectors)),
        truncated=False,
    )


DECIDER = PolicyDecider(load_policy())
YOU = Target(kind="you", name="you", span=Span(0, 3))
GROUP = Target(kind="group", name="women", span=Span(0, 3))


REVIEW_BARS = {"violent_threat": 0.36, "incitement": 0.25, "hate": 0.25, "harassment": 0.45}
"""The default policy's review bars, copied (tests/policy/test_default_policy.py ties them to the model's)."""


def test_nothing_just_under_every_review_bar_is_flagged() -> None:
    """Just under every review bar at once nothing is flagged; at each bar, its category is."""
    below = {label: round(t - 0.01, 4) for label, t in REVIEW_BARS.items()}
    for label, bar in REVIEW_BARS.items():
        assert DECIDER.decide(assess({**below, label: bar})).violations == (label,)
    d = DECIDER.decide(assess(below))
    assert d.verdict is Verdict.ALLOW and d.severity is Severity.NONE
    assert d.violations == () and d.actions == () and not d.flagged


def test_verdict_ladder_per_category() -> None:
    assert DECIDER.decide(assess({"hate": 0.3})).verdict is Verdict.REVIEW
    assert DECIDER.decide(assess({"hate": 0.85})).verdict is Verdict.RESTRICT
    assert DECIDER.decide(assess({"hate": 0.97})).verdict is Verdict.REMOVE
    # harassment has no remove threshold in the default table
    assert DECIDER.decide(assess({"harassment": 0.99})).verdict is Verdict.RESTRICT


def test_removal_needs_two_detectors_to_agree() -> None:
    """Policy v10: one detector alone at the removal bar restricts and queues; two agreeing remove. A
    second detector that scores the category below 0.5 does not agree."""
    for label, score in (("hate", 0.97), ("violent_threat", 0.95), ("incitement", 0.95)):
        assert DECIDER.decide(assess({label: score}, detectors=2)).verdict is Verdict.REMOVE
        alone = DECIDER.decide(assess({label: score}, detectors=1))
        assert alone.verdict is Verdict.RESTRICT, label
        assert "restrict_visibility" in alone.actions and "queue_review" in alone.actions
    combined = {"hate": CategoryScore("hate", 0.97)}
    disagree = Assessment(
        post=Post(id="p", text="some text here"),
        language="en",
        scores=combined,
        targets=(),
        signals=(
            Signal("model", "1", "en", combined),
            Signal("lexicon", "1", "en", {"hate": CategoryScore("hate", 0.3)}),
        ),
        truncated=False,
    )
    assert DECIDER.decide(disagree).verdict is Verdict.RESTRICT


def test_violations_list_every_category_over_review() -> None:
    d = DECIDER.decide(assess({"hate": 0.6, "violent_threat": 0.8, "harassment": 0.2}))
    assert set(d.violations) == {"hate", "violent_threat"}
    assert d.verdict is Verdict.RESTRICT
    assert "violent_threat.restrict" in d.rule_hits and "hate.review" in d.rule_hits


def test_severity_bands() -> None:
    assert DECIDER.decide(assess({"hate": 0.3})).severity is Severity.LOW
    assert DECIDER.decide(assess({"hate": 0.75})).severity is Severity.MEDIUM
    assert DECIDER.decide(assess({"hate": 0.95})).severity is Severity.HIGH


def test_critical_needs_specific_target_and_imminence() -> None:
    base = {"violent_threat": 0.95, "imminence": 0.8}
    assert DECIDER.decide(assess(base, (YOU,))).severity is Severity.CRITICAL
    d = DECIDER.decide(assess(base, (YOU,)))
    assert "escalate_law_enforcement" in d.actions
    assert DECIDER.decide(assess(base, (GROUP,))).severity is Severity.HIGH
    assert (
        DECIDER.decide(assess({"violent_threat": 0.95, "imminence": 0.1}, (YOU,))).severity is Severity.HIGH
    )


def test_context_allows_reporting_and_counter_speech_but_keeps_their_scores() -> None:
    d = DECIDER.decide(assess({"hate": 0.97, "counter_speech": 0.8}))
    assert d.verdict is Verdict.ALLOW and d.severity is Severity.NONE and d.violations == ()
    assert "context.cap" in d.rule_hits and d.score("hate") == 0.97
    # below the context threshold nothing is softened
    weak = DECIDER.decide(assess({"hate": 0.97, "reporting": 0.49}))
    assert weak.verdict is Verdict.REMOVE and "context.cap" not in weak.rule_hits


PERMISSIVE = """
name: permissive-news
version: "1"
rules:
  - id: threat
    when: {gte: {score.violent_threat: 0.5}}
    then: {violation: violent_threat, verdict: remove, severity: high}
  - id: news
    when: {gte: {score.reporting: 0.5}}
    then: {cap: {verdict: allow, severity: none}}
  - id: no_laundering
    when:
      all:
        - gte: {score.violent_threat: 0.5}
        - gte: {score.imminence: 0.6}
        - in: {target.kind: [person, official, you]}
    then: {violation: violent_threat, verdict: review, severity: low}
grounds:
  violent_threat:
    dsa_category: STATEMENT_CATEGORY_VIOLENCE
    dsa_keyword: KEYWORD_INCITEMENT_VIOLENCE_HATRED
    basis: incompatible_content
    reference: "Terms of service: threats"
    explanation: The content threatens violence.
"""


def test_a_policy_may_let_context_allow_and_still_floor_laundered_threats() -> None:
    permissive = PolicyDecider(parse_policy(PERMISSIVE))
    scores = {"violent_threat": 0.95, "reporting": 0.9, "imminence": 0.8}
    assert permissive.decide(assess({"violent_threat": 0.95})).verdict is Verdict.REMOVE
    d = permissive.decide(assess(scores, (GROUP,)))
    assert d.verdict is Verdict.ALLOW and d.violations == () and not d.flagged
    d = permissive.decide(assess(scores, (YOU,)))
    assert d.verdict is Verdict.REVIEW and d.violations == ("violent_threat",)
    assert d.rule_hits == ("threat", "news", "no_laundering")
    assert permissive.decide(assess({**scores, "imminence": 0.1}, (YOU,))).verdict is Verdict.ALLOW


def test_default_policy_keeps_a_laundered_threat_in_review() -> None:
    d = DECIDER.decide(assess({"violent_threat": 0.95, "reporting": 0.9, "imminence": 0.8}, (YOU,)))
    assert d.verdict is Verdict.REVIEW and d.severity is Severity.LOW and d.flagged
    assert d.violations == ("violent_threat",) and "context.floor.violent_threat" in d.rule_hits
    # a clear threat against a specific target stays in review even without a date or place
    assert DECIDER.decide(assess({"violent_threat": 0.65, "reporting": 0.9}, (YOU,))).flagged
    # a weaker one without a date or place, or any about a group, is allowed
    assert not DECIDER.decide(assess({"violent_threat": 0.5, "reporting": 0.9}, (YOU,))).flagged
    assert not DECIDER.decide(
        assess({"violent_threat": 0.95, "reporting": 0.9, "imminence": 0.8}, (GROUP,))
    ).flagged


def test_policy_hash_changes_with_the_rules_and_is_stable() -> None:
    a = PolicyDecider(parse_policy(PERMISSIVE)).policy
    b = PolicyDecider(parse_policy(PERMISSIVE)).policy
    c = PolicyDecider(parse_policy(PERMISSIVE.replace("0.6", "0.7"))).policy
    assert a == b and a.hash != c.hash and a.hash.startswith("sha256:")


def test_decision_id_is_deterministic_per_post_text_and_policy() -> None:
    a = DECIDER.decide(assess({"hate": 0.6}))
    b = DECIDER.decide(assess({"hate": 0.6}))
    c = DECIDER.decide(assess({"hate": 0.6}, text="other text"))
    assert a.id == b.id != c.id
