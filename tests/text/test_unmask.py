"""Masked letters ("k*ll", "r*ts"): read as the one word that fits, in the folded view, offsets kept."""

from __future__ import annotations

import pytest

from vigie.pipeline import Pipeline
from vigie.text.normalize import normalize
from vigie.text.spelling import SpellingRepair, default_repair, unmask_views
from vigie.types import Post

KNOWN = {"rots", "ruts", "slot", "shut", "coffee", "kell", "lehrer"}
SALIENT = {"kill", "rats", "vermin", "shot", "shoot", "slit", "slut", "niggers"}


@pytest.fixture(scope="module")
def repair() -> SpellingRepair:
    return SpellingRepair(KNOWN, SALIENT)


@pytest.mark.parametrize(
    ("masked", "read"),
    [
        ("k*ll", "kill"),  # "kell" is a word too, but a salient term wins the tier order
        ("r*ts", "rats"),  # rots, ruts: known words lose to the salient term
        ("verm*n", "vermin"),
        ("vermi*", "vermin"),  # a trailing mask after a non-word
        ("n*ggers", "niggers"),
        ("sh*t", "shit"),  # swearing wins over the salient "shot"
        ("ve**in", "vermin"),  # two masks: read only when no other fill is a word
    ],
)
def test_a_masked_word_is_read_as_the_word_that_fits(repair: SpellingRepair, masked: str, read: str) -> None:
    assert repair.unmask_word(masked) == read


@pytest.mark.parametrize(
    "word",
    [
        "sl*t",  # slit and slut: two salient fits
        "k**l",  # kill and kell: with two masks any second fit leaves the word alone
        "coffee*",  # a footnote or emphasis after a known word
        "*kill*",  # markdown emphasis
        "lehrer*innen",  # a German gender star
        "x*",  # too few letters
        "k***l",  # too many masks
        "q*zx",  # nothing fits
    ],
)
def test_a_mask_without_a_single_reading_is_left_alone(repair: SpellingRepair, word: str) -> None:
    assert repair.unmask_word(word) == word


def test_unmasking_keeps_length_links_and_handles(repair: SpellingRepair) -> None:
    text = "i will k*ll you @k*ll https://x.example/r*ts verm*n"
    out = repair.unmask(text)
    assert out == "i will kill you @k*ll https://x.example/r*ts vermin"
    assert len(out) == len(text)


def test_the_folded_view_is_unmasked_and_maps_back_to_the_original() -> None:
    original = "Les réfu*iés, on va tous les k*ll"
    views = unmask_views(normalize(original), "en")
    folded = views.folded
    assert "refugies" in folded.text and "kill" in folded.text
    start = folded.text.index("kill")
    assert original[folded.offsets[start] : folded.ends[start + 3]] == "k*ll"
    assert views.nfkc.text == normalize(original).nfkc.text
    plain = normalize("nothing masked here")
    assert unmask_views(plain, "en") is plain


def test_the_shipped_repair_reads_common_masks() -> None:
    en = default_repair("en")
    words = ("k*ll", "r*ts", "verm*n", "sh*t")
    assert [en.unmask_word(w) for w in words] == ["kill", "rats", "vermin", "shit"]
    assert default_repair("de").unmask_word("lehrer*innen") == "lehrer*innen"


@pytest.mark.parametrize(
    ("masked", "plain"),
    [
        ("Jews are verm*n.", "Jews are vermin."),
        ("I will k*ll you tomorrow.", "I will kill you tomorrow."),
        ("Les réfu*iés doivent être pendus.", "Les réfugiés doivent être pendus."),
    ],
)
def test_a_masked_attack_is_decided_like_the_plain_one(pipeline: Pipeline, masked: str, plain: str) -> None:
    """The lexicon reads the masked word (its evidence quotes the post as written, star included)."""
    a, b = pipeline.run_batch([Post("m", masked), Post("p", plain)])
    assert b.violations, plain
    assert set(b.violations) <= set(a.violations)  # the heads also read the star as written
    attacks = ("hate", "violent_threat")
    lexicon = [e for e in a.evidence if e.source.startswith("vigie.lexicon") and e.label in attacks]
    assert any("*" in e.snippet for e in lexicon), lexicon


def test_a_text_of_masked_words_costs_a_bounded_amount_of_work(repair: SpellingRepair) -> None:
    """Only the first MAX_MASKED_WORDS masked words are read; the rest stay as written."""
    from vigie.text.spelling import MAX_MASKED_WORDS

    text = " ".join(["k*ll"] * (MAX_MASKED_WORDS + 5))
    words = repair.unmask(text).split()
    assert words.count("kill") == MAX_MASKED_WORDS
    assert words[MAX_MASKED_WORDS:] == ["k*ll"] * 5
