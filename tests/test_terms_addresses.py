"""No glossary term inside a web or mail address or a social-media handle: a news desk's
copied wire text carries them ("Mehr: https://www.dpa.de/…", "redaktion@dpa.de",
"@dpa_news"), and a desk tester's 60 wire variants of real articles got 43 sure terms
there (dpa → Deutsche Presse-Agentur, NATO in a path)."""

from __future__ import annotations

import pytest

from glossar.glossary.load import load_glossary
from glossar.terms import find_terms


@pytest.fixture(scope="module")
def glossary():  # type: ignore[no-untyped-def]
    return load_glossary([])


@pytest.mark.parametrize(
    "address",
    [
        "https://www.dpa.de/x.html",
        "redaktion@dpa.de",
        "@dpa_news",
        "@AFP_news",
        "www.nato.int/NATO",
        "dpa.de",
        "http://example.com/Regierung/Nato",
    ],
)
def test_no_term_inside_an_address(glossary, address: str) -> None:  # type: ignore[no-untyped-def]
    text = f"Mehr unter {address} und bei der Nato."
    found = [(m.text, m.start) for m in find_terms(text, glossary)]
    assert found == [("Nato", text.rindex("Nato"))], found


def test_the_same_words_outside_an_address_are_terms(glossary) -> None:  # type: ignore[no-untyped-def]
    text = "Die dpa meldet: Die NATO tagt, die Regierung schweigt."
    assert [m.text for m in find_terms(text, glossary)] == ["dpa", "NATO", "Regierung"]


def test_a_noun_in_capitals_that_is_also_another_word_is_unsure(glossary) -> None:  # type: ignore[no-untyped-def]
    """In capitals the case that tells "Macht" from "macht" is gone: a desk tester's
    ALL-CAPS variants of real articles gave "power" for "GUTE FORSCHUNG MACHT …" (sure,
    and enforced), Präsident inside PRÄSIDENTSCHAFTSKANDIDATIN, and lost verbs."""
    text = (
        "ER MACHT DAS. DIE US-PRÄSIDENTSCHAFTSKANDIDATIN SPRACH. DIE REGIERUNG HAT DIE "
        "VORWÜRFE ZURÜCKGEWIESEN. Die Macht der Armee."
    )
    found = [(m.text, m.entry.id, m.sure) for m in find_terms(text, glossary)]
    assert ("MACHT", "macht", False) in found  # a suggestion, not the answer
    assert ("Macht", "macht", True) in found  # as written: the noun
    assert "praesident" not in [i for _t, i, _s in found]
    assert ("ZURÜCKGEWIESEN", "zurueckweisen", True) in found
    assert ("REGIERUNG", "regierung", True) in found  # no other word: sure


def test_abbreviations_in_a_text_in_capitals_end_no_sentence() -> None:
    from glossar.text.segment import split_sentences

    text = "DER FONDS IST MIT 100 MIO. EURO DOTIERT, BZW. MEHR. DR. MÜLLER KAM.\n"
    assert [s.text for s in split_sentences(text)] == [
        "DER FONDS IST MIT 100 MIO. EURO DOTIERT, BZW. MEHR.",
        "DR. MÜLLER KAM.",
    ]
    # in mixed case an acronym ends its sentence (GSD: "sagte Stihl der FR. Die …")
    assert len(split_sentences("Das sagte er der FR. Die Delegierten folgten.")) == 2
    assert len(split_sentences("Das berichtete die FR. NATO und EU schweigen.")) == 2
