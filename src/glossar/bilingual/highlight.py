"""Where the glossary shows in a pair: German term spans and the English they became.

Renderers need the same two things: a German sentence cut into plain text and term
spans, and an English sentence cut where the glossary's English appears. Both live
here so every format (and the evaluation) agrees on what counts as the glossary's
English: the expected term, the preferred term, an admitted alternative or an
abbreviation, in any inflection :mod:`glossar.text.english` accepts (the same test
enforcement and ``glossar check`` use).
"""

from __future__ import annotations

from collections.abc import Iterable

from glossar.glossary.model import Entry
from glossar.terms.match import TermMatch
from glossar.text.english import english_present as _present
from glossar.text.english import find_english


def english_present(match: TermMatch, text: str | None) -> bool:
    """Whether ``text`` renders this term occurrence with English the glossary accepts."""
    return _present(text, match.accepted_english)


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
    by_term: dict[str, Entry] = {}
    for entry in entries:
        for term in (entry.en, *entry.en_alt, *entry.en_abbr):
            if term:
                by_term.setdefault(term, entry)
    return [(start, stop, by_term[term]) for start, stop, term in find_english(text, by_term)]


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
