"""The Spanish, German and Italian template packs keep the contract of ``vigie.model.template_packs``.

What a broken pack would do: a missing or extra template shifts the held-out split (by index)
against English, a slot without a filler crashes generation, a row with other keys than its
table's first row is never filled, a pack in the wrong language teaches nothing.
"""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from vigie.model import template_packs
from vigie.model.templates import FUNCTIONALITIES, TEMPLATES, Case, generate, obfuscate
from vigie.text.language import LanguageIdentifier

PACKS = template_packs.load()
REQUIRED_KEYS = {
    "groups": {"G", "Ga", "Gs", "Gb"},
    "slurs": {"S"},
    "slurs_sg": {"Ss"},
    "nonprotected": {"NP"},
    "people": {"P", "O", "J"},
    "logistics": {"L", "D", "W"},
    "things": {"F", "X", "Y"},
}
MIN_ROWS = {"groups": 9, "people": 9, "logistics": 9}
_SLOT = re.compile(r"\{(\w+)\}")


@pytest.fixture(scope="module")
def cases_by_lang() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    for c in generate(seed=0):
        out.setdefault(c.lang, []).append(c)
    return out


@pytest.mark.parametrize("lang", template_packs.LANGUAGES)
def test_filler_tables_are_complete_and_uniform(lang: str) -> None:
    fillers = PACKS[lang].FILLERS
    assert set(fillers) == set(template_packs.TABLES)
    for name, rows in fillers.items():
        assert len(rows) >= MIN_ROWS.get(name, 6), (name, len(rows))
        keys = set(rows[0])
        assert keys >= REQUIRED_KEYS[name], (name, keys)
        assert all(set(row) == keys for row in rows), name
        assert all(v.strip() == v and v for row in rows for v in row.values()), name


@pytest.mark.parametrize("lang", template_packs.LANGUAGES)
def test_templates_follow_english_index_for_index(lang: str) -> None:
    english = Counter(t.functionality for t in TEMPLATES if t.lang == "en")
    pack = PACKS[lang].TEMPLATES
    assert set(pack) == set(FUNCTIONALITIES) - {"everyday"}
    for func, patterns in pack.items():
        assert len(patterns) == english[func], (func, len(patterns), english[func])
        assert len(set(patterns)) == len(patterns), func


@pytest.mark.parametrize("lang", template_packs.LANGUAGES)
def test_every_slot_has_a_filler(lang: str) -> None:
    keys = {k for rows in PACKS[lang].FILLERS.values() for k in rows[0]}
    for func, patterns in PACKS[lang].TEMPLATES.items():
        for p in patterns:
            assert set(_SLOT.findall(p)) <= keys, (func, p)


@pytest.mark.parametrize("lang", template_packs.LANGUAGES)
def test_pack_cases_are_in_their_language(lang: str, cases_by_lang: dict[str, list[Case]]) -> None:
    ident = LanguageIdentifier(["en", "fr", "es", "de", "it", "pt", "nl"])
    texts = [c.text for c in cases_by_lang[lang] if c.functionality != "obfuscation"]
    assert len(texts) >= 1000
    detected = Counter(ident.detect_batch(texts))
    assert detected[lang] / len(texts) >= 0.9, detected.most_common(4)


@pytest.mark.parametrize("lang", template_packs.LANGUAGES)
def test_every_functionality_is_held_out_in_the_pack(lang: str, cases_by_lang: dict[str, list[Case]]) -> None:
    held = {c.functionality for c in cases_by_lang[lang] if c.split == "test"}
    assert held >= set(FUNCTIONALITIES) - {"everyday"}


@pytest.mark.parametrize("lang", template_packs.LANGUAGES)
def test_loaded_words_occur_and_steer_the_obfuscator(lang: str) -> None:
    pack = PACKS[lang]
    assert len(pack.LOADED) >= 10
    violent = ("threat", "incite")
    violating = " ".join(p for f, ps in pack.TEMPLATES.items() if f.startswith(violent) for p in ps)
    found = [stem for stem in pack.LOADED if stem.lower() in violating.lower()]
    assert len(found) >= len(pack.LOADED) // 2, found
    # A sentence with one loaded word and several plain ones: the loaded word is disguised far more often.
    stem = found[0]
    word = next(w for w in violating.split() if stem.lower() in w.lower() and len(w) >= 4).strip(",.!?;:")
    text = f"{word} aaaa bbbb cccc dddd eeee"
    rng = random.Random(0)
    hits = sum(obfuscate(text, rng, lang).split()[0] != word for _ in range(200))
    assert hits > 120
