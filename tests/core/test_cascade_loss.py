"""`vigie eval --cascade-loss`: recall behind the first stage vs the full pipeline, per language."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from vigie.detectors.base import Document
from vigie.evaluation import EvalCase, cascade_loss
from vigie.model.firststage import FirstStage
from vigie.pipeline import Pipeline
from vigie.policy import PolicyDecider, load_policy
from vigie.settings import load_settings
from vigie.types import CategoryScore, Evidence, Signal, Span

EN = frozenset("we will kill them all tomorrow nice day at the beach lovely lunch".split())  # noqa: SIM905


class KillDetector:
    """Scores hate 0.99 on any post containing 'kill', with the word as evidence."""

    name = "test.kill"
    version = "1"
    labels = ("hate",)
    languages = None

    def load(self) -> None:
        pass

    def detect_batch(self, docs: Sequence[Document]) -> list[Signal]:
        out = []
        for d in docs:
            i = d.text.find("kill")
            scores = {}
            if i >= 0:
                ev = Evidence("hate", Span(i, i + 4), "kill", "test", "test.kill@1")
                scores["hate"] = CategoryScore("hate", 0.99, (ev,))
            out.append(Signal(self.name, self.version, d.language, scores))
        return out


def _pipeline() -> Pipeline:
    settings = load_settings(None, environ={})
    return Pipeline(
        detection=settings.detection, detectors=[KillDetector()], decider=PolicyDecider(load_policy(None))
    )


def _stage(threshold: float) -> FirstStage:
    # Scores every text ~0.5 (zero weights, zero bias): threshold 0.9 clears English, 0.1 clears nothing.
    return FirstStage("t", np.zeros(64, np.float32), 0.0, 64, (2, 3), {"en": threshold}, {"en": EN}, 0.85)


CASES = [
    EvalCase("1", "we will kill them all tomorrow", True, "threat", "en", None),
    EvalCase("2", "nice day at the beach", False, "none", "en", None),
    EvalCase("3", "lovely lunch", False, "none", "en", None),
    EvalCase("4", "on va tous les kill demain", True, "threat", "fr", None),
]


def test_a_stage_that_clears_violating_posts_shows_the_loss_in_their_language() -> None:
    loss = cascade_loss(_pipeline(), CASES, first_stage=_stage(0.9))
    en, fr = loss.by_language["en"], loss.by_language["fr"]
    assert (en["violating"], en["recall_full"], en["recall_cascade"], en["loss_points"]) == (
        1,
        1.0,
        0.0,
        100.0,
    )
    assert en["cleared_share"] == 1.0
    # French words are not in the stage's vocabulary: never cleared, nothing lost.
    assert (fr["recall_full"], fr["recall_cascade"], fr["loss_points"], fr["cleared_share"]) == (
        1.0,
        1.0,
        0.0,
        0.0,
    )
    assert loss.overall["loss_points"] == 50.0 and loss.overall["cases"] == 4


def test_a_stage_that_clears_nothing_loses_nothing() -> None:
    loss = cascade_loss(_pipeline(), CASES, first_stage=_stage(0.1))
    assert loss.overall["loss_points"] == 0.0
    assert loss.overall["recall_full"] == loss.overall["recall_cascade"] == 1.0
    assert loss.overall["cleared_share"] == 0.0
