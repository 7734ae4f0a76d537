"""The cascade: what the first stage may clear, and that everything else reaches the detectors."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from vigie.cascade import CASCADE_DETECTOR, CascadePipeline
from vigie.categories import Verdict
from vigie.detectors.base import Document
from vigie.model.firststage import FirstStage, default_first_stage_path, load_first_stage
from vigie.pipeline import Pipeline
from vigie.policy import PolicyDecider, load_policy
from vigie.settings import load_settings
from vigie.types import Post, Signal

EN_WORDS = frozenset(
    "the cat sat on mat a nice day at beach we had great lunch i will kill you tomorrow".split()  # noqa: SIM905
)


class Recorder:
    """A detector that scores nothing and remembers which posts it was shown."""

    name = "test.recorder"
    version = "1"
    labels = ("hate",)
    languages = None

    def __init__(self) -> None:
        self.seen: list[str] = []

    def load(self) -> None:
        pass

    def detect_batch(self, docs: Sequence[Document]) -> list[Signal]:
        self.seen.extend(d.post.id for d in docs)
        return [Signal(self.name, self.version, d.language, {}) for d in docs]


def _stage(threshold: float = 0.5) -> FirstStage:
    """A stage that scores every text ~0 and knows only English words: clears what the guards let by."""
    return FirstStage(
        "test", np.zeros(64, np.float32), -10.0, 64, (2, 3), {"en": threshold}, {"en": EN_WORDS}, 0.85
    )


def _pipeline(stage: FirstStage) -> tuple[CascadePipeline, Recorder]:
    settings = load_settings(None, environ={})
    rec = Recorder()
    pipe = CascadePipeline(
        first_stage=stage,
        detection=settings.detection,
        detectors=[rec],
        decider=PolicyDecider(load_policy(None)),
    )
    return pipe, rec


def test_cleared_posts_skip_the_detectors_and_are_allowed() -> None:
    pipe, rec = _pipeline(_stage())
    posts = [Post("a", "The cat sat on the mat."), Post("b", "El gato se sentó en la alfombra.")]
    decisions = pipe.run_batch(posts)
    assert rec.seen == ["b"]
    assert decisions[0].verdict is Verdict.ALLOW and decisions[0].language == "en"
    (sig,) = decisions[0].signals
    assert sig.detector == CASCADE_DETECTOR and sig.extras["stage"] == "first"
    routed = [s for s in decisions[1].signals if s.detector == CASCADE_DETECTOR]
    assert routed[0].extras == {
        "stage": "full",
        "score": pytest.approx(0.0, abs=1e-3),
        "threshold": None,
        "reason": "language",
    }
    assert pipe.stats.as_dict()["full_share"] == 0.5


@pytest.mark.parametrize(
    "text",
    [
        "El gato se sentó en la alfombra y comimos juntos.",  # a language it was not shown to judge
        "Die Katze saß auf der Matte.",
        "Le chat est sur le tapis.",  # French: this stage has no French threshold
        "The cat sat on the mat. Le chat est sur le tapis, bien sûr.",  # mixed languages
        "",  # nothing to judge
    ],
)
def test_never_clears_a_language_it_was_not_shown(text: str) -> None:
    (c,) = _stage().clearance([text])
    assert not c.cleared and c.reason == "language"


@pytest.mark.parametrize(
    "text",
    [
        "i will k1ll you tomorrow",
        "i will k i l l you",
        "i will kiiiill you",
        "i will k\u200bill you",
        "i will kіll you",
    ],  # the last one has a Cyrillic і
)
def test_obfuscated_posts_are_never_cleared(text: str) -> None:
    (c,) = _stage().clearance([text])
    assert not c.cleared and c.reason in {"obfuscation", "language"}


def test_score_at_or_above_threshold_goes_to_full_pipeline() -> None:
    (c,) = _stage(threshold=0.0).clearance(["The cat sat on the mat."])
    assert not c.cleared and c.reason == "score"


@pytest.fixture(scope="module")
def shipped() -> FirstStage:
    path = default_first_stage_path()
    if not path.exists():
        raise AssertionError("no first stage shipped with the model artifact")
    return load_first_stage(path)


def test_shipped_stage_trained_languages_only(shipped: FirstStage) -> None:
    assert set(shipped.thresholds) <= {"en", "fr"} and set(shipped.thresholds) == set(shipped.vocab)
    texts = ["Mañana vamos a la playa con mis primos.", "Morgen fahren wir mit den Kindern an die See."]
    assert not any(c.cleared for c in shipped.clearance(texts))


@pytest.mark.parametrize(
    "text",
    [
        "I will kill you tomorrow at your house.",
        "Je vais te tuer demain devant chez toi.",
        "All immigrants are vermin and should be exterminated.",
        "Les juifs sont de la vermine, il faut les éliminer.",
        "We meet at the station at 8 with the rifles, nobody leaves alive.",
    ],
)
def test_shipped_stage_sends_threats_and_hate_on(shipped: FirstStage, text: str) -> None:
    (c,) = shipped.clearance([text])
    assert not c.cleared


def test_plain_pipeline_unless_cascade_is_on() -> None:
    off = load_settings(None, environ={}, overrides={"detection": {"detectors": ["vigie.lexicon"]}})
    assert type(Pipeline.from_settings(off)) is Pipeline
    on = load_settings(
        None, environ={}, overrides={"detection": {"detectors": ["vigie.lexicon"], "cascade": True}}
    )
    pipe = CascadePipeline.from_settings(on)
    assert isinstance(pipe, CascadePipeline) and [d.name for d in pipe.detectors] == ["vigie.lexicon"]
