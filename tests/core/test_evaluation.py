"""`vigie eval`: suites are read strictly and scored from exactly what `vigie analyze` emits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vigie.contract import decision_record
from vigie.detectors.lexicon import LexiconDetector
from vigie.errors import InputError
from vigie.evaluation import VIOLATING, evaluate, load_suite
from vigie.pipeline import Pipeline
from vigie.types import Post

CSV = """,case_id,functionality,test_case,label_gold
0,1,threat_dir_h,I am going to shoot you tomorrow at your office.,hateful
1,2,ident_neutral_nh,We had lunch with our neighbours today.,non-hateful
2,3,threat_dir_h,Je vais te tuer demain devant chez toi.,hateful
3,4,profanity_nh,What a fucking great game that was!,non-hateful
"""


def test_hatecheck_style_csv(tmp_path: Path) -> None:
    p = tmp_path / "suite.csv"
    p.write_text(CSV, encoding="utf-8")
    cases = load_suite(p, language="en")
    assert [c.gold for c in cases] == [True, False, True, False]
    assert [c.functionality for c in cases] == [
        "threat_dir_h",
        "ident_neutral_nh",
        "threat_dir_h",
        "profanity_nh",
    ]
    assert {c.language for c in cases} == {"en"}


def test_jsonl_with_expected_categories(tmp_path: Path) -> None:
    p = tmp_path / "suite.jsonl"
    rows = [
        {"id": "a", "text": "x", "expected": "harassment", "kind": "insult", "lang": "fr"},
        {"id": "b", "text": "y", "expected": "incitement", "kind": "call_to_arms", "lang": "fr"},
        {"id": "c", "text": "z", "expected": "none", "kind": "benign"},
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    cases = load_suite(p)
    assert [c.gold for c in cases] == [False, True, False]  # harassment alone is not violating here
    assert [c.gold_category for c in cases] == ["harassment", "incitement", "none"]
    assert cases[2].language is None


def test_gold_labels_printed_in_errors_read_back(tmp_path: Path) -> None:
    p = tmp_path / "suite.jsonl"
    rows = [{"text": "x", "label": "violating"}, {"text": "y", "label": "non-violating"}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert [c.gold for c in load_suite(p)] == [True, False]


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        ("", ".jsonl", "no cases"),
        ('{"text": "a", "label": "maybe"}\n', ".jsonl", "unknown gold label"),
        ('{"label": "hateful"}\n', ".jsonl", "no 'test_case' or 'text'"),
        ("{oops\n", ".jsonl", "not valid JSON"),
        ("a,b\n", ".txt", "must be .csv or .jsonl"),
    ],
)
def test_bad_suites_name_the_problem(tmp_path: Path, content: str, suffix: str, message: str) -> None:
    p = tmp_path / f"suite{suffix}"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_suite(p)


def test_predictions_are_the_analyze_output(tmp_path: Path, pipeline: Pipeline) -> None:
    p = tmp_path / "suite.csv"
    p.write_text(CSV, encoding="utf-8")
    cases = load_suite(p)
    report = evaluate(pipeline, cases, suite="mini")
    records = [decision_record(pipeline.run(Post(id=c.id, text=c.text))) for c in cases]
    predicted = [bool(set(r["violations"]) & VIOLATING) for r in records]
    correct = [pred == c.gold for pred, c in zip(predicted, cases, strict=True)]
    assert report.n == 4
    assert report.accuracy == round(sum(correct) / 4, 4)
    assert report.by_functionality["threat_dir_h"]["n"] == 2
    assert report.by_functionality["threat_dir_h"]["accuracy"] == (correct[0] + correct[2]) / 2
    assert len(report.errors) == 4 - sum(correct)
    assert report.auprc is not None and 0.0 <= report.auprc <= 1.0
    assert report.auroc is not None and 0.0 <= report.auroc <= 1.0
    # the report names what made it: detector versions and the policy
    assert f"vigie.lexicon@{LexiconDetector.version}" in report.detectors
    ref = pipeline.decider.policy
    digest = ref.hash.removeprefix("sha256:")[:12]
    assert report.policy == f"{ref.name}@{ref.version} (sha256:{digest})"
    assert report.to_json()["detectors"] == report.detectors
