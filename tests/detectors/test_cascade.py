"""The cascade: what the first stage may clear, and that everything else reaches the detectors."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from vigie.cascade import CASCADE_DETECTOR, CascadePipeline
from vigie.categories import Verdict
from vigie.detectors.base import Document
from vigie.detectors.lexicon import LexiconDetector
from vigie.model.firststage import FirstStage, default_first_stage_path, load_first_stage
from vigie.pipeline import Pipeline
from vigie.policy import PolicyDecider, load_policy
from vigie.settings import load_settings
from vigie.text.language import LanguageIdentifier
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


def test_a_post_the_lexicon_flags_is_never_cleared() -> None:
    """The n-gram model would clear both posts; the lexicon reads a threat in one, which then takes the full
    route (reason ``lexicon``) and is decided on every detector's signal, not on the first stage's."""
    settings = load_settings(None, environ={})
    rec = Recorder()
    pipe = CascadePipeline(
        first_stage=_stage(),
        detection=settings.detection,
        detectors=[LexiconDetector(), rec],
        decider=PolicyDecider(load_policy(None)),
    )
    posts = [Post("calm", "We had a nice day at the beach."), Post("threat", "I will kill you tomorrow.")]
    routes = pipe.route(posts, ["en", "en"])
    assert [(r.cleared, r.reason) for r in routes] == [(True, ""), (False, "lexicon")]
    calm, threat = pipe.run_batch(posts)
    assert rec.seen == ["threat"]
    assert calm.verdict is Verdict.ALLOW
    assert threat.verdict is not Verdict.ALLOW and "violent_threat" in threat.violations
    assert {s.detector for s in threat.signals} == {"vigie.lexicon", "test.recorder", CASCADE_DETECTOR}
    assert pipe.stats.reasons["lexicon"] == 1


def test_without_a_lexicon_detector_the_first_stage_alone_decides() -> None:
    pipe, _ = _pipeline(_stage())
    assert [r.reason for r in pipe.route([Post("t", "I will kill you tomorrow.")], ["en"])] == [""]


@pytest.mark.parametrize(
    ("text", "identified"),
    [
        ("El gato se sentó en la alfombra y comimos juntos.", "es"),  # a language it was not shown
        ("Die Katze saß auf der Matte.", "de"),
        ("Le chat est sur le tapis.", "fr"),  # French: this stage has no French threshold
        # The identifier got it wrong; the vocabulary test still refuses:
        ("El gato se sentó en la alfombra y comimos juntos.", "en"),
        ("The cat sat on the mat. Le chat est sur le tapis, bien sûr.", "en"),  # mixed languages
        ("", "und"),  # nothing to judge
    ],
)
def test_never_clears_a_language_it_was_not_shown(text: str, identified: str) -> None:
    (c,) = _stage().clearance([text], [identified])
    assert not c.cleared and c.reason == "language" and c.language is None


def test_languages_must_match_texts() -> None:
    with pytest.raises(ValueError, match="1 languages for 2 texts"):
        _stage().clearance(["a", "b"], ["en"])


@pytest.mark.parametrize(
    "text",
    [
        "i will k1ll you tomorrow",
        "i will k i l l you",
        "i will kiiiill you",
        "i will k\u200bill you",
        "i will k\u200dill you",
        "#k1llthem you",
        "i will k_i_l_l you",
        "i will k|i|l|l you",
        "i will ᴋɪʟʟ you",
        "i will kіll you",
    ],  # the last one has a Cyrillic і
)
def test_obfuscated_posts_are_never_cleared(text: str) -> None:
    (c,) = _stage().clearance([text], ["en"])
    assert not c.cleared and c.reason in {"obfuscation", "language"}


@pytest.mark.parametrize(
    "text",
    [
        "the cat sat on the mat https://t.co/Xy3Gab9k",
        "the cat sat on the mat @mat2cat",
        "the cat sat on the mat \U0001f468\u200d\U0001f469\u200d\U0001f467",
    ],
)
def test_links_handles_and_emoji_joiners_are_not_obfuscation(text: str) -> None:
    (c,) = _stage().clearance([text], ["en"])
    assert c.cleared, c.reason


def test_score_at_or_above_threshold_goes_to_full_pipeline() -> None:
    (c,) = _stage(threshold=0.0).clearance(["The cat sat on the mat."], ["en"])
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
    assert not any(c.cleared for c in shipped.clearance(texts, ["es", "de"]))
    # Even when the identifier says English or French, the vocabulary test refuses them.
    assert not any(c.cleared for c in shipped.clearance(texts, ["en", "en"]))
    assert not any(c.cleared for c in shipped.clearance(texts, ["fr", "fr"]))


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
    (c,) = shipped.clearance([text], ["fr" if " les " in text or "Je " in text else "en"])
    assert not c.cleared


def test_plain_pipeline_unless_cascade_is_on() -> None:
    off = load_settings(None, environ={}, overrides={"detection": {"detectors": ["vigie.lexicon"]}})
    assert type(Pipeline.from_settings(off)) is Pipeline
    on = load_settings(
        None, environ={}, overrides={"detection": {"detectors": ["vigie.lexicon"], "cascade": True}}
    )
    pipe = CascadePipeline.from_settings(on)
    assert isinstance(pipe, CascadePipeline) and [d.name for d in pipe.detectors] == ["vigie.lexicon"]


class CountingIdentifier(LanguageIdentifier):
    """Says English for everything and counts the texts it was asked about."""

    def __init__(self) -> None:
        super().__init__(("en", "fr"))
        self.asked = 0

    def detect_batch(self, texts: Sequence[str], hints: Sequence[str | None] | None = None) -> list[str]:
        self.asked += len(texts)
        return ["en"] * len(texts)


def test_languages_are_identified_once_and_reach_the_full_route() -> None:
    settings = load_settings(None, environ={})
    rec, identifier = Recorder(), CountingIdentifier()
    pipe = CascadePipeline(
        first_stage=_stage(),
        detection=settings.detection,
        detectors=[rec],
        decider=PolicyDecider(load_policy(None)),
        language_identifier=identifier,
    )
    # "Le chat ..." is French, but the identifier says English: the stage's vocabulary test
    # refuses it, and the full route sees the identifier's answer without asking again.
    decisions = pipe.run_batch([Post("a", "The cat sat on the mat."), Post("b", "Le chat est sur le tapis.")])
    assert identifier.asked == 2
    assert rec.seen == ["b"]
    assert [d.language for d in decisions] == ["en", "en"]


def test_prepare_rejects_languages_of_the_wrong_length() -> None:
    pipe, _ = _pipeline(_stage())
    with pytest.raises(ValueError, match="1 languages for 2 posts"):
        pipe.prepare([Post("a", "x"), Post("b", "y")], ["en"])
