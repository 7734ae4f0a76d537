"""What the functional decision tests share: one post decided by the real pipeline, as analyze does."""

from __future__ import annotations

from vigie.pipeline import Pipeline
from vigie.types import Post


def decide(pipeline: Pipeline, text: str, language: str) -> tuple[str, tuple[str, ...]]:
    """The verdict and the violations the pipeline gives ``text`` with ``language`` as the platform's hint."""
    decision = pipeline.run(Post(id="t", text=text, lang_hint=language))
    return str(decision.verdict), tuple(str(v) for v in decision.violations)
