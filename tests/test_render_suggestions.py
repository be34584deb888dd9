"""A suggestion's English is not marked as the glossary's in the English column: a
tester saw the unsure Land's "country" in bold in Markdown's MT, as if the glossary had
put it there. Marked English claims a sure term's English (Tokajew → Tokayev)."""

from __future__ import annotations

from glossar.bilingual.pairing import Pair
from glossar.bilingual.render import html, markdown
from glossar.glossary.load import load_glossary
from glossar.terms import find_terms

GERMAN = "Tokajew sprach über das Land."
ENGLISH = "Tokayev spoke about the country."


def _pair() -> Pair:
    terms = find_terms(GERMAN, load_glossary())
    assert {t.text: t.sure for t in terms} == {"Tokajew": True, "Land": False}
    return Pair(de=GERMAN, en_mt=ENGLISH, en_ref=None, terms=terms)


def test_markdown_marks_only_a_sure_terms_english() -> None:
    text = markdown._english(ENGLISH, _pair())
    assert "**Tokayev**" in text
    assert "**country**" not in text and "country" in text


def test_html_marks_only_a_sure_terms_english() -> None:
    text = html._english_html(ENGLISH, _pair())
    assert 'class="en-term"' in text and ">Tokayev<" in text
    assert ">country<" not in text and "country" in text
