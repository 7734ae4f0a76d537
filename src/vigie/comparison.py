"""Two measurements of one suite, case by case: what a change fixed and what it broke.

A suite's headline numbers hide how much moved underneath: a retrain of the same tree on
another machine fixed 67 and broke 77 posts of the natural sample while its accuracy moved
by 0.25 points (MODEL_CARD.md, "A retrain of the same tree is not the same model"). So a
change is judged on the cases it changed, against a baseline measured the same way — the
previous build, or a control retrained on the same machine.

``vigie eval SUITE --compare BASE.json`` reads ``BASE.json`` (an earlier ``vigie eval SUITE
--json`` of the same suite that listed *every* misclassified case: ``--errors`` at least its
``misclassified`` count) and reports each headline metric before and after, and the cases
now right that were wrong (*fixed*) and now wrong that were right (*broken*). Cases are
matched by id and text, as the reports list them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from vigie.errors import InputError
from vigie.evaluation import EvalReport

__all__ = ["METRICS", "Comparison", "compare", "load_base", "print_comparison"]

METRICS: tuple[str, ...] = ("accuracy", "accuracy_violating", "accuracy_non_violating", "auprc", "auroc")
"""The headline numbers compared, as named in the ``--json`` report."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """``metrics[name]`` holds ``base``, ``now`` and ``delta`` (``None`` where a report has no value);
    ``fixed`` and ``broken`` are error entries as the reports list them (``id``, ``functionality``,
    ``gold``, ``violations``, ``text``), ``broken`` from this run, ``fixed`` from the base."""

    base: str
    base_detectors: tuple[str, ...]
    base_policy: str
    metrics: Mapping[str, Mapping[str, float | None]]
    fixed: tuple[Mapping[str, Any], ...]
    broken: tuple[Mapping[str, Any], ...]

    def to_json(self, examples: int) -> dict[str, Any]:
        """The comparison for ``--json``: counts, metrics and at most ``examples`` cases of each kind."""
        return {
            "base": self.base,
            "base_detectors": list(self.base_detectors),
            "base_policy": self.base_policy,
            "metrics": {k: dict(v) for k, v in self.metrics.items()},
            "fixed": len(self.fixed),
            "broken": len(self.broken),
            "fixed_cases": [dict(e) for e in self.fixed[:examples]],
            "broken_cases": [dict(e) for e in self.broken[:examples]],
        }


def load_base(path: Path) -> dict[str, Any]:
    """Read a saved ``vigie eval --json`` report and check it lists every misclassified case.

    Raises :class:`InputError` naming the problem: unreadable or not a report, made by a vigie
    that did not count its misclassified cases, or saved with fewer ``--errors`` than it had."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the base report {path}: {exc}", code="unreadable_base") from exc
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path} is not JSON ({exc.msg} at line {exc.lineno}); "
            "save one with vigie eval SUITE --json > FILE",
            code="invalid_base",
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("errors"), list) or "n" not in data:
        raise InputError(f"{path} is not a vigie eval --json report", code="invalid_base")
    total = data.get("misclassified")
    if not isinstance(total, int):
        raise InputError(
            f"{path} does not say how many cases it misclassified (made by an older vigie); "
            "measure the base again",
            code="incomplete_base",
        )
    if len(data["errors"]) < total:
        raise InputError(
            f"{path} lists {len(data['errors'])} of its {total} misclassified cases; measure it again with "
            f"--errors {total} (or more) so every case can be compared",
            code="incomplete_base",
        )
    return data


def _key(error: Mapping[str, Any]) -> tuple[str, str]:
    return str(error.get("id")), str(error.get("text"))


def compare(report: EvalReport, base: Mapping[str, Any], base_path: str) -> Comparison:
    """``report`` (with every misclassified case in ``errors``) against ``base`` (:func:`load_base`).

    Raises :class:`InputError` when the two did not measure the same number of cases (not the
    same suite) or ``report`` lists fewer errors than it misclassified."""
    if int(base["n"]) != report.n:
        raise InputError(
            f"the base report measured {base['n']} cases and this suite has {report.n}: not the same suite",
            code="suite_mismatch",
        )
    if len(report.errors) < report.misclassified:
        raise ValueError("compare needs every misclassified case of the report (evaluate with max_errors=n)")
    before = {_key(e): e for e in base["errors"]}
    after = {_key(e): e for e in report.errors}
    now = report.to_json()
    metrics: dict[str, dict[str, float | None]] = {}
    for name in METRICS:
        b, a = base.get(name), now.get(name)
        delta = (
            round(float(a) - float(b), 4)
            if isinstance(a, int | float) and isinstance(b, int | float)
            else None
        )
        metrics[name] = {"base": b, "now": a, "delta": delta}
    return Comparison(
        base=base_path,
        base_detectors=tuple(str(d) for d in base.get("detectors", ())),
        base_policy=str(base.get("policy", "")),
        metrics=metrics,
        fixed=tuple(e for k, e in before.items() if k not in after),
        broken=tuple(e for k, e in after.items() if k not in before),
    )


def print_comparison(comparison: Comparison, console: Console, examples: int) -> None:
    """The metrics before and after, the counts, and up to ``examples`` fixed and broken cases."""
    console.print(
        f"[bold]compared with[/] {comparison.base} (detectors {', '.join(comparison.base_detectors) or '?'} "
        f"· policy {comparison.base_policy or '?'}): [green]{len(comparison.fixed)} fixed[/], "
        f"[red]{len(comparison.broken)} broken[/]"
    )
    table = Table(title="metrics: base → now", title_justify="left")
    for col in ("metric", "base", "now", "change"):
        table.add_column(col, justify="left" if col == "metric" else "right")
    for name, m in comparison.metrics.items():
        b, a, d = m["base"], m["now"], m["delta"]
        table.add_row(
            name,
            "n/a" if b is None else f"{b:.4f}",
            "n/a" if a is None else f"{a:.4f}",
            "n/a" if d is None else f"{d:+.4f}",
        )
    console.print(table)
    kinds = (
        ("fixed (wrong in the base, right now)", "violations before", comparison.fixed),
        ("broken (right in the base, wrong now)", "violations now", comparison.broken),
    )
    for title, violations, cases in kinds:
        if not cases or examples <= 0:
            continue
        t = Table(title=f"{title}: {len(cases)}", title_justify="left")
        for col in ("id", "functionality", "gold", violations, "text"):
            t.add_column(col)
        for e in cases[:examples]:
            shown = ",".join(e["violations"]) or "-"
            t.add_row(str(e["id"]), str(e["functionality"]), str(e["gold"]), shown, str(e["text"])[:120])
        console.print(t)
