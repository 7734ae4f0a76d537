"""Terms that score or target on their own must not be read into everyday words.

The lexicon lets a doubled letter be typed single (``kill`` matches ``kil``), because folding squeezes
``killll`` to ``kil``. For a slur or a group term that reading can be a common word of its own: "coon"
matched "con" and "cons" ("the pros and cons of remote work" was flagged as hate), "nigger" the country
"Niger" (with a target group), "refugee" the noun "refuge". Such terms carry a leading ``=`` (their
doubled letters stay double); this test finds every term that needs it, with USE's whole-word
vocabulary and the everyday corpus as the dictionary of words people write."""

from __future__ import annotations

import itertools
import re

import pytest

from vigie.detectors.lexicon import DATA_DIR, STRICT_MARK, LexiconDetector, _read_folder
from vigie.model.harness import make_document
from vigie.text.normalize import fold
from vigie.text.spelling import _everyday_words, _sentencepiece_words

pytestmark = pytest.mark.slow  # parses the sentencepiece model (~1 s)

LANGUAGES = sorted(d.name for d in DATA_DIR.iterdir() if d.is_dir() and d.name != "common")


def _single_letter_readings(word: str) -> set[str]:
    """Every way of typing one or more of ``word``'s doubled letters single."""
    doubled = [i for i in range(1, len(word)) if word[i] == word[i - 1] and word[i].isalpha()]
    return {
        "".join(c for i, c in enumerate(word) if i not in drop)
        for r in range(1, len(doubled) + 1)
        for drop in itertools.combinations(doubled, r)
    }


def _standalone_terms(code: str) -> dict[str, list[str]]:
    """The language's group terms and group words (``group_traits``: "weißer" must not read "weiser"), and
    the terms of every list a ``hate`` rule matches on its own (a rule whose whole pattern is ``{list}``):
    each hit of those is a score or a target by itself."""
    raw = _read_folder(DATA_DIR / code, code)
    sections = {f"groups.{name}": list(terms) for name, terms in raw.groups.items()}
    sections.update({f"group_traits.{name}": list(terms) for name, terms in raw.group_traits.items()})
    for _file, entry in raw.rules:
        m = re.fullmatch(r"\{(\w+)\}", str(entry["pattern"]).strip())
        if m and entry["label"] == "hate" and m.group(1) in raw.lists:
            sections[f"lists.{m.group(1)}"] = list(raw.lists[m.group(1)])
    return sections


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_slur_or_group_term_reads_as_an_everyday_word(code: str) -> None:
    known = _sentencepiece_words() | _everyday_words()
    problems: list[str] = []
    for section, terms in _standalone_terms(code).items():
        spelled = {fold(t.lstrip(STRICT_MARK).rstrip("*")) for t in terms}
        for term in terms:
            if term.startswith(STRICT_MARK):
                continue
            for word in fold(term.rstrip("*")).split():
                clashes = sorted(v for v in _single_letter_readings(word) if v in known and v not in spelled)
                if clashes:
                    problems.append(f"{code} {section}: {term!r} also reads {clashes}; write it '={term}'")
    assert not problems, "\n".join(problems)


def _scan(text: str, lang: str = "en") -> tuple[dict[str, float], list[str]]:
    """The lexicon's scores and target kinds for one text."""
    detector = LexiconDetector()
    (signal,) = detector.detect_batch([make_document(text, lang, "t")])
    return {label: cs.score for label, cs in signal.scores.items()}, [t.kind for t in signal.targets]


@pytest.mark.parametrize(
    "text",
    [
        "I visited Niger last year, the people were lovely.",
        "The pros and cons of remote work, in one table.",
        "What a con: the ticket cost twice the price.",
        "The old church was a refuge for the villagers.",
    ],
)
def test_everyday_words_a_slur_or_group_term_could_be_read_into_are_neither(text: str) -> None:
    scores, targets = _scan(text)
    assert scores["hate"] == 0.0
    assert "group" not in targets


@pytest.mark.parametrize("text", ["Get out of here, coon.", "Those niggers again.", "c00n"])
def test_strict_slurs_still_match_as_written_and_folded(text: str) -> None:
    assert _scan(text)[0]["hate"] >= 0.45


def test_strict_group_terms_are_still_targets() -> None:
    assert "group" in _scan("Deport the refugees now.")[1]
    assert "group" in _scan("Le patron a insulté une femme.", "fr")[1]
