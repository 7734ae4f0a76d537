"""The policy engine inside `vigie scan`: versions audited, shadow mode, re-decisions, strikes, backtests."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from rich.console import Console

from vigie.backtest import backtest
from vigie.categories import Verdict
from vigie.pipeline import Pipeline
from vigie.policy import PolicyDecider, parse_policy
from vigie.scan import ScanOutcome, run_scan
from vigie.settings import load_settings
from vigie.store import Store, open_store
from vigie.store.accounts import strike_history
from vigie.store.policies import active_policy, shadow_summary

from .conftest import candidate_text, variant

_HATE_REVIEW_RULE = re.search(
    r"id: hate\.review\n\s+when:\s+(?:all:\s*\[?\s*(?:- )?)?\{?gte: \{score\.hate: ([0-9.]+)\}",
    candidate_text(),
)
assert _HATE_REVIEW_RULE is not None
HATE_REVIEW = float(_HATE_REVIEW_RULE[1])
"""The default policy's hate review bar (near the shipped model's threshold: tests/policy ties them)."""
# A stricter candidate: hate reviewed from 0.2, and no rule that reads author history (so a
# re-scan and a backtest see the same facts).
STRICT = candidate_text(
    **{
        _HATE_REVIEW_RULE[0]: _HATE_REVIEW_RULE[0].replace(
            f"score.hate: {_HATE_REVIEW_RULE[1]}", "score.hate: 0.2"
        ),
        "name: vigie-default": "name: strict-candidate",
        "        - gte: {author.strikes: 2}": "        - gte: {author.strikes: 1000}",
    }
)
# Removes every violating post, and suspends at the first point: exercises strikes.
HARSH = candidate_text(
    **{
        "        - gte: {score.violent_threat: 0.92}\n        - gte: {agreement.violent_threat: 2}": (
            "        - gte: {score.violent_threat: 0.5}"
        ),
        "        - gte: {score.hate: 0.95}\n        - gte: {agreement.hate: 2}": (
            "        - gte: {score.hate: 0.5}"
        ),
        "name: vigie-default": "name: harsh",
        "    - {points: 3, actions: [warn_author], description: a warning}": (
            "    - {points: 1, actions: [warn_author], description: a warning}"
        ),
    }
)


def quiet() -> Console:
    return Console(file=io.StringIO(), width=120)


def scan(section: dict[str, Any], feed: Path, pipeline: Pipeline) -> ScanOutcome:
    settings = load_settings(environ={}, overrides={"store": section})
    return run_scan(settings, str(feed), console=quiet(), err_console=quiet(), pipeline=pipeline)


def opened(section: dict[str, Any]) -> Store:
    return open_store(section["url"], schema=section.get("schema_name"))


def test_policy_in_force_is_archived_and_each_change_audited(
    store_section: dict[str, Any], small_feed: Path, pipeline: Pipeline
) -> None:
    scan(store_section, small_feed, pipeline)
    scan(store_section, small_feed, pipeline)
    strict = variant(pipeline, live=STRICT)
    out = scan(store_section, small_feed, strict)
    with opened(store_section) as store:
        activations = [e for e in store.events("policy") if e["type"] == "policy_activated"]
        assert [e["payload"]["name"] for e in activations] == ["vigie-default", "strict-candidate"]
        assert activations[1]["payload"]["previous"] == activations[0]["payload"]["hash"]
        ref = active_policy(store)
        assert ref is not None and ref == strict.decider.policy
        # the new policy re-decided every stored post from its stored signals, without re-scoring it
        assert out.summary.new_posts == 0 and out.redecided == 40
        latest = store.latest_decisions()
        assert {d.policy["hash"] for d in latest} == {ref.hash}
        assert store.verify_audit().ok


def test_shadow_policy_is_stored_and_summarised_but_never_acts(
    store_section: dict[str, Any], small_feed: Path, pipeline: Pipeline
) -> None:
    shadowed = variant(pipeline, shadow=HARSH)
    out = scan(store_section, small_feed, shadowed)
    harsh = PolicyDecider(parse_policy(HARSH))
    expected = 0
    for live in out.decisions:
        again = harsh.decide(pipeline.assess_batch([live.post])[0])
        expected += again.verdict != live.verdict or set(again.violations) != set(live.violations)
    assert expected > 0
    with opened(store_section) as store:
        summary = shadow_summary(store)
        assert summary is not None and summary.total == 40 and summary.disagreements == expected
        assert out.shadow_disagreements == expected
        # the live (default) policy decided; the harsh shadow removed nothing and struck no one
        assert all(d.policy.name == "vigie-default" for d in out.decisions)
        authors = sorted({("default", d.post.author_id) for d in out.decisions if d.post.author_id})
        live_removals = sum(d.verdict is Verdict.REMOVE for d in out.decisions)
        assert sum(len(v) for v in strike_history(store, authors).values()) == live_removals


def test_final_removals_strike_authors_and_ladder_steps_are_audited(
    store_section: dict[str, Any], small_feed: Path, pipeline: Pipeline
) -> None:
    out = scan(store_section, small_feed, variant(pipeline, live=HARSH))
    removed = [d for d in out.decisions if d.verdict is Verdict.REMOVE and d.post.author_id]
    assert removed and out.strikes == len(removed)
    with opened(store_section) as store:
        struck = strike_history(store, sorted({("default", d.post.author_id or "") for d in removed}))
        assert sum(len(v) for v in struck.values()) == len(removed)
        steps = [e for e in store.events("accounts") if e["type"] == "strike_step_reached"]
        assert {e["subject"] for e in steps} == {f"account:default:{a}" for (_, a), v in struck.items() if v}
        ladder = {(1.0, ("warn_author",)), (6.0, ("restrict_account",)), (9.0, ("suspend_account",))}
        assert {(e["payload"]["points"], tuple(e["payload"]["actions"])) for e in steps} <= ladder
        assert any(e["payload"]["actions"] == ["warn_author"] for e in steps)
    # scanning again strikes no one twice
    assert scan(store_section, small_feed, variant(pipeline, live=HARSH)).strikes == 0


def test_backtest_counts_match_a_rescan_with_the_candidate(
    tmp_path: Path, store_section: dict[str, Any], small_feed: Path, pipeline: Pipeline
) -> None:
    live = scan(store_section, small_feed, pipeline)
    strict = PolicyDecider(parse_policy(STRICT))
    with opened(store_section) as store:
        events_before = len(store.events())
        report = backtest(store, strict)
        assert len(store.events()) == events_before  # a backtest writes nothing
    fresh = {"url": f"sqlite:///{tmp_path / 'rescan.db'}"}
    rescan = scan(fresh, small_feed, variant(pipeline, live=STRICT))
    rescanned = {str(v): sum(d.verdict is v for d in rescan.decisions) for v in Verdict}
    assert report.total == 40 and report.candidate_verdicts == rescanned
    assert report.live_verdicts == {str(v): sum(d.verdict is v for d in live.decisions) for v in Verdict}
    changed = sum(
        a.verdict != b.verdict or set(a.violations) != set(b.violations)
        for a, b in zip(live.decisions, rescan.decisions, strict=True)
    )
    assert report.changed == changed and sum(report.transitions.values()) == changed
