import pytest

from geo.reading.language import looks_english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        (
            "BREAKING: ISIS militants kill three Peshmerga fighters near Makhmour on Thursday "
            "night, Peshmerga ministry says.",
            True,
        ),
        ("Peshmerga, Iraqi army sweep villages near Kifri", True),
        ("Two soldiers were killed when ISIS militants attacked an army post near Daquq.", True),
        (
            "Des militants de l'EI ont tué trois combattants peshmergas près de Makhmour "
            "jeudi soir, selon le ministère.",
            False,
        ),
        ("Schüsse auf Peschmerga bei Machmur: drei Kämpfer getötet, sagt das Ministerium.", False),
        ("هاجم مسلحو داعش موقعا للبيشمركة قرب مخمور", False),
        ("", False),
        ("12345 67890", False),
    ],
)
def test_language(text, english):
    assert looks_english(text) is english
