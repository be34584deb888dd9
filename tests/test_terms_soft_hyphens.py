"""A soft hyphen at a compound's seam (as hyphenating web pages and PDFs write
Landes\u00adregierung) changes nothing: the same terms are found, judged by the same
compound rules, and a closed compound stays closed (not enforced, see
tests/test_enforce_compounds.py).

The reviewer's finding: "Die Landes\u00adregierung sprach." gave no hit at all, and a
part next to a soft hyphen would have counted as a hyphenated one. Sentences: UD
German PUD (CC BY-SA 3.0, tests/data/pud).
"""

from __future__ import annotations

import pytest
from test_check_pud import pud_pairs

from glossar.glossary.load import load_glossary
from glossar.terms import find_terms
from glossar.terms.match import in_closed_compound

SOFT = "\u00ad"


@pytest.fixture(scope="module")
def glossary():  # type: ignore[no-untyped-def]
    return load_glossary()


def _seams(glossary) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    """(PUD sentence, offset) of every closed-compound seam a term starts or ends at."""
    out = []
    for de, _en in pud_pairs().values():
        for m in find_terms(de, glossary):
            if in_closed_compound(de, m):
                seam = m.start if de[m.start - 1 : m.start].isalpha() else m.end
                out.append((de, seam))
    return out


def _reading(text: str, glossary) -> list[tuple[str, bool, bool]]:  # type: ignore[no-untyped-def]
    return [(m.id, m.compound, in_closed_compound(text, m)) for m in find_terms(text, glossary)]


def test_a_soft_hyphen_at_the_seam_changes_nothing(glossary) -> None:  # type: ignore[no-untyped-def]
    seams = _seams(glossary)
    assert len(seams) >= 10  # Großmächte, Machtwechsel, Regionalregierung, …
    for de, seam in seams:
        hyphenated = de[:seam] + SOFT + de[seam:]
        assert _reading(hyphenated, glossary) == _reading(de, glossary), hyphenated


def test_a_soft_hyphen_does_not_open_a_word_the_lexicon_keeps_whole(glossary) -> None:  # type: ignore[no-untyped-def]
    # Ministerpräsidentin is a word of its own (policy auto): no Präsident in it
    assert _reading("Die Minister\u00adpräsidentin sprach.", glossary) == []


def test_a_soft_hyphen_in_a_derivation_does_not_open_it(glossary) -> None:  # type: ignore[no-untyped-def]
    """The second reviewer's: with the marks left in, the derivation rule no longer saw
    "-antisch" or "-schaft" after the part (Pro­tes­tan­ti­schen, Präsident­schaft)."""
    for word in ("Pro\u00adtes\u00adtan\u00adti\u00adschen", "Präsidents\u00adchaftswahlen"):
        assert _reading(f"Ein Mitglied der {word} Kirche.", glossary) == []
