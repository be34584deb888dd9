"""Words hyphenated at a line's end ("Bundes-⏎regierung"), read as one word.

Why: text copied from a PDF, a newspaper column or an e-mail keeps the hyphen and the
line break that set a word over two lines. Term recognition read "Ausnahme-⏎zustand" as
two words and found neither the term nor the compound's head (a tester's eight real
sentences: no hit at all). :func:`join_line_hyphens` gives the text with such seams
closed and a map back to the offsets of the text as given, so every check reads the
whole word and every reported span stays an offset into the input.

A seam is a hyphen (``-``, U+2010, or a soft hyphen) right after a letter or a digit,
then a line break (with spaces around it), then a letter or a digit. It closes in one
of two ways:

- **joined** (hyphen and break go): a lower-case letter on both sides, the word's
  syllables ("Präsi-⏎dent", "Bundes-⏎regierung"); a soft hyphen always;
- **the hyphen kept** (only the break goes): a capital or a digit on either side, a
  compound spelled with a hyphen ("Mini-⏎Nato" is Mini-Nato, "US-⏎amerikanisch",
  "G7-⏎Staaten"), and a lower-case compound of two words whose joined form the word
  list does not know ("militärisch-⏎politische", "deutsch-⏎französischen"; the
  dictionary test of dehyphenating tools).

Left as it is: a conjunction after the break ("Ein-⏎und Ausreise", "Nord-⏎oder
Südkorea", a suspended compound: the break reads as the space it stands for), and a
space before the hyphen (a dash in prose: "Er kam -⏎und ging").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

#: What follows a seam's hyphen: a line break with spaces around it (and an e-mail's
#: quote marks, "Ausnahme-⏎> zustand"), then a letter or a digit that opens no
#: conjunction of a suspended compound.
_AFTER = "[ \t]*(?:\r\n|\n|\r)[ \t]*(?:>[ \t]*)*(?!(?:{})\\b)(?=[^\\W_])".format(
    "und|oder|bis|sowie|bzw|beziehungsweise|respektive|noch|wie|als|sondern"
)
#: A letter, a digit or a combining mark (NFD: "Prä-⏎sident") before the hyphen.
_BEFORE = "(?:(?<=[^\\W_]{0})|(?<=[\\u0300-\\u036f]{0}))"
#: The pattern with the plain hyphen only (a literal first character, which the engine
#: scans for in C: 3 ms for 5 MB, a character class 28 ms), and the general one, used
#: only where a text has a rarer hyphen (U+2010, soft hyphen).
_PLAIN_SEAM = re.compile("-" + _BEFORE.format("-") + _AFTER)
_ANY_SEAM = re.compile("[-\u2010\u00ad]" + _BEFORE.format(".") + _AFTER)
_RARE_HYPHENS = ("\u2010", "\u00ad")
#: How far back the first part is read (a word's length).
_PART = 40


@dataclass(frozen=True, slots=True)
class JoinedText:
    """``text`` with its line-end seams closed; ``cuts`` are the offsets in ``text``
    where something was removed, ``removed`` the characters removed up to and including
    each."""

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

    def span_in_source(self, start: int, end: int) -> tuple[int, int]:
        """The source offsets of the span ``start``–``end`` of :attr:`text`."""
        return self.start_in_source(start), self.end_in_source(end)


def join_line_hyphens(text: str) -> JoinedText | None:
    """``text`` with its line-end seams closed (joined, or the hyphen kept), or None
    when it has none (most text: one scan for a hyphen before a line break)."""
    rare = any(hyphen in text for hyphen in _RARE_HYPHENS)
    pieces: list[str] = []
    cuts: list[int] = []
    removed: list[int] = []
    last = 0
    total = 0
    for m in (_ANY_SEAM if rare else _PLAIN_SEAM).finditer(text):
        hyphen = m.start()
        cut = hyphen if _joins(text, hyphen, m.end()) else hyphen + 1
        pieces.append(text[last:cut])
        cuts.append(cut - total)
        total += m.end() - cut
        removed.append(total)
        last = m.end()
    if not cuts:
        return None
    pieces.append(text[last:])
    return JoinedText("".join(pieces), tuple(cuts), tuple(removed))


def _joins(text: str, hyphen: int, after: int) -> bool:
    """Does the seam whose hyphen is at ``hyphen`` join the word's two halves (else the
    hyphen stays)? A soft hyphen always; a plain one between lower-case letters unless
    the halves are a lower-case compound spelled with a hyphen: the joined word is none
    the word list knows and the second half (four letters or more) is one
    ("deutsch-⏎französischen", "militärisch-⏎politische"; but "einmisch-⏎te",
    "Prot-⏎este", a noun's "Weiß-⏎russland" join)."""
    if text[hyphen] == "\u00ad":
        return True
    before = text[hyphen - 1]
    lower_before = before.islower() or "\u0300" <= before <= "\u036f"
    if not (lower_before and text[after].islower()):
        return False
    start = hyphen
    while start > max(0, hyphen - _PART) and (
        text[start - 1].isalpha() or "\u0300" <= text[start - 1] <= "\u036f"
    ):
        start -= 1
    if text[start : start + 1].isupper():
        return True  # a noun's syllables or parts: Weiß-⏎russland, Ausnahme-⏎zustand
    end = after
    while end < min(len(text), after + _PART) and text[end].isalpha():
        end += 1
    second = text[after:end]
    if len(second) < 4:
        return True
    import unicodedata

    from glossar.terms.lexicon import is_lower_word

    first = unicodedata.normalize("NFC", text[start:hyphen])
    second = unicodedata.normalize("NFC", second)
    joined = first + second
    # (an inflected participle the word list lacks: "beige-⏎mischte", beigemischt)
    stem = joined[:-2] if joined.endswith(("en", "er", "es", "em")) else joined[:-1]
    known = is_lower_word(joined) or (joined[-1:] in "enrsm" and is_lower_word(stem))
    return known or not is_lower_word(second)


_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\n|\r)[ \t]*")


@lru_cache(maxsize=1)
def _quote_marks() -> re.Pattern[str]:
    """An e-mail's quote marks at a line's start ("> ", "> > "): no words of the sentence
    (compiled on first use: most text has none)."""
    from glossar.text.line_words import QUOTE_MARKS

    return re.compile(r"(?:^|(?<=\n))[ \t]*" + QUOTE_MARKS.pattern)


def without_quote_marks(text: str) -> str:
    """``text`` without an e-mail's quote marks at its lines' starts ("Ausnahme-⏎>
    zustand" → "Ausnahme-⏎zustand"): a term found across a quoted line break, as read."""
    if text[:1] == ">" or "\n>" in text or "\n >" in text:
        return _quote_marks().sub("", text)
    return text


def unwrapped(sentence: str) -> str:
    """One sentence of wrapped text as one line, for a translation model: its words
    hyphenated at a line's end joined ("Ausnahme-⏎zustand" → "Ausnahmezustand",
    "Mini-⏎Nato" → "Mini-Nato"), its other line breaks read as spaces (a model would
    read "⏎" as a sentence end or copy it), and a quoted e-mail's marks ("> ") left out."""
    sentence = without_quote_marks(sentence)
    if "\n" not in sentence and "\r" not in sentence:
        return sentence
    joined = join_line_hyphens(sentence)
    return _LINE_BREAK.sub(" ", joined.text if joined is not None else sentence)
