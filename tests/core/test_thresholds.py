"""The skeleton's threshold decider: violations, verdict ladder, severity, context caps, laundering guard."""

from __future__ import annotations

from vigie.categories import Severity, Verdict
from vigie.decision import Assessment, ThresholdDecider
from vigie.settings import DecisionSettings
from vigie.types import CategoryScore, Evidence, Post, Span, Target


def assess(scores: dict[str, float], targets: tuple[Target, ...] = (), text: str = "some text here") -> Assessment:
    return Assessment(
        post=Post(id="p", text=text),
        language="en",
        scores={
            k: CategoryScore(k, v, (Evidence(k, Span(0, 4), text[:4], "test", "test@1"),)) for k, v in scores.items()
        },
        targets=targets,
        signals=(),
        truncated=False,
    )


DECIDER = ThresholdDecider(DecisionSettings())
YOU = Target(kind="you", name="you", span=Span(0, 3))
GROUP = Target(kind="group", name="women", span=Span(0, 3))


def test_nothing_above_threshold_is_allowed() -> None:
    d = DECIDER.decide(assess({"hate": 0.49, "violent_threat": 0.1}))
    assert d.verdict is Verdict.ALLOW and d.severity is Severity.NONE
    assert d.violations == () and d.actions == () and not d.flagged


def test_verdict_ladder_per_category() -> None:
    assert DECIDER.decide(assess({"hate": 0.6})).verdict is Verdict.REVIEW
    assert DECIDER.decide(assess({"hate": 0.85})).verdict is Verdict.RESTRICT
    assert DECIDER.decide(assess({"hate": 0.97})).verdict is Verdict.REMOVE
    # harassment has no remove threshold in the default table
    assert DECIDER.decide(assess({"harassment": 0.99})).verdict is Verdict.RESTRICT


def test_violations_list_every_category_over_review() -> None:
    d = DECIDER.decide(assess({"hate": 0.6, "violent_threat": 0.8, "harassment": 0.2}))
    assert set(d.violations) == {"hate", "violent_threat"}
    assert d.verdict is Verdict.RESTRICT
    assert any(h.startswith("threshold:violent_threat:restrict") for h in d.rule_hits)


def test_severity_bands() -> None:
    assert DECIDER.decide(assess({"hate": 0.55})).severity is Severity.LOW
    assert DECIDER.decide(assess({"hate": 0.75})).severity is Severity.MEDIUM
    assert DECIDER.decide(assess({"hate": 0.95})).severity is Severity.HIGH


def test_critical_needs_specific_target_and_imminence() -> None:
    base = {"violent_threat": 0.95, "imminence": 0.8}
    assert DECIDER.decide(assess(base, (YOU,))).severity is Severity.CRITICAL
    d = DECIDER.decide(assess(base, (YOU,)))
    assert "escalate_law_enforcement" in d.actions
    assert DECIDER.decide(assess(base, (GROUP,))).severity is Severity.HIGH
    assert DECIDER.decide(assess({"violent_threat": 0.95, "imminence": 0.1}, (YOU,))).severity is Severity.HIGH


def test_context_caps_verdict_and_severity() -> None:
    d = DECIDER.decide(assess({"hate": 0.97, "counter_speech": 0.8}))
    assert d.verdict is Verdict.REVIEW and d.severity is Severity.LOW
    assert d.violations == ("hate",)
    assert any(h.startswith("context:counter_speech") for h in d.rule_hits)


def test_context_cap_to_allow_clears_violations() -> None:
    decider = ThresholdDecider(DecisionSettings(context_max_verdict=Verdict.ALLOW, context_max_severity=Severity.NONE))
    d = decider.decide(assess({"hate": 0.97, "reporting": 0.9}))
    assert d.verdict is Verdict.ALLOW and d.violations == () and not d.flagged


def test_reporting_cannot_launder_a_specific_dated_threat() -> None:
    permissive = ThresholdDecider(DecisionSettings(context_max_verdict=Verdict.ALLOW))
    scores = {"violent_threat": 0.95, "reporting": 0.9, "imminence": 0.8}
    d = permissive.decide(assess(scores, (YOU,)))
    assert d.verdict is Verdict.REVIEW and d.violations == ("violent_threat",)
    assert "context:floor:review:specific_target+imminence" in d.rule_hits
    # without a specific target or without imminence, the same context may allow it
    assert permissive.decide(assess(scores, (GROUP,))).verdict is Verdict.ALLOW
    assert permissive.decide(assess({**scores, "imminence": 0.1}, (YOU,))).verdict is Verdict.ALLOW


def test_policy_hash_changes_with_table_and_is_stable() -> None:
    a = ThresholdDecider(DecisionSettings()).policy
    b = ThresholdDecider(DecisionSettings()).policy
    c = ThresholdDecider(DecisionSettings(context_threshold=0.6)).policy
    assert a == b and a.hash != c.hash and a.hash.startswith("sha256:")


def test_decision_id_is_deterministic_per_post_text_and_policy() -> None:
    a = DECIDER.decide(assess({"hate": 0.6}))
    b = DECIDER.decide(assess({"hate": 0.6}))
    c = DECIDER.decide(assess({"hate": 0.6}, text="other text"))
    assert a.id == b.id != c.id
