"""The product's one sentence segmenter for German text, with offsets into the input.

Why this shape: MT, term recognition and the bilingual pairing must agree on what a
sentence is, so there is exactly one splitter. Rules, in order:

1. A blank line separates paragraphs (``paragraph`` counts them from 0).
2. A line break ends a segment: news text puts headlines, captions and bylines on
   lines of their own, usually without a final period. Not a line break that plainly
   goes on (:func:`soft_break`: text wrapped at a fixed width, as PDFs, columns and
   e-mails have it): one before a lower-case letter, after a comma, a hyphen glued to a
   word ("Bundes-⏎regierung"), a word no sentence or headline ends with (der, und …) or
   an adjective before its noun, or after a full line of wrapped prose (the next word
   would not have fitted on it); a list mark after it (``-``, ``•``, ``2.``) keeps it a
   break. Measured in docs/decisions.md ("Wrapped text").
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

from glossar.text.abbreviations import SENTENCE_OPENERS, abbreviation_kind

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
#: The longest segment handed on; longer runs without a boundary are cut at a space.
MAX_SEGMENT = 2000
#: Sentence-final punctuation, its closing quotes/brackets, then white space. The
#: look-behind makes a run of periods start one match only (linear on ``......``).
_CANDIDATE = re.compile(r"(?<![.!?…])([.!?…]+)[\"“”»«’'‘)\]]*(?=\s)")
#: What a candidate may hold after its first character (``last_sentence_end``).
_CLOSING_RUN = re.compile(r"[.!?…\"“”»«’'‘)\]]*")
#: Opening quotes and brackets, with the typewriter forms of „ and ‚: ``,,`` / ``,`` glued
#: to the word (Duden, "Anführungszeichen") and the TeX/wire-service ````…''`` style.
_OPENING = "„‚\"'»«([`"
_OPENING_TYPED = _OPENING + ","
#: An omission mark inside or between quoted sentences (Duden: "Auslassungspunkte"):
#: ``(...)``, ``[…]``. It is never a sentence end of its own.
_OMISSION = re.compile(r"[(\[](?:\.\.\.|…)[)\]]")
_ORDINAL = re.compile(r"\d{1,3}|\d{1,2}\.\d{1,2}")
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


#: Words no sentence or headline ends with (articles, determiners, conjunctions,
#: prepositions): a line ending in one goes on after its line break. Not the
#: prepositions that are also a verb's particle, with which a headline may end
#: ("Russland greift ein", "Lage spitzt sich zu"): an, auf, aus, ein, mit, nach, über,
#: um, unter, vor, zu …
_GOES_ON = frozenset(
    ["der", "die", "den", "dem", "des", "eine", "einen", "einem", "einer", "eines"]
    + ["und", "oder", "aber", "sondern", "dass", "weil", "wenn", "ob", "als", "wie"]
    + ["von", "vom", "zur", "zum", "im", "am", "beim", "für", "in", "ins", "zwischen"]
    + ["neben", "ohne", "seit", "bis", "während", "wegen", "trotz", "sowie"]
    + ["kein", "keine", "keinem", "seine", "seinen", "seinem", "seiner", "ihre"]
    + ["ihren", "ihrem", "ihrer", "diese", "diesen", "diesem", "dieser", "dieses"]
    + ["unsere", "unseren", "unserem", "unserer"]
)  # (not the pronouns a headline ends with: "Was bedeutet das", "… für jeden")
_LONGEST_GOES_ON = max(map(len, _GOES_ON))
#: Articles and determiners: an inflected word after one at a line's end is an
#: adjective, and its noun follows ("der russischen⏎Regierung"). Not a preposition
#: ("zu retten", "für alle", "vor dem Aus": a headline ends so).
_DETERMINERS = frozenset(
    ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"]
    + ["eines", "kein", "keine", "keinen", "keinem", "keiner", "dieser", "diese", "diesen"]
    + ["diesem", "dieses", "jeder", "jede", "jeden", "jedem", "seine", "seinen", "seinem"]
    + ["seiner", "ihre", "ihren", "ihrem", "ihrer", "unsere", "unseren", "unserer"]
)
#: Capitalised, a sentence's first word, which no headline ends with ("… sei.
#: Durch⏎Blockadeaktionen …"); not the particles that are nouns too ("vor dem Aus").
_OPENING_WORDS = _DETERMINERS | frozenset(
    ["mit", "nach", "bei", "über", "unter", "vor", "durch", "um", "für", "von", "in", "im"]
    + ["am", "zum", "zur", "beim", "vom", "seit", "während", "wegen", "ohne"]
)  # (not "Trotz", a noun too: "aus Trotz")
#: Words spelled like an inflected adjective after an article that are none: a
#: headline may end with them ("ein bisschen", "die anderen", "für alle").
_NOT_ADJECTIVES = frozenset(
    ["bisschen", "andere", "anderen", "anderer", "anderes", "alle", "allen", "beide"]
    + ["beiden", "viele", "vielen", "wenige", "wenigen", "einige", "einigen", "mehrere"]
    + ["allem", "alles", "jeden", "einen", "meisten", "besten", "größten", "ersten"]
    + ["letzten", "oben", "unten", "vorne", "hinten", "innen", "außen", "morgen"]
)  # (adverbs and pronouns after a preposition: "nach oben", "von morgen", "vor allem")
#: Prepositions (lower case) after which an inflected word is an adjective whose noun
#: follows ("über kollektive⏎Sicherheit"); not "zu" ("zu retten").
_CASE_PREPOSITIONS = frozenset(
    ["über", "unter", "mit", "nach", "bei", "von", "vom", "für", "gegen", "ohne", "aus"]
    + ["in", "im", "an", "am", "auf", "durch", "um", "seit", "während", "wegen", "trotz"]
    + ["zwischen", "neben", "hinter", "vor", "zum", "zur", "beim"]
)
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
#: The longest word read at a line's end.
_LONGEST_WORD = 40
#: A list item's mark at a line's start: a dash or bullet (a word processor's "o"), a
#: number or a letter with ")", a number, a letter a–h or a lower-case roman numeral with
#: a period, unless an abbreviation follows the letter's ("d. h.", "v. Chr.": a wrapped
#: line's start).
_LIST_MARK = re.compile(
    r"(?:[-–—•*·▪o]|\d{1,3}[.)]|[a-zA-Z]\)"
    r"|(?:[a-h]|i{1,3}|iv|vi{0,3}|ix|x)\.(?!\s+[^\W\d_]{1,4}\.))\s"
)
#: A label at a line's start: a capitalised word (or two) and a colon (a fact box's
#: "Zuschauer:", "Gelbe Karten:", a photo's "Foto:", an interview's "STANDARD:").
_LABEL = re.compile(r"[A-ZÄÖÜ][^\W\d_]*(?:-[^\W\d_]+)*(?: [A-ZÄÖÜ][^\W\d_]*)?:[ \t]")
#: A news agency's or a photographer's credit line after a caption ("dpa", "imago
#: images/ITAR-TASS"): lower-case, and no sentence's going on.
_CREDIT = re.compile(r"(?:dpa|imago|picture[ -]alliance|epa|afp|ap|apa|reuters|ddp)\b")
#: Horizontal white space around a line break.
_LINE_SPACE = " \t\r\f\v\u00a0"
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
    ("…⏎dpa"). Decided from the lines around the break alone (at most
    :data:`_WRAP_MAX` characters each way), so a stream cut and the whole text read it
    alike."""
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
    first = text[k]
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
    elif not (first.isalnum() or first in _OPENING):
        return False
    return _goes_on(text, j) or _wrapped_at(text, nl, j, k)


def _labels_a_line(text: str, j: int, k: int) -> bool:
    """Is the label at ``k`` one of a line's own: after a line that ended (a sentence's
    end, a bracket: "(APA)⏎Foto: …", "…?⏎STANDARD: …") or in a block of labelled lines
    (the line before or after starts with one: "Gelb: …⏎Schiedsrichter: …")? Prose
    wraps before a noun and its colon too ("die ersten⏎Stadtstaaten: kleine …")."""
    if text[j - 1] in ".!?…:;)":
        return True
    start = text.rfind("\n", max(0, j - _WRAP_MAX - 1), j) + 1
    while start < j and text[start] in _LINE_SPACE:
        start += 1
    if _LABEL.match(text, start):
        return True
    after = text.find("\n", k, k + _WRAP_MAX + 1) + 1
    while 0 < after < len(text) and text[after] in _LINE_SPACE:
        after += 1
    return after > 0 and _LABEL.match(text, after) is not None


def _starts_list_item(text: str, nl: int) -> bool:
    """Does the line ending at the break ``nl`` start with a list mark (not a date's
    day: "5. Juli (AP). BERLIN,")?"""
    start = text.rfind("\n", max(0, nl - _WRAP_MAX - 1), nl) + 1
    while start < nl and text[start] in _LINE_SPACE:
        start += 1
    mark = _LIST_MARK.match(text, start)
    if mark is None:
        return False
    if text[start].isdigit():
        from glossar.text.months import AUSTRIAN_MONTHS, GERMAN_MONTHS

        word = _word_after(text, mark.end(), nl)
        return word not in GERMAN_MONTHS and word not in AUSTRIAN_MONTHS
    return True


#: Closing quotes and brackets after a sentence's end.
_CLOSING_QUOTES = "\"“”»«’'‘)]"


def _last_word(text: str, j: int) -> tuple[int, str]:
    """The word ending at ``j`` (letters and NFD marks, NFC) and where it starts; ""
    when a digit or another letter-like character is glued to it."""
    i = j
    while i > 0 and j - i <= _LONGEST_WORD and (text[i - 1].isalpha() or _mark(text[i - 1])):
        i -= 1
    if i > 0 and text[i - 1].isalnum():
        return i, ""
    word = text[i:j]
    if not word.isascii():
        import unicodedata

        word = unicodedata.normalize("NFC", word)
    return i, word


def _mark(char: str) -> bool:
    return "\u0300" <= char <= "\u036f"


def _goes_on(text: str, j: int) -> bool:
    """Does the line ending at ``j`` (not blank) end inside its sentence: a comma, a
    glued hyphen, a dash, an abbreviation that never ends one, a word of
    :data:`_GOES_ON`, an inflected word after an article?"""
    last = text[j - 1]
    if last == ",":
        return True
    if last in "-–—":
        if j >= 2 and (text[j - 2].isalnum() or _mark(text[j - 2])):
            return last == "-"  # Bundes-⏎Regierung, Covid-19-⏎Pandemie
        return j >= 2 and text[j - 2] == " "  # "Almaty/Moskau –⏎Der …"
    if last == ".":
        from glossar.text.abbreviations import abbreviation_kind

        _start, word = _last_word(text, j - 1)
        # an initial or a letter of "z. B.", "u. a.", or an abbreviation before a name
        # or a number ("Dr.⏎Markus Weber", "ca.⏎500")
        return len(word) == 1 or (bool(word) and abbreviation_kind(word) in ("never", "number"))
    i, word = _last_word(text, j)
    if not word:
        return False
    low = word.lower()
    if word[:1].isupper():  # a sentence's first word ("Ein", "Durch"): no particle, no noun
        return low in _OPENING_WORDS
    if low in _GOES_ON:
        return True
    if not (word.islower() and word.endswith(_ADJECTIVE_ENDINGS)) or word in _NOT_ADJECTIVES:
        return False
    # an inflected adjective after an article or a determiner: its noun follows
    h = i - 1
    while h > 0 and text[h - 1] in _LINE_SPACE:  # (a CRLF line end too)
        h -= 1
    g, before = _last_word(text, h)
    return g < h and (before.lower() in _DETERMINERS or before in _CASE_PREPOSITIONS)


#: The narrowest column of wrapped text read as such (a newspaper's is 25–40), and the
#: widest line looked at (a longer one is no wrapped line; it also bounds what
#: :func:`_wrapped_at` reads).
_WRAP_MIN = 25
_WRAP_MAX = 160


def _line_width(text: str, start: int, end: int) -> int:
    """The length of ``text[start:end]`` without the white space around it."""
    start, end = _strip_span(text, start, end)
    return end - start


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
        s, e = _strip_span(text, start + 1, end)
        if s == e:
            break  # a blank line: the paragraph starts after it
        out.append((s, e))
        end = start
    return out


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
        s, e = _strip_span(text, start, end)
        if s == e:
            break
        out.append((s, e))
        start = end + 1
    return out


def _row(text: str, span: tuple[int, int] | None) -> bool:
    """Is the line ``span`` a table's row: two words or more with digits, a third of its
    words at least ("Rapid Wien 20 12 5 3 40:22 41", "ÖVP 37,5 Prozent (plus 6
    Prozentpunkte)")?"""
    if span is None:
        return False
    words = text[span[0] : span[1]].split()
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
    """Is the line ending at ``line_end`` (its break at ``nl``) a full line of text
    wrapped at a width? The column is as wide as the widest of the lines around it
    (:data:`_LOOK_LINES` each way), at least :data:`_WRAP_MIN`; the line is at least
    half of it, no wider than it (+⅛), and the next line's first word would not have
    fitted on it; and the line before it, when it is a line of the column (at least half
    as wide), was full as well (this line's first word would not have fitted on it).
    Else this is a paragraph's first line, which counts only when it holds a sentence's
    end of its own (prose, no headline). A headline, inside wrapped text or above it, is
    shorter than the text around it by more than a word, or follows a line that ended
    short (a paragraph's last line). Narrow columns (newspapers, 25–40 characters) leave
    lines short before a long compound; half the column admits them. A table's row is
    no prose: aligned gaps, or numbers in it and a row beside it."""
    before = text.rfind("\n", max(0, nl - _WRAP_MAX - 1), nl)
    if before < 0 and nl > _WRAP_MAX:
        return False  # a longer line: not wrapped text
    line_start = before + 1
    while line_start < line_end and text[line_start] in _LINE_SPACE:
        line_start += 1
    width = line_end - line_start
    if "   " in text[line_start:line_end]:
        return False  # (aligned gaps: a table's row, not prose)
    above = _lines_before(text, before) if before >= 0 else []
    below = _lines_after(text, next_start)
    previous = above[0][1] - above[0][0] if above else 0
    nearest = [e - s for s, e in above[:1] + below[:1]]
    column = _column(nearest, [e - s for s, e in above + below])
    if column < _WRAP_MIN or width * 2 < column or width > column + column // 8:
        return False  # (a line wider than the lines around it is no line of their column)
    if previous * 2 < column and _PROSE_END.search(text, line_start, line_end) is None:
        # a paragraph's first line, or one after a short one (a rubric, a date): a
        # headline above its text looks so too, unless a sentence ends inside it
        return False
    if width + 1 + _word_width(text, next_start) <= column:
        return False  # the next word would have fitted: the line ended for a reason
    if len(below) > 1:
        # the next line ended for a reason (its next word would have fitted) without a
        # mark of a sentence's end: a byline's or a headline's, not this line's going on
        # ("Betteln ist in Vorarlberg⏎politisch unerwünscht⏎Maria Schmidt⏎Wien – …")
        s1, e1 = below[0]
        if e1 - s1 + 1 + _word_width(text, below[1][0]) <= column and not _ends_sentence(
            text, e1, _SENTENCE_END + ","
        ):
            return False
    # the line before was full too: this line's first word did not fit on it
    if previous and previous + 1 + _word_width(text, line_start) <= column:
        return False
    if _row(text, (line_start, line_end)) and (
        _row(text, above[0] if above else None) or _row(text, below[0] if below else None)
    ):
        return False  # a table's rows ("Rapid Wien 20 12 5 3 40:22 41")
    # a line that opens a sentence (the one before ended one) and ends without a mark
    # of its own is a headline as likely as prose: prose only with a comma or a
    # sentence's end in it
    if previous and _ends_sentence(text, before):
        return "," in text[line_start:line_end] or (
            _PROSE_END.search(text, line_start, line_end) is not None
        )
    return True


def _ends_sentence(text: str, end: int, marks: str = ".!?…") -> bool:
    """Does the line ending at ``end`` (a line break, or its last character's end) end
    with one of ``marks`` (before closing quotes and brackets)?"""
    j = end
    while j > 0 and text[j - 1] in _LINE_SPACE:
        j -= 1
    while j > 0 and text[j - 1] in _CLOSING_QUOTES:
        j -= 1
    return j > 0 and text[j - 1] in marks


#: A sentence's end inside a line, before its next sentence: prose, no headline.
_PROSE_END = re.compile(r"[a-zäöüß)][.!?…][\"“”»«’']? +[A-ZÄÖÜ„\"]")


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


def _hard_break(text: str, start: int, end: int) -> int:
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


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence (or headline/caption line): ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    paragraph: int


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the blank-line separated paragraphs, without surrounding whitespace."""
    return list(iter_paragraphs(text))


def iter_paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """The spans of :func:`split_paragraphs` (of ``text[start:end]``), one at a time."""
    pos = start
    end = len(text) if end is None else end
    for m in _BLANK_LINE.finditer(text, start, end):
        s, e = _strip_span(text, pos, m.start())
        if s < e:
            yield s, e
        pos = m.end()
    s, e = _strip_span(text, pos, end)
    if s < e:
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
    return word, text[prev_start:prev_end].lstrip(_OPENING)


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
    if punct != ".":
        return True  # ! ? … and ...
    word, previous = _word_before(text, mark, floor)
    if not word:
        return True
    opener = nxt in SENTENCE_OPENERS
    kind = abbreviation_kind(word)
    if kind == "never":
        return False
    if kind == "number":
        return not (nxt[0].isdigit() or _ROMAN.fullmatch(nxt) is not None)
    if kind == "may" or _LETTER_DOTS.fullmatch(word):
        return opener
    if len(word) == 1 and word.isalpha():
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
            k = _hard_break(text, m_end, nl_from)
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
            nl = _hard_break(text, line_start, p_end)
            line_end = p_end if nl < 0 else nl
            s, e = _strip_span(text, line_start, line_end)
            if s < e:
                for a, b in _split_line(text, s, e):
                    yield Segment(a, b, text[a:b], number)
            line_start = line_end + 1


def separator(text: str, before: Segment, after: Segment) -> str:
    """What joins two translated segments: a paragraph break, a line break or a space."""
    gap = text[before.end : after.start]
    if after.paragraph != before.paragraph:
        return "\n\n"
    if "\n" in gap:
        return "\n"
    return " "
