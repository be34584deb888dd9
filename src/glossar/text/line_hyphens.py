"""Words hyphenated at a line's end ("Bundes-⏎regierung"), read as one word.

Why: text copied from a PDF, a newspaper column or an e-mail keeps the hyphen and the
line break that set a word over two lines. Term recognition read "Ausnahme-⏎zustand" as
two words and found neither the term nor the compound's head (a tester's eight real
sentences: no hit at all). :func:`join_line_hyphens` gives the text with such seams
closed and a map back to the offsets of the text as given, so every check reads the
whole word and every reported span stays an offset into the input.

A seam is a hyphen (``-``, U+2010, or a soft hyphen) right after a lower-case letter,
then a line break (with spaces around it), then a lower-case letter. Not joined:

- a capital or a digit on either side: "Nato-⏎Truppen", "US-⏎amerikanisch", "G7-⏎…"
  keep the hyphen (a compound spelled with one, which the matcher reads as such);
- a conjunction after the break: "Ein-⏎und Ausreise", "Vor-⏎oder Nachteil" (a
  suspended compound, whose hyphen is the writer's);
- a space before the hyphen (a dash in prose: "Er kam -⏎und ging").

A lower-case compound spelled with a hyphen ("öffentlich-rechtlich") broken at that
hyphen reads joined: print cannot tell the two apart, and the joined word is the common
case in news (a noun's syllables).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

#: A seam: lower-case letter, hyphen, a line break with spaces around it, lower-case
#: letter; the conjunctions that keep a suspended compound's hyphen are not joined.
_SEAM = "(?<=[a-zäöüß]{0})[ \t]*(?:\r\n|\n|\r)[ \t]*(?!(?:{1})\\b)(?=[a-zäöüß])"
_CONJUNCTIONS = "und|oder|bis|sowie|bzw|beziehungsweise|respektive|noch|wie|als|sondern"
#: The pattern with the plain hyphen only (a literal first character, which the engine
#: scans for in C: 3 ms for 5 MB, the general pattern's character class 28 ms), and the
#: general one, used only where a text has a rarer hyphen (U+2010, soft hyphen).
_PLAIN_SEAM = re.compile("-" + _SEAM.format("-", _CONJUNCTIONS))
_ANY_SEAM = re.compile("[-\u2010\u00ad]" + _SEAM.format(".", _CONJUNCTIONS))
_RARE_HYPHENS = ("\u2010", "\u00ad")


@dataclass(frozen=True, slots=True)
class JoinedText:
    """``text`` with its line-end seams removed; ``cuts`` are the offsets in ``text``
    where a seam was, ``removed`` the characters removed up to and including each."""

    text: str
    cuts: tuple[int, ...]
    removed: tuple[int, ...]

    def start_in_source(self, i: int) -> int:
        """The source offset of a span starting at ``i`` (after a seam at ``i``)."""
        k = bisect_right(self.cuts, i)
        return i + (self.removed[k - 1] if k else 0)

    def end_in_source(self, i: int) -> int:
        """The source offset of a span ending at ``i`` (before a seam at ``i``)."""
        k = bisect_left(self.cuts, i)
        return i + (self.removed[k - 1] if k else 0)


def join_line_hyphens(text: str) -> JoinedText | None:
    """``text`` with words hyphenated at a line's end joined, or None when it has none
    (most text: one scan for a hyphen before a line break)."""
    rare = any(hyphen in text for hyphen in _RARE_HYPHENS)
    seams = (_ANY_SEAM if rare else _PLAIN_SEAM).finditer(text)
    pieces: list[str] = []
    cuts: list[int] = []
    removed: list[int] = []
    last = 0
    total = 0
    for m in seams:
        pieces.append(text[last : m.start()])
        cuts.append(m.start() - total)
        total += m.end() - m.start()
        removed.append(total)
        last = m.end()
    if not cuts:
        return None
    pieces.append(text[last:])
    return JoinedText("".join(pieces), tuple(cuts), tuple(removed))


_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\n|\r)[ \t]*")


def unwrapped(sentence: str) -> str:
    """One sentence of wrapped text as one line, for a translation model: its words
    hyphenated at a line's end joined ("Ausnahme-⏎zustand" → "Ausnahmezustand") and
    its other line breaks read as spaces (a model would read "⏎" as a sentence end or
    copy it)."""
    if "\n" not in sentence and "\r" not in sentence:
        return sentence
    joined = join_line_hyphens(sentence)
    return _LINE_BREAK.sub(" ", joined.text if joined is not None else sentence)
