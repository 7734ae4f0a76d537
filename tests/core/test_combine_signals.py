"""How detectors' signals combine into one assessment (``vigie.decision.base.combine_signals``), in
particular sentence-scoped context: a stance cue ("We stand with refugees.") speaks for its own sentence,
so another detector's attack in another sentence is not excused by it."""

from __future__ import annotations

from typing import Any

from vigie.decision import Assessment
from vigie.types import ENDORSED, SENTENCE_SCOPED, CategoryScore, Evidence, Post, Signal, Span

TEXT = "We stand with refugees. Throw every refugee in jail."
FIRST = Span(0, 23)
SECOND = Span(24, len(TEXT))


def signal(
    detector: str, scores: dict[str, tuple[float, Span]], extras: dict[str, Any] | None = None
) -> Signal:
    return Signal(
        detector=detector,
        version="1",
        language="en",
        scores={
            label: CategoryScore(
                label, score, (Evidence(label, span, TEXT[span.start : span.end], "r", detector),)
            )
            for label, (score, span) in scores.items()
        },
        extras=extras or {},
    )


def lexicon(counter_without: float = 0.0) -> Signal:
    """The lexicon's view: solidarity in the first sentence (a sentence-scoped cue), no attack."""
    scoped = {
        "counter_speech": {"sentences": [[0, 23]], "spans": [[3, 16]], "score_without": counter_without}
    }
    return signal(
        "lex", {"counter_speech": (0.5, Span(3, 16)), "hate": (0.0, FIRST)}, {SENTENCE_SCOPED: scoped}
    )


def combined(*signals: Signal) -> Assessment:
    return Assessment.from_signals(Post("p", TEXT), signals)


def test_an_attack_in_another_sentence_voids_the_scoped_cue() -> None:
    encoder = signal("enc", {"hate": (0.83, SECOND), "counter_speech": (0.1, FIRST)})
    a = combined(lexicon(), encoder)
    assert a.score("hate") == 0.83
    assert a.score("counter_speech") == 0.1  # the encoder's own reading remains
    assert all(e.source != "lex" for e in a.scores["counter_speech"].evidence)


def test_an_attack_in_the_cue_sentence_does_not_void_it() -> None:
    """The heads' identity-term bias: praise of a group scores as hate *in the praise sentence*;
    that is exactly what the cue is there to excuse."""
    encoder = signal("enc", {"hate": (0.9, FIRST)})
    assert combined(lexicon(), encoder).score("counter_speech") == 0.5


def test_a_weak_score_elsewhere_does_not_void_it() -> None:
    encoder = signal("enc", {"hate": (0.3, SECOND)})
    assert combined(lexicon(), encoder).score("counter_speech") == 0.5


def test_unscoped_context_of_the_same_detector_survives() -> None:
    encoder = signal("enc", {"violent_threat": (0.7, SECOND)})
    assert combined(lexicon(counter_without=0.35), encoder).score("counter_speech") == 0.35


def test_without_scoped_extras_signals_combine_by_max() -> None:
    a = signal("a", {"hate": (0.6, SECOND), "counter_speech": (0.5, FIRST)})
    b = signal("b", {"hate": (0.7, SECOND)})
    c = combined(a, b)
    assert c.score("hate") == 0.7 and c.score("counter_speech") == 0.5


def test_reporting_frames_its_own_sentence_only() -> None:
    """News and then an exhortation: "The attacker was arrested. Deport every refugee!" is not news."""
    scoped = {"reporting": {"sentences": [[0, 23]], "spans": [[0, 10]], "score_without": 0.0}}
    lex = signal("lex", {"reporting": (0.64, Span(0, 10))}, {SENTENCE_SCOPED: scoped})
    encoder = signal("enc", {"hate": (0.8, SECOND)})
    assert combined(lex, encoder).score("reporting") == 0.0
    quoted = signal("enc", {"hate": (0.8, FIRST)})  # the attack in the reported sentence stays news
    assert combined(lex, quoted).score("reporting") == 0.64


def test_a_detectors_own_attack_elsewhere_voids_its_scoped_context() -> None:
    scoped = {"reporting": {"sentences": [[0, 23]], "spans": [[0, 10]], "score_without": 0.0}}
    lex = signal("lex", {"reporting": (0.64, Span(0, 10)), "hate": (0.8, SECOND)}, {SENTENCE_SCOPED: scoped})
    assert combined(lex).score("reporting") == 0.0


QUOTED = 'My dad says "refugees are a disease" and he was right.'


def _endorsing_lexicon(endorsed: bool) -> Signal:
    """The lexicon found no attack of its own; with ``endorsed`` it found "he was right" (an approval)."""
    extras: dict[str, Any] = {}
    if endorsed:
        extras[ENDORSED] = [{"endorsement": "en.endorse.was_right", "note": "n", "start": 41, "end": 53}]
    return Signal(
        detector="lex",
        version="1",
        language="en",
        scores={
            "reporting": CategoryScore(
                "reporting", 0.6, (Evidence("reporting", Span(7, 11), "says", "r", "lex"),)
            ),
            "hate": CategoryScore("hate", 0.0, ()),
        },
        extras=extras,
    )


def _encoder(hate: float) -> Signal:
    span = Span(12, 37)
    return Signal(
        detector="enc",
        version="1",
        language="en",
        scores={
            "hate": CategoryScore("hate", hate, (Evidence("hate", span, QUOTED[12:37], "r", "enc"),)),
            "counter_speech": CategoryScore(
                "counter_speech", 0.55, (Evidence("counter_speech", span, QUOTED[12:37], "r", "enc"),)
            ),
        },
    )


def test_an_endorsement_voids_every_detectors_context_when_an_attack_is_found() -> None:
    a = Assessment.from_signals(Post("p", QUOTED), (_endorsing_lexicon(True), _encoder(0.7)))
    assert a.score("hate") == 0.7
    assert a.score("reporting") == 0.0 and a.score("counter_speech") == 0.0
    assert not a.scores["reporting"].evidence and not a.scores["counter_speech"].evidence


def test_without_an_attack_or_without_the_endorsement_context_stands() -> None:
    weak = Assessment.from_signals(Post("p", QUOTED), (_endorsing_lexicon(True), _encoder(0.3)))
    assert weak.score("reporting") == 0.6 and weak.score("counter_speech") == 0.55
    plain = Assessment.from_signals(Post("p", QUOTED), (_endorsing_lexicon(False), _encoder(0.7)))
    assert plain.score("reporting") == 0.6 and plain.score("counter_speech") == 0.55
