"""A glossary term inside a closed compound is shown, not enforced.

An exploratory tester's finding on real text: `translate` forced Macht → "power" over
the model's rendering of Großmächte ("This power is …"; the English is "the Great
Powers"), Ukraine over Zentralukraine. On 80 Austrian news articles a third of the sure
hits are such parts (Regierung in Landesregierung, Regierungschef, Regierungsrochade;
Präsident in Bundespräsidentenwahl), whose English is often no word of the compound's
English ("prime minister", "cabinet reshuffle", "presidential election"): forcing it
breaks the sentence. A hyphenated part (OVKS-Truppen → CSTO troops) is still enforced.
The sentences are UD German PUD's (CC BY-SA 3.0, tests/data/pud).
"""

from __future__ import annotations

from test_check_pud import pud_pairs

from glossar.glossary.load import load_glossary
from glossar.mt import translate_text


def test_a_closed_compound_part_is_not_forced(copy_model_installed) -> None:  # type: ignore[no-untyped-def]
    de, _en = pud_pairs()["w01150044"]  # Die Großmächte erfüllten die Bitten …
    result = translate_text(de, glossary=load_glossary(), beam=1)
    assert "power" not in result.text
    assert [t.id for s in result.segments for t in s.terms] == []


def test_a_hyphenated_part_is_still_enforced(copy_model_installed, article_text) -> None:  # type: ignore[no-untyped-def]
    sentence = next(s for s in article_text.split(". ") if "OVKS-Truppe" in s) + "."
    result = translate_text(sentence, glossary=load_glossary(), beam=1)
    assert "CSTO" in result.text
    assert ("ovks", True) in [(t.id, t.found) for s in result.segments for t in s.terms]
