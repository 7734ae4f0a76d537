"""Trash talk and household hyperbole are not threats (``<lang>/idioms_games.yaml`` and its siblings).

"Gonna smash you at ping pong", "t'es mort à la prochaine manche", "cuando mamá vea esto, estás muerto": the
lexicon's threat rules fire on the violent words, and before these idioms each of them was flagged (most at
restrict). The idioms are narrow on purpose: pronoun objects only, no weapon, not "kill" in English, so a
threat that happens to mention a match stays a threat.

Sentences are written for these tests; they are not taken from any measurement set."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.types import Signal

Scan = Callable[[str, str], Signal]

FLAG = 0.36
"""The default policy's review threshold for ``violent_threat`` (policy/default.yaml)."""

TRASH_TALK = [
    ("en", "en.idiom.beat_at_game", "We are going to destroy you guys at the pub quiz tonight."),
    (
        "en",
        "en.idiom.beat_at_game",
        "Ready to get crushed at Mario Kart later? I'll crush you at mario kart.",
    ),
    ("en", "en.idiom.beat_at_game", "gonna smash you at ping pong"),
    ("en", "en.idiom.beat_at_game", "I'll destroy you at chess tonight"),
    ("en", "en.idiom.dead_next_round", "Laugh now, but next round you're dead, mate."),
    ("en", "en.idiom.dead_when_mum_sees", "You're so dead when your mum sees the state of the kitchen."),
    ("fr", "fr.idiom.battre_au_jeu", "Ce soir je vais vous exploser au baby-foot, préparez-vous."),
    ("fr", "fr.idiom.mort_a_la_manche", "Rigole bien, à la prochaine partie t'es mort."),
    ("fr", "fr.idiom.mort_quand_maman", "T'es mort quand ta mère va voir tes notes, frérot."),
    ("en", "en.idiom.beat_rival_on_day", "We will beat them on Sunday."),
    ("en", "en.idiom.beat_rival_on_day", "We're gonna smash them this weekend!"),
    ("en", "en.idiom.beat_rival_on_day", "Come on lads, we will thrash them again 3-0."),
    ("fr", "fr.idiom.ecraser_adversaire_jour", "Allez les bleus, on va les écraser samedi !"),
    ("fr", "fr.idiom.ecraser_adversaire_jour", "Nous allons les défoncer dimanche soir."),
    ("es", "es.idiom.proxima_ronda", "Ríete ahora, que en la siguiente partida te machaco."),
    ("es", "es.idiom.cuando_mama_vea", "Cuando tu madre vea el salón, estás muerto."),
    ("de", "de.idiom.naechste_runde", "Lach nur, in der nächsten Partie bist du fällig."),
    ("de", "de.idiom.wenn_mama_sieht", "Du bist so tot, wenn Mama die Küche sieht."),
    ("it", "it.idiom.prossimo_round", "Ridi pure, alla prossima partita ti asfalto."),
    ("it", "it.idiom.quando_mamma_vede", "Quando tua madre vede la cucina sei morto."),
]


@pytest.mark.parametrize(("lang", "idiom", "text"), TRASH_TALK)
def test_trash_talk_is_not_a_threat(scan: Scan, lang: str, idiom: str, text: str) -> None:
    signal = scan(text, lang)
    assert signal.scores["violent_threat"].score < FLAG, signal.extras["rule_hits"]
    assert idiom in {i["idiom"] for i in signal.extras.get("idioms", ())}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I'll stab you at the match on Saturday."),
        ("en", "We will beat them up on Sunday."),
        ("en", "We will beat them with bats on Sunday."),
        ("en", "We will smash them on Sunday outside the mosque."),
        ("fr", "On va les défoncer avec des battes dimanche."),
        ("fr", "On va les écraser samedi devant la synagogue."),
        ("en", "I'm going to kill you at the game, I know where you sit."),
        ("en", "I'm going to shoot you when your mum gets home."),
        ("en", "I will kill you when your dad gets home."),
        ("fr", "Je vais te planter au match samedi."),
        ("fr", "T'es mort quand je te trouve."),
        ("es", "Te voy a apuñalar en el partido."),
        ("de", "Ich werde dich beim Spiel abstechen."),
        ("it", "Ti accoltello alla partita."),
        # the object is a person, not a pronoun for a rival side: a match official is a role target
        ("en", "We will kill the referee at the game tonight"),
        ("en", "I'm going to stab the umpire after the match."),
        ("en", "We'll hunt down the ref after the final whistle."),
        # "umbringen" is no word for beating someone at a game, whatever the game
        ("de", "Ich bringe dich beim Spiel um"),
        ("de", "Wir bringen euch im Finale alle um."),
    ],
)
def test_threats_near_a_game_or_a_parent_stay_threats(scan: Scan, lang: str, text: str) -> None:
    assert scan(text, lang).scores["violent_threat"].score >= FLAG


def test_a_threat_to_the_referee_at_the_game_names_the_referee(scan: Scan) -> None:
    """Here "at the game tonight" is where and when, not trash talk: the referee is a role target (kind
    ``official``, a match official), the threat is not suppressed, and the time makes it planned."""
    signal = scan("We will kill the referee at the game tonight", "en")
    assert signal.scores["violent_threat"].score >= 0.9, signal.extras["rule_hits"]
    assert "en.threat.someone_should_kill" in signal.extras["rule_hits"]
    assert not signal.extras.get("suppressed")
    assert signal.extras["planned"] is True
    assert [t.name for t in signal.targets if t.kind == "official"] == ["the referee"]


@pytest.mark.parametrize(
    ("referee", "judge"),
    [
        ("Someone said they will kill the referee", "Someone said they will kill the judge"),
        (
            "Police said a man threatened to kill the umpire.",
            "Police said a man threatened to kill the judge.",
        ),
    ],
)
def test_a_reported_referee_threat_is_read_as_one_to_a_judge(scan: Scan, referee: str, judge: str) -> None:
    """A threat someone else is said to have made is scored as it is for any other role: the same rules,
    the same reporting cues, the same scores."""
    ref, jud = scan(referee, "en"), scan(judge, "en")
    assert ref.extras["rule_hits"] == jud.extras["rule_hits"]
    assert {k: v.score for k, v in ref.scores.items()} == {k: v.score for k, v in jud.scores.items()}


@pytest.mark.parametrize(
    "text",
    [
        "The referee was awful tonight, but we'll crush them in the return leg.",
        "We will destroy them on Saturday, whatever the referee decides.",
        "Honestly, the ref had a shocker and the linesman was no better.",
        "I'd kill for a referee who knows the offside rule.",
        "See ref 12 for details, I will end this thread here.",
    ],
)
def test_a_match_official_in_a_sentence_of_sports_talk_is_no_threat(scan: Scan, text: str) -> None:
    """A role target counts for any harm word in its sentence ("we'll crush", "I will end"): a sentence that
    only mentions the referee beside trash talk about the other side, or "ref" as a reference, is not a
    threat."""
    assert scan(text, "en").scores["violent_threat"].score < FLAG, scan(text, "en").extras
