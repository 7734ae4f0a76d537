"""check_policy: validation, examples, text fixtures through a pipeline, the human report and exit codes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from vigie.decision.base import Assessment
from vigie.policy import check_policy
from vigie.types import CategoryScore, Post

POLICY = """\
name: c
version: "1"
rules: [{id: r, when: {gte: {score.hate: 0.5}}, then: {verdict: review, severity: low}}]
examples:
  - {id: scored, scores: {hate: 0.6}, expect: {verdict: review, severity: low}}
  - {id: written, text: "a hateful sentence", language: fr, expect: {verdict: review}}
"""


class FakePipeline:
    """Scores every post 0.7 hate and records what it was asked."""

    def __init__(self) -> None:
        self.posts: list[Post] = []

    def assess_batch(self, posts: Sequence[Post]) -> list[Assessment]:
        self.posts.extend(posts)
        return [
            Assessment(
                post=p,
                language="fr",
                scores={"hate": CategoryScore("hate", 0.7)},
                targets=(),
                signals=(),
                truncated=False,
            )
            for p in posts
        ]


def test_text_examples_are_skipped_without_a_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(POLICY, encoding="utf-8")
    report = check_policy(path)
    assert report.ok and report.exit_code == 0
    assert [(r.id, r.status) for r in report.results] == [("scored", "passed"), ("written", "skipped")]
    assert "1 passed, 0 failed, 1 skipped" in report.format()


def test_text_examples_run_through_the_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(POLICY, encoding="utf-8")
    fake = FakePipeline()
    report = check_policy(path, pipeline=fake)
    assert [(r.id, r.status) for r in report.results] == [("scored", "passed"), ("written", "passed")]
    assert [(p.text, p.lang_hint) for p in fake.posts] == [("a hateful sentence", "fr")]


def test_failing_example_is_reported_with_the_rules_that_fired(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        POLICY.replace("expect: {verdict: review, severity: low}", "expect: {verdict: remove}"), "utf-8"
    )
    report = check_policy(path)
    assert not report.ok and report.exit_code == 1
    assert "✗ scored: verdict review, expected remove  [rules: r]" in report.format()


def test_invalid_policy_is_a_report_not_an_exception(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(POLICY.replace("score.hate", "score.hat", 1), encoding="utf-8")
    report = check_policy(path)
    assert report.exit_code == 2 and report.error is not None and report.results == ()
    assert f"{path}:3: rule 'r'" in report.format()
