"""A quick evaluation harness for the encoder detector alone (``python -m vigie.model.harness``).

``vigie eval`` measures the whole product (decisions from ``vigie analyze``); this harness
measures only what the model contributes, so a model change can be judged before the
policy is: it builds :class:`~vigie.detectors.base.Document` objects the way the pipeline
does (normalize + sentence chunks), runs :class:`~vigie.detectors.encoder.EncoderDetector`,
and counts a case as violating when ``hate``, ``violent_threat`` or ``incitement`` reaches
the artifact's recommended review threshold. Evaluation suites are read here and nowhere
in training.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from vigie.detectors.base import Document
from vigie.detectors.encoder import EncoderDetector
from vigie.text.chunks import split_sentences
from vigie.text.normalize import normalize
from vigie.types import Post, Signal

__all__ = ["evaluate_cases", "make_document", "violating"]

VIOLATING_LABELS = ("hate", "violent_threat", "incitement")


def make_document(text: str, language: str = "und", doc_id: str = "0") -> Document:
    """A document as the pipeline prepares it (no character cap)."""
    return Document(
        post=Post(id=doc_id, text=text),
        text=text,
        views=normalize(text),
        language=language,
        chunks=split_sentences(text),
        truncated=False,
    )


def violating(signal: Signal, thresholds: dict[str, float]) -> bool:
    return any(
        label in signal.scores and signal.scores[label].score >= thresholds[label]
        for label in VIOLATING_LABELS
    )


def evaluate_cases(
    detector: EncoderDetector,
    cases: Sequence[tuple[str, bool, str]],
    language: str = "und",
    batch: int = 256,
) -> dict[str, Any]:
    """``cases`` = (text, gold violating, functionality). Accuracy overall, by gold, by functionality."""
    hits: dict[str, list[bool]] = defaultdict(list)
    by_gold: dict[str, list[bool]] = defaultdict(list)
    for i in range(0, len(cases), batch):
        part = cases[i : i + batch]
        signals = detector.detect_batch(
            [make_document(t, language, str(i + k)) for k, (t, _, _) in enumerate(part)]
        )
        for (_, gold, func), sig in zip(part, signals, strict=True):
            ok = violating(sig, detector.thresholds) == gold
            hits[func].append(ok)
            by_gold["violating" if gold else "non_violating"].append(ok)
    everything = [ok for oks in hits.values() for ok in oks]
    return {
        "n": len(everything),
        "accuracy": round(sum(everything) / max(1, len(everything)), 4),
        "by_gold": {k: round(sum(v) / len(v), 4) for k, v in sorted(by_gold.items())},
        "by_functionality": {k: round(sum(v) / len(v), 4) for k, v in sorted(hits.items())},
    }


def read_hatecheck(path: Path) -> list[tuple[str, bool, str]]:
    """HateCheck-style CSV: ``test_case``, ``label_gold`` (hateful / non-hateful), ``functionality``."""
    with path.open(encoding="utf-8", newline="") as f:
        return [
            (row["test_case"].strip(), row["label_gold"] == "hateful", row["functionality"])
            for row in csv.DictReader(f)
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vigie.model.harness", description=__doc__)
    parser.add_argument("suite", type=Path, help="HateCheck-style CSV")
    parser.add_argument("--artifact", type=Path, default=None)
    parser.add_argument("--language", default="en")
    args = parser.parse_args(argv)
    detector = EncoderDetector(args.artifact)
    result = evaluate_cases(detector, read_hatecheck(args.suite), args.language)
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
