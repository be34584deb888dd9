"""Text in capitals (a wire slug, a shouted headline) read in the case German writes.

A model trained on ordinary text cuts "DIE REGIERUNG HAT DIE VORWÜRFE ZURÜCKGEWIESEN"
into letters and pairs of letters, and a desk tester's article in capitals took 40 s to
translate instead of 0.9 s and came out as "EEEE…OOOO". :func:`sentence_case` writes
such a sentence as German would (nouns capitalised, where the word list knows a word
only so), keeping every character's place: enforcement and its spans read the same
offsets.
"""

from __future__ import annotations

import re

from glossar.text.morphology.words import exact_word

#: Words: letters (with what may join them).
_WORD = re.compile(r"[^\W\d_]+")
#: The least letters a sentence needs to count as one in capitals (not "USA", "EU-Gipfel").
_MIN_LETTERS = 12
#: Where a word opens a sentence: the text's start, or after a sentence's mark (and
#: quotation marks, brackets, spaces).
_OPENS = re.compile(r"(?:^|[.!?:]\s)[\s\"„“”»«'(]*")
#: Unknown words this short keep their capitals (acronyms).
_ACRONYM = 5


def in_capitals(text: str) -> bool:
    """Are (nearly) all of ``text``'s letters capitals, over :data:`_MIN_LETTERS` of them?
    A sentence with acronyms in it (NATO, OVKS) is not."""
    upper = lower = 0
    for ch in text:
        if ch.isupper():
            upper += 1
        elif ch.islower():
            lower += 1
    return upper >= _MIN_LETTERS and lower * 10 <= upper


def sentence_case(text: str) -> str:
    """``text`` in capitals written as German writes it: each word in small letters,
    capitalised where it opens the text or the word list knows it capitalised only (a
    noun: Regierung; "macht" stays small, a verb's form too), as long as each
    character keeps its place (a word whose small letters are longer stays as it is)."""

    def word(m: re.Match[str]) -> str:
        found = m.group()
        low = found.lower()
        if len(low) != len(found):
            return found
        capital = low[0].upper() + low[1:]
        if len(capital) != len(found):
            return low
        known_capital = exact_word(capital)
        known_low = exact_word(low)
        if not (known_capital or known_low) and len(found) <= _ACRONYM:
            return found  # an acronym the word list does not know: OVKS, ODKB
        if m.start() in opening or (known_capital and not known_low):
            return capital
        return low

    opening = {m.end() for m in _OPENS.finditer(text)}
    return _WORD.sub(word, text)
