"""The policy hash: stable under comments, key order, quoting and duration spelling; changes with content."""

from __future__ import annotations

from vigie.policy import load_policy, parse_policy

BASE = """\
name: h
version: "1"
rules:
  - id: r
    when: {gte: {score.hate: 0.5}}
    then: {verdict: review, severity: low, review_within: PT24H}
examples:
  - {id: e, scores: {hate: 0.6}, expect: {verdict: review}}
"""
REORDERED = """\
# a comment
rules:
  - then:                  # keys in another order
      review_within: P1D   # the same duration, spelled differently
      severity: 'low'
      verdict: "review"
    id: r
    when:
      gte:
        score.hate: 0.50
version: '1'
name: h
"""


def test_hash_ignores_comments_key_order_quoting_and_duration_spelling() -> None:
    a, b = parse_policy(BASE), parse_policy(REORDERED)
    assert a.ref == b.ref
    assert a.ref.hash.startswith("sha256:") and len(a.ref.hash) == 7 + 64


def test_hash_changes_with_a_threshold_an_outcome_or_the_version() -> None:
    base = parse_policy(BASE).ref.hash
    assert parse_policy(BASE.replace("0.5}", "0.55}")).ref.hash != base
    assert parse_policy(BASE.replace("severity: low", "severity: medium")).ref.hash != base
    assert parse_policy(BASE.replace("PT24H", "PT12H")).ref.hash != base
    changed = parse_policy(BASE.replace('version: "1"', 'version: "2"')).ref
    assert changed.version == "2" and changed.hash != base


def test_examples_do_not_change_the_hash() -> None:
    more = BASE + "  - {id: f, scores: {hate: 0.1}, expect: {verdict: allow}}\n"
    assert parse_policy(more).ref.hash == parse_policy(BASE).ref.hash


def test_default_policy_identity_is_stable_across_loads() -> None:
    a, b = load_policy(), load_policy(None)
    assert a.ref == b.ref and a.ref.name == "vigie-default"
