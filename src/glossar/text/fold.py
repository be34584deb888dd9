"""Folding German text for comparison: case, umlauts, ß and the spellings ae/oe/ue/ss.

``fold_key`` is for whole strings (lookup keys). Offsets never matter there.

:func:`fold_text` folds running text for term recognition and keeps a map back to the
original offsets: full case folding changes lengths (``ß`` → ``ss``), NFC composition
merges a base letter and its combining marks, and whitespace runs collapse to one space
(so a multi-word term split across a line break still matches). The work is done by
whole chunks between "special" characters with ``str.casefold``/``str.translate`` in C;
only the rare special runs (``ß``, combining marks, whitespace runs, soft hyphens) go
through a per-character Python path.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

#: Horizontal whitespace (folded to one space each on the fast path).
_HSPACE = "\t\v\f\x1c\x1d\x1e\x1f \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
_HSPACE += "\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_NEWLINES = "\n\r\x85\u2028\u2029"
#: Hyphen look-alikes folded to ``-`` so ``OVKS‑Truppen`` (non-breaking hyphen) still splits.
_HYPHENS = "\u2010\u2011"
#: Characters that vanish: soft hyphen, zero-width space, word joiner, BOM, and the
#: zero-width non-joiner and joiner (German typesetting puts a non-joiner where a
#: ligature must not join a compound's parts: Auf\u200clage; "Ausnahme\u200czustand" was
#: no term). Inside a grapheme cluster (they extend the letter before) they vanish too.
DROPPED = "\u00ad\u200b\u2060\ufeff\u200c\u200d"
_DROP_TABLE = dict.fromkeys(map(ord, DROPPED))


def without_marks(text: str) -> str:
    """``text`` without the characters folding drops (a soft hyphen at a compound's
    seam: Landes\u00adregierung reads as Landesregierung)."""
    return text.translate(_DROP_TABLE)


#: Folded to ``ß`` itself, not ``ss`` (keys carry an ``ss`` twin).
_SHARP_S = "ßẞ"
#: Never safe: ``str.lower`` picks final sigma by context, ``casefold`` does not.
_SIGMA = "\u03a3"
#: Hangul vowel and trailing jamo compose with what precedes them although their class is 0.
_HANGUL_SECOND = [(0x1161, 0x1175), (0x11A8, 0x11C2)]
#: Scanned for safe characters; everything above goes through the careful path.
_SAFE_SCAN_LIMIT = 0x3000
#: Common spaces the fast path replaces itself; other characters that fold differently
#: from ``str.lower`` go through the careful path.
_FAST_SPACES = "\n\t\xa0"
#: Whitespace runs that may collapse: two or more characters, not only line breaks (a bare
#: paragraph break "\n\n" never collapses, so it is not even looked at).
_WS_RUN = re.compile(r"[^\S\n]\s+|\n[^\S\n]\s*")
#: A line break in an e-mail's quoted text, with the next line's quote marks ("> > "),
#: before the line's text: one space, as the break alone is (a term goes on over it). A
#: quoted blank line ("⏎>⏎") is a paragraph break and keeps its length; ">>" glued to a
#: word is a typed quotation mark (»), not an e-mail's.
_QUOTED_BREAK = re.compile(r"\n[ \t]*>(?:[ \t>]*[ \t])?(?=[^\s>])")
#: A careful run of white space alone, or with a quoted line's marks: one space.
_BLANK_RUN = re.compile(r"\s[\s>]*")
#: The quote marks a line starts with (none: an empty match).
_LEADING_MARKS = re.compile(r"[ \t]*(?:>[ \t]*)*")
#: Two safe whitespace characters side by side, not both line breaks; each pattern has a
#: literal prefix, which the regex engine scans for several times faster than a class.
_WS_PAIRS = [re.compile(p) for p in (" \\s", "\n[ \t\xa0]", "\xa0\\s", "\t\\s")]
_ANY_SPACE = re.compile(r"\s")
#: A term whose only whitespace is single spaces inside it.
_PLAIN_SPACES = re.compile(r"[^\s]+(?: [^\s]+)*")


def visible(text: str) -> str:
    """``text`` as it reads: composed (NFC) and without invisible marks (soft hyphens,
    zero-width spaces); ASCII text as it is. What the model, `check` and a compound's
    parts are judged on where the input came decomposed (macOS) or with marks."""
    if text.isascii():
        return text
    return without_marks(unicodedata.normalize("NFC", text))


def fold_case(text: str) -> str:
    """NFC + full case folding (``ß`` → ``ss``, ``ẞ`` → ``ss``)."""
    return unicodedata.normalize("NFC", text).casefold()


def fold_key(text: str) -> str:
    """Case-, umlaut- and ß-insensitive key: ``Flüssiggas``, ``FLUESSIGGAS`` → ``fluessiggas``.

    Whitespace runs become one space and invisible marks vanish (a soft hyphen, a zero
    width space: :data:`DROPPED`), so a term typed with a line break or copied from a
    web page still matches.
    """
    if text.isascii():  # most keys: NFC and umlauts cannot apply, casefold is lower
        return " ".join(text.lower().split())
    folded = fold_case(text)
    if "ä" in folded or "ö" in folded or "ü" in folded:
        folded = folded.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    return " ".join(folded.translate(_DROP_TABLE).split())


def fold_term(term: str) -> str:
    """A term folded exactly as :func:`fold_text` folds running text.

    ``Schießbefehl`` → ``schießbefehl`` (``ß`` is kept: term keys carry an ``ss`` twin so
    ``SCHIESSBEFEHL`` matches); whitespace runs become one space. Fast for plain terms.
    """
    if _special_run_re().search(term) is None and _PLAIN_SPACES.fullmatch(term):
        return term.lower()
    return " ".join(fold_text(term).text.split())


def _fold_char(c: str) -> str:
    """Full case folding, except that ``ß``/``ẞ`` stay ``ß`` (keys carry an ``ss`` twin)."""
    if c in _SHARP_S:
        return "ß"
    if c in _HSPACE or c in _NEWLINES:
        return " "
    if c in _HYPHENS:
        return "-"
    return c.casefold()


def _fold_cluster_text(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    out = "".join(_fold_char(c) for c in s)
    return unicodedata.normalize("NFC", out)


@lru_cache(maxsize=1)
def _fast_table() -> dict[int, str]:
    """``str.translate`` table applied after ``str.lower`` on the fast path."""
    return _special_and_table()[1]


@lru_cache(maxsize=1)
def _special_run_re() -> re.Pattern[str]:
    return _special_and_table()[0]


@lru_cache(maxsize=1)
def safe_latin_letters() -> frozenset[str]:
    """The Latin letters (ASCII to Latin Extended-B: a, ä, é, ß, č) that are safe
    (:func:`_special_run_re` finds nothing in them): a word of these folds to its
    ``str.lower`` (a set test, where a glossary's 40k non-ASCII stems cost two
    regular-expression calls each)."""
    special = _special_run_re().search
    letters = map(chr, range(0x250))
    return frozenset(c for c in letters if c.isalpha() and special(c) is None)


@lru_cache(maxsize=1)
def _safe_run_re() -> re.Pattern[str]:
    """A run of safe characters (possibly empty): the complement of :func:`_special_run_re`.

    Matching a positive class run is ~4× faster than searching for its negation (the
    engine tries the negated class at every position), and most text is all safe.
    """
    return re.compile("[" + _special_run_re().pattern[2:-2] + "]*")


def _special_spans(text: str, special: re.Pattern[str]) -> list[tuple[int, int]]:
    """``[m.span() for m in special.finditer(text)]``, found by skipping safe runs."""
    safe = _safe_run_re().match
    unsafe = special.match
    spans: list[tuple[int, int]] = []
    n = len(text)
    pos = safe(text).end()  # type: ignore[union-attr]
    while pos < n:
        m = unsafe(text, pos)
        assert m is not None  # text[pos] is not safe
        spans.append(m.span())
        pos = safe(text, m.end()).end()  # type: ignore[union-attr]
    return spans


@lru_cache(maxsize=1)
def _special_and_table() -> tuple[re.Pattern[str], dict[int, str]]:
    """Runs that need the careful path (unsafe characters and whitespace runs), and the
    fast path's ``str.translate`` table: see :func:`safe_class_and_table`.

    Read from :mod:`glossar.text.fold_safe` when it was written for this Python's Unicode
    database (working it out costs 15–30 ms of every process that folds text).
    """
    from glossar.text import fold_safe

    shipped = (fold_safe.UNIDATA_VERSION, fold_safe.RULES)
    if shipped == (unicodedata.unidata_version, safe_rules()):
        cls, table = fold_safe.SAFE_CLASS, fold_safe.TABLE
    else:
        cls, table = safe_class_and_table()
    return re.compile(rf"[^{cls}]+"), dict(table)


def safe_rules() -> int:
    """A checksum of what :func:`safe_class_and_table` reads besides the Unicode database:
    the shipped table is used only when these are the same as when it was written."""
    rules = (_SAFE_SCAN_LIMIT, DROPPED, _FAST_SPACES, _HSPACE, _NEWLINES, _HYPHENS)
    return zlib.crc32(repr((*rules, _HANGUL_SECOND, _SHARP_S, _SIGMA)).encode())


def safe_class_and_table() -> tuple[str, dict[int, str]]:
    """The safe characters as a regular-expression class body, and the ``str.translate``
    table the fast path applies after ``str.lower``, from this Python's Unicode database.

    A character is safe when it is its own NFC form, case-folds to exactly one character
    that is itself NFC, and never combines with what precedes it.
    """
    seconds: set[int] = set()
    for cp in range(_SAFE_SCAN_LIMIT):
        dec = unicodedata.decomposition(chr(cp))
        if dec and not dec.startswith("<"):
            parts = dec.split()
            if len(parts) == 2:
                seconds.add(int(parts[1], 16))
    for lo, hi in _HANGUL_SECOND:
        seconds.update(range(lo, hi + 1))
    safe_ranges: list[tuple[int, int]] = []
    table: dict[int, str] = {}
    for cp in range(_SAFE_SCAN_LIMIT):
        c = chr(cp)
        folded = _fold_char(c)
        low = c.lower()
        ok = (
            cp not in seconds
            and not unicodedata.combining(c)
            and unicodedata.normalize("NFC", c) == c
            and len(folded) == 1
            and len(low) == 1
            and unicodedata.normalize("NFC", folded) == folded
            and c not in DROPPED
            and not (0xD800 <= cp <= 0xDFFF)
            and c != _SIGMA
        )
        if ok and low != folded:
            if c in _FAST_SPACES:
                table[ord(low)] = folded
            else:
                ok = False  # rare: the careful path folds it
        if ok:
            if safe_ranges and safe_ranges[-1][1] == cp - 1:
                safe_ranges[-1] = (safe_ranges[-1][0], cp)
            else:
                safe_ranges.append((cp, cp))
    cls = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in safe_ranges
    )
    return cls, table


@dataclass(slots=True)
class FoldedText:
    """Running text folded for matching, with a map from folded to original offsets.

    ``breaks_f``/``breaks_o`` are parallel sorted lists: from folded offset ``breaks_f[i]``
    on, offsets advance one to one from ``breaks_o[i]`` (fast chunks), or a single folded
    character maps to the start of the original cluster it came from (careful runs).
    ``inner`` holds folded offsets that fall inside one original character (the second
    ``s`` of ``ß`` → ``ss``); no span may start or end there.
    """

    source: str
    text: str
    breaks_f: list[int] = field(default_factory=list)
    breaks_o: list[int] = field(default_factory=list)
    inner: frozenset[int] = frozenset()
    #: Like ``text`` but with case kept (same length and offsets); "" unless asked for.
    cased: str = ""

    def to_source(self, i: int) -> int:
        """The original offset of folded offset ``i`` (a cluster start)."""
        bf = self.breaks_f
        k = bisect_right(bf, i) - 1
        return self.breaks_o[k] + (i - bf[k])

    def is_inner(self, i: int) -> bool:
        """True when folded offset ``i`` cuts through one original character."""
        return i in self.inner


def fold_text(text: str, *, keep_case: bool = False) -> FoldedText:
    """Fold ``text`` (NFC + full case folding + whitespace runs → one space), keeping offsets.

    ``ß`` stays ``ß`` (so ``ß`` text needs no offset map; term keys get an ``ss`` twin
    for ``SCHIESSBEFEHL``). A whitespace run with at most one line break becomes a single
    space; paragraph breaks keep their length, so multi-word terms never match across them.

    ``keep_case`` also builds :attr:`FoldedText.cased` (for case-sensitive abbreviations).
    """
    return _fold_text(text, keep_case)


def _fold_text(text: str, keep_case: bool | None) -> FoldedText:
    """:func:`fold_text`; ``keep_case=None`` builds ``cased`` only when some character
    needs the careful path (otherwise offsets do not move and the text itself serves)."""
    special = _special_run_re()
    table = _fast_table()
    pieces: list[str] = []
    cased: list[str] = []
    bf: list[int] = []
    bo: list[int] = []
    inner: set[int] = set()
    fpos = 0
    opos = 0
    n = len(text)
    runs = _careful_runs(text, special)
    if keep_case is None:
        keep_case = bool(runs)
    blank_run = _BLANK_RUN.fullmatch
    for a, b in runs:
        # white space alone (with a quoted line's marks): one space, no cluster to read
        # (a quoted e-mail has one such run a line)
        blank = blank_run(text, a, b) is not None
        if (
            not blank
            and a > opos
            and (unicodedata.combining(text[a]) or _is_hangul_second(text[a]))
        ):
            a -= 1  # the base letter before the run composes with its marks
        if a > opos:
            chunk = _fast_fold(text[opos:a], table)
            bf.append(fpos)
            bo.append(opos)
            pieces.append(chunk)
            if keep_case:
                cased.append(_fast_fold(text[opos:a], table, lower=False))
            fpos += len(chunk)
        if blank:
            bf.append(fpos)
            bo.append(a)
            pieces.append(" ")
            if keep_case:
                cased.append(" ")
            fpos += 1
            opos = b
            continue
        for cs, ce in _clusters(text, a, b):
            cluster = text[cs:ce]
            if cluster[0].isspace():
                out = " "
            elif cluster in DROPPED:
                out = ""
            elif "\u200c" in cluster or "\u200d" in cluster:  # (extending the letter before)
                out = _fold_cluster_text(cluster.translate(_DROP_TABLE))
            else:
                out = _fold_cluster_text(cluster)
            for k in range(len(out)):
                bf.append(fpos + k)
                bo.append(cs)
                if k:
                    inner.add(fpos + k)
            pieces.append(out)
            if keep_case:
                shown = out if out in ("", " ") else unicodedata.normalize("NFC", cluster)
                cased.append(shown if len(shown) == len(out) else out)
            fpos += len(out)
        opos = b
    if opos < n or not bf:
        chunk = _fast_fold(text[opos:], table)
        bf.append(fpos)
        bo.append(opos)
        pieces.append(chunk)
        if keep_case:
            cased.append(_fast_fold(text[opos:], table, lower=False))
        fpos += len(chunk)
    bf.append(fpos)
    bo.append(n)
    return FoldedText(text, "".join(pieces), bf, bo, frozenset(inner), "".join(cased))


def _careful_runs(text: str, special: re.Pattern[str]) -> list[tuple[int, int]]:
    """Sorted, merged spans for the careful path: unsafe characters and collapsible spaces.

    A whitespace run collapses when it holds at most one line break; paragraph breaks keep
    their length (one space per character), so terms never match across paragraphs.
    """
    runs = _special_spans(text, special)
    n_special = len(runs)
    if ">" in text:  # an e-mail's quoted lines: the break and the marks are one space
        runs.extend(_quoted_breaks(text))
    n_quoted = len(runs) - n_special
    if not n_quoted and not _may_have_ws_run(text, runs):
        return runs
    for m in _WS_RUN.finditer(text):
        if _newline_count(m.group()) <= 1:
            runs.append(m.span())
    if len(runs) == n_special + n_quoted and not (n_special and n_quoted):
        return runs  # (one kind of run alone: sorted and apart already)
    runs.sort()
    merged: list[tuple[int, int]] = []
    for a, b in runs:
        if merged and a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _quoted_breaks(text: str) -> list[tuple[int, int]]:
    """The spans of :data:`_QUOTED_BREAK` that join two lines at one quote depth: a
    reply's line and the quote under it are two texts. (A text's first line without
    marks may be a quoted sentence's, its marks cut off with the text before: a
    segment of quoted text.) Consecutive quoted lines reuse the depth just read."""
    spans: list[tuple[int, int]] = []
    next_line = -1  # where the line after the last break starts, and its depth
    next_depth = 0
    for m in _QUOTED_BREAK.finditer(text):  # (a literal first: a fast scan)
        nl = m.start()  # (the pattern's first character)
        start = nl
        while start and text[start - 1] in " \t\r":  # the line's end: spaces, a CRLF's CR
            start -= 1
        if 0 <= next_line <= start and text.find("\n", next_line, start) < 0:
            line, depth = next_line, next_depth  # the line the last break went on to
        else:
            line = text.rfind("\n", 0, start) + 1
            depth = _LEADING_MARKS.match(text, line, start).group().count(">")  # type: ignore[union-attr]
        marks_after = m.group().count(">")
        if depth == marks_after or (line == 0 and depth == 0):
            spans.append((start, m.end()))
        next_line, next_depth = nl + 1, marks_after
    return spans


def _may_have_ws_run(text: str, runs: list[tuple[int, int]]) -> bool:
    """False when ``text`` surely holds no collapsible whitespace run (most prose).

    Safe whitespace is only space, tab, no-break space and ``\n`` (the rest is careful),
    so a run outside the careful spans needs two of them side by side, not both ``\n``.
    Literal-prefix scans are several times faster than the general run pattern.
    """
    if any(pattern.search(text) for pattern in _WS_PAIRS):
        return True
    return any(_ANY_SPACE.search(text, a, b) for a, b in runs)


def _newline_count(ws: str) -> int:
    return sum(ws.count(c) for c in _NEWLINES) - ws.count("\r\n")


def _fast_fold(chunk: str, table: dict[int, str], *, lower: bool = True) -> str:
    if lower:
        chunk = chunk.lower()
    for code, repl in table.items():
        c = chr(code)
        if c in chunk:
            chunk = chunk.replace(c, repl)
    return chunk


def _is_hangul_second(c: str) -> bool:
    cp = ord(c)
    return any(lo <= cp <= hi for lo, hi in _HANGUL_SECOND)


def _clusters(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split ``text[a:b]`` into folding units: whitespace runs, or a starter and its marks."""
    out: list[tuple[int, int]] = []
    i = a
    while i < b:
        j = i + 1
        if text[i].isspace():  # (and quote marks after a line break: _QUOTED_BREAK)
            while j < b and (text[j].isspace() or text[j] == ">"):
                j += 1
        else:
            while j < b and (unicodedata.combining(text[j]) or _is_hangul_second(text[j])):
                j += 1
        out.append((i, j))
        i = j
    return out
