"""A bilingual document as Markdown: one table per paragraph, terms in bold, a term list.

Headings and the title become Markdown headings (German, then the English in italics);
body blocks become tables with one row per sentence. Everything that Markdown would
interpret is escaped, so the German and English show exactly as they are.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from glossar.bilingual.highlight import english_spans, german_spans
from glossar.bilingual.pairing import Pair, PairedDocument
from glossar.bilingual.render.common import (
    block_label,
    columns_note,
    german_as_read,
    glossary_english,
    iter_blocks,
    lines_text,
    marks_legend,
    numbers_note,
    single,
    term_items,
)
from glossar.i18n import _
from glossar.neutralise import for_markup

_SPACE = re.compile(r"\s+")
#: Characters Markdown would read as markup; "&" too: "&amp;" in the German was shown
#: as "&" (an entity reference).
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")


def escape(text: str) -> str:
    """Text that Markdown shows literally (one line: newlines become spaces)."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))


def _german(p: Pair) -> str:
    return "".join(
        f"**{escape(german_as_read(piece))}**" if term else escape(german_as_read(piece))
        for piece, term in german_spans(p.de, p.terms)
    )


def _english(text: str | None, p: Pair) -> str:
    if not text:
        return "—"
    entries = [t.entry for t in p.terms if t.sure]  # (a suggestion's English: no claim)
    return "".join(
        f"**{escape(piece)}**" if entry else escape(piece)
        for piece, entry in english_spans(text, entries)
    )


def _terms(p: Pair) -> str:
    numbers = numbers_note(p)
    return "; ".join([*term_items(p, escape), *([escape(numbers)] if numbers else [])])


def _heading(p: Pair, level: str, show_ref: bool, show_mt: bool) -> list[str]:
    out = [f"{level} {_german(p)}", ""]
    if show_ref and p.en_ref:
        out.append(f"_{_english(p.en_ref, p)}_ (REF)  ")
    if show_mt and p.en_mt:
        out.append(f"_{_english(p.en_mt, p)}_ (MT)  ")
    return out


def render(doc: PairedDocument) -> str:
    """The document as one Markdown text."""
    return "".join(render_pieces(doc))


def render_pieces(doc: PairedDocument) -> Iterator[str]:
    """The Markdown in pieces (head, a piece per pair or heading, the term list read
    after the pairs); joined, they are :func:`render`'s text."""
    show_ref, show_mt = doc.has_reference, doc.mt is not None
    header = [_("German")]
    if show_ref:
        header.append(_("English (REF)"))
    if show_mt:
        header.append(_("English (MT)"))
    header.append(_("Terms"))

    blocks = iter_blocks(doc.pairs)
    first = next(blocks, None)
    one = False
    out: list[str] = []
    if first is not None and first[0] == "title":
        one, pairs = single(first[1])
        first = None if one else (first[0], pairs)
    if one:
        out += _heading(next(pairs), "#", show_ref, show_mt)
    elif doc.title:
        out += [f"# {escape(doc.title)}", ""]
        if doc.title_en_ref:
            out.append(f"_{escape(doc.title_en_ref)}_ (REF)  ")
    meta = [
        _("Author: {author}").format(author=escape(doc.author)) if doc.author else "",
        _("Place: {place}").format(place=escape(doc.place)) if doc.place else "",
    ]
    if any(meta):
        out += ["", " · ".join(m for m in meta if m)]
    out += ["", *[f"> {escape(line)}  " for line in [*columns_note(doc), *marks_legend(doc)]]]
    yield for_markup(lines_text(out))  # no raw NUL/C0 from the text

    rest = blocks if first is None else itertools.chain((first,), blocks)
    for block, pairs in rest:
        out = [""]
        if block in ("title", "heading"):
            one, pairs = single(pairs)
            if one:
                out += _heading(next(pairs), "##", show_ref, show_mt)
                yield for_markup(lines_text(out))
                continue
        if block != "paragraph":  # body text needs no label (plain text is all paragraphs)
            out.append(f"*{escape(block_label(block))}*")
            out.append("")
        out.append("| " + " | ".join(escape(h) for h in header) + " |")
        out.append("|" + "---|" * len(header))
        for p in pairs:
            cells = [_german(p)]
            if show_ref:
                cells.append(_english(p.en_ref, p))
            if show_mt:
                cells.append(_english(p.en_mt, p))
            cells.append(_terms(p))
            out.append("| " + " | ".join(cells) + " |")
            yield for_markup(lines_text(out))
            out = []
    out = ["", "## " + _("Glossary terms used"), ""]
    glossary = doc.glossary  # complete now that every pair is read
    if glossary:
        counts = doc.term_counts()
        heads = (_("German"), _("English"), _("Occurrences"), _("Note"))
        out.append("| " + " | ".join(heads) + " |")
        out.append("|---|---|---|---|")
        for e in glossary:
            english = glossary_english(e)
            out.append(
                f"| {escape(e.de)} | {escape(english)} | {counts.get(e.id, 0)} | "
                f"{escape(e.note) if e.note else ''} |"
            )
    else:
        out.append(_("No glossary terms in this text."))
    yield for_markup(lines_text(out))
