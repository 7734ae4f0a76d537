"""A post read again without its idioms (``vigie.idioms``): which detectors, which labels, which score.

The detectors here are small fakes with known behaviour, so that each rule of the contract is shown
on its own: a phrase detector that names an idiom span (as the lexicon does) and a reader that scores
a label while a trigger word is legible (as the encoder reads words).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from vigie.detectors.base import Document
from vigie.idioms import IDIOMS_READ, reread_without_idioms
from vigie.text.spelling import reading_views
from vigie.types import IDIOMS, CategoryScore, Evidence, Post, Signal, Span

TEXT = "Kill all the wasps in the shed. See you at noon."
IDIOM = {"idiom": "en.idiom.test", "note": "n", "start": 0, "end": 31, "labels": ["violent_threat", "hate"]}


def _doc(text: str = TEXT) -> Document:
    return Document(
        post=Post(id="p", text=text),
        text=text,
        views=reading_views(text, "en"),
        language="en",
        chunks=(Span(0, 31), Span(32, len(text))),
        truncated=False,
    )


class Phrases:
    """Names ``idioms`` in every post, scores nothing."""

    name, version, labels, languages = "test.phrases", "1", ("violent_threat",), None

    def __init__(self, idioms: list[dict[str, Any]]) -> None:
        self.idioms = idioms

    def load(self) -> None: ...

    def detect_batch(self, docs: Sequence[Document]) -> list[Signal]:
        return [Signal(self.name, "1", "en", {}, extras={IDIOMS: self.idioms}) for _ in docs]


class Reader:
    """Scores each label in ``scores`` while ``trigger`` is legible in the text (``blank`` otherwise), with
    the first sentence as evidence; counts the documents it read."""

    name, version, languages = "test.reader", "1", None
    rereads_idioms = True

    def __init__(self, scores: dict[str, float], trigger: str = "Kill", blank: float = 0.05) -> None:
        self.scores, self.trigger, self.blank = scores, trigger, blank
        self.labels = tuple(scores)
        self.read = 0

    def load(self) -> None: ...

    def detect_batch(self, docs: Sequence[Document]) -> list[Signal]:
        out = []
        for doc in docs:
            self.read += 1
            legible = self.trigger in doc.text
            scores = {
                label: CategoryScore(
                    label,
                    value if legible else self.blank,
                    (
                        Evidence(
                            label, Span(0, 31), doc.text[:31], f"sentence scored {value:.2f}", "test.reader@1"
                        ),
                    ),
                )
                for label, value in self.scores.items()
            }
            out.append(Signal(self.name, "1", "en", scores))
        return out


def _run(*detectors: Any) -> list[Signal]:
    docs = [_doc()]
    per_detector = [d.detect_batch(docs) for d in detectors]
    return [signals[0] for signals in reread_without_idioms(detectors, docs, per_detector)]


def test_a_label_the_idiom_covers_takes_the_reading_without_it() -> None:
    reader = Reader({"violent_threat": 0.9, "incitement": 0.8})
    _, signal = _run(Phrases([IDIOM]), reader)
    assert reader.read == 2
    assert signal.scores["violent_threat"].score == 0.05
    # incitement is not among the idiom's labels: the first reading stands
    assert signal.scores["incitement"].score == 0.8
    assert signal.extras[IDIOMS_READ]["before"] == {"violent_threat": 0.9}
    assert [b["idiom"] for b in signal.extras[IDIOMS_READ]["blanked"]] == ["en.idiom.test"]
    (evidence,) = signal.scores["violent_threat"].evidence
    # the second reading saw blanks; the reviewer sees what the post wrote, and why the score is low
    assert evidence.snippet == TEXT[:31]
    assert "en.idiom.test" in evidence.rationale and "0.90" in evidence.rationale


def test_a_second_reading_never_raises_a_score() -> None:
    reader = Reader({"violent_threat": 0.3}, blank=0.7)
    _, signal = _run(Phrases([IDIOM]), reader)
    assert reader.read == 2
    assert signal.scores["violent_threat"].score == 0.3
    assert IDIOMS_READ not in signal.extras


def test_no_second_reading_when_the_idiom_lies_outside_the_evidence_or_the_score_explains_nothing() -> None:
    elsewhere = dict(IDIOM, start=32, end=len(TEXT))
    reader = Reader({"violent_threat": 0.9})
    _, signal = _run(Phrases([elsewhere]), reader)
    assert reader.read == 1 and signal.scores["violent_threat"].score == 0.9
    faint = Reader({"violent_threat": 0.05}, blank=0.0)
    _, signal = _run(Phrases([IDIOM]), faint)
    assert faint.read == 1 and signal.scores["violent_threat"].score == 0.05


def test_only_detectors_that_ask_read_again_and_the_others_keep_their_signals() -> None:
    class Fixed(Reader):
        rereads_idioms = False

    fixed = Fixed({"violent_threat": 0.9})
    phrases = Phrases([IDIOM])
    first, signal = _run(phrases, fixed)
    assert fixed.read == 1 and signal.scores["violent_threat"].score == 0.9
    assert first.extras[IDIOMS] == [IDIOM]


def test_the_blanked_text_keeps_every_offset() -> None:
    seen: list[str] = []

    class Recorder(Reader):
        def detect_batch(self, docs: Sequence[Document]) -> list[Signal]:
            seen.extend(d.text for d in docs)
            return super().detect_batch(docs)

    _run(Phrases([IDIOM]), Recorder({"violent_threat": 0.9}))
    original, blanked = seen
    assert len(blanked) == len(original)
    assert blanked[:31].strip() == "" and blanked[31:] == original[31:]
