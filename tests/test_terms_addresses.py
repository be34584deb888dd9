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
