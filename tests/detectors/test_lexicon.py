"""Behaviour of ``vigie.lexicon``: what it scores, what it leaves alone, and how it explains itself.

The sentences here are written for the tests (not taken from data sets) and are deliberately not
the lexicon's own strings: patterns use inflection lists and gaps, tests use inflected forms in
whole sentences, so a test fails when the composition breaks, not only when a string is deleted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vigie.categories import CATEGORIES
from vigie.detectors.base import Document
from vigie.detectors.lexicon import DATA_DIR, NEGATED_FACTOR, QUOTED_FACTOR, SCORE_CAP, LexiconDetector
from vigie.errors import ConfigError
from vigie.text.normalize import normalize
from vigie.types import Evidence, Post, Signal, Span

CATEGORY_LABELS = [str(c) for c in CATEGORIES]


@pytest.fixture(scope="module")
def detector() -> LexiconDetector:
    d = LexiconDetector()
    d.load()
    return d


def doc(text: str, language: str = "en", *, truncated: bool = False) -> Document:
    return Document(Post("t", text), text, normalize(text), language, (Span(0, len(text)),), truncated)


def run(detector: LexiconDetector, text: str, language: str = "en") -> Signal:
    return detector.detect_batch([doc(text, language)])[0]


def score(signal: Signal, label: str) -> float:
    cs = signal.scores.get(label)
    return cs.score if cs is not None else 0.0


def evidence(signal: Signal, label: str) -> list[Evidence]:
    cs = signal.scores.get(label)
    return [e for e in cs.evidence if e.label == label] if cs is not None else []


def assert_flagged(signal: Signal, text: str, label: str, fragment: str) -> None:
    assert score(signal, label) >= 0.5, f"{label}={score(signal, label)} for {text!r}: {dict(signal.extras)}"
    found = evidence(signal, label)
    assert found, f"no {label} evidence for {text!r}"
    for ev in found:
        assert ev.snippet == text[ev.span.start : ev.span.end]
        assert ev.source == "vigie.lexicon@" + LexiconDetector.version
        assert ev.rationale.split(":")[0] in signal.extras["rule_hits"]
    assert any(fragment in ev.snippet for ev in found), f"{fragment!r} not in {[e.snippet for e in found]}"


# (language, text, label, a fragment the evidence must cover)
VIOLATIONS = [
    # English threats: direct, conditional, wished, deserved, veiled
    ("en", "Listen carefully: I'm gonna slaughter you and your kids", "violent_threat", "slaughter you"),
    ("en", "we are going to find and strangle every one of you", "violent_threat", "strangle"),
    ("en", "If you post that again I swear I will personally shoot you", "violent_threat", "shoot you"),
    ("en", "That lying judge deserves a bullet between the eyes", "violent_threat", "bullet"),
    ("en", "Honestly somebody needs to murder the mayor", "violent_threat", "murder the mayor"),
    ("en", "You're going to get stabbed walking home tonight", "violent_threat", "stabbed"),
    ("en", "We know where you live, sleep with one eye open", "violent_threat", "where you live"),
    # English incitement: calls to arms, organising, targets
    ("en", "Patriots, take up arms before it is too late", "incitement", "take up arms"),
    ("en", "Everyone bring rifles and ammo to the rally on Saturday", "incitement", "bring rifles"),
    ("en", "Time to form armed militias in every county", "incitement", "militias"),
    ("en", "Pick your targets, we move at dawn", "incitement", "targets"),
    ("en", "Come armed, they will not stop us", "incitement", "Come armed"),
    # English hate: dehumanisation, exclusion, extermination
    ("en", "Honestly all these migrants are nothing but parasites", "hate", "parasites"),
    ("en", "jews are a cancer on this country", "hate", "cancer"),
    ("en", "Muslims should all be deported tomorrow", "hate", "deported"),
    ("en", "refugees must be exterminated", "hate", "exterminated"),
    # English harassment
    ("en", "shut up you dumb little cow", "harassment", "you dumb little cow"),
    ("en", "you're such a worthless idiot", "harassment", "worthless idiot"),
    ("en", "nobody likes you, just kys", "harassment", "kys"),
    # French threats
    ("fr", "Je vais vraiment t'égorger sale traître", "violent_threat", "égorger"),
    ("fr", "On va te défoncer à la sortie du lycée", "violent_threat", "défoncer"),
    ("fr", "Je te crèverai comme un chien", "violent_threat", "crèverai"),
    ("fr", "Tu mérites vraiment une balle dans la nuque", "violent_threat", "balle"),
    ("fr", "Si tu continues à parler je te plante", "violent_threat", "je te plante"),
    ("fr", "Il faudrait pendre ce juge corrompu", "violent_threat", "pendre"),
    ("fr", "tu vas bientôt crever, on sait où tu habites", "violent_threat", "crever"),
    # French incitement
    ("fr", "Citoyens, prenez vos fusils, c'est l'heure", "incitement", "prenez vos fusils"),
    ("fr", "Demain tout le monde vient armé devant la mairie", "incitement", "vient armé"),
    ("fr", "Il est temps de former des milices dans chaque village", "incitement", "milices"),
    ("fr", "Apportez des battes et des couteaux samedi", "incitement", "battes"),
    ("fr", "Tuez-les tous !", "incitement", "Tuez-les tous"),
    # French hate
    ("fr", "Les immigrés c'est de la vermine", "hate", "vermine"),
    ("fr", "Ces musulmans ne sont que des cafards", "hate", "cafards"),
    ("fr", "Dehors tous les migrants, la France aux Français", "hate", "migrants"),
    ("fr", "Les roms devraient tous être expulsés", "hate", "expulsés"),
    # French harassment
    ("fr", "t'es vraiment qu'une grosse connasse", "harassment", "connasse"),
    ("fr", "Ferme ta gueule espèce de raclure", "harassment", "gueule"),
    ("fr", "va te pendre, personne ne te regrettera", "harassment", "va te pendre"),
    # Spanish, German, Italian: one core case each
    ("es", "Mañana te voy a matar, cabrón", "violent_threat", "matar"),
    ("es", "Los inmigrantes son ratas", "hate", "ratas"),
    ("de", "Ich werde euch alle abstechen", "violent_threat", "abstechen"),
    ("de", "Flüchtlinge sind Ungeziefer", "hate", "Ungeziefer"),
    ("it", "Giuro che ti ammazzo", "violent_threat", "ammazzo"),
    ("it", "Gli immigrati sono parassiti", "hate", "parassiti"),
    ("it", "Prendete le armi, fratelli", "incitement", "armi"),
]


@pytest.mark.parametrize(("language", "text", "label", "fragment"), VIOLATIONS)
def test_violations_are_scored_with_evidence(
    detector: LexiconDetector, language: str, text: str, label: str, fragment: str
) -> None:
    assert_flagged(run(detector, text, language), text, label, fragment)


BENIGN = [
    ("en", "What a lovely afternoon at the beach with the kids"),
    ("en", "The senator will speak at city hall tomorrow about the budget"),
    ("en", "I shot some great photos of the parade yesterday"),
    ("en", "Immigrants built this city and we are grateful"),
    ("en", "My grandmother makes the best apple pie"),
    ("en", "The judge ruled in favour of the tenants"),
    ("en", "Rats are smart animals and make good pets"),
    ("en", "Thank you for your help, you are a star"),
    # a night out and a free gap after "we"/"i" (found on natural test posts)
    ("en", "She said she was going out with the girls, it was just an excuse"),
    ("en", "A great role model for all the young girls out there"),
    ("en", "As members of the delegation we are hurt and sickened by this loss, senator"),
    ("en", "Bro, I heard slaughter songs and the judge said they are trash"),
    ("en", "The governor's plan is heartless. I'm going to hunt down the best ramen in this city"),
    ("fr", "Il fait beau aujourd'hui, on va au parc avec les enfants"),
    ("fr", "La députée présentera son rapport demain devant la commission"),
    ("fr", "Les rats sont des animaux très intelligents"),
    ("fr", "Merci pour ton aide, tu es génial"),
    ("fr", "Les musulmans du quartier organisent une fête samedi"),
    ("fr", "Je vais te préparer un bon gâteau"),
    ("fr", "Il fait trop chaud dans ce bus, je crève"),
    ("fr", "On crève de chaud, vivement ce soir"),
    # a cold, a radiator, a negated promise, a full stomach, a currency (found on the benchmark mix)
    ("fr", "Ils vont tous attraper une crève à ce rythme-là"),
    ("fr", "Il faut saigner le radiateur avant l'hiver sinon il chauffe mal"),
    ("fr", "Venez en dm, promis j'vous crève pas les yeux"),
    ("fr", "Je t'aime ! Je vais exploser si je mange encore un truc"),
    ("fr", "Il est temps d'en finir avec cette monnaie coloniale"),
    ("es", "Mañana vamos a la playa con mis amigos"),
    ("de", "Wir gehen morgen ins Kino"),
    ("it", "Domani andiamo al mare"),
]


@pytest.mark.parametrize(("language", "text"), BENIGN)
def test_benign_text_scores_low(detector: LexiconDetector, language: str, text: str) -> None:
    signal = run(detector, text, language)
    for label in CATEGORY_LABELS:
        assert score(signal, label) < 0.2, (
            f"{label}={score(signal, label)} on {text!r}: {dict(signal.extras)}"
        )


IDIOMS = [
    ("en", "This level is killing me lol"),
    ("en", "I'd kill for a slice of pizza right now"),
    ("en", "She was absolutely killing it on stage"),
    ("en", "im dead 😂😂"),
    ("en", "Murder on the dancefloor is still a banger"),
    ("fr", "Franchement ce boss me tue"),
    ("fr", "Mbappé a tué le match en deux minutes"),
    ("fr", "J'étais mort de rire devant la vidéo"),
    ("es", "Me muero de risa con este video"),
    ("de", "Ich lach mich tot"),
    ("it", "Sono morto dal ridere"),
]


@pytest.mark.parametrize(("language", "text"), IDIOMS)
def test_idioms_are_not_threats(detector: LexiconDetector, language: str, text: str) -> None:
    signal = run(detector, text, language)
    assert score(signal, "violent_threat") < 0.2
    assert score(signal, "incitement") < 0.2


def test_idiom_suppression_is_explained(detector: LexiconDetector) -> None:
    # "tu me tues" would otherwise read as a present-tense threat rule on "tues".
    text = "Arrête tu me tues de rire"
    signal = run(detector, text, "fr")
    assert score(signal, "violent_threat") < 0.2
    assert any(i["idiom"].startswith("fr.idiom.") for i in signal.extras["idioms"])


def test_idiom_does_not_hide_a_separate_threat(detector: LexiconDetector) -> None:
    text = "mort de rire. Mais je vais te buter demain"
    signal = run(detector, text, "fr")
    assert_flagged(signal, text, "violent_threat", "buter")


def test_suppressed_hit_is_listed(detector: LexiconDetector) -> None:
    # "je vais te tuer" would fire on its own; inside "tuer le game" (win the game) it is dropped.
    text = "Attends, je vais te tuer le game ce soir"
    signal = run(detector, text, "fr")
    assert score(signal, "violent_threat") == 0.0
    [suppressed] = signal.extras["suppressed"]
    assert suppressed["rule"] == "fr.threat.je_vais_te_tuer"
    assert suppressed["idiom"] == "fr.idiom.tuer_le_match"
    assert text[suppressed["start"] : suppressed["end"]] == "je vais te tuer"


def test_a_bare_slur_is_weaker_than_a_slur_aimed_at_someone(detector: LexiconDetector) -> None:
    bare = run(detector, "the word raghead appears in the court transcript")
    aimed = run(detector, "shut up you dirty raghead")
    assert 0 < score(bare, "hate") < 0.5
    assert_flagged(aimed, "shut up you dirty raghead", "hate", "raghead")


def test_negation_dampens(detector: LexiconDetector) -> None:
    plain = run(detector, "I will hurt you")
    negated = run(detector, "I will never hurt you")
    assert score(plain, "violent_threat") >= 0.5
    assert score(negated, "violent_threat") == pytest.approx(score(plain, "violent_threat") * NEGATED_FACTOR)
    assert negated.extras["negated"][0]["rule"].startswith("en.threat.")
    assert "negated" in evidence(negated, "violent_threat")[0].rationale


@pytest.mark.parametrize(
    ("language", "text", "snippet"),
    [
        ("en", "ok so I will k i l l you", "I will k i l l you"),
        ("en", "i'll k1ll you", "i'll k1ll you"),
        ("en", "I will ki\u200bll you", "I will ki\u200bll you"),
        ("en", "I will \u043aill you", "I will \u043aill you"),  # Cyrillic к
        ("en", "I WILL KIIIILL YOU", "I WILL KIIIILL YOU"),
        ("fr", "je vais te tu3r", "je vais te tu3r"),
        ("fr", "je vais te t.u.e.r", "je vais te t.u.e.r"),
    ],
)
def test_obfuscated_threats_highlight_original_characters(
    detector: LexiconDetector, language: str, text: str, snippet: str
) -> None:
    signal = run(detector, text, language)
    assert score(signal, "violent_threat") >= 0.5
    snippets = [e.snippet for e in evidence(signal, "violent_threat")]
    assert snippet in snippets
    start = text.index(snippet)
    assert any(e.span == Span(start, start + len(snippet)) for e in evidence(signal, "violent_threat"))


def test_reporting_cues(detector: LexiconDetector) -> None:
    text = "The man was charged with making threats, according to court documents."
    signal = run(detector, text)
    assert score(signal, "reporting") >= 0.5
    assert {"according to", "court documents"} <= {e.snippet for e in evidence(signal, "reporting")}


def test_quoted_threat_with_attribution_is_strong_reporting(detector: LexiconDetector) -> None:
    text = "« On va te crever », avait écrit le prévenu, selon l'enquête."
    signal = run(detector, text, "fr")
    quote = next(e for e in evidence(signal, "reporting") if e.snippet.startswith("«"))
    assert quote.snippet == "« On va te crever »"
    assert "fr.threat." in quote.rationale
    assert score(signal, "reporting") >= 0.6
    # the threat is still there as evidence, weighed as a quoted mention: the frame is the encoder's to read
    assert any(e.snippet == "On va te crever" for e in evidence(signal, "violent_threat"))
    assert 0.0 < score(signal, "violent_threat") < 0.28
    assert [q["rule"] for q in signal.extras["quoted"]] == ["fr.threat.je_vais_te_tuer"]


def test_a_quoted_mention_inside_a_frame_weighs_less_than_the_words_said(detector: LexiconDetector) -> None:
    said = run(detector, "Muslims are vermin and everyone knows it.")
    quoted = run(detector, 'My grandfather always said "Muslims are vermin" at the dinner table.')
    assert score(said, "hate") >= 0.5
    assert score(quoted, "hate") == pytest.approx(score(said, "hate") * QUOTED_FACTOR, abs=0.01)
    # the quoted words remain evidence for the reviewer
    assert any(e.snippet == "Muslims are vermin" for e in evidence(quoted, "hate"))
    assert any("quoted, x 0.25" in e.rationale for e in evidence(quoted, "hate"))
    # ... unless the frame approves them (tests/detectors/test_endorse.py)
    endorsed = run(detector, 'My grandfather always said "Muslims are vermin" and he was right.')
    assert score(endorsed, "hate") == score(said, "hate")


@pytest.mark.parametrize(
    "text",
    [
        '"Muslims are vermin"',  # the whole post is the quotation
        'RT @someone: "Muslims are vermin"',  # a retweet marker and a handle are not a frame
        'So true: "Muslims are vermin"',  # two words do not make a frame
    ],
)
def test_a_quotation_without_a_frame_is_not_discounted(detector: LexiconDetector, text: str) -> None:
    signal = run(detector, text)
    assert score(signal, "hate") >= 0.5
    assert "quoted" not in signal.extras


def test_quoted_hate_that_is_opposed_is_counter_speech(detector: LexiconDetector) -> None:
    text = "Writing “refugees are parasites” is such a vile thing to say."
    signal = run(detector, text)
    quote = next(e for e in evidence(signal, "counter_speech") if e.snippet.startswith("“"))
    assert quote.snippet == "“refugees are parasites”"
    assert "en.hate." in quote.rationale
    assert score(signal, "counter_speech") >= 0.6


def test_quote_without_attribution_is_not_reporting(detector: LexiconDetector) -> None:
    signal = run(detector, '"I will kill you" is what I tell everyone')
    assert not any(e.snippet.startswith('"') for e in evidence(signal, "reporting"))


@pytest.mark.parametrize(
    ("language", "text", "fragment"),
    [
        ("en", "I condemn these remarks, calling refugees vermin is unacceptable", "unacceptable"),
        ("en", "Stop saying that gay people are a disease", "Stop saying"),
        ("fr", "Je condamne fermement ces propos, c'est inadmissible", "inadmissible"),
        ("fr", "Honte à ceux qui traitent les migrants de rats", "Honte à ceux"),
    ],
)
def test_counter_speech_cues(detector: LexiconDetector, language: str, text: str, fragment: str) -> None:
    signal = run(detector, text, language)
    assert score(signal, "counter_speech") >= 0.5
    assert any(fragment in e.snippet for e in evidence(signal, "counter_speech"))


@pytest.mark.parametrize(
    ("language", "text", "snippets"),
    [
        (
            "fr",
            "On se retrouve le 20 janvier devant la préfecture",
            {"le 20 janvier", "devant la préfecture"},
        ),
        ("en", "See you on January 20th at the Capitol", {"on January 20th", "at the Capitol"}),
        ("en", "meet at city hall at noon tomorrow", {"at noon", "tomorrow"}),
        ("en", "rendez-vous 14:30, 2024-06-01", {"14:30", "2024-06-01"}),
    ],
)
def test_imminence_evidence(detector: LexiconDetector, language: str, text: str, snippets: set[str]) -> None:
    signal = run(detector, text, language)
    found = {e.snippet for e in evidence(signal, "imminence")}
    assert snippets <= found
    assert score(signal, "imminence") > 0


def test_imminence_counts_strongly_only_with_violence(detector: LexiconDetector) -> None:
    calm = run(detector, "Demain à 14h devant la mairie pour la fête", "fr")
    armed = run(detector, "Demain à 14h devant la mairie, je vais te buter", "fr")
    assert 0 < score(calm, "imminence") < 0.3
    assert score(armed, "imminence") >= 0.5
    assert {"time", "place"} <= set(armed.extras["imminence_cues"])


def test_targets(detector: LexiconDetector) -> None:
    text = "Senator Tom Ridley and @ridley_fan deserve to be shot, you hear me? Jews too."
    signal = run(detector, text)
    by_kind = {t.kind: t for t in signal.targets}
    senator = by_kind["official"]
    assert senator.name == "Senator Tom Ridley"
    assert senator.span.of(text) == "Senator Tom Ridley"
    assert by_kind["person"].name == "@ridley_fan"
    assert by_kind["person"].span.of(text) == "@ridley_fan"
    assert by_kind["you"].span.of(text) == "you"
    assert by_kind["group"].name == "jews"
    assert by_kind["group"].span.of(text) == "Jews"
    assert list(signal.targets) == sorted(signal.targets, key=lambda t: (t.span.start, t.span.end, t.kind))


def test_role_target_in_french_with_name(detector: LexiconDetector) -> None:
    text = "Quelqu'un devrait abattre la députée Claire Marchand."
    signal = run(detector, text, "fr")
    official = next(t for t in signal.targets if t.kind == "official")
    assert official.name == "la députée Claire Marchand"
    assert official.span.of(text) == "la députée Claire Marchand"
    # the threat's explanation names whom it is aimed at
    targets_in_threat = [e for e in signal.scores["violent_threat"].evidence if e.label == "target"]
    assert [e.snippet for e in targets_in_threat] == ["la députée Claire Marchand"]


@pytest.mark.parametrize(
    ("language", "text", "kind", "name"),
    [
        ("en", "the judge will pay", "judge", "the judge"),
        ("en", "that journalist again", "journalist", "that journalist"),
        ("fr", "le procureur Martin", "judge", "le procureur Martin"),
        ("fr", "les musulmans", "group", "muslims"),
        ("en", "black people", "group", "black people"),
        ("fr", "t'as vu ?", "you", "you"),
    ],
)
def test_target_kinds(detector: LexiconDetector, language: str, text: str, kind: str, name: str) -> None:
    targets = run(detector, text, language).targets
    assert any(t.kind == kind and t.name == name for t in targets), targets


def test_scores_combine_by_noisy_or_and_repeats_do_not_inflate(detector: LexiconDetector) -> None:
    one = run(detector, "On va te crever", "fr")
    two = run(detector, "On va te crever, tu mérites une balle", "fr")
    again = run(detector, "On va te crever. On va te crever. On va te crever.", "fr")
    assert score(two, "violent_threat") > score(one, "violent_threat")
    assert score(again, "violent_threat") == score(one, "violent_threat")
    assert len(evidence(again, "violent_threat")) == 3
    many = run(detector, "I will kill you, you deserve a bullet, I know where you live, watch your back")
    assert score(many, "violent_threat") == SCORE_CAP


def test_unsupported_language_gets_only_common_cues(detector: LexiconDetector) -> None:
    signal = run(detector, "Vou te matar amanhã 20/01 🔫 @fulano", "pt")
    assert signal.extras["language_supported"] is False
    assert signal.extras["lexicon_language"] is None
    # the common pack judges imminence, counter-speech for a whole-post blessing (common/greetings.yaml) and
    # hate for the antisemitic echo (common/echo.yaml)
    assert set(signal.scores) == {"imminence", "counter_speech", "hate"}
    assert score(signal, "counter_speech") == 0.0 == score(signal, "hate")
    assert {"20/01", "🔫"} <= {e.snippet for e in evidence(signal, "imminence")}
    assert [t.name for t in signal.targets] == ["@fulano"]


def test_signal_fields(detector: LexiconDetector) -> None:
    signal = detector.detect_batch([doc("hello", "fr-CA", truncated=True)])[0]
    assert (signal.detector, signal.version, signal.language) == (
        "vigie.lexicon",
        LexiconDetector.version,
        "fr-CA",
    )
    assert signal.truncated is True
    assert signal.extras["lexicon_language"] == "fr"
    assert set(signal.scores) == set(detector.labels)
    assert all(cs.score == 0.0 and not cs.evidence for cs in signal.scores.values())


def test_labels_and_languages() -> None:
    d = LexiconDetector()
    assert d.labels == (*CATEGORY_LABELS, "reporting", "counter_speech", "imminence")
    assert d.languages == ("en", "fr", "es", "de", "it")
    assert {p.name for p in DATA_DIR.iterdir() if p.is_dir()} == {"common", *d.languages}


# --------------------------------------------------------------------------- data validation

COMMON_OK = "rules:\n  - {id: common.x, label: imminence, pattern: 'zz', weight: 0.1, rationale: r}\n"


def _data(tmp_path: Path, body: str, file: str = "rules.yaml") -> Path:
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "cues.yaml").write_text(COMMON_OK, encoding="utf-8")
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / file).write_text(body, encoding="utf-8")
    return tmp_path


def _rule(**fields: object) -> str:
    base: dict[str, object] = {
        "id": "xx.threat.a",
        "label": "violent_threat",
        "pattern": "'kill {you}'",
        "weight": 0.5,
        "rationale": "r",
    }
    base.update(fields)
    inner = ", ".join(f"{k}: {v}" for k, v in base.items())
    return "you: [you]\nrules:\n  - {" + inner + "}\n"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (_rule(pattern="'kill (?:you'"), "invalid regex"),
        # parses, but does not compile: only the combined scanner's compilation finds it
        (_rule(pattern="'(?<!(?:a|bb) )kill {you}'"), "look-behind requires fixed-width pattern"),
        (_rule(label="murder"), "unknown label"),
        (_rule(pattern="'kill {victims}'"), "unknown or empty list reference {victims}"),
        (_rule(weight=1.5), "weight"),
        (_rule(weight=0), "weight"),
        (_rule(weight="'high'"), "weight"),
        (_rule(pattern="'égorger'"), "folded form"),
        (_rule(pattern="'(kill) you'"), "capturing groups"),
        (_rule(pattern="'(?:kill)?'"), "empty string"),
        (_rule(cue="sometime"), "cue"),
        (_rule(view="raw"), "view"),
        (_rule(colour="red"), "unknown keys"),
        (_rule(rationale="''"), "rationale"),
    ],
)
def test_bad_entries_name_file_and_id(tmp_path: Path, body: str, problem: str) -> None:
    detector = LexiconDetector(data_dir=_data(tmp_path, body), languages=("xx",))
    with pytest.raises(ConfigError) as info:
        detector.load()
    message = str(info.value)
    assert "xx/rules.yaml" in message
    assert "xx.threat.a" in message
    assert problem in message
    assert info.value.code == "config.lexicon"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            "rules:\n  - {id: yy.threat.a, label: hate, pattern: x, weight: 0.5, rationale: r}\n",
            "starting with 'xx.'",
        ),
        ("rules: [\n", "cannot be read as YAML"),
        ("colours: {}\n", "unknown section"),
        ("roles:\n  wizard: [merlin]\n", "unknown role kind"),
        ("lists:\n  gap: [a]\n", "built-in"),
        ("lists:\n  weapons: not-a-list\n", "list of non-empty strings"),
        (
            "rules:\n  - {id: xx.a, label: hate, pattern: x, weight: 0.5, rationale: r}\n"
            "  - {id: xx.a, label: hate, pattern: y, weight: 0.5, rationale: r}\n",
            "duplicate id",
        ),
    ],
)
def test_bad_files_are_config_errors(tmp_path: Path, body: str, problem: str) -> None:
    detector = LexiconDetector(data_dir=_data(tmp_path, body), languages=("xx",))
    with pytest.raises(ConfigError) as info:
        detector.load()
    assert "xx/rules.yaml" in str(info.value)
    assert problem in str(info.value)


def test_a_valid_custom_language_loads_and_detects(tmp_path: Path) -> None:
    body = (
        "lists:\n  strike: [frapper, cogner*]\n"
        "you: [toi]\n"
        "rules:\n  - {id: xx.threat.strike, label: violent_threat, pattern: 'je vais {gap}{strike} {you}', "
        "weight: 0.9, rationale: 'menace'}\n"
    )
    detector = LexiconDetector(data_dir=_data(tmp_path, body), languages=("xx",))
    detector.load()
    text = "Je vais bien te COGNERAI toi"
    signal = detector.detect_batch([doc(text, "xx")])[0]
    assert score(signal, "violent_threat") == pytest.approx(0.9)
    assert evidence(signal, "violent_threat")[0].snippet == "Je vais bien te COGNERAI toi"


def test_registry_creates_the_lexicon() -> None:
    from vigie.detectors.registry import create_detector
    from vigie.settings import DetectionSettings

    detector = create_detector("vigie.lexicon", DetectionSettings())
    assert isinstance(detector, LexiconDetector)
    assert detector.name == "vigie.lexicon"


def test_load_is_idempotent_and_lazy() -> None:
    d = LexiconDetector()
    signal = d.detect_batch([doc("I will kill you")])[0]  # loads on first use
    packs = d._packs
    d.load()
    assert d._packs is packs
    assert score(signal, "violent_threat") >= 0.5


def test_hyphenated_pronouns_are_not_an_address_to_the_reader(detector: LexiconDetector) -> None:
    signal = run(detector, "Rendez-vous le 20 janvier devant la préfecture.", "fr")
    assert not [t for t in signal.targets if t.kind == "you"]
    signal = run(detector, "Je vais te retrouver, toi.", "fr")
    assert [t.span for t in signal.targets if t.kind == "you"] == [Span(8, 10), Span(22, 25)]


def test_compiled_languages_are_shared_between_detectors_until_a_file_changes(tmp_path: Path) -> None:
    rule = "rules:\n  - {id: xx.threat.a, label: violent_threat, pattern: '%s', weight: 0.8, rationale: r}\n"
    data = _data(tmp_path, rule % "zorglub")
    first, second = LexiconDetector(data, ("xx",)), LexiconDetector(data, ("xx",))
    first.load()
    second.load()
    assert first._packs is not None and second._packs is not None
    assert first._packs["xx"] is second._packs["xx"]  # compiled once per process
    (data / "xx" / "rules.yaml").write_text(rule % "blorptastic", encoding="utf-8")
    edited = LexiconDetector(data, ("xx",))
    assert score(run(edited, "blorptastic", "xx"), "violent_threat") == pytest.approx(0.8)
    assert score(run(edited, "zorglub", "xx"), "violent_threat") == 0.0
    assert score(run(first, "zorglub", "xx"), "violent_threat") == pytest.approx(0.8)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("{id: xx.endorse.a, pattern: 'he was right', note: n, weight: 1}", "unknown keys"),
        ("{id: xx.endorse.a, pattern: 'he was right'}", "non-empty pattern and note"),
        ("{id: yy.endorse.a, pattern: 'he was right', note: n}", "starting with 'xx.'"),
        ("{id: xx.endorse.a, pattern: 'he (was right', note: n}", "invalid regex"),
        ("{id: xx.endorse.a, pattern: '(?<!(?:a|bb) )he was right', note: n}", "look-behind requires"),
        ("'he was right'", "must be mappings"),
    ],
)
def test_bad_endorsements_are_rejected_like_idioms(tmp_path: Path, entry: str, problem: str) -> None:
    detector = LexiconDetector(data_dir=_data(tmp_path, f"endorsements:\n  - {entry}\n"), languages=("xx",))
    with pytest.raises(ConfigError) as info:
        detector.load()
    assert "xx/rules.yaml" in str(info.value)
    assert problem in str(info.value)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("{id: xx.idiom.a, pattern: 'zap it', note: n, labels: [threat]}", "labels must be a non-empty list"),
        ("{id: xx.idiom.a, pattern: 'zap it', note: n, labels: []}", "labels must be a non-empty list"),
        (
            "{id: xx.idiom.a, pattern: 'zap it', note: n, labels: violent_threat}",
            "labels must be a non-empty list",
        ),
    ],
)
def test_an_idiom_covers_categories_only(tmp_path: Path, entry: str, problem: str) -> None:
    detector = LexiconDetector(data_dir=_data(tmp_path, f"idioms:\n  - {entry}\n"), languages=("xx",))
    with pytest.raises(ConfigError) as info:
        detector.load()
    assert "xx.idiom.a" in str(info.value) and problem in str(info.value)


def test_an_endorsement_has_no_labels(tmp_path: Path) -> None:
    entry = "{id: xx.endorse.a, pattern: 'he was right', note: n, labels: [hate]}"
    detector = LexiconDetector(data_dir=_data(tmp_path, f"endorsements:\n  - {entry}\n"), languages=("xx",))
    with pytest.raises(ConfigError, match="unknown keys"):
        detector.load()


def test_an_idiom_drops_the_hits_of_the_labels_it_covers_and_names_them(tmp_path: Path) -> None:
    """By default an idiom covers threats and incitement; ``labels`` widens or narrows that."""
    rules = (
        "rules:\n"
        "  - {id: xx.threat.a, label: violent_threat, pattern: 'zap', weight: 0.8, rationale: r}\n"
        "  - {id: xx.hate.a, label: hate, pattern: 'zorgs', weight: 0.6, rationale: r}\n"
    )
    plain = "idioms:\n  - {id: xx.idiom.a, pattern: 'zap the zorgs', note: n}\n"
    wide = (
        "idioms:\n  - {id: xx.idiom.a, pattern: 'zap the zorgs', note: n, labels: [hate, violent_threat]}\n"
    )
    for idioms, hate in ((plain, 0.6), (wide, 0.0)):
        data = tmp_path / str(hate)
        data.mkdir()
        detector = LexiconDetector(data_dir=_data(data, rules + idioms), languages=("xx",))
        signal = run(detector, "zap the zorgs", "xx")
        assert score(signal, "violent_threat") == 0.0
        assert score(signal, "hate") == pytest.approx(hate)
        [idiom] = signal.extras["idioms"]
        assert set(idiom["labels"]) == (
            {"violent_threat", "incitement"} if hate else {"hate", "violent_threat"}
        )
