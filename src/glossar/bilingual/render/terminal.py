"""A bilingual document for reading in a terminal: side by side, or stacked when narrow.

At 100 columns and wider the German sits left and the English right (reference and
MT each on their own labelled lines); below that each sentence is stacked, German
first. Text is wrapped before it is coloured, so colour codes never upset the
layout; without colour, each sentence's terms are still listed under it.
"""

from __future__ import annotations

import itertools
import re
import shutil
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import click

from glossar.bilingual.highlight import english_matches
from glossar.bilingual.pairing import MtInfo, Pair, PairedDocument
from glossar.bilingual.render.common import (
    columns_note,
    glossary_english,
    iter_blocks,
    lines_text,
    marks_legend,
    numbers_note,
    term_items,
)
from glossar.glossary.model import Entry
from glossar.i18n import _
from glossar.text.line_words import QUOTED_LINE_START

#: Below this width the columns are stacked.
SIDE_BY_SIDE_MIN = 100
#: Lines longer than this are hard to read even on a wide terminal.
MAX_WIDTH = 180
_GAP = " │ "

Span = tuple[int, int]


def _lines(text: str, width: int, **kw: str) -> list[str]:
    """``text`` wrapped at ``width``, never broken at a hyphen (OVKS-Truppen, mini-NATO)."""
    return textwrap.wrap(text, width=max(width, 10), break_on_hyphens=False, **kw) or [""]


_FLAT = str.maketrans("\n\t\r\v\f", "     ")


#: Runs of spaces a cell shows as one.
_SPACES = re.compile(" {2,}")


def _flat(text: str) -> str:
    """``text`` with the white space textwrap turns into spaces turned so here, one for
    one (a segment of wrapped text holds line breaks): each wrapped line is then found
    where it is, and no line break of the text breaks a column. A quoted e-mail's marks
    inside a segment are spaces too: they are no words of the sentence."""
    if "\n" in text and ">" in text:
        text = QUOTED_LINE_START.sub(lambda m: " " * len(m.group()), text)
    return text.translate(_FLAT) if "\n" in text or "\t" in text or "\r" in text else text


def _wrap(text: str, width: int) -> list[Span]:
    """Line spans of ``text`` wrapped at ``width`` (offsets, so highlights survive wrapping)."""
    flat = _flat(text)
    lines = _lines(flat, width)
    spans: list[Span] = []
    pos = 0
    for line in lines:
        found = flat.find(line, pos)
        if found < 0:  # textwrap changed whitespace inside the line: keep going roughly
            found = pos
        spans.append((found, found + len(line)))
        pos = found + len(line)
    return spans


class _Painter:
    """Applies styles to spans of a line, or nothing when colour is off."""

    def __init__(self, color: bool):
        self.color = color

    def style(self, text: str, **kw: object) -> str:
        return click.style(text, **kw) if self.color and text else text  # type: ignore[arg-type]

    def line(
        self, text: str, span: Span, marks: Iterable[Span], base: dict[str, object], **kw: object
    ) -> str:
        """``text[span]`` with ``marks`` styled by ``kw`` and the rest by ``base``."""
        start, end = span
        if not self.color:
            return text[start:end]
        out, pos = [], start
        for m_start, m_end in marks:
            s, e = max(m_start, start), min(m_end, end)
            if s >= e:
                continue
            out.append(self.style(text[pos:s], **base))
            out.append(self.style(text[s:e], **{**base, **kw}))
            pos = e
        out.append(self.style(text[pos:end], **base))
        return "".join(out)


def _cell(
    text: str | None,
    width: int,
    marks: list[Span],
    painter: _Painter,
    base: dict[str, object] | None = None,
    **kw: object,
) -> list[tuple[str, int]]:
    """Wrapped lines of one cell as (painted text, visible length)."""
    if not text:
        return [(painter.style("—", dim=True), 1)]
    text = _flat(text)  # (one for one: the marks' offsets hold)
    lines = []
    for span in _wrap(text, width):
        line = painter.line(text, span, marks, base or {}, **kw)
        shown = text[span[0] : span[1]]
        if "  " in shown:  # a line break with its quote marks: one space, as read
            line = _SPACES.sub(" ", line)
            shown = _SPACES.sub(" ", shown)
        lines.append((line, len(shown)))
    return lines


def _labelled(
    label: str,
    text: str | None,
    width: int,
    marks: list[Span],
    painter: _Painter,
    base: dict[str, object] | None = None,
    **kw: object,
) -> list[tuple[str, int]]:
    """A cell whose first line starts with ``label`` and whose other lines are indented."""
    pad = len(label)
    lines = _cell(text, width - pad, marks, painter, base, **kw)
    out = []
    for i, (painted, n) in enumerate(lines):
        prefix = painter.style(label, dim=True) if i == 0 else " " * pad
        out.append((prefix + painted, n + pad))
    return out


def _english_marks(text: str | None, entries: list[Entry]) -> list[Span]:
    return [(s, e) for s, e, _entry in english_matches(text or "", entries)]


def _terms_line(pair: Pair) -> str:
    items = term_items(pair)
    return "≡ " + " · ".join(items) if items else ""


def _pair_lines(
    p: Pair, width: int, painter: _Painter, *, show_ref: bool, show_mt: bool
) -> list[str]:
    entries = [t.entry for t in p.terms if t.sure]  # (a suggestion's English: no claim)
    de_marks = [(t.start, t.end) for t in p.terms]
    heading = p.block in ("title", "heading")
    de_style: dict[str, object] = {"bold": True} if heading else {}
    labels = show_mt and show_ref
    ref_label, mt_label = _("REF ") if labels else "", _("MT  ") if labels else ""
    lines: list[str] = []
    if not (show_ref or show_mt):  # no English at all (--no-mt, no reference): no column
        lines += [
            t for t, _n in _cell(p.de, width, de_marks, painter, de_style, fg="yellow", bold=True)
        ]
        terms = _terms_line(p)
        if terms:
            lines += ["  " + line for line in _lines(terms, width - 2)]
        return [line.rstrip() for line in lines]
    if width >= SIDE_BY_SIDE_MIN:
        left_w = (width - len(_GAP)) // 2
        right_w = width - len(_GAP) - left_w
        left = _cell(p.de, left_w, de_marks, painter, de_style, fg="yellow", bold=True)
        right: list[tuple[str, int]] = []
        if show_ref:
            right += _labelled(
                ref_label, p.en_ref, right_w, _english_marks(p.en_ref, entries), painter, fg="green"
            )
        if show_mt:
            right += _labelled(
                mt_label, p.en_mt, right_w, _english_marks(p.en_mt, entries), painter, fg="cyan"
            )
        if not right:
            right = [(painter.style("—", dim=True), 1)]
        for i in range(max(len(left), len(right))):
            l_text, l_n = left[i] if i < len(left) else ("", 0)
            r_text, _r_n = right[i] if i < len(right) else ("", 0)
            gap = painter.style(_GAP if r_text else _GAP.rstrip(), dim=True)
            lines.append(l_text + " " * (left_w - l_n) + gap + r_text)
        terms = _terms_line(p)
        if terms and (not painter.color or p.checks):  # colour shows terms, not their checks
            lines += ["  " + line for line in _lines(terms, width - 2)]
        if show_mt and (numbers := numbers_note(p)):
            lines += ["  " + painter.style(line, fg="red") for line in _lines(numbers, width - 2)]
    else:
        lines += [
            t
            for t, _n in _labelled(
                _("DE  "), p.de, width, de_marks, painter, de_style, fg="yellow", bold=True
            )
        ]
        if show_ref:
            lines += [
                t
                for t, _n in _labelled(
                    _("REF "),
                    p.en_ref,
                    width,
                    _english_marks(p.en_ref, entries),
                    painter,
                    fg="green",
                )
            ]
        if show_mt:
            lines += [
                t
                for t, _n in _labelled(
                    _("MT  "), p.en_mt, width, _english_marks(p.en_mt, entries), painter, fg="cyan"
                )
            ]
        terms = _terms_line(p)
        if terms:
            lines += ["    " + line for line in _lines(terms, width - 4)]
        if show_mt and (numbers := numbers_note(p)):
            lines += ["    " + painter.style(line, fg="red") for line in _lines(numbers, width - 4)]
    return [line.rstrip() for line in lines]


def _glossary_lines(
    glossary: list[Entry], counts: dict[str, int], width: int, painter: _Painter
) -> list[str]:
    """Each term used: German, English (and abbreviation), how often. Notes are in lookup/html."""
    if not glossary:
        return [_("No glossary terms in this text.")]
    lines = [painter.style(_("Glossary terms used ({n})").format(n=len(glossary)), bold=True)]
    de_w = min(max(len(e.de) for e in glossary), 28)
    for e in glossary:
        english = glossary_english(e)
        row = f"  {e.de:<{de_w}}  {english}  ×{counts.get(e.id, 0)}"
        wrapped = _lines(row, width, subsequent_indent=" " * (de_w + 4))
        first = wrapped[0]
        lines.append(painter.style(first[: de_w + 2], fg="yellow") + first[de_w + 2 :])
        lines += wrapped[1:]
    return lines


def _harmless(pair: Pair) -> Pair:
    """A copy of ``pair`` whose text cannot steer a terminal: control characters (ESC, so
    every ANSI sequence) shown as symbols. One character for one, so offsets still hold;
    the colour codes added here afterwards are the only escapes in the output."""
    from glossar.neutralise import for_terminal as t

    return replace(
        pair,
        de=t(pair.de),
        en_mt=_opt(pair.en_mt),
        en_ref=_opt(pair.en_ref),
        terms=[m._replace(text=t(m.text)) for m in pair.terms],
        block=t(pair.block),
    )


def _opt(text: str | None) -> str | None:
    from glossar.neutralise import for_terminal

    return None if text is None else for_terminal(text)


def _harmless_head(doc: PairedDocument) -> Head:
    """The document's header facts, made harmless as :func:`_harmless` makes a pair."""
    from glossar.neutralise import for_terminal

    return Head(
        title=_opt(doc.title),
        mt=doc.mt,
        mt_status=doc.mt_status,
        reference_label=_opt(doc.reference_label),
        title_en_ref=_opt(doc.title_en_ref),
        author=_opt(doc.author),
        place=_opt(doc.place),
        source=for_terminal(doc.source),
        has_reference=doc.has_reference,
    )


@dataclass(frozen=True, slots=True)
class Head:
    """What the terminal page says before its pairs (columns_note reads it)."""

    title: str | None
    mt: MtInfo | None
    mt_status: str
    reference_label: str | None
    title_en_ref: str | None
    author: str | None
    place: str | None
    source: str
    has_reference: bool


def render(doc: PairedDocument, *, width: int | None = None, color: bool = False) -> str:
    """The document as terminal text; ``width`` defaults to the terminal's."""
    return "".join(render_pieces(doc, width=width, color=color))


def render_pieces(
    doc: PairedDocument, *, width: int | None = None, color: bool = False
) -> Iterator[str]:
    """The terminal text in pieces (head, a piece per pair, the term list read after the
    pairs); joined, they are :func:`render`'s text."""
    head = _harmless_head(doc)
    show = {"show_ref": head.has_reference, "show_mt": head.mt is not None}
    if width is None:
        width = shutil.get_terminal_size((100, 24)).columns
    width = max(40, min(width, MAX_WIDTH))
    painter = _Painter(color)
    blocks = iter_blocks(_harmless(p) for p in doc.pairs)
    first = next(blocks, None)
    out: list[str] = []
    if first is not None and first[0] == "title":  # the title shows as a pair, with its terms
        for p in first[1]:
            out += _pair_lines(p, width, painter, **show)
            yield lines_text(out)
            out = []
        first = None
    elif head.title:
        out += [painter.style(line, bold=True) for line in _lines(head.title, width)]
        if head.title_en_ref:
            out += [painter.style(line, italic=True) for line in _lines(head.title_en_ref, width)]
    byline = " · ".join(x for x in (head.author, head.place) if x)
    if byline:
        out.append(painter.style(byline, dim=True))
    for note in columns_note(head):  # type: ignore[arg-type]
        out += _lines(note, width)
    for line in marks_legend(head, terminal=True):  # type: ignore[arg-type]
        out += _lines(line, width)
    rule = painter.style("─" * width, dim=True)
    rest = blocks if first is None else itertools.chain((first,), blocks)
    for _block, pairs in rest:
        out.append(rule)
        for i, p in enumerate(pairs):
            if i:
                out.append("")
            out += _pair_lines(p, width, painter, **show)
            yield lines_text(out)
            out = []
    out.append(rule)
    out += _glossary_lines(doc.glossary, doc.term_counts(), width, painter)
    yield lines_text(out)
