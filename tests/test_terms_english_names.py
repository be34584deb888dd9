"""A place or organisation inside a medium's or an airline's English name is no term."""

from __future__ import annotations

from glossar.glossary.load import load_glossary
from glossar.terms import find_terms


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.id) for m in find_terms(text, load_glossary())]


def test_a_place_inside_a_papers_english_name_is_no_term() -> None:
    """A tester (stop 45, 10kGNAD Panorama-256): "Die Zeitung USA Today berichtete"
    was translated "The US formaming a day" (USA enforced as "US")."""
    assert found("Die Zeitung USA Today berichtete am Montag.") == []
    assert found("Die USA haben gewählt.") == [("USA", "usa")]


def test_a_german_word_after_a_place_leaves_it_a_term() -> None:
    """The review's: "Post", "Mail", "Online" are German words too, and a hyphen after
    the word makes a German compound."""
    assert found("Er schickte aus Russland Post an seine Familie.") == [("Russland", "russland")]
    assert found("Wer in den USA Mail-Adressen sammelt, fällt auf.") == [("USA", "usa")]
