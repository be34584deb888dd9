"""A bilingual document as Markdown: one table per paragraph, terms in bold, a term list.

Headings and the title become Markdown headings (German, then the English in italics);
body blocks become tables with one row per sentence. Everything that Markdown would
interpret is escaped, so the German and English show exactly as they are.
"""

from __future__ import annotations

import re

from glossar.bilingual.highlight import english_spans, german_spans
from glossar.bilingual.pairing import BilingualDocument, Pair
from glossar.bilingual.render.common import columns_note, glossary_english, term_items
from glossar.i18n import _
from glossar.neutralise import for_markup

_SPACE = re.compile(r"\s+")
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: str) -> str:
    """Text that Markdown shows literally (one line: newlines become spaces)."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))


def _german(p: Pair) -> str:
    return "".join(
        f"**{escape(piece)}**" if term else escape(piece)
        for piece, term in german_spans(p.de, p.terms)
    )


def _english(text: str | None, p: Pair) -> str:
    if not text:
        return "—"
    entries = [t.entry for t in p.terms]
    return "".join(
        f"**{escape(piece)}**" if entry else escape(piece)
        for piece, entry in english_spans(text, entries)
    )


def _terms(p: Pair) -> str:
    return "; ".join(term_items(p, escape))


def _heading(p: Pair, level: str, show_ref: bool, show_mt: bool) -> list[str]:
    out = [f"{level} {_german(p)}", ""]
    if show_ref and p.en_ref:
        out.append(f"_{_english(p.en_ref, p)}_ (REF)  ")
    if show_mt and p.en_mt:
        out.append(f"_{_english(p.en_mt, p)}_ (MT)  ")
    return out


def render(doc: BilingualDocument) -> str:
    """The document as one Markdown text."""
    show_ref, show_mt = doc.has_reference, doc.mt is not None
    header = [_("German")]
    if show_ref:
        header.append(_("English (REF)"))
    if show_mt:
        header.append(_("English (MT)"))
    header.append(_("Terms"))

    blocks = doc.blocks()
    out: list[str] = []
    if blocks and blocks[0][0] == "title" and len(blocks[0][1]) == 1:
        out += _heading(blocks[0][1][0], "#", show_ref, show_mt)
        blocks = blocks[1:]
    elif doc.title:
        out += [f"# {escape(doc.title)}", ""]
        if doc.title_en_ref:
            out.append(f"_{escape(doc.title_en_ref)}_ (REF)  ")
    meta = [
        f"{_('Author')}: {escape(doc.author)}" if doc.author else "",
        f"{_('Place')}: {escape(doc.place)}" if doc.place else "",
    ]
    if any(meta):
        out += ["", " · ".join(m for m in meta if m)]
    out += ["", *[f"> {escape(line)}  " for line in columns_note(doc)]]

    for block, pairs in blocks:
        out.append("")
        if block in ("title", "heading") and len(pairs) == 1:
            out += _heading(pairs[0], "##", show_ref, show_mt)
            continue
        out.append(f"*{escape(block)}*")
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
    out += ["", f"## {_('Glossary terms used')}", ""]
    if doc.glossary:
        counts = doc.term_counts()
        out.append(f"| {_('German')} | {_('English')} | {_('Occurrences')} | {_('Note')} |")
        out.append("|---|---|---|---|")
        for e in doc.glossary:
            english = glossary_english(e)
            out.append(
                f"| {escape(e.de)} | {escape(english)} | {counts.get(e.id, 0)} | "
                f"{escape(e.note) if e.note else ''} |"
            )
    else:
        out.append(_("No glossary terms in this text."))
    return for_markup("\n".join(out) + "\n")  # no raw NUL/C0 from the text
