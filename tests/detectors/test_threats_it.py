"""Violent threats, calls to violence, reporting cues and violent idioms in the lexicon's Italian data
(``detectors/data/it/minacce.yaml``): threats to the reader and to officials, journalists, judges and
groups score with an Italian rule, while idioms, negated threats, news reports and benign look-alikes
(the same verbs in other senses) stay below the flagging line.

Sentences are written for these tests; they are not taken from any measurement set."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.types import Signal

Scan = Callable[[str, str], Signal]
"""The ``scan`` fixture (tests/detectors/conftest.py): the shipped lexicon on one text."""

FLAG = 0.5
PREFIX = {"violent_threat": "it.threat.", "incitement": "it.incite."}


def score(signal: Signal, label: str) -> float:
    return signal.scores[label].score


def hits(signal: Signal) -> list[str]:
    rule_hits: list[str] = signal.extras["rule_hits"]
    return rule_hits


THREATS = [
    # the reader: clitics, elisions, infinitives with an attached pronoun
    ("Giuro che prima o poi t'ammazzo.", "violent_threat"),
    ("Voglio ammazzarti con le mie mani", "violent_threat"),
    ("Ti taglio la gola mentre dormi.", "violent_threat"),
    ("Ti brucio la casa stanotte, infame", "violent_threat"),
    ("Meriteresti una pallottola in fronte", "violent_threat"),
    ("Verrai sgozzato come un animale", "violent_threat"),
    # officials, judges, journalists
    ("Ammazzo il sindaco appena lo vedo.", "violent_threat"),
    ("Al giudice gli pianto una pallottola in testa.", "violent_threat"),
    ("Sparerò a quel giornalista schifoso", "violent_threat"),
    ("Qualcuno dovrebbe sparargli in testa, a quel magistrato.", "violent_threat"),
    ("Il giudice Bianchi verrà fucilato all'alba.", "violent_threat"),
    ("Spero che il ministro muoia presto", "violent_threat"),
    # conditional threats and ultimatums
    ("Se lo rifai sei morto.", "violent_threat"),
    ("Un'altra parola e ti spacco la faccia.", "violent_threat"),
    ("Stai zitta o ti ammazzo", "violent_threat"),
    # wishes, normative threats, veiled threats
    ("Spero che tu crepi tra atroci sofferenze.", "violent_threat"),
    ("Vorrei vederti morto, schifoso.", "violent_threat"),
    ("Andrebbero fucilati tutti, dal primo all'ultimo.", "violent_threat"),
    ("Li fucilerei tutti, questi politici.", "violent_threat"),
    ("Quel giudice si merita la forca", "violent_threat"),
    ("Conosciamo il tuo indirizzo: guardati le spalle.", "violent_threat"),
    ("Sappiamo dove vanno a scuola i tuoi figli.", "violent_threat"),
    ("C'è una pallottola col tuo nome.", "violent_threat"),
    # calls to arms, to storm places, to kill groups, with dates and places
    ("Sabato assaltiamo il municipio.", "incitement"),
    ("Imbracciate i fucili e scendete in piazza.", "incitement"),
    ("Organizziamo delle milizie armate nei quartieri.", "incitement"),
    ("Portatevi dietro le spranghe, ci vediamo davanti alla prefettura.", "incitement"),
    ("Morte ai traditori!", "incitement"),
    ("A morte i giudici corrotti", "incitement"),
    ("Ammazziamoli tutti, uno per uno.", "incitement"),
    ("Bisogna sparare ai politici.", "incitement"),
    ("Diamo fuoco al campo rom stanotte", "incitement"),
    ("Lanciate le molotov contro la polizia", "incitement"),
    ("Tutti al muro, i politici corrotti.", "incitement"),
    ("È ora della guerra civile.", "incitement"),
    # the act's verb right after "ti", or after a modal
    ("Ti voglio ammazzare, bastardo.", "violent_threat"),
    ("Ti vengo ad ammazzare stanotte.", "violent_threat"),
    ("Prima o poi ti ammazzo.", "violent_threat"),
]


@pytest.mark.parametrize(("text", "label"), THREATS)
def test_threats_and_calls_to_violence_score_with_an_italian_rule(scan: Scan, text: str, label: str) -> None:
    signal = scan(text, "it")
    assert score(signal, label) >= FLAG, (text, hits(signal), dict(signal.extras))
    assert any(r.startswith(PREFIX[label]) for r in hits(signal)), hits(signal)


NOT_THREATS = [
    # "squadre" are teams unless armed
    "Creiamo squadre per il torneo di calcetto di sabato.",
    # violent idioms
    "Muoio dal ridere con questo video 😂",
    "Mi fai morire, sei troppo forte",
    "Muoio dalla voglia di rivederti",
    "Giochiamo a carte per ammazzare il tempo",
    "Stasera ti distruggo a FIFA, preparati",
    "Ti ammazzo a briscola stasera, preparati",
    "Questa pizza è buona da morire",
    "Ho preso due piccioni con una fava",
    "Ammazza che bello questo posto!",
    "Ucciderei per una carbonara adesso",
    "Ho fatto fuori una pizza intera da solo",
    "Il presidente spara a zero sul governo",
    "Armatevi di pazienza, la coda è lunghissima",
    "Armiamoci e partite, come sempre",
    "Sei morto? Non rispondi da ore",
    # negated threats
    "Non ti farei mai del male",
    "Non ti ammazzerò mai, tranquillo",
    "Non voglio ammazzarti, voglio solo parlare",
    # news and court reports
    "La procura lo accusa di aver minacciato di morte una giornalista",
    "L'uomo è stato condannato per minacce al sindaco",
    "Nel 1979 un commando sparò al giudice Alessandrini",
    "Caino ammazzò Abele",
    "Amnesty teme che i manifestanti vengano impiccati domani",
    "Ha scritto «ti ammazzo» alla giornalista, ha detto la polizia",
    # the same verbs in other senses
    "Ti vengo a prendere alla stazione alle 8",
    "Ti vengo a trovare sabato",
    "Ti sparo un messaggio appena arrivo",
    "Ti ricordi il massacro del Circeo? Ne parlano al tg",
    "Domani porto il fucile per la battuta al cinghiale, vieni?",
    "Portate piatti, bicchieri e coltelli per la grigliata di sabato",
    "Facciamo saltare il consiglio comunale, votiamo tutti contro",
    "Ti faccio a fette il prosciutto?",
    "Le zanzare vanno sterminate",
    "Morte a Venezia è il mio film preferito",
    # "ti" + another verb, then an infinitive that is not done to the reader
    "Ti aiuto a spaccare la legna domani.",
    "Ti ho detto di bruciare i documenti vecchi.",
    "Ti insegno a sparare al poligono sabato.",
]


@pytest.mark.parametrize("text", NOT_THREATS)
def test_idioms_negations_reports_and_look_alikes_are_not_flagged(scan: Scan, text: str) -> None:
    signal = scan(text, "it")
    for label in ("violent_threat", "incitement"):
        assert score(signal, label) < FLAG, (text, label, hits(signal), dict(signal.extras))


@pytest.mark.parametrize(
    ("idiom", "suppressed_rule"),
    [
        ("Armatevi di pazienza, la coda è lunghissima", "it.incite.alle_armi"),
        ("Ti ammazzo a briscola stasera, preparati", "it.threat.ti_ammazzo"),
        ("Sei morto? Non rispondi da ore", "it.threat.ti_ammazzo"),
        ("Ti vengo a prendere alla stazione alle 8", "it.threat.ti_ammazzo"),
    ],
)
def test_an_idiom_names_the_rule_it_suppresses(scan: Scan, idiom: str, suppressed_rule: str) -> None:
    signal = scan(idiom, "it")
    suppressed = signal.extras["suppressed"]
    assert any(s["rule"] == suppressed_rule and s["idiom"].startswith("it.idiom.") for s in suppressed)


@pytest.mark.parametrize(
    ("threat", "negated"),
    [
        ("Ti ammazzerò, te lo giuro.", "Non ti ammazzerò mai, te lo giuro."),
        ("Voglio ammazzarti.", "Non voglio ammazzarti."),
        ("Spero che tu crepi.", "Non spero che tu crepi, spero che tu guarisca."),
    ],
)
def test_a_negated_threat_scores_far_below_the_threat(scan: Scan, threat: str, negated: str) -> None:
    assert score(scan(threat, "it"), "violent_threat") >= FLAG
    assert score(scan(negated, "it"), "violent_threat") < 0.3


def test_harm_predicate_counts_only_with_a_target_in_the_sentence(scan: Scan) -> None:
    bare = scan("Verrà fucilato all'alba.", "it")
    assert score(bare, "violent_threat") < FLAG
    assert "it.threat.verra_fucilato" in bare.extras["untargeted"]
    aimed = scan("La giornalista Carla Neri verrà fucilata all'alba.", "it")
    assert score(aimed, "violent_threat") >= FLAG
    assert "it.threat.verra_fucilato" in hits(aimed)


def test_a_target_in_the_previous_sentence_counts(scan: Scan) -> None:
    signal = scan("Il sindaco esce dal municipio alle 8. Lo ammazzo.", "it")
    assert score(signal, "violent_threat") >= FLAG
    assert "it.threat.lo_ammazzo" in hits(signal)


@pytest.mark.parametrize(
    "report",
    [
        "Secondo la polizia, l'uomo avrebbe minacciato di uccidere la giudice.",
        "La procura lo accusa di aver minacciato di morte una giornalista.",
        "L'uomo è stato condannato per minacce al sindaco.",
        "Ha scritto «ti ammazzo» alla giornalista, ha detto la polizia.",
        "Ultim'ora: arrestato l'uomo che progettava un attentato, riporta l'ANSA.",
    ],
)
def test_news_and_court_reports_score_reporting(scan: Scan, report: str) -> None:
    signal = scan(report, "it")
    assert score(signal, "reporting") >= 0.4, hits(signal)
    assert any(r.startswith("it.report.") for r in hits(signal))
    assert score(signal, "violent_threat") < FLAG
    assert score(signal, "incitement") < FLAG


def test_a_quoted_threat_in_a_report_is_discounted(scan: Scan) -> None:
    said = scan("Ti ammazzo, giornalista.", "it")
    reported = scan("Ha scritto «ti ammazzo, giornalista» sotto il post, ha detto la polizia.", "it")
    assert score(said, "violent_threat") >= FLAG
    assert score(reported, "violent_threat") < FLAG
    assert reported.extras["quoted"]


def test_a_threat_with_a_date_and_a_place_is_planned(scan: Scan) -> None:
    signal = scan("Sabato assaltiamo il municipio.", "it")
    assert signal.extras["planned"] is True
    assert score(signal, "imminence") >= 0.6
