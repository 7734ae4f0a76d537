"""Teachers, health workers, librarians and election workers are targets of threats, in every language.

The campaigns vigie exists for named them beside officials and journalists ("posts targeting … teachers,
journalists"); a threat rule that needs a target dropped "Dieser Lehrer verdient eine Kugel." as untargeted.
They are listed under the ``official`` role (the contract's target kinds have no separate one): reached
through a public role, like an office holder. German subjects may carry a relative clause before the
predicate ("Der Abgeordnete, der dafür gestimmt hat, gehört aufgehängt."), which the rules' three-word gap did
not span.
Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, score

REVIEW = 0.36  # the default policy's violent_threat review bar


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Dieser Lehrer verdient eine Kugel.", "de"),
        ("Jeder Lehrer, der unseren Kindern diesen Dreck beibringt, verdient eine Kugel.", "de"),
        ("Die Wahlhelfer, die diese Stimmen gezählt haben, gehören aufgehängt.", "de"),
        ("Der Abgeordnete, der dafür gestimmt hat, gehört aufgehängt.", "de"),
        ("Les assesseurs qui ont compté ces bulletins devraient être pendus.", "fr"),
        ("Cette infirmière mérite une balle.", "fr"),
        ("The nurses at that clinic should be shot.", "en"),
        ("Este profesor merece un tiro.", "es"),
        ("Questo professore merita una pallottola.", "it"),
    ],
)
def test_threats_against_public_service_workers_score(scan: Scan, text: str, language: str) -> None:
    signal = scan(text, language)
    assert score(signal, "violent_threat") >= REVIEW, (text, signal.extras)
    assert "untargeted" not in signal.extras


@pytest.mark.parametrize(
    ("text", "language", "role"),
    [
        ("Dieser Lehrer verdient eine Kugel.", "de", "Lehrer"),
        ("Ce prof mérite une balle.", "fr", "prof"),
        ("The nurses at that clinic should be shot.", "en", "nurses"),
    ],
)
def test_the_worker_is_named_as_the_target(scan: Scan, text: str, language: str, role: str) -> None:
    signal = scan(text, language)
    found = [(t.kind, text[t.span.start : t.span.end]) for t in signal.targets]
    assert any(kind == "official" and role in name for kind, name in found), found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Teachers deserve a raise, full stop.", "en"),
        ("Our librarian shot down my request for a third renewal.", "en"),
        ("Les profs méritent une augmentation, point.", "fr"),
        ("Les infirmières qui m'ont soigné méritent une médaille.", "fr"),
        ("Lehrer verdienen mehr Geld.", "de"),
        ("Unser Lehrer, der immer so streng ist, gehört zu den besten.", "de"),
        ("Die Ärzte, die mich behandelt haben, verdienen einen Orden.", "de"),
        ("Los profesores merecen un aumento.", "es"),
        ("Gli insegnanti meritano di più.", "it"),
    ],
)
def test_praise_and_pay_for_the_same_workers_is_not_a_threat(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "violent_threat") < REVIEW


def test_a_relative_clause_does_not_carry_a_threat_past_its_sentence(scan: Scan) -> None:
    # The clause may not cross a sentence end: "…, der das sagt. Gehört aufgehängt …" is two sentences.
    text = "Der Abgeordnete, der das sagt. Die Wäsche gehört aufgehängt, sonst trocknet sie nicht."
    assert score(scan(text, "de"), "violent_threat") < REVIEW
