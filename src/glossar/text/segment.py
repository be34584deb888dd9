"""The product's one sentence segmenter for German text, with offsets into the input.

Why this shape: MT, term recognition and the bilingual pairing must agree on what a
sentence is, so there is exactly one splitter. Three rules, in order:

1. A blank line separates paragraphs (``paragraph`` counts them from 0).
2. A line break always ends a segment: news text puts headlines, captions and
   bylines on lines of their own, usually without a final period.
3. Within a line, pysbd's German rules split sentences (measured best on the seed
   article: abbreviations, ordinals such as ``8. Januar``, „…“ quotes). A piece that
   starts with a lower-case letter is glued back to the one before (pysbd splits
   after unknown abbreviations such as ``Jh.`` or ``Min.``).

Offsets are Python string offsets; ``text[s.start:s.end] == s.text`` always holds and
segments never include surrounding whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence (or headline/caption line): ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    paragraph: int


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="de", clean=False)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the blank-line separated paragraphs, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        s, e = _strip_span(text, pos, m.start())
        if s < e:
            spans.append((s, e))
        pos = m.end()
    s, e = _strip_span(text, pos, len(text))
    if s < e:
        spans.append((s, e))
    return spans


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one line ``text[start:end]`` (already stripped)."""
    line = text[start:end]
    pieces: list[tuple[int, int]] = []
    cursor = 0
    for raw in _segmenter().segment(line):
        piece = raw.strip()
        if not piece:
            continue
        found = line.find(piece, cursor)
        if found < 0:  # pysbd changed the text: fall back to the rest of the line
            pieces.append((cursor, len(line)))
            cursor = len(line)
            break
        pieces.append((found, found + len(piece)))
        cursor = found + len(piece)
    if cursor < len(line) and line[cursor:].strip():
        s, e = _strip_span(line, cursor, len(line))
        pieces.append((s, e))
    merged: list[tuple[int, int]] = []
    for s, e in pieces:
        if merged and line[s].islower():
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return [(start + s, start + e) for s, e in merged]


def split_sentences(text: str) -> list[Segment]:
    """Split German ``text`` into sentences, each with its offsets and paragraph number."""
    segments: list[Segment] = []
    for number, (p_start, p_end) in enumerate(split_paragraphs(text)):
        line_start = p_start
        while line_start < p_end:
            nl = text.find("\n", line_start, p_end)
            line_end = p_end if nl < 0 else nl
            s, e = _strip_span(text, line_start, line_end)
            if s < e:
                for a, b in _split_line(text, s, e):
                    segments.append(Segment(a, b, text[a:b], number))
            line_start = line_end + 1
    return segments


def separator(text: str, before: Segment, after: Segment) -> str:
    """What joins two translated segments: a paragraph break, a line break or a space."""
    gap = text[before.end : after.start]
    if after.paragraph != before.paragraph:
        return "\n\n"
    if "\n" in gap:
        return "\n"
    return " "
