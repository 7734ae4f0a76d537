"""Conflict resolution, caps, surviving effects, consequences, grounds and the Decider contract."""

from __future__ import annotations

from datetime import timedelta

from vigie.categories import Category, Severity, Verdict
from vigie.decision import Decider
from vigie.policy import PolicyDecider, load_policy
from vigie.types import Post

from .helpers import assess, policy

RAISES = """\
- {id: hate.review, when: {gte: {score.hate: 0.5}}, then: {violation: hate, verdict: review, severity: low,
   actions: [x-hate-review]}}
- {id: threat.remove, when: {gte: {score.violent_threat: 0.9}},
   then: {violation: violent_threat, verdict: remove, severity: high, actions: [preserve_evidence]}}
- {id: threat.restrict, when: {gte: {score.violent_threat: 0.7}},
   then: {violation: violent_threat, verdict: restrict, severity: medium, review_within: PT12H}}
"""
CAP = """\
- {id: news, when: {gte: {score.reporting: 0.5}}, then: {cap: {verdict: review, severity: low}}}
"""
CONSEQUENCES = """
on_verdict:
  review: {actions: [queue_review], review_within: P3D}
  remove: {actions: [remove_content, notify_author]}
on_severity:
  high: {actions: [x-page-oncall], review_within: PT2H}
"""


def test_every_matching_rule_contributes_and_the_strongest_wins_whatever_the_order() -> None:
    forward = PolicyDecider(policy(RAISES, CONSEQUENCES))
    backward = PolicyDecider(
        policy("".join(reversed(RAISES.replace("\n   ", " ").splitlines(True))), CONSEQUENCES)
    )
    a = assess({"hate": 0.6, "violent_threat": 0.95})
    for d in (forward, backward):
        out = d.evaluate(a)
        assert out.verdict is Verdict.REMOVE and out.severity is Severity.HIGH
        assert out.violations == (Category.VIOLENT_THREAT, Category.HATE)  # taxonomy order
        assert set(out.rule_hits) == {"hate.review", "threat.remove", "threat.restrict"}
    assert forward.evaluate(a).rule_hits == ("hate.review", "threat.remove", "threat.restrict")


def test_consequences_then_rule_actions_without_duplicates_and_shortest_deadline() -> None:
    out = PolicyDecider(policy(RAISES, CONSEQUENCES)).evaluate(assess({"hate": 0.6, "violent_threat": 0.95}))
    assert out.actions == (
        "remove_content",
        "notify_author",
        "x-page-oncall",
        "x-hate-review",
        "preserve_evidence",
    )
    assert out.review_within == timedelta(hours=2)
    out = PolicyDecider(policy(RAISES, CONSEQUENCES)).evaluate(assess({"hate": 0.6}))
    assert out.actions == ("queue_review", "x-hate-review") and out.review_within == timedelta(days=3)
    assert PolicyDecider(policy(RAISES)).evaluate(assess({})).review_within is None


def test_cap_lowers_what_came_before_and_drops_effects_of_capped_rules() -> None:
    d = PolicyDecider(policy(RAISES + CAP, CONSEQUENCES))
    out = d.evaluate(assess({"hate": 0.6, "violent_threat": 0.95, "reporting": 0.8}))
    assert (out.verdict, out.severity) == (Verdict.REVIEW, Severity.LOW)
    assert out.rule_hits == ("hate.review", "threat.remove", "threat.restrict", "news")
    assert out.capped == ("threat.remove", "threat.restrict")
    # the remove rule's actions and the restrict rule's deadline and violation are gone
    assert out.actions == ("queue_review", "x-hate-review")
    assert out.review_within == timedelta(days=3)
    assert out.violations == (Category.HATE,)
    assert set(out.grounds) == {Category.HATE}


def test_a_raise_after_a_cap_raises_again() -> None:
    after = "- {id: late, when: {gte: {score.imminence: 0.5}}, then: {verdict: restrict}}\n"
    d = PolicyDecider(policy(RAISES + CAP + after))
    out = d.evaluate(assess({"violent_threat": 0.95, "reporting": 0.8, "imminence": 0.9}))
    assert out.verdict is Verdict.RESTRICT and out.severity is Severity.LOW


def test_cap_on_severity_only_keeps_the_verdict() -> None:
    cap = "- {id: c, when: {eq: {language: fr}}, then: {cap: {severity: medium}}}\n"
    out = PolicyDecider(policy(RAISES + cap)).evaluate(assess({"violent_threat": 0.95}, language="fr"))
    assert out.verdict is Verdict.REMOVE and out.severity is Severity.MEDIUM


def test_grounds_come_from_the_rule_first_then_the_policy() -> None:
    rules = """\
    - {id: a, when: {gte: {score.hate: 0.5}}, then: {violation: hate, verdict: review,
       ground: {dsa_category: STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH, basis: illegal_content,
                reference: §130}}}
    - {id: b, when: {gte: {score.violent_threat: 0.5}}, then: {violation: violent_threat, verdict: review}}
    """
    out = PolicyDecider(policy(rules)).evaluate(assess({"hate": 0.6, "violent_threat": 0.6}))
    assert out.grounds[Category.HATE].reference == "§130"
    assert out.grounds[Category.VIOLENT_THREAT].reference == "AUP 1"


def test_decide_returns_a_decision_with_policy_ref_hits_and_author_from_metadata() -> None:
    rules = """\
    - {id: base, when: {gte: {score.violent_threat: 0.5}}, then: {violation: violent_threat, verdict: review}}
    - {id: repeat, when: {gte: {author.strikes: 2}}, then: {verdict: remove}}
    """
    p = policy(rules, CONSEQUENCES)
    decider: Decider = PolicyDecider(p)
    a = assess({"violent_threat": 0.6})
    d = decider.decide(a)
    assert d.policy == p.ref and d.verdict is Verdict.REVIEW and d.rule_hits == ("base",)
    assert d.actions == ("queue_review",) and d.violations == (Category.VIOLENT_THREAT,)
    assert d.id == decider.decide(a).id
    with_author = type(a)(
        post=Post(id="p", text="some text", metadata={"author": {"strikes": 3}}),
        language="en",
        scores=a.scores,
        targets=(),
        signals=(),
        truncated=False,
    )
    d2 = decider.decide(with_author)
    assert d2.verdict is Verdict.REMOVE and d2.rule_hits == ("base", "repeat")
    assert d2.actions == ("remove_content", "notify_author")


def test_default_policy_escalates_critical_and_notes_watchlists() -> None:
    from .helpers import target

    d = PolicyDecider(load_policy())
    out = d.evaluate(assess({"violent_threat": 0.95, "imminence": 0.8}, (target("judge", "wl-7"),)))
    assert out.severity is Severity.CRITICAL
    assert out.actions == ("remove_content", "notify_author", "escalate_law_enforcement", "preserve_evidence")
    assert out.review_within == timedelta(hours=1)
    wide = d.evaluate(assess({"hate": 0.6}, reach={"views": 50_000}))
    assert wide.review_within == timedelta(hours=4) and "reach.wide_audience" in wide.rule_hits
