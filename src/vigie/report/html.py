"""The HTML scan report: one self-contained file a reviewer can open offline, print, or attach.

Contract:

* **Self-contained.** Inline CSS, charts as inline SVG drawn here, one tiny inline script
  (filtering only; the page is complete without it). Nothing is fetched: the page
  carries a Content-Security-Policy (``default-src 'none'``, the script allowed by its
  hash) so that even a bug in escaping could not load or run anything.
* **Hostile text.** Post texts, ids, rationales and labels are user- or detector-supplied;
  every one goes through Jinja2's autoescape (or :func:`markupsafe.escape` in the SVG
  built here). Nothing from a decision is ever marked safe.
* **Evidence is shown where the user wrote it.** Spans are code-point offsets into the
  original text. Overlapping spans are cut into non-overlapping :class:`Segment` s, each
  keeping every evidence that covers it, so a word that is both a ``target`` and part of
  a ``violent_threat`` shows both in its tooltip.
* **Long texts** are cut to about ``TEXT_WINDOW_CHARS`` around the evidence with ``…``
  elisions (:func:`window`); a highlight is never cut, only left out whole (the card
  says how many were left out).
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import itertools
import pathlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

import vigie
from vigie.categories import CATEGORIES, CONTEXT_LABELS, IMMINENCE, TARGET, Category, Severity, Verdict
from vigie.report.summary import ScanSummary, excerpt, max_category_score, top_flagged
from vigie.types import Decision, Evidence, Span

__all__ = [
    "MAX_CARDS",
    "MAX_NEAR_MISSES",
    "MAX_WINDOW_REGIONS",
    "NEAR_MISS_THRESHOLD",
    "SCORE_LABELS",
    "TEXT_WINDOW_CHARS",
    "Elision",
    "Segment",
    "highlight_kind",
    "highlight_segments",
    "render_html",
    "window",
    "write_html",
]

TEXT_WINDOW_CHARS = 2000
"""About how many characters of a post a card shows (more only if one highlight is longer)."""
NEAR_MISS_THRESHOLD = 0.3
"""An allowed post with a category score at or above this is listed as a near miss."""
MAX_NEAR_MISSES = 100
MAX_WINDOW_REGIONS = 12
"""At most this many highlighted passages of a long text are shown, each with context."""
MAX_CARDS = 1000
"""Flagged posts beyond this many (the least severe) are counted, not drawn: the file must stay openable."""
MAX_EVIDENCE_ITEMS = 50
SCORE_LABELS: tuple[str, ...] = (*CATEGORIES, *CONTEXT_LABELS, IMMINENCE)
"""The per-post score bars: the four categories, then reporting, counter_speech, imminence."""

HighlightKind = Literal["category", "target", "imminence", "context"]
_KIND_PRIORITY: tuple[HighlightKind, ...] = ("category", "imminence", "target", "context")
_SNAP_CHARS = 20  # how far a window edge may move to land on whitespace


def highlight_kind(label: str) -> HighlightKind:
    """The colour family of an evidence label: a category, a target, imminence, or context."""
    if label == TARGET:
        return "target"
    if label == IMMINENCE:
        return "imminence"
    if label in CONTEXT_LABELS:
        return "context"
    return "category"  # the four categories, and any label added later: shown as a finding


@dataclass(frozen=True, slots=True)
class Segment:
    """A run ``[start, end)`` of the text covered by exactly the same evidence (none = plain text)."""

    start: int
    end: int
    text: str
    evidence: tuple[Evidence, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """The distinct labels covering this segment, in first-seen order."""
        return tuple(dict.fromkeys(e.label for e in self.evidence))

    @property
    def kind(self) -> HighlightKind | Literal["text"]:
        """``"text"`` when unmarked, else the colour family of the most specific evidence covering it:
        the narrowest span (a target's name inside a sentence a model scored), ties broken by
        importance (category, imminence, target, context)."""
        if not self.evidence:
            return "text"
        narrowest = min(
            self.evidence,
            key=lambda e: (e.span.end - e.span.start, _KIND_PRIORITY.index(highlight_kind(e.label))),
        )
        return highlight_kind(narrowest.label)

    @property
    def multi(self) -> bool:
        """More than one label covers this segment (drawn with an outline)."""
        return len(self.labels) > 1

    @property
    def title(self) -> str:
        """Tooltip text: one line per evidence, ``label: rationale [source]``."""
        return "\n".join(f"{e.label}: {e.rationale or e.snippet} [{e.source}]" for e in self.evidence)


@dataclass(frozen=True, slots=True)
class Elision:
    """``skipped`` characters of the text left out of a card."""

    skipped: int
    kind: Literal["elision"] = "elision"


def _clamp(span: Span, length: int) -> tuple[int, int] | None:
    start, end = min(span.start, length), min(span.end, length)
    return (start, end) if start < end else None


def highlight_segments(text: str, evidence: Iterable[Evidence]) -> list[Segment]:
    """Cut ``text`` into consecutive, non-overlapping segments covering all of it.

    Each segment carries every evidence whose span covers it (in the given order);
    unmarked runs carry none. Spans past the end of the text are clamped and empty
    spans ignored, so a detector's off-by-one cannot break the report.
    """
    spans: list[tuple[int, int, Evidence]] = []
    for ev in evidence:
        clamped = _clamp(ev.span, len(text))
        if clamped is not None:
            spans.append((*clamped, ev))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for i, (s, e, _) in enumerate(spans):
        opening.setdefault(s, []).append(i)
        closing.setdefault(e, []).append(i)
    active: set[int] = set()  # indexes into ``spans`` covering the current segment: a sweep, not a rescan
    segments: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        active.difference_update(closing.get(start, ()))
        active.update(opening.get(start, ()))
        covering = tuple(spans[i][2] for i in sorted(active))
        if segments and not covering and not segments[-1].evidence:
            prev = segments.pop()
            start = prev.start
        segments.append(Segment(start, end, text[start:end], covering))
    return segments


def _regions(segments: Sequence[Segment]) -> list[tuple[int, int]]:
    """Maximal runs of adjacent marked segments: the units a window must show whole or not at all."""
    regions: list[tuple[int, int]] = []
    for seg in segments:
        if not seg.evidence:
            continue
        if regions and regions[-1][1] == seg.start:
            regions[-1] = (regions[-1][0], seg.end)
        else:
            regions.append((seg.start, seg.end))
    return regions


def _snap_left(text: str, edge: int, limit: int) -> int:
    """Move a window's left edge right onto a word start (at most ``_SNAP_CHARS``, never past ``limit``)."""
    if edge == 0:
        return 0
    for i in range(edge, min(edge + _SNAP_CHARS, limit)):
        if text[i - 1].isspace() and not text[i].isspace():
            return i
    return edge


def _snap_right(text: str, edge: int, limit: int) -> int:
    """Move a window's right edge left onto a word end (at most ``_SNAP_CHARS``, never before ``limit``)."""
    if edge >= len(text):
        return len(text)
    for i in range(edge, max(edge - _SNAP_CHARS, limit), -1):
        if text[i].isspace() and not text[i - 1].isspace():
            return i
    return edge


def _inside(regions: Sequence[tuple[int, int]], starts: Sequence[int], x: int) -> tuple[int, int] | None:
    """The region strictly containing position ``x`` (``start < x < end``), if any."""
    k = bisect.bisect_left(starts, x) - 1
    if k >= 0 and regions[k][0] < x < regions[k][1]:
        return regions[k]
    return None


def _windows(
    text: str, chosen: Sequence[tuple[int, int]], regions: Sequence[tuple[int, int]], context: int
) -> list[tuple[int, int]]:
    """Sorted disjoint windows: each chosen region with ``context`` each side, snapped, cutting no region."""
    starts = [r[0] for r in regions]
    windows: list[tuple[int, int]] = []
    for s, e in chosen:
        ws = _snap_left(text, max(0, s - context), s)
        we = _snap_right(text, min(len(text), e + context), e)
        if (cut := _inside(regions, starts, ws)) is not None:
            ws = cut[1]
        if (cut := _inside(regions, starts, we)) is not None:
            we = cut[0]
        windows.append((ws, we))
    merged: list[tuple[int, int]] = []
    for ws, we in sorted(windows):
        if merged and ws <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(we, merged[-1][1]))
        else:
            merged.append((ws, we))
    return merged


def window(
    text: str, segments: Sequence[Segment], limit: int = TEXT_WINDOW_CHARS
) -> tuple[list[Segment | Elision], int]:
    """Choose what a card shows of a long text: pieces in text order, and how many highlights were left out.

    Texts up to ``limit`` are shown whole. Otherwise highlighted regions (runs of
    adjacent marked segments) are taken in text order while they fit in ``limit`` (the
    first one always, whatever its length; at most ``MAX_WINDOW_REGIONS``, so each keeps
    some context to be read in); the rest of the budget becomes context on
    both sides of each (re-spread when windows merge), window edges are snapped to word
    boundaries and moved out of any highlight they would cut, and the gaps become
    :class:`Elision` s. ``segments`` must come from :func:`highlight_segments` on ``text``.
    """
    if len(text) <= limit:
        return list(segments), 0
    regions = _regions(segments)
    chosen: list[tuple[int, int]] = []
    used = 0
    for start, end in regions:
        if len(chosen) == MAX_WINDOW_REGIONS:
            break
        if not chosen or used + (end - start) <= limit:
            chosen.append((start, end))
            used += end - start
    if chosen:
        context = max(0, limit - used) // (2 * len(chosen))
        windows = _windows(text, chosen, regions, context)
        for _ in range(4):  # merged windows leave budget unused: widen the context while it pays
            spare = limit - sum(we - ws for ws, we in windows)
            step = spare // (2 * len(windows))
            if step < _SNAP_CHARS:
                break
            context += step
            windows = _windows(text, chosen, regions, context)
    else:
        windows = [(0, _snap_right(text, limit, 0))]

    pieces: list[Segment | Elision] = []
    shown = 0
    k = 0
    for ws, we in windows:
        if ws > shown:
            pieces.append(Elision(ws - shown))
        while k < len(segments) and segments[k].end <= ws:
            k += 1
        while k < len(segments) and segments[k].start < we:
            seg = segments[k]
            start, end = max(seg.start, ws), min(seg.end, we)
            pieces.append(Segment(start, end, text[start:end], seg.evidence))
            if seg.end > we:
                break  # this plain segment continues into the next window
            k += 1
        shown = we
    if shown < len(text):
        pieces.append(Elision(len(text) - shown))
    starts = [w[0] for w in windows]
    omitted = 0
    for rs, re in regions:
        w = bisect.bisect_right(starts, rs) - 1
        if w < 0 or re > windows[w][1]:
            omitted += 1
    return pieces, omitted


# --- view models: plain data for the template; the template escapes every string in them ---------------


@dataclass(frozen=True, slots=True)
class _ScoreBar:
    label: str
    score: float
    kind: HighlightKind

    @property
    def percent(self) -> str:
        return f"{100 * self.score:.1f}"


@dataclass(frozen=True, slots=True)
class _Card:
    id: str
    verdict: str
    severity: str
    severity_rank: int
    violations: tuple[str, ...]
    language: str
    truncated: bool
    scores: tuple[_ScoreBar, ...]
    targets: tuple[tuple[str, str], ...]
    pieces: tuple[Segment | Elision, ...]
    omitted_highlights: int
    evidence: tuple[Evidence, ...]
    more_evidence: int
    search: str


@dataclass(frozen=True, slots=True)
class _NearMiss:
    id: str
    language: str
    top_label: str
    top_score: float
    scores: tuple[float, ...]
    text: str


def _all_evidence(decision: Decision) -> list[Evidence]:
    """The decision's evidence plus its targets as ``target`` evidence (unless there already), by position."""
    evidence = list(decision.evidence)
    have = {(e.label, e.span) for e in evidence}
    for t in decision.targets:
        if (TARGET, t.span) not in have:
            why = f"{t.kind}: {t.name}" + (f" (watchlist {t.watchlist_id})" if t.watchlist_id else "")
            evidence.append(Evidence(TARGET, t.span, t.span.of(decision.post.text), why, "targets"))
    return sorted(evidence, key=lambda e: (e.span.start, e.span.end))


def _card(decision: Decision) -> _Card:
    text = decision.post.text
    evidence = _all_evidence(decision)
    pieces, omitted = window(text, highlight_segments(text, evidence))
    violations = tuple(c.value for c in decision.violations)
    targets = tuple((t.kind, t.name) for t in decision.targets)
    names = (name for _, name in targets)
    facts = (decision.post.id, decision.verdict.value, decision.severity.value, decision.language)
    search = " ".join((*facts, *violations, *names)).lower()
    return _Card(
        id=decision.post.id,
        verdict=decision.verdict.value,
        severity=decision.severity.value,
        severity_rank=decision.severity.rank,
        violations=violations,
        language=decision.language,
        truncated=decision.truncated,
        scores=tuple(
            _ScoreBar(label, decision.score(label), highlight_kind(label)) for label in SCORE_LABELS
        ),
        targets=targets,
        pieces=tuple(pieces),
        omitted_highlights=omitted,
        evidence=tuple(evidence[:MAX_EVIDENCE_ITEMS]),
        more_evidence=max(0, len(evidence) - MAX_EVIDENCE_ITEMS),
        search=search,
    )


def _near_misses(decisions: Sequence[Decision]) -> list[_NearMiss]:
    allowed = [d for d in decisions if not d.flagged and max_category_score(d) >= NEAR_MISS_THRESHOLD]
    allowed.sort(key=max_category_score, reverse=True)  # stable: ties keep input order
    rows = []
    for d in allowed:
        top = max(CATEGORIES, key=d.score)
        top_evidence = d.scores[top].evidence if top in d.scores else ()
        around = min((e.span.start for e in top_evidence), default=None)
        rows.append(
            _NearMiss(
                id=d.post.id,
                language=d.language,
                top_label=top.value,
                top_score=d.score(top),
                scores=tuple(d.score(c) for c in CATEGORIES),
                text=excerpt(d.post.text, around=around),
            )
        )
    return rows


# --- charts: inline SVG, every string escaped here ------------------------------------------------------

_CHART_WIDTH = 420
_LABEL_WIDTH = 120
_BAR_WIDTH = 220
_ROW = 24
_MAX_LANGUAGES = 12
_CHART_LABEL_CHARS = 18


@dataclass(frozen=True, slots=True)
class _Bar:
    label: str
    value: int
    css: str
    total: int | None = None  # when set, ``value`` is drawn over a lighter bar for ``total``


def _bar_chart(title: str, bars: Sequence[_Bar]) -> Markup:
    """A horizontal bar chart as an ``<svg>`` element; bars scale to the largest value (or total)."""
    top = max([1, *(b.total if b.total is not None else b.value for b in bars)])
    height = max(1, len(bars)) * _ROW + 4
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {_CHART_WIDTH} {height}" width="{_CHART_WIDTH}" '
        f'height="{height}" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, bar in enumerate(bars):
        y = i * _ROW + 2
        parts.append(
            f'<text class="chart-label" x="{_LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">'
            f"{escape(excerpt(bar.label, _CHART_LABEL_CHARS))}</text>"
        )
        if bar.total is not None:
            width = _BAR_WIDTH * bar.total / top
            parts.append(
                f'<rect class="bar-total" x="{_LABEL_WIDTH}" y="{y + 3}" width="{width:.1f}" '
                'height="16" rx="2"/>'
            )
        width = _BAR_WIDTH * bar.value / top
        parts.append(
            f'<rect class="{escape(bar.css)}" x="{_LABEL_WIDTH}" y="{y + 3}" width="{width:.1f}" '
            f'height="16" rx="2"/>'
        )
        value = f"{bar.value} / {bar.total}" if bar.total is not None else str(bar.value)
        end = _BAR_WIDTH * (bar.total if bar.total is not None else bar.value) / top
        parts.append(
            f'<text class="chart-value" x="{_LABEL_WIDTH + end + 6:.1f}" y="{y + 15}">{value}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _charts(summary: ScanSummary) -> list[tuple[str, Markup]]:
    categories = [_Bar(c, n, "bar-category") for c, n in summary.by_category.items()]
    severities = [_Bar(s, n, f"bar-sev-{s}") for s, n in summary.by_severity.items()]
    languages = list(summary.by_language.items())
    lang_bars = [
        _Bar(lang, summary.by_language_flagged.get(lang, 0), "bar-flagged", total)
        for lang, total in languages[:_MAX_LANGUAGES]
    ]
    rest = languages[_MAX_LANGUAGES:]
    if rest:
        flagged = sum(summary.by_language_flagged.get(lang, 0) for lang, _ in rest)
        lang_bars.append(_Bar(f"{len(rest)} others", flagged, "bar-flagged", sum(n for _, n in rest)))
    return [
        ("Flagged posts by category", _bar_chart("Flagged posts by category", categories)),
        ("Posts by severity", _bar_chart("Posts by severity", severities)),
        ("By language (flagged / total)", _bar_chart("Posts by language, flagged over total", lang_bars)),
    ]


# --- page ------------------------------------------------------------------------------------------------

_FILTER_SCRIPT = (
    "(function(){var f=document.getElementById('filter');if(!f)return;f.hidden=false;"
    "var q=f.querySelector('input'),s=f.querySelector('select'),o=document.getElementById('shown');"
    "function run(){var t=q.value.trim().toLowerCase(),m=+s.value,n=0;"
    "document.querySelectorAll('article.card').forEach(function(c){"
    "var ok=+c.dataset.rank>=m&&(!t||c.dataset.search.indexOf(t)>=0);c.hidden=!ok;if(ok)n++;});"
    "o.textContent=n;}"
    "q.addEventListener('input',run);s.addEventListener('change',run);})();"
)


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(_FILTER_SCRIPT.encode()).digest()).decode()
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("vigie.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(
    summary: ScanSummary,
    decisions: Sequence[Decision],
    *,
    title: str = "vigie scan report",
    generated_at: datetime | None = None,
) -> str:
    """The whole report as one HTML document (a ``str``; see the module docstring for the contract).

    Flagged posts are drawn as cards in :func:`~vigie.report.summary.top_flagged` order
    (at most ``MAX_CARDS``); allowed posts with a category score of at least
    ``NEAR_MISS_THRESHOLD`` are listed as near misses (at most ``MAX_NEAR_MISSES``).
    ``generated_at`` defaults to now (UTC).
    """
    flagged = top_flagged(decisions, len(decisions))
    near = _near_misses(decisions)
    when = (generated_at or datetime.now(UTC)).astimezone(UTC)
    context: dict[str, Any] = {
        "title": title,
        "summary": summary,
        "generated_at": when.strftime("%Y-%m-%d %H:%M:%S UTC"),
        "generated_iso": when.isoformat(timespec="seconds"),
        "version": vigie.__version__,
        "csp": _csp(),
        "script": Markup(_FILTER_SCRIPT),  # a constant of this module, hashed into the CSP
        "charts": _charts(summary),
        "cards": [_card(d) for d in flagged[:MAX_CARDS]],
        "cards_omitted": max(0, len(flagged) - MAX_CARDS),
        "flagged_count": len(flagged),
        "near_misses": near[:MAX_NEAR_MISSES],
        "near_omitted": max(0, len(near) - MAX_NEAR_MISSES),
        "near_threshold": NEAR_MISS_THRESHOLD,
        "categories": [c.value for c in CATEGORIES],
        "severities": [(s.value, s.rank) for s in Severity if s is not Severity.NONE],
        "verdicts": [v.value for v in Verdict],
        "highlight_kinds": [
            ("category", "violation: " + ", ".join(c.value for c in Category)),
            ("target", "who is aimed at (watchlist, group, role, second person)"),
            ("imminence", "time, place, means"),
            ("context", "context: " + ", ".join(c.value for c in CONTEXT_LABELS)),
        ],
    }
    return _environment().get_template("scan.html.j2").render(context)


def write_html(
    path: pathlib.Path, summary: ScanSummary, decisions: Sequence[Decision], **kw: Any
) -> pathlib.Path:
    """Render the report and write it to ``path`` (UTF-8), creating parent directories; returns ``path``.

    ``kw`` is passed to :func:`render_html` (``title``, ``generated_at``).
    """
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(summary, decisions, **kw), encoding="utf-8")
    return path
