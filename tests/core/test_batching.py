"""How posts are batched (``detection.batch_size``) never changes what is decided about them."""

from __future__ import annotations

import json
from pathlib import Path

from vigie.contract import decision_record
from vigie.pipeline import Pipeline
from vigie.types import Post


def _records(pipeline: Pipeline, posts: list[Post], size: int) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for start in range(0, len(posts), size):
        out.extend(decision_record(d) for d in pipeline.run_batch(posts[start : start + size]))
    return out


def test_batch_size_does_not_change_decisions(pipeline: Pipeline, feed_path: Path) -> None:
    rows = [json.loads(line) for line in feed_path.read_text(encoding="utf-8").splitlines()]
    posts = [Post(id=str(r["id"]), text=str(r["text"])) for r in rows]
    small, large = _records(pipeline, posts, 7), _records(pipeline, posts, 512)
    assert [r["id"] for r in small] == [p.id for p in posts]
    keys = ("verdict", "violations", "severity", "flagged", "actions", "rule_hits")
    assert [{k: r[k] for k in keys} for r in small] == [{k: r[k] for k in keys} for r in large]
    # Scores may differ in float rounding only (matrix products round by batch composition).
    for a, b in zip(small, large, strict=True):
        sa, sb = a["scores"], b["scores"]
        assert isinstance(sa, dict) and isinstance(sb, dict)
        assert sa.keys() == sb.keys()
        assert all(abs(sa[k] - sb[k]) <= 1e-3 for k in sa), (a["id"], sa, sb)
    assert sum(bool(r["flagged"]) for r in large) > 50
