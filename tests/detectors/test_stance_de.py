"""German stance toward protected groups (``de/stance.yaml``) and the German counter-speech frames
(``de/counter_speech.yaml``, ``de/negation.yaml``, ``de.counter.verurteile``): negated positive statements are
attacks, positive statements and disavowals are counter-speech, and no counter-speech reading survives
sarcasm, a question, a contrast, an attack in another sentence, or a frame aimed at the group itself.

Why these matter: the policy's ``context.cap`` allows any post whose counter-speech score reaches 0.5, so a
counter-speech cue that fires on "Wir lehnen Flüchtlinge ab" or "Es ist nicht normal, Schwule als Menschen zu
bezeichnen" waves the attack through; and the encoder reads "Juden sind hier nicht willkommen" as mild (USE-m3
barely encodes negation). The sentences are written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.types import Signal

Scan = Callable[[str, str], Signal]
"""The ``scan`` fixture (tests/detectors/conftest.py): the shipped lexicon on one text."""


def score(signal: Signal, label: str) -> float:
    return signal.scores[label].score


def rules(signal: Signal) -> list[str]:
    return list(signal.extras.get("rule_hits", ()))


# --- hate: negated positive statements ----------------------------------------------------------------------

NEGATED_POSITIVES = [
    ("de.hate.nicht_willkommen", "Juden sind hier nicht willkommen."),
    ("de.hate.nicht_willkommen", "Schwule sind einfach nicht normal."),
    ("de.hate.nicht_willkommen", "Flüchtlinge sind bei uns nicht erwünscht!"),
    ("de.hate.nicht_willkommen", "Muslime sind keine echten Deutschen."),
    ("de.hate.nicht_willkommen", "Transfrauen sind keine richtigen Frauen."),
    ("de.hate.nicht_willkommen", "Migranten sind keine Bereicherung."),
    ("de.hate.gehoeren_nicht_her", "Muslime gehören nicht zu Deutschland."),
    ("de.hate.gehoeren_nicht_her", "Zigeuner haben hier nichts verloren."),
    ("de.hate.gehoeren_nicht_her", "Juden haben hier keinen Platz."),
    ("de.hate.gehoeren_nicht_her", "Für Muslime ist in unserem Land kein Platz."),
    ("de.hate.verdienen_nichts", "Flüchtlinge verdienen keinen Respekt."),
    ("de.hate.verdienen_nichts", "Schwule verdienen keine gleichen Rechte."),
    ("de.hate.verdienen_nichts", "Asylanten haben kein Recht, hier zu sein."),
    ("de.hate.verdienen_nichts", "Ich habe keinen Respekt vor Muslimen."),
    ("de.hate.nie_vertrauen", "Ich würde niemals einen Ausländer einstellen."),
    ("de.hate.nie_vertrauen", "Einem Moslem würde ich nie vertrauen."),
    ("de.hate.nie_vertrauen", "Wir stellen keine Muslime ein."),
    ("de.hate.nie_vertrauen", "Wir bedienen hier keine Ausländer."),
    ("de.hate.nie_vertrauen", "An Flüchtlinge vermiete ich nicht."),
    ("de.hate.nie_vertrauen", "Man kann keinem Juden trauen."),
    ("de.hate.nie_dazugehoeren", "Flüchtlinge werden nie dazugehören."),
    ("de.hate.nie_dazugehoeren", "Muslime wollen sich nicht integrieren."),
]


@pytest.mark.parametrize(("rule", "text"), NEGATED_POSITIVES)
def test_a_negated_positive_statement_about_a_group_is_hate(scan: Scan, rule: str, text: str) -> None:
    signal = scan(text, "de")
    assert score(signal, "hate") >= 0.5
    assert rule in rules(signal)
    assert score(signal, "counter_speech") < 0.5
    assert "negated" not in signal.extras, "the pattern spells its negation: damping must not apply"


@pytest.mark.parametrize(
    "text",
    [
        # exclusion described, not exercised; capacity, not a place in the community
        "Schwule sind in vielen Ländern nicht willkommen.",
        "Flüchtlinge fühlen sich hier nicht willkommen.",
        "Frauen sind hier im Vorstand nicht gleichwertig vertreten.",
        "Juden sind in Deutschland nicht mehr sicher.",
        "In der Turnhalle ist kein Platz mehr für Flüchtlinge.",
        "Für Flüchtlinge ist in der Unterkunft kein Platz mehr.",
        "Flüchtlinge haben hier keinen Platz zum Schlafen.",
        # the negation is aimed elsewhere
        "Ich würde nie zögern, Flüchtlingen zu helfen.",
        "Ich würde keine Frauen schlagen.",
        "Ich werde keine Flüchtlinge mehr aufnehmen, meine Wohnung ist zu klein.",
        "Ich habe keinen Respekt vor Frauen, die ihre Kinder schlagen.",
        "Flüchtlinge können nicht integriert werden, wenn es keine Kurse gibt.",
        # a question
        "Sind Juden hier etwa nicht willkommen?",
        # everyday sentences with the same words
        "Hunde sind in diesem Café leider nicht erwünscht.",
        "Ich würde nie wieder bei dem Vermieter einziehen.",
    ],
)
def test_a_negation_that_does_not_deny_the_group_a_place_is_not_hate(scan: Scan, text: str) -> None:
    assert score(scan(text, "de"), "hate") < 0.5


# --- counter-speech: positive statements --------------------------------------------------------------------

POSITIVES = [
    ("de.counter.liebe_gruppe", "Ich liebe Juden."),
    ("de.counter.liebe_gruppe", "Ich respektiere Muslime von ganzem Herzen."),
    ("de.counter.liebe_gruppe", "Ich bewundere Flüchtlinge, Juden und Muslime."),
    ("de.counter.willkommen", "Geflüchtete sind hier willkommen!"),
    ("de.counter.willkommen", "Flüchtlinge sind willkommen ❤️"),
    ("de.counter.willkommen", "Wir heißen Flüchtlinge herzlich willkommen."),
    ("de.counter.willkommen", "Refugees welcome!"),
    ("de.counter.lob_gruppe", "Muslime sind unsere Nachbarn."),
    ("de.counter.lob_gruppe", "Juden sind Menschen wie du und ich."),
    ("de.counter.lob_gruppe", "Geflüchtete bereichern unser Land."),
    ("de.counter.lob_gruppe", "Juden gehören selbstverständlich zu uns."),
]


@pytest.mark.parametrize(("rule", "text"), POSITIVES)
def test_a_positive_statement_about_a_group_is_counter_speech(scan: Scan, rule: str, text: str) -> None:
    signal = scan(text, "de")
    assert score(signal, "counter_speech") >= 0.5
    assert rule in rules(signal)
    assert score(signal, "hate") < 0.5


@pytest.mark.parametrize(
    "text",
    [
        # sarcasm: a tail that takes it back, an irony marker, a crime the praise mocks
        "Ich liebe Flüchtlinge... NICHT",
        "Ich liebe Ausländer. Im Mittelmeer.",
        "Ich liebe Juden, besonders im Ofen.",
        "Ich liebe es, wie Ausländer Europa zerstören.",
        "Willkommen, Flüchtlinge – zur Abschiebung.",
        "Flüchtlinge sind willkommen. Zum Abschieben.",
        "Flüchtlinge sind willkommen 🙄",
        "Migranten sind eine „Bereicherung“.",
        "Messerangriff in Köln. Migranten sind eine Bereicherung.",
        "Flüchtlinge bereichern unser Land mit Messern.",
        # a question, a contrast, a condition
        "Ich liebe Muslime? Niemals.",
        "Ich liebe Ausländer, aber nur in ihrer Heimat.",
        "Juden sind willkommen, solange sie zahlen.",
        # an attack in another sentence
        "Ich liebe Juden. Juden sind Ratten.",
        "Geflüchtete sind willkommen. Geflüchtete sind Parasiten.",
        # everyday sentences with the same words
        "Die Gäste sind herzlich willkommen.",
        "Ich liebe meine Frau.",
    ],
)
def test_a_positive_frame_that_mocks_or_is_undone_is_not_counter_speech(scan: Scan, text: str) -> None:
    assert score(scan(text, "de"), "counter_speech") < 0.5


# --- counter-speech: disavowals (negation.yaml) -------------------------------------------------------------

DISAVOWALS = [
    ("de.counter.hass_grundlos", "Niemand sollte Juden hassen."),
    ("de.counter.hass_grundlos", "Es gibt keinen Grund, Muslime zu hassen."),
    ("de.counter.hass_grundlos", "Man darf Flüchtlinge nicht pauschal verurteilen."),
    ("de.counter.hass_grundlos", "Niemand darf wegen seiner Herkunft diskriminiert werden."),
    ("de.counter.gewalt_abgelehnt", "Kein Flüchtling verdient es, verprügelt zu werden."),
    ("de.counter.attribut_verneint", "Schwule sind nicht pervers."),
]


@pytest.mark.parametrize(("rule", "text"), DISAVOWALS)
def test_a_disavowal_is_counter_speech(scan: Scan, rule: str, text: str) -> None:
    signal = scan(text, "de")
    assert score(signal, "counter_speech") >= 0.5
    assert rule in rules(signal)


@pytest.mark.parametrize(
    "text",
    [
        "Man sollte Flüchtlinge nicht hassen, sondern abschieben.",
        "Man kann Muslime nicht genug hassen.",
        "Muslime sind keine Terroristen? Schau dir doch die Nachrichten an.",
        "Flüchtlinge sind nicht kriminell 🤡",
        "Niemand sollte Juden hassen. Juden sind Parasiten.",
    ],
)
def test_a_disavowal_that_is_mocked_questioned_or_undone_is_not_counter_speech(scan: Scan, text: str) -> None:
    assert score(scan(text, "de"), "counter_speech") < 0.5


# --- the counter-speech frames, aimed at hatred and at a group ----------------------------------------------

FRAMES = [
    # (rule, counter-speech in the frame, an attack on a group in the same frame)
    (
        "de.counter.verurteile",
        "Ich verurteile den Anschlag auf die Synagoge aufs Schärfste.",
        "Ich verurteile diese Migranten aufs Schärfste.",
    ),
    (
        "de.counter.verurteile",
        "Wir lehnen jede Form von Rassismus entschieden ab.",
        "Wir lehnen jede weitere Moschee ab.",
    ),
    (
        "de.counter.verurteile",
        "Ich verurteile die Gewalt gegen Geflüchtete.",
        "Ich verurteile die Gewalt der Migranten gegen unsere Frauen.",
    ),
    (
        "de.counter.verurteile",
        "Rassismus hat bei uns keinen Platz.",
        "Die Gewalt der Migranten hat hier keinen Platz.",
    ),
    (
        "de.counter.verurteile",
        "Solche Kommentare über Muslime sind widerlich.",
        "Zwei Schwule knutschen in der Bahn. Das ist widerlich.",
    ),
    (
        "de.counter.verurteile",
        "Das ist Antisemitismus.",
        "Das ist Antisemitismus? Nein, das ist die Wahrheit.",
    ),
    (
        "de.counter.verurteile",
        "Ich verurteile jede Gewalt.",
        "Ich verurteile jede Gewalt, aber Ausländer müssen raus.",
    ),
    (
        "de.counter.verurteile",
        "Kein Platz für Hass!",
        "Kein Platz für Hass, aber für Ausländer erst recht nicht.",
    ),
    (
        "de.counter.prangert_an",
        "Wir stehen auf gegen Rassismus und Antisemitismus.",
        "Wir kämpfen gegen den Hass der Muslime auf uns Deutsche.",
    ),
    (
        "de.counter.prangert_an",
        "Gemeinsam gegen Antisemitismus!",
        "Gegen Antisemitismus heißt: Muslime abschieben!",
    ),
    (
        "de.counter.prangert_an",
        "Gegen Hetze, jeden Tag.",
        "Wir kämpfen gegen den importierten Antisemitismus.",
    ),
    (
        "de.counter.sagt_man_nicht",
        "Es ist nicht in Ordnung, Juden als Ratten zu bezeichnen.",
        "Es ist nicht normal, Schwule als Menschen zu bezeichnen.",
    ),
    (
        "de.counter.sagt_man_nicht",
        "Es ist nicht okay, so etwas zu sagen.",
        "Es ist nicht okay, zu sagen, dass Juden Menschen sind.",
    ),
    (
        "de.counter.sagt_man_nicht",
        "Was du über Schwule schreibst, ist menschenverachtend.",
        "Das ist nicht rassistisch, das ist die Wahrheit.",
    ),
    (
        "de.counter.sagt_man_nicht",
        "Wer das Wort Zigeuner benutzt, verletzt Menschen.",
        "Man wird doch wohl noch das Wort Zigeuner sagen dürfen!",
    ),
    (
        "de.counter.sagt_man_nicht",
        "Wer Muslime als Ungeziefer bezeichnet, verbreitet Hass.",
        "Wer Juden als Ratten bezeichnet, hat recht.",
    ),
    (
        "de.counter.sagt_man_nicht",
        "Das ist widerlich und gehört gemeldet.",
        "Zwei Schwule küssen sich. Das ist widerlich und gehört verboten.",
    ),
    (
        "de.counter.benennt_um_zu_widersprechen",
        "Es ist falsch zu behaupten, dass Flüchtlinge kriminell sind.",
        "Es ist falsch zu behaupten, dass Flüchtlinge eine Bereicherung sind.",
    ),
    (
        "de.counter.benennt_um_zu_widersprechen",
        "Wer sagt, Flüchtlinge nehmen uns die Arbeit weg, lügt.",
        "Wer sagt, dass Flüchtlinge Fachkräfte sind, lügt.",
    ),
    (
        "de.counter.benennt_um_zu_widersprechen",
        "Zu sagen, dass Flüchtlinge Schmarotzer sind, ist einfach gelogen.",
        "Die Behauptung, Zigeuner wollten arbeiten, ist eine Lüge.",
    ),
    (
        "de.counter.benennt_um_zu_widersprechen",
        "Es ist widerlich, so etwas über Juden zu schreiben.",
        "Es ist eine Lüge zu sagen, Muslime seien friedlich.",
    ),
    (
        "de.counter.nennt_den_rassisten",
        "Du bist ein Rassist.",
        "Du bist ein Rassist? Na und, Ausländer raus!",
    ),
]


@pytest.mark.parametrize(("rule", "counter_speech", "attack"), FRAMES)
def test_a_counter_speech_frame_aimed_at_a_group_is_not_counter_speech(
    scan: Scan, rule: str, counter_speech: str, attack: str
) -> None:
    """The frames of counter-speech ("ich verurteile", "hat keinen Platz", "es ist falsch zu behaupten")
    are the frames of attacks too; they oppose hatred only when what they are aimed at is hatred, its acts,
    its words or its speaker, and never as a question or before "aber"."""
    signal = scan(counter_speech, "de")
    assert score(signal, "counter_speech") >= 0.5
    assert rule in rules(signal)
    assert score(scan(attack, "de"), "counter_speech") < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Ich verurteile jede Gewalt. Trotzdem: Ausländer raus!",
        "Ich verurteile das. Flüchtlinge sind Ratten.",
        "Gegen Rassismus! Ausländer raus!",
    ],
)
def test_a_condemnation_speaks_for_its_sentence_only(scan: Scan, text: str) -> None:
    signal = scan(text, "de")
    assert score(signal, "hate") >= 0.5
    assert score(signal, "counter_speech") < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Ich lehne die Einladung leider ab.",
        "Das Essen in der Kantine war widerlich.",
        "Gegen Mittag fahren wir los.",
        "Es ist nicht okay, dass die Bahn schon wieder zu spät ist.",
        "Wer behauptet, dass das Spiel gestern gut war, lügt.",
    ],
)
def test_everyday_sentences_with_the_frames_words_are_neither(scan: Scan, text: str) -> None:
    signal = scan(text, "de")
    assert score(signal, "counter_speech") < 0.5
    assert score(signal, "hate") < 0.5
