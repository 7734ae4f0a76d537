"""Validation errors name the file, the line and the rule — for every kind of mistake below."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigie.errors import ConfigError
from vigie.policy import load_policy, parse_policy

GOOD = """\
name: test
version: "1"
grounds:
  hate: {dsa_category: STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH, basis: illegal_content, reference: law}
rules:
  - id: hate.review
    when: {gte: {score.hate: 0.5}}
    then: {violation: hate, verdict: review, severity: low}
  - id: news
    when: {gte: {score.reporting: 0.5}}
    then: {cap: {verdict: review}}
examples:
  - id: ex
    scores: {hate: 0.6}
    expect: {verdict: review}
"""


def test_the_good_policy_is_valid() -> None:
    assert parse_policy(GOOD).ref.name == "test"


# (what to replace, replacement, expected line, expected owner or None, message fragment)
MISTAKES = [
    (
        "unknown_field",
        "    when: {gte: {score.hate: 0.5}}",
        "    descripton: hi\n    when: {gte: {score.hate: 0.5}}",
        7,
        "rule 'hate.review'",
        "unknown field 'descripton'; fields here: id, description, when, then",
    ),
    (
        "unknown_operator",
        "{gte: {score.hate: 0.5}}",
        "{gteq: {score.hate: 0.5}}",
        7,
        "rule 'hate.review'",
        "unknown operator 'gteq'",
    ),
    (
        "unknown_label",
        "score.hate: 0.5}}",
        "score.hat: 0.5}}",
        7,
        "rule 'hate.review'",
        "unknown label 'hat' in 'score.hat' (did you mean 'hate'?)",
    ),
    (
        "unknown_agreement_category",
        "score.hate: 0.5}}",
        "agreement.hat: 2}}",
        7,
        "rule 'hate.review'",
        "unknown category 'hat' in 'agreement.hat' (did you mean 'hate'?)",
    ),
    (
        "unknown_field_path",
        "{score.reporting: 0.5}",
        "{author.karma: 0.5}",
        10,
        "rule 'news'",
        "unknown field 'author.karma'",
    ),
    (
        "threshold_out_of_range",
        "score.hate: 0.5}}",
        "score.hate: 1.5}}",
        7,
        "rule 'hate.review'",
        "threshold 1.5 for score.hate is out of range [0, 1]",
    ),
    (
        "duplicate_rule_id",
        "  - id: news",
        "  - id: hate.review",
        9,
        "rule 'hate.review'",
        "duplicate rule id",
    ),
    (
        "bad_verdict",
        "verdict: review, severity: low",
        "verdict: delete, severity: low",
        8,
        "rule 'hate.review'",
        "'delete' is not allowed: 'allow', 'review', 'restrict' or 'remove'",
    ),
    (
        "bad_severity",
        "verdict: review, severity: low",
        "verdict: review, severity: severe",
        8,
        "rule 'hate.review'",
        "'severe' is not allowed",
    ),
    (
        "bad_duration",
        "severity: low}",
        "severity: low, review_within: 24h}",
        8,
        "rule 'hate.review'",
        "'24h' is not an ISO 8601 duration",
    ),
    (
        "month_duration",
        "severity: low}",
        "severity: low, review_within: P1M}",
        8,
        "rule 'hate.review'",
        "months and years are not exact",
    ),
    ("missing_version", 'version: "1"\n', "", 1, None, "missing required field 'version'"),
    ("unquoted_version", 'version: "1"', "version: 1", 2, None, "version must be text: quote it"),
    (
        "unknown_expected_verdict",
        "expect: {verdict: review}",
        "expect: {verdict: flag}",
        15,
        "example 'ex'",
        "'flag' is not allowed",
    ),
    (
        "cap_without_cap",
        "then: {cap: {verdict: review}}",
        "then: {cap: {}}",
        11,
        "rule 'news'",
        "a cap names a verdict, a severity or both",
    ),
    (
        "cap_and_raise",
        "then: {cap: {verdict: review}}",
        "then: {cap: {verdict: review}, verdict: remove}",
        11,
        "rule 'news'",
        "a cap rule only caps; it cannot also set verdict",
    ),
    (
        "rule_does_nothing",
        "then: {cap: {verdict: review}}",
        "then: {}",
        11,
        "rule 'news'",
        "then does nothing",
    ),
    (
        "unknown_action",
        "severity: low}",
        "severity: low, actions: [nuke]}",
        8,
        "rule 'hate.review'",
        "unknown action 'nuke'",
    ),
    (
        "violation_without_ground",
        "then: {violation: hate,",
        "then: {violation: harassment,",
        8,
        "rule 'hate.review'",
        "no ground for harassment",
    ),
    (
        "comparison_needs_one_field",
        "{score.hate: 0.5}}",
        "{score.hate: 0.5, score.incitement: 0.5}}",
        7,
        "rule 'hate.review'",
        "takes exactly one field",
    ),
    (
        "gte_on_text",
        "{gte: {score.hate: 0.5}}",
        "{gte: {language: fr}}",
        7,
        "rule 'hate.review'",
        "gte needs a number, score, verdict or severity field",
    ),
    (
        "bad_target_kind",
        "{gte: {score.reporting: 0.5}}",
        "{in: {target.kind: [person, alien]}}",
        10,
        "rule 'news'",
        "'alien' is not a valid target.kind",
    ),
    (
        "empty_any",
        "{gte: {score.reporting: 0.5}}",
        "{any: []}",
        10,
        "rule 'news'",
        "any takes a non-empty list",
    ),
    (
        "unknown_ref",
        "{gte: {score.reporting: 0.5}}",
        "{ref: nothing}",
        10,
        "rule 'news'",
        "ref to unknown condition 'nothing'",
    ),
    (
        "example_unknown_rule",
        "expect: {verdict: review}",
        "expect: {verdict: review, rules: [hate.revew]}",
        15,
        "example 'ex'",
        "expects unknown rule 'hate.revew'",
    ),
    (
        "example_unknown_label",
        "scores: {hate: 0.6}",
        "scores: {hat: 0.6}",
        14,
        "example 'ex'",
        "unknown label 'hat'",
    ),
    (
        "example_two_forms",
        "scores: {hate: 0.6}",
        "scores: {hate: 0.6}\n    text: hello",
        13,
        "example 'ex'",
        "either scores",
    ),
    (
        "duplicate_key",
        "    then: {violation: hate, verdict: review, severity: low}",
        "    then: {violation: hate, verdict: review, severity: low}\n    then: {verdict: remove}",
        9,
        "rule 'hate.review'",
        "duplicate key 'then'",
    ),
    (
        "bad_dsa_category",
        "dsa_category: STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
        "dsa_category: hate speech",
        4,
        None,
        "String should match pattern",
    ),
    (
        "empty_rules",
        GOOD[GOOD.index("rules:") : GOOD.index("examples:")],
        "rules: []\n",
        5,
        None,
        "rules must not be empty",
    ),
]


@pytest.mark.parametrize(
    ("kind", "old", "new", "line", "owner", "fragment"), MISTAKES, ids=[m[0] for m in MISTAKES]
)
def test_mistake_is_reported_with_file_line_and_rule(
    kind: str, old: str, new: str, line: int, owner: str | None, fragment: str
) -> None:
    assert old in GOOD, kind
    with pytest.raises(ConfigError) as info:
        parse_policy(GOOD.replace(old, new, 1), source="p.yaml")
    err = info.value
    assert err.code == "config.policy_invalid"
    problems = err.details["problems"]
    assert len(problems) == 1, problems
    (problem,) = problems
    assert problem["file"] == "p.yaml"
    assert problem["line"] == line, problem
    assert fragment in problem["message"], problem
    if owner is not None:
        assert problem["owner"] == owner
        assert f"p.yaml:{line}: {owner}: " in err.message
    else:
        assert f"p.yaml:{line}: " in err.message


def test_at_least_ten_distinct_kinds_are_covered() -> None:
    assert len({m[0] for m in MISTAKES}) >= 10


def test_all_problems_are_reported_at_once_in_line_order() -> None:
    # structure first (every schema mistake at once) ...
    bad = GOOD.replace("verdict: review,", "verdict: delete,").replace(
        "expect: {verdict: review}", "expect: {verdict: x}"
    )
    with pytest.raises(ConfigError) as info:
        parse_policy(bad, source="p.yaml")
    assert [p["line"] for p in info.value.details["problems"]] == [8, 15]
    assert "2 problems" in info.value.message
    # ... then conditions and references (every one at once)
    bad = GOOD.replace("score.hate: 0.5}}", "score.hat: 0.5}}").replace("score.reporting", "score.reportin")
    with pytest.raises(ConfigError) as info:
        parse_policy(bad, source="p.yaml")
    assert [p["line"] for p in info.value.details["problems"]] == [7, 10]


def test_cycle_in_named_conditions() -> None:
    bad = GOOD.replace("rules:", "conditions:\n  a: {ref: b}\n  b: {not: {ref: a}}\nrules:")
    with pytest.raises(ConfigError, match=r"cycle: a -> b -> a"):
        parse_policy(bad)


def test_yaml_syntax_error_names_the_line() -> None:
    with pytest.raises(ConfigError) as info:
        parse_policy(GOOD.replace("  - id: news", "  - id: [news"), source="p.yaml")
    assert info.value.code == "config.policy_yaml"
    assert info.value.details["line"] >= 9


def test_empty_and_non_mapping_files() -> None:
    with pytest.raises(ConfigError, match="empty"):
        parse_policy("# nothing\n")
    with pytest.raises(ConfigError, match="a policy is a mapping"):
        parse_policy("- 1\n- 2\n")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_policy(tmp_path / "nope.yaml")
    assert info.value.code == "config.policy_not_found"


def test_load_from_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(GOOD.replace("verdict: review,", "verdict: maybe,"), encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"{path}:8: rule 'hate.review'"):
        load_policy(path)
    path.write_text(GOOD, encoding="utf-8")
    assert load_policy(path).source == str(path)
