"""Attributes ascribed to a group in a question or across a sentence, and the groups German, Spanish and
Italian did not know (lexicon v14).

Written for these tests, in five languages: "Why are women always so hysterical?" was allowed in French,
Spanish, Italian and German; "I met an Arab yesterday. They're all criminals." in English, Spanish, Italian
and German; "Frauen sind einfach zu dumm für Führungspositionen." in German. The German, Spanish and Italian
lexicons had no Arabs, Asians, Turks, Christians or Hindus among their groups, so no rule found a target in
"Araber sind doch alle Kriminelle". The first sentence of a reference may not name the group as a victim:
"Muslims were attacked by thugs. They are animals." speaks of the thugs.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, score


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Pourquoi les femmes sont-elles toujours aussi hystériques ?", "fr", "fr.hate.question_attribut"),
        ("¿Por qué las mujeres son siempre tan histéricas?", "es", "es.hate.pregunta_atributo"),
        ("Perché le donne sono sempre così isteriche?", "it", "it.hate.domanda_attributo"),
        ("Warum sind Frauen immer so hysterisch?", "de", "de.hate.frage_zuschreibung"),
        ("I met an Arab yesterday. They're all criminals.", "en", "en.hate.attribute_by_reference"),
        ("Ayer conocí a un árabe. Todos son unos delincuentes.", "es", "es.hate.referencia_atributo"),
        (
            "Ieri ho conosciuto dei cinesi al mercato. Sono tutti ladri.",
            "it",
            "it.hate.riferimento_attributo",
        ),
        (
            "Ich hab gestern einen Araber getroffen. Die sind doch alle Kriminelle.",
            "de",
            "de.hate.verweis_zuschreibung",
        ),
        ("Frauen sind einfach zu dumm für Führungspositionen.", "de", "de.hate.negative_zuschreibung"),
        ("Türken sind doch alle Kriminelle.", "de", "de.hate.negative_zuschreibung"),
    ],
)
def test_an_attribute_in_a_question_or_by_reference_is_hate(
    scan: Scan, text: str, language: str, rule: str
) -> None:
    signal = scan(text, language)
    assert rule in signal.extras["rule_hits"], signal.extras
    assert score(signal, "hate") >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Muslims were attacked by thugs last night. They are animals.", "en"),
        ("I met an Arab yesterday. They were so kind to us.", "en"),
        ("Flüchtlinge wurden gestern von Neonazis angegriffen. Die sind Tiere.", "de"),
        ("Los refugiados fueron atacados por unos ultras. Todos son unos salvajes.", "es"),
        ("Why are women always so underpaid?", "en"),
        ("Warum sind Frauen immer noch schlechter bezahlt?", "de"),
    ],
)
def test_no_attribute_rule_reads_victims_or_sympathy_as_the_target(
    scan: Scan, text: str, language: str
) -> None:
    hits = scan(text, language).extras["rule_hits"]
    assert not any(
        r.endswith(
            ("attribute_by_reference", "verweis_zuschreibung", "referencia_atributo", "frage_zuschreibung")
        )
        for r in hits
    ), hits


@pytest.mark.parametrize(
    ("text", "language", "group"),
    [
        ("Die Araber in unserer Straße", "de", "arabs"),
        ("Die Türken in unserer Straße", "de", "turks"),
        ("Die Asiaten in unserer Straße", "de", "asians"),
        ("Los marroquíes de mi barrio", "es", "arabs"),
        ("I cinesi del mio quartiere", "it", "asians"),
        ("Gli arabi del mio quartiere", "it", "arabs"),
    ],
)
def test_new_groups_are_targets(scan: Scan, text: str, language: str, group: str) -> None:
    targets = scan(text, language).targets
    assert any(t.kind == "group" and t.name == group for t in targets), targets


@pytest.mark.parametrize(
    ("text", "language", "label", "rule"),
    [
        ("Gli ebrei sono disgustosi e bugiardi.", "it", "hate", "it.hate.attributo_del_gruppo"),
        ("Accoltellerò ogni zingaro che incontro.", "it", "violent_threat", "it.threat.uccido_il_sindaco"),
    ],
)
def test_italian_attributes_and_determiners_found_missing(
    scan: Scan, text: str, language: str, label: str, rule: str
) -> None:
    signal = scan(text, language)
    assert rule in signal.extras["rule_hits"], signal.extras
    cs = signal.scores.get(label)
    assert cs is not None and cs.score >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Es falso decir que los inmigrantes son delincuentes.", "es"),
        ("È falso dire che gli immigrati sono delinquenti.", "it"),
    ],
)
def test_saying_an_attribute_is_false_denies_it(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "hate") < 0.25
