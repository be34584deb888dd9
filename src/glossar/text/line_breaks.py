"""Line breaks that go on with their sentence: text wrapped at a width (a PDF's, an
e-mail's, a newspaper's column) against the lines of their own that news puts
headlines, bylines, captions, lists and tables on.

Why a module of its own: the segmenter (:mod:`glossar.text.segment`) ends a segment at
every line break this module does not read as going on, the stream
(:mod:`glossar.text.stream`) cuts pieces where one ends a line and gives each piece the
lines around its cut, and `check` (:mod:`glossar.qa.align`) asks whether a text is
wrapped. Each decision reads at most :data:`_LOOK_LINES` lines of at most
:data:`_WRAP_MAX` characters each way (:func:`line_context_start`,
:func:`line_context_end`), so a piece of a stream reads a break as the whole text does.
The words on either side of a break are read by :mod:`glossar.text.line_words`.
Measured in docs/decisions.md ("Wrapped text", "Newspaper columns", "A paragraph's first
line", "Quoted e-mail").
"""

from __future__ import annotations

import re

from glossar.text.line_words import (
    _CLAUSE,
    _CLOSING_QUOTES,
    _DAY,
    _LINE_SPACE,
    _PROSE_END,
    OPENING,
    QUOTE_MARKS,
    _ends_soon,
    _goes_on,
    _goes_on_to,
    _month_at,
    _next_word,
    _opens_sentence,
    dateline_dash,
)
from glossar.text.marks import BULLETS

__all__ = [
    "LINE_CONTEXT",
    "OPENING",
    "hard_break_after",
    "hard_break_before",
    "line_context_end",
    "line_context_start",
    "soft_break",
    "strip_span",
]

#: A list item's mark at a line's start: a dash or bullet (a word processor's "o"), a
#: number or a letter with ")", a number, a letter a–h or a lower-case roman numeral with
#: a period, unless an abbreviation follows the letter's ("d. h.", "v. Chr.": a wrapped
#: line's start).
_LIST_MARK = re.compile(
    rf"(?:[{BULLETS}o]|\d{{1,3}}[.)]|[a-zA-Z]\)"
    r"|(?:[a-h]|i{1,3}|iv|vi{0,3}|ix|x)\.(?!\s+[^\W\d_]{1,4}\.))\s"
)
#: A label at a line's start: a capitalised word (or two) and a colon (a fact box's
#: "Zuschauer:", "Gelbe Karten:", a photo's "Foto:", an interview's "STANDARD:").
_LABEL = re.compile(r"[A-ZÄÖÜ][^\W\d_]*(?:-[^\W\d_]+)*(?: [A-ZÄÖÜ][^\W\d_]*)?:[ \t]")
#: A news agency's or a photographer's credit line after a caption ("dpa", "imago
#: images/ITAR-TASS"): lower-case, and no sentence's going on.
_CREDIT = re.compile(r"(?:dpa|imago|picture[ -]alliance|epa|afp|ap|apa|reuters|ddp)\b")
#: An article's credit in brackets after its last sentence: an agency, or an author and
#: a date ("(APA)", "(dpa, red)", "(APA, 11.9.2015)", "(András Szigetvari, 19.1.2016)").
_CREDIT_BRACKET = re.compile(
    r"\((?:(?:APA|dpa|AFP|AP|Reuters|KNA|epd|sda|red|ots)(?:[,/ ]+[\w./ -]{0,30})?"
    r"|[^()\n,]{2,40}, \d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d\d)\)"
)


def _credit_ends(text: str, j: int) -> bool:
    """Does the line ending at ``j`` (after ")") end with an article's credit right after a
    sentence's end?"""
    opening = text.rfind("(", max(0, j - 60), j)
    if opening < 0 or not _CREDIT_BRACKET.fullmatch(text, opening, j):
        return False
    before = opening
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    return before > 0 and text[before - 1] in '.!?…"“”»«'


#: What ends a sentence at a line's end (then only the width says that it goes on).
_SENTENCE_END = ".!?…:;"


def soft_break(text: str, nl: int) -> bool:
    """Does the line break at ``nl`` go on with the same sentence (a wrapped line)?

    Yes before a lower-case letter ("Ein Mann fährt mit dem⏎Fahrrad", "… sagte er,⏎dass");
    yes after a comma, a hyphen glued to a word, a dash, an abbreviation that never ends
    a sentence ("z. B.⏎Frankreich"), a word of :data:`_GOES_ON`, or an inflected word
    after an article; yes after a full line of text wrapped at a width
    (:func:`_wrapped_at`). Never before a list mark or an agency's credit ("dpa"). Not a
    short line ending in a noun or a verb before a capital ("Russland greift ein⏎Die
    Lage …"): a headline or a byline ends so, and a line that ends a sentence
    ("…⏎dpa"). Decided from the lines around the break alone (:data:`_LOOK_LINES` lines
    of at most :data:`_WRAP_MAX` characters each way: :func:`line_context_start`,
    :func:`line_context_end`), so a stream's piece and the whole text read it alike."""
    n = len(text)
    k = nl + 1
    while k < n and text[k] in _LINE_SPACE:
        k += 1
    if k >= n or text[k] == "\n":
        return False  # the text's end, or a blank line
    j = nl
    while j > 0 and text[j - 1] in _LINE_SPACE:
        j -= 1
    if j == 0:
        return False
    depth = _quoted(text, j)
    if text[k] == ">" or depth:
        # a quoted e-mail's lines ("> …"): read as the text they quote, at one depth
        quote = QUOTE_MARKS.match(text, k)
        if (quote.group().count(">") if quote else 0) != depth:
            return False  # a quote starts or ends, or changes depth
        k = quote.end() if quote else k
        if k >= n or text[k] == "\n" or _line_start(text, j) >= j:
            return False  # a quoted blank line (">"), before or after
    if text[j - 1] == ")" and _credit_ends(text, j):
        return False  # an article ends with its credit: "… Regime. (APA, 11.9.2015)"
    first = text[k]
    if first in "–—" and dateline_dash(text, j, k):
        return True  # "… fünf. Wien⏎– Gut eine Woche …", "die Tochter⏎–, sie habe"
    if first not in BULLETS and _hanging(text, nl, k) and not _LIST_MARK.match(text, k):
        # a list item's text goes on under it, indented to its column; not a heading's
        # item above its text ("1. Einleitung⏎   Die Studie zeigt …": the review's)
        return not (_opens_sentence(text, k) and _ended_short(text, nl, j, k))
    if _LIST_MARK.match(text, k):
        goes_on = _goes_on(text, j)
        # a list item, unless a number or a letter after a line that goes on and is no
        # item itself ("am⏎21. März", "d.⏎h. es"; not "1. die Steuern,⏎2. die Renten"),
        # or a dash or a number after a full line of wrapped prose ("erschüttern die
        # Unruhen⏎– trotz des Ausnahmezustands –", "deutlich auf⏎92. Der Gewinn …")
        if (first.isdigit() or first.islower()) and goes_on and not _starts_list_item(text, nl):
            return True
        if not (first.isdigit() or first in "–—") or _starts_list_item(text, nl):
            return False
        if first in "–—" and _ends_sentence(text, j):
            return False  # a dash after a sentence's end marks an item
        return _wrapped_at(text, nl, j, k)
    elif first.isupper() and _LABEL.match(text, k) and _labels_a_line(text, j, k):
        # a label starts a line of its own ("Schiedsrichter: Harald Lechner", "Foto:
        # APA/…", "STANDARD: …"), unless the line before goes on ("in⏎Wien: …")
        return _goes_on(text, j)
    elif first.islower() and first.isalpha():
        if _CREDIT.match(text, k) and not _goes_on(text, j):  # ("der⏎dpa am Montag")
            return False
        if not _ends_sentence(text, j, _SENTENCE_END):
            return True
    elif not (first.isalnum() or first in OPENING):
        return False
    elif first.isupper() and _DAY.search(text, max(0, j - 4), j) and _month_at(text, k):
        return True  # a date's day and its month ("bis zum 31.⏎Dezember 2017")
    return _goes_on(text, j) or _wrapped_at(text, nl, j, k)


def _labels_a_line(text: str, j: int, k: int) -> bool:
    """Is the label at ``k`` one of a line's own: after a line that ended (a sentence's
    end, a bracket: "(APA)⏎Foto: …", "…?⏎STANDARD: …") or in a block of labelled lines
    (the line before or after starts with one: "Gelb: …⏎Schiedsrichter: …")? Prose
    wraps before a noun and its colon too ("die ersten⏎Stadtstaaten: kleine …")."""
    if text[j - 1] in ".!?…:;)":
        return True
    start = _line_start(text, j)
    if start >= 0 and _LABEL.match(text, start):
        return True
    after = text.find("\n", k, k + _WRAP_MAX + 1) + 1
    while 0 < after < len(text) and text[after] in _LINE_SPACE:
        after += 1
    return after > 0 and _LABEL.match(text, after) is not None


def _line_start(text: str, end: int) -> int:
    """Where the text of the line ending at ``end`` starts (after its indent and an
    e-mail's quote marks, "> "); -1 for a line longer than :data:`_WRAP_MAX`, whose
    start is not read (the text's start, or a stream piece's, would decide otherwise)."""
    start = _indent_end(text, end)
    return _unquoted(text, start, end)[0] if start >= 0 else -1


def _indent_end(text: str, end: int) -> int:
    """Where the line ending at ``end`` starts after its indent (-1: a line longer than
    :data:`_WRAP_MAX`)."""
    start = text.rfind("\n", max(0, end - _WRAP_MAX - 1), end) + 1
    if start == 0 and end > _WRAP_MAX:
        return -1
    while start < end and text[start] in _LINE_SPACE:
        start += 1
    return start


def _quoted(text: str, end: int) -> int:
    """How deep the line ending at ``end`` is quoted: the ">" marks at its start (0: none;
    a line longer than :data:`_WRAP_MAX` counts as unquoted)."""
    start = _indent_end(text, end)
    if start < 0 or start >= end or text[start] != ">":
        return 0
    return text.count(">", start, _unquoted(text, start, end)[0])


def _hanging(text: str, nl: int, k: int) -> bool:
    """Is the line after the break ``nl`` (its text at ``k``) indented to the text of a
    list item: the item starts on the line before ("- Der Kurs wurde vom⏎  Geheimdienst
    …", "1. Die Steuern werden⏎   erhöht"), or on a line above whose hanging indent the
    line before shares (within :data:`_LOOK_LINES` lines, as a stream's piece reads)."""
    indent = k - (nl + 1)
    if indent < 2:
        return False
    if _item_column(text, nl) == indent:
        return True
    end = nl
    for _ in range(_LOOK_LINES - 1):
        begin = text.rfind("\n", 0, end) + 1
        start = _indent_end(text, end)
        if start < 0 or start >= end or start - begin != indent:
            return False  # a line not indented so (or blank, or too long)
        end = begin - 1
        if end < 0:
            return False
        if _item_column(text, end) == indent:
            return True
    return False


def _ended_short(text: str, nl: int, line_end: int, next_start: int) -> bool:
    """Would the next line's first word have fitted on the line ending at ``line_end``
    (both read from the line's start, indent included, as wide as the wider of them)?"""
    begin = text.rfind("\n", 0, nl) + 1
    width = line_end - begin
    next_end = text.find("\n", next_start)
    column = max(width, (len(text) if next_end < 0 else next_end) - (nl + 1))
    return _fits(text, next_start, width, column)


def _item_column(text: str, end: int) -> int:
    """The column where the text of a list item starts on the line ending at ``end``
    ("- Der Kurs": 2); -1 where the line starts no list item."""
    start = _line_start(text, end)
    if start < 0 or not _starts_list_item(text, end):
        return -1
    mark = _LIST_MARK.match(text, start)
    column = mark.end() if mark is not None else start
    while column < end and text[column] in _LINE_SPACE:
        column += 1
    return column - (text.rfind("\n", 0, start) + 1)


def _starts_list_item(text: str, nl: int) -> bool:
    """Does the line ending at the break ``nl`` start with a list mark (not a date's
    day: "5. Juli (AP). BERLIN,")?"""
    start = _line_start(text, nl)
    mark = _LIST_MARK.match(text, start) if start >= 0 else None
    if mark is None:
        return False
    return not (text[start].isdigit() and _month_at(text, mark.end()))


#: The narrowest column of wrapped text read as such (a newspaper's is 25–40), and the
#: widest line looked at (a longer one is no wrapped line; it also bounds what
#: :func:`_wrapped_at` reads).
_WRAP_MIN = 25
_WRAP_MAX = 160


#: Lines read on each side of a break for its column's width: a wrapped headline's or a
#: byline's lines are short all together, the body's lines around them are not.
_LOOK_LINES = 3


def _lines_before(text: str, end: int) -> list[tuple[int, int]]:
    """The spans (stripped) of up to :data:`_LOOK_LINES` lines before the line break at
    ``end``, nearest first; none past a blank line or a line wider than
    :data:`_WRAP_MAX`."""
    out: list[tuple[int, int]] = []
    while end >= 0 and len(out) < _LOOK_LINES:
        start = text.rfind("\n", max(0, end - _WRAP_MAX - 1), end)
        if start < 0 and end > _WRAP_MAX:
            break  # a longer line: not wrapped text
        s, e = _unquoted(text, *strip_span(text, start + 1, end))
        if s == e:
            break  # a blank line: the paragraph starts after it
        out.append((s, e))
        end = start
    return out


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``start``–``end`` of a stripped line without an e-mail's quote marks."""
    if start < end and text[start] == ">":
        start = QUOTE_MARKS.match(text, start, end).end()  # type: ignore[union-attr]
    return start, end


def _lines_after(text: str, start: int) -> list[tuple[int, int]]:
    """The spans (stripped) of up to :data:`_LOOK_LINES` lines from ``start`` (a line's
    first character) on, as :func:`_lines_before` reads them."""
    out: list[tuple[int, int]] = []
    n = len(text)
    while start < n and len(out) < _LOOK_LINES:
        end = text.find("\n", start, start + _WRAP_MAX + 1)
        if end < 0:
            if n > start + _WRAP_MAX:
                break
            end = n
        s, e = _unquoted(text, *strip_span(text, start, end))
        if s == e:
            break
        out.append((s, e))
        start = end + 1
    return out


_GAP = re.compile(r" {3,}")


def _gap_ends(text: str, start: int, end: int) -> set[int]:
    """Where, from the line's start, each run of three spaces or more in the line
    ``text[start:end]`` ends: a table's columns start at the same places line after
    line; a justified line's spread words do not (``pdftotext -layout``)."""
    if "   " not in text[start:end]:
        return set()
    return {m.end() - start for m in _GAP.finditer(text, start, end)}


def _aligned(gaps: set[int], other: set[int]) -> bool:
    """Do two lines' gaps make columns: two or more end at the same places, or each line
    has one and they end together (a justified line's spread words meet another's by
    chance at one place, "Mitarbeitern      und      276⏎Gläubigern        ein")?"""
    shared = len(gaps & other)
    return shared >= 2 or (shared == 1 and len(gaps) == len(other) == 1)


def _row(text: str, span: tuple[int, int] | None) -> bool:
    """Is the line ``span`` a table's row: two words or more with digits, a third of its
    words at least, and a number or a bracket at its end ("Rapid Wien 20 12 5 3 40:22
    41", "ÖVP 37,5 Prozent (plus 6 Prozentpunkte)")?"""
    if span is None:
        return False
    words = text[span[0] : span[1]].split()
    if not words or not (words[-1].endswith(")") or any(c.isdigit() for c in words[-1])):
        return False  # (prose full of numbers wraps anywhere: "von 5,2 auf⏎4,9 Prozent")
    digits = sum(1 for w in words if any(c.isdigit() for c in w))
    return digits >= 2 and digits * 3 >= len(words)


def _column(nearest: list[int], around: list[int]) -> int:
    """The width of the column the lines around a break were wrapped at: the wider of the
    lines next to it (``nearest``), or the second widest of all ``around`` it when that
    is wider (two body lines beyond a wrapped headline's or a byline's short ones; one
    wide line alone is an unwrapped headline's, no line of the column)."""
    column = max(nearest, default=0)
    if len(around) > 1:
        column = max(column, sorted(around)[-2])
    if column < _WRAP_MIN:  # a narrow column's ragged lines: its widest says its width
        column = max(around, default=0)
    return column


def _wrapped_at(text: str, nl: int, line_end: int, next_start: int) -> bool:
    """Is the line ending at ``line_end`` (its break at ``nl``) a full line of text wrapped at
    a width? The column (:func:`_column`, from :data:`_LOOK_LINES` lines each way) is at
    least :data:`_WRAP_MIN` wide; the line is at least half of it, no wider than it
    (+⅛), and the next line's first word would not have fitted on it. A paragraph's
    first line, or one after a line that ended short or ended a sentence, looks like a
    headline: it goes on only where its words show prose (:func:`_prose_goes_on`) or it
    is a headline's first line wrapped (:func:`_headline_goes_on`). A headline, inside
    wrapped text or above it, is shorter than the text around it by more than a word,
    or follows a line that ended short (a paragraph's last line), or comes before a
    line that ended for no sentence's reason (a byline's).
    Narrow columns (newspapers, 25–40 characters) leave lines short before a long
    compound; half the column admits them. A table's row is no prose: gaps aligned with
    the next line's, or numbers in it and a row beside it."""
    line_start = _line_start(text, nl)
    if line_start < 0:
        return False  # a longer line: not wrapped text
    before = text.rfind("\n", 0, line_start)  # (just before the line's indent)
    if (
        _opens_sentence(text, next_start, datelines=False)  # ("Bush⏎House. Er": no dateline)
        and not _goes_on(text, line_end)
        and _unpunctuated_opening(text, before, line_end)
    ):
        # a paragraph's lines without a mark, then a sentence's first word (capitalised,
        # it opens one: "Die", "Am"): a headline wrapped over them, its text below ("Auch
        # Wieczorek-Zeul wirft⏎das Handtuch⏎Die SPD-Politikerin …")
        return False
    width = line_end - line_start
    if width * 2 < _WRAP_MIN:
        return False  # under half the narrowest column (before reading the lines around)
    above = _lines_before(text, before) if before >= 0 else []
    below = _lines_after(text, next_start)
    gaps = _gap_ends(text, line_start, line_end)
    if gaps and any(_aligned(gaps, _gap_ends(text, s, e)) for s, e in above[:1] + below[:1]):
        return False  # gaps aligned with the next line's: a table's row, not prose
    previous = above[0][1] - above[0][0] if above else 0
    nearest = [e - s for s, e in above[:1] + below[:1]]
    column = _column(nearest, [e - s for s, e in above + below])
    if column < _WRAP_MIN or width * 2 < column or width > column + column // 8:
        # (a line wider than the lines around it is no line of their column), unless it
        # opens a paragraph of two lines, whose width says nothing, and its words go on
        # ("bei einem Flugzeugabsturz über 100⏎Menschen ums Leben gekommen.")
        return (
            len(below) == 1
            and width >= _WRAP_MIN
            and (_ends_soon(text, next_start) or _goes_on_to(text, line_end, next_start))
        )
    # a paragraph's first line, or one after a line that ended short (a headline, a
    # rubric, a date; this line's first word would have fitted on it): a headline above
    # its text looks so too
    opening = previous * 2 < column or _fits(text, line_start, previous, column)
    if opening and _headline_goes_on(text, below, column, next_start, width):
        return True
    if opening and not _prose_goes_on(text, line_start, line_end, next_start):
        return False
    if _fits(text, next_start, width, column):
        return False  # the next word would have fitted: the line ended for a reason
    if len(below) > 1:
        # the next line ended for a reason (its next word would have fitted) without a
        # mark of a sentence's end: a byline's or a headline's, not this line's going on
        # ("Betteln ist in Vorarlberg⏎politisch unerwünscht⏎Maria Schmidt⏎Wien – …")
        s1, e1 = below[0]
        if _fits(text, below[1][0], e1 - s1, column) and not _ends_sentence(
            text, e1, _SENTENCE_END + ","
        ):
            return False
    if _row(text, (line_start, line_end)) and (
        _row(text, above[0] if above else None) or _row(text, below[0] if below else None)
    ):
        return False  # a table's rows ("Rapid Wien 20 12 5 3 40:22 41")
    # a line that opens a sentence (the one before ended one) and ends without a mark
    # of its own is a headline as likely as prose: prose only with a comma or a
    # sentence's end in it, or where its words go on as a first line's do ("Eine kleine
    # Stadt mit zwei⏎Minaretten")
    if previous and _ends_sentence(text, before):
        return _prose_goes_on(text, line_start, line_end, next_start)
    return True


def _unpunctuated_opening(text: str, before: int, line_end: int) -> bool:
    """Do the lines from a paragraph's start to ``line_end`` (``before``: the line break
    before the last of them) hold no punctuation of a sentence? Read back at most
    :data:`_LOOK_LINES` lines, as a line break is (a paragraph's start further up: no)."""
    start = before
    for _ in range(_LOOK_LINES):
        if start < 0:
            break  # the text's start
        prev = text.rfind("\n", 0, start)
        if not text[prev + 1 : start].strip(_LINE_SPACE + ">"):
            break  # a blank line above: the paragraph starts after it
        start = prev
    else:
        return False
    return _SENTENCE_MARKS.search(text, max(start, 0), line_end) is None


def _prose_goes_on(text: str, line_start: int, line_end: int, next_start: int) -> bool:
    """Does a line that a headline looks like (a paragraph's first, one after a short
    line or after a sentence's end) show prose going on to the next line: a sentence's
    end or a clause after a comma inside it, unless the next line opens a text (a
    headline's "?" or comma: "Wurde Arafat vergiftet? Französische Justiz ermittelt⏎Acht
    Jahre …", "Hannover, Heidelberg und Mannheim …⏎Die Städte …"); its sentence ending
    within two words of the next line; or its last word going on to the next line's
    first (:func:`glossar.text.line_words._goes_on_to`)?"""
    if _PROSE_END.search(text, line_start, line_end) and not _opens_sentence(
        text, next_start, datelines=False
    ):
        return True  # (a name and its period read as a dateline: "Sein Gast hieß⏎Franz.")
    if _CLAUSE.search(text, line_start, line_end) and not _opens_sentence(text, next_start):
        return True
    return (
        _ends_soon(text, next_start)
        or _goes_on_to(text, line_end, next_start)
        or _BRACKET_GOES_ON.match(text, next_start) is not None
    )


#: A bracket at the next line's start and a lower-case word after it: the sentence goes
#: on through it ("… in Menden⏎(Sauerland) die Kontrolle …", a tester's wrapped news);
#: an agency's "(dpa) Berlin" or a caption's bracket is followed by a capital.
_BRACKET_GOES_ON = re.compile(r"\([^()\n]{1,40}\)[ \t]+[a-zäöüß]")

#: Marks inside a sentence or at its end: a line with one is prose, not a headline's.
_SENTENCE_MARKS = re.compile(r"[.!?…,;:\"“”»«]")
#: The narrowest column whose headlines :func:`_headline_goes_on` reads as wrapped: in a
#: newspaper's column (25–40) a kicker above its headline fills a line as often (the
#: stop-43 review's kicker layouts: 4–6 of 991 more glued at 32–40 columns, 3 at 60).
_HEADLINE_COLUMN = 50


def _headline_goes_on(
    text: str, below: list[tuple[int, int]], column: int, next_start: int, width: int
) -> bool:
    """Is an opening line, full, the first of a headline wrapped over two lines: the next
    line ends short (the word after it would have fitted) and opens nothing itself (no
    byline's "Von" or given name, no text's article), and the line after it opens a text
    ("Die …", "Berlin – …") and is a full line of it, or there is none? (A list of
    headlines or items, a line each, has a short line after the next as often: the
    stop-43 review's digests.)"""
    if not below or column < _HEADLINE_COLUMN or _fits(text, next_start, width, column):
        return False
    if width > max(e - s for s, e in below) + 1:
        return False  # wider than the text below: a headline on one line of its own
    s1, e1 = below[0]
    if _opens_sentence(text, s1) or _names_a_person(text, s1):
        return False
    if _ends_sentence(text, e1, ".:;"):
        return False  # a teaser's sentence or a label ("… in Oberstdorf:"), no headline's
    if len(below) > 1:
        if not _fits(text, below[1][0], e1 - s1, column):
            return False  # the next line is full: prose, judged by the rules below
        if len(below) < 3 or not _opens_sentence(text, below[1][0]):
            return False
        s2, e2 = below[1]
        return not _fits(text, below[2][0], e2 - s2, column)  # the text's full line
    # nothing after it (the text's end, a blank line): a short rest of a headline, not the
    # next of a list's lines
    return (e1 - s1) * 2 <= column


def _names_a_person(text: str, start: int) -> bool:
    """Does a given name open the line at ``start`` (a byline: "Maria Schmidt")?"""
    from glossar.text.names import given_names

    return _next_word(text, start) in given_names()


def _ends_sentence(text: str, end: int, marks: str = ".!?…") -> bool:
    """Does the line ending at ``end`` (a line break, or its last character's end) end
    with one of ``marks`` (before closing quotes and brackets)?"""
    j = end
    while j > 0 and text[j - 1] in _LINE_SPACE:
        j -= 1
    while j > 0 and text[j - 1] in _CLOSING_QUOTES:
        j -= 1
    return j > 0 and text[j - 1] in marks


def _fits(text: str, start: int, width: int, column: int) -> bool:
    """Would the word at ``start`` have fitted after a line ``width`` wide, in a column
    ``column`` wide (then that line ended for a reason, not for the width)?"""
    return width + 1 + _word_width(text, start) <= column


def _word_width(text: str, start: int) -> int:
    """The length of the word starting at ``start`` (to white space)."""
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return end - start


def line_context_start(text: str, end: int) -> int:
    """Where the text that :func:`soft_break` may read before ``end`` starts, for the
    line breaks after ``end``: the start of the :data:`_LOOK_LINES` lines before
    ``end``'s line, or :data:`_WRAP_MAX` + 2 characters before a line longer than that
    (it reads no further). ``text[line_context_start(text, end):end]`` before the text after ``end``
    reads each of its line breaks as ``text`` whole does; it needs at most
    :data:`LINE_CONTEXT` characters before ``end``."""
    reach = _WRAP_MAX + 2
    at = end
    for _ in range(_LOOK_LINES + 1):  # the line of ``end`` and the lines before it
        line_break = text.rfind("\n", max(0, at - reach), at)
        if line_break < 0:
            return max(0, at - reach)
        at = line_break
    return at + 1


#: The most text :func:`line_context_start` reaches back.
LINE_CONTEXT = (_LOOK_LINES + 1) * (_WRAP_MAX + 2)


def line_context_end(text: str, start: int) -> int:
    """Where the text that :func:`soft_break` may read after ``start`` ends, for the
    line breaks before ``start``: after the :data:`_LOOK_LINES` line breaks from
    ``start`` on, or :data:`_WRAP_MAX` + 2 characters after the last of them (it reads
    no further)."""
    at = start
    for _ in range(_LOOK_LINES):
        reach = min(len(text), at + _WRAP_MAX + 2)
        line_break = text.find("\n", at, reach)
        if line_break < 0:
            return reach
        at = line_break + 1
    return at


def hard_break_after(text: str, start: int, end: int) -> int:
    """The first line break in ``text[start:end]`` that ends a line (-1: none)."""
    nl = text.find("\n", start, end)
    while nl >= 0 and soft_break(text, nl):
        nl = text.find("\n", nl + 1, end)
    return nl


def hard_break_before(text: str, start: int, end: int) -> int:
    """The last line break in ``text[start:end]`` that ends a line (-1: none)."""
    nl = text.rfind("\n", start, end)
    while nl >= 0 and soft_break(text, nl):
        nl = text.rfind("\n", start, nl)
    return nl


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``, ``end`` moved inwards over white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
