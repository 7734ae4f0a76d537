"""Calls to arms, lynching and conditional threats; exclusion and revulsion (lexicon v15, five languages).

Measured before these rules on sentences written for them: "Find the judge's address and make him pay
in blood." was caught, its French and Spanish forms ("Trouvez l'adresse du juge et faites-le payer dans le
sang.", "Buscad la dirección del juez y hacedle pagar con sangre.") were *allowed*; "Noch so ein Urteil, und
der Richter hat ein Messer im Rücken, von mir persönlich." was allowed; the lexicon had no reading of "nobody
from the other side walks away", "stock up on X ... we march on", "die X gehören an den Laternen
aufgeknüpft", "esco ad ammazzare i X", "i X andrebbero macellati", "keep the X away from our schools"
(fr/es/de/it) or "they repulse me" — the heads caught some of them for some groups and missed them for
others (the held-out template cases with Asians, lesbians, Roma or indigenous people). Each rule names blood,
the other side, a weapon, a gallows or a protected group; the look-alikes below (the past, the bake sale, the
plumber, a betrayal, fairy lights, pigs, children by the pool, spiders) are the proof that the words alone
are not enough.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, fired, score


@pytest.mark.parametrize(
    ("text", "language", "rule", "label"),
    [
        (
            "Last call: city hall, Friday at noon. They will pay in blood.",
            "en",
            "en.threat.pay_in_blood",
            "violent_threat",
        ),
        (
            "The traitors will pay with their blood.",
            "en",
            "en.threat.pay_in_blood",
            "violent_threat",
        ),
        (
            "Saturday night we go to the square and nobody from the other side walks away alive.",
            "en",
            "en.incite.nobody_walks_away",
            "incitement",
        ),
        (
            "Stock up on crowbars. On Sunday we march on the town hall.",
            "en",
            "en.incite.stock_up_and_march",
            "incitement",
        ),
        (
            "Trouvez l'adresse du juge et faites-le payer dans le sang.",
            "fr",
            "fr.threat.payer_dans_le_sang",
            "violent_threat",
        ),
        ("Ils paieront dans le sang.", "fr", "fr.threat.payer_dans_le_sang", "violent_threat"),
        (
            "Samedi on y va, et personne d'en face ne repart vivant.",
            "fr",
            "fr.incite.personne_ne_repart",
            "incitement",
        ),
        ("Celui qui bute ce député sera un héros.", "fr", "fr.incite.heros_qui_le_bute", "incitement"),
        (
            "Si vous croisez ce journaliste ce soir, cognez-le jusqu'à ce qu'il ne bouge plus.",
            "fr",
            "fr.incite.frapper_jusqua",
            "incitement",
        ),
        (
            "Répète-moi ça en face, Karim, et tu ne pourras plus marcher après.",
            "fr",
            "fr.threat.repete_en_face",
            "violent_threat",
        ),
        (
            "Buscad la dirección del juez y hacedle pagar con sangre.",
            "es",
            "es.threat.pagar_con_sangre",
            "violent_threat",
        ),
        (
            "El sábado vamos a la plaza y del otro bando no sale nadie con vida.",
            "es",
            "es.incite.no_sale_nadie",
            "incitement",
        ),
        (
            "Haced acopio de cuchillos: el sábado marchamos sobre la mezquita.",
            "es",
            "es.incite.acopio_y_marcha",
            "incitement",
        ),
        ("Sie werden mit Blut bezahlen.", "de", "de.threat.mit_blut_bezahlen", "violent_threat"),
        (
            "Am Samstag gehen wir hin, und von der anderen Seite kommt keiner lebend raus.",
            "de",
            "de.incite.keiner_kommt_lebend_raus",
            "incitement",
        ),
        (
            "Besorgt euch Messer, so viele ihr kriegt, denn am Samstag marschieren wir auf die Moschee.",
            "de",
            "de.incite.besorgt_euch_waffen",
            "incitement",
        ),
        (
            "Die Juden gehören an den Laternen aufgeknüpft.",
            "de",
            "de.threat.an_die_laterne",
            "violent_threat",
        ),
        (
            "Noch so ein Urteil, und der Richter hat ein Messer im Rücken, von mir persönlich.",
            "de",
            "de.threat.messer_im_ruecken_von_mir",
            "violent_threat",
        ),
        (
            "Ich pass den Bürgermeister nach der Sitzung ab, und dann bleibt kein Knochen heil.",
            "de",
            "de.threat.kein_knochen_heil",
            "violent_threat",
        ),
        (
            "Trovate il giudice e fategliela pagare col sangue.",
            "it",
            "it.threat.pagare_col_sangue",
            "violent_threat",
        ),
        (
            "Mi armo di coltelli ed esco ad ammazzare i musulmani.",
            "it",
            "it.threat.esco_ad_ammazzare",
            "violent_threat",
        ),
        (
            "Sinceramente gli ebrei andrebbero macellati, senza pietà.",
            "it",
            "it.threat.gruppo_va_macellato",
            "violent_threat",
        ),
        (
            "Se vedete quel giornalista, picchiatelo finché non si muove più.",
            "it",
            "it.incite.picchiatelo_finche",
            "incitement",
        ),
        (
            "Ridimmelo in faccia, Marco, e dopo non riuscirai più a camminare.",
            "it",
            "it.threat.ridimmelo_in_faccia",
            "violent_threat",
        ),
        ("The mayor has to pay for this in blood.", "en", "en.threat.pay_in_blood_target", "violent_threat"),
        ("Le juge paiera dans le sang.", "fr", "fr.threat.payer_dans_le_sang_cible", "violent_threat"),
        ("Der Richter wird mit Blut bezahlen.", "de", "de.threat.mit_blut_bezahlen_ziel", "violent_threat"),
    ],
)
def test_calls_to_arms_and_threats_are_read(
    scan: Scan, text: str, language: str, rule: str, label: str
) -> None:
    signal = fired(scan, text, language, rule)
    assert score(signal, label) >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("My grandfather paid in blood for this country's freedom.", "en"),
        ("Nobody walks away from this course without learning something.", "en"),
        ("Stock up on water and snacks, we march on Saturday for climate justice.", "en"),
        ("Stock up on pipes and fittings, the plumber said we march on with the renovation Monday.", "en"),
        ("Nos grands-parents ont payé dans le sang la liberté de ce pays.", "fr"),
        ("Celui qui marque ce soir sera un héros.", "fr"),
        ("Nuestros abuelos pagaron con sangre la libertad.", "es"),
        ("Haced acopio de agua: el sábado marchamos por el clima.", "es"),
        ("Sein Rücktritt war ein Messer im Rücken der Partei.", "de"),
        ("Die Lichterketten gehören an die Laternen gehängt.", "de"),
        ("Nach dem Sturz war kein Knochen heil geblieben, sagt der Arzt.", "de"),
        ("Besorgt euch Regenschirme, am Samstag marschieren wir für das Klima.", "de"),
        ("I maiali vanno macellati a dicembre.", "it"),
        ("Esco a comprare il pane.", "it"),
        ("I nostri nonni hanno pagato col sangue la libertà.", "it"),
    ],
)
def test_the_same_words_without_a_target_or_weapon_are_nothing(scan: Scan, text: str, language: str) -> None:
    signal = scan(text, language)
    assert score(signal, "violent_threat") < 0.5, signal.extras
    assert score(signal, "incitement") < 0.5, signal.extras


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Can't stand being around lesbians, they repulse me.", "en", "en.hate.group_repulses_me"),
        ("Tenez les Roms loin de nos écoles.", "fr", "fr.hate.tenez_les_loin"),
        ("Je ne supporte pas d'être près des réfugiés, ils me répugnent.", "fr", "fr.hate.ils_me_degoutent"),
        ("Mantened a los gitanos lejos de nuestros hijos.", "es", "es.hate.mantenedlos_lejos"),
        (
            "A los musulmanes no se les debería dejar acercarse a nuestros colegios.",
            "es",
            "es.hate.mantenedlos_lejos",
        ),
        ("Haltet die Muslime von unseren Kindern fern.", "de", "de.hate.haltet_sie_fern"),
        ("Ich ertrage die Juden nicht, sie widern mich an.", "de", "de.hate.widern_mich_an"),
        ("Ich kann die Lesben nicht mehr ertragen.", "de", "de.hate.widern_mich_an"),
        ("Tenete i rom lontani dai nostri figli.", "it", "it.hate.teneteli_lontani"),
        ("I musulmani non devono potersi avvicinare alle nostre scuole.", "it", "it.hate.teneteli_lontani"),
    ],
)
def test_exclusion_and_revulsion_toward_a_group_are_hate(
    scan: Scan, text: str, language: str, rule: str
) -> None:
    signal = fired(scan, text, language, rule)
    assert score(signal, "hate") >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Can't stand being near spiders, they disgust me.", "en"),
        ("Tenez les enfants loin de la piscine.", "fr"),
        ("Je ne supporte pas les araignées, elles me dégoûtent.", "fr"),
        ("Mantened a los niños lejos de la piscina.", "es"),
        ("Haltet die Kinder vom Pool fern.", "de"),
        ("Ich ertrage Spinnen nicht, sie widern mich an.", "de"),
        ("Ich kann die Hitze nicht mehr ertragen.", "de"),
        ("Tenete i bambini lontani dalla piscina.", "it"),
    ],
)
def test_exclusion_and_revulsion_without_a_group_are_not_hate(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "hate") == 0.0


def test_a_promise_to_call_hate_out_is_counter_speech(scan: Scan) -> None:
    signal = scan('Every time someone types "Mexicans are animals", I will be here to call it out.', "en")
    assert "en.counter.will_call_it_out" in signal.extras["rule_hits"], signal.extras
    assert score(signal, "counter_speech") >= 0.5


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Plantar cara al odio contra los musulmanes es cosa de todos.", "es", "es.counter.denuncia"),
        ("L'odio contro i musulmani non ha posto nella nostra città.", "it", "it.counter.odio_non_ha_posto"),
        ("We must speak out when Jews are targeted.", "en", "en.counter.speak_out_when_targeted"),
    ],
)
def test_opposing_hatred_against_a_group_is_counter_speech(
    scan: Scan, text: str, language: str, rule: str
) -> None:
    signal = fired(scan, text, language, rule)
    assert score(signal, "counter_speech") >= 0.5


def test_a_question_about_hatred_having_no_place_is_not_counter_speech(scan: Scan) -> None:
    signal = scan("L'odio contro i musulmani non ha posto? Certo che ce l'ha.", "it")
    assert "it.counter.odio_non_ha_posto" not in signal.extras["rule_hits"]


@pytest.mark.parametrize(
    ("text", "rule", "hateful"),
    [
        ("Les Arabes ont envahi toute la rue.", "fr.hate.invasion_groupe", True),
        ("Typique d'un juif, toujours à compter son argent.", "fr.hate.typique_du_groupe", True),
        ("Les touristes ont envahi toute la plage.", "fr.hate.invasion_groupe", False),
        ("Typique d'un Breton, il pleut et il sort en t-shirt.", "fr.hate.typique_du_groupe", False),
    ],
)
def test_invasion_and_stereotype_need_a_protected_group(
    scan: Scan, text: str, rule: str, hateful: bool
) -> None:
    signal = scan(text, "fr")
    assert (rule in signal.extras["rule_hits"]) is hateful, signal.extras
    assert (score(signal, "hate") >= 0.5) is hateful


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        (
            "Senator Hayes, we know which school your kids go to. Think about that before Tuesday's vote.",
            "en",
            "en.threat.know_your_kids_school",
        ),
        (
            "Monsieur le maire, on sait où habitent vos enfants. Réfléchissez avant le vote de mardi.",
            "fr",
            "fr.threat.on_sait_ou_vont_vos_enfants",
        ),
        (
            "Señor alcalde, sabemos a qué colegio van sus hijos. Piénselo antes de la votación del martes.",
            "es",
            "es.threat.sabemos_colegio_hijos",
        ),
        (
            "Herr Bürgermeister, wir wissen, auf welche Schule Ihre Kinder gehen.",
            "de",
            "de.threat.wissen_welche_schule",
        ),
        (
            "Signor sindaco, sappiamo in quale scuola vanno i suoi figli.",
            "it",
            "it.threat.sappiamo_scuola_figli",
        ),
        (
            "Si le juge tranche contre nous, il ne rentrera pas chez lui ce soir-là.",
            "fr",
            "fr.threat.ne_rentrera_pas",
        ),
        ("Esa periodista merece que la cuelguen delante del Congreso.", "es", "es.threat.merece_muerte"),
        ("Diese Journalistin gehört vor dem Reichstag aufgehängt.", "de", "de.threat.an_die_laterne"),
    ],
)
def test_threats_to_an_official_through_their_children_or_the_gallows(
    scan: Scan, text: str, language: str, rule: str
) -> None:
    assert score(fired(scan, text, language, rule), "violent_threat") >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We know which school your kids go to, it's the same as ours! See you at pickup.", "en"),
        ("I know where your kids go to school because I teach there.", "en"),
        ("Si tu finis tard, tu ne rentreras pas chez toi en bus, prends un taxi.", "fr"),
        ("On sait où vont vos enfants ? Pas encore, l'école n'a pas répondu.", "fr"),
        ("Sabemos dónde estudian sus hijos porque somos vecinos.", "es"),
        ("Die Gäste gehören vor dem Essen begrüßt.", "de"),
    ],
)
def test_children_and_homecomings_explained_or_asked_are_nothing(
    scan: Scan, text: str, language: str
) -> None:
    assert score(scan(text, language), "violent_threat") < 0.5


@pytest.mark.parametrize(
    ("text", "language", "rule", "label"),
    [
        (
            "On inauguration day we hunt down every traitor in congress.",
            "en",
            "en.incite.hunt_down_every",
            "incitement",
        ),
        (
            "Time to start killing the journalists who lie about us.",
            "en",
            "en.incite.by_any_means",
            "incitement",
        ),
        (
            "El día de la investidura cazaremos a cada traidor del Congreso.",
            "es",
            "es.incite.cazar_a_cada",
            "incitement",
        ),
        (
            "Am Tag der Amtseinführung jagen wir jeden Verräter im Bundestag.",
            "de",
            "de.incite.jeden_verraeter_jagen",
            "incitement",
        ),
        (
            "Il giorno dell'insediamento daremo la caccia a ogni traditore in Parlamento.",
            "it",
            "it.incite.caccia_a_ogni",
            "incitement",
        ),
        (
            "Bisogna far piovere sofferenza e morte su questa gente.",
            "it",
            "it.incite.far_piovere_morte",
            "incitement",
        ),
    ],
)
def test_the_seed_campaigns_calls_are_read(
    scan: Scan, text: str, language: str, rule: str, label: str
) -> None:
    assert score(fired(scan, text, language, rule), label) >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Let's hunt down every typo before we publish.", "en"),
        ("It's time to start hunting for a new flat.", "en"),
        ("Vamos a cazar a cada pokémon del parque.", "es"),
        ("Wir jagen jeden Fehler im Code.", "de"),
        ("Daremo la caccia a ogni errore nel testo.", "it"),
        ("Facciamo piovere coriandoli sulla festa.", "it"),
    ],
)
def test_hunting_typos_and_raining_confetti_are_nothing(scan: Scan, text: str, language: str) -> None:
    signal = scan(text, language)
    assert score(signal, "incitement") < 0.5, signal.extras


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The article reports that users called to form militias before the 20th.", "en"),
        ("L'article rapporte que des utilisateurs appelaient à former des milices avant le 20.", "fr"),
    ],
)
def test_a_call_to_arms_narrated_by_a_story_is_reporting(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "reporting") >= 0.5
