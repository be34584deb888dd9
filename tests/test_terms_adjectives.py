"""An adjective entry's headword is a dictionary form (docs/glossary-format.md): its forms
are the headword + an ending. Taking an ending off the headword made ``sicher`` match the
pronoun ``sich`` and ``hoch`` miss ``hohen`` (found by reading a 10k-entry glossary's hits
on real news, stop 34). Sentences: UD German PUD (tests/data/pud, CC BY-SA 3.0)."""

from __future__ import annotations

import pytest

from glossar.glossary.model import Entry, Glossary
from glossar.terms import find_terms
from glossar.text.morphology import adjective_forms


def glossary(*adjectives: str) -> Glossary:
    entries = [
        Entry(id=f"a-{i}", de=word, pos="adjective", en=f"term {i}")
        for i, word in enumerate(adjectives)
    ]
    return Glossary({e.id: e for e in entries})


def found(text: str, *adjectives: str) -> list[str]:
    return [m.text for m in find_terms(text, glossary(*adjectives))]


def test_a_headword_ending_in_er_is_not_cut_to_another_word() -> None:
    text = (
        "Snowman sprang über den hohen Zaun, der die beiden Grundstücke trennte, und kehrte "
        "immer dorthin zurück, wo er sich zu Hause fühlte."
    )
    assert found(text, "sicher") == []
    assert found(text, "hoch") == ["hohen"]
    text = (
        "Platon hielt es für bedeutend sicherer, die Macht hoch gebildeten Wächtern anzuvertrauen."
    )
    assert found(text, "sicher", "hoch") == ["sicherer", "hoch"]


def test_a_headword_diphthong_er_drops_its_e() -> None:
    text = "Oder handelt es sich um einen teuren Standard- bzw. Vorauszahlungstarif?"
    assert found(text, "teuer") == ["teuren"]
    assert found(text, "sicher") == []


@pytest.mark.parametrize(
    ("headword", "present", "absent"),
    [
        ("sicher", {"sicheren", "sicherem"}, {"sich", "sichen"}),
        ("bitter", {"bittere", "bitteren"}, {"bitte", "bitten"}),
        ("extrem", {"extreme", "extremen"}, {"extr"}),
        ("offen", {"offene", "offenen"}, {"off", "offe"}),
        ("dunkel", {"dunkle", "dunklen", "dunkel"}, set()),
        ("lose", {"losen", "loser"}, {"los"}),
        ("kasachischen", {"kasachisch", "kasachische"}, set()),
    ],
)
def test_headword_forms(headword: str, present: set[str], absent: set[str]) -> None:
    forms = set(adjective_forms(headword))
    assert present <= forms
    assert not absent & forms
