"""Invisible marks inside a word (a web page's zero-width space, word joiner or soft
hyphen, as copied text keeps them; a typesetter's zero-width non-joiner against a
ligature, or a joiner) change no term: the word reads as it is shown.

A tester's (stop 44): "Macht\u200bhaber" gave the sure hit Macht → power (Machthaber is an
exception of the entry, which a soft hyphen there respected) and "Ausl\u200bänder" gave
Ausland → abroad, where the same words without the mark give no hit.
Text: UD German PUD (CC BY-SA 3.0, tests/data/pud).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from glossar.glossary.load import load_glossary
from glossar.terms.recognise import find_terms

PUD = Path(__file__).parent / "data" / "pud" / "de_pud-ud-test.conllu"


@pytest.fixture(scope="module")
def text() -> str:
    lines = PUD.read_text(encoding="utf-8").splitlines()
    return " ".join(line[len("# text = ") :] for line in lines if line.startswith("# text = "))


@pytest.mark.parametrize("mark", ["\u200b", "\u2060", "\u00ad", "\ufeff", "\u200c", "\u200d"])
def test_a_mark_inside_a_long_word_changes_no_term(text: str, mark: str) -> None:
    glossary = load_glossary([])
    plain = Counter(m.id for m in find_terms(text, glossary))
    # the mark after a long word's fifth letter (Macht|haber, Ausla|nder, …)
    marked_text = re.sub(r"\b([^\W\d_]{5})(?=[^\W\d_]{4})", lambda m: m.group(1) + mark, text)
    assert marked_text.count(mark) > 3000
    marked = Counter(m.id for m in find_terms(marked_text, glossary))
    assert marked == plain, (marked - plain, plain - marked)


def test_the_testers_words() -> None:
    glossary = load_glossary([])
    for word in ("Macht\u200bhaber", "Ausl\u200bänder", "Macht\u2060haber"):
        text = f"Der umstrittene {word} kam zu den Gesprächen."
        assert find_terms(text, glossary) == [], word
