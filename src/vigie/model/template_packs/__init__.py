"""Functional templates in languages beyond French and English, one module per language.

Why: vigie is measured on functional tests in Spanish, German and Italian too, and the heads
learn a functionality's *wordings* (the held-out measurements in ``MODEL_CARD.md``): a head
that has only seen English and French counter-speech, negation or calls to arms transfers
to other languages only as far as the multilingual encoder carries it. Each pack follows
the English templates of :mod:`vigie.model.templates` index for index (template ``i`` of a
functionality is an adaptation of English template ``i``, written idiomatically, not word
for word), so the held-out split, which is by template index, holds out the same wordings
in every language and no held-out wording is learnt through another language.

Contract of a pack module (``vigie.model.template_packs.<lang>``; checked by
``tests/model/test_template_packs.py``):

- ``FILLERS``: the filler tables by name — ``groups`` (keys ``G``, ``Ga``, ``Gs``, ``Gb`` and
  any extra grammatical forms the language needs, the same keys in every row), ``slurs``
  (``S``), ``slurs_sg`` (``Ss``), ``nonprotected`` (``NP``), ``people`` (``P``, ``O``, ``J``),
  ``logistics`` (``L``, ``D``, ``W``), ``things`` (``F``, ``X``, ``Y``). The last third of each
  table is held out, as in English and French.
- ``TEMPLATES``: functionality → patterns, for every functionality of
  :data:`vigie.model.templates.FUNCTIONALITIES` but ``everyday``, with as many patterns as
  English has, in the same order.
- ``LOADED``: word stems the obfuscator prefers to disguise (kill, bullet, vermin …).
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["LANGUAGES", "TABLES", "load"]

LANGUAGES: tuple[str, ...] = ("es", "de", "it")
TABLES: tuple[str, ...] = ("groups", "slurs", "slurs_sg", "nonprotected", "people", "logistics", "things")


def load() -> dict[str, ModuleType]:
    """Every pack of :data:`LANGUAGES`, by language code."""
    return {lang: importlib.import_module(f"{__name__}.{lang}") for lang in LANGUAGES}
