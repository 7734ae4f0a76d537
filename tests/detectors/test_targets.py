"""Watch-list loading and matching, and personal names read from capitals."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigie.detectors.base import Document
from vigie.detectors.lexicon import LexiconDetector
from vigie.detectors.targets import WatchlistMatcher, find_names
from vigie.errors import ConfigError
from vigie.model.harness import make_document
from vigie.text.normalize import normalize
from vigie.types import Post, Span
from vigie.watchlist import load_watchlist, parse_watchlist

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "watchlist.yaml"
DATA = {
    "version": 1,
    "persons": [
        {
            "id": "wl-1",
            "name": "Inès Haddad",
            "kind": "journalist",
            "aliases": ["I. Haddad"],
            "handles": ["@ines_h"],
        },
        {
            "id": "wl-2",
            "name": "Tom Ridley",
            "kind": "official",
            "aliases": ["Senator Ridley", "sénateur Ridley"],
        },
    ],
}


def test_example_watchlist_loads() -> None:
    wl = load_watchlist(EXAMPLE)
    assert len(wl.persons) >= 10
    assert wl.by_id("wl-002") is not None


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"version": 2}, "version"),
        ({"extra": 1}, "unknown keys"),
        ({"persons": [{"id": "a", "name": "X", "kind": "alien"}]}, "kind"),
        ({"persons": [{"id": "a", "name": "X"}, {"id": "a", "name": "Y"}]}, "duplicate id"),
        ({"persons": [{"id": "a", "name": "X"}, {"id": "b", "name": "x"}]}, "also belongs"),
        ({"persons": [{"id": "a", "name": "X", "handles": ["nobody"]}]}, "handle"),
    ],
)
def test_invalid_watchlists_name_the_problem(change: dict[str, object], fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment):
        parse_watchlist({**DATA, **change}, source="wl.yaml")


@pytest.mark.parametrize(
    ("text", "written", "wid"),
    [
        ("ines haddad should watch out", "ines haddad", "wl-1"),
        ("On va s'occuper de Inès H4ddad", "Inès H4ddad", "wl-1"),
        ("le SÉNATEUR Ridley ment", "SÉNATEUR Ridley", "wl-2"),
        ("thanks @Ines_H!", "@Ines_H", "wl-1"),
    ],
)
def test_watchlist_matches_aliases_and_handles_on_the_original(text: str, written: str, wid: str) -> None:
    found = WatchlistMatcher(parse_watchlist(DATA)).find(normalize(text))
    assert [(m.target.span.of(text), m.target.watchlist_id) for m in found] == [(written, wid)]


def test_handle_must_match_whole() -> None:
    assert WatchlistMatcher(parse_watchlist(DATA)).find(normalize("@ines_h2 and @ines_h.x")) == []


def test_names_from_capitals() -> None:
    text = "Tonight I'm going to shoot Derek Mallory. On Monday, Tina Varga's car."
    names = [m.target.name for m in find_names(text)]
    assert names == ["Derek Mallory", "Tina Varga"]
    assert find_names("Derek Mallory", skip=[Span(0, 5)]) == []


def test_lexicon_emits_watchlisted_target_instead_of_role() -> None:
    detector = LexiconDetector(watchlist=parse_watchlist(DATA))
    text = "Senator Ridley will be shot tomorrow"
    doc = Document(Post("t", text), text, normalize(text), "en", (Span(0, len(text)),), False)
    signal = detector.detect_batch([doc])[0]
    assert [(t.kind, t.watchlist_id, t.span.of(text)) for t in signal.targets] == [
        ("official", "wl-2", "Senator Ridley")
    ]
    assert signal.scores["violent_threat"].score >= 0.9
    assert signal.scores["imminence"].score >= 0.6


def test_harm_predicate_without_target_is_not_a_threat() -> None:
    detector = LexiconDetector()
    text = "My phone will die tonight"
    doc = Document(Post("t", text), text, normalize(text), "en", (Span(0, len(text)),), False)
    signal = detector.detect_batch([doc])[0]
    assert signal.scores["violent_threat"].score == 0.0
    assert "en.threat.harm_fate" in signal.extras["untargeted"]


@pytest.mark.parametrize(
    "text",
    [
        "El Madrid merece una paliza hoy.",
        "Die Pflanze wird bald sterben.",
        "Il Milan ha perso di nuovo.",
        "Diese Regel gilt ab Montag.",
    ],
)
def test_a_capitalised_article_or_determiner_does_not_start_a_name(text: str) -> None:
    """Spanish, German and Italian sentences start with a capitalised article as often as English
    ones with "The": read as a first name, it made "El Madrid" a person a threat could target."""
    assert find_names(text) == []


def test_names_after_an_article_are_still_found() -> None:
    assert [m.target.name for m in find_names("Ayer El juez Carlos Ortega habló.")] == ["Carlos Ortega"]
    assert [m.target.name for m in find_names("Das hat Angela Merkel gesagt.")] == ["Angela Merkel"]


SLUR_LISTS = {"en": "slur", "fr": "injure", "de": "schimpfwort", "es": "insulto_odio", "it": "insulto_odio"}
"""Each language's list of slurs against a protected group."""
SLUR_FRAMES = {
    "en": "You are nothing but a {}.",
    "fr": "T'es qu'un {}.",
    "de": "Du bist nur ein {}.",
    "es": "Eres un {}.",
    "it": "Sei solo un {}.",
}
NOT_GROUP_WORDS = {
    # its in-group use is everyday speech for many: a group word, it would feed every group rule
    "en": {"nigga"},
    # "raton laveur" is a raccoon; the plural "ratons" names the group
    "fr": {"raton"},
    # "Bimbo" is also the everyday word for an airhead; Poles are no group of the canonical list
    "de": {"bimbo", "bimbos", "polacke", "polacken"},
    # sexist men and people with AIDS are no group of the canonical list
    "es": {"machirulo", "sidoso", "sidosos"},
    # regional slurs (the South, the North of Italy): no group of the canonical list
    "it": {"terrone", "terroni", "polentone", "polentoni"},
}


@pytest.mark.parametrize("language", sorted(SLUR_LISTS))
def test_every_slur_names_the_group_it_attacks(language: str) -> None:
    """A slur is a target: "You are nothing but a fag." named only the reader before lexicon v20, "Du bist nur
    ein dreckiger Schwarzer" and "Eres un maricón" before v23; the reviewer (and the policy's ``reader_only``)
    must see which group a slur attacks, whichever it is, in every language."""
    import yaml

    from vigie.detectors.lexicon import DATA_DIR

    slurs: list[str] = []
    for path in sorted((DATA_DIR / language).glob("*.yaml")):
        lists = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("lists") or {}
        slurs.extend(lists.get(SLUR_LISTS[language], []))
    assert len(slurs) > 20
    detector = LexiconDetector()
    detector.load()
    unnamed = []
    for slur in (s.lstrip("=") for s in slurs):
        if slur in NOT_GROUP_WORDS[language]:
            continue
        text = SLUR_FRAMES[language].format(slur)
        doc = Document(Post("s", text), text, normalize(text), language, (), False)
        if not any(t.kind == "group" for t in detector.detect_batch([doc])[0].targets):
            unnamed.append(slur)
    assert unnamed == []


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("black activists call for lynching and hanging of white people and cops", "white people"),
        ("whites are always bashing African Americans", "white people"),
        ("whites are always bashing African Americans", "black people"),
    ],
)
def test_white_people_and_african_americans_are_groups(text: str, group: str) -> None:
    # lexicon v22: a race like any other; before it, these named no group at all
    detector = LexiconDetector()
    signal = detector.detect_batch([make_document(text, "en")])[0]
    assert group in {t.name for t in signal.targets if t.kind == "group"}
