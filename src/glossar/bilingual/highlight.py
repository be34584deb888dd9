"""Where the glossary shows in a pair: German term spans and the English they became.

Renderers need the same two things: a German sentence cut into plain text and term
spans, and an English sentence cut where the glossary's English (preferred term or its
abbreviation) appears. Both live here so every format highlights the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from glossar.glossary.model import Entry
from glossar.terms.match import TermMatch


@lru_cache(maxsize=1024)
def _english_pattern(term: str) -> re.Pattern[str]:
    # Whole words, any case, allowing an English plural or possessive ending.
    return re.compile(
        r"(?<![\w-])" + re.escape(term) + r"(?:s|es|'s|’s|s'|s’)?(?![\w-])", re.IGNORECASE
    )


def english_terms_for(entry: Entry) -> tuple[str, ...]:
    """What counts as the glossary's English for ``entry``: preferred term or abbreviation."""
    return tuple(t for t in (entry.en, *entry.en_abbr) if t)


def english_present(entry: Entry, text: str | None) -> bool:
    """Whether ``text`` renders ``entry`` with the glossary's English."""
    if not text:
        return False
    return any(_english_pattern(t).search(text) for t in english_terms_for(entry))


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
        for term in english_terms_for(entry):
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
