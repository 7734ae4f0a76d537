"""Stance towards protected groups in the lexicon's Spanish data (``es/stance.yaml``), and the audit of the
Spanish counter-speech and reporting cues (``es/lexicon.yaml``, ``es/counter_speech.yaml``,
``es/negation.yaml``, ``es/amenazas.yaml``).

Why these matter: the default policy allows any post whose ``counter_speech`` or ``reporting`` score reaches
0.5 (rule ``context.cap``), whatever its hate score. A cue that fires on an attack in a counter-speech frame
("no es racista decir que...", "decir que los inmigrantes son buenos es mentira", "ahora es delito de odio")
launders the attack; a positive statement about a group that fires on sarcasm ("adoro a los moros... en
hornos") does the same. Negated positive statements about a group ("los gitanos no son de fiar") are hate
that the negation damping would otherwise cancel. The sentences are written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.types import Signal

Scan = Callable[[str, str], Signal]
"""The ``scan`` fixture (tests/detectors/conftest.py): the shipped lexicon on one text."""


def score(signal: Signal, label: str) -> float:
    return signal.scores[label].score


def hits(signal: Signal) -> list[str]:
    return list(signal.extras["rule_hits"])


# --- audit: counter-speech frames -------------------------------------------------------------------------

FRAMES = [
    # (rule, counter-speech in the frame, an attack on a group in the same frame)
    (
        "es.counter.condeno",
        "Condenamos el cobarde atentado contra la mezquita.",
        "Rechazamos a los menas, son terroristas.",
    ),
    ("es.counter.condeno", "Rechazamos toda forma de racismo.", "Condeno el islam, religión de terroristas."),
    (
        "es.counter.condeno",
        "Condeno el asesinato de una mujer en Sevilla.",
        "Rechazamos el terrorismo y a todos los musulmanes.",
    ),
    (
        "es.counter.condeno",
        "Eso es inaceptable y vergonzoso.",
        "Esto es inaceptable: los moros invadiendo nuestros barrios.",
    ),
    (
        "es.counter.condeno",
        "Esto es inaceptable.",
        "Esto es inaceptable, cada día hay más moros en el barrio.",
    ),
    ("es.counter.condeno", "Esto es racismo.", "¿Esto es racismo? Pues soy racista."),
    ("es.counter.condeno", "Esto es homofobia.", "Esto es racismo contra los españoles, los moros fuera."),
    (
        "es.counter.llama_intolerante",
        "Sois unos racistas y lo sabéis.",
        "Decir que los moros son ladrones no es racista, es la realidad.",
    ),
    (
        "es.counter.llama_intolerante",
        "Abascal es un racista.",
        "Dirán que es racista, pero los menas son delincuentes.",
    ),
    (
        "es.counter.llama_intolerante",
        "Eres un homófobo.",
        "Eres un racista por decir la verdad: los inmigrantes son delincuentes.",
    ),
    ("es.counter.llama_intolerante", "Eso que has escrito te hace un racista.", "Todo moro es un machista."),
    (
        "es.counter.denuncia",
        "Luchemos contra el odio en las redes.",
        "Basta de odio hacia España. Fuera moros.",
    ),
    (
        "es.counter.denuncia",
        "Hay que combatir el racismo en las aulas.",
        "¿Combatir el racismo? Lo que hay que combatir es la invasión.",
    ),
    (
        "es.counter.denuncia",
        "Basta de homofobia en los vestuarios.",
        "Luchemos contra el racismo antiblanco que traen.",
    ),
    (
        "es.counter.no_se_dice",
        "No puedes llamar ratas a los inmigrantes.",
        "No puedes decir que los moros son delincuentes sin que te llamen facha.",
    ),
    (
        "es.counter.no_se_dice",
        "No está bien decir esas cosas.",
        "Ya no se puede decir que los gitanos roban.",
    ),
    ("es.counter.no_se_dice", "Lo que dices es racista.", "¿Esto es racista? Los gitanos roban, punto."),
    (
        "es.counter.no_se_dice",
        "Esto es discurso de odio.",
        "Esto es racista según la izquierda: los menas son delincuentes.",
    ),
    (
        "es.counter.no_se_dice",
        "Nadie merece ser llamado sudaca.",
        "Nadie debería ser llamado racista por decir que los moros son un peligro.",
    ),
    (
        "es.counter.no_se_dice",
        "Usaste esa palabra para humillarla.",
        "Dijo la palabra: invasión. Y tiene razón.",
    ),
    (
        "es.counter.nombra_para_oponerse",
        "Decir que los inmigrantes son delincuentes es falso.",
        "Decir que los inmigrantes son buenos es mentira.",
    ),
    (
        "es.counter.nombra_para_oponerse",
        "Llamar ratas a los gitanos es repugnante.",
        "Llamar refugiados a los menas es mentira.",
    ),
    (
        "es.counter.nombra_para_oponerse",
        "Decir que los gays no son normales es homofobia.",
        "Decir que los gitanos roban es racista, pero es la verdad.",
    ),
    (
        "es.counter.nombra_para_oponerse",
        "Decir que los judíos controlan los bancos es mentira.",
        "¿Decir que los moros son violentos es racista? Pues vale.",
    ),
    (
        "es.counter.violencia_rechazada",
        "Ningún refugiado merece ser golpeado.",
        "Ningún español merece sufrir por culpa de los moros.",
    ),
    (
        "es.counter.violencia_rechazada",
        "No toleraremos ningún ataque contra la mezquita.",
        "No toleraremos más agresiones de los menas.",
    ),
    ("es.counter.odio_negado", "No odio a los musulmanes.", "No odio a los gitanos, me dan asco."),
    (
        "es.counter.atributo_negado",
        "Los gitanos no son peores que nadie.",
        "Los moros no son peores que los gitanos.",
    ),
]


@pytest.mark.parametrize(("rule", "counter_speech", "attack"), FRAMES)
def test_a_counter_speech_frame_aimed_at_a_group_is_not_counter_speech(
    scan: Scan, rule: str, counter_speech: str, attack: str
) -> None:
    opposed, aimed = scan(counter_speech, "es"), scan(attack, "es")
    assert rule in hits(opposed), hits(opposed)
    assert score(opposed, "counter_speech") >= 0.5
    assert rule not in hits(aimed), hits(aimed)
    assert score(aimed, "counter_speech") < 0.5, hits(aimed)


# --- audit: reporting frames ------------------------------------------------------------------------------

REPORTS = [
    # (rule, a news or court report, an attack in the same words)
    (
        "es.report.judicial",
        "Detenido un hombre por un delito de odio contra una pareja gay.",
        "Ahora decir la verdad es delito de odio: los moros son unos delincuentes.",
    ),
    (
        "es.report.judicial",
        "El acusado será juzgado por un jurado popular.",
        "Los gays serán juzgados por Dios.",
    ),
    (
        "es.report.judicial",
        "Condenado a dos años por amenazar a una periodista.",
        "Los inmigrantes deberían ser condenados a trabajos forzados.",
    ),
    (
        "es.report.judicial",
        "El juzgado investiga como delito de odio las pintadas en la sinagoga.",
        "Que me denuncien por delito de odio, los menas son escoria.",
    ),
    (
        "es.report.segun",
        "El alcalde dijo que abrirá un centro de acogida.",
        "Como dijo mi abuelo, los gitanos son todos ladrones.",
    ),
    (
        "es.report.verbo_atribucion",
        "La portavoz ha declarado que no habrá cambios.",
        "Mi padre dice que los moros no trabajan y tiene razón.",
    ),
]


@pytest.mark.parametrize(("rule", "report", "attack"), REPORTS)
def test_a_reporting_frame_endorsing_or_lamenting_is_not_reporting(
    scan: Scan, rule: str, report: str, attack: str
) -> None:
    news, aimed = scan(report, "es"), scan(attack, "es")
    assert rule in hits(news), hits(news)
    assert rule not in hits(aimed), hits(aimed)
    assert score(aimed, "reporting") < 0.5, hits(aimed)


@pytest.mark.parametrize(
    ("declared", "named"),
    [
        ("Odio a los inmigrantes.", "Hay que frenar el odio a los inmigrantes."),
        ("Desprecio a los gitanos.", "El desprecio a los gitanos viene de lejos."),
        ("Yo odio a los musulmanes.", "Detenido por un delito de odio a los musulmanes."),
    ],
)
def test_hatred_as_a_noun_is_not_declared_hatred(scan: Scan, declared: str, named: str) -> None:
    assert "es.hate.odio_al_grupo" in hits(scan(declared, "es"))
    assert "es.hate.odio_al_grupo" not in hits(scan(named, "es"))
    assert score(scan(named, "es"), "hate") < 0.5


# --- stance: hate, negated positive statements ------------------------------------------------------------

NEGATED_POSITIVES = [
    ("es.hate.no_son_de_los_nuestros", "Los gitanos no son de fiar."),
    ("es.hate.no_son_de_los_nuestros", "Los moros nunca serán españoles, por mucho DNI que tengan."),
    ("es.hate.no_son_de_los_nuestros", "Los inmigrantes no son bienvenidos aquí."),
    ("es.hate.no_son_de_los_nuestros", "Las mujeres trans no son mujeres de verdad."),
    ("es.hate.no_son_de_los_nuestros", "Los gays no son normales."),
    ("es.hate.no_son_de_los_nuestros", "Los musulmanes no son iguales a nosotros."),
    ("es.hate.sin_sitio", "Los moros no pintan nada en España."),
    ("es.hate.sin_sitio", "Los judíos no pertenecen a Europa."),
    ("es.hate.sin_sitio", "Los menas no tienen cabida en nuestra sociedad."),
    ("es.hate.sin_sitio", "No hay sitio para los moros en España."),
    ("es.hate.sin_sitio", "España no es país para moros."),
    ("es.hate.sin_sitio", "No queremos refugiados en nuestro barrio."),
    ("es.hate.no_merecen", "Los gays no deberían poder adoptar."),
    ("es.hate.no_merecen", "Los inmigrantes no merecen ningún respeto."),
    ("es.hate.no_me_fio", "Nunca contrataría a un gitano."),
    ("es.hate.no_me_fio", "Yo no le alquilo el piso a un moro ni loco."),
    ("es.hate.no_me_fio", "Jamás me fiaría de un judío."),
    ("es.hate.no_me_fio", "No se puede confiar en los gitanos."),
    ("es.hate.no_me_fio", "Los moros nunca se integrarán."),
]


@pytest.mark.parametrize(("rule", "text"), NEGATED_POSITIVES)
def test_a_negated_positive_statement_about_a_group_is_hate_and_not_damped(
    scan: Scan, rule: str, text: str
) -> None:
    signal = scan(text, "es")
    assert rule in hits(signal), hits(signal)
    assert score(signal, "hate") >= 0.6
    assert rule not in [n["rule"] for n in signal.extras.get("negated", [])]
    assert score(signal, "counter_speech") < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "No hay sitio para aparcar en todo el barrio.",
        "No hay sitio en el autobús, espera al siguiente.",
        "No queremos más mujeres asesinadas.",
        "No queremos ver más gitanos discriminados en los colegios.",
        "Los refugiados no merecen nada de esto.",
        "Los gitanos no son todos iguales, como cualquier pueblo.",
        "Mis padres no son de aquí, llegaron de Perú en los noventa.",
        "No contrato a una mujer de la limpieza, limpio yo.",
        "Nunca contrataría a un profesor de chino sin titulación.",
        "No me casaría con una mujer, soy gay.",
        "No me fío de la mujer del tiempo, siempre falla.",
        "No me fío de los bancos.",
        "Mi hermana no contrató a la empresa de mudanzas al final.",
        "Nunca pensé que mis vecinos gitanos fueran tan majos.",
    ],
)
def test_everyday_negations_near_group_words_are_not_hate(scan: Scan, text: str) -> None:
    signal = scan(text, "es")
    assert not [r for r in hits(signal) if r.startswith("es.hate.")], hits(signal)
    assert score(signal, "hate") < 0.5


# --- stance: counter-speech, positive statements and disavowals -------------------------------------------

POSITIVES = [
    ("es.counter.aprecio_al_grupo", "Quiero a mis vecinos gitanos."),
    ("es.counter.aprecio_al_grupo", "Yo adoro a los inmigrantes de mi barrio"),
    ("es.counter.aprecio_al_grupo", "Respeto a los musulmanes, como a todo el mundo."),
    ("es.counter.aprecio_al_grupo", "Todo mi apoyo a los refugiados."),
    ("es.counter.aprecio_al_grupo", "Solidaridad con los migrantes."),
    ("es.counter.aprecio_al_grupo", "Gracias a los inmigrantes por su trabajo."),
    ("es.counter.aprecio_al_grupo", "Orgullosa de ser gitana."),
    ("es.counter.elogio_del_grupo", "Los refugiados son bienvenidos aquí."),
    ("es.counter.elogio_del_grupo", "Refugiados, bienvenidos a España!"),
    ("es.counter.elogio_del_grupo", "Bienvenidos, refugiados. Aquí tenéis casa"),
    ("es.counter.elogio_del_grupo", "Los inmigrantes enriquecen nuestro país."),
    ("es.counter.elogio_del_grupo", "Los gitanos son buena gente."),
    ("es.counter.elogio_del_grupo", "Creo que los gays son personas como las demás."),
    ("es.counter.elogio_del_grupo", "Los latinos son tan españoles como cualquiera."),
    ("es.counter.nada_contra", "No tengo nada contra los gitanos."),
    ("es.counter.nada_contra", "No todos los musulmanes son terroristas."),
    ("es.counter.mito_negado", "Los inmigrantes no tienen la culpa de la crisis."),
    ("es.counter.mito_negado", "Los inmigrantes no nos quitan el trabajo."),
    ("es.counter.mito_negado", "Los inmigrantes no son más delincuentes que los españoles."),
]


@pytest.mark.parametrize(("rule", "text"), POSITIVES)
def test_a_positive_statement_about_a_group_is_counter_speech(scan: Scan, rule: str, text: str) -> None:
    signal = scan(text, "es")
    assert rule in hits(signal), hits(signal)
    assert score(signal, "counter_speech") >= 0.5
    assert score(signal, "hate") < 0.5


@pytest.mark.parametrize(
    "text",
    [
        # sarcasm: the praise does not end the sentence, or trails off
        "Me encanta cómo los moros están destruyendo Europa.",
        "Adoro a los moros... en hornos.",
        "Quiero a los moros fuera de España.",
        "Bienvenidos los menas... a irse de vuelta.",
        "Los refugiados son bienvenidos... a volver a su país.",
        "Los gitanos son buena gente, cuando duermen.",
        "Los inmigrantes enriquecen nuestro país con violaciones.",
        "Gracias a los inmigrantes ya no se puede salir de noche.",
        "Me encantan los gitanos 🙄 sobre todo cuando roban.",
        "Los gays son personas... enfermas.",
        # a contrast, a question, a report of what others say
        "Quiero a los gitanos, pero lejos.",
        "Los musulmanes son bienvenidos aquí, solo si se van pronto.",
        "¿Los inmigrantes enriquecen nuestro país? Sí, de delincuencia.",
        "¿Todo mi apoyo a los refugiados? Jamás.",
        "Nadie dice que los refugiados son bienvenidos.",
        "Dicen que los musulmanes son gente buena.",
        # the attack in another sentence
        "Todo mi apoyo a los refugiados. Los refugiados son ratas.",
        "Los inmigrantes son bienvenidos. Los inmigrantes son parásitos.",
        "Quiero a mis vecinos gitanos. Los gitanos no son de fiar.",
        # disavowals undone
        "No tengo nada contra los gitanos, pero que se vayan.",
        "No tengo nada contra los moros. Los moros son escoria.",
        "No todos los moros son terroristas, algunos son solo ladrones.",
        "Los inmigrantes no tienen la culpa, la tienen los moros.",
        "¿No tengo nada contra los gitanos? Claro que sí.",
    ],
)
def test_sarcasm_contrast_questions_and_attacks_elsewhere_are_not_counter_speech(
    scan: Scan, text: str
) -> None:
    assert score(scan(text, "es"), "counter_speech") < 0.5, hits(scan(text, "es"))


@pytest.mark.parametrize(
    "text",
    [
        "Los refugiados no son bienvenidos aquí.",
        "Quiero a los gitanos lejos de mi barrio.",
        "Me encantan los tacos que hacen en el bar de la esquina.",
        "Gracias a todos por venir, fue una fiesta preciosa.",
        "Respeto mucho a mi entrenador, es muy buena gente.",
    ],
)
def test_negations_and_everyday_praise_are_not_praise_of_a_group(scan: Scan, text: str) -> None:
    signal = scan(text, "es")
    assert not {"es.counter.aprecio_al_grupo", "es.counter.elogio_del_grupo"} & set(hits(signal)), hits(
        signal
    )
