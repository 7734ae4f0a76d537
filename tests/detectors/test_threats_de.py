"""German threats, calls to violence and news reporting in the lexicon's German data (de/drohungen.yaml on top
of the core in de/lexicon.yaml): direct, conditional, wished and veiled threats against the reader, officials,
judges, journalists and groups score as threats; calls to arms, to militias, to storm buildings and to kill
score as incitement; idioms, negated threats, news and court reports and everyday look-alikes do not.

German word order is what these cases exercise: verb-second after a fronted time or object ("Morgen bring ich
dich um", "Den Minister knall ich ab"), verb-final subordinate clauses ("…, bis ich dich umbringe"), separable
verbs whose particle must close the clause ("um 8" is a time, not a killing). Sentences are written for these
tests and differ from the data's strings.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.types import Signal

Scan = Callable[[str, str], Signal]
"""The ``scan`` fixture (tests/detectors/conftest.py): the shipped lexicon on one text."""

VIOLENCE = ("violent_threat", "incitement")


def score(signal: Signal, label: str) -> float:
    return signal.scores[label].score


def german_rules(signal: Signal) -> list[str]:
    return [r for r in signal.extras["rule_hits"] if r.startswith("de.")]


THREATS = [
    # direct, against the reader and against third persons (separable verbs, fronted objects)
    ("Morgen früh bring ich dich um, versprochen.", "violent_threat"),
    ("Ich knall die Bürgermeisterin ab, sobald sie aus dem Rathaus kommt.", "violent_threat"),
    ("Den Staatsanwalt mach ich kalt.", "violent_threat"),
    ("Ich werde diese Journalistin umbringen.", "violent_threat"),
    ("Wir erschießen den Richter, wenn das Urteil fällt.", "violent_threat"),
    ("Du weißt, dass ich dich eines Tages abstechen werde.", "violent_threat"),
    ("Ich dreh dir den Hals um, du Ratte.", "violent_threat"),
    # "umbringen" split ("bringe ... um"), the particle closing the clause; "beim Spiel" is where, not a taunt
    ("Ich bringe dich beim Spiel um", "violent_threat"),
    ("Wir bringen euch alle um", "violent_threat"),
    ("Ich bringe den Richter um", "violent_threat"),
    ("Morgen bringe ich dich um", "violent_threat"),
    # "jemanden um die Ecke bringen" is itself a way of saying "kill"
    ("Ich bring dich um die Ecke.", "violent_threat"),
    # a purpose clause after the threat is not the "um zu" of "ich bringe dich um zu sehen"
    ("Ich bringe dich um, um zu zeigen, wer hier das Sagen hat.", "violent_threat"),
    # harm predicates with a target in the sentence
    ("Die Richterin kriegt 'ne Kugel.", "violent_threat"),
    ("Der Minister wird noch heute erschossen.", "violent_threat"),
    # conditional
    ("Wenn du noch einmal hier auftauchst, bist du tot.", "violent_threat"),
    ("Falls ihr die Zeugin nicht in Ruhe lasst, schlag ich euch tot.", "violent_threat"),
    # wishes of death and harm
    ("Ich hoffe, dass du langsam verreckst.", "violent_threat"),
    ("Hoffentlich krepiert der Kanzler bald.", "violent_threat"),
    ("Möge er verrecken.", "violent_threat"),
    # "someone should", normative threats against groups and officials
    ("Irgendjemand sollte den Präsidenten abknallen.", "violent_threat"),
    ("Journalisten gehören allesamt aufgehängt.", "violent_threat"),
    ("Diese Politiker gehören an die Wand gestellt.", "violent_threat"),
    # veiled
    ("Wir wissen genau, wo deine Tochter zur Schule geht.", "violent_threat"),
    ("Eure Tage sind gezählt.", "violent_threat"),
    ("Wir kriegen euch alle, früher oder später.", "violent_threat"),
    ("Nächste Woche komme ich mit dem Gewehr in die Redaktion.", "violent_threat"),
    # calls to arms, militias, storming, killing; dated and placed
    ("Leute, besorgt euch Waffen und Munition!", "incitement"),
    ("Kommt am Samstag alle bewaffnet zum Landtag.", "incitement"),
    ("Am Sonntag stürmen wir die Synagoge.", "incitement"),
    ("Gründet Bürgerwehren und holt sie euch, einen nach dem anderen.", "incitement"),
    ("Tod den Volksverrätern!", "incitement"),
    ("Erschießt die Journalisten!", "incitement"),
    ("Man sollte sie alle erschießen, jeden einzelnen.", "incitement"),
    ("Zündet das Flüchtlingsheim an!", "incitement"),
    ("Es ist Zeit für den Bürgerkrieg.", "incitement"),
    # Lexikon v21: the killing wished on someone, separable or verb-last, and the gallows deserved.
    ("Hoffentlich knallt den endlich jemand ab.", "violent_threat"),
    ("Ich würde gut dafür bezahlen, dass ihn jemand umbringt.", "violent_threat"),
    ("Ich hoffe, dass sie jemand abknallt.", "violent_threat"),
    ("Dieser Richter verdient nur noch den Galgen.", "violent_threat"),
]


@pytest.mark.parametrize(("text", "label"), THREATS)
def test_threats_and_calls_to_violence_score_with_a_german_rule(scan: Scan, text: str, label: str) -> None:
    signal = scan(text, "de")
    assert score(signal, label) >= 0.5, (text, dict(signal.extras))
    assert german_rules(signal), signal.extras["rule_hits"]


NOT_THREATS = [
    # news about militias is not a call to form them
    "Der Iran bildet Milizen aus, berichtet die Zeitung.",
    # idioms with violent words
    "Ich könnte ihn umbringen, so süß ist der Kleine.",
    "Dieses Video bringt mich echt um 😂",
    "Wir schlagen hier am Bahnhof die Zeit tot.",
    "Im Rückspiel werden wir euch fertigmachen!",
    "Ich sterbe vor Lachen, wer hat das gemacht?",
    "Die neue Killer-App für Fotografen ist da.",
    "Ich könnte für einen Döner gerade morden.",
    # negated threats
    "Ich werde dich nie verletzen.",
    "Ich hoffe, du stirbst nicht so früh wie Opa.",
    "Kein Mensch verdient es, erschossen zu werden.",
    # news and court reports
    "Der Landrat hat Morddrohungen bekommen, der Staatsschutz ermittelt.",
    "Die Polizei stürmt die Wohnung des Tatverdächtigen in Köln.",
    # everyday look-alikes
    "Ich bring dich um 8 zum Bahnhof.",
    "Ich bringe dich um 8 Uhr nach Hause",
    "Ich bring dich um die Ecke zur Bushaltestelle.",
    "Keine Angst, ich bringe dich um die Ecke bis zum Bahnhof.",
    "Ich bringe dich um die Zeit lieber mit dem Auto heim.",
    "Ich bringe dich um zu sehen, wie es dir geht.",
    "Ich bringe sie nach Hause, um sicherzugehen, dass alles gut ist.",
    "Nehmt die Waffen runter!",
    "Kommt am Samstag zur Mahnwache vor dem Rathaus und bringt Kerzen mit.",
    "Eine Kugel Vanille für dich?",
    "Die Tickets sind da – holt sie euch!",
    "Diese Pflanze wird verrecken, wenn ich sie nicht gieße.",
    "Weiberfastnacht: um 11:11 stürmen die Möhnen das Rathaus, Helau!",
    "Die Bilder sollten höher aufgehängt werden.",
    "Deine Familie wird bluten müssen für die Reparatur.",
    "Hoffentlich bringt er sich nicht um.",
    "Hoffentlich bringt uns der Bus um 8 Uhr hin.",
    "Hoffentlich holt mich jemand ab.",
    "Niemand verdient den Galgen.",
    "Dieser Mann verdient keinen Galgen, sondern einen fairen Prozess.",
]


@pytest.mark.parametrize("text", NOT_THREATS)
def test_idioms_negations_reports_and_look_alikes_stay_below_threshold(scan: Scan, text: str) -> None:
    signal = scan(text, "de")
    for label in VIOLENCE:
        assert score(signal, label) < 0.5, (text, label, dict(signal.extras))


@pytest.mark.parametrize(
    "text",
    [
        "Laut Polizei soll der Mann der Bürgermeisterin mit dem Tod gedroht haben.",
        "Die Staatsanwaltschaft wirft ihm vor, eine Reporterin bedroht zu haben.",
        "Der 52-Jährige wurde wegen Bedrohung zu einer Bewährungsstrafe verurteilt.",
    ],
)
def test_news_and_court_reports_score_reporting(scan: Scan, text: str) -> None:
    signal = scan(text, "de")
    assert score(signal, "reporting") >= 0.4, dict(signal.extras)
    assert any(r.startswith("de.report.") for r in signal.extras["rule_hits"])
    for label in VIOLENCE:
        assert score(signal, label) < 0.5


def test_a_quoted_threat_in_a_report_is_reporting_not_a_threat(scan: Scan) -> None:
    signal = scan("Laut Anklage schrieb er der Richterin: „Ich bring dich um“.", "de")
    assert score(signal, "violent_threat") < 0.5
    assert score(signal, "reporting") >= 0.4
    assert signal.extras.get("quoted"), dict(signal.extras)


def test_negation_dampens_the_threat_and_says_so(scan: Scan) -> None:
    threat = scan("Ich werde dich verletzen.", "de")
    negated = scan("Ich werde dich nie verletzen.", "de")
    assert score(threat, "violent_threat") >= 0.5
    assert score(negated, "violent_threat") < 0.3
    assert negated.extras.get("negated"), dict(negated.extras)


@pytest.mark.parametrize(
    "text", ["Ich bringe dich nicht um.", "Wir bringen euch nicht alle um, keine Angst."]
)
def test_a_negated_separable_verb_threat_is_dampened(scan: Scan, text: str) -> None:
    """A "nicht" between the verb and its particle negates the killing as it does anywhere else."""
    signal = scan(text, "de")
    assert score(signal, "violent_threat") < 0.3
    assert [n["rule"] for n in signal.extras["negated"]] == ["de.threat.ich_bring_um"]


def test_umbringen_at_a_game_is_a_threat_but_beating_someone_at_it_is_not(scan: Scan) -> None:
    """The game idiom covers the words for winning ("fertigmachen", "plattmachen", gamers' "killen"), not
    "umbringen": a threat that happens to name a match stays a threat, as "kill" does in English."""
    threat = scan("Ich bringe dich beim Spiel um", "de")
    assert "de.threat.ich_bring_um" in threat.extras["rule_hits"]
    assert not threat.extras.get("suppressed")
    taunt = scan("Im Finale werden wir euch killen!", "de")
    assert score(taunt, "violent_threat") < 0.5
    assert "de.idiom.spiel_fertigmachen" in {i["idiom"] for i in taunt.extras.get("idioms", ())}


def test_a_harm_predicate_counts_only_with_a_target(scan: Scan) -> None:
    untargeted = scan("Der kriegt eine Kugel.", "de")
    targeted = scan("Der Richter kriegt eine Kugel.", "de")
    assert score(untargeted, "violent_threat") < 0.5
    assert "de.threat.kriegt_kugel" in untargeted.extras.get("untargeted", [])
    assert score(targeted, "violent_threat") >= 0.5
    assert "de.threat.kriegt_kugel" in targeted.extras["rule_hits"]
    assert "judge" in {t.kind for t in targeted.targets}


def test_an_idiom_suppresses_the_threat_reading_and_is_named(scan: Scan) -> None:
    signal = scan("Wir werden euch im Finale fertigmachen!", "de")
    assert score(signal, "violent_threat") < 0.5
    assert any(s["idiom"].startswith("de.idiom.") for s in signal.extras.get("suppressed", []))


def test_a_dated_call_to_storm_a_building_is_planned(scan: Scan) -> None:
    signal = scan("Am Samstag stürmen wir das Rathaus.", "de")
    assert score(signal, "incitement") >= 0.8
    assert "de.incite.sturm" in signal.extras["rule_hits"]
    assert signal.extras["planned"] is True
    assert score(signal, "imminence") >= 0.6


def test_a_third_person_present_tense_report_is_not_a_call(scan: Scan) -> None:
    """Imperative plural and third person singular look alike ("stürmt", "kauft"): only a clause-initial verb
    is read as a call."""
    call = scan("Kauft euch Waffen!", "de")
    report = scan("Er kauft Waffen im Darknet, sagen die Ermittler.", "de")
    assert score(call, "incitement") >= 0.5
    assert score(report, "incitement") < 0.5
