"""A ruler's epithet is part of a name, not the adjective: "Ludwig der Deutsche",
"Katharina die Große" (a second tester's finds, UD German PUD w01010048, w01081030,
CC BY-SA 3.0, tests/data/pud); the nominalised adjective stays ("Der Deutsche kam")."""

from __future__ import annotations

from glossar.glossary.model import Entry, Glossary
from glossar.terms import find_terms

ADJECTIVES = Glossary(
    {
        de: Entry(id=de, de=de, pos="adjective", en=en)
        for de, en in [("deutsch", "German"), ("groß", "big")]
    }
)


def found(text: str) -> list[str]:
    return [m.text for m in find_terms(text, ADJECTIVES)]


def test_an_epithet_after_a_given_name_is_no_adjective() -> None:
    assert (
        found(
            "Ludwig der Deutsche marschierte in Mähren ein und tauschte Mojmír I. gegen dessen "
            "Neffen Rastiz aus, der zum Heiligen Rastislav wurde."
        )
        == []
    )
    assert found("Katharina die Große war ebenfalls sehr zufrieden.") == []


def test_a_nominalised_adjective_without_a_name_stays() -> None:
    assert found("Am Abend kam der Deutsche zurück, die Große blieb.") == ["Deutsche", "Große"]
