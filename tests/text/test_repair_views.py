"""Dropped and swapped letters and dropped spaces repaired in the folded view the lexicon reads
(``vigie.text.spelling.repair_views``), with evidence still on what the post wrote."""

from __future__ import annotations

import pytest

from vigie.detectors.base import Document
from vigie.detectors.lexicon import LexiconDetector
from vigie.model.harness import make_document
from vigie.pipeline import Pipeline
from vigie.text.normalize import normalize
from vigie.text.spelling import repair_views
from vigie.types import Post


def test_a_repaired_word_maps_back_to_the_typo_in_the_original() -> None:
    text = "Too manymuzzies in this country, a plageu!"
    views = repair_views(normalize(text), "en")
    folded = views.folded
    assert "many muzzies" in folded.text and "plague" in folded.text
    for word, written in (("many muzzies", "manymuzzies"), ("plague", "plageu")):
        start = folded.text.index(word)
        span = folded.to_original(start, start + len(word))
        assert text[span.start : span.end] == written
    tail = folded.text.index("country")  # text after a repair keeps its own offsets
    span = folded.to_original(tail, tail + len("country"))
    assert text[span.start : span.end] == "country"
    assert views.nfkc == normalize(text).nfkc  # only the folded view is repaired


def test_nothing_to_repair_leaves_the_views_as_they_were() -> None:
    views = normalize("Lovely weather at the market, see @plageu and https://x.y/manymuzzies")
    assert repair_views(views, "en") is views  # handles and links are names, never repaired


def lexicon_of(pipeline: Pipeline) -> LexiconDetector:
    return next(d for d in pipeline.detectors if isinstance(d, LexiconDetector))


def prepared(pipeline: Pipeline, text: str, language: str) -> Document:
    """``text`` as the pipeline hands it to its detectors: views unmasked and repaired."""
    (doc,) = pipeline.prepare([Post("p", text, lang_hint=language)])
    return doc


@pytest.mark.parametrize(
    ("text", "language", "typo"),
    [
        ("You and all other Muslims are a plageu to society.", "en", "plageu"),
        ("Too manymuzzies in this country.", "en", "manymuzzies"),
        ("Die Flüchtlnige sind Ungeziefer.", "de", "Flüchtlnige"),
    ],
)
def test_the_lexicon_reads_the_repair_and_shows_the_typo(
    pipeline: Pipeline, text: str, language: str, typo: str
) -> None:
    lexicon = lexicon_of(pipeline)
    as_written = make_document(text, language, "w")
    assert lexicon.detect_batch([as_written])[0].scores["hate"].score == 0.0  # the typo hides the attack
    hate = lexicon.detect_batch([prepared(pipeline, text, language)])[0].scores["hate"]
    assert hate.score >= 0.5
    assert any(typo in ev.snippet for ev in hate.evidence)


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        # "fusillée" was read as "fusil lee" (a rifle and a fragment), which hid the threat from the rules.
        ("Cette prof devrait être fusillée.", "fr", "violent_threat"),
        ("Ces journalistes méritent d'être égorgées.", "fr", "violent_threat"),
    ],
)
def test_a_real_word_reaches_the_lexicon_as_written(
    pipeline: Pipeline, text: str, language: str, label: str
) -> None:
    doc = prepared(pipeline, text, language)
    assert doc.views.folded.text == normalize(text).folded.text  # nothing "repaired"
    assert lexicon_of(pipeline).detect_batch([doc])[0].scores[label].score >= 0.5


def test_a_real_word_is_not_read_as_an_insult(pipeline: Pipeline) -> None:
    """ "wore" was repaired to "whore" and read as harassment by the lexicon and the encoder alike."""
    doc = prepared(pipeline, "Last time I wore heels that high I nearly broke my ankle.", "en")
    assert "whore" not in doc.views.folded.text
    harassment = lexicon_of(pipeline).detect_batch([doc])[0].scores.get("harassment")
    assert harassment is None or harassment.score == 0.0
