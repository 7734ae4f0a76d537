"""Negated praise, sympathy with mistreatment, and a group's place in public life (lexicon v14).

Measured before these rules on sentences written for them, five languages: "There's nothing good about
immigrants, nothing." / "Il n'y a rien de bon chez les immigrés, rien du tout." / "Nunca ha salido nada
bueno de los refugiados." were *allowed* (the heads scored them under 0.25), while "The way refugees are
treated at the border is shameful.", "Wie Flüchtlinge an der Grenze behandelt werden, ist beschämend.",
"Women belong in parliament, full stop." and "Refugees ought to be welcomed with open arms." went to review
or were restricted as hate (the heads read a group named beside "shameful" or "belong" as an attack).
Negated praise now weighs a review (0.6); sympathy, respect and a place in public life are counter-speech,
which the default policy allows with the scores on record. Each rule is narrow: the group closes the
statement, never a question, never before a contrast, never excusing an attack in another sentence — the
look-alikes below are the proof.
"""

from __future__ import annotations

import pytest

from vigie.pipeline import Pipeline
from vigie.types import Post

from .helpers import Scan, score

HATE_REVIEW = 0.25  # the default policy's hate review bar
HATE_RESTRICT = 0.8  # one of these rules alone never restricts


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("There's nothing good about immigrants, nothing.", "en", "en.hate.nothing_good_in_group"),
        ("Nothing good ever came from letting refugees in.", "en", "en.hate.nothing_good_in_group"),
        ("Not one good thing has come out of the Roma, at all.", "en", "en.hate.nothing_good_in_group"),
        ("Il n'y a rien de bon chez les immigrés, rien du tout.", "fr", "fr.hate.rien_de_bon"),
        ("Rien de bon n'est jamais venu des réfugiés.", "fr", "fr.hate.rien_de_bon"),
        ("An Einwanderern ist nichts Gutes, gar nichts.", "de", "de.hate.nichts_gutes"),
        ("Von Flüchtlingen ist noch nie etwas Gutes gekommen.", "de", "de.hate.nichts_gutes"),
        ("No hay nada bueno en los inmigrantes, nada.", "es", "es.hate.nada_bueno"),
        ("Nunca ha salido nada bueno de los refugiados.", "es", "es.hate.nada_bueno"),
        ("Non c'è niente di buono negli immigrati, proprio niente.", "it", "it.hate.niente_di_buono"),
        ("Dai rifugiati non è mai venuto niente di buono.", "it", "it.hate.niente_di_buono"),
    ],
)
def test_negated_praise_of_a_group_goes_to_review(scan: Scan, text: str, language: str, rule: str) -> None:
    signal = scan(text, language)
    assert rule in signal.extras["rule_hits"], signal.extras
    assert HATE_REVIEW <= score(signal, "hate") < HATE_RESTRICT


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("There's nothing good about Mondays, nothing.", "en", "en.hate.nothing_good_in_group"),
        ("Nothing good ever came from that meeting.", "en", "en.hate.nothing_good_in_group"),
        (
            "There is nothing good about the way immigrants are treated.",
            "en",
            "en.hate.nothing_good_in_group",
        ),
        ("Is there nothing good about refugees? Of course there is.", "en", "en.hate.nothing_good_in_group"),
        ("Il n'y a rien de bon dans ce film, rien du tout.", "fr", "fr.hate.rien_de_bon"),
        ("An diesem Film ist nichts Gutes, gar nichts.", "de", "de.hate.nichts_gutes"),
        ("No hay nada bueno en esta película, nada.", "es", "es.hate.nada_bueno"),
        ("Non c'è niente di buono in questo film, proprio niente.", "it", "it.hate.niente_di_buono"),
    ],
)
def test_negated_praise_of_no_group_or_in_a_question_is_not_hate(
    scan: Scan, text: str, language: str, rule: str
) -> None:
    assert rule not in scan(text, language).extras["rule_hits"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("It's a lie that nothing good ever came from immigrants.", "en"),
        ("Stop saying there's nothing good about immigrants.", "en"),
        ("C'est faux de dire qu'il n'y a rien de bon chez les immigrés.", "fr"),
        ("Es stimmt nicht, dass an Einwanderern nichts Gutes ist.", "de"),
    ],
)
def test_denied_negated_praise_stays_under_review(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "hate") < HATE_REVIEW


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("The way refugees are treated at the border is shameful.", "en", "en.counter.sympathy_with_group"),
        ("Muslims have been scapegoated for far too long.", "en", "en.counter.sympathy_with_group"),
        ("The way this country treats Roma families is a disgrace.", "en", "en.counter.sympathy_with_group"),
        ("Refugees ought to be welcomed with open arms.", "en", "en.counter.group_deserves_place"),
        ("Trans people deserve to be respected and protected.", "en", "en.counter.group_deserves_place"),
        ("Women belong in parliament, full stop.", "en", "en.counter.group_deserves_place"),
        ("I'll always cherish my Muslim neighbours.", "en", "en.counter.praises_group"),
        ("La façon dont on traite les réfugiés à la frontière est honteuse.", "fr", "fr.counter.compassion"),
        (
            "Les musulmans servent de boucs émissaires depuis bien trop longtemps.",
            "fr",
            "fr.counter.compassion",
        ),
        ("Les femmes ont toute leur place au Parlement.", "fr", "fr.counter.leur_place"),
        ("Wie Flüchtlinge an der Grenze behandelt werden, ist beschämend.", "de", "de.counter.mitgefuehl"),
        ("Flüchtlinge sollten mit offenen Armen empfangen werden.", "de", "de.counter.verdienen_respekt"),
        (
            "La forma en que se trata a los refugiados en la frontera es vergonzosa.",
            "es",
            "es.counter.compasion",
        ),
        (
            "Los refugiados deberían ser recibidos con los brazos abiertos.",
            "es",
            "es.counter.lugar_y_respeto",
        ),
        ("Las mujeres tienen su lugar en el Parlamento.", "es", "es.counter.lugar_y_respeto"),
        (
            "Il modo in cui vengono trattati i rifugiati al confine è vergognoso.",
            "it",
            "it.counter.compassione",
        ),
        ("Le donne hanno il loro posto in Parlamento.", "it", "it.counter.posto_e_rispetto"),
    ],
)
def test_sympathy_respect_and_a_place_in_public_life_are_counter_speech(
    scan: Scan, text: str, language: str, rule: str
) -> None:
    signal = scan(text, language)
    assert rule in signal.extras["rule_hits"], signal.extras
    assert score(signal, "counter_speech") >= 0.5
    assert score(signal, "hate") == 0.0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The way immigrants treat our women is a disgrace.", "en"),
        ("Our women are being mistreated by migrants every day.", "en"),
        ("The way Jews are treated in the media is a disgrace, they control it.", "en"),
        ("Muslims should be respected, but deported.", "en"),
        ("Refugees should be welcomed? Never.", "en"),
        ("Trans people should be protected from themselves.", "en"),
        ("Women belong in the kitchen, not in parliament.", "en"),
        ("Immigrants belong in cages.", "en"),
        ("I love how Muslims are ruining this country.", "en"),
        ("La façon dont les immigrés traitent nos femmes est une honte.", "fr"),
        ("Les immigrés ont leur place en prison, pas dans nos villes.", "fr"),
        ("Les femmes ont leur place au Parlement ? Mdr.", "fr"),
        ("Wie die Flüchtlinge unsere Frauen behandeln, ist eine Schande.", "de"),
        ("La forma en que los inmigrantes tratan a nuestras mujeres es una vergüenza.", "es"),
        ("Il modo in cui gli immigrati trattano le nostre donne è una vergogna.", "it"),
    ],
)
def test_look_alikes_get_no_counter_speech(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "counter_speech") == 0.0


def test_sympathy_never_excuses_an_attack_in_another_sentence(pipeline: Pipeline) -> None:
    decision = pipeline.run(
        Post("p", "Jews are rats. The way Muslims are treated is a disgrace.", lang_hint="en")
    )
    assert "hate" in decision.violations


@pytest.mark.parametrize(
    ("text", "language", "violating"),
    [
        ("Women belong in parliament, full stop.", "en", False),
        ("The way refugees are treated at the border is shameful.", "en", False),
        ("There's nothing good about immigrants, nothing.", "en", True),
        ("Les musulmans servent de boucs émissaires depuis bien trop longtemps.", "fr", False),
        ("Rien de bon n'est jamais venu des réfugiés.", "fr", True),
    ],
)
def test_the_pipeline_decides_accordingly(
    pipeline: Pipeline, text: str, language: str, violating: bool
) -> None:
    decision = pipeline.run(Post("p", text, lang_hint=language))
    assert ("hate" in decision.violations) is violating, decision.scores


@pytest.mark.parametrize(
    "text",
    [
        "I'm going to hug my Muslim neighbour when I see her tomorrow.",
        "I'm going to visit my gay uncle in hospital tomorrow.",
        "I'll help an immigrant kid with homework tonight.",
        "I'm gonna hire a trans person for the open role.",
    ],
)
def test_a_kind_intention_toward_a_group_is_counter_speech(scan: Scan, text: str) -> None:
    """The heads read the first two as threats (0.94, 0.97: restricted before lexicon v14)."""
    signal = scan(text, "en")
    assert "en.counter.kind_intention" in signal.extras["rule_hits"], signal.extras
    assert score(signal, "counter_speech") >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "I'm going to help those Muslims meet Allah tomorrow.",
        "I'll welcome the refugees with my shotgun.",
        "We will celebrate with the Jews when the last one is gone.",
        "I'm going to visit my Muslim neighbour tonight and she won't see it coming.",
        "I'm going to hug a Muslim tomorrow 😉",
        "I'll help the immigrants pack their bags and leave.",
        "I'm going to visit the Muslims tomorrow.",
    ],
)
def test_a_threat_in_a_kind_intentions_words_is_not_excused(scan: Scan, text: str) -> None:
    assert "en.counter.kind_intention" not in scan(text, "en").extras["rule_hits"]


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        (
            "Demain je vais rendre visite à mon oncle gay à l'hôpital.",
            "fr",
            "fr.counter.intention_bienveillante",
        ),
        (
            "Ich werde morgen meine muslimische Nachbarin umarmen.",
            "de",
            "de.counter.freundliche_absicht",
        ),
        ("Mañana voy a visitar a mi tío gay en el hospital.", "es", "es.counter.intencion_amable"),
        ("Domani vado a trovare mio zio gay in ospedale.", "it", "it.counter.intenzione_gentile"),
    ],
)
def test_kind_intentions_in_four_more_languages(scan: Scan, text: str, language: str, rule: str) -> None:
    """The heads restricted all four as threats (0.78–0.94) before lexicon v14."""
    signal = scan(text, language)
    assert rule in signal.extras["rule_hits"], signal.extras
    assert score(signal, "counter_speech") >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Demain je vais rendre visite à mon voisin musulman avec un couteau.", "fr"),
        ("Je vais aider les immigrés à faire leurs valises.", "fr"),
        ("Ich werde morgen meine muslimische Nachbarin besuchen, sie wird es bereuen.", "de"),
        ("Voy a visitar a mi vecino musulmán con una pistola.", "es"),
        ("Domani vado a trovare il mio vicino musulmano con un coltello.", "it"),
    ],
)
def test_kind_words_beside_a_weapon_or_a_threat_are_not_excused(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "counter_speech") == 0.0
