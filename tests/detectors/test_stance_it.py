"""Stance toward protected groups in the lexicon's Italian data, and the Italian counter-speech and reporting
cues that the policy's context cap turns into "allow".

Why these matter: the policy allows any post whose ``counter_speech`` or ``reporting`` score reaches 0.5,
whatever its hate score (``context.cap``). A counter-speech frame that also fires on an attack ("l'islam è
fascista", "rifiuto ogni musulmano", "dire che gli immigrati sono una risorsa è una bugia") launders it; the
audited rules are aimed at speech, hatred or a speaker. ``it/stance.yaml`` adds negated positive statements
(attacks: "gli immigrati non sono benvenuti") and positive statements (counter-speech: "amo i miei vicini
musulmani") that end where the sentence ends and never survive a question, a contrast, a reservation or an
attack in another sentence.

Sentences are written for these tests; they are not taken from any measurement set."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.model.everyday import corpus_files, read_corpus
from vigie.types import Signal

Scan = Callable[[str, str], Signal]
"""The ``scan`` fixture (tests/detectors/conftest.py): the shipped lexicon on one text."""

ALLOW = 0.5
"""The policy's context cap allows a post from this counter-speech or reporting score on."""


def score(signal: Signal, label: str) -> float:
    return signal.scores[label].score


def hits(signal: Signal) -> list[str]:
    rule_hits: list[str] = signal.extras["rule_hits"]
    return rule_hits


# --- 1. audited counter-speech and reporting cues -----------------------------------------------------------

FRAMES = [
    # (rule, counter-speech in the frame, an attack on a group in the same frame)
    ("it.counter.chiama_razzista", "Sei proprio un razzista.", "L'islam è fascista, cacciamoli tutti."),
    ("it.counter.chiama_razzista", "Chi scrive queste cose è un razzista.", "Ogni musulmano è antisemita."),
    ("it.counter.chiama_razzista", "Voi siete razzisti, punto.", "Voi musulmani siete antisemiti e omofobi."),
    (
        "it.counter.chiama_razzista",
        "Il tuo commento è omofobo.",
        "Il femminismo è sessista contro gli uomini.",
    ),
    (
        "it.counter.denuncia",
        "Dobbiamo combattere l'odio contro gli immigrati.",
        "Combattiamo l'odio degli islamici.",
    ),
    (
        "it.counter.denuncia",
        "Lottiamo contro l'odio verso i rom.",
        "Basta con l'odio che gli immigrati portano nelle nostre città.",
    ),
    ("it.counter.denuncia", "Opponiamoci al razzismo, sempre.", "Basta razzismo contro gli italiani!"),
    (
        "it.counter.non_si_dice",
        "Non si può dire una cosa del genere.",
        "Non si può più dire niente sugli zingari.",
    ),
    (
        "it.counter.non_si_dice",
        "Non puoi chiamare i migranti invasori.",
        "Non puoi chiamare profughi questi clandestini, sono invasori.",
    ),
    (
        "it.counter.non_si_dice",
        "Non è accettabile trattare i migranti come animali.",
        "Non è normale trattare i gay come persone normali.",
    ),
    (
        "it.counter.non_si_dice",
        "Non si può dire che i rom siano tutti ladri.",
        "Non è giusto dire che sono tutti uguali, gli ebrei sono peggio.",
    ),
    (
        "it.counter.non_si_dice",
        "Nessuno merita di essere chiamato scimmia.",
        "Nessuno dovrebbe essere chiamato italiano.",
    ),
    (
        "it.counter.non_si_dice",
        "Ha usato quella parola per insultarla.",
        "Ha usato la parola giusta: invasione.",
    ),
    (
        "it.counter.non_si_dice",
        "Quello che hai scritto è odio.",
        "Quello che hai scritto è odio? No, è la verità.",
    ),
    (
        "it.counter.nomina_per_opporsi",
        "Dire che i rom sono ladri è una vergogna.",
        "Dire che i rom sono onesti è una vergogna.",
    ),
    (
        "it.counter.nomina_per_opporsi",
        "Dire che gli immigrati sono criminali è falso.",
        "Dire che gli immigrati sono una risorsa è una bugia.",
    ),
    (
        "it.counter.nomina_per_opporsi",
        "Scrivere che gli ebrei controllano il mondo è antisemitismo.",
        "Dire che gli immigrati sono una risorsa è razzismo contro gli italiani.",
    ),
    ("it.counter.condanno", "Condanno ogni forma di razzismo.", "Rifiuto ogni musulmano."),
    (
        "it.counter.condanno",
        "Condanno questo gesto vile.",
        "Condanno questi immigrati che stuprano le nostre donne.",
    ),
    ("it.counter.condanno", "Respingiamo ogni violenza.", "Respingiamo questa invasione di clandestini."),
    (
        "it.counter.condanno",
        "Condanno gli insulti agli ebrei.",
        "Condanniamo gli attacchi dei migranti contro di noi.",
    ),
    (
        "it.counter.condanno",
        "Condanniamo fermamente l'attacco alla sinagoga.",
        "Rifiutiamo l'islam e il suo odio.",
    ),
    (
        "it.counter.condanno",
        "Condanno fermamente tutto questo.",
        "Condanno fermamente l'immigrazione dei musulmani.",
    ),
    (
        "it.counter.condanno",
        "Tutto questo è vergognoso.",
        "Tutto questo è vergognoso, i musulmani ci invadono.",
    ),
    ("it.counter.condanno", "Questo è razzismo.", "Questo è razzismo verso gli italiani."),
]


@pytest.mark.parametrize(("rule", "counter_speech", "attack"), FRAMES)
def test_a_counter_speech_frame_aimed_at_a_group_is_not_counter_speech(
    scan: Scan, rule: str, counter_speech: str, attack: str
) -> None:
    opposed, attacked = scan(counter_speech, "it"), scan(attack, "it")
    assert score(opposed, "counter_speech") >= ALLOW, hits(opposed)
    assert rule in hits(opposed)
    assert score(attacked, "counter_speech") == 0.0, hits(attacked)


@pytest.mark.parametrize(
    ("condemnation", "attack_after"),
    [
        ("Condanno l'attentato.", "Condanno l'attentato. Ora fuori tutti i musulmani dall'Italia!"),
        ("Questo è inaccettabile.", "Questo è inaccettabile. Gli immigrati sono feccia."),
    ],
)
def test_a_condemnation_speaks_for_its_sentence(scan: Scan, condemnation: str, attack_after: str) -> None:
    assert score(scan(condemnation, "it"), "counter_speech") >= ALLOW
    signal = scan(attack_after, "it")
    assert score(signal, "counter_speech") < ALLOW, hits(signal)
    assert signal.extras["disavowal_dropped"]


@pytest.mark.parametrize(
    ("rule", "disavowal", "undone"),
    [
        ("it.counter.odio_negato", "Non odio i musulmani.", "Non odio i musulmani, li disprezzo."),
        (
            "it.counter.odio_negato",
            "Nessun odio verso gli ebrei.",
            "Nessun odio verso gli ebrei? Ma per favore.",
        ),
        (
            "it.counter.attributo_negato",
            "I musulmani non sono terroristi.",
            "I musulmani non sono terroristi?",
        ),
        (
            "it.counter.violenza_rifiutata",
            "Nessun profugo merita di essere picchiato.",
            "Nessun profugo merita di essere picchiato? Ne sei sicuro?",
        ),
    ],
)
def test_a_disavowal_is_not_a_question_nor_followed_by_contempt(
    scan: Scan, rule: str, disavowal: str, undone: str
) -> None:
    said = scan(disavowal, "it")
    assert score(said, "counter_speech") >= ALLOW
    assert rule in hits(said)
    assert score(scan(undone, "it"), "counter_speech") < ALLOW


@pytest.mark.parametrize(
    ("news", "attack"),
    [
        (
            "Secondo la polizia l'aggressore è fuggito in auto.",
            "Secondo me i musulmani sono tutti terroristi.",
        ),
        ("L'uomo verrà processato a marzo.", "Gli immigrati verranno arrestati e deportati tutti."),
        ("Secondo l'ANSA l'uomo è stato arrestato ieri.", "Ha detto bene: gli immigrati sono criminali."),
    ],
)
def test_an_opinion_or_a_wish_is_not_reporting(scan: Scan, news: str, attack: str) -> None:
    reported = scan(news, "it")
    assert score(reported, "reporting") >= ALLOW, hits(reported)
    attacked = scan(attack, "it")
    assert score(attacked, "reporting") < 0.4, hits(attacked)


@pytest.mark.parametrize(
    "text",
    [
        "Il secondo tempo è stato un disastro.",
        "Chi vince Sanremo secondo voi?",
        "Siamo arrivati al secondo posto!",
    ],
)
def test_secondo_as_an_ordinal_or_an_opinion_is_not_a_source(scan: Scan, text: str) -> None:
    assert "it.report.secondo" not in hits(scan(text, "it"))


# --- 2a. hate: negated positive statements ----------------------------------------------------------------

DENIALS = [
    ("it.hate.gruppo_escluso", "Gli immigrati non sono benvenuti qui."),
    ("it.hate.gruppo_escluso", "I gay non sono normali, punto."),
    ("it.hate.gruppo_escluso", "Gli zingari non saranno mai veri italiani."),
    ("it.hate.gruppo_escluso", "I figli degli immigrati non saranno mai italiani."),
    ("it.hate.gruppo_escluso", "I musulmani non appartengono a questo paese."),
    ("it.hate.gruppo_escluso", "Tanto i musulmani non si integreranno mai."),
    ("it.hate.gruppo_escluso", "Mai fidarsi di un ebreo."),
    ("it.hate.gruppo_escluso", "Degli zingari non ci si può fidare."),
    ("it.hate.gruppo_escluso", "Le trans non sono vere donne."),
    ("it.hate.gruppo_senza_diritti", "I rom non meritano nessun diritto."),
    ("it.hate.gruppo_senza_diritti", "Gli immigrati non meritano rispetto."),
    ("it.hate.gruppo_senza_diritti", "I gay non dovrebbero avere il diritto di adottare."),
    ("it.hate.gruppo_senza_diritti", "Niente case popolari agli immigrati."),
    ("it.hate.gruppo_senza_diritti", "Non ho alcun rispetto per i musulmani."),
    ("it.hate.gruppo_rifiutato", "Non assumerei mai una donna."),
    ("it.hate.gruppo_rifiutato", "Io non affitterei mai casa a un immigrato."),
    ("it.hate.gruppo_rifiutato", "Non mi fiderei mai di un musulmano."),
    ("it.hate.nessun_posto", "Non c'è posto per i musulmani in Italia."),
    ("it.hate.nessun_posto", "Gli ebrei non hanno posto in questo paese."),
    ("it.hate.nessun_posto", "In Italia non vogliamo più clandestini."),
    ("it.hate.nessun_posto", "Non voglio zingari nel mio quartiere."),
]


@pytest.mark.parametrize(("rule", "text"), DENIALS)
def test_denying_a_group_a_place_rights_or_trust_is_hate(scan: Scan, rule: str, text: str) -> None:
    signal = scan(text, "it")
    assert rule in hits(signal)
    assert score(signal, "hate") >= 0.5, signal.extras.get("negated")
    assert score(signal, "counter_speech") < ALLOW


NOT_DENIALS = [
    # the negation negates a negative predicate, or the group is not the subject
    "Gli immigrati non sono tutti uguali.",
    "Non è vero che i gay non sono normali.",
    "Le condizioni dei migranti non sono normali.",
    "I migranti non meritano niente di tutto questo.",
    "Le donne non dovrebbero avere paura di tornare a casa da sole.",
    # facts, capacity, everyday words
    "Non c'è posto per i profughi nel centro di accoglienza.",
    "I richiedenti asilo non hanno diritto a lavorare nei primi mesi.",
    "I ragazzi stranieri non sono ancora iscritti a scuola.",
    "Gli ospiti non sono benvenuti dopo le 22.",
    "Non vogliamo altri migranti morti in mare.",
    "I bambini rom non devono stare in mezzo alla strada.",
    "Non farei mai entrare una donna incinta sulle montagne russe.",
    "Non assumerei mai uno che scrive così.",
    "Non mi fiderei mai di un politico.",
    "Mia sorella è lesbica e non si fida mai di nessuno.",
]


@pytest.mark.parametrize("text", NOT_DENIALS)
def test_negations_facts_and_look_alikes_are_not_denials(scan: Scan, text: str) -> None:
    signal = scan(text, "it")
    assert not [r for r in hits(signal) if r.startswith("it.hate.")], hits(signal)


# --- 2b. counter-speech: positive statements --------------------------------------------------------------

PRAISE = [
    ("it.counter.elogio_del_gruppo", "Amo i miei vicini musulmani."),
    ("it.counter.elogio_del_gruppo", "Rispetto i musulmani."),
    ("it.counter.elogio_del_gruppo", "Diamo il benvenuto ai profughi!"),
    ("it.counter.elogio_del_gruppo", "Tutta la mia solidarietà ai migranti."),
    ("it.counter.elogio_del_gruppo", "Sto con i rom ❤️"),
    ("it.counter.elogio_del_gruppo", "Voglio bene a tutte le famiglie rom del quartiere, di cuore."),
    ("it.counter.gruppo_elogiato", "Gli immigrati sono i benvenuti qui."),
    ("it.counter.gruppo_elogiato", "I migranti sono i nostri vicini."),
    ("it.counter.gruppo_elogiato", "I rifugiati arricchiscono il nostro paese."),
    ("it.counter.gruppo_elogiato", "Migranti benvenuti!"),
    ("it.counter.gruppo_elogiato", "Le persone trans meritano rispetto e sicurezza, come tutti"),
]


@pytest.mark.parametrize(("rule", "text"), PRAISE)
def test_a_positive_statement_about_a_group_is_counter_speech(scan: Scan, rule: str, text: str) -> None:
    signal = scan(text, "it")
    assert rule in hits(signal)
    assert score(signal, "counter_speech") >= ALLOW
    assert score(signal, "hate") < 0.3


NOT_PRAISE = [
    # sarcasm: the statement does not end where the praise ends, or a reservation follows
    "Amo come gli immigrati stanno distruggendo l'Europa.",
    "Amo gli ebrei... nei forni.",
    "Amo gli ebrei, soprattutto quelli morti.",
    "Amo i gay! Stanno benissimo a casa loro.",
    "Adoro i migranti 🤣",
    "Adoro bruciare ebrei.",
    "Benvenuti clandestini, verso l'uscita.",
    "Gli immigrati sono una risorsa... per le coop.",
    "Gli immigrati sono una risorsa per chi ci guadagna.",
    # a contrast, a question, a negation
    "Rispetto i musulmani, ma l'islam è pericoloso.",
    "Tutta la mia solidarietà ai migranti? Ma per favore.",
    "Gli ebrei sono meravigliosi? Certo, come no.",
    "Non amo i musulmani.",
    "Non ho alcun rispetto per i musulmani.",
    # a generalisation that sounds neutral, a slur
    "Gli immigrati sono tutti uguali.",
    "Amo i froci.",
    # the same verbs about other things
    "Amo la pizza.",
    "Rispetto gli orari, sempre.",
    "Solidarietà ai lavoratori dell'ex Ilva.",
    "Benvenuti a Napoli!",
]


@pytest.mark.parametrize("text", NOT_PRAISE)
def test_sarcasm_contrast_questions_and_other_objects_are_not_praise(scan: Scan, text: str) -> None:
    signal = scan(text, "it")
    assert score(signal, "counter_speech") < ALLOW, hits(signal)


@pytest.mark.parametrize(
    ("praise", "attack_after"),
    [
        ("Amo gli immigrati.", "Amo gli immigrati. Gli immigrati sono feccia."),
        ("Rispetto i musulmani.", "Rispetto i musulmani. Ma i musulmani non sono benvenuti qui."),
        ("I rom sono i nostri vicini.", "I rom sono i nostri vicini. Ladri e parassiti, tutti quanti."),
    ],
)
def test_praise_speaks_for_its_sentence(scan: Scan, praise: str, attack_after: str) -> None:
    assert score(scan(praise, "it"), "counter_speech") >= ALLOW
    signal = scan(attack_after, "it")
    assert score(signal, "counter_speech") < ALLOW, hits(signal)


# --- 2c. disavowals that negation.yaml does not cover -------------------------------------------------------

DISAVOWALS = [
    ("it.counter.niente_contro", "Non ho niente contro i musulmani."),
    ("it.counter.niente_contro", "Io non ce l'ho con gli immigrati."),
    ("it.counter.identita_non_colpa", "Essere gay non è una malattia."),
    ("it.counter.identita_non_colpa", "Essere musulmana non è una colpa."),
    ("it.counter.identita_non_colpa", "Nessuno è illegale."),
]


@pytest.mark.parametrize(("rule", "text"), DISAVOWALS)
def test_a_disavowal_of_hostility_is_counter_speech(scan: Scan, rule: str, text: str) -> None:
    signal = scan(text, "it")
    assert rule in hits(signal)
    assert score(signal, "counter_speech") >= ALLOW


@pytest.mark.parametrize(
    "text",
    [
        "Non ho niente contro i gay, ma non li voglio vicino.",
        "Non ho niente contro i gay, basta che non si bacino in pubblico.",
        "Non ho niente contro i rom. Basta che stiano lontani.",
        "Non ho niente contro i musulmani. Solo che l'islam è una malattia.",
        "Essere gay non è normale.",
        "Nessuno è illegale? Chi entra senza permesso lo è.",
        "Non ho niente contro il lunedì.",
    ],
)
def test_a_qualified_disavowal_or_a_positive_predicate_is_not_counter_speech(scan: Scan, text: str) -> None:
    signal = scan(text, "it")
    assert score(signal, "counter_speech") < ALLOW, hits(signal)


# --- 4. precision on everyday posts ------------------------------------------------------------------------


def test_everyday_italian_posts_raise_no_stance_hate(scan: Scan) -> None:
    """The project's everyday Italian posts (``model/corpus/everyday_it.txt``) name groups in praise, facts
    and plans: none may score hate, and a stance rule never fires on them as hate."""
    [path] = [p for p in corpus_files() if p.name == "everyday_it.txt"]
    flagged = []
    for post in read_corpus(path):
        signal = scan(post.text, "it")
        if score(signal, "hate") >= 0.5 or any(r.startswith("it.hate.gruppo") for r in hits(signal)):
            flagged.append((post.line, post.text, hits(signal)))
    assert not flagged
