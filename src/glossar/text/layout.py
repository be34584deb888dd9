"""Layouts no splitter can read: two columns of text side by side.

Why: ``pdftotext -layout`` (and a copy from some PDF viewers) keeps a page's columns
side by side, so each line holds the end of one column's line and the start of the
other's. Every sentence is then read across both columns; a tester's 50 news articles
in that layout gave 867 glued and 728 cut sentences, and no output said why. Nothing
here tries to undo the layout (which column a line's half belongs to is the PDF's); it
is found, so the commands can say so (``pdftotext`` without ``-layout`` gives one
column after the other).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import islice

__all__ = ["side_by_side"]

#: A run of two spaces or more and the word after it: where a second column may start.
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)|^ {8,}(?=\S)")
#: Lines judged together: a page or two.
_LINES = 200
#: Lines with text on both sides of the same column, at least, and their share of the
#: lines long enough to hold two columns.
_MIN_LINES = 8
_MIN_SHARE = 0.5
#: The narrowest column read as one (a newspaper's is 25–40 characters).
_MIN_COLUMN = 20
#: The longest line read: two columns of a page fit in it, and each gap's look at the
#: rest of the line stays bounded (a paragraph of 1 MB on one line is read in no time).
_MAX_LINE = 240


def side_by_side(text: str) -> bool:
    """Does ``text`` hold two columns of prose side by side at its start or its end:
    in its first or its last :data:`_LINES` lines, most of the long lines with a second
    column's words starting at one position, after a gap of spaces? Justified text's
    gaps wander; a table's cells are no prose (words of letters on both sides). Text
    without two spaces in a row has no gap to read (most prose: one scan in C). A
    stream's reader asks it of each piece (:func:`glossar.cli.options.noting_layout`)."""
    if "  " not in text:
        return False
    first = list(islice(iter_lines(text), _LINES))
    if _two_columns(first):
        return True
    last = text.rsplit("\n", _LINES)[1:]
    return len(last) >= _LINES and _two_columns(last)


def _two_columns(lines: list[str]) -> bool:
    """:func:`side_by_side` for one run of lines: first where gaps end (cheap), then,
    at the commonest such column only, whether prose stands on both sides."""
    starts: Counter[int] = Counter()
    long: list[str] = []
    for line in lines:
        line = line.rstrip()
        if not 2 * _MIN_COLUMN <= len(line) <= _MAX_LINE:
            continue  # (a longer line is no page's: a paragraph on one line)
        long.append(line)
        starts.update({gap.end() for gap in _GAP.finditer(line) if gap.end() >= _MIN_COLUMN})
    if len(long) < _MIN_LINES or not starts:
        return False
    column = starts.most_common(1)[0][0]
    # a column's start, give or take a character (pdftotext aligns, a copy may not)
    near = (column - 1, column, column + 1)
    if sum(starts.get(c, 0) for c in near) < max(_MIN_LINES, _MIN_SHARE * len(long)):
        return False  # (justified text: its gaps wander)
    count = beside = 0
    for line in long:
        at = next((c for c in near if c < len(line) and line[c - 1] == " " != line[c]), 0)
        if not at or not _prose(line[at:]):
            continue
        left = line[:at]
        if left.strip() and not _prose(left):
            continue
        count += 1
        beside += bool(left.strip())
    # most of them with a first column beside (a page's one column under a wide
    # margin has none: the review's)
    return count >= max(_MIN_LINES, _MIN_SHARE * len(long)) and beside * 2 >= count


def iter_lines(text: str) -> Iterator[str]:
    """``text``'s lines, one at a time (the first few of a long text cost no more)."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


def _prose(part: str) -> bool:
    """Three words or more, mostly of letters: a column's line, not a table's cell."""
    words = part.split()
    return (
        len(words) >= 3
        and sum(w.strip('.,;:!?–-"„“()').isalpha() for w in words) * 3 >= len(words) * 2
    )
