"""The one entry point that turns posts into decisions: normalize → language → detect → combine → decide.

Between detect and combine, detectors that read whole sentences read again, without them, the posts
in which another detector found an idiom that overlaps their evidence (:mod:`vigie.idioms`).

The CLI, the HTTP API, the console and the Ray backfill all call :class:`Pipeline`;
none re-implements a step. Building a pipeline is cheap; :meth:`Pipeline.load` (called
on first use) loads detectors, so a process can build one and fork workers before paying
for weights.

Long posts: only the first ``detection.max_chars`` characters are scored (the decision
says ``truncated``); detectors receive sentence chunks of at most ``chunk_chars``, so cost
stays linear in the scored length.
"""

from __future__ import annotations

from collections.abc import Sequence

from vigie.decision import Assessment, Decider
from vigie.detectors.base import Detector, Document
from vigie.detectors.registry import create_detector
from vigie.errors import ModelError, VigieError
from vigie.idioms import reread_without_idioms
from vigie.settings import DetectionSettings, Settings
from vigie.text.chunks import cap_text, split_sentences
from vigie.text.language import LanguageIdentifier
from vigie.text.spelling import reading_views
from vigie.types import Decision, Post

__all__ = ["Pipeline"]

_LANGUAGE_SAMPLE_CHARS = 2_000
"""Language identification reads this many characters; more costs time and rarely changes the answer."""


class Pipeline:
    """normalize → language → detect → combine → decide, for one post or a batch."""

    def __init__(
        self,
        *,
        detection: DetectionSettings,
        detectors: Sequence[Detector],
        decider: Decider,
        shadow: Decider | None = None,
        language_identifier: LanguageIdentifier | None = None,
    ) -> None:
        if not detectors:
            raise ModelError("a pipeline needs at least one detector", code="no_detector")
        self.detection = detection
        self.detectors = tuple(detectors)
        self.decider = decider
        self.shadow = shadow
        """A candidate policy's decider, evaluated beside ``decider`` by callers that store shadow results."""
        self.languages = language_identifier or LanguageIdentifier(detection.languages)
        self._loaded = False

    @classmethod
    def from_settings(cls, settings: Settings) -> Pipeline:
        """Build the pipeline the configuration describes; validates the policies at once (loud config).

        With ``detection.cascade`` on, that is a :class:`~vigie.cascade.CascadePipeline` (the same
        steps with a cheap first stage in front, docs/scale.md)."""
        from vigie.policy import PolicyDecider, load_policy

        if settings.detection.cascade and cls is Pipeline:
            from vigie.cascade import CascadePipeline

            return CascadePipeline.from_settings(settings)

        detectors = [create_detector(name, settings.detection) for name in settings.detection.detectors]
        live = PolicyDecider(load_policy(settings.policy.path))
        shadow = PolicyDecider(load_policy(settings.policy.shadow)) if settings.policy.shadow else None
        return cls(detection=settings.detection, detectors=detectors, decider=live, shadow=shadow)

    def load(self) -> None:
        """Load the language model and every detector. Idempotent."""
        if self._loaded:
            return
        try:
            self.languages.load()
            for detector in self.detectors:
                detector.load()
        except VigieError:
            raise
        except Exception as exc:
            raise ModelError(f"could not load the detection pipeline: {exc}", code="load_failed") from exc
        self._loaded = True

    def identify(self, posts: Sequence[Post]) -> list[str]:
        """The language of each post (the platform's hint when it names a configured language)."""
        capped = [cap_text(p.text, self.detection.max_chars)[0] for p in posts]
        return self.languages.detect_batch(
            [text[:_LANGUAGE_SAMPLE_CHARS] for text in capped], [p.lang_hint for p in posts]
        )

    def prepare(self, posts: Sequence[Post], languages: Sequence[str] | None = None) -> list[Document]:
        """Cap, normalize, identify the language (unless ``languages`` already says it, as
        :meth:`identify` would) and chunk each post. Masked letters ("k*ll") are filled in the folded
        view (:func:`vigie.text.spelling.unmask_views`), then dropped and swapped letters and dropped
        spaces repaired in it (:func:`vigie.text.spelling.repair_views`: "trns" reads "trans")."""
        capped = [cap_text(p.text, self.detection.max_chars) for p in posts]
        langs = list(languages) if languages is not None else self.identify(posts)
        if len(langs) != len(posts):
            raise ValueError(f"{len(langs)} languages for {len(posts)} posts")
        docs = []
        for post, (text, truncated), lang in zip(posts, capped, langs, strict=True):
            docs.append(
                Document(
                    post=post,
                    text=text,
                    views=reading_views(text, lang),
                    language=lang,
                    chunks=split_sentences(text, max_chunk_chars=self.detection.chunk_chars),
                    truncated=truncated,
                )
            )
        return docs

    def assess_batch(self, posts: Sequence[Post], languages: Sequence[str] | None = None) -> list[Assessment]:
        """Score posts with every detector and combine; no decision yet (backtests start here).
        ``languages``: the posts' languages when the caller identified them already."""
        self.load()
        docs = self.prepare(posts, languages)
        per_detector = [detector.detect_batch(docs) for detector in self.detectors]
        for detector, produced in zip(self.detectors, per_detector, strict=True):
            if len(produced) != len(docs):
                raise ModelError(
                    f"detector {detector.name} returned {len(produced)} signals for {len(docs)} posts",
                    code="contract",
                )
        per_detector = reread_without_idioms(self.detectors, docs, per_detector)
        return [
            Assessment.from_signals(doc.post, tuple(sig[i] for sig in per_detector), language=doc.language)
            for i, doc in enumerate(docs)
        ]

    def run_batch(self, posts: Sequence[Post]) -> list[Decision]:
        """Decide every post; one decision per post, in order."""
        return [self.decider.decide(a) for a in self.assess_batch(posts)]

    def run(self, post: Post) -> Decision:
        return self.run_batch([post])[0]
