"""Endorsed quotations: a post that quotes or reports an attack *and approves it* ("My grandfather always said
"X are vermin" and he was right.") makes the attack its own (``<lang>/endorse.yaml``,
``LexiconDetector._endorsed``).

Why this matters: a category hit inside a quotation with a frame weighs ``QUOTED_FACTOR`` (a mention), and
an attribution verb ("said", "wrote") scores reporting, which the default policy's context cap turns into
"allow". Before the endorsement lists, every *quoted* sentence of ``CASES`` below scored hate 0.2 in the
lexicon, most of them with reporting ≥ 0.5: quoting was a way to say anything. An endorsement must not
turn counter-speech into an attack: it needs an attack to approve, it never counts inside the quotation, a
post that also opposes keeps the other readings, and "was right to ban him" approves the ban, not the
words.

Sentences are written for these tests; they are not taken from any measurement set."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.model.everyday import corpus_files, read_corpus
from vigie.types import ENDORSED, Signal

Scan = Callable[[str, str], Signal]
"""The ``scan`` fixture (tests/detectors/conftest.py): the shipped lexicon on one text."""

ALLOW = 0.5
"""The policy's context cap allows a post from this counter-speech or reporting score on."""

CASES = [
    ("en", "en.endorse.was_right", 'My grandfather always said "Muslims are vermin" and he was right.'),
    (
        "en",
        "en.endorse.well_said",
        'Somebody wrote "Jews are parasites" under my post and honestly, they nailed it.',
    ),
    ("en", "en.endorse.finally_said", '"Gays are subhuman" - finally a politician with the guts to say it.'),
    ("en", "en.endorse.agree", 'My dad says "refugees are a disease" and I agree with every word.'),
    ("en", "en.endorse.not_wrong", "People say Black people are animals. Honestly? They're not wrong."),
    ("en", "en.endorse.only_truth", 'People call it hate to say "women are rats", but it is just the truth.'),
    (
        "fr",
        "fr.endorse.avait_raison",
        "Mon grand-père disait toujours « les Arabes sont des rats » et il avait raison.",
    ),
    (
        "fr",
        "fr.endorse.pas_tort",
        "Quelqu'un a écrit \"les Juifs sont des parasites\" sous mon post. Il n'a pas tort.",
    ),
    (
        "fr",
        "fr.endorse.enfin_quelqu_un",
        "« Les migrants sont des animaux » : enfin un politique qui ose le dire !",
    ),
    ("fr", "fr.endorse.verite", "On dit que les noirs sont des singes. C'est la pure vérité."),
    ("es", "es.endorse.tenia_razon", 'Mi abuelo siempre decía "los gitanos son ratas" y tenía razón.'),
    (
        "es",
        "es.endorse.no_se_equivoca",
        'Alguien escribió "los judíos son parásitos" en mi muro. No se equivoca.',
    ),
    (
        "es",
        "es.endorse.de_acuerdo",
        "Mi tío dice que los musulmanes son una plaga y estoy totalmente de acuerdo.",
    ),
    ("es", "es.endorse.lo_que_todos", "Dice lo que todos pensamos: los moros son basura."),
    ("de", "de.endorse.hatte_recht", "Mein Opa sagte immer „Juden sind Ratten“, und er hatte recht."),
    (
        "de",
        "de.endorse.recht_hat_er",
        "Jemand schrieb „Muslime sind Parasiten“ unter meinen Post. Recht hat er!",
    ),
    ("de", "de.endorse.endlich_sagt", "„Flüchtlinge sind Tiere“ – endlich sagt es mal einer."),
    (
        "de",
        "de.endorse.jedem_wort",
        "Meine Nachbarin meint, „Roma sind eine Krankheit“, und ich stimme jedem Wort zu.",
    ),
    ("de", "de.endorse.was_alle_denken", "Er sagt nur, was alle denken: Ausländer sind Abschaum."),
    ("it", "it.endorse.aveva_ragione", 'Mio nonno diceva sempre "gli zingari sono ratti" e aveva ragione.'),
    (
        "it",
        "it.endorse.non_ha_torto",
        'Qualcuno ha scritto "gli ebrei sono parassiti" sotto il mio post. Non ha torto.',
    ),
    (
        "it",
        "it.endorse.d_accordo",
        "Mio zio dice che i musulmani sono una piaga e sono pienamente d'accordo.",
    ),
    ("it", "it.endorse.verita", "Dicono che i neri sono scimmie. È la pura verità."),
]


@pytest.mark.parametrize(("lang", "rule", "text"), CASES)
def test_an_endorsed_quotation_is_the_authors_attack(scan: Scan, lang: str, rule: str, text: str) -> None:
    signal = scan(text, lang)
    assert signal.scores["hate"].score >= ALLOW, signal.extras["rule_hits"]
    assert signal.scores["reporting"].score < ALLOW
    assert signal.scores["counter_speech"].score < ALLOW
    assert [e["endorsement"] for e in signal.extras[ENDORSED]] == [rule]
    assert "quoted" not in signal.extras
    explained = [e for e in signal.scores["hate"].evidence if e.rationale.startswith(f"{rule}: endorsement")]
    assert explained and all(text[e.span.start : e.span.end] == e.snippet for e in explained)


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, text) for lang, _rule, text in CASES if "«" in text or '"' in text]
)
def test_without_the_endorsement_the_quotation_is_a_mention(scan: Scan, lang: str, text: str) -> None:
    """The control: the same quotation in a neutral frame is still a mention (``QUOTED_FACTOR``)."""
    quote = text[min(i for i in (text.find("«"), text.find('"')) if i >= 0) :]
    close = "»" if quote.startswith("«") else '"'
    quoted = quote[: quote.index(close, 1) + 1]
    frame = {
        "en": "Somebody posted this today:",
        "fr": "Quelqu'un a posté ça aujourd'hui :",
        "es": "Alguien publicó esto hoy:",
        "it": "Qualcuno ha pubblicato questo oggi:",
    }[lang]
    signal = scan(f"{frame} {quoted}", lang)
    assert ENDORSED not in signal.extras
    assert signal.extras.get("quoted"), signal.extras["rule_hits"]
    assert signal.scores["hate"].score < ALLOW


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the endorsement approves the moderation or the court, not the words
        ("en", 'Someone posted "Jews are vermin" and got banned. Good, the mods were right.'),
        ("en", 'He wrote "Roma are filth". He was right to be banned for it.'),
        ("fr", "Un élu a dit « les Juifs sont des rats ». Il a eu raison d'être condamné pour ça."),
        (
            "fr",
            "Quelqu'un a écrit « les Arabes sont des rats » et il a été banni. "
            "Les modérateurs avaient raison.",
        ),
        ("es", 'Un concejal dijo "los judíos son ratas". Tenía razón el juez al condenarlo.'),
        ("de", "Ein Politiker sagte „Juden sind Ratten“. Das Gericht hatte recht, ihn zu verurteilen."),
        ("it", 'Un consigliere ha detto "gli ebrei sono ratti". Il giudice aveva ragione a condannarlo.'),
        # negated approval
        ("en", 'He said "Muslims are vermin". He was wrong and he knows it.'),
        ("es", 'Dijo "los gitanos son ratas". No tenía razón.'),
        ("it", 'Ha detto "gli zingari sono ratti". Non aveva ragione.'),
        # opposing and approving at once: the other readings stand
        ("en", 'He said "Muslims are vermin". That is racist, and my teacher was right to report him.'),
    ],
)
def test_approving_the_response_is_not_approving_the_words(scan: Scan, lang: str, text: str) -> None:
    signal = scan(text, lang)
    assert signal.scores["hate"].score < ALLOW, signal.extras["rule_hits"]


def test_an_endorsement_inside_the_quotation_does_not_count(scan: Scan) -> None:
    signal = scan('He posted "Muslims are vermin and I was right" and got banned for it.', "en")
    assert ENDORSED not in signal.extras
    assert signal.scores["hate"].score < ALLOW


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "My teacher said that racism kills, and she was right."),
        ("en", "The minister said the economy is growing, and he was right."),
        ("fr", "Mon prof disait que le racisme tue, et il avait raison."),
        ("de", "Mein Lehrer sagte, Rassismus tötet, und er hatte recht."),
        ("it", "Il mio professore diceva che il razzismo uccide, e aveva ragione."),
    ],
)
def test_an_endorsement_alone_flags_nothing(scan: Scan, lang: str, text: str) -> None:
    signal = scan(text, lang)
    assert signal.extras.get(ENDORSED)
    assert all(signal.scores[c].score < ALLOW for c in ("hate", "violent_threat", "incitement", "harassment"))


@pytest.mark.parametrize("lang", ["en", "fr", "es", "de", "it"])
def test_everyday_posts_endorse_no_attack(scan: Scan, lang: str) -> None:
    """The project's everyday posts agree with each other all the time ("you're right", "so true"); none of
    them may be read as approving an attack."""
    [path] = [p for p in corpus_files() if p.name == f"everyday_{lang}.txt"]
    endorsed_attacks = []
    for post in read_corpus(path):
        signal = scan(post.text, lang)
        approved = [
            e.rationale
            for label in ("hate", "violent_threat", "incitement", "harassment")
            for e in signal.scores[label].evidence
            if ": endorsement" in e.rationale
        ]
        if approved:
            endorsed_attacks.append((post.line, post.text, approved))
    assert not endorsed_attacks
