"""Language identification restricted to vigie's languages."""

from __future__ import annotations

import pytest

from vigie.errors import ConfigError
from vigie.text.language import SUPPORTED_LANGUAGES, LanguageIdentifier, identification_text, normalize_code

SENTENCES = {
    "fr": "Je vais te retrouver demain à la sortie de l'école, tu vas voir ce qui t'arrive.",
    "en": "I am going to find you tomorrow after school and you will see what happens.",
    "es": "Mañana voy a buscarte a la salida del colegio y vas a ver lo que te pasa.",
    "de": "Ich werde dich morgen nach der Schule finden und du wirst sehen, was passiert.",
    "it": "Domani ti troverò all'uscita della scuola e vedrai cosa ti succede.",
    "ru": "Я найду тебя завтра после школы, и ты увидишь, что будет.",
}


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    li = LanguageIdentifier()
    li.load()
    return li


def test_supported_languages_are_the_encoders_fifteen() -> None:
    assert len(SUPPORTED_LANGUAGES) == 15 and len(set(SUPPORTED_LANGUAGES)) == 15
    assert {"fr", "en", "es", "de", "it", "zh", "ar", "ja", "ko", "th"} <= set(SUPPORTED_LANGUAGES)


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_detects_sentences(identifier: LanguageIdentifier, lang: str) -> None:
    assert identifier.detect(SENTENCES[lang]) == lang


def test_valid_hint_wins_and_is_normalized(identifier: LanguageIdentifier) -> None:
    assert identifier.detect(SENTENCES["en"], hint="fr") == "fr"
    assert identifier.detect(SENTENCES["en"], hint="fr-FR") == "fr"
    assert identifier.detect("!!!", hint="de") == "de"


def test_unknown_hint_is_ignored(identifier: LanguageIdentifier) -> None:
    assert identifier.detect(SENTENCES["fr"], hint="xx") == "fr"
    assert identifier.detect(SENTENCES["fr"], hint="") == "fr"


def test_und_without_letters(identifier: LanguageIdentifier) -> None:
    for text in ("!!!", "", "   ", "12 34 %", "🔪🔪"):
        assert identifier.detect(text) == "und"


def test_mixed_post_returns_the_dominant_language(identifier: LanguageIdentifier) -> None:
    text = SENTENCES["fr"] + " " + SENTENCES["fr"] + " see you"
    assert identifier.detect(text) == "fr"


def test_detect_batch_matches_detect(identifier: LanguageIdentifier) -> None:
    texts = [*SENTENCES.values(), "!!!", SENTENCES["en"]]
    hints = [None] * len(SENTENCES) + [None, "es"]
    assert identifier.detect_batch(texts, hints) == [*SENTENCES, "und", "es"]
    assert identifier.detect_batch(texts) == [*SENTENCES, "und", "en"]
    assert identifier.detect_batch([]) == []
    with pytest.raises(ValueError):
        identifier.detect_batch(texts, [None])


def test_restricted_languages_only_answer_among_them() -> None:
    li = LanguageIdentifier(["fr", "en"])
    assert li.languages == ("fr", "en")
    assert li.detect(SENTENCES["fr"]) == "fr"
    assert li.detect(SENTENCES["es"]) in {"fr", "en", "und"}
    assert li.detect(SENTENCES["en"], hint="de") == "en"  # a hint outside the configured set is ignored


def test_single_language_needs_no_detector() -> None:
    li = LanguageIdentifier(["fr"])
    li.load()
    assert li.detect("anything at all") == "fr"
    assert li.detect("!!!") == "und"


def test_zh_tw_is_folded_into_zh() -> None:
    assert normalize_code("zh-TW") == "zh"
    assert LanguageIdentifier(["zh-tw", "en"]).languages == ("zh", "en")


def test_unknown_code_raises_config_error_naming_it() -> None:
    with pytest.raises(ConfigError, match="'xx'") as info:
        LanguageIdentifier(["fr", "xx"])
    assert info.value.code == "config.unsupported_language"
    with pytest.raises(ConfigError):
        LanguageIdentifier([])
    with pytest.raises(ConfigError):
        LanguageIdentifier(min_relative_distance=1.5)


@pytest.mark.parametrize(
    "text",
    [
        # French replies that lingua read as Dutch and Polish with their handles and links
        "@JoelRoscoe demande leur un LSD sur toi negro mdr https://t.co/gDuNtvyuDL",
        "@melende2000 @f_philippot Bonjour le nazi",
        "Mdddr ce nazi n'aura aucune pitié https://t.co/4mBSlXrtIW",
    ],
)
def test_handles_and_links_are_not_read_as_language(identifier: LanguageIdentifier, text: str) -> None:
    assert identifier.detect(text) == "fr"
    assert identifier.detect_batch([text, text]) == ["fr", "fr"]


def test_what_identification_reads() -> None:
    assert identification_text("RT @a_b: Bonjour &amp; bienvenue www.x.fr").split() == [
        ":",
        "Bonjour",
        "bienvenue",
    ]
    assert identification_text("@someone https://t.co/x") == "@someone https://t.co/x"  # nothing else to read
