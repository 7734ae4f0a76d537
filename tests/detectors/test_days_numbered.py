"""Veiled death threats said in stock phrases (lexicon v19): "your days are numbered", "tes jours sont
comptés", "will pay for this ruling with her life".

Found probing threats against the officials, judges and journalists the 2021 notices named: "Judge Harper
will pay for this ruling with her life." and "Your days are numbered, Mayor Collins." scored 0.06 and 0.00
on every category (the French "paiera de sa vie" was read). The same words about a job, a term or one's
savings are not threats: only the reader's days are numbered (second person), never "at this company",
"here" or in a question, and a life paid "with her life savings" buys a house. Sentences are written for
these tests.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, fired, score

REVIEW = 0.36  # the default policy's violent_threat review bar


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Judge Harper will pay for this ruling with her life.", "en", "en.threat.harm_fate"),
        ("The senator is going to pay for that vote with his life", "en", "en.threat.harm_fate"),
        ("Your days are numbered, Mayor Collins.", "en", "en.threat.days_are_numbered"),
        ("ur days are numbered traitor", "en", "en.threat.days_are_numbered"),
        ("Tes jours sont comptés, monsieur le juge.", "fr", "fr.threat.jours_comptes"),
        ("Vos jours sont comptés, bande de traîtres.", "fr", "fr.threat.jours_comptes"),
    ],
)
def test_stock_phrases_of_a_death_threat_are_read(scan: Scan, text: str, language: str, rule: str) -> None:
    assert score(fired(scan, text, language, rule), "violent_threat") >= REVIEW


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("She will pay for the house with her life savings.", "en"),
        ("Judge Harper will pay for this ruling at the next election.", "en"),
        ("My days are numbered at this job, lol.", "en"),
        ("Your days are numbered at this company, Dave.", "en"),
        ("Your days are numbered here if you keep missing deadlines.", "en"),
        ("Are your days numbered? Your days are numbered? Take our quiz.", "en"),
        ("The old printer's days are numbered.", "en"),
        ("Tes jours sont comptés dans cette boîte.", "fr"),
        ("Tes jours sont comptés ?", "fr"),
        ("Les jours de soldes sont comptés, profitez-en.", "fr"),
    ],
)
def test_the_same_words_about_a_job_a_sale_or_savings_are_not(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "violent_threat") < REVIEW
