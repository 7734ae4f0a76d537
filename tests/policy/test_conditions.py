"""Every operator, missing fields, many-valued fields, and named conditions."""

from __future__ import annotations

import pytest

from vigie.categories import Verdict
from vigie.policy import PolicyDecider

from .helpers import assess, policy, target, when


def fires(condition: str, **kwargs: object) -> bool:
    author = kwargs.pop("author", None)
    a = assess(**kwargs)  # type: ignore[arg-type]
    return PolicyDecider(when(condition)).evaluate(a, author=author).verdict is Verdict.REVIEW  # type: ignore[arg-type]


def test_gte_is_inclusive_and_lt_is_strict() -> None:
    assert fires("{gte: {score.hate: 0.5}}", scores={"hate": 0.5})
    assert not fires("{gte: {score.hate: 0.5}}", scores={"hate": 0.49})
    assert fires("{lt: {score.hate: 0.5}}", scores={"hate": 0.49})
    assert not fires("{lt: {score.hate: 0.5}}", scores={"hate": 0.5})


def test_absent_score_is_zero_not_missing() -> None:
    # scores are never missing: a label no detector judged scores 0.0
    assert fires("{lt: {score.reporting: 0.5}}", scores={})
    assert not fires("{gte: {score.reporting: 0.0001}}", scores={})


def test_eq_and_in_on_single_fields() -> None:
    assert fires("{eq: {language: fr}}", language="fr")
    assert not fires("{eq: {language: fr}}", language="en")
    assert fires("{in: {language: [fr, de]}}", language="de")
    assert not fires("{in: {language: [fr, de]}}", language="en")
    assert fires("{eq: {post.source: forum}}", source="forum")


def test_many_valued_fields_hold_for_any_value() -> None:
    two = (target("group"), target("official"))
    assert fires("{eq: {target.kind: official}}", targets=two)
    assert fires("{in: {target.kind: [person, official]}}", targets=two)
    assert not fires("{in: {target.kind: [person, judge]}}", targets=two)
    # not(eq) means "no target is an official"
    assert not fires("{not: {eq: {target.kind: official}}}", targets=two)


def test_all_any_not() -> None:
    cond = "{all: [{gte: {score.hate: 0.5}}, {any: [{eq: {language: fr}}, {not: {eq: {language: en}}}]}]}"
    assert fires(cond, scores={"hate": 0.6}, language="fr")
    assert fires(cond, scores={"hate": 0.6}, language="de")
    assert not fires(cond, scores={"hate": 0.6}, language="en")
    assert not fires(cond, scores={"hate": 0.4}, language="fr")


def test_exists() -> None:
    assert fires("{exists: author.strikes}", author={"strikes": 0})
    assert not fires("{exists: author.strikes}", author={"account_age_days": 3})
    assert not fires("{exists: author.strikes}")
    assert fires("{exists: target.watchlist_id}", targets=(target("person", "wl-1"),))
    assert not fires("{exists: target.watchlist_id}", targets=(target("person"),))
    assert fires("{exists: post.reach.views}", reach={"views": 0})


@pytest.mark.parametrize(
    "condition",
    [
        "{gte: {author.strikes: 1}}",
        "{lt: {author.strikes: 1}}",
        "{eq: {author.strikes: 0}}",
        "{in: {author.strikes: [0, 1]}}",
        "{lt: {author.account_age_days: 7}}",
        "{gte: {post.reach.views: 0}}",
        "{eq: {target.kind: person}}",
        "{in: {target.watchlist_id: [wl-1]}}",
    ],
)
def test_comparison_on_missing_field_is_false_and_its_negation_true(condition: str) -> None:
    assert not fires(condition)
    assert fires("{not: " + condition + "}")


def test_author_facts_are_read_when_given() -> None:
    assert fires("{gte: {author.strikes: 2}}", author={"strikes": 2})
    assert fires("{lt: {author.account_age_days: 7}}", author={"account_age_days": 1.5})
    assert not fires("{lt: {author.account_age_days: 7}}", author={"account_age_days": 30})


def test_reach_counters() -> None:
    assert fires("{gte: {post.reach.views: 10000}}", reach={"views": 20000})
    assert not fires("{gte: {post.reach.views: 10000}}", reach={"views": 9999})


def test_decision_fields_see_the_running_decision() -> None:
    p = policy(
        """\
        - {id: base, when: {gte: {score.hate: 0.5}},
           then: {violation: hate, verdict: restrict, severity: medium}}
        - {id: seen, when: {all: [{gte: {decision.verdict: restrict}}, {eq: {decision.violations: hate}}]},
           then: {actions: [preserve_evidence]}}
        - {id: sev, when: {gte: {decision.severity: medium}}, then: {actions: [warn_author]}}
        - {id: never, when: {lt: {decision.severity: low}}, then: {actions: [x-never]}}
        """
    )
    out = PolicyDecider(p).evaluate(assess({"hate": 0.6}))
    assert out.rule_hits == ("base", "seen", "sev")
    assert out.actions == ("preserve_evidence", "warn_author")
    out = PolicyDecider(p).evaluate(assess({"hate": 0.1}))
    assert out.rule_hits == ("never",)


def test_named_conditions_are_shared_by_ref() -> None:
    p = policy(
        "- {id: r, when: {all: [{ref: specific}, {gte: {score.violent_threat: 0.5}}]},\n"
        "   then: {verdict: review}}\n",
        """
        conditions:
          specific: {any: [{ref: person}, {eq: {target.kind: official}}]}
          person: {eq: {target.kind: person}}
        """,
    )
    d = PolicyDecider(p)
    assert d.evaluate(assess({"violent_threat": 0.6}, (target("person"),))).verdict is Verdict.REVIEW
    assert d.evaluate(assess({"violent_threat": 0.6}, (target("official"),))).verdict is Verdict.REVIEW
    assert d.evaluate(assess({"violent_threat": 0.6}, (target("group"),))).verdict is Verdict.ALLOW


def test_author_fact_of_wrong_type_is_an_input_error() -> None:
    from vigie.errors import InputError

    with pytest.raises(InputError, match=r"author\.strikes must be a number"):
        PolicyDecider(when("{exists: author.strikes}")).evaluate(assess(), author={"strikes": "two"})
