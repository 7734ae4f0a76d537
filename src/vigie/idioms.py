"""Idioms across detectors: a post read again without its fixed expressions.

A detector that knows a language's idioms (the lexicon) names their spans and the labels they do not
express (:data:`vigie.types.IDIOMS`: "you're killing me" is no threat; "this printer deserves to be
smashed" is neither a threat nor hate). Its own rules drop what the idiom covers. A detector that
reads whole sentences (the encoder) cannot tell: "Kill all the wasps in the shed." scores as a call
to kill because it is one, of wasps. Such detectors say so (``rereads_idioms = True``), and the
pipeline has them read each post in which an idiom overlaps their evidence for a label the idiom
covers once more, with the idiom's characters blanked (spaces: offsets are unchanged, so evidence
still points at the original text). For the covered labels the detector's score is the lower of the
two readings; every other label keeps the first. ``Signal.extras["idioms_read"]`` records what was
blanked and the scores before, so a reviewer, an auditor and a backtest see why a score is low.

Why a second reading rather than dropping the sentence: an idiom rarely fills its sentence ("I'm
going to destroy you at chess tonight, Sam." — the name and "tonight" stay), and a sentence may hold
a threat beside an idiom ("You're killing me, I'll shoot you tomorrow" reads the threat again).
Cost: one more pass of the rereading detector over the few posts concerned (65 of 12,000 posts of the
benchmark mix, measured when this was built).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from vigie.detectors.base import Detector, Document
from vigie.text.spelling import reading_views
from vigie.types import IDIOMS, CategoryScore, Evidence, Signal, Span

__all__ = ["IDIOMS_READ", "idiom_spans", "reread_without_idioms", "rereads_idioms"]

IDIOMS_READ = "idioms_read"
"""``Signal.extras`` key of a second reading: ``[{"idiom": id, "start": int, "end": int, "labels":
[...]}, ...]`` under ``"blanked"`` and ``{label: score}`` of the first reading under ``"before"``
(the labels it lowered)."""

_FLOOR = 0.1
"""A detector's score under this explains nothing (the evidence floor of ``combine_signals``): no
second reading for it."""


def rereads_idioms(detector: Detector) -> bool:
    """Whether ``detector`` asks to read posts again without their idioms (``rereads_idioms = True``)."""
    return bool(getattr(detector, "rereads_idioms", False))


def idiom_spans(signals: Sequence[Signal]) -> list[dict[str, Any]]:
    """Every idiom any of ``signals`` names (:data:`vigie.types.IDIOMS`), in text order."""
    found = [dict(i) for sig in signals for i in sig.extras.get(IDIOMS, ())]
    return sorted(found, key=lambda i: (int(i["start"]), int(i["end"]), str(i["idiom"])))


def _blanked(signal: Signal, idioms: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The idioms that overlap ``signal``'s evidence for a label they cover, scored at :data:`_FLOOR`
    or more."""
    out = []
    for idiom in idioms:
        span = Span(int(idiom["start"]), int(idiom["end"]))
        for label in idiom["labels"]:
            cs = signal.scores.get(label)
            if cs is not None and cs.score >= _FLOOR and any(e.span.overlaps(span) for e in cs.evidence):
                out.append(idiom)
                break
    return out


def _blank(text: str, idioms: Sequence[Mapping[str, Any]]) -> str:
    chars = list(text)
    for idiom in idioms:
        for k in range(int(idiom["start"]), min(int(idiom["end"]), len(chars))):
            if not chars[k].isspace():
                chars[k] = " "
    return "".join(chars)


def _merged(first: Signal, second: Signal, doc: Document, blanked: Sequence[Mapping[str, Any]]) -> Signal:
    """``first`` with each label some blanked idiom covers scored as ``second`` scored it, when lower;
    the second reading's evidence quotes the original text."""
    covered = {str(label) for idiom in blanked for label in idiom["labels"]}
    scores = dict(first.scores)
    before: dict[str, float] = {}
    names = ", ".join(sorted({str(i["idiom"]) for i in blanked}))
    for label in sorted(covered):
        old, new = first.scores.get(label), second.scores.get(label)
        if old is None or new is None or new.score >= old.score:
            continue
        before[label] = round(old.score, 4)
        evidence = tuple(
            Evidence(
                e.label,
                e.span,
                doc.text[e.span.start : e.span.end],
                f"{e.rationale}; read without the idiom {names} (scored {old.score:.2f} with it)",
                e.source,
            )
            for e in new.evidence
        )
        scores[label] = CategoryScore(label, new.score, evidence)
    if not before:
        return first
    record = {
        "blanked": [
            {"idiom": i["idiom"], "start": i["start"], "end": i["end"], "labels": list(i["labels"])}
            for i in blanked
        ],
        "before": before,
    }
    return dataclasses.replace(first, scores=scores, extras={**first.extras, IDIOMS_READ: record})


def reread_without_idioms(
    detectors: Sequence[Detector], docs: Sequence[Document], per_detector: Sequence[list[Signal]]
) -> list[list[Signal]]:
    """``per_detector`` (one list of signals per detector, in ``docs`` order) with the signals of
    rereading detectors replaced by their merged second reading where an idiom overlapped their
    evidence (module docstring). Other detectors' signals are returned as they were."""
    idioms = [idiom_spans([signals[i] for signals in per_detector]) for i in range(len(docs))]
    if not any(idioms):
        return [list(signals) for signals in per_detector]
    out: list[list[Signal]] = []
    for detector, signals in zip(detectors, per_detector, strict=True):
        signals = list(signals)
        if rereads_idioms(detector):
            todo = [(i, b) for i, sig in enumerate(signals) if idioms[i] and (b := _blanked(sig, idioms[i]))]
            if todo:
                again = detector.detect_batch([_reprepared(docs[i], b) for i, b in todo])
                for (i, b), second in zip(todo, again, strict=True):
                    signals[i] = _merged(signals[i], second, docs[i], b)
        out.append(signals)
    return out


def _reprepared(doc: Document, blanked: Sequence[Mapping[str, Any]]) -> Document:
    """``doc`` with the idioms' characters blanked, its views rebuilt the way the pipeline builds them
    (same language and sentence chunks: blanking keeps every offset)."""
    text = _blank(doc.text, blanked)
    return dataclasses.replace(doc, text=text, views=reading_views(text, doc.language))
