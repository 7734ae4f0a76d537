"""The project's own corpus of everyday, non-violating posts (``model/corpus/everyday_<lang>.txt``).

Why it exists: every ``ship`` set is a hate-speech corpus whose benign rows talk about the
same topics as its hateful ones (immigration, religion, politics). Trained on them alone,
the heads read small talk, sport banter, violent idioms ("this song kills me"), news about
violence and heated political criticism as harassment or threats (the main failure of
model ``enc-1``), and the cascade's first stage could clear almost nothing of a real feed.

The corpus was written for the project, from scratch (no external text), in en/fr (1,300 posts each), es/de/it
(430) and pt/nl (160), in six sections: ``daily``, ``culture``, ``idiom`` (violent words
used harmlessly), ``politics`` (heated, non-violent), ``identity`` (protected groups
mentioned neutrally or positively, counter-speech without slurs) and ``news`` (neutral
reporting of violence); en and fr add ``negation`` (hostility negated or rejected,
positive statements about groups) and ``counter`` (counter-speech that refers to hate or
violence to condemn or report it, without slurs). en and fr (240 each) and es/de/it (120)
add ``groups``: short, plain posts that name a protected group — praise, facts, plans,
people speaking in their own voice — because the heads read a bare group mention as hate
(identity-term bias: "We should look up to these Muslims." scored hate 0.31, above the
review threshold, on ``enc-1+af133476``). It is the project's own text (licence:
the project's), never copied from the evaluation suites, the bundled feed or the
benchmark's phrase banks (a test checks that no line is a near copy of a HateCheck case or
of a feed post).

Format: UTF-8, one post per line; ``# language: xx`` first, then ``# section: name`` before
each block. Only lines starting with ``# `` (hash, space) are headers: ``#hashtag`` posts are
posts. Labels: no category applies (``0`` for the four categories); the context labels are
unknown (``nan``). Splits are by *block* of :data:`BLOCK` consecutive lines of a section
(hashed with the seed), because writers produce runs of similar posts; a block never
straddles two splits.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from vigie.model.datasets import NONE_TARGETS, Example, assign_split

__all__ = ["BLOCK", "DATASET", "EverydayPost", "corpus_files", "load_everyday", "read_corpus"]

DATASET = "everyday"
BLOCK = 8
"""Consecutive lines of one section that always share a split."""


@dataclass(frozen=True, slots=True)
class EverydayPost:
    text: str
    lang: str
    section: str
    line: int
    """1-based line number in its file (for error messages and provenance)."""


def corpus_files() -> list[Path]:
    """The shipped corpus files, sorted by name."""
    root = Path(str(resources.files("vigie.model") / "corpus"))
    return sorted(root.glob("everyday_*.txt"))


def read_corpus(path: Path) -> list[EverydayPost]:
    """Parse one corpus file; raises ``ValueError`` naming the file and line on a format error."""
    lang: str | None = None
    section: str | None = None
    posts: list[EverydayPost] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            raise ValueError(f"{path}:{n}: blank line")
        if line.startswith("# "):
            key, _, value = line[2:].partition(":")
            key, value = key.strip(), value.strip()
            if key == "language" and lang is None and value:
                lang = value
            elif key == "section" and value:
                section = value
            else:
                raise ValueError(f"{path}:{n}: unknown header {line!r}")
            continue
        if lang is None or section is None:
            raise ValueError(f"{path}:{n}: post before the '# language:' and '# section:' headers")
        posts.append(EverydayPost(" ".join(line.split()), lang, section, n))
    return posts


def load_everyday(seed: int = 0, files: list[Path] | None = None) -> list[Example]:
    """Every corpus post as an :class:`~vigie.model.datasets.Example` (benign), split by block."""
    out: list[Example] = []
    seen: set[str] = set()
    for path in files if files is not None else corpus_files():
        index: dict[str, int] = {}
        for post in read_corpus(path):
            k = index.get(post.section, 0)
            index[post.section] = k + 1
            if post.text in seen:
                continue
            seen.add(post.text)
            block = f"{post.lang}/{post.section}/{k // BLOCK}"
            split = assign_split(DATASET, block, seed)
            out.append(Example(post.text, NONE_TARGETS, DATASET, post.lang, split, f"{DATASET}-{post.lang}"))
    return out
