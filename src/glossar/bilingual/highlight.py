"""Where the glossary shows in a pair: German term spans and the English they became.

Renderers need the same two things: a German sentence cut into plain text and term
spans, and an English sentence cut where the glossary's English appears. Both live
here so every format (and the evaluation) agrees on what counts as the glossary's
English: the expected term, the preferred term, an admitted alternative or an
abbreviation, in any regular inflection (the set enforcement accepts).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from glossar.glossary.model import Entry
from glossar.terms.match import TermMatch

_BE = "(?:be|is|are|was|were|been|being|'s|’s)"
_ENDINGS = "(?:s|es|ed|d|ing|'s|’s|s'|s’)?"


def _word_pattern(word: str) -> str:
    """A regex for one English word with its regular inflections (plural, -ed, -ing, 's)."""
    low = word.lower()
    if low == "be":
        return _BE
    if len(word) > 2 and low.endswith("y") and low[-2] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies|ied|ying|y's|y’s)"
    if len(word) > 2 and low.endswith("e"):
        return re.escape(word[:-1]) + "(?:e|es|ed|ing|e's|e’s)"
    if word[-1:].isalpha():
        return re.escape(word) + _ENDINGS
    return re.escape(word)


@lru_cache(maxsize=1024)
def _english_pattern(term: str) -> re.Pattern[str]:
    # Whole words; each word may carry a regular English inflection ("rushed to help",
    # "allies", "armored vehicles"). All-capital terms (CSTO, NATO) keep their case.
    words = term.split()
    body = r"[\s\u00a0]+".join(_word_pattern(w) for w in words)
    flags = 0 if term.isupper() else re.IGNORECASE
    return re.compile(r"(?<!\w)" + body + r"(?!\w)", flags)


def accepted_english(match: TermMatch) -> tuple[str, ...]:
    """English the glossary accepts for this occurrence: the expected term first, then the
    entry's preferred term, admitted alternatives and abbreviations (as enforcement does)."""
    entry = match.entry
    out = [match.english]
    for term in (entry.en, *entry.en_alt, *entry.en_abbr):
        if term and term not in out:
            out.append(term)
    return tuple(out)


def english_present(match: TermMatch, text: str | None) -> bool:
    """Whether ``text`` renders this term occurrence with English the glossary accepts."""
    if not text:
        return False
    return any(_english_pattern(t).search(text) for t in accepted_english(match))


def german_spans(text: str, terms: Iterable[TermMatch]) -> list[tuple[str, TermMatch | None]]:
    """``text`` cut into pieces, each a term occurrence or plain text (None)."""
    out: list[tuple[str, TermMatch | None]] = []
    pos = 0
    for t in sorted(terms, key=lambda m: m.start):
        if t.start < pos or t.end > len(text):
            continue  # overlapping or stale span: leave it plain
        if t.start > pos:
            out.append((text[pos : t.start], None))
        out.append((text[t.start : t.end], t))
        pos = t.end
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def english_matches(text: str, entries: Iterable[Entry]) -> list[tuple[int, int, Entry]]:
    """Non-overlapping spans of ``text`` where an entry's English appears, longest first."""
    found: list[tuple[int, int, Entry]] = []
    for entry in entries:
        for term in (entry.en, *entry.en_alt, *entry.en_abbr):
            if not term:
                continue
            for m in _english_pattern(term).finditer(text):
                found.append((m.start(), m.end(), entry))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, Entry]] = []
    end = -1
    for start, stop, entry in found:
        if start >= end:
            out.append((start, stop, entry))
            end = stop
    return out


def english_spans(text: str, entries: Iterable[Entry]) -> list[tuple[str, Entry | None]]:
    """``text`` cut into pieces, each a glossary English occurrence or plain text (None)."""
    out: list[tuple[str, Entry | None]] = []
    pos = 0
    for start, stop, entry in english_matches(text, entries):
        if start > pos:
            out.append((text[pos:start], None))
        out.append((text[start:stop], entry))
        pos = stop
    if pos < len(text):
        out.append((text[pos:], None))
    return out
