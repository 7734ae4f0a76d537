"""Threats, incitement and reporting in the lexicon's Spanish data (``es/amenazas.yaml`` on top of the core
``es/lexicon.yaml``): threats to the reader and to officials, judges, journalists and groups, conditional
threats, wishes of death, calls to arms with a date or a place are scored by a Spanish rule; idioms, negated
threats, news reports and benign look-alikes are not.

Sentences are written for these tests (Spain and Latin America) and differ from the data's strings."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.types import Signal

Scan = Callable[[str, str], Signal]
"""The ``scan`` fixture (tests/detectors/conftest.py): the shipped lexicon on one text."""

PREFIX = {"violent_threat": "es.threat.", "incitement": "es.incite."}


def score(signal: Signal, label: str) -> float:
    return signal.scores[label].score


THREATS = [
    # to the reader
    ("Te voy a partir las piernas, payaso.", "violent_threat"),
    ("Si te vuelvo a ver por el barrio te meto un navajazo.", "violent_threat"),
    ("Como vuelvas a publicar mi foto, te rajo.", "violent_threat"),
    ("Os vamos a dar matarile a todos.", "violent_threat"),
    ("Te espera una bala, chivato.", "violent_threat"),
    ("No vais a ver otro verano, ratas.", "violent_threat"),
    ("@martagarcia tus días están contados", "violent_threat"),
    ("Vamos a por ti, chivato.", "violent_threat"),
    ("Ya sé dónde estudian tus hijas.", "violent_threat"),
    ("Tened mucho cuidado por la calle, rojos de mierda.", "violent_threat"),
    ("Ojalá te atropelle un tren, desgraciado.", "violent_threat"),
    ("¡Que os maten a todos!", "violent_threat"),
    # to officials, judges, journalists
    ("Voy a matar al alcalde en cuanto salga del pleno.", "violent_threat"),
    ("Mataremos a la fiscal antes de que acabe el mes.", "violent_threat"),
    ("Esa periodista se va a llevar un tiro por lo que escribe.", "violent_threat"),
    ("El juez Ramírez no llegará vivo al juicio.", "violent_threat"),
    ("Alguien tendría que volarle la cabeza a ese concejal.", "violent_threat"),
    ("Que alguien le pegue un tiro a la ministra de una vez.", "violent_threat"),
    ("Los jueces corruptos merecen la horca.", "violent_threat"),
    ("La diputada va a aparecer en una cuneta.", "violent_threat"),
    # to groups, normative
    ("A los inmigrantes habría que fusilarlos a todos.", "incitement"),
    ("Hay que cazarlos uno a uno, empezando por los menas.", "incitement"),
    ("Muerte a los periodistas vendidos.", "incitement"),
    ("Colgad a los traidores de las farolas.", "incitement"),
    ("Que no quede ni uno vivo en ese barrio.", "incitement"),
    # calls to arms, with a date or a place
    ("El sábado a las 10 asaltamos el Congreso.", "incitement"),
    ("Traed bates y barras de hierro a la manifestación del jueves.", "incitement"),
    ("Formemos patrullas armadas en cada barrio.", "incitement"),
    ("Ha llegado la hora de coger las armas, compatriotas.", "incitement"),
    ("Quememos la mezquita esta noche.", "incitement"),
    # a beating deserved: said to the reader, or of a named person
    ("Te mereces una buena paliza, chivato.", "violent_threat"),
    ("Ese juez merece una paliza.", "violent_threat"),
    ("La mataré si vuelve a llamar.", "violent_threat"),
    ("Voy a matar a ese concejal.", "violent_threat"),
]


@pytest.mark.parametrize(("text", "label"), THREATS)
def test_spanish_threats_and_incitement_are_scored_by_a_spanish_rule(
    scan: Scan, text: str, label: str
) -> None:
    signal = scan(text, "es")
    assert score(signal, label) >= 0.5, signal.extras
    assert any(r.startswith(PREFIX[label]) for r in signal.extras["rule_hits"]), signal.extras["rule_hits"]


BENIGN = [
    # "hay que matar" with a thing as object
    "Hay que matar la bacteria con agua bien caliente.",
    # idioms
    "Me muero de risa con tus audios.",
    "Mi sobrina me mata de risa.",
    "Estamos matando el tiempo en la estación.",
    "Esta noche te voy a matar en el FIFA 😂",
    "Estos churros están de muerte.",
    "Así maté dos pájaros de un tiro.",
    "Mataría por un café ahora mismo.",
    "Mi madre me va a matar cuando vea el coche.",
    "Te voy a matar a besos cuando vuelvas.",
    "Hay una avispa en la cocina, voy a matarla.",
    "Espero que te mueras de envidia con las fotos del viaje.",
    "Armaos de paciencia, que la cola es larga.",
    # negated threats
    "Nunca te haría daño, lo sabes.",
    "No te voy a matar, tranquila, era una broma.",
    "Ojalá no se muera nunca mi abuela.",
    # news and court reports
    "La policía detuvo a un joven que amenazó con matar a la alcaldesa.",
    "El acusado fue condenado a dos años por amenazar de muerte a una periodista.",
    "Lorca fue fusilado en agosto de 1936.",
    # a past killing told as news: folding reads «mató» as «mato»
    "Su pareja la mató el sábado delante de sus hijos.",
    "El hombre que la mató ha sido detenido en Sevilla.",
    # a bare infinitive with no one to do it to
    "Voy a aprender a disparar con arco este verano.",
    "Quiero aprender a disparar en el club de tiro.",
    # a beating in sport is a heavy defeat
    "El Madrid merece una paliza hoy después de cómo jugó.",
    "Ese equipo se merece una paliza en la final.",
    "Según la policía, el detenido escribió «te voy a matar» en un foro.",
    # benign look-alikes
    "Ten cuidado por la calle, que hay hielo.",
    "Vamos a por ti a la estación a las seis.",
    "¡A por ellos, vamos España!",
    "El delantero fusiló al portero en el último minuto.",
    "Ya sé dónde vives, te paso a buscar a las ocho.",
    "Tu móvil va a morir si no lo cargas.",
    "Hay que tomar las calles el 8M.",
    "Voy a romper con mi novio.",
    "Voy a pegar un cartel en la puerta del portal.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_idioms_negations_reports_and_look_alikes_are_not_threats(scan: Scan, text: str) -> None:
    signal = scan(text, "es")
    assert score(signal, "violent_threat") < 0.5, signal.extras
    assert score(signal, "incitement") < 0.5, signal.extras


@pytest.mark.parametrize(
    "text",
    [
        "Según fuentes policiales, el detenido habría amenazado al juez en varios mensajes.",
        "La Fiscalía le acusa de un delito de amenazas contra la alcaldesa.",
        "El hombre fue condenado por amenazas y queda en libertad provisional.",
    ],
)
def test_news_and_court_framing_is_reporting(scan: Scan, text: str) -> None:
    signal = scan(text, "es")
    assert score(signal, "reporting") >= 0.4
    assert any(r.startswith("es.report.") for r in signal.extras["rule_hits"])
    assert score(signal, "violent_threat") < 0.5


def test_a_harm_predicate_needs_a_target_in_its_sentence_or_the_one_before(scan: Scan) -> None:
    alone = scan("Ya lo verás: será fusilado.", "es")
    assert score(alone, "violent_threat") == 0.0
    assert "es.threat.sera_fusilado" in alone.extras["untargeted"]
    named = scan("El alcalde ha traicionado a todo el pueblo. Será fusilado.", "es")
    assert score(named, "violent_threat") >= 0.5
    assert "es.threat.sera_fusilado" in named.extras["rule_hits"]


def test_a_negated_threat_is_dampened_not_dropped(scan: Scan) -> None:
    plain = scan("Te voy a fusilar.", "es")
    negated = scan("Jamás te voy a fusilar.", "es")
    assert score(plain, "violent_threat") >= 0.8
    assert 0.0 < score(negated, "violent_threat") < 0.3
    assert [n["rule"] for n in negated.extras["negated"]] == ["es.threat.matarte"]


def test_game_trash_talk_names_the_idiom_that_suppressed_the_threat(scan: Scan) -> None:
    signal = scan("Mañana te reviento en el Fortnite", "es")
    assert score(signal, "violent_threat") == 0.0
    assert {s["idiom"] for s in signal.extras["suppressed"]} == {"es.idiom.en_el_juego"}
    # the same words about a real place are a threat
    assert score(scan("Mañana te reviento en el portal de tu casa", "es"), "violent_threat") >= 0.5


def test_a_call_to_storm_an_institution_with_a_date_is_planned(scan: Scan) -> None:
    signal = scan("Asaltemos el ayuntamiento el 12 de octubre.", "es")
    assert score(signal, "incitement") >= 0.9
    assert signal.extras["planned"] is True
    assert score(signal, "imminence") >= 0.6
    assert {t.kind for t in scan("Hay que volarle la cabeza al juez.", "es").targets} == {"judge"}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Los diputados van a pagar con sangre lo que han votado.", "official"),
        ("Los jueces y los fiscales serán ejecutados.", "judge"),
    ],
)
def test_plural_role_nouns_are_targets(scan: Scan, text: str, role: str) -> None:
    signal = scan(text, "es")
    assert role in {t.kind for t in signal.targets}
