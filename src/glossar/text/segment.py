"""The product's one sentence segmenter for German text, with offsets into the input.

Why this shape: MT, term recognition and the bilingual pairing must agree on what a
sentence is, so there is exactly one splitter. Rules, in order:

1. A blank line separates paragraphs (``paragraph`` counts them from 0).
2. A line break ends a segment: news text puts headlines, captions and bylines on
   lines of their own, usually without a final period. Not a line break that plainly
   goes on (:func:`glossar.text.line_breaks.soft_break`: text wrapped at a fixed width,
   as PDFs, columns and e-mails have it): one before a lower-case letter, after a comma,
   a hyphen glued to a word ("Bundes-⏎regierung"), a word no sentence or headline ends
   with (der, und …) or an adjective before its noun, or after a full line of wrapped
   prose (the next word would not have fitted on it); a list mark after it (``-``,
   ``•``, ``2.``) keeps it a break. Measured in docs/decisions.md ("Wrapped text").
3. Within a line, a sentence ends at ``.``/``!``/``?``/``…`` (with any closing quotes or
   brackets after it) followed by white space and an upper-case letter, a digit or an
   opening quote, unless the period belongs to an abbreviation
   (:mod:`glossar.text.abbreviations`: ``dt.``, ``Abs. 3``, ``usw.``), an ordinal or a
   day-and-month date (``am 11.11. um 11 Uhr``, ``im 8. Jahrhundert``), an initial or a
   roman numeral after a name (``Benedikt XVI.``); those end a sentence only before a
   typical sentence opener (``Die``, ``Er``, ``In`` …). A number after a sentence end
   or a colon is a list mark and never a sentence (``… Punkte. 4. Die Auffassung …``).
   Nothing ends before a lower-case letter or a comma (``„erst der Anfang …“, sagte
   sie``), nor inside an open „…“ quotation (a quote of several sentences stays with its
   speaker, as in the article's hand gold). Opening quotes include the typewriter forms
   ``,,`` / ``,`` glued to a word and TeX-style ````…''`` (news wire, TIGER/UD German
   GSD). An omission mark ``(...)`` / ``[…]`` (Duden: "Auslassungspunkte") is never a
   sentence end; before it, the word after it decides (``wollte. (...) Das Lied``).
4. No segment is longer than :data:`MAX_SEGMENT` characters: a longer run without a
   boundary (a PDF paragraph, a table flattened into one line) is cut at the last space
   of each window, so every later layer sees bounded input and the whole pass is linear.

Measured against pysbd, syntok and simplemma on UD German PUD, UD German GSD (news and
reviews) and hard news cases:
docs/decisions.md ("Sentence segmentation"); ``bench/eval_segment.py`` reproduces it.

Offsets are Python string offsets; ``text[s.start:s.end] == s.text`` always holds and
segments never include surrounding whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from glossar.text.abbreviations import (
    SENTENCE_OPENERS,
    abbreviation_kind,
    kind_in_capitals,
    unit_after_number,
)
from glossar.text.line_breaks import OPENING as _OPENING
from glossar.text.line_breaks import hard_break_after, hard_break_before
from glossar.text.line_breaks import strip_span as _strip_span
from glossar.text.line_words import BLANK_LINE_FILL, QUOTE_MARKS

_BLANK_LINE = re.compile(rf"\n(?:{BLANK_LINE_FILL}\n)+\s*")
#: A paragraph of nothing but an e-mail's quote marks (">" lines at a text's start or end).
_QUOTE_MARKS_ONLY = re.compile(r"[\s>]*")
#: The longest segment handed on; longer runs without a boundary are cut at a space.
MAX_SEGMENT = 2000
#: Sentence-final punctuation, its closing quotes/brackets, then white space. The
#: look-behind makes a run of periods start one match only (linear on ``......``).
#: A footnote's number may follow (group 2): "Blogeintrag.1 Für", ".¹", ".[1]" (a PDF's
#: text: a tester found nine in ten such ends glued to the next sentence).
_CANDIDATE = re.compile(
    r"(?<![.!?…])([.!?…]+)[\"“”»«’'‘)\]]*(\d{1,3}|[¹²³\u2070\u2074-\u2079]{1,3}|\[\d{1,3}\])?(?=\s)"
)
#: What a candidate may hold after its first character (``last_sentence_end``).
_CLOSING_RUN = re.compile(r"[.!?…\"“”»«’'‘)\]]*")
#: Opening quotes and brackets, with the typewriter forms of „ and ‚: ``,,`` / ``,`` glued
#: to the word (Duden, "Anführungszeichen") and the TeX/wire-service ````…''`` style.
_OPENING_TYPED = _OPENING + ","
#: An omission mark inside or between quoted sentences (Duden: "Auslassungspunkte"):
#: ``(...)``, ``[…]``. It is never a sentence end of its own.
_OMISSION = re.compile(r"[(\[](?:\.\.\.|…)[)\]]")
#: A number read as an ordinal before a period: a day, a month's date, a count with
#: thousands ("der 1.000.000. Artikel").
_YEAR = re.compile(r"1\d{3}|20\d\d")
_ORDINAL = re.compile(r"\d{1,3}|\d{1,2}\.\d{1,2}|\d{1,3}(?:\.\d{3})+")
_LETTER_DOTS = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
#: What stands before a list mark (``4. Die …``): nothing, a sentence end or a colon.
_LIST_BEFORE = re.compile(r"(?:^|[.!?…:][\"“”»«’'‘)\]]*)$")
#: How far to look back for the word before a period, or ahead for the next word.
_LOOK = 64
#: How far past a sentence end its judgement may look: the closing “ of a quotation
#: within :data:`MAX_SEGMENT`, the next word after white space (``last_sentence_end``).
LOOK_AHEAD = MAX_SEGMENT + 2 * _LOOK
#: The first stretch before ``hi`` that :func:`last_sentence_end` searches for sentence
#: ends (each further one twice as long): a sentence or two of news text.
_BACK_STRETCH = 256


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence (or headline/caption line): ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    paragraph: int


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the blank-line separated paragraphs, without surrounding whitespace."""
    return list(iter_paragraphs(text))


def iter_paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """The spans of :func:`split_paragraphs` (of ``text[start:end]``), one at a time."""
    pos = start
    end = len(text) if end is None else end
    for m in _BLANK_LINE.finditer(text, start, end):
        s, e = _strip_span(text, pos, m.start())
        if s < e and not (text[s] == ">" and _QUOTE_MARKS_ONLY.fullmatch(text, s, e)):
            yield s, e
        pos = m.end()
    s, e = _strip_span(text, pos, end)
    if s < e and not (text[s] == ">" and _QUOTE_MARKS_ONLY.fullmatch(text, s, e)):
        yield s, e


def _word_before(text: str, end: int, floor: int) -> tuple[str, str]:
    """The word ending at ``end`` (opening quotes/brackets dropped) and the word before it."""
    start = end
    limit = max(floor, end - _LOOK)
    while start > limit and not text[start - 1].isspace():
        start -= 1
    word = text[start:end].lstrip(_OPENING)
    prev_end = start
    while prev_end > floor and text[prev_end - 1].isspace():
        prev_end -= 1
    prev_start = prev_end
    limit = max(floor, prev_end - _LOOK)
    while prev_start > limit and not text[prev_start - 1].isspace():
        prev_start -= 1
    quoted = prev_start < prev_end and text[prev_start] == ">"
    if quoted and _is_quote_marks(text, prev_start, prev_end):
        # an e-mail's quote marks ("> 4. Die …"): the word before is the last line's
        prev_end = prev_start
        while prev_end > floor and (text[prev_end - 1].isspace() or text[prev_end - 1] == ">"):
            prev_end -= 1
        prev_start = prev_end
        limit = max(floor, prev_end - _LOOK)
        while prev_start > limit and not text[prev_start - 1].isspace():
            prev_start -= 1
    return word, text[prev_start:prev_end].lstrip(_OPENING)


def _is_quote_marks(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` an e-mail's quote marks at a line's start (">", ">>")?"""
    if text.count(">", start, end) != end - start:
        return False
    before = start
    while before > 0 and text[before - 1] in " \t>":
        before -= 1
    return before == 0 or text[before - 1] == "\n"


def _word_after(text: str, start: int, end: int) -> str:
    """The word starting at ``start`` without opening quotes or trailing punctuation."""
    stop = start
    limit = min(end, start + _LOOK)
    while stop < limit and not text[stop].isspace():
        stop += 1
    return text[start:stop].lstrip(_OPENING_TYPED).rstrip(".,;:!?…\"“”»«’')]")


def _is_symbol(char: str) -> bool:
    """© € § $: a sentence (or a photo credit) may start with a symbol."""
    import unicodedata

    return unicodedata.category(char).startswith("S")


def _inside_quotation(text: str, at: int, floor: int, end: int) -> bool:
    """Whether ``at`` lies inside a „quotation“ opened before it and closed after it
    (bounded look-around; an unclosed „ does not hold the rest of the text together)."""
    opened = text.rfind("„", max(floor, at - MAX_SEGMENT), at)
    if opened < 0 or text.rfind("“", opened, at) >= 0 or text.find('"', opened, at) >= 0:
        return False  # (closed already; a typed straight " closes it too: „nein".)
    limit = min(end, at + MAX_SEGMENT)
    closes = text.find("“", at, limit)
    if closes < 0:
        return False
    reopens = text.find("„", at, closes)
    return reopens < 0


def _may_follow(first: str) -> bool:
    """False for a lower-case letter or closing punctuation after a candidate: the word
    after it then starts with no capital, digit, symbol or bracket, so
    :func:`_is_boundary` stops there (most candidates of dotted text: ``z. B. u. a.``)."""
    return not (first in ".;:!?…" or (first.islower() and first.isalpha()))


def _is_boundary(text: str, m: re.Match[str], end: int, floor: int) -> bool:
    """Whether the candidate ``m`` (punctuation before white space) ends a sentence."""
    mark = m.start(1)
    if mark > 0 and text[mark - 1] in "([" and _OMISSION.match(text, mark - 1):
        return False  # (...) Das Lied …: the omission mark opens what follows
    after = m.end()
    while after < end and text[after].isspace():
        after += 1
    if after < end and text[after] == ">" and "\n" in text[m.end() : after]:
        # an e-mail's quote marks at the next line's start: the word after them decides
        while after < end and (text[after] == ">" or text[after].isspace()):
            after += 1
    if after < end and not _may_follow(text[after]):
        return False
    omission = _OMISSION.match(text, after) if after < end and text[after] in "([" else None
    if omission and omission.end() < end and text[omission.end()].isspace():
        after = omission.end() + 1  # … wollte. (...) Das Lied: judge by the word after it
        while after < end and text[after].isspace():
            after += 1
    nxt = _word_after(text, after, end)
    bracket = after < end and text[after] in "(["  # (aka mit dpa und AFP)
    if not nxt or not (bracket or nxt[0].isupper() or nxt[0].isdigit() or _is_symbol(nxt[0])):
        return False  # lower case, comma, dash: the sentence goes on
    if _inside_quotation(text, m.end(), floor, end):
        return False  # a quotation of several sentences stays one segment with its speaker
    punct = m.group(1)
    if m.group(2) is not None:  # a footnote's number: only after a word of letters
        return _footnote_ends(text, mark, floor, m.group(2))
    if punct != ".":
        return True  # ! ? … and ...
    word, previous = _word_before(text, mark, floor)
    if not word:
        return True
    opener = nxt in SENTENCE_OPENERS
    kind = abbreviation_kind(word)
    if (
        kind is None and len(nxt) > 1 and nxt.isupper() and not any(c.islower() for c in previous)
    ):  # a text in capitals on both sides: "100 MIO. EURO", not "die FR. NATO"
        kind = kind_in_capitals(word)
    if kind == "never":
        return False
    if kind == "number":
        if nxt[0].isdigit() or _ROMAN.fullmatch(nxt) is not None:
            return False
        # one letter ("S." for Seite) is an initial as well: "Edmund S. Phelps erhält"
        return opener if len(word) == 1 else True
    if kind == "may" or _LETTER_DOTS.fullmatch(word):
        return opener
    if len(word) == 1 and word.isalpha():
        # a unit after a number: "siegte in 2:05 h. Die …", "40 t."; not the "m." of
        # "7 m. E." (meines Erachtens: a letter follows)
        if unit_after_number(word, previous) and len(nxt) > 1:
            return True
        return word.isupper() and opener  # z. B. / u. a. never; initials J. R. R.
    if _ORDINAL.fullmatch(word):
        # am 11.11. um 11 Uhr; im 8. Jahrhundert; Platz 3. Die …; a number after a
        # sentence end or a colon is a list mark (4. Die gängige Auffassung …)
        # (after a citation, "Abs. 2." and "Nr. 1." end like any number)
        cited = previous.endswith(".") and abbreviation_kind(previous[:-1]) == "number"
        return opener and (cited or not _LIST_BEFORE.search(previous))
    if word.isupper() and _ROMAN.fullmatch(word) and previous[:1].isupper():
        return opener  # Papst Benedikt XVI. trat zurück
    return True


def _footnote_ends(text: str, mark: int, floor: int, footnote: str) -> bool:
    """Does a sentence end at ``mark`` before a footnote's number ("Blogeintrag.1 Für")?
    After closing quotes or "%" ("geplant“.2 Die"), after a word with letters that is no
    abbreviation ("EU-Beamter.1", not "Art.1 GG", "S.1"), and after a year ("1979.2
    Winstone"); after any other number the digits are the number's."""
    before = text[mark - 1] if mark > floor else ""
    if before in "\"“”»«’'‘)]%":
        return True
    word, _previous = _word_before(text, mark, floor)
    if any(c.isalpha() for c in word):
        return len(word) > 1 and abbreviation_kind(word) is None
    # a year ("im Jahr 1979.2 Winstone"), not a number's groups ("2.000.000 Euro", a
    # date "12.03.07", an address "192.168.1.100") nor a decimal ("um 3.1 Prozent")
    return _YEAR.fullmatch(word) is not None and len(footnote.strip("[]")) < 3


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one line ``text[start:end]`` (already stripped)."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _CANDIDATE.finditer(text, start, end):
        if m.end() >= end:
            break
        if _is_boundary(text, m, end, cursor):
            spans.extend(_bounded(text, cursor, m.end()))
            cursor = m.end()
            while cursor < end and text[cursor].isspace():
                cursor += 1
            if cursor < end and text[cursor] == ">" and "\n" in text[m.end() : cursor]:
                # the next sentence starts a quoted line: after its marks (the review's)
                cursor = _after_quote_marks(text, cursor, end)
                while cursor < end and text[cursor].isspace():
                    cursor += 1
    if cursor < end:
        spans.extend(_bounded(text, cursor, end))
    return spans


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` stripped, cut into pieces of at most :data:`MAX_SEGMENT`."""
    start, end = _strip_span(text, start, end)
    out: list[tuple[int, int]] = []
    while end - start > MAX_SEGMENT:
        cut = text.rfind(" ", start + MAX_SEGMENT // 2, start + MAX_SEGMENT)
        cut = cut if cut > start else start + MAX_SEGMENT
        s, e = _strip_span(text, start, cut)
        if s < e:
            out.append((s, e))
        start, end = _strip_span(text, cut, end)
    if start < end:
        out.append((start, end))
    return out


def last_sentence_end(text: str, lo: int, hi: int) -> int:
    """The last offset up to ``hi`` where a sentence ending after ``lo`` ends (after its
    punctuation and closing quotes), by the same rules as :func:`split_sentences`; -1
    when none. Searched backwards from ``hi``: a stream cut on one long line costs the
    distance back to the last sentence end, not the whole window."""
    # the compiled build types its text as exact str and its offsets as C integers (a
    # negative lo reads as 0: the forward search before read it as an offset from the end)
    return _last_sentence_end(_exact_str(text), max(lo, 0), min(hi, len(text)))


def _exact_str(text: str) -> str:
    """``text`` as an exact ``str`` (a subclass such as ``numpy.str_`` reads the same)."""
    if type(text) is str:
        return text
    from glossar.arguments import text_argument

    return text_argument(text)


def _last_sentence_end(text: str, lo: int, hi: int) -> int:
    # Backwards from hi: the candidates (punctuation before white space) of a stretch
    # before hi, found forward, judged last first; the first boundary is the answer, so
    # the cost is the distance back to it, not the window. A candidate is the same match
    # whichever offset the search starts from (it starts after no punctuation and runs
    # to white space; two never overlap), so stretches find what one search from lo
    # finds. Each judgement reads what the forward loop gave it: the line from its last
    # line break (or floor) to the next one within LOOK_AHEAD.
    floor = max(0, lo - MAX_SEGMENT)
    n = len(text)
    # one character past hi: the candidate's look ahead (a space after it) must see it,
    # or a sentence ending right at hi would not be found (the cut went inside it)
    endpos = min(n, hi + 1)
    # line breaks after the candidates, searched once from hi back: the first line break
    # at or after nl_from before limit is nl_at (-1: none)
    limit = min(n, hi + LOOK_AHEAD)
    nl_from = limit
    nl_at = -1
    # the last line break before the candidate judged last (floor - 1: none after
    # floor; n: not searched yet)
    ls_nl = n
    stop = endpos  # candidates starting here or later are judged already
    size = _BACK_STRETCH
    while stop > lo:
        start = max(lo, stop - size)
        size *= 2
        found = []
        # a candidate from before stop reaches past it through punctuation and closing
        # quotes only: the search ends at the white space after those (or endpos)
        run = _CLOSING_RUN.match(text, stop, endpos)
        scan_end = min(endpos, (run.end() if run is not None else stop) + 1)
        for m in _CANDIDATE.finditer(text, start, scan_end):
            if m.start() >= stop:
                break
            found.append(m)
        stop = start
        for m in reversed(found):
            m_end = m.end()
            k = hard_break_after(text, m_end, nl_from)
            if k >= 0:
                nl_at = k
            nl_from = m_end
            # as far ahead as split_sentences may look from here (a closing “ within
            # MAX_SEGMENT, the next word after white space): the caller keeps LOOK_AHEAD
            # characters past hi in the text
            reach = min(n, m_end + LOOK_AHEAD)
            nl = nl_at if 0 <= nl_at < reach else -1
            line_end = nl if nl >= 0 else reach
            gap_end = m_end
            while gap_end < line_end and text[gap_end].isspace():
                gap_end += 1
            if gap_end == line_end:
                if nl >= 0:
                    return m_end  # the line ends here: a segment ends anyway
                continue  # no word after it within reach: undecided, no cut here
            m_start = m.start()
            if ls_nl >= m_start:  # else none between it and this candidate either
                ls_nl = hard_break_before(text, floor, m_start)
                if ls_nl < 0:
                    ls_nl = floor - 1
            if _is_boundary(text, m, line_end, ls_nl + 1):
                return m_end
    return -1


def split_sentences(text: str) -> list[Segment]:
    """Split German ``text`` into sentences, each with its offsets and paragraph number."""
    return list(iter_sentences(text))


def iter_sentences(
    text: str, *, first_paragraph: int = 0, start: int = 0, end: int | None = None
) -> Iterator[Segment]:
    """The segments of :func:`split_sentences`, one at a time (constant extra memory).

    With ``start`` and ``end``, the segments of ``text[start:end]`` (offsets into
    ``text``), the text around it read only as the lines around a line break
    (:func:`soft_break`): what a streamed piece needs to read its first and last line
    breaks as the whole text does (:func:`line_context_start`, :func:`line_context_end`)."""
    text = _exact_str(text)
    paragraphs = iter_paragraphs(text, start, end)
    for number, (p_start, p_end) in enumerate(paragraphs, first_paragraph):
        line_start = p_start
        while line_start < p_end:
            nl = hard_break_after(text, line_start, p_end)
            line_end = p_end if nl < 0 else nl
            s, e = _strip_span(text, line_start, line_end)
            if s < e and text[s] == ">":  # an e-mail's quote marks: not the sentence's
                s, e = _strip_span(text, _after_quote_marks(text, s, e), e)
            if s < e:
                for a, b in _split_line(text, s, e):
                    yield Segment(a, b, text[a:b], number)
            line_start = line_end + 1


def _after_quote_marks(text: str, start: int, end: int) -> int:
    """Where a line's text starts after an e-mail's quote marks at ``start`` ("> > Die
    OVKS …", ">Die OVKS …"), or ``start`` where the marks are a typed quotation mark
    (">>Wir<<")."""
    marks = QUOTE_MARKS.match(text, start, end)
    if marks is None:
        return start
    glued = marks.end() < end and not text[marks.end() - 1].isspace()
    if glued and marks.group() != ">":  # (one ">" glued to a word is a mail's, as in fold)
        return start
    return marks.end()


def separator(text: str, before: Segment, after: Segment) -> str:
    """What joins two translated segments: a paragraph break, a line break or a space."""
    gap = text[before.end : after.start]
    if after.paragraph != before.paragraph:
        return "\n\n"
    if "\n" in gap:
        return "\n"
    return " "
