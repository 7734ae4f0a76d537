"""``vigie eval``: run a labelled suite through the real pipeline and measure it.

Predictions come from exactly what ``vigie analyze`` emits (:func:`vigie.contract.decision_record`):
a case is predicted violating when its ``violations`` contain ``hate``, ``violent_threat`` or
``incitement`` (harassment alone is not hate in these suites; DESIGN §6).

Suites are HateCheck-style CSV files or JSONL files. A case needs a text and a gold label:

- text: ``test_case`` or ``text``;
- gold: ``label_gold`` (``hateful``/``non-hateful`` or 1/0), ``label``, or ``expected`` (a vigie category or
  ``none``; any category except ``harassment`` counts as violating);
- optional grouping: ``functionality`` (else ``kind``), ``lang``/``language`` (else the detected language),
  ``expected`` as the gold category.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from vigie.categories import Category
from vigie.contract import decision_record
from vigie.errors import InputError
from vigie.model.firststage import Clearance, FirstStage
from vigie.pipeline import Pipeline
from vigie.types import PolicyRef, Post

__all__ = [
    "CascadeLoss",
    "EvalCase",
    "EvalReport",
    "GroupScore",
    "cascade_loss",
    "evaluate",
    "load_suite",
    "print_cascade_loss",
    "print_report",
]

VIOLATING = frozenset({Category.HATE, Category.VIOLENT_THREAT, Category.INCITEMENT})
_TRUE = {"hateful", "1", "true", "yes", "violating", "hate"}
_FALSE = {"non-hateful", "0", "false", "no", "none", "benign", "not_hate", "non-violating", "non_violating"}
"""Gold labels read as not violating; they include the ``gold`` values ``--errors`` prints, so an
exported error list can be read back as a suite."""


@dataclass(frozen=True, slots=True)
class EvalCase:
    id: str
    text: str
    gold: bool
    functionality: str
    language: str | None
    gold_category: str | None


@dataclass(slots=True)
class GroupScore:
    n: int = 0
    correct: int = 0
    category_hits: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0


@dataclass(slots=True)
class EvalReport:
    suite: str
    n: int
    accuracy: float
    accuracy_violating: float
    accuracy_non_violating: float
    auprc: float | None
    """Average precision of the highest violating score (hate, threat, incitement) against gold:
    how well the scores *rank* violating cases first, whatever the thresholds; depends on the
    suite's base rate."""
    auroc: float | None
    """Area under the ROC curve of the same score: the chance that a violating case outscores a
    non-violating one; independent of the base rate, so comparable across suites (the issue's
    baselines on real far-right posts are AUCs: 0.66 for USE + logistic regression, 0.755 for a
    profanity filter)."""
    by_language: dict[str, dict[str, float | int]]
    by_functionality: dict[str, dict[str, float | int]]
    by_category: dict[str, dict[str, float | int]]
    errors: list[dict[str, Any]] = field(default_factory=list)
    """Misclassified cases, at most ``max_errors`` of them (:func:`evaluate`), in suite order."""
    misclassified: int = 0
    """How many cases were misclassified in all: ``errors`` lists every one when it is this long
    (what ``vigie eval --compare`` needs of a base report, :mod:`vigie.comparison`)."""
    cascade: CascadeLoss | None = None
    detectors: list[str] = field(default_factory=list)
    """What produced the predictions: each detector as ``name@version`` (``vigie.lexicon@12``), so two
    reports can be compared without knowing which checkout made them."""
    policy: str = ""
    """The policy that decided, ``name@version (sha256:<first 12>)``."""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class CascadeLoss:
    """Recall on violating cases with the full pipeline alone vs behind the cascade's first stage.

    ``by_language[lang]``: ``violating`` cases, ``recall_full``, ``recall_cascade``, ``loss_points``
    (percentage points lost), ``cleared_share`` (share of all cases the first stage cleared) and
    ``violating_cleared``; ``overall`` the same over every case.
    """

    first_stage: str
    overall: dict[str, float | int]
    by_language: dict[str, dict[str, float | int]]


def _gold(value: Any, expected: str | None) -> bool:
    if expected is not None and value is None:
        return expected not in ("none", "", str(Category.HARASSMENT))
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"unknown gold label {value!r}")


def _case(row: dict[str, Any], n: int) -> EvalCase:
    text = row.get("test_case", row.get("text"))
    if not isinstance(text, str):
        raise InputError(f"suite case {n} has no 'test_case' or 'text' field", code="invalid_suite")
    expected = row.get("expected")
    expected = str(expected) if expected not in (None, "") else None
    gold_value = row.get("label_gold", row.get("label"))
    try:
        gold = _gold(gold_value, expected)
    except ValueError as exc:
        raise InputError(f"suite case {n}: {exc}", code="invalid_suite") from None
    lang = row.get("lang") or row.get("language")
    return EvalCase(
        id=str(row.get("case_id") or row.get("id") or n),
        text=text,
        gold=gold,
        functionality=str(row.get("functionality") or row.get("kind") or "all"),
        language=str(lang) if lang else None,
        gold_category=expected,
    )


def load_suite(path: str | Path, *, language: str | None = None) -> list[EvalCase]:
    """Read a labelled suite (CSV or JSONL); errors name the case number and the problem.

    ``language`` is the suite's language for cases that do not name one (HateCheck files do
    not): it is given to the pipeline as a hint and groups the results."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"suite {p} does not exist", code="missing_file")
    rows: Iterable[dict[str, Any]]
    if p.suffix.lower() == ".csv":
        with p.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    elif p.suffix.lower() in (".jsonl", ".ndjson"):
        rows = []
        with p.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh, start=1):
                if line.strip():
                    try:
                        rows.append(json.loads(line))
                    except json.JSONDecodeError as exc:
                        raise InputError(
                            f"suite line {i} is not valid JSON: {exc.msg}", code="invalid_suite"
                        ) from None
    else:
        raise InputError(f"suite {p} must be .csv or .jsonl", code="unknown_format")
    cases = [_case(row, n) for n, row in enumerate(rows, start=1)]
    if language is not None:
        cases = [c if c.language else dataclasses.replace(c, language=language) for c in cases]
    if not cases:
        raise InputError(f"suite {p} holds no cases", code="empty")
    return cases


def _auprc(golds: Sequence[bool], scores: Sequence[float]) -> float | None:
    if len(set(golds)) < 2:
        return None
    from sklearn.metrics import average_precision_score

    return float(average_precision_score(golds, scores))


def _auroc(golds: Sequence[bool], scores: Sequence[float]) -> float | None:
    if len(set(golds)) < 2:
        return None
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(golds, scores))


def _table(groups: dict[str, GroupScore], with_category: bool = False) -> dict[str, dict[str, float | int]]:
    out: dict[str, dict[str, float | int]] = {}
    for key in sorted(groups):
        g = groups[key]
        row: dict[str, float | int] = {"n": g.n, "accuracy": round(g.accuracy, 4)}
        if with_category:
            row["category_recall"] = round(g.category_hits / g.n, 4) if g.n else 0.0
        out[key] = row
    return out


def evaluate(
    pipeline: Pipeline,
    cases: Sequence[EvalCase],
    *,
    suite: str = "",
    batch_size: int = 256,
    max_errors: int = 20,
    cascade: bool = False,
    first_stage: FirstStage | None = None,
) -> EvalReport:
    """Run every case through the pipeline and aggregate accuracy per language, functionality and category.

    With ``cascade``, the same pass also measures what the cascade's first stage (``first_stage``,
    default: the one ``detection.first_stage`` names) would cost in recall (:class:`CascadeLoss`).
    """
    router = _CascadeTally(pipeline, first_stage) if cascade else None
    by_lang: dict[str, GroupScore] = defaultdict(GroupScore)
    by_func: dict[str, GroupScore] = defaultdict(GroupScore)
    by_cat: dict[str, GroupScore] = defaultdict(GroupScore)
    golds: list[bool] = []
    scores: list[float] = []
    errors: list[dict[str, Any]] = []
    correct = pos_n = pos_ok = neg_n = neg_ok = 0
    for start in range(0, len(cases), batch_size):
        chunk = cases[start : start + batch_size]
        posts = [Post(id=c.id, text=c.text, lang_hint=c.language) for c in chunk]
        routes = router.route(posts) if router is not None else [None] * len(posts)
        for case, decision, route in zip(chunk, pipeline.run_batch(posts), routes, strict=True):
            record = decision_record(decision)
            violations = set(record["violations"])
            predicted = bool(violations & VIOLATING)
            lang = case.language or record["language"]
            if router is not None and route is not None:
                router.add(lang, case.gold, predicted, route.cleared)
            ok = predicted == case.gold
            correct += ok
            if case.gold:
                pos_n += 1
                pos_ok += ok
            else:
                neg_n += 1
                neg_ok += ok
            golds.append(case.gold)
            scores.append(max(record["scores"][str(c)] for c in VIOLATING))
            for table, key in ((by_lang, lang), (by_func, case.functionality)):
                table[key].n += 1
                table[key].correct += ok
            if case.gold_category is not None:
                g = by_cat[case.gold_category]
                g.n += 1
                g.correct += ok
                hit = case.gold_category in violations if case.gold_category != "none" else not violations
                g.category_hits += hit
            if not ok and len(errors) < max_errors:
                errors.append(
                    {
                        "id": case.id,
                        "functionality": case.functionality,
                        "gold": "violating" if case.gold else "non-violating",
                        "violations": sorted(violations),
                        "text": case.text[:200],
                    }
                )
    n = len(cases)
    return EvalReport(
        suite=suite,
        n=n,
        accuracy=round(correct / n, 4) if n else 0.0,
        accuracy_violating=round(pos_ok / pos_n, 4) if pos_n else 0.0,
        accuracy_non_violating=round(neg_ok / neg_n, 4) if neg_n else 0.0,
        auprc=None if (a := _auprc(golds, scores)) is None else round(a, 4),
        auroc=None if (r := _auroc(golds, scores)) is None else round(r, 4),
        by_language=_table(by_lang),
        by_functionality=_table(by_func),
        by_category=_table(by_cat, with_category=True),
        errors=errors,
        misclassified=n - correct,
        cascade=router.result() if router is not None else None,
        detectors=[str(getattr(d, "source", d.name)) for d in pipeline.detectors],
        policy=_policy_label(pipeline.decider.policy),
    )


def _policy_label(ref: PolicyRef) -> str:
    """``name@version (sha256:<first 12 hex>)``: enough to tell two policies apart in a report."""
    return f"{ref.name}@{ref.version} (sha256:{ref.hash.removeprefix('sha256:')[:12]})"


class _CascadeTally:
    """Counts, per language, what the plain pipeline catches and what the first stage would clear.

    The cascade's prediction for a case is the plain prediction unless the first stage clears
    it (then nothing is flagged): that is exactly what :class:`~vigie.cascade.CascadePipeline`
    decides, since it runs the same pipeline on the posts it does not clear, so the evaluation
    pass measures both."""

    def __init__(self, pipeline: Pipeline, first_stage: FirstStage | None) -> None:
        from vigie.cascade import CascadePipeline

        self._cascade = CascadePipeline(
            first_stage=first_stage,
            detection=pipeline.detection,
            detectors=pipeline.detectors,
            decider=pipeline.decider,
        )
        self._counts: dict[str, list[int]] = defaultdict(
            lambda: [0, 0, 0, 0, 0]
        )  # n, viol, full, casc, cleared

    def route(self, posts: Sequence[Post]) -> list[Clearance]:
        return self._cascade.route(posts)

    def add(self, language: str, gold: bool, caught: bool, cleared: bool) -> None:
        for key in (language, "overall"):
            c = self._counts[key]
            c[0] += 1
            c[4] += cleared
            if gold:
                c[1] += 1
                c[2] += caught
                c[3] += caught and not cleared

    @staticmethod
    def _row(c: list[int]) -> dict[str, float | int]:
        full = c[2] / c[1] if c[1] else 0.0
        casc = c[3] / c[1] if c[1] else 0.0
        return {
            "cases": c[0],
            "violating": c[1],
            "recall_full": round(full, 4),
            "recall_cascade": round(casc, 4),
            "loss_points": round(100 * (full - casc), 2),
            "cleared_share": round(c[4] / c[0], 4) if c[0] else 0.0,
        }

    def result(self) -> CascadeLoss:
        counts = dict(self._counts)
        overall = self._row(counts.pop("overall", [0, 0, 0, 0, 0]))
        return CascadeLoss(
            first_stage=self._cascade.first_stage.version,
            overall=overall,
            by_language={k: self._row(v) for k, v in sorted(counts.items())},
        )


def cascade_loss(
    pipeline: Pipeline,
    cases: Sequence[EvalCase],
    *,
    batch_size: int = 256,
    first_stage: FirstStage | None = None,
) -> CascadeLoss:
    """What the cascade costs in recall on ``cases``, per language (issue: ≤ 1 point everywhere);
    :func:`evaluate` with ``cascade=True`` measures it in the same pass as the accuracy tables."""
    loss = evaluate(pipeline, cases, batch_size=batch_size, cascade=True, first_stage=first_stage).cascade
    assert loss is not None
    return loss


def print_cascade_loss(loss: CascadeLoss, console: Console) -> None:
    o = loss.overall
    console.print(
        f"[bold]cascade[/] ({loss.first_stage}): recall {o['recall_full']:.1%} full pipeline, "
        f"{o['recall_cascade']:.1%} behind the first stage (loss {o['loss_points']} points); "
        f"first stage cleared {o['cleared_share']:.1%} of cases"
    )
    table = Table(title="cascade recall loss by language", title_justify="left")
    columns = ("language", "cases", "violating", "recall full", "recall cascade", "loss (points)", "cleared")
    for col in columns:
        table.add_column(col, justify="left" if col == "language" else "right")
    for lang, r in loss.by_language.items():
        table.add_row(
            lang,
            str(r["cases"]),
            str(r["violating"]),
            f"{r['recall_full']:.1%}",
            f"{r['recall_cascade']:.1%}",
            f"{r['loss_points']}",
            f"{r['cleared_share']:.1%}",
        )
    console.print(table)


def _print_table(console: Console, title: str, rows: dict[str, dict[str, float | int]]) -> None:
    if not rows:
        return
    columns = list(next(iter(rows.values())))
    table = Table(title=title, title_justify="left")
    table.add_column(title.split(" ")[-1])
    for col in columns:
        table.add_column(col, justify="right")
    for key, row in rows.items():
        table.add_row(key, *(f"{row[c]:.1%}" if isinstance(row[c], float) else str(row[c]) for c in columns))
    console.print(table)


def print_report(report: EvalReport, console: Console) -> None:
    """Human-readable tables: overall, per language, per category, per functionality, then errors."""
    auprc = "n/a" if report.auprc is None else f"{report.auprc:.3f}"
    auroc = "n/a" if report.auroc is None else f"{report.auroc:.3f}"
    console.print(
        f"[bold]{report.suite}[/]: {report.n} cases, accuracy {report.accuracy:.1%} "
        f"(violating {report.accuracy_violating:.1%}, non-violating {report.accuracy_non_violating:.1%}), "
        f"AUPRC {auprc}, ROC AUC {auroc}"
    )
    if report.detectors or report.policy:
        console.print(f"detectors {', '.join(report.detectors)} · policy {report.policy}")
    _print_table(console, "by language", report.by_language)
    _print_table(console, "by category", report.by_category)
    _print_table(console, "by functionality", report.by_functionality)
    if report.errors:
        table = Table(title="misclassified examples", title_justify="left")
        for col in ("id", "functionality", "gold", "violations", "text"):
            table.add_column(col)
        for e in report.errors:
            table.add_row(
                e["id"], e["functionality"], e["gold"], ",".join(e["violations"]) or "-", e["text"][:120]
            )
        console.print(table)
