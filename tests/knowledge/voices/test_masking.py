"""Masking before anything beyond the raw answer list shows an answer."""

import pytest

from knowledge.voices.analysis.masking import mask


@pytest.mark.parametrize(
    "text, hidden, shown",
    [
        (
            "Skriv til mig på hanne.jensen+skole@example.dk tak",
            "hanne.jensen+skole@example.dk",
            "[e-mail]",
        ),
        ("Ring på 12 34 56 78 efter kl. 16", "12 34 56 78", "[telefon]"),
        ("eller 1234 5678 om aftenen", "1234 5678", "[telefon]"),
        ("mit nummer er +45 22334455", "22334455", "[telefon]"),
        ("min mors tlf er 22-33-44-55", "22-33-44-55", "[telefon]"),
        ("Hans cpr er 010203-1234 og det står i papirerne", "010203-1234", "[cpr-nummer]"),
        ("cpr 0102031234", "0102031234", "[cpr-nummer]"),
        ("Min lærer Hanne er sød", "Hanne", "[navn]"),
        ("Jeg sidder ved siden af Mads i timerne", "Mads", "[navn]"),
        ("min veninde Kaja siger det samme", "Kaja", "[navn]"),
        ("Jeg hedder Storm og går i 4.b", "Storm", "[navn]"),
    ],
)
def test_identifying_details_are_replaced_by_what_they_were(text, hidden, shown):
    masked = mask(text)
    assert hidden not in masked
    assert shown in masked


def test_ordinary_answers_keep_their_numbers_and_words():
    text = (
        "Storm og regn i frikvarteret. Vi er 24 elever i 5. klasse, og kl. 14.30 i 2026 har "
        "vi læsebånd i 20 minutter. Bo tæt på skolen hjælper. Mødet er 12.03.2026 eller "
        "2026-04-01."
    )
    assert mask(text) == text


def test_several_details_in_one_answer_are_all_masked():
    masked = mask("Kontakt Peter på peter@skole.dk eller 87654321, cpr 311299-4321.")
    for detail in ("Peter", "peter@skole.dk", "87654321", "311299-4321"):
        assert detail not in masked
