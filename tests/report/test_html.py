"""The HTML report: highlight segments, long-text windows, escaping, self-containment, content."""

from __future__ import annotations

import base64
import hashlib
import itertools
import random
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from vigie.categories import Category, Severity, Verdict
from vigie.report import ScanSummary, render_html, top_flagged, write_html
from vigie.report.html import (
    MAX_WINDOW_REGIONS,
    SCORE_LABELS,
    TEXT_WINDOW_CHARS,
    Elision,
    Segment,
    highlight_segments,
    window,
)
from vigie.types import Decision, Evidence, Span, Target

from .helpers import ev, make

WHEN = datetime(2025, 1, 20, 9, 30, tzinfo=UTC)


def at(label: str, start: int, end: int) -> Evidence:
    return Evidence(label, Span(start, end), "", f"{label} {start}-{end}", "test@1")


def render(decisions: Sequence[Decision]) -> str:
    return render_html(ScanSummary.from_decisions(decisions), decisions, generated_at=WHEN)


class _Marks(HTMLParser):
    """Collects every <mark> in post texts (text, class, title) and the card ids in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[tuple[str, str, str]] = []
        self.card_ids: list[str] = []
        self.near_ids: list[str] = []
        self._stack: list[str] = []
        self._attrs: dict[str, str] = {}
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if (
            (tag == "mark" and "hl" in a.get("class", "") and "legend" not in self._stack)
            or (tag == "span" and a.get("class") == "pid")
            or (tag == "td" and a.get("class") == "mono")
        ):
            self._stack.append(tag)
            self._attrs, self._buf = a, []
        elif tag == "div" and a.get("class") == "legend":
            self._stack.append("legend")

    def handle_data(self, data: str) -> None:
        self._buf.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()
            text = "".join(self._buf)
            if tag == "mark":
                self.marks.append((text, self._attrs["class"], self._attrs.get("title", "")))
            elif tag == "span":
                self.card_ids.append(text)
            else:
                self.near_ids.append(text)
        elif tag == "div" and self._stack and self._stack[-1] == "legend":
            self._stack.pop()


def parse(html: str) -> _Marks:
    p = _Marks()
    p.feed(html)
    return p


# --- segments ----------------------------------------------------------------------------------


def test_overlapping_spans_become_non_overlapping_segments_keeping_every_label() -> None:
    text = "I will kill you tomorrow"
    threat, target, when = at("violent_threat", 2, 15), at("target", 12, 15), at("imminence", 16, 24)
    segs = highlight_segments(text, [threat, target, when])
    assert [(s.text, s.labels) for s in segs] == [
        ("I ", ()),
        ("will kill ", ("violent_threat",)),
        ("you", ("violent_threat", "target")),
        (" ", ()),
        ("tomorrow", ("imminence",)),
    ]
    assert segs[1].kind == "category" and not segs[1].multi
    # overlapping: the narrowest evidence (the target inside the threat) gives the colour
    assert segs[2].kind == "target" and segs[2].multi
    assert segs[4].kind == "imminence" and not segs[4].multi
    assert "violent_threat: violent_threat 2-15 [test@1]" in segs[2].title
    assert "target: target 12-15 [test@1]" in segs[2].title


def test_spans_at_text_start_and_end_and_out_of_range_spans() -> None:
    text = "kill them all"
    segs = highlight_segments(text, [at("violent_threat", 0, 4), at("target", 5, 13), at("hate", 13, 99)])
    assert [(s.start, s.end, s.labels) for s in segs] == [
        (0, 4, ("violent_threat",)),
        (4, 5, ()),
        (5, 13, ("target",)),
    ]
    assert highlight_segments("", [at("hate", 0, 3)]) == []
    assert highlight_segments("abc", []) == [Segment(0, 3, "abc")]


def test_segments_match_a_brute_force_cover_on_random_spans() -> None:
    rng = random.Random(7)
    for _ in range(200):
        text = "".join(rng.choice("ab 😀é") for _ in range(rng.randint(0, 30)))
        spans = []
        for i in range(rng.randint(0, 6)):
            s = rng.randint(0, len(text) + 2)
            spans.append(at(f"l{i}", s, s + rng.randint(0, 8)))
        segs = highlight_segments(text, spans)
        assert "".join(s.text for s in segs) == text
        assert all(s.start < s.end for s in segs)
        assert all(a.end == b.start for a, b in itertools.pairwise(segs))
        assert all(a.evidence or b.evidence for a, b in itertools.pairwise(segs))  # plain runs merged
        for seg in segs:
            for i in range(seg.start, seg.end):
                assert seg.evidence == tuple(e for e in spans if e.span.start <= i < e.span.end)


def test_non_bmp_emoji_before_a_span_keeps_code_point_offsets() -> None:
    text = "😀🔪👀 je vais te buter 🇫🇷 demain"
    d = make(
        "emoji",
        text,
        verdict=Verdict.REVIEW,
        severity=Severity.HIGH,
        violations=(Category.VIOLENT_THREAT,),
        evidence=[ev(text, "violent_threat", "te buter"), ev(text, "imminence", "demain")],
    )
    assert text.index("te buter") == 12  # code points, not UTF-16 units (which would be 15)
    marks = parse(render([d])).marks
    assert [m[0] for m in marks] == ["te buter", "demain"]


# --- long texts --------------------------------------------------------------------------------


def _marked_runs(pieces: Sequence[Segment | Elision]) -> list[str]:
    """The texts of the shown highlights, adjacent marked segments joined."""
    runs: list[str] = []
    prev_marked = False
    for p in pieces:
        if isinstance(p, Segment) and p.evidence:
            if prev_marked:
                runs[-1] += p.text
            else:
                runs.append(p.text)
            prev_marked = True
        else:
            prev_marked = False
    return runs


def test_short_texts_are_shown_whole() -> None:
    text = "x" * TEXT_WINDOW_CHARS
    segs = highlight_segments(text, [at("hate", 10, 20)])
    assert window(text, segs) == (segs, 0)


def test_long_text_is_windowed_around_evidence_with_elisions() -> None:
    filler = "lorem ipsum dolor sit amet "
    text = filler * 200 + "KILL THE JUDGE" + filler * 200 + "AT NOON"
    evidence = [
        ev(text, "violent_threat", "KILL THE JUDGE"),
        ev(text, "target", "THE JUDGE"),
        ev(text, "imminence", "AT NOON"),
    ]
    pieces, omitted = window(text, highlight_segments(text, evidence))
    shown = sum(len(p.text) for p in pieces if isinstance(p, Segment))
    skipped = sum(p.skipped for p in pieces if isinstance(p, Elision))
    assert omitted == 0
    assert shown + skipped == len(text)
    assert shown <= TEXT_WINDOW_CHARS
    assert _marked_runs(pieces) == ["KILL THE JUDGE", "AT NOON"]
    assert isinstance(pieces[0], Elision) and isinstance(pieces[-1], Segment)  # ends on the evidence
    assert sum(isinstance(p, Elision) for p in pieces) == 2  # before the first window, between the two
    first_shown = next(p for p in pieces if isinstance(p, Segment))
    assert text[first_shown.start - 1] == " "  # the window edge was snapped onto a word start


def test_nearby_highlights_share_one_window_that_uses_the_budget() -> None:
    text = "word " * 2000 + "kill him" + " now" * 10 + " at dawn" + " word" * 2000
    evidence = [ev(text, "violent_threat", "kill him"), ev(text, "imminence", "at dawn")]
    pieces, omitted = window(text, highlight_segments(text, evidence))
    shown = sum(len(p.text) for p in pieces if isinstance(p, Segment))
    assert omitted == 0 and _marked_runs(pieces) == ["kill him", "at dawn"]
    assert [type(p).__name__ for p in (pieces[0], pieces[-1])] == ["Elision", "Elision"]
    assert sum(isinstance(p, Elision) for p in pieces) == 2  # one window around both
    assert TEXT_WINDOW_CHARS * 0.9 <= shown <= TEXT_WINDOW_CHARS


def test_windows_never_cut_a_highlight_and_count_the_ones_left_out() -> None:
    rng = random.Random(3)
    text = "".join(rng.choice("abcd  ") for _ in range(20_000))
    spans = [at("hate", s, s + 400) for s in range(1000, 19_000, 900)]  # 20 highlights of 400 chars
    segs = highlight_segments(text, spans)
    pieces, omitted = window(text, segs)
    runs = _marked_runs(pieces)
    assert len(runs) + omitted == len(spans)
    assert 0 < len(runs) <= TEXT_WINDOW_CHARS // 400
    assert all(len(r) == 400 for r in runs)  # every shown highlight is whole
    shown = sum(len(p.text) for p in pieces if isinstance(p, Segment))
    assert shown <= TEXT_WINDOW_CHARS


def test_many_small_highlights_keep_context_and_the_card_says_what_is_left_out() -> None:
    text = "".join(f"w{i:04d} slur " for i in range(1000))  # 11,000 chars, 1000 highlights
    spans = [ev(text, "hate", "slur", nth=i) for i in range(0, 1000, 20)]  # 50 of them
    pieces, omitted = window(text, highlight_segments(text, spans))
    assert omitted > 0 and len(_marked_runs(pieces)) + omitted == 50
    assert len(_marked_runs(pieces)) <= MAX_WINDOW_REGIONS + 2  # context may hold a neighbour whole
    d = make("many", text, verdict=Verdict.REVIEW, severity=Severity.MEDIUM, evidence=spans)
    html = render([d])
    assert f"{omitted} highlighted passages not shown" in html
    assert html.count("<li><strong>hate</strong>") == 50  # the evidence list stays complete


def test_a_single_highlight_longer_than_the_window_is_shown_whole() -> None:
    text = "a " * 3000
    pieces, omitted = window(text, highlight_segments(text, [at("hate", 100, 2600)]))
    assert omitted == 0 and [len(r) for r in _marked_runs(pieces)] == [2500]


def test_long_text_without_evidence_shows_its_beginning() -> None:
    text = "word " * 1000
    pieces, omitted = window(text, highlight_segments(text, []))
    assert omitted == 0 and isinstance(pieces[0], Segment) and pieces[0].start == 0
    assert isinstance(pieces[-1], Elision) and len(pieces) == 2


# --- the page ----------------------------------------------------------------------------------


def _scan() -> list[Decision]:
    t1 = "Demain à 14h on va tuer le juge Martin devant le tribunal"
    t2 = "ces gens sont de la vermine"
    t3 = "Reporting: the man said he would 'burn it all'"
    return [
        make("near-1", "you are kind of annoying", scores={"harassment": 0.42}),
        make(
            "p-critical",
            t1,
            verdict=Verdict.REMOVE,
            severity=Severity.CRITICAL,
            language="fr",
            violations=(Category.VIOLENT_THREAT, Category.INCITEMENT),
            scores={"violent_threat": 0.97, "incitement": 0.8, "imminence": 0.9},
            evidence=[
                ev(t1, "violent_threat", "on va tuer le juge Martin", "intent + named judge"),
                ev(t1, "imminence", "Demain à 14h", "date and time"),
            ],
            targets=[
                Target("judge", "Martin", Span(t1.index("juge"), t1.index("juge") + len("juge Martin")))
            ],
        ),
        make(
            "p-hate",
            t2,
            verdict=Verdict.REVIEW,
            severity=Severity.MEDIUM,
            language="fr",
            violations=(Category.HATE,),
            evidence=[ev(t2, "hate", "vermine", "dehumanising noun")],
        ),
        make(
            "p-report",
            t3,
            verdict=Verdict.REVIEW,
            severity=Severity.LOW,
            truncated=True,
            violations=(Category.VIOLENT_THREAT,),
            evidence=[
                ev(t3, "reporting", "Reporting:", "news framing"),
                ev(t3, "violent_threat", "burn it all"),
            ],
        ),
        make("quiet", "lovely weather", scores={"hate": 0.05}),
    ]


def test_cards_follow_top_flagged_order_and_near_misses_are_listed() -> None:
    decisions = _scan()
    p = parse(render(decisions))
    assert (
        p.card_ids == [d.post.id for d in top_flagged(decisions, 100)] == ["p-critical", "p-hate", "p-report"]
    )
    assert p.near_ids == ["near-1"]


def test_card_content() -> None:
    html = render(_scan())
    p = parse(html)
    marks = {text: (cls, title) for text, cls, title in p.marks}
    assert marks["Demain à 14h"][0].split() == ["hl", "hl-imminence"]
    assert marks["on va tuer le "][0].split() == ["hl", "hl-category"]
    cls, title = marks["juge Martin"]  # threat and target overlap: both labels, the narrower (target) colours
    assert cls.split() == ["hl", "hl-target", "hl-multi"]
    assert (
        "violent_threat: intent + named judge [test@1]" in title
        and "target: judge: Martin [targets]" in title
    )
    assert marks["Reporting:"][0].split() == ["hl", "hl-context"]
    assert marks["vermine"][0].split() == ["hl", "hl-category"]
    assert 'class="badge sev-critical">critical<' in html and 'class="badge verdict-remove">remove<' in html
    assert "<strong>truncated</strong>" in html
    assert html.count("<strong>truncated</strong>") == 1
    assert '<span class="tag">judge: Martin</span>' in html
    for label in SCORE_LABELS:
        assert html.count(f'<div class="score"><span>{label}</span>') == 3  # one bar per label per card
    assert "width:97.0%" in html  # violent_threat 0.97 of p-critical
    assert "default@3 (0123456789ab)" in html and "2025-01-20 09:30:00 UTC" in html


def test_summary_cards_and_charts() -> None:
    decisions = _scan()
    summary = ScanSummary.from_decisions(decisions, errors=2, new_posts=3, revised_posts=1, unchanged_posts=1)
    html = render_html(summary, decisions, generated_at=WHEN, title="weekly scan")
    stats = dict((k, n) for n, k in re.findall(r'<div class="n">(\d+)</div><div class="k">(\w+)', html))
    assert stats == {
        "posts": "5",
        "flagged": "3",
        "errors": "2",
        "new": "3",
        "revised": "1",
        "unchanged": "1",
    }
    assert html.count("<svg") == 3 and "<title>weekly scan</title>" in html
    # language chart, by count: en (1 of 3 flagged), then fr (2 of 2)
    assert re.search(r">en</text>.*>1 / 3</text>.*>fr</text>.*>2 / 2</text>", html)


def test_hostile_text_is_escaped_everywhere() -> None:
    payload = "<script>alert(1)</script>"
    text = f'{payload} "quoted" & <b>bold</b> kill'
    d = make(
        f'"><img src=x onerror=alert(2)>{payload}',
        text,
        verdict=Verdict.REVIEW,
        severity=Severity.HIGH,
        language="<i>xx</i>",
        violations=(Category.VIOLENT_THREAT,),
        evidence=[Evidence("violent_threat", Span(0, len(payload)), payload, f'"{payload}', "x@1")],
        targets=[Target("person", payload, Span(len(text) - 4, len(text)))],
    )
    near = make("<svg onload=alert(3)>", payload, scores={"hate": 0.5})
    html = render_html(ScanSummary.from_decisions([d, near]), [d, near], title=payload, generated_at=WHEN)
    assert "alert(1)</script>" not in html
    assert (
        "<img" not in html and "<svg onload" not in html and "<i>xx</i>" not in html and "<b>bold" not in html
    )
    assert html.count("<script") == 1  # only the report's own filter script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;quoted&#34; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    marks = parse(html).marks
    assert marks[0][0] == payload  # the highlight itself is the (decoded) payload text
    assert marks[0][2].startswith(f'violent_threat: "{payload} [x@1]')  # title attribute survived quoting


def test_report_is_self_contained() -> None:
    html = render(_scan())
    assert not re.search(r"https?://", html)
    assert not re.search(r"""\b(?:src|href|action|srcset|poster|data)\s*=""", html)
    assert not re.search(r"@import|url\(|<link\b|<iframe\b|<object\b|<embed\b|<img\b", html)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None and "default-src 'none';" in unescape(csp.group(1))


def test_the_inline_script_is_the_one_the_csp_allows() -> None:
    html = render(_scan())
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    csp = re.search(r"script-src 'sha256-([^']+)'", unescape(html))
    assert script is not None and csp is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert csp.group(1) == digest


def test_near_misses_are_capped_and_sorted() -> None:
    decisions = [make(f"n{i:03d}", scores={"hate": 0.3 + i / 1000}) for i in range(120)]
    decisions.append(make("below", scores={"hate": 0.29, "reporting": 0.9}))
    p = parse(render(decisions))
    assert p.near_ids == [f"n{i:03d}" for i in range(119, 19, -1)]
    html = render(decisions)
    assert "Near misses (120)" in html and "… and 20 more." in html and "No post was flagged." in html


def test_a_near_miss_row_shows_the_text_around_its_evidence() -> None:
    text = "filler " * 100 + "you are a clown" + " filler" * 100
    d = make(
        "nm", text, scores={"harassment": 0.4, "hate": 0.1}, evidence=[ev(text, "harassment", "a clown")]
    )
    row = re.search(r'<td class="txt">([^<]*)</td>', render([d]))
    assert row is not None and "you are a clown" in row.group(1) and row.group(1).startswith("…")
    assert "<td>harassment 0.40</td>" in render([d])


def test_empty_scan_renders() -> None:
    html = render([])
    assert "No post was flagged." in html and "None." in html and html.rstrip().endswith("</html>")


def test_write_html_creates_parents(tmp_path: Path) -> None:
    decisions = _scan()
    summary = ScanSummary.from_decisions(decisions)
    out = write_html(tmp_path / "reports" / "deep" / "scan.html", summary, decisions, generated_at=WHEN)
    assert out == tmp_path / "reports" / "deep" / "scan.html"
    assert out.read_text(encoding="utf-8") == render_html(summary, decisions, generated_at=WHEN)


def test_equal_spans_fall_back_to_importance() -> None:
    text = "kill them"
    segs = highlight_segments(text, [at("target", 0, 9), at("violent_threat", 0, 9)])
    assert len(segs) == 1 and segs[0].kind == "category" and segs[0].multi
