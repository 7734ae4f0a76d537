"""The scan summary: counts over a batch of decisions, the worst posts first, and a terminal view.

:class:`ScanSummary` is plain data (the CLI prints it, the HTML report draws it, tests
compare it), so it is computed once by :meth:`ScanSummary.from_decisions` and never
recomputed by a view. Every enum-keyed count is zero-filled and in enum order, so two
summaries always have the same keys and a consumer never has to guess whether a missing
key means zero.

Post texts are hostile input. The terminal view builds :class:`rich.text.Text` objects
(never markup strings, so ``[bold]`` in a post stays literal) and replaces control and
bidi characters (an ``ESC`` could drive the terminal, a ``U+202E`` could reverse what a
reviewer reads) with visible ``\\uXXXX`` escapes.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from vigie.categories import CATEGORIES, Severity, Verdict
from vigie.types import Decision, Evidence, PolicyRef

__all__ = [
    "SEVERITY_STYLES",
    "VERDICT_STYLES",
    "ScanSummary",
    "excerpt",
    "max_category_score",
    "policy_label",
    "print_summary",
    "printable",
    "top_flagged",
]

SEVERITY_STYLES: dict[Severity, str] = {
    Severity.NONE: "dim",
    Severity.LOW: "cyan",
    Severity.MEDIUM: "yellow",
    Severity.HIGH: "bold dark_orange",
    Severity.CRITICAL: "bold white on red",
}
VERDICT_STYLES: dict[Verdict, str] = {
    Verdict.ALLOW: "green",
    Verdict.REVIEW: "yellow",
    Verdict.RESTRICT: "dark_orange",
    Verdict.REMOVE: "bold red",
}

_EXCERPT_CHARS = 160
_SNIPPET_CHARS = 60
_EVIDENCE_LINES = 5
# Characters that must not reach a terminal raw: bidi embeddings/overrides/isolates and marks.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def policy_label(policy: PolicyRef) -> str:
    """``"name@version (hash[:12])"``: how reports name the policy that decided."""
    return f"{policy.name}@{policy.version} ({policy.hash[:12]})"


def max_category_score(decision: Decision) -> float:
    """The highest score among the four violation categories (context labels excluded)."""
    return max((decision.score(c) for c in CATEGORIES), default=0.0)


@dataclass(frozen=True)
class ScanSummary:
    """Counts over one scan.

    ``total`` counts scored decisions; ``errors`` counts records that could not be scored
    (they are not in ``total``). ``by_category`` counts decisions whose ``violations``
    include each category, so a post with two violations counts once in each.
    ``by_language`` is sorted by count, descending (ties by name), and
    ``by_language_flagged`` has the same keys in the same order, zero-filled.
    ``new_posts``/``revised_posts``/``unchanged_posts`` come from the store, which only
    the caller knows about. ``policy`` names the policy (or policies, comma-separated, in
    order of first use; ``"n/a"`` for an empty scan).
    """

    total: int
    flagged: int
    errors: int
    by_verdict: dict[str, int]
    by_severity: dict[str, int]
    by_category: dict[str, int]
    by_language: dict[str, int]
    by_language_flagged: dict[str, int]
    new_posts: int = 0
    revised_posts: int = 0
    unchanged_posts: int = 0
    policy: str = field(default="n/a")

    @classmethod
    def from_decisions(
        cls,
        decisions: Sequence[Decision],
        *,
        errors: int = 0,
        new_posts: int = 0,
        revised_posts: int = 0,
        unchanged_posts: int = 0,
    ) -> ScanSummary:
        """Count ``decisions``; the keyword arguments are passed through unchanged."""
        verdicts = Counter(d.verdict.value for d in decisions)
        severities = Counter(d.severity.value for d in decisions)
        categories = Counter(c.value for d in decisions for c in set(d.violations))
        languages = Counter(d.language for d in decisions)
        languages_flagged = Counter(d.language for d in decisions if d.flagged)
        by_language = dict(sorted(languages.items(), key=lambda kv: (-kv[1], kv[0])))
        policies = dict.fromkeys(policy_label(d.policy) for d in decisions)
        return cls(
            total=len(decisions),
            flagged=sum(1 for d in decisions if d.flagged),
            errors=errors,
            by_verdict={v.value: verdicts[v.value] for v in Verdict},
            by_severity={s.value: severities[s.value] for s in Severity},
            by_category={c.value: categories[c.value] for c in CATEGORIES},
            by_language=by_language,
            by_language_flagged={lang: languages_flagged[lang] for lang in by_language},
            new_posts=new_posts,
            revised_posts=revised_posts,
            unchanged_posts=unchanged_posts,
            policy=", ".join(policies) or "n/a",
        )


def _priority(decision: Decision) -> tuple[int, int, float]:
    return (decision.severity.rank, decision.verdict.rank, max_category_score(decision))


def top_flagged(decisions: Sequence[Decision], n: int = 10) -> list[Decision]:
    """The ``n`` worst flagged decisions: by severity, then verdict, then top category score.

    Descending on all three; ties keep input order (the sort is stable), so a report of
    the same scan is the same report. Allowed decisions are never included.
    """
    flagged = [d for d in decisions if d.flagged]
    return sorted(flagged, key=_priority, reverse=True)[: max(n, 0)]


def printable(text: str) -> str:
    """``text`` with control, bidi and line-break characters made harmless for a one-line view.

    Newlines and tabs become spaces; other C0/C1 controls and bidi controls become a
    visible ``\\uXXXX``.
    """
    out: list[str] = []
    for ch in text:
        if ch in "\n\t\r\u2028\u2029\x0b\x0c\x85":
            out.append(" ")
        elif ch in _BIDI_CONTROLS or unicodedata.category(ch) == "Cc":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def excerpt(text: str, limit: int = _EXCERPT_CHARS, *, around: int | None = None) -> str:
    """At most ``limit`` code points of ``text`` (plus ``…`` marks), showing ``around`` when given.

    Cut ends are marked with ``…``. Used for one-line views; it may cut anywhere,
    unlike the HTML report's windows, which never cut a highlight.
    """
    if len(text) <= limit:
        return text
    start = 0 if around is None else min(max(0, around - limit // 3), len(text) - limit)
    end = start + limit
    return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")


def _count_table(
    title: str, counts: dict[str, int], total: int, styles: dict[str, str] | None = None
) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    table.add_column(title.split(" by ")[-1])
    table.add_column("posts", justify="right")
    table.add_column("%", justify="right")
    for key, count in counts.items():
        share = f"{100 * count / total:.1f}" if total else "-"
        table.add_row(Text(printable(key), style=(styles or {}).get(key, "")), str(count), share)
    return table


def _evidence_line(ev: Evidence, text: str) -> Text:
    snippet = ev.snippet or ev.span.of(text)
    line = Text("▸ ")
    line.append(ev.label, style="bold")
    line.append(" «")
    line.append(printable(excerpt(snippet, _SNIPPET_CHARS)), style="reverse")
    line.append("»")
    if ev.rationale:
        line.append(" — " + printable(ev.rationale), style="italic")
    return line


def _post_cell(decision: Decision) -> Text:
    text = decision.post.text
    evidence = sorted(decision.evidence, key=lambda e: (e.span.start, e.span.end))
    around = evidence[0].span.start if evidence else None
    cell = Text(printable(excerpt(text, around=around)), style="dim")
    for ev in evidence[:_EVIDENCE_LINES]:
        cell.append("\n")
        cell.append_text(_evidence_line(ev, text))
    if len(evidence) > _EVIDENCE_LINES:
        cell.append(f"\n  … {len(evidence) - _EVIDENCE_LINES} more evidence", style="dim")
    return cell


def print_summary(
    summary: ScanSummary, decisions: Sequence[Decision], console: Console, *, top: int = 10
) -> None:
    """Print the totals, the count tables and the ``top`` worst flagged posts to ``console``.

    Nothing here reads markup from data: every cell is a :class:`~rich.text.Text`.
    """
    share = f" ({100 * summary.flagged / summary.total:.1f}%)" if summary.total else ""
    totals = Text()
    totals.append(f"{summary.total}", style="bold")
    totals.append(" posts scored, ")
    totals.append(f"{summary.flagged}", style="bold red" if summary.flagged else "bold")
    totals.append(f" flagged{share}, ")
    totals.append(f"{summary.errors}", style="bold red" if summary.errors else "bold")
    totals.append(" errors · ")
    totals.append(
        f"{summary.new_posts} new, {summary.revised_posts} revised, {summary.unchanged_posts} unchanged"
    )
    totals.append(" · policy ")
    totals.append(printable(summary.policy), style="bold")
    console.print(totals)

    sev_styles = {s.value: style for s, style in SEVERITY_STYLES.items()}
    lang_table = Table(title="by language", box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    lang_table.add_column("language")
    lang_table.add_column("flagged / total", justify="right")
    for lang, count in summary.by_language.items():
        lang_table.add_row(Text(printable(lang)), f"{summary.by_language_flagged.get(lang, 0)} / {count}")
    grid = Table.grid(padding=(0, 4))
    grid.add_row(
        _count_table("flagged by category", summary.by_category, summary.total),
        _count_table("posts by severity", summary.by_severity, summary.total, sev_styles),
        lang_table,
    )
    console.print(grid)

    worst = top_flagged(decisions, top)
    if not worst:
        console.print(Text("No flagged posts.", style="green"))
        return
    table = Table(
        title=f"top {len(worst)} flagged posts", box=box.SIMPLE_HEAD, title_justify="left", show_lines=True
    )
    table.add_column("id", overflow="fold", max_width=24)
    table.add_column("verdict")
    table.add_column("severity")
    table.add_column("violations")
    table.add_column("lang")
    table.add_column("text and evidence", ratio=1, overflow="fold")
    for d in worst:
        post_id = Text(printable(d.post.id))
        if d.truncated:
            post_id.append("\n(truncated)", style="dim")
        table.add_row(
            post_id,
            Text(d.verdict.value, style=VERDICT_STYLES[d.verdict]),
            Text(d.severity.value, style=SEVERITY_STYLES[d.severity]),
            Text("\n".join(c.value for c in d.violations) or "-"),
            Text(printable(d.language)),
            _post_cell(d),
        )
    console.print(table)
