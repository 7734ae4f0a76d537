"""ScanSummary counts, top_flagged ordering and the rich terminal view."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from rich.console import Console

from vigie.categories import CATEGORIES, Category, Severity, Verdict
from vigie.report import ScanSummary, print_summary, top_flagged
from vigie.report.summary import excerpt, printable
from vigie.types import Decision, PolicyRef

from .helpers import ev, make


def flagged(
    post_id: str, severity: Severity, verdict: Verdict = Verdict.REVIEW, score: float = 0.8
) -> Decision:
    return make(post_id, verdict=verdict, severity=severity, scores={"hate": score})


def test_counts_zero_filled_in_enum_order() -> None:
    decisions = [
        make("a", language="fr"),
        make(
            "b",
            language="fr",
            verdict=Verdict.REMOVE,
            severity=Severity.CRITICAL,
            violations=(Category.VIOLENT_THREAT, Category.INCITEMENT),
        ),
        make(
            "c", language="en", verdict=Verdict.REVIEW, severity=Severity.MEDIUM, violations=(Category.HATE,)
        ),
        make("d", language="de", verdict=Verdict.REVIEW, severity=Severity.LOW, violations=(Category.HATE,)),
        make("e", language="fr"),
    ]
    s = ScanSummary.from_decisions(decisions, errors=2, new_posts=4, revised_posts=1, unchanged_posts=0)

    assert (s.total, s.flagged, s.errors) == (5, 3, 2)
    assert (s.new_posts, s.revised_posts, s.unchanged_posts) == (4, 1, 0)
    assert s.by_verdict == {"allow": 2, "review": 2, "restrict": 0, "remove": 1}
    assert list(s.by_verdict) == [v.value for v in Verdict]
    assert s.by_severity == {"none": 2, "low": 1, "medium": 1, "high": 0, "critical": 1}
    assert list(s.by_severity) == [v.value for v in Severity]
    assert s.by_category == {"violent_threat": 1, "incitement": 1, "hate": 2, "harassment": 0}
    assert list(s.by_category) == [c.value for c in CATEGORIES]
    assert list(s.by_language.items()) == [("fr", 3), ("de", 1), ("en", 1)]  # count desc, then name
    assert list(s.by_language_flagged.items()) == [("fr", 1), ("de", 1), ("en", 1)]
    assert s.policy == "default@3 (0123456789ab)"


def test_empty_scan_has_every_key() -> None:
    s = ScanSummary.from_decisions([], errors=1)
    assert (s.total, s.flagged, s.errors) == (0, 0, 1)
    assert set(s.by_verdict) == {v.value for v in Verdict} and not any(s.by_verdict.values())
    assert set(s.by_category) == {c.value for c in CATEGORIES} and not any(s.by_category.values())
    assert s.by_language == {} and s.policy == "n/a"


def test_a_duplicated_violation_counts_once_and_policies_are_listed_once_each() -> None:
    other = PolicyRef("strict", "1", "ffffffffffffffff")
    decisions = [
        make("a", verdict=Verdict.REVIEW, violations=(Category.HATE, Category.HATE)),
        make("b", policy=other),
        make("c"),
    ]
    s = ScanSummary.from_decisions(decisions)
    assert s.by_category["hate"] == 1
    assert s.policy == "default@3 (0123456789ab), strict@1 (ffffffffffff)"


def test_top_flagged_orders_by_severity_then_verdict_then_score_and_is_stable() -> None:
    decisions = [
        make("allowed", scores={"hate": 1.0}),
        flagged("low", Severity.LOW, Verdict.REMOVE, 1.0),
        flagged("high-review", Severity.HIGH, Verdict.REVIEW, 0.99),
        flagged("high-remove-weak", Severity.HIGH, Verdict.REMOVE, 0.6),
        flagged("high-remove-strong", Severity.HIGH, Verdict.REMOVE, 0.9),
        flagged("critical", Severity.CRITICAL, Verdict.REVIEW, 0.5),
        flagged("tie-1", Severity.MEDIUM, Verdict.REVIEW, 0.7),
        flagged("tie-2", Severity.MEDIUM, Verdict.REVIEW, 0.7),
    ]
    order = [d.post.id for d in top_flagged(decisions)]
    assert order == [
        "critical",
        "high-remove-strong",
        "high-remove-weak",
        "high-review",
        "tie-1",
        "tie-2",
        "low",
    ]
    assert [d.post.id for d in top_flagged(decisions, 2)] == ["critical", "high-remove-strong"]
    assert top_flagged(decisions, 0) == []


def test_context_scores_do_not_rank_a_post() -> None:
    weak = flagged("weak", Severity.MEDIUM, score=0.4)
    loud_context = make(
        "ctx",
        verdict=Verdict.REVIEW,
        severity=Severity.MEDIUM,
        scores={"hate": 0.5, "reporting": 1.0, "imminence": 1.0},
    )
    assert [d.post.id for d in top_flagged([loud_context, weak])] == ["ctx", "weak"]
    weak2 = make("weak2", verdict=Verdict.REVIEW, severity=Severity.MEDIUM, scores={"hate": 0.6})
    assert [d.post.id for d in top_flagged([loud_context, weak2])] == ["weak2", "ctx"]


def test_excerpt_shows_the_evidence_and_marks_cuts() -> None:
    text = "a" * 500 + "NEEDLE" + "b" * 500
    out = excerpt(text, 160, around=500)
    assert "NEEDLE" in out and out.startswith("…") and out.endswith("…")
    assert len(out) == 162
    assert excerpt("short", 160) == "short"
    assert excerpt(text, 160).startswith("aaa") and excerpt(text, 160).endswith("…")


def test_printable_neutralises_terminal_controls() -> None:
    assert printable("a\x1b[2Jb\u202ec\nd") == "a\\u001b[2Jb\\u202ec d"


def _record(summary: ScanSummary, decisions: Sequence[Decision], top: int = 10) -> str:
    console = Console(record=True, width=120, force_terminal=False, color_system=None)
    print_summary(summary, decisions, console, top=top)
    return console.export_text()


def test_print_summary_shows_counts_top_posts_and_their_evidence() -> None:
    t1 = "I will kill the mayor tomorrow at the market"
    t2 = "those people are vermin"
    decisions = [
        make(
            "post-critical",
            t1,
            verdict=Verdict.REMOVE,
            severity=Severity.CRITICAL,
            language="en",
            violations=(Category.VIOLENT_THREAT,),
            evidence=[
                ev(t1, "violent_threat", "kill", "threat verb"),
                ev(t1, "imminence", "tomorrow", "date"),
            ],
        ),
        make(
            "post-hate",
            t2,
            verdict=Verdict.REVIEW,
            severity=Severity.MEDIUM,
            language="fr",
            violations=(Category.HATE,),
            evidence=[ev(t2, "hate", "vermin", "dehumanising noun")],
        ),
        make(
            "post-low",
            "meh",
            verdict=Verdict.REVIEW,
            severity=Severity.LOW,
            violations=(Category.HARASSMENT,),
        ),
        make("post-allowed", "hello"),
    ]
    out = _record(ScanSummary.from_decisions(decisions, errors=3), decisions, top=2)

    assert "4 posts scored, 3 flagged (75.0%), 3 errors" in out
    assert "default@3 (0123456789ab)" in out
    for needle in (
        "post-critical",
        "post-hate",
        "«kill»",
        "threat verb",
        "«tomorrow»",
        "«vermin»",
        "dehumanising noun",
        "critical",
        "violent_threat",
    ):
        assert needle in out, needle
    assert "post-low" not in out and "post-allowed" not in out  # beyond top=2, or allowed
    assert out.index("post-critical") < out.index("post-hate")
    # en: post-critical and post-low flagged, post-allowed not; fr: post-hate
    assert re.search(r"\ben +2 / 3\b", out) and re.search(r"\bfr +1 / 1\b", out)


def test_print_summary_never_interprets_post_markup() -> None:
    text = "[bold red]boom[/bold red] \x1b[2J kill"
    d = make(
        "[link=x]id[/link]",
        text,
        verdict=Verdict.REVIEW,
        severity=Severity.HIGH,
        evidence=[ev(text, "violent_threat", "kill")],
    )
    out = _record(ScanSummary.from_decisions([d]), [d])
    assert "[link=x]id[/link]" in out
    assert "[bold red]boom[/bold red]" in out
    assert "\x1b" not in out and "\\u001b" in out


def test_print_summary_without_flagged_posts() -> None:
    decisions = [make("a"), make("b")]
    out = _record(ScanSummary.from_decisions(decisions), decisions)
    assert "2 posts scored, 0 flagged" in out and "No flagged posts." in out


@pytest.mark.parametrize("n", [3, 12])
def test_print_summary_lists_at_most_top(n: int) -> None:
    decisions = [flagged(f"p{i:02d}", Severity.HIGH, score=1 - i / 100) for i in range(n)]
    out = _record(ScanSummary.from_decisions(decisions), decisions, top=10)
    shown = [f"p{i:02d}" for i in range(n) if f"p{i:02d}" in out]
    assert shown == [f"p{i:02d}" for i in range(min(n, 10))]
