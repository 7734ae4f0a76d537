"""Disavowals and condemnations in ``vigie.lexicon``: negation flips an attack only when it negates a
*negative* predicate, never when a contrast follows, and disgust words are counter-speech only about speech.

Why these matter: the encoder's heads score "I don't hate X" like "I hate X" (USE-m3 barely encodes
negation), so the lexicon's counter-speech cue is what keeps a disavowal out of the review queue; the
same cue on "X do not deserve to live" or on "X are vile" would wave an attack through. The sentences
are written for these tests, in every language the lexicon ships, and differ from the data's strings.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.types import Signal

Scan = Callable[[str, str], Signal]
"""The ``scan`` fixture (tests/detectors/conftest.py): the shipped lexicon on one text."""


def counter(signal: Signal) -> float:
    return signal.scores["counter_speech"].score


DISAVOWALS = [
    ("en", "Honestly, we never hated Jewish people."),
    ("en", "Not a single refugee deserves to be beaten."),
    ("en", "We can't let disabled people be harassed any longer."),
    ("en", "Muslims are not terrorists."),
    ("en", "I never said that immigrants were criminals."),
    ("fr", "Nous ne haïssons pas les juifs."),
    ("fr", "Aucun réfugié ne mérite d'être tabassé ni d'être torturé."),
    ("fr", "Les musulmans ne sont pas des terroristes."),
    ("es", "Ningún refugiado merece ser golpeado."),
    ("es", "Los musulmanes no son terroristas."),
    ("de", "Kein Geflüchteter verdient es, geschlagen zu werden."),
    ("de", "Muslime sind keine Verbrecher."),
    ("it", "Nessun profugo merita di essere picchiato."),
    ("it", "I musulmani non sono terroristi."),
]


@pytest.mark.parametrize(("language", "text"), DISAVOWALS)
def test_a_negated_attack_is_counter_speech(scan: Scan, language: str, text: str) -> None:
    signal = scan(text, language)
    assert counter(signal) >= 0.5
    rules = signal.extras["rule_hits"]
    assert any(r.startswith(f"{language}.counter.") for r in rules), rules


ATTACKS = [
    # negation of a positive predicate is the attack itself
    ("en", "Refugees do not deserve to live here or anywhere."),
    ("en", "Jews are not human beings."),
    ("fr", "Les migrants ne méritent pas de vivre."),
    ("fr", "Les Roms ne sont pas des êtres humains."),
    ("es", "Los judíos no merecen vivir."),
    ("de", "Flüchtlinge verdienen es nicht zu leben."),
    ("it", "Gli zingari non meritano di vivere."),
    # "yes, but": a contrast after the disavowal reopens the attack
    ("en", "I don't hate immigrants, but they should all be sent back."),
    ("en", "Muslims aren't stupid, they're just evil."),
    ("fr", "Je ne déteste pas les Arabes, mais qu'ils rentrent chez eux."),
    ("es", "No odio a los gitanos, pero que se vayan."),
    ("de", "Ich hasse keine Ausländer, aber sie sollen gehen."),
    ("it", "Non odio gli immigrati, ma devono andarsene."),
]


@pytest.mark.parametrize(("language", "text"), ATTACKS)
def test_negated_positives_and_yes_but_are_not_counter_speech(scan: Scan, language: str, text: str) -> None:
    assert counter(scan(text, language)) < 0.5


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Honestly I don't hate Jews. Jews are rats."),
        ("fr", "Je ne déteste pas les Roms. Les Roms sont des parasites."),
        # An attack by reference starts in the disavowal's sentence and reaches into the next (lexicon v21).
        ("en", "I love Muslims. They are disgusting."),
    ],
)
def test_a_disavowal_speaks_for_its_sentence_only(scan: Scan, language: str, text: str) -> None:
    """An attack in another sentence of the post cancels the disavowal: it does not excuse the post."""
    signal = scan(text, language)
    assert counter(signal) < 0.5
    assert signal.extras["disavowal_dropped"]
    first_sentence = text.split(". ")[0] + "."
    assert counter(scan(first_sentence, language)) >= 0.5


@pytest.mark.parametrize(
    ("language", "attack", "condemnation"),
    [
        ("en", "Jews are despicable.", "These replies about Jews are despicable."),
        ("en", "Gay people make me sick.", "Reading what they wrote about gay people made me sick."),
        ("en", "Refugees are vile.", "Those posts about refugees are vile."),
        ("fr", "Les juifs sont ignobles.", "Ces commentaires sur les juifs sont ignobles."),
        ("fr", "Les Roms sont abjects.", "Ces propos sur les Roms sont abjects."),
        ("de", "Juden sind widerlich.", "Diese Kommentare über Juden sind widerlich."),
        ("es", "Los gitanos son vergonzosos.", "Estos comentarios sobre los gitanos son vergonzosos."),
        ("it", "Gli ebrei sono schifosi.", "Questi commenti sugli ebrei sono schifosi."),
    ],
)
def test_disgust_is_counter_speech_only_about_speech(
    scan: Scan, language: str, attack: str, condemnation: str
) -> None:
    assert counter(scan(attack, language)) < 0.5
    assert counter(scan(condemnation, language)) >= 0.5


@pytest.mark.parametrize(
    ("text", "group"),
    [("No Muslim deserves that.", "muslims"), ("All Jews were welcome.", "jews")],
)
def test_a_capitalised_group_word_is_a_group_not_a_person(scan: Scan, text: str, group: str) -> None:
    targets = scan(text, "en").targets
    assert [t.name for t in targets if t.kind == "group"] == [group]
    assert not [t for t in targets if t.kind == "person"]


STANCES = [
    # (language, condemnation of hatred: counter-speech, the same verb aimed at a group: not counter-speech)
    ("en", "We strongly condemn the attack on the synagogue.", "We reject Islam."),
    ("en", "I denounce these hateful comments.", "I denounce the Jews, they control the banks."),
    ("en", "I oppose racism in every form.", "We oppose the Muslim invasion."),
    ("fr", "Nous condamnons l'attentat contre la mosquée.", "Nous rejetons les migrants."),
    ("fr", "Je rejette toute forme de haine.", "Je dénonce les juifs."),
    ("es", "Condenamos firmemente el atentado.", "Rechazamos a los inmigrantes."),
    ("de", "Ich verurteile diesen Angriff aufs Schärfste.", "Wir verurteilen die Juden."),
    ("it", "Condanno ogni forma di razzismo.", "Rifiutiamo gli immigrati."),
]


@pytest.mark.parametrize(("language", "condemnation", "rejection"), STANCES)
def test_condemning_is_counter_speech_only_with_a_condemnable_object(
    scan: Scan, language: str, condemnation: str, rejection: str
) -> None:
    """A "we reject X" is counter-speech when X is hatred or its acts, and the attack itself when X is a
    group: read as counter-speech, it would let the policy's context cap allow the post."""
    assert counter(scan(condemnation, language)) >= 0.5
    assert counter(scan(rejection, language)) == 0.0


@pytest.mark.parametrize(
    ("language", "solidarity", "undone"),
    [
        ("en", "We stand with our refugee neighbours.", "We stand with refugees. Refugees are vermin."),
        ("en", "Love wins.", "Love wins, but not for faggots."),
        ("en", "Solidarity with the Roma families.", "Solidarity with the Roma? Never."),
        ("fr", "Tout mon soutien aux migrants.", "Soutien aux migrants. Les migrants sont des parasites."),
        ("fr", "Solidarité avec les migrants.", "Solidarité avec les migrants ? Plutôt crever."),
    ],
)
def test_solidarity_speaks_for_its_sentence_and_not_as_a_question(
    scan: Scan, language: str, solidarity: str, undone: str
) -> None:
    assert counter(scan(solidarity, language)) >= 0.5
    assert counter(scan(undone, language)) < 0.5


FRAMES = [
    # (counter-speech in a frame, an attack on a group in the same frame)
    ("Stop calling Muslims terrorists.", "Stop calling them refugees, they are invaders."),
    ("How dare you say that about Jews.", "How dare they bring their filthy religion here."),
    ("Racism against Jews has no place here.", "Jews have no place in this country."),
    ("I have no respect for people who bully refugees.", "I have no respect for Muslims."),
    ("That post will get you banned.", "Muslims will get reported to ICE."),
    ("Reading these comments about Jews makes me sick.", "Reading about immigrants makes me sick."),
    ("People who post this should be ashamed.", "Gays should be ashamed."),
    ("Stop spreading hate about immigrants.", "Stop spreading the lie that immigrants are good for us."),
]


@pytest.mark.parametrize(("counter_speech", "attack"), FRAMES)
def test_a_counter_speech_frame_aimed_at_a_group_is_not_counter_speech(
    scan: Scan, counter_speech: str, attack: str
) -> None:
    """The frames of counter-speech ("how dare", "has no place", "makes me sick") are the frames of
    attacks too; they oppose speech only when what they are aimed at is speech or hatred."""
    assert counter(scan(counter_speech, "en")) >= 0.5
    assert counter(scan(attack, "en")) == 0.0


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Anyone who says Jews are animals is a racist."),
        ("en", "People who say Muslims are terrorists are bigots."),
        ("fr", "Ceux qui pensent que les Roms sont des voleurs sont racistes."),
        ("it", "Chi dice che i rom sono ladri è un razzista."),
    ],
)
def test_calling_whoever_makes_the_claim_a_bigot_is_counter_speech(
    scan: Scan, language: str, text: str
) -> None:
    assert counter(scan(text, language)) >= 0.5


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Anyone who says Jews are animals is not a racist."),
        ("it", "Chi dice che gli immigrati sono una risorsa è un comunista."),
    ],
)
def test_calling_the_claimant_anything_else_is_not(scan: Scan, language: str, text: str) -> None:
    assert counter(scan(text, language)) < 0.5


WEARY = [
    # (language, rule, weariness of hateful words: counter-speech, weariness of the group itself: the attack)
    (
        "en",
        "en.counter.tired_of_seeing",
        "I'm tired of seeing slurs aimed at Muslims",
        "I'm tired of seeing Muslims everywhere I go.",
    ),
    (
        "en",
        "en.counter.tired_of_seeing",
        "I'm sick of seeing people call Jews vermin",
        "I'm sick of seeing people defend Jews.",
    ),
    (
        "en",
        "en.counter.tired_of_seeing",
        "So fed up with the racist abuse thrown at black players.",
        "So fed up with the antisemitism from Muslims in this city.",
    ),
    (
        "fr",
        "fr.counter.marre_de_voir",
        "J'en ai marre de voir des insultes contre les musulmans",
        "J'en ai marre de voir des musulmans partout.",
    ),
    (
        "fr",
        "fr.counter.marre_de_voir",
        "Ras le bol de lire des commentaires racistes sur les Roms.",
        "Ras le bol de lire des commentaires sur les Roms, qu'ils partent.",
    ),
    (
        "es",
        "es.counter.harto_de_ver",
        "Estoy harto de ver insultos contra los musulmanes",
        "Estoy harto de ver musulmanes por todas partes.",
    ),
    (
        "es",
        "es.counter.harto_de_ver",
        "Estoy cansada de leer comentarios racistas sobre los gitanos.",
        "Estoy cansada de leer el odio de los musulmanes hacia España.",
    ),
]


@pytest.mark.parametrize(("language", "rule", "weary", "attack"), WEARY)
def test_weariness_of_hateful_words_is_counter_speech(
    scan: Scan, language: str, rule: str, weary: str, attack: str
) -> None:
    """Weariness of "slurs aimed at X" condemns the slurs; weariness of X (en.hate.i_hate_group) or of hatred
    ascribed to X is the attack, and read as counter-speech the policy's context cap would allow it."""
    good = scan(weary, language)
    assert counter(good) >= 0.5
    assert rule in good.extras["rule_hits"]
    bad = scan(attack, language)
    assert rule not in bad.extras["rule_hits"]
    assert counter(bad) < 0.5


def test_weariness_of_slurs_keeps_the_slur_it_names_but_speaks_for_its_sentence(scan: Scan) -> None:
    """The derogation it reports is still matched (the policy's context cap decides), and like every
    disavowal the cue does not cover an attack in another sentence."""
    reported = scan("I'm sick of seeing people call Jews vermin", "en")
    assert reported.scores["hate"].score >= 0.5
    assert counter(reported) >= 0.5
    undone = scan("I'm tired of seeing slurs aimed at Muslims. Jews are vermin.", "en")
    assert counter(undone) < 0.5
    assert "en.counter.tired_of_seeing" in undone.extras["disavowal_dropped"]


@pytest.mark.parametrize(
    "text",
    [
        "I'm sick of seeing people say immigrants are welcome here.",
        "Tired of seeing slurs aimed at Muslims? Then stop blowing things up.",
        "I'm tired of the racism against white people in this country.",
    ],
)
def test_weariness_of_anything_else_is_not_counter_speech(scan: Scan, text: str) -> None:
    assert "en.counter.tired_of_seeing" not in scan(text, "en").extras["rule_hits"]


REPORT_CALLS = [
    # (language, rule, a call to report hateful words after quoting them, a call to report people)
    (
        "de",
        "de.counter.meldet",
        "Der Spieler sagt: „Ausländer sind Ratten“. Meldet so etwas!",
        "Meldet die Ausländer in eurer Straße!",
    ),
    (
        "de",
        "de.counter.meldet",
        "„Ausländer sind Ratten“ – sowas muss man melden.",
        "Illegale muss man melden.",
    ),
    (
        "de",
        "de.counter.meldet",
        "„Juden sind Ungeziefer“. Bitte meldet diesen Hass.",
        "„Juden sind Ungeziefer“. Meldet das ruhig, ist trotzdem wahr.",
    ),
    (
        "fr",
        "fr.counter.signaler",
        "« Les musulmans sont des rats ». Signalez ce genre de message.",
        "Signalez ce genre de personnes à la préfecture, les clandestins n'ont rien à faire ici.",
    ),
    (
        "es",
        "es.counter.denunciad",
        "«Los musulmanes son ratas». Denunciad estos mensajes.",
        "Denunciad a los inmigrantes ilegales de vuestro barrio.",
    ),
    (
        "it",
        "it.counter.segnalate",
        "«Gli ebrei sono parassiti». Segnalate questo post!",
        "Segnalate gli immigrati del quartiere.",
    ),
    (
        "en",
        "en.counter.report_call",
        '"Muslims are vermin" - report this.',
        "Report illegal immigrants to ICE.",
    ),
]


@pytest.mark.parametrize(("language", "rule", "report", "denounce"), REPORT_CALLS)
def test_a_call_to_report_hateful_words_is_counter_speech(
    scan: Scan, language: str, rule: str, report: str, denounce: str
) -> None:
    """A call to report the quoted words opposes them, as "report this" does in English; a call to report
    people ("report the immigrants") is the attack."""
    good = scan(report, language)
    assert counter(good) >= 0.5
    assert rule in good.extras["rule_hits"]
    bad = scan(denounce, language)
    assert rule not in bad.extras["rule_hits"]
    assert counter(bad) < 0.5


LAUNDERED = [
    # (language, an attack in the author's own voice with a call to report appended, the same words cited)
    ("en", "Jews are vermin. Report this!", 'Saw this today: "Jews are vermin". Report this!'),
    ("en", "Report this: Muslims are rats.", 'Report this: "Muslims are rats."'),
    ("de", "Juden sind Ungeziefer. Meldet so etwas!", "„Juden sind Ungeziefer“. Meldet so etwas!"),
    (
        "fr",
        "Les juifs sont des rats. Signalez ce genre de message.",
        "« Les juifs sont des rats » : signalez ce genre de message.",
    ),
    (
        "es",
        "Los judíos son ratas. Denunciad estos mensajes.",
        "«Los judíos son ratas». Denunciad estos mensajes.",
    ),
    (
        "it",
        "Gli ebrei sono parassiti. Segnalate questo post!",
        "«Gli ebrei sono parassiti». Segnalate questo post!",
    ),
]


@pytest.mark.parametrize(("language", "asserted", "cited"), LAUNDERED)
def test_a_call_to_report_does_not_launder_the_authors_own_attack(
    scan: Scan, language: str, asserted: str, cited: str
) -> None:
    """A call to report opposes words the post cites; appended to an attack the author makes (no
    quotation marks, no one it is attributed to) it is dropped, and the attack stands."""
    own = scan(asserted, language)
    assert own.scores["hate"].score >= 0.5
    assert counter(own) < 0.5
    assert own.extras["report_call_dropped"]
    quoted = scan(cited, language)
    assert counter(quoted) >= 0.5
    assert "report_call_dropped" not in quoted.extras


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I'm reporting every account that says Muslims are rats."),
        ("en", "It's racist to say that Jews are vermin. Report these accounts."),
        ("fr", "C'est du racisme de dire que les Noirs sont des animaux. Signalez ces comptes."),
        ("fr", "Je signale tous les comptes qui disent que les handicapés devraient être éliminés."),
        ("de", "Es ist rassistisch zu sagen, dass Juden Ungeziefer sind. Meldet so etwas!"),
        ("es", "Es racista decir que los judíos son ratas. Denunciad estos mensajes."),
        ("it", "Ho segnalato l'account che dice che i rom sono parassiti."),
    ],
)
def test_a_call_to_report_words_a_speech_frame_cites_is_kept(scan: Scan, language: str, text: str) -> None:
    """Words after a speech frame ("accounts that say", "dire que") are cited, not asserted."""
    signal = scan(text, language)
    assert counter(signal) >= 0.5
    assert "report_call_dropped" not in signal.extras


def test_a_call_to_report_words_attributed_to_someone_is_kept(scan: Scan) -> None:
    """Reported speech without quotation marks is cited too, when a reporting cue attributes it."""
    signal = scan("My neighbour said that Jews are vermin. Report this!", "en")
    assert signal.scores["reporting"].score > 0
    assert counter(signal) >= 0.5
    assert "report_call_dropped" not in signal.extras
