""":class:`CascadePipeline`: the :class:`~vigie.pipeline.Pipeline` with a first stage in front.

Every post is scored by the first stage (:mod:`vigie.model.firststage`) on its raw, capped
text — before normalization, language identification and the detectors, which are what
cost time. A post the first stage *clears* is decided on a single ``vigie.cascade`` signal
with no category scores (the policy then allows it, as it would any post nothing scored);
every other post goes through the full pipeline unchanged, and its assessment gains the
same ``vigie.cascade`` signal saying why it was sent on. So:

- a decision always says which route it took (``signals`` → ``vigie.cascade`` →
  ``extras["stage"]`` is ``"first"`` or ``"full"``), and stored signals keep it for
  backtests;
- posts in languages the first stage was not trained to judge, and obfuscated posts,
  always take the full route (:meth:`~vigie.model.firststage.FirstStage.clearance`);
- a post the first stage would clear but a rule of the pipeline's lexicon detector reads as
  one of the four categories takes the full route too (reason ``lexicon``): the n-gram model
  never saw most of the lexicon's phrasings, and a post the lexicon flags must reach the
  encoder and the policy. The lexicon runs on cleared posts only (measured on the 40,000-post
  benchmark mix: 14 of the 7,266 posts the first stage would clear were sent on, at 0.87 ms per
  checked post), so this costs a lexicon pass on the cheap route, not an encoder pass;
- with ``detection.cascade`` off, :meth:`Pipeline.from_settings` builds the plain pipeline
  and nothing here runs.

Languages are identified once per post (lingua, or the platform's hint), before the first
stage: its language gate needs them, and the full route reuses them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vigie.categories import CATEGORIES
from vigie.decision import Assessment
from vigie.detectors.lexicon import LexiconDetector
from vigie.model.firststage import Clearance, FirstStage, default_first_stage_path, load_first_stage
from vigie.pipeline import Pipeline
from vigie.settings import Settings
from vigie.text.chunks import cap_text
from vigie.types import Post, Signal

__all__ = ["CASCADE_DETECTOR", "CascadePipeline", "CascadeStats"]

CASCADE_DETECTOR = "vigie.cascade"
"""Name of the signal that records the route (a storage key, like a detector's)."""

LEXICON_DETECTOR = LexiconDetector.name
"""The detector whose category hits veto a clearance (module docstring)."""


@dataclass(slots=True)
class CascadeStats:
    """Running counts of a pipeline's routes: the share reaching the encoder is ``full / posts``."""

    posts: int = 0
    cleared: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    """Why posts were sent on: ``language``, ``obfuscation``, ``score``, ``lexicon``."""

    @property
    def full(self) -> int:
        return self.posts - self.cleared

    @property
    def full_share(self) -> float:
        return self.full / self.posts if self.posts else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "posts": self.posts,
            "cleared": self.cleared,
            "full": self.full,
            "full_share": round(self.full_share, 4),
            "reasons": dict(self.reasons),
        }


class CascadePipeline(Pipeline):
    """A pipeline whose first stage may clear posts before the detectors run (module docstring).

    ``first_stage`` is a loaded stage (tests inject one) or, when None, the directory named by
    ``detection.first_stage`` (default: the stage shipped with the model), loaded in :meth:`load`.
    """

    def __init__(self, *, first_stage: FirstStage | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._stage = first_stage
        self.stats = CascadeStats()

    @classmethod
    def from_settings(cls, settings: Settings) -> CascadePipeline:
        """Like :meth:`Pipeline.from_settings` (same detectors, policies), with the first stage in front."""
        plain_detection = settings.detection.model_copy(update={"cascade": False})
        plain = Pipeline.from_settings(settings.model_copy(update={"detection": plain_detection}))
        return cls(
            detection=plain.detection,
            detectors=plain.detectors,
            decider=plain.decider,
            shadow=plain.shadow,
            language_identifier=plain.languages,
        )

    @property
    def first_stage(self) -> FirstStage:
        if self._stage is None:
            path = self.detection.first_stage
            self._stage = load_first_stage(Path(path) if path else default_first_stage_path())
        return self._stage

    def load(self) -> None:
        _ = self.first_stage
        super().load()

    def _signal(self, clearance: Clearance, truncated: bool) -> Signal:
        stage = self.first_stage
        return Signal(
            CASCADE_DETECTOR,
            stage.version,
            clearance.language or "und",
            {},
            truncated=truncated,
            extras={
                "stage": "first" if clearance.cleared else "full",
                "score": round(clearance.score, 6),
                "threshold": clearance.threshold,
                "reason": clearance.reason,
            },
        )

    def route(self, posts: Sequence[Post], languages: Sequence[str] | None = None) -> list[Clearance]:
        """Each post's route (on the text the pipeline would score), in the posts' identified
        ``languages`` (identified here when not given): the first stage's clearance, withdrawn
        (reason ``lexicon``) when the lexicon reads a category in a post it would clear."""
        langs = list(languages) if languages is not None else self.identify(posts)
        texts = [cap_text(p.text, self.detection.max_chars)[0] for p in posts]
        return self.lexicon_veto(posts, langs, self.first_stage.clearance(texts, langs))

    def lexicon_veto(
        self, posts: Sequence[Post], languages: Sequence[str], routes: list[Clearance]
    ) -> list[Clearance]:
        """``routes`` (the first stage's, one per post) with each clearance withdrawn (reason
        ``lexicon``) whose post the pipeline's lexicon detector reads as a category; unchanged when
        the pipeline has no lexicon detector. Runs the lexicon on the cleared posts only."""
        cleared = [i for i, r in enumerate(routes) if r.cleared]
        lexicon = next((d for d in self.detectors if d.name == LEXICON_DETECTOR), None)
        if lexicon is None or not cleared:
            return routes
        docs = self.prepare([posts[i] for i in cleared], [languages[i] for i in cleared])
        out = list(routes)
        for i, signal in zip(cleared, lexicon.detect_batch(docs), strict=True):
            if any(s.score > 0 for label, s in signal.scores.items() if label in CATEGORIES):
                r = routes[i]
                out[i] = Clearance(False, r.language, r.score, r.threshold, "lexicon")
        return out

    def assess_batch(self, posts: Sequence[Post], languages: Sequence[str] | None = None) -> list[Assessment]:
        self.load()
        langs = list(languages) if languages is not None else self.identify(posts)
        routes = self.route(posts, langs)
        sent = [i for i, r in enumerate(routes) if not r.cleared]
        full = super().assess_batch([posts[i] for i in sent], [langs[i] for i in sent]) if sent else []
        out: list[Assessment | None] = [None] * len(posts)
        for i, assessment in zip(sent, full, strict=True):
            sig = self._signal(routes[i], assessment.truncated)
            out[i] = Assessment.from_signals(
                posts[i], (*assessment.signals, sig), language=assessment.language, author=assessment.author
            )
        self.stats.posts += len(posts)
        for i, (post, r) in enumerate(zip(posts, routes, strict=True)):
            if r.cleared:
                self.stats.cleared += 1
                truncated = len(post.text) > self.detection.max_chars
                out[i] = Assessment.from_signals(post, (self._signal(r, truncated),), language=r.language)
            else:
                self.stats.reasons[r.reason] += 1
        return [a for a in out if a is not None]
