"""Sentences in capitals read as German writes them before the model sees them (a desk
tester's ALL-CAPS article: 40 s and "EEEE…OOOO" instead of 0.9 s)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from glossar.mt.translation import model_text
from glossar.text.capitals import in_capitals, sentence_case


def test_a_sentence_in_capitals_is_written_as_german_writes_it() -> None:
    text = "GUTE FORSCHUNG MACHT SICH BEZAHLT, SAGT DER PRÄSIDENT DER OVKS. DIE NATO TAGT."
    assert in_capitals(text)
    assert sentence_case(text) == (
        "Gute Forschung macht sich bezahlt, sagt der Präsident der OVKS. Die Nato tagt."
    )
    assert model_text("DIE REGIERUNG HAT DIE VORWÜRFE ZURÜCKGEWIESEN.") == (
        "Die Regierung hat die Vorwürfe zurückgewiesen."
    )


def test_a_sentence_with_acronyms_is_left_as_it_is() -> None:
    for text in ("Die NATO und die OVKS tagen in Brüssel.", "USA", "EU-GIPFEL"):
        assert not in_capitals(text)
        assert model_text(text) == text


@given(st.text(alphabet=st.sampled_from("ABCÄÖÜẞSİ ß.,!?„“-1"), max_size=60))
def test_sentence_case_keeps_every_character_in_its_place(text: str) -> None:
    """Enforcement reads the same offsets in the model's text as in the source."""
    cased = sentence_case(text)
    assert len(cased) == len(text)
    assert [c.isalpha() for c in cased] == [c.isalpha() for c in text]
