"""``vigie eval --compare``: two measurements of one suite, case by case."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from vigie.cli import app
from vigie.comparison import compare, load_base
from vigie.errors import InputError
from vigie.evaluation import EvalReport


def error(case_id: str, gold: str = "violating", violations: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "id": case_id,
        "functionality": "f",
        "gold": gold,
        "violations": list(violations),
        "text": f"t{case_id}",
    }


def report(
    errors: list[dict[str, Any]], n: int = 10, accuracy: float = 0.8, auprc: float | None = 0.7
) -> EvalReport:
    return EvalReport(
        suite="s",
        n=n,
        accuracy=accuracy,
        accuracy_violating=0.75,
        accuracy_non_violating=0.85,
        auprc=auprc,
        auroc=0.9,
        by_language={},
        by_functionality={},
        by_category={},
        errors=errors,
        misclassified=len(errors),
        detectors=["vigie.encoder@new"],
    )


def saved(tmp_path: Path, r: EvalReport, **override: Any) -> Path:
    path = tmp_path / "base.json"
    path.write_text(json.dumps({**r.to_json(), **override}), encoding="utf-8")
    return path


def test_fixed_and_broken_cases_and_metric_changes(tmp_path: Path) -> None:
    base_report = report([error("1"), error("2", "non-violating", ("hate",))], accuracy=0.8, auprc=None)
    base = load_base(saved(tmp_path, base_report, detectors=["vigie.encoder@old"]))
    now = report([error("2", "non-violating", ("hate",)), error("3")], accuracy=0.8, auprc=0.7)
    c = compare(now, base, "base.json")
    assert [e["id"] for e in c.fixed] == ["1"] and [e["id"] for e in c.broken] == ["3"]
    assert c.base_detectors == ("vigie.encoder@old",)
    assert c.metrics["accuracy"] == {"base": 0.8, "now": 0.8, "delta": 0.0}
    assert c.metrics["auprc"] == {"base": None, "now": 0.7, "delta": None}
    out = c.to_json(examples=0)
    assert out["fixed"] == 1 and out["broken"] == 1 and out["fixed_cases"] == [] == out["broken_cases"]


def test_same_id_with_another_text_is_another_case(tmp_path: Path) -> None:
    base = load_base(saved(tmp_path, report([error("1")])))
    moved = {**error("1"), "text": "edited"}
    c = compare(report([moved]), base, "base.json")
    assert len(c.fixed) == 1 and len(c.broken) == 1


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        ("{not json", "input.invalid_base", "is not JSON"),
        ('{"n": 3}', "input.invalid_base", "not a vigie eval --json report"),
        ('{"n": 3, "errors": []}', "input.incomplete_base", "does not say how many"),
        ('{"n": 3, "errors": [], "misclassified": 2}', "input.incomplete_base", "--errors 2"),
    ],
)
def test_a_base_that_cannot_be_compared_is_refused(
    tmp_path: Path, content: str, code: str, message: str
) -> None:
    path = tmp_path / "base.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        load_base(path)
    assert err.value.code == code


def test_another_suite_is_refused(tmp_path: Path) -> None:
    base = load_base(saved(tmp_path, report([], n=12)))
    with pytest.raises(InputError, match="not the same suite"):
        compare(report([], n=10), base, "base.json")


SUITE = [
    {"id": "a", "text": "I am going to shoot you tomorrow at your office.", "label": 1},
    {"id": "b", "text": "We had lunch with our neighbours today.", "label": 0},
    {"id": "c", "text": "Je vais te tuer demain devant chez toi.", "label": 1},
    {"id": "d", "text": "Lovely weather for a walk by the lake.", "label": 0},
]


def test_cli_compares_with_a_saved_report(tmp_path: Path) -> None:
    """Through ``vigie eval``: a base saved with --json, edited as if an older build had got case
    ``b`` wrong and case ``a`` right, reads as one case fixed and one broken (when ``a`` is
    misclassified now) or one fixed (when it is not)."""
    suite = tmp_path / "suite.jsonl"
    suite.write_text("\n".join(json.dumps(r) for r in SUITE) + "\n", encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(app, ["eval", str(suite), "--json", "--errors", "100"], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    now = json.loads(first.output)
    wrong_now = {e["id"] for e in now["errors"]}
    assert "b" not in wrong_now  # lunch with the neighbours is not violating
    base = {**now, "accuracy": 0.0}
    base["errors"] = [e for e in now["errors"] if e["id"] != "a"]
    base["errors"].append(
        {
            "id": "b",
            "functionality": "",
            "gold": "non-violating",
            "violations": ["hate"],
            "text": SUITE[1]["text"],
        }
    )
    base["misclassified"] = len(base["errors"])
    (tmp_path / "base.json").write_text(json.dumps(base), encoding="utf-8")
    second = runner.invoke(
        app, ["eval", str(suite), "--json", "--compare", str(tmp_path / "base.json")], catch_exceptions=False
    )
    assert second.exit_code == 0, second.output
    c = json.loads(second.output)["comparison"]
    assert c["fixed"] == 1 and c["fixed_cases"][0]["id"] == "b"
    assert c["broken"] == (1 if "a" in wrong_now else 0)
    assert c["metrics"]["accuracy"]["delta"] == now["accuracy"]
    # an incomplete base is refused with the fix in the message (exit code 2: bad input)
    (tmp_path / "short.json").write_text(
        json.dumps({**now, "errors": [], "misclassified": 2}), encoding="utf-8"
    )
    refused = runner.invoke(app, ["eval", str(suite), "--compare", str(tmp_path / "short.json")])
    assert refused.exit_code == 2 and "--errors 2" in refused.output
