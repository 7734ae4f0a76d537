"""Two derogations read in five languages (lexicon v21), and the negations that undo them.

Probed with sentences written for these tests: a question denying a protected group the capacity to think
("Can black people even think?", "Können Schwarze überhaupt denken?") was allowed in all five languages, and
"Le donne dovrebbero stare in cucina." in Italian (its French, German and Spanish twins were read by the heads
only). Negated negative attributes the lists lacked ("Einwanderer sind keine Kriminellen", "Los gays no son
enfermos", "I disabili non sono un peso per la società") were restricted as hate.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, assert_no_category, fired, score


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Can black people even think?", "en", "en.hate.denied_capacity_question"),
        ("Do Muslims even have feelings?", "en", "en.hate.denied_capacity_question"),
        ("Est-ce que les Noirs sont capables de réfléchir ?", "fr", "fr.hate.capacite_niee_question"),
        ("Les musulmans ont-ils seulement une âme ?", "fr", "fr.hate.capacite_niee_question"),
        ("Können Schwarze überhaupt denken?", "de", "de.hate.denken_abgesprochen_frage"),
        ("Haben Juden überhaupt Gefühle?", "de", "de.hate.denken_abgesprochen_frage"),
        ("¿Los negros son capaces de pensar?", "es", "es.hate.capacidad_negada_pregunta"),
        ("I neri sono capaci di pensare?", "it", "it.hate.capacita_negata_domanda"),
        ("Women belong in the kitchen.", "en", "en.hate.womans_place_kitchen"),
        ("A woman's place is in the kitchen.", "en", "en.hate.womans_place_kitchen"),
        ("Les femmes devraient rester à la cuisine.", "fr", "fr.hate.place_femme_cuisine"),
        ("Frauen gehören in die Küche.", "de", "de.hate.frau_in_die_kuche"),
        ("Frauen zurück an den Herd!", "de", "de.hate.frau_in_die_kuche"),
        ("Las mujeres deberían quedarse en la cocina.", "es", "es.hate.mujer_en_la_cocina"),
        ("Le donne dovrebbero stare in cucina.", "it", "it.hate.donna_in_cucina"),
    ],
)
def test_the_derogation_is_read_as_hate(scan: Scan, text: str, language: str, rule: str) -> None:
    assert score(fired(scan, text, language, rule), "hate") >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A question that asks something, and the answer to the derogation.
        ("Can Jews read Hebrew?", "en"),
        ("Can women think about anything else?", "en"),
        ("Of course Black people can think.", "en"),
        ("Les juifs peuvent-ils lire l'hébreu ?", "fr"),
        ("Bien sûr que les Noirs savent réfléchir.", "fr"),
        ("Können Juden Hebräisch lesen?", "de"),
        ("¿Los judíos saben leer hebreo?", "es"),
        ("Gli ebrei sanno leggere l'ebraico?", "it"),
        # Someone who is in a kitchen.
        ("My wife is in the kitchen making dinner.", "en"),
        ("The woman is in the kitchen, she'll call you back.", "en"),
        ("Ma femme est à la cuisine, elle prépare le dîner.", "fr"),
        ("Meine Frau ist in der Küche und kocht.", "de"),
        ("Mi mujer está en la cocina preparando la cena.", "es"),
        ("La donna è in cucina, arrivo subito.", "it"),
    ],
)
def test_questions_and_kitchens_that_are_nothing(scan: Scan, text: str, language: str) -> None:
    assert_no_category(scan(text, language))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Women don't belong in the kitchen.", "en"),
        ("Les femmes ne doivent pas rester à la cuisine.", "fr"),
        ("Frauen gehören nicht in die Küche.", "de"),
        ("Las mujeres no deben quedarse en la cocina.", "es"),
        ("Le donne non devono stare in cucina.", "it"),
        # Negated negative attributes the v20 lists lacked.
        ("Einwanderer sind keine Kriminellen.", "de"),
        ("Behinderte Menschen sind keine Last für die Gesellschaft.", "de"),
        ("Les handicapés ne sont pas un fardeau pour la société.", "fr"),
        ("Los gays no son enfermos.", "es"),
        ("Las personas trans no son enfermos mentales.", "es"),
        ("I disabili non sono un peso per la società.", "it"),
        ("Le donne non sono meno intelligenti degli uomini.", "it"),
    ],
)
def test_the_negated_stereotype_is_counter_speech(scan: Scan, text: str, language: str) -> None:
    signal = scan(text, language)
    assert score(signal, "counter_speech") >= 0.5
    assert score(signal, "hate") < 0.5, signal.extras["rule_hits"]


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        (
            "Dire que les femmes doivent rester à la cuisine, c'est du sexisme.",
            "fr",
            "fr.counter.prejuge_nomme",
        ),
        ("The idea that women belong in the kitchen is sexist.", "en", "en.counter.claim_named_prejudice"),
    ],
)
def test_a_claim_named_as_a_prejudice_is_counter_speech(
    scan: Scan, text: str, language: str, rule: str
) -> None:
    assert score(fired(scan, text, language, rule), "counter_speech") >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Dismissing a claim of equality is not naming a prejudice: only words of prejudice qualify.
        ("Dire que les immigrés sont nos égaux, c'est scandaleux.", "fr"),
        ("The idea that immigrants are our equals is absurd.", "en"),
        # The frame turned on a majority.
        ("Dire que les Blancs sont tous riches, c'est du racisme anti-blanc.", "fr"),
        ("The idea that all men are rapists is sexist against men.", "en"),
    ],
)
def test_dismissals_and_reversed_frames_are_not_counter_speech(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "counter_speech") == 0.0
