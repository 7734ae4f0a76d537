"""Issue 5's acceptance, checked through the real default pipeline (lexicon and encoder, the default
policy, the example watch-list; see ``conftest.py``): the seed article, the bundled feed, the HTML
report and the spans of obfuscated posts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from vigie.categories import Severity, Verdict
from vigie.pipeline import Pipeline
from vigie.readers import read_records
from vigie.report.html import render_html
from vigie.report.summary import ScanSummary
from vigie.settings import Settings
from vigie.types import Post

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "000_a994aaf5dc8b02ee.txt"
"""The article vigie started from, in the shared folder beside the repository (CI has it too)."""
FEED = ROOT / "examples" / "feed.jsonl"
DATED = re.compile(r"\d|janvier|january|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|"
                   r"wednesday|thursday|friday|saturday|sunday|demain|tomorrow|devant|préfecture|capitol|parvis",
                   re.IGNORECASE)  # fmt: skip
QUOTED_ALONE = (
    "Nous allons nous battre dans une guerre civile le 20 janvier, "
    "former MILITIAS maintenant et acquérir des cibles"
)


def test_seed_article_is_reporting_not_a_threat(functional_pipeline: Pipeline) -> None:
    assert SEED.exists(), f"the seed article is missing: {SEED} (../shared beside the repository)"
    decision = functional_pipeline.run(Post("seed", SEED.read_text(encoding="utf-8")))
    assert decision.verdict is Verdict.ALLOW or decision.severity.rank <= Severity.LOW.rank
    reporting = decision.scores["reporting"]
    assert reporting.score >= 0.5
    assert any(e.label == "reporting" and "déclaré" in e.snippet for e in reporting.evidence)


def test_seed_quotes_posted_alone_are_flagged(functional_pipeline: Pipeline) -> None:
    decision = functional_pipeline.run(Post("q", QUOTED_ALONE))
    assert decision.flagged
    assert decision.severity.rank >= Severity.HIGH.rank
    assert decision.score("reporting") < 0.5
    assert any("cibles" in e.snippet for e in decision.evidence if e.label == "incitement")
    assert any("20 janvier" in e.snippet for e in decision.evidence if e.label == "imminence")


@pytest.fixture(scope="module")
def feed(functional_pipeline: Pipeline) -> list[tuple[dict[str, object], object]]:
    rows = [json.loads(line) for line in FEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    posts = [Post(str(r["id"]), str(r["text"]), lang_hint=str(r.get("lang") or "") or None) for r in rows]
    return list(zip(rows, functional_pipeline.run_batch(posts), strict=True))


def test_feed_reporting_and_counter_speech_stay_low(feed: list[tuple[dict[str, object], object]]) -> None:
    context = [(r, d) for r, d in feed if r["kind"] in ("reporting", "counter_speech")]
    assert len(context) >= 20
    high = [(r["text"], d.severity) for r, d in context if d.severity.rank > Severity.LOW.rank]  # type: ignore[attr-defined]
    assert not high


def test_feed_dated_or_placed_calls_to_arms_are_high(feed: list[tuple[dict[str, object], object]]) -> None:
    calls = [(r, d) for r, d in feed if r["kind"] == "call_to_arms" and DATED.search(str(r["text"]))]
    assert len(calls) >= 10
    low = [(r["text"], d.severity) for r, d in calls if d.severity.rank < Severity.HIGH.rank]  # type: ignore[attr-defined]
    assert not low


def test_feed_benign_posts_are_not_flagged_by_the_threat_semantics(feed_path: Path) -> None:
    """The rules of this issue (the lexicon's targets, imminence, context, idioms) flag no benign post.

    Only the lexicon is checked here: the trained encoder's false positives on everyday posts are a
    known failure of the model (MODEL_CARD.md), measured by ``vigie eval examples/feed.jsonl``."""
    lexicon_only = Pipeline.from_settings(
        Settings.model_validate({"detection": {"detectors": ["vigie.lexicon"]}})
    )
    posts = [p for p in read_records(str(feed_path)) if isinstance(p, Post)]
    benign = [p for p in posts if p.metadata["kind"] in ("benign", "criticism", "idiom")]
    flagged = [d.post.text for d in lexicon_only.run_batch(benign) if d.flagged]
    assert len(flagged) <= len(benign) // 50, flagged


def test_html_report_shows_targets_and_imminence(functional_pipeline: Pipeline) -> None:
    text = "Tomorrow at noon I will shoot Judge Ray Donnelly on the courthouse steps."
    decisions = functional_pipeline.run_batch([Post("t1", text)])
    assert decisions[0].severity is Severity.CRITICAL
    page = render_html(ScanSummary.from_decisions(decisions), decisions)
    assert "Ray Donnelly" in page and "Targets" in page
    assert re.search(r'<mark class="[^"]*hl-target[^"]*"[^>]*>[^<]*Ray Donnelly', page)
    assert re.search(r'<mark class="[^"]*hl-imminence[^"]*"[^>]*>[^<]*(?:Tomorrow|noon)', page)


OBFUSCATED = [
    ("en", "I will k 1 l l you", "k 1 l l"),
    ("fr", "je vais te t.u.e.r", "t.u.e.r"),
    ("en", "I will k\u200bi\u200bl\u200bl you", "k\u200bi\u200bl\u200bl"),
    ("fr", "Je vais t\u0435 tu\u0435r", "tu\u0435r"),
    ("en", "I'm going to muuuurder you", "muuuurder"),
    ("en", "I will k_i_l_l you", "k_i_l_l"),
    ("en", "I will ᴋɪʟʟ you", "ᴋɪʟʟ"),  # small capitals of "fancy text"
    ("fr", "Je vais Ã©gorger le maire", "Ã©gorger"),
]


@pytest.mark.parametrize(("lang", "text", "written"), OBFUSCATED)
def test_obfuscated_evidence_highlights_what_the_user_wrote(
    functional_pipeline: Pipeline, lang: str, text: str, written: str
) -> None:
    decision = functional_pipeline.run(Post("o", text, lang_hint=lang))
    start = text.index(written)
    end = start + len(written)
    spans = [e for e in decision.evidence if e.label in ("violent_threat", "incitement", "hate")]
    assert spans, decision.scores
    assert any(e.span.start <= start and end <= e.span.end for e in spans)
    for e in spans:
        assert e.snippet == text[e.span.start : e.span.end]
        # a span never starts or ends inside what the user wrote as one word
        assert not (start < e.span.start < end) and not (start < e.span.end < end)
