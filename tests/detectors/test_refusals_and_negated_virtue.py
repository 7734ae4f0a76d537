"""Denials framed as refusals, virtue denied a group, "X ruin everything", endorsed shares (lexicon v15).

Measured before these rules on sentences written for them, five languages: "I refuse to believe that Muslims
are any worse than anyone else." (hate 0.84), "Je refuse de croire que les musulmans soient pires que les
autres." (0.96), "Me niego a creer que los musulmanes sean peores que los demás." and their German and Italian
forms were *restricted* as hate; "Embaucher des Arabes ? Jamais. Pas un seul n'est honnête." and "Assumere dei
rom? Mai. Non ce n'è uno che sia onesto." were *allowed*; "Sharing this because it's true: "Jews are
ruining everything."" was allowed in all five languages (no lexicon rule read "ruin everything", so a quoted
attack had nothing to carry it), and "So much respect for refugees who keep going despite everything." went
to review.
Each rule is narrow — the statement must end where the rule ends, never a question, never before a contrast,
never a third party's claim — and the look-alikes below are the proof.
"""

from __future__ import annotations

import pytest

from vigie.pipeline import Pipeline
from vigie.types import Post

from .helpers import Scan, fired, score

HATE_REVIEW = 0.25  # the default policy's hate review bar
HATE_RESTRICT = 0.8  # one of these rules alone never restricts


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        (
            "I refuse to believe that Muslims are any worse than anyone else.",
            "en",
            "en.counter.refuses_to_believe",
        ),
        ("We refuse to believe that immigrants are inferior to us.", "en", "en.counter.refuses_to_believe"),
        (
            "Nobody I know thinks Muslims are a problem, and neither do I.",
            "en",
            "en.counter.refuses_to_believe",
        ),
        (
            "Je refuse de croire que les musulmans soient pires que les autres.",
            "fr",
            "fr.counter.refus_de_croire",
        ),
        ("Je ne crois pas une seconde que les juifs soient inférieurs.", "fr", "fr.counter.refus_de_croire"),
        (
            "Personne autour de moi ne pense que les réfugiés soient un problème.",
            "fr",
            "fr.counter.refus_de_croire",
        ),
        (
            "Je n'ai jamais détesté les musulmans et je ne les détesterai jamais.",
            "fr",
            "fr.counter.jamais_deteste",
        ),
        (
            "Me niego a creer que los musulmanes sean peores que los demás.",
            "es",
            "es.counter.me_niego_a_creer",
        ),
        (
            "Nadie que yo conozca cree que los inmigrantes sean un problema.",
            "es",
            "es.counter.me_niego_a_creer",
        ),
        ("Nunca he odiado a los judíos y nunca lo haré.", "es", "es.counter.nunca_he_odiado"),
        (
            "Ich weigere mich zu glauben, dass Muslime schlimmer sind als alle anderen.",
            "de",
            "de.counter.weigere_mich_zu_glauben",
        ),
        (
            "Ich finde nicht, dass Juden in irgendeiner Weise minderwertig sind.",
            "de",
            "de.counter.weigere_mich_zu_glauben",
        ),
        (
            "Niemand, den ich kenne, hält Flüchtlinge für ein Problem.",
            "de",
            "de.counter.weigere_mich_zu_glauben",
        ),
        ("Ich habe Muslime nie gehasst und werde es nie tun.", "de", "de.counter.nie_gehasst"),
        (
            "Mi rifiuto di credere che i musulmani siano peggio degli altri.",
            "it",
            "it.counter.mi_rifiuto_di_credere",
        ),
        (
            "Nessuno che conosco pensa che i migranti siano un problema.",
            "it",
            "it.counter.mi_rifiuto_di_credere",
        ),
        ("Non ho mai odiato gli ebrei e non li odierò mai.", "it", "it.counter.mai_odiato"),
    ],
)
def test_a_refusal_to_believe_an_attack_is_counter_speech(
    scan: Scan, text: str, language: str, rule: str
) -> None:
    signal = fired(scan, text, language, rule)
    assert score(signal, "counter_speech") >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A positive predicate denied is the attack, not its denial.
        ("I refuse to believe that Muslims are any better than animals.", "en"),
        ("Je refuse de croire que les musulmans soient meilleurs que des animaux.", "fr"),
        ("Me niego a creer que los gitanos sean mejores que las ratas.", "es"),
        ("Ich weigere mich zu glauben, dass Juden besser sind als Ratten.", "de"),
        # A contrast reopens what the denial seemed to close.
        ("I don't believe that immigrants are worse drivers, but statistics say so.", "en"),
        ("Nunca he odiado a los gitanos, pero me dan asco.", "es"),
        ("Non ho mai odiato i rom, ma mi fanno schifo.", "it"),
        # A question denies nothing.
        ("Nobody thinks Muslims are a problem?", "en"),
    ],
)
def test_refusal_look_alikes_get_no_counter_speech(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "counter_speech") == 0.0


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Hire Mexicans? No way. Not one of them is honest.", "en", "en.hate.no_virtue_in_group"),
        (
            "Not one of these Jews has ever contributed anything to this country.",
            "en",
            "en.hate.no_virtue_in_group",
        ),
        ("Gays have never contributed anything of value.", "en", "en.hate.no_virtue_in_group"),
        ("Embaucher des Arabes ? Jamais. Pas un seul n'est honnête.", "fr", "fr.hate.aucune_vertu"),
        ("Les juifs n'ont jamais rien apporté à ce pays.", "fr", "fr.hate.aucune_vertu"),
        ("¿Contratar a gitanos? Jamás. Ni uno solo es honrado.", "es", "es.hate.ninguna_virtud"),
        ("Los judíos nunca han aportado nada a este país.", "es", "es.hate.ninguna_virtud"),
        ("Muslime einstellen? Niemals. Keiner von denen ist ehrlich.", "de", "de.hate.keine_tugend"),
        (
            "Die Araber haben noch nie, nicht ein einziges Mal, irgendetwas beigetragen.",
            "de",
            "de.hate.keine_tugend",
        ),
        ("Assumere dei rom? Mai. Non ce n'è uno che sia onesto.", "it", "it.hate.nessuna_virtu"),
        ("Neanche uno dei migranti ha mai contribuito a qualcosa.", "it", "it.hate.nessuna_virtu"),
    ],
)
def test_virtue_denied_a_whole_group_goes_to_review(scan: Scan, text: str, language: str, rule: str) -> None:
    signal = fired(scan, text, language, rule)
    assert HATE_REVIEW <= score(signal, "hate") < HATE_RESTRICT


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        # No protected group: politicians, pupils, students.
        ("Trust politicians? Never. Not one of them is honest.", "en", "en.hate.no_virtue_in_group"),
        (
            "Not a single one of the students has ever contributed anything.",
            "en",
            "en.hate.no_virtue_in_group",
        ),
        (
            "Faire confiance aux politiciens ? Jamais. Pas un seul n'est honnête.",
            "fr",
            "fr.hate.aucune_vertu",
        ),
        ("Pas un seul de mes élèves n'a jamais rien apporté en classe.", "fr", "fr.hate.aucune_vertu"),
        ("¿Fiarme de los políticos? Jamás. Ni uno solo es honrado.", "es", "es.hate.ninguna_virtud"),
        ("Politikern vertrauen? Niemals. Keiner von denen ist ehrlich.", "de", "de.hate.keine_tugend"),
        ("Fidarsi dei politici? Mai. Non ce n'è uno che sia onesto.", "it", "it.hate.nessuna_virtu"),
        # A state, not a virtue; a group met, not judged; an achievement that does not close the statement.
        ("I met refugees at the station. None of them is happy there.", "en", "en.hate.no_virtue_in_group"),
        (
            "Muslims have never achieved anything like this before in the league.",
            "en",
            "en.hate.no_virtue_in_group",
        ),
        ("J'ai rencontré des réfugiés à la gare. Aucun n'est heureux là-bas.", "fr", "fr.hate.aucune_vertu"),
    ],
)
def test_virtue_look_alikes_are_not_hate(scan: Scan, text: str, language: str, rule: str) -> None:
    assert rule not in scan(text, language).extras["rule_hits"]


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Muslims are ruining everything.", "en", "en.hate.group_ruins_everything"),
        ("Les immigrés ruinent tout.", "fr", "fr.hate.ruinent_tout"),
        ("Los inmigrantes lo están destrozando todo.", "es", "es.hate.lo_destrozan_todo"),
        ("Ausländer machen alles kaputt.", "de", "de.hate.macht_alles_kaputt"),
        ("I musulmani stanno rovinando tutto.", "it", "it.hate.rovinano_tutto"),
    ],
)
def test_a_group_blamed_for_ruining_everything_is_hate(
    scan: Scan, text: str, language: str, rule: str
) -> None:
    signal = fired(scan, text, language, rule)
    assert score(signal, "hate") >= HATE_REVIEW


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The rain is ruining everything.", "en"),
        ("Critics say immigrants are ruining the country, but the data says otherwise.", "en"),
        ("Stop pretending immigrants are ruining this country.", "en"),
        ("La pluie ruine tout.", "fr"),
        ("Arrêtez de dire que les immigrés ruinent tout.", "fr"),
        ("Dejad de decir que los inmigrantes lo destrozan todo.", "es"),
        ("Der Regen macht alles kaputt.", "de"),
        ("Frauen machen alles besser.", "de"),
        ("Smettetela di dire che i migranti rovinano tutto.", "it"),
    ],
)
def test_ruin_look_alikes_are_not_the_authors_claim(scan: Scan, text: str, language: str) -> None:
    hits = scan(text, language).extras["rule_hits"]
    assert not any(".hate." in h for h in hits), hits


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ('Sharing this because it\'s true: "Jews are ruining everything."', "en"),
        ("Je partage parce que c'est vrai : « les musulmans ruinent tout ».", "fr"),
        ("Lo comparto porque es verdad: «los judíos lo destrozan todo».", "es"),
        ("Teile ich, weil es stimmt: „Juden machen alles kaputt.“", "de"),
        ("Lo condivido perché è vero: «gli ebrei rovinano tutto».", "it"),
        (
            "Il a été viré pour avoir écrit « les Noirs sont des singes ». "
            "Il disait juste ce qu'on sait tous.",
            "fr",
        ),
        (
            "Er wurde gesperrt, weil er „Muslime sind Ratten“ geschrieben hat. Dabei hat er nur gesagt, "
            "was wir alle wissen.",
            "de",
        ),
    ],
)
def test_an_endorsed_quotation_is_the_authors_attack(pipeline: Pipeline, text: str, language: str) -> None:
    decision = pipeline.run(Post("p", text, lang_hint=language))
    assert "hate" in decision.violations, decision.scores.get("hate")


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        (
            "So much respect for refugees who keep going despite everything.",
            "en",
            "en.counter.respect_for_group",
        ),
        (
            "I truly admire trans people for everything they have been through.",
            "en",
            "en.counter.respect_for_group",
        ),
        (
            "Beaucoup de respect pour les musulmans qui tiennent bon malgré la haine.",
            "fr",
            "fr.counter.respect_groupe",
        ),
        (
            "J'admire vraiment les réfugiés pour tout ce qu'ils ont traversé.",
            "fr",
            "fr.counter.respect_groupe",
        ),
        (
            "Mucho respeto para los musulmanes que siguen adelante a pesar de todo.",
            "es",
            "es.counter.respeto_grupo",
        ),
        (
            "So viel Respekt für die Flüchtlinge, die trotz allem weitermachen.",
            "de",
            "de.counter.respekt_fuer_gruppe",
        ),
        (
            "Tantissimo rispetto per i musulmani che nonostante tutto vanno avanti.",
            "it",
            "it.counter.rispetto_gruppo",
        ),
    ],
)
def test_respect_for_what_a_group_went_through_is_counter_speech(
    scan: Scan, text: str, language: str, rule: str
) -> None:
    signal = fired(scan, text, language, rule)
    assert score(signal, "counter_speech") >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("So much respect for Muslims... said no one ever.", "en"),
        ("Respect for Muslims? Never.", "en"),
        ("Du respect pour les musulmans ? Jamais.", "fr"),
        ("So much respect for refugees, but they have to go home.", "en"),
        ("I have no respect for Muslims.", "en"),
        ("Je n'ai aucun respect pour les musulmans.", "fr"),
        ("No tengo ningún respeto para los gitanos.", "es"),
        ("Ich habe keinen Respekt für Muslime.", "de"),
        ("Non ho nessun rispetto per i rom.", "it"),
    ],
)
def test_sarcastic_or_qualified_respect_is_not_counter_speech(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "counter_speech") == 0.0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Indigenous people are savages.", "en"),
        ("Les autochtones sont des sauvages.", "fr"),
        ("Los indígenas son unos salvajes.", "es"),
        ("Die Ureinwohner sind Wilde.", "de"),
        ("Gli indigeni sono dei selvaggi.", "it"),
    ],
)
def test_indigenous_peoples_are_a_protected_group(scan: Scan, text: str, language: str) -> None:
    signal = scan(text, language)
    assert score(signal, "hate") >= HATE_REVIEW, signal.extras
    assert any(t.name == "indigenous people" for t in signal.targets), signal.targets
