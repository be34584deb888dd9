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
#: Lines read: a page or two.
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
    """Do the first lines of ``text`` hold two columns of prose side by side: most of
    its long lines with a second column's words starting at one position, after a gap
    of spaces? Justified text's gaps wander; a table's cells are no prose (words of
    letters on both sides)."""
    starts: Counter[int] = Counter()
    beside: Counter[int] = Counter()  # of them, with a first column's words on the left
    long_lines = 0
    for line in islice(iter_lines(text), _LINES):
        line = line.rstrip()
        if not 2 * _MIN_COLUMN <= len(line) <= _MAX_LINE:
            continue  # (a longer line is no page's: a paragraph on one line)
        long_lines += 1
        for gap in _GAP.finditer(line):
            column = gap.end()
            left, right = line[:column], line[column:]
            if column >= _MIN_COLUMN and _prose(right) and (not left.strip() or _prose(left)):
                starts[column] += 1
                beside[column] += bool(left.strip())
    if not starts or long_lines < _MIN_LINES:
        return False
    column, count = starts.most_common(1)[0]
    # a column's start, give or take a character (pdftotext aligns, a copy may not)
    near = (column - 1, column, column + 1)
    count = sum(starts.get(c, 0) for c in near)
    # most of them with a first column beside (a page's one column under a wide
    # margin has none: the review's)
    with_left = sum(beside.get(c, 0) for c in near)
    return count >= _MIN_LINES and count >= _MIN_SHARE * long_lines and with_left * 2 >= count


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
