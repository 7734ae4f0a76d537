"""The cascade: a cheap first stage clears obviously benign posts; the full pipeline judges the rest."""

from vigie.cascade.pipeline import CASCADE_DETECTOR, CascadePipeline, CascadeStats

__all__ = ["CASCADE_DETECTOR", "CascadePipeline", "CascadeStats"]
